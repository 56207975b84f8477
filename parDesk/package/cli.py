"""`pardesk identity …`, `pardesk package …` and `pardesk verify`.

Passphrases are asked for on the terminal; scripts pass them through the
environment variable named by ``--passphrase-env`` (default
``PARDESK_PASSPHRASE``) so they never appear in a process list.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError, register, t

register({
    "pkg.passphrase": ("Mật khẩu khóa ký: ", "Signing key passphrase: "),
    "pkg.passphrase_again": ("Nhập lại mật khẩu: ", "Passphrase again: "),
    "pkg.passphrase_mismatch": ("hai lần nhập mật khẩu không khớp", "the two passphrases differ"),
    "pkg.no_passphrase": ("cần mật khẩu: nhập trên bàn phím hoặc đặt biến môi trường {env}",
                          "a passphrase is needed: type it, or set the environment variable {env}"),
    "pkg.identity_created": ("Đã tạo khóa ký và chứng thư tự ký. Gửi {csr} cho Sở Nội vụ để đăng ký.",
                             "Signing key and self-signed certificate created. "
                             "Send {csr} to the province to register."),
    "pkg.no_identity": ("chưa có khóa ký; tạo bằng 'pardesk identity create'",
                        "no signing key yet; create one with 'pardesk identity create'"),
    "pkg.cert.subject": ("Chủ thể", "Subject"),
    "pkg.cert.issuer": ("Tổ chức cấp", "Issuer"),
    "pkg.cert.serial": ("Số hiệu", "Serial"),
    "pkg.cert.valid": ("Hiệu lực", "Valid"),
    "pkg.cert.fingerprint": ("Dấu vân tay SHA-256", "SHA-256 fingerprint"),
    "pkg.cert.key": ("Khóa", "Key"),
    "pkg.cert.self_signed": ("(tự ký, chưa đăng ký với tỉnh)", "(self-signed, not yet registered with the province)"),
    "pkg.built": ("Đã ký và đóng gói phiên bản {version}: {path}\nSHA-256 {sha}",
                  "Signed and packaged version {version}: {path}\nSHA-256 {sha}"),
    "pkg.reopened": ("Đã mở phiên bản {version} để bổ sung", "Opened version {version} for amendments"),
    "pkg.copied": ("Đã chép gói vào {dest} (SHA-256 {sha})", "Package copied to {dest} (SHA-256 {sha})"),
    "pkg.valid": ("HỢP LỆ — đã xác minh người ký", "VALID — signer verified"),
    "pkg.signer_unverified": ("Toàn vẹn, nhưng chưa xác minh được người ký (không có chứng thư tin cậy hay chứng thư "
                              "đã đăng ký: dùng --trust hoặc --pin)",
                              "Integrity verified, signer not verified (no trust anchor or registered certificate: "
                              "use --trust or --pin)"),
    "pkg.invalid": ("KHÔNG HỢP LỆ", "NOT VALID"),
    "pkg.reference_time": ("Thời điểm tham chiếu (nhận/kiểm tra)", "Reference time (receipt/verification)"),
    "pkg.bad_time": ("thời điểm không hợp lệ: {value} (cần dạng ISO 8601, ví dụ 2026-01-05T08:00:00+07:00)",
                     "invalid time: {value} (ISO 8601 expected, e.g. 2026-01-05T08:00:00+07:00)"),
    "pkg.unreadable_cert": ("không đọc được tệp chứng thư: {reason}", "cannot read the certificate file: {reason}"),
    "pkg.signer": ("Người ký", "Signer"),
    "pkg.signing_time": ("Thời điểm ký (thời điểm chốt dữ liệu, theo đồng hồ máy người ký)",
                         "Signing time (when the data was frozen, by the signer's clock)"),
    "pkg.hash": ("SHA-256 của gói", "Package SHA-256"),
    "pkg.trust_unknown": ("Người ký: chưa xác minh (không có --trust hay --pin)",
                          "Signer: not verified (no --trust or --pin)"),
    "pkg.trust_ok": ("Người ký: đã xác minh ({method})", "Signer: verified ({method})"),
    "pkg.trust_bad": ("Người ký: không được tin cậy", "Signer: not trusted"),
    "pkg.no_package": ("chưa có gói nào", "no package yet"),
    "pkg.tsa_set": ("Các biểu mẫu sẽ được ký kèm dấu thời gian (PAdES B-T) của {url}",
                    "Forms will be signed with a timestamp (PAdES B-T) from {url}"),
    "pkg.tsa_none": ("Chưa đặt máy chủ dấu thời gian: các biểu mẫu được ký PAdES B-B (thời điểm ký theo đồng hồ máy)",
                     "No timestamp server set: forms are signed PAdES B-B (signing time by this computer's clock)"),
})


def _passphrase(cli: Any, confirm: bool = False) -> str:
    env = getattr(cli.args, "passphrase_env", None) or "PARDESK_PASSPHRASE"
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ParDeskError("pkg.no_passphrase", env=env)
    first = getpass.getpass(t("pkg.passphrase"))
    if confirm and getpass.getpass(t("pkg.passphrase_again")) != first:
        raise ParDeskError("pkg.passphrase_mismatch")
    return first


def _store(ws: Any) -> Any:
    return ws.identity


def _cert_lines(info: Any) -> list[str]:
    fmt = "%d/%m/%Y %H:%M UTC"
    lines = [f"{t('pkg.cert.subject')}: {info.subject}", f"{t('pkg.cert.issuer')}: {info.issuer}"
             + (" " + t("pkg.cert.self_signed") if info.self_signed else ""),
             f"{t('pkg.cert.serial')}: {info.serial}",
             f"{t('pkg.cert.valid')}: {info.not_before.strftime(fmt)} – {info.not_after.strftime(fmt)}",
             f"{t('pkg.cert.fingerprint')}: {info.fingerprint_sha256}",
             f"{t('pkg.cert.key')}: {info.key_description}"]
    if info.warning is not None:
        lines.append("! " + info.warning.message())
    return lines


def _cert_json(info: Any) -> dict[str, Any]:
    return {"subject": info.subject, "issuer": info.issuer, "serial": info.serial,
            "not_before": info.not_before.isoformat(), "not_after": info.not_after.isoformat(),
            "fingerprint_sha256": info.fingerprint_sha256, "unit_code": info.unit_code,
            "self_signed": info.self_signed, "expires_in_days": info.expires_in_days,
            "warning": info.warning.message() if info.warning else None}


def cmd_identity_create(cli: Any) -> int:
    from parDesk.identity import UnitSubject

    ws = cli.ws()
    unit = ws.unit()
    store = _store(ws)
    info = store.create(UnitSubject(unit.name, unit.admin_code, unit.province), _passphrase(cli, confirm=True),
                        key_type="rsa-3072" if cli.args.rsa else "ec-p256", cert_days=cli.args.days,
                        overwrite=cli.args.replace)
    csr_path = store.path(store.CSR)
    ws.record_event("identity_create", info.fingerprint_sha256)
    cli.out(lambda: "\n".join(_cert_lines(info) + ["", t("pkg.identity_created", csr=str(csr_path))]),
            _cert_json(info) | {"csr": str(csr_path)})
    return 0


def cmd_identity_show(cli: Any) -> int:
    ws = cli.ws()
    info = _store(ws).info()
    if info is None:
        raise ParDeskError("pkg.no_identity")
    cli.out(lambda: "\n".join(_cert_lines(info)), _cert_json(info))
    return 0


def cmd_identity_csr(cli: Any) -> int:
    ws = cli.ws()
    pem = _store(ws).csr_pem()
    if pem is None:
        raise ParDeskError("pkg.no_identity")
    if cli.args.out:
        from parDesk.fsutil import atomic_write_bytes

        atomic_write_bytes(Path(cli.args.out), pem)
    cli.out(pem.decode("ascii") if not cli.args.out else cli.args.out, {"csr": pem.decode("ascii")})
    return 0


def cmd_identity_import_p12(cli: Any) -> int:
    ws = cli.ws()
    data = Path(cli.args.file).read_bytes()
    password = os.environ.get(cli.args.password_env) or (getpass.getpass("PKCS#12: ") if sys.stdin.isatty() else "")
    info = _store(ws).import_pkcs12(data, password, _passphrase(cli, confirm=True), overwrite=cli.args.replace)
    ws.record_event("identity_import", info.fingerprint_sha256)
    cli.out(lambda: "\n".join(_cert_lines(info)), _cert_json(info))
    return 0


def cmd_identity_install_cert(cli: Any) -> int:
    ws = cli.ws()
    info = _store(ws).install_certificate(Path(cli.args.file).read_bytes())
    ws.record_event("identity_install_cert", info.fingerprint_sha256)
    cli.out(lambda: "\n".join(_cert_lines(info)), _cert_json(info))
    return 0


def _progress_printer(cli: Any) -> Callable[[int, int], None] | None:
    if cli.json or not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d} %", end="", file=sys.stderr, flush=True)
    return show


def cmd_package_build(cli: Any) -> int:
    from parDesk.package.submission import build_submission

    ws = cli.ws()
    store = _store(ws)
    if not store.has_key():
        raise ParDeskError("pkg.no_identity")
    signer = store.signer(_passphrase(cli))
    rec = build_submission(ws, signer, progress=_progress_printer(cli), allow_problems=cli.args.allow_problems,
                           tsa_url=cli.args.tsa_url)
    if not cli.json and sys.stderr.isatty():
        print(file=sys.stderr)
    cli.out(t("pkg.built", version=rec.version, path=str(rec.path), sha=rec.sha256),
            {"version": rec.version, "path": str(rec.path), "sha256": rec.sha256, "size": rec.size,
             "previous_sha256": rec.previous_sha256, "submission_id": rec.submission_id})
    return 0


def cmd_package_tsa(cli: Any) -> int:
    """Show, set or clear the timestamp authority the forms are signed with (a workspace setting, audited)."""
    from parDesk.package.signed_forms import set_tsa_url, tsa_url

    ws = cli.ws()
    if cli.args.clear:
        set_tsa_url(ws, None)
    elif cli.args.url is not None:
        set_tsa_url(ws, cli.args.url)  # refused before anything is stored
    url = tsa_url(ws)
    cli.out(t("pkg.tsa_set", url=url) if url else t("pkg.tsa_none"), {"tsa_url": url})
    return 0


def cmd_package_list(cli: Any) -> int:
    from parDesk.package.submission import packages

    rows = packages(cli.ws())
    cli.out(lambda: "\n".join(f"v{r.version}  {r.created_at}  {r.sha256[:16]}  {r.size:>12,d}  {r.path.name}"
                              for r in rows) or t("pkg.no_package"),
            [{"version": r.version, "path": str(r.path), "sha256": r.sha256, "size": r.size,
              "previous_sha256": r.previous_sha256, "created_at": r.created_at} for r in rows])
    return 0


def cmd_package_reopen(cli: Any) -> int:
    from parDesk.package.submission import reopen

    ws = cli.ws()
    reopen(ws)
    version = ws.assessment().version
    cli.out(t("pkg.reopened", version=version), {"version": version})
    return 0


def cmd_package_copy(cli: Any) -> int:
    """Save a copy for the USB stick: the core's ``copy_package`` (the window's "Save for USB" too)."""
    from parDesk.fsutil import copy_package
    from parDesk.package.submission import packages

    rows = packages(cli.ws())
    if not rows:
        raise ParDeskError("pkg.no_package")
    rec = rows[-1]
    dest = copy_package(rec.path, Path(cli.args.dest), rec.sha256,
                        progress=_progress_printer(cli))
    cli.out(t("pkg.copied", dest=str(dest), sha=rec.sha256), {"path": str(dest), "sha256": rec.sha256})
    return 0


def _reference_time(text: str | None) -> Any:
    import datetime as dt

    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ParDeskError("pkg.bad_time", where="--at", value=text[:40]) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def cmd_verify(cli: Any) -> int:
    """Exit 0: valid and signer verified; 3: integrity verified, signer not verified; 1: not valid."""
    from parDesk.identity import load_certificates
    from parDesk.package.checks import verify_submission
    from parDesk.package.trust import Verdict

    def certs(paths: list[str] | None) -> list[Any]:
        out: list[Any] = []
        for path in paths or []:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ParDeskError("pkg.unreadable_cert", where=path, reason=exc.strerror or str(exc)) from None
            out.extend(load_certificates(data, where=path))
        return out

    from parDesk.package.chain_check import ChainStep, chain_state
    from parDesk.signing.trust import RevocationCache, load_anchors

    trusted: list[Any] = []
    for path in cli.args.trust or []:  # a folder of anchors (CA certificates), or certificate files
        trusted.extend(load_anchors(path) if Path(path).is_dir() else certs([path]))
    pinned = certs(cli.args.pin)
    steps = []
    chain = None
    if trusted:  # chain, validity at the signing time, key usage, revocation (CRL/OCSP)
        chain = ChainStep(trusted, online=not cli.args.offline,
                          cache=RevocationCache(cli.args.revocation_cache) if cli.args.revocation_cache else None,
                          accept_unknown_revocation=cli.args.accept_unknown_revocation)
        steps.append(chain)
    report = verify_submission(cli.args.package, trusted=trusted or None, pinned=pinned or None,
                               trust_steps=steps, reference_time=_reference_time(cli.args.at))
    info = report.signer_info
    verdict = report.verdict
    headline = {Verdict.TRUSTED: "pkg.valid", Verdict.SIGNER_UNVERIFIED: "pkg.signer_unverified",
                Verdict.INVALID: "pkg.invalid"}[verdict]

    def human() -> str:
        lines = [t(headline), f"{t('pkg.hash')}: {report.package_sha256}"]
        if info is not None:
            lines.append(f"{t('pkg.signer')}: {info.subject}")
        if report.signing_time is not None:
            lines.append(f"{t('pkg.signing_time')}: {report.signing_time.isoformat()}")
        if report.reference_time is not None:
            lines.append(f"{t('pkg.reference_time')}: {report.reference_time.isoformat()}")
        lines.append(t("pkg.trust_unknown") if report.trusted is None
                     else t("pkg.trust_ok", method=report.trust_method) if report.trusted else t("pkg.trust_bad"))
        for key in ("Source-Organization", "Unit-Code", "Submission-Version", "Framework-Id"):
            if key in report.bag_info:
                lines.append(f"{key}: {report.bag_info[key]}")
        lines.extend("  - " + p.message() for p in report.problems)
        return "\n".join(lines)

    cli.out(human, {"valid": verdict is Verdict.TRUSTED, "verdict": verdict.value,
                    "integrity": not report.problems, "package_sha256": report.package_sha256,
                    "signer": info.subject if info else None,
                    "signer_fingerprint": info.fingerprint_sha256 if info else None,
                    "signing_time": report.signing_time.isoformat() if report.signing_time else None,
                    "reference_time": report.reference_time.isoformat() if report.reference_time else None,
                    "trusted": report.trusted, "trust_method": report.trust_method,
                    "chain": chain_state(chain), "bag_info": report.bag_info,
                    "problems": [{"where": p.where, "key": p.key, "message": p.message()} for p in report.problems]})
    return report.exit_code


def register_commands(sub: Any, add: Callable[..., Any]) -> None:
    ident = sub.add_parser("identity", help="the unit's signing key and certificate")
    ids = ident.add_subparsers(dest="id_command", metavar="ACTION", required=True)

    def pass_env(sp: Any) -> None:
        sp.add_argument("--passphrase-env", default="PARDESK_PASSPHRASE",
                        help="environment variable holding the key passphrase (for scripts)")

    sp = add("create", cmd_identity_create, "generate a key, a self-signed certificate and a CSR", ids)
    sp.add_argument("--rsa", action="store_true", help="RSA 3072 with RSASSA-PSS instead of ECDSA P-256")
    sp.add_argument("--days", type=int, default=730)
    sp.add_argument("--replace", action="store_true", help="replace an existing identity (kept aside, not deleted)")
    pass_env(sp)
    add("show", cmd_identity_show, "show the certificate", ids)
    sp = add("csr", cmd_identity_csr, "print or save the certificate signing request", ids)
    sp.add_argument("--out")
    sp = add("import-p12", cmd_identity_import_p12, "import a PKCS#12 (.p12/.pfx) file", ids)
    sp.add_argument("file")
    sp.add_argument("--password-env", default="PARDESK_P12_PASSWORD")
    sp.add_argument("--replace", action="store_true")
    pass_env(sp)
    sp = add("install-cert", cmd_identity_install_cert, "install the certificate the province issued for our CSR", ids)
    sp.add_argument("file")

    pkg = sub.add_parser("package", help="build, list, reopen and copy signed submission packages")
    pks = pkg.add_subparsers(dest="pkg_command", metavar="ACTION", required=True)
    sp = add("build", cmd_package_build, "sign and package the assessment (locks it)", pks)
    sp.add_argument("--allow-problems", action="store_true", help="package even with blocking problems")
    sp.add_argument("--tsa-url", default=None, metavar="URL",
                    help="timestamp the signed forms (PAdES B-T) from this RFC 3161 server, this time only "
                         "('' for none; default: the workspace's 'package tsa' setting)")
    pass_env(sp)
    sp = add("tsa", cmd_package_tsa, "show or set the timestamp server the forms are signed with", pks)
    sp.add_argument("url", nargs="?", default=None, help="http(s) URL of the province's RFC 3161 timestamp server")
    sp.add_argument("--clear", action="store_true", help="sign without a timestamp (PAdES B-B)")
    add("list", cmd_package_list, "every package version", pks)
    add("reopen", cmd_package_reopen, "start the next version after a request for explanation", pks)
    sp = add("copy", cmd_package_copy, "save a verified copy of the latest package (USB stick)", pks)
    sp.add_argument("dest")

    sp = add("verify", cmd_verify, "verify a package: zip shape, bag, signature, signer, scores, evidence "
             "(exit 0: valid, signer verified; 3: integrity verified, signer not verified; 1: not valid)")
    sp.add_argument("package")
    sp.add_argument("--trust", action="append", metavar="DIR|FILE",
                    help="trust anchors: a folder of CA certificates, or a certificate file (repeatable); "
                         "checks the chain, validity at the signing time, key usage and revocation (CRL/OCSP)")
    sp.add_argument("--offline", action="store_true", help="never fetch CRL/OCSP (revocation then unknown)")
    sp.add_argument("--accept-unknown-revocation", action="store_true",
                    help="accept, provisionally, a signer whose revocation status cannot be obtained")
    sp.add_argument("--revocation-cache", metavar="DIR", help="keep fetched CRL/OCSP answers in DIR")
    sp.add_argument("--pin", action="append", metavar="CERT",
                    help="the unit's registered certificate: the signer must have its key (repeatable)")
    sp.add_argument("--at", metavar="TIME", help="reference time (ISO 8601), e.g. the receipt time; default now")
