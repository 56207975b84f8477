"""``pardesk-server``: run the provincial server and administer it.

Administration runs on the server machine against its data folder (access to
that folder *is* the administrator credential; remote administration uses the
``/admin/v1`` API with a token from ``pardesk-server admin token``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError, register, set_language, t

register({
    "srvcli.approved": ("Đã phê duyệt đơn vị {unit}; khóa ký số {fp}…", "Approved unit {unit}; signing key {fp}…"),
    "srvcli.published": ("Đã ban hành bộ chỉ số {id} ({hash}…)", "Published framework {id} ({hash}…)"),
    "srvcli.imported": ("Đã nhập {count} kết quả thẩm định cho {units} đơn vị",
                        "Imported {count} appraisal result(s) for {units} unit(s)"),
    "srvcli.exported": ("Đã xuất {count} đơn vị vào {path}", "Exported {count} unit(s) to {path}"),
    "srvcli.receipt": ("Biên nhận: {path}", "Receipt: {path}"),
    "srvcli.token": ("Mã truy cập quản trị (chỉ hiện một lần): {token}", "Admin token (shown once): {token}"),
    "srvcli.gc": ("Đã xóa {count} lượt tải lên hết hạn", "Removed {count} expired uploads"),
    "srvcli.password_prompt": ("Mật khẩu: ", "Password: "),
    "srvcli.fingerprint": ("Dấu vân tay khóa máy chủ (công bố cho các xã): {fp}",
                           "Server key fingerprint (publish it to the communes): {fp}"),
})


def _service(args: argparse.Namespace, **overrides: Any):
    from parDesk.sync.server.config import ServerConfig
    from parDesk.sync.server.service import ServerService
    from parDesk.sync.server.storage import make_storage

    cfg = ServerConfig(data_dir=Path(args.data), database_url=args.db or "", province=args.province or "",
                       **overrides)
    # accepted packages: the data folder (default) or an S3 bucket; uploads in progress stay in <data>/storage
    storage = make_storage(args.storage, cfg.data_dir / "storage", endpoint_url=args.s3_endpoint or None)
    return ServerService(cfg, storage=storage)


def _print(args: argparse.Namespace, human: str, data: Any) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(human)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from parDesk.sync.server.app import create_app

    overrides: dict[str, Any] = {}
    if args.max_package_mb:
        overrides["max_package_bytes"] = args.max_package_mb * 1024 * 1024
    for name in ("rate_per_unit", "burst_per_unit", "rate_per_ip", "burst_per_ip", "max_open_uploads_per_unit"):
        if getattr(args, name) is not None:
            overrides[name] = getattr(args, name)
    service = _service(args, **overrides)
    check = getattr(service.storage, "check", None)
    if check is not None:  # S3: a wrong bucket or credentials stop the server now, not at the first package
        try:
            check()
        except BaseException:
            service.close()
            raise
    app = create_app(service)
    service.desk().warm_up()  # templates compiled, frameworks parsed: the first dashboard costs what later ones do
    ssl = {}
    if args.ssl_certfile:
        ssl = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
    from parDesk.sync.server.httpguard import guarded_protocol

    # the server's own limits, so it is safe even without nginx in front (issue 13 §7, §10)
    http = guarded_protocol(args.max_header_kb * 1024, args.header_timeout)
    uvicorn.run(app, host=args.host, port=args.port, http=http, timeout_keep_alive=args.keep_alive,
                limit_concurrency=args.limit_concurrency, proxy_headers=args.proxy_headers,
                forwarded_allow_ips=args.forwarded_allow_ips, log_level=args.log_level, **ssl)
    service.close()
    return 0


def _password(args: argparse.Namespace) -> str:
    import getpass

    return os.environ.get("PARDESK_DESK_PASSWORD") or getpass.getpass(t("srvcli.password_prompt"))


def cmd_init(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.admin_user:  # the desk's first administrator
        from parDesk.sync.server.desk import accounts

        if not any(u.role == "admin" for u in accounts.list_users(service.session)):
            accounts.create_user(service.session, args.admin_user, _password(args), "admin")
    _print(args, t("srvcli.fingerprint", fp=service.fingerprint), {"fingerprint": service.fingerprint})
    service.close()
    return 0


def cmd_units_list(args: argparse.Namespace) -> int:
    service = _service(args)
    rows = [r.to_json() for r in service.registry.units_status(args.year)]
    service.close()
    lines = [f"{'unit':8} {'status':9} {'submitted':9} {'ver':>3} {'total':>7} {'%':>6}  name"]
    for r in rows:
        lines.append(f"{r['unit_code']:8} {r['status']:9} {('yes' if r['submitted'] else 'no'):9} "
                     f"{r['version'] or '':>3} {r['total'] or '':>7} {r['percent'] or '':>6}  {r['name']}")
    _print(args, "\n".join(lines), rows)
    return 0


def cmd_units_pending(args: argparse.Namespace) -> int:
    from parDesk.identity import cert_info, load_certificates

    service = _service(args)
    regs = service.registry.pending()
    service.close()
    out = []
    for r in regs:
        info = cert_info(load_certificates(r.cert_pem.encode())[0])
        out.append({"registration": r.id, "unit_code": r.unit_code, "unit_name": r.unit_name, "province": r.province,
                    "contact": r.contact, "created_at": r.created_at, "certificate_subject": info.subject,
                    "certificate_issuer": info.issuer, "self_signed": info.self_signed, "has_csr": bool(r.csr_pem),
                    "signing_key": r.signing_key_fp, "sync_key": r.sync_key_fp})
    _print(args, "\n".join(f"#{o['registration']} {o['unit_code']} {o['unit_name']} — key {o['signing_key'][:16]}… "
                           f"({'CSR' if o['has_csr'] else 'cert'}) {o['created_at']}" for o in out), out)
    return 0


def cmd_units_approve(args: argparse.Namespace) -> int:
    service = _service(args)
    unit = service.registry.approve(args.code, by=args.by or os.environ.get("USER", "admin"),
                                    registration_id=args.registration, issue=False if args.no_issue else None)
    service.close()
    _print(args, t("srvcli.approved", unit=unit.code, fp=unit.signing_key_fp[:16]),
           {"unit": unit.code, "signing_key": unit.signing_key_fp, "sync_key": unit.sync_key_fp})
    return 0


def cmd_units_revoke(args: argparse.Namespace) -> int:
    service = _service(args)
    service.registry.revoke(args.code)
    service.close()
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    service = _service(args)
    row = service.frameworks.publish(Path(args.file).read_bytes(), source=Path(args.file).name)
    service.close()
    _print(args, t("srvcli.published", id=row.fw_id, hash=row.hash[:12]), {"hash": row.hash, "id": row.fw_id})
    return 0


def cmd_appraisals(args: argparse.Namespace) -> int:
    from parDesk.sync.server.sheets import read_appraisals

    rows = read_appraisals(Path(args.file))
    service = _service(args)
    try:
        counts = service.appraisals.import_rows(rows, year=args.year)
    finally:
        service.close()
    _print(args, t("srvcli.imported", count=sum(counts.values()), units=len(counts)), counts)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from parDesk.sync.server.sheets import export_totals

    service = _service(args)
    n = export_totals(service, Path(args.file), args.year)
    service.close()
    _print(args, t("srvcli.exported", count=n, path=args.file), {"units": n, "path": args.file})
    return 0


def cmd_usb(args: argparse.Namespace) -> int:
    from parDesk.sync.receipts import receipt_text

    service = _service(args)
    result = service.intake.import_usb(Path(args.package))
    service.close()
    receipt = result.receipt
    dest = Path(args.receipt) if args.receipt else Path(args.package).with_suffix(".receipt.json")
    dest.write_text(json.dumps(receipt, ensure_ascii=False, indent=2), encoding="utf-8")
    _print(args, receipt_text(receipt["receipt"]) + "\n" + t("srvcli.receipt", path=str(dest)),
           {"status": result.status, "receipt_file": str(dest), "receipt": receipt["receipt"]})
    return 0 if result.status == "accepted" else 1


def cmd_token(args: argparse.Namespace) -> int:
    service = _service(args)
    token = service.tokens.create_admin(args.name)
    service.close()
    _print(args, t("srvcli.token", token=token), {"token": token})
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    """Desk accounts: add, list, password, disable, enable."""
    from parDesk.sync.server.desk import accounts

    service = _service(args)
    try:
        if args.users_command == "add":
            try:
                accounts.create_user(service.session, args.username, _password(args), args.role,
                                     agency=args.agency or "", display_name=args.name or "")
            except ParDeskError as exc:
                if exc.key == "desk.agency_needed":
                    exc.where = "--agency"  # the option the person typed the command with
                raise
        elif args.users_command == "password":
            accounts.set_password(service.session, args.username, _password(args))
        elif args.users_command in ("disable", "enable"):
            accounts.set_disabled(service.session, args.username, args.users_command == "disable")
        rows = [{"username": u.username, "role": u.role, "agency": u.agency, "name": u.display_name,
                 "disabled": u.disabled} for u in accounts.list_users(service.session)]
    finally:
        service.close()
    _print(args, "\n".join(f"{r['username']:20} {r['role']:10} {r['agency']:24} {r['name']}"
                           + (" (disabled)" if r["disabled"] else "") for r in rows), rows)
    return 0


def cmd_gc(args: argparse.Namespace) -> int:
    service = _service(args)
    n = service.gc()
    service.close()
    _print(args, t("srvcli.gc", count=n), {"removed": n})
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", default=os.environ.get("PARDESK_SERVER_DATA", "pardesk-server-data"),
                        help="server data folder (key, database, packages); $PARDESK_SERVER_DATA")
    common.add_argument("--db", default=os.environ.get("PARDESK_SERVER_DB", ""),
                        help="database URL, e.g. postgresql://user:pw@host/pardesk (default: SQLite in --data)")
    common.add_argument("--province", default=os.environ.get("PARDESK_PROVINCE", ""))
    common.add_argument("--storage", default=os.environ.get("PARDESK_SERVER_STORAGE", ""),
                        help="where accepted packages live: empty = <data>/storage/packages, or s3://bucket/prefix "
                             "(credentials from the usual AWS_* variables; needs pip install 'pardesk[s3]'); "
                             "$PARDESK_SERVER_STORAGE")
    common.add_argument("--s3-endpoint", default=os.environ.get("PARDESK_S3_ENDPOINT", ""),
                        help="S3-compatible endpoint URL, e.g. http://minio:9000 (default: AWS, or $AWS_ENDPOINT_URL); "
                             "$PARDESK_S3_ENDPOINT")
    common.add_argument("--lang", choices=("vi", "en"), default=None)
    common.add_argument("--json", action="store_true")
    p = argparse.ArgumentParser(prog="pardesk-server", parents=[common],
                                description="parDesk — máy chủ tiếp nhận của tỉnh / the provincial server")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func: Any, help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        sp = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        sp.set_defaults(func=func)
        return sp

    sp = add("serve", cmd_serve, "run the server (uvicorn)")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8443)
    sp.add_argument("--ssl-certfile", help="TLS certificate (PEM) — or terminate TLS at a reverse proxy")
    sp.add_argument("--ssl-keyfile")
    sp.add_argument("--max-package-mb", type=int, default=0)
    sp.add_argument("--keep-alive", type=int, default=15, help="seconds an idle kept-alive connection stays open")
    sp.add_argument("--rate-per-unit", type=float, help="authenticated requests per second per unit (default 20)")
    sp.add_argument("--burst-per-unit", type=int, help="burst per unit (default 200)")
    sp.add_argument("--rate-per-ip", type=float,
                    help="unauthenticated requests (hello, register) per second per address (default 10)")
    sp.add_argument("--burst-per-ip", type=int, help="burst per address, unauthenticated only (default 300)")
    sp.add_argument("--max-open-uploads-per-unit", type=int, help="unfinished uploads per unit (default 4)")
    sp.add_argument("--max-header-kb", type=int, default=32, help="largest request head (431 beyond)")
    sp.add_argument("--header-timeout", type=float, default=20.0,
                    help="seconds a client has to send a request head (408 beyond)")
    sp.add_argument("--limit-concurrency", type=int, default=1000)
    sp.add_argument("--proxy-headers", action="store_true")
    sp.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    sp.add_argument("--log-level", default="info")
    sp = add("init", cmd_init, "create the server key, certificate and database; print the key fingerprint")
    sp.add_argument("--admin-user", help="create the desk's first administrator (password: $PARDESK_DESK_PASSWORD "
                                         "or asked)")

    users = sub.add_parser("users", help="appraisal desk accounts: add, list, password, disable, enable")
    uss = users.add_subparsers(dest="users_command", required=True)
    sp = add("add", cmd_users, "create an account (password: $PARDESK_DESK_PASSWORD or asked)", uss)
    sp.add_argument("username")
    sp.add_argument("--role", required=True, choices=("admin", "appraiser", "viewer"))
    sp.add_argument("--agency", help="the appraiser's agency, e.g. 'Sở Tư pháp'")
    sp.add_argument("--name", help="display name")
    add("list", cmd_users, "every desk account", uss)
    for name, text in (("password", "set an account's password"), ("disable", "disable an account"),
                       ("enable", "enable an account")):
        sp = add(name, cmd_users, text, uss)
        sp.add_argument("username")

    units = sub.add_parser("units", help="units: list, pending, approve, revoke")
    us = units.add_subparsers(dest="units_command", required=True)
    sp = add("list", cmd_units_list, "every unit and its submission status", us)
    sp.add_argument("--year", type=int)
    add("pending", cmd_units_pending, "registrations waiting for approval", us)
    sp = add("approve", cmd_units_approve, "approve a unit's registration and pin its keys", us)
    sp.add_argument("code")
    sp.add_argument("--registration", type=int)
    sp.add_argument("--no-issue", action="store_true", help="pin the unit's own certificate even if self-signed")
    sp.add_argument("--by")
    sp = add("revoke", cmd_units_revoke, "revoke a unit's keys", us)
    sp.add_argument("code")
    from parDesk.sync.server.cli_trust import register_commands as trust_commands
    trust_commands(sub, us, add, _service, _print)  # trust add|list|remove, units bind|certs

    fw = sub.add_parser("framework", help="publish a framework")
    fws = fw.add_subparsers(dest="fw_command", required=True)
    sp = add("publish", cmd_publish, "publish a framework JSON to every unit", fws)
    sp.add_argument("file")

    ap = sub.add_parser("appraisals", help="import appraisal results")
    aps = ap.add_subparsers(dest="ap_command", required=True)
    sp = add("import", cmd_appraisals, "import appraisal results from JSON or XLSX", aps)
    sp.add_argument("file")
    sp.add_argument("--year", type=int)

    ex = sub.add_parser("export", help="export spreadsheets")
    exs = ex.add_subparsers(dest="ex_command", required=True)
    sp = add("totals", cmd_export, "every unit's totals in one XLSX", exs)
    sp.add_argument("file")
    sp.add_argument("--year", type=int)

    usb = sub.add_parser("usb", help="packages carried on a USB stick")
    usbs = usb.add_subparsers(dest="usb_command", required=True)
    sp = add("import", cmd_usb, "verify and accept a package file; write the receipt file to carry back", usbs)
    sp.add_argument("package")
    sp.add_argument("--receipt", help="where to write the receipt (default: beside the package)")

    adm = sub.add_parser("admin", help="administrator credentials")
    adms = adm.add_subparsers(dest="admin_command", required=True)
    sp = add("token", cmd_token, "create an admin API token", adms)
    sp.add_argument("name")
    add("gc", cmd_gc, "delete expired unfinished uploads now")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    set_language(args.lang or os.environ.get("PARDESK_LANG") or "vi")
    try:
        return args.func(args)
    except ParDeskError as exc:
        print(t("cli.error_prefix") + exc.message(), file=sys.stderr)
        return 2


register({"cli.error_prefix": ("Lỗi: ", "Error: ")})

if __name__ == "__main__":
    sys.exit(main())
