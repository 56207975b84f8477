"""Verify a submission package, streaming from the zip, memory flat.

Order matters: zip safety and parDesk's canonical zip shape first
(:mod:`parDesk.package.zipsafe`, directory and headers only, everything
bounded before anything is allocated); then every entry is read once, in file
order, through a reader that also computes the package SHA-256 in the same
pass (:mod:`parDesk.package.onepass`); then the bag is judged:

1. ``bagit.txt`` says BagIt 1.0, UTF-8;
2. ``manifest-sha256.txt`` lists every ``data/`` file and nothing else, and
   every hash matches; ``Payload-Oxum`` matches;
3. ``tagmanifest-sha256.txt`` covers bagit.txt, bag-info.txt and
   manifest-sha256.txt, and every hash matches; every other entry outside
   ``data/`` must be listed in it too (only ``signature.p7s`` is exempt), so
   no unsigned file rides along;
4. ``signature.p7s`` is a valid detached CMS over the tag manifest
   (:func:`parDesk.signing.cms.verify_detached_cms`), the signer certificate
   was valid at the signing time *and* at the reference time (the server's
   receipt time, else now: a self-claimed, backdated signing time cannot hide
   an expired certificate); it is the very certificate bag-info's signed
   ``Signer-Certificate-SHA256`` names (no certificate swapped in; see
   :mod:`parDesk.package.bag`);
5. the signer certificate's unit code equals bag-info's ``Unit-Code``;
6. the caller's ``extra_checks`` (the submission adds strict JSON, recomputed
   scores and evidence hashes: :mod:`parDesk.package.checks`);
7. trust (:mod:`parDesk.package.trust`): anchors, pinned certificates and the
   caller's trust steps decide whether the signer is *verified*. The report's
   :attr:`VerifyReport.verdict` is TRUSTED, SIGNER_UNVERIFIED ("integrity
   verified, signer not verified") or INVALID.

Every bag-info label may appear once; each tag file has its own size bound,
checked against the directory before it is read. ``openssl cms -verify`` and
``bagit.py --validate`` agree with steps 1–4 on every package parDesk writes.
Problems are :class:`ParDeskError` with ``where`` = the entry name, so the
report reads in Vietnamese or English.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.identity import CertInfo, cert_info, unit_code_of
from parDesk.package.bag import (
    BAG_INFO,
    BAGIT,
    CHUNK,
    MANIFEST,
    SIGNATURE,
    SIGNER_FIELD,
    TAGMANIFEST,
    CancelCheck,
    Cancelled,
    Progress,
)
from parDesk.package.onepass import OnePassReader
from parDesk.package.trust import EXIT_CODES, TrustInput, TrustStep, Verdict, pinned_step, run_trust_steps, verdict_of
from parDesk.package.zipsafe import NameFilter, ZipLimits, name_problem, open_safe
from parDesk.signing.cms import MAX_SIGNATURE_BYTES, verify_detached_cms

#: The limits a package is read under unless the caller says otherwise (ZipLimits is frozen: safe to share).
DEFAULT_LIMITS = ZipLimits()

register({
    "verify.unreadable": ("không đọc được tệp gói: {reason}", "cannot read the package file: {reason}"),
    "verify.entry_corrupt": ("dữ liệu trong tệp ZIP bị hỏng ({detail})", "the data in the ZIP is damaged ({detail})"),
    "verify.missing_tag": ("thiếu tệp bắt buộc của gói", "a required file of the package is missing"),
    "verify.tag_too_big": ("tệp quá lớn ({size} byte)", "the file is too large ({size} bytes)"),
    "verify.bad_bagit": ("tệp bagit.txt không đúng (cần BagIt-Version: 1.0 và Tag-File-Character-Encoding: UTF-8)",
                         "bagit.txt is wrong (expected BagIt-Version: 1.0 and Tag-File-Character-Encoding: UTF-8)"),
    "verify.bad_encoding": ("tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
    "verify.bad_line": ("dòng {line} không đúng định dạng", "line {line} is malformed"),
    "verify.unsupported_manifest": ("bảng kê dùng thuật toán không được hỗ trợ (chỉ SHA-256)",
                                    "the manifest uses an unsupported algorithm (SHA-256 only)"),
    "verify.manifest_duplicate": ("tệp được liệt kê hai lần trong {manifest}",
                                  "the file is listed twice in {manifest}"),
    "verify.manifest_outside": ("{manifest} liệt kê tệp ngoài phạm vi của nó",
                                "{manifest} lists a file outside its scope"),
    "verify.not_in_manifest": ("tệp không có trong bảng kê {manifest} (tệp bị thêm vào?)",
                               "the file is not listed in {manifest} (added after signing?)"),
    "verify.missing_file": ("tệp có trong bảng kê {manifest} nhưng không có trong gói (tệp bị xóa?)",
                            "the file is listed in {manifest} but missing from the package (removed?)"),
    "verify.hash_mismatch": ("nội dung tệp đã bị thay đổi (mã SHA-256 không khớp bảng kê)",
                             "the file's content was changed (SHA-256 does not match the manifest)"),
    "verify.oxum": ("Payload-Oxum ghi {claimed} nhưng dữ liệu thực có {actual}",
                    "Payload-Oxum says {claimed} but the payload is {actual}"),
    "verify.field_missing": ("thiếu trường {label}", "field {label} is missing"),
    "verify.field_repeated": ("trường {label} xuất hiện nhiều lần", "field {label} appears more than once"),
    "verify.unsigned_file": ("tệp không được bảo vệ bởi chữ ký (không có trong tagmanifest-sha256.txt)",
                             "the file is not covered by the signature (not in tagmanifest-sha256.txt)"),
    "verify.no_signature": ("gói không có chữ ký số (signature.p7s)",
                            "the package has no digital signature (signature.p7s)"),
    "verify.unit_mismatch": ("chứng thư số ký gói thuộc đơn vị mã {cert_code}, nhưng gói ghi Unit-Code {bag_code}",
                             "the signing certificate belongs to unit {cert_code}, "
                             "but the package says Unit-Code {bag_code}"),
    "verify.no_cert_unit": ("chứng thư số ký gói không ghi mã đơn vị", "the signing certificate carries no unit code"),
    "verify.signer_swapped": ("chứng thư số ký gói không phải chứng thư ghi trong gói "
                              "(SHA-256 {actual}, gói ghi {claimed})",
                              "the signing certificate is not the one the package names "
                              "(SHA-256 {actual}, package says {claimed})"),
    "verify.check_failed": ("lỗi khi kiểm tra bổ sung: {detail}", "an additional check failed to run: {detail}"),
    "verify.tag_field_too_long": ("trường {label} quá dài ({size} byte, tối đa {limit})",
                                  "field {label} is too long ({size} bytes, at most {limit})"),
    "verify.too_many_fields": ("bag-info.txt có {count} dòng, vượt giới hạn {limit}",
                               "bag-info.txt has {count} lines, over the limit of {limit}"),
})

#: Each tag file's bound, checked against the directory before a byte is read.
TAG_LIMITS = {BAGIT: 256, BAG_INFO: 64 * 1024, MANIFEST: 8 * 1024 * 1024, TAGMANIFEST: 4096,
              SIGNATURE: MAX_SIGNATURE_BYTES}
TAG_LIMIT = max(TAG_LIMITS.values())
BAG_INFO_FIELD_LIMIT = 4096     # one value, in bytes (the submission check is stricter: 1 KiB)
BAG_INFO_MAX_LINES = 100
_LINE = re.compile(r"^([0-9A-Fa-f]+)[ \t]+(.+)$")


@dataclass
class VerifyReport:
    """The verdict on one package.

    ``problems``: everything wrong (integrity, format, claims). ``valid`` is
    True iff ``problems`` is empty — integrity and claims, *not* who signed.
    ``trusted``: True when a trust step verified the signer (anchor chain or
    pinned key), False when one refused it, None when nothing could tell.
    :attr:`verdict` combines both; present that, never ``valid`` alone.
    """

    valid: bool
    problems: list[ParDeskError] = field(default_factory=list)
    package_sha256: str | None = None
    size: int = 0
    bag_info: dict[str, str] = field(default_factory=dict)
    bag_info_items: list[tuple[str, str]] = field(default_factory=list)
    signer: x509.Certificate | None = None
    signer_info: CertInfo | None = None
    signing_time: dt.datetime | None = None
    reference_time: dt.datetime | None = None
    trusted: bool | None = None
    trust_method: str = ""
    payload_files: int = 0
    payload_bytes: int = 0

    @property
    def verdict(self) -> Verdict:
        return verdict_of(self.problems, self.trusted)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]


@dataclass
class VerifyContext:
    """Handed to ``extra_checks``: the open (safety-checked) zip and the report so far.

    Entries may be re-read with :meth:`read` / :meth:`open`; their hashes have
    already been compared with the manifests (see ``report.problems``), and
    ``hashes`` holds ``{name: (sha256, size)}`` of every entry read intact.
    """

    zip: zipfile.ZipFile
    report: VerifyReport
    payload_names: list[str]
    now: dt.datetime
    hashes: dict[str, tuple[str, int]] = field(default_factory=dict)

    def open(self, name: str) -> BinaryIO:
        return self.zip.open(name, "r")  # type: ignore[return-value]

    def read(self, name: str, max_bytes: int = TAG_LIMIT) -> bytes:
        info = self.zip.getinfo(name)
        if info.file_size > max_bytes:
            raise ParDeskError("verify.tag_too_big", where=name, size=info.file_size)
        with self.zip.open(info, "r") as fh:
            return fh.read(max_bytes + 1)[:max_bytes]


ExtraCheck = Callable[[VerifyContext], Iterable[ParDeskError]]


@dataclass
class _Run:
    """One verification's inputs and what the single pass read."""

    zf: zipfile.ZipFile
    report: VerifyReport
    now: dt.datetime
    files: list[zipfile.ZipInfo]
    actual: dict[str, tuple[str, int]] = field(default_factory=dict)   # entries read intact
    kept: dict[str, bytes] = field(default_factory=dict)               # tag files' bytes

    @property
    def problems(self) -> list[ParDeskError]:
        return self.report.problems

    def text(self, name: str) -> str | None:
        if name not in self.kept:
            self.problems.append(ParDeskError("verify.missing_tag" if name != SIGNATURE else "verify.no_signature",
                                              where=name))
            return None
        return _parse_tag_text(self.kept[name], name, self.problems)


def _parse_tag_text(data: bytes, where: str, problems: list[ParDeskError]) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(ParDeskError("verify.bad_encoding", where=where))
        return None
    if text.startswith("\ufeff"):
        problems.append(ParDeskError("verify.bad_encoding", where=where))
        return None
    return text


def parse_bag_info(text: str, where: str, problems: list[ParDeskError]) -> list[tuple[str, str]]:
    """``Label: value`` lines with RFC 8493 continuation lines (leading whitespace)."""
    items: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line[0] in " \t":
            if not items:
                problems.append(ParDeskError("verify.bad_line", where=where, line=number))
                continue
            label, value = items[-1]
            items[-1] = (label, value + " " + line.strip())
            continue
        label, sep, value = line.partition(":")
        if not sep or not label.strip():
            problems.append(ParDeskError("verify.bad_line", where=where, line=number))
            continue
        items.append((label.strip(), value.strip()))
    return items


def _decode_path(path: str) -> str:
    # RFC 8493 §2.1.3: CR, LF and '%' are percent-encoded in manifests
    return re.sub(r"%(0[Dd]|0[Aa]|25)", lambda m: {"0d": "\r", "0a": "\n", "25": "%"}[m.group(1).lower()], path)


def parse_manifest(text: str, where: str, problems: list[ParDeskError]) -> dict[str, str]:
    """``{path: sha256}``; malformed lines and duplicates become problems."""
    out: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line:
            continue
        m = _LINE.match(line)
        if not m or len(m.group(1)) != 64:
            problems.append(ParDeskError("verify.bad_line", where=where, line=number))
            continue
        path = _decode_path(m.group(2))
        if path in out:
            problems.append(ParDeskError("verify.manifest_duplicate", where=path, manifest=where))
            continue
        out[path] = m.group(1).lower()
    return out


def check_unit_code(ctx: VerifyContext) -> list[ParDeskError]:
    """The signer certificate's unit code must equal bag-info's ``Unit-Code``."""
    report = ctx.report
    if report.signer is None:
        return []
    bag_code = _field(report, "Unit-Code")
    if bag_code is None:
        return [ParDeskError("verify.field_missing", where=BAG_INFO, label="Unit-Code")]
    cert_code = unit_code_of(report.signer)
    if cert_code is None:
        if report.signer.issuer != report.signer.subject:
            # CA-issued (a token's organisation certificate names no administrative code): who the
            # unit is comes from trust — the province's binding (pinned) or a chain to an anchor.
            return []
        return [ParDeskError("verify.no_cert_unit", where=SIGNATURE)]
    if cert_code != bag_code:
        return [ParDeskError("verify.unit_mismatch", where=BAG_INFO, cert_code=cert_code, bag_code=bag_code)]
    return []


def _field(report: VerifyReport, label: str) -> str | None:
    values = [v for k, v in report.bag_info_items if k.lower() == label.lower()]
    return values[0] if values else None


def verify_package(source: Path | str | BinaryIO, *,
                   trusted: Sequence[x509.Certificate] | None = None,
                   pinned: Sequence[x509.Certificate] | None = None,
                   trust_steps: Sequence[TrustStep] = (),
                   extra_checks: ExtraCheck | Sequence[ExtraCheck] | None = None,
                   limits: ZipLimits = DEFAULT_LIMITS,
                   now: dt.datetime | None = None,
                   names: NameFilter | None = None,
                   progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> VerifyReport:
    """Check a package file (path or seekable binary file); never raises for a bad package.

    Raises only :class:`~parDesk.package.bag.Cancelled` (when ``cancelled()``
    says so). ``trusted``: trust anchors the signer must be, or chain to;
    ``pinned``: certificates whose key the signer must have (the unit's
    registered certificate); ``trust_steps``: more signer checks
    (:mod:`parDesk.package.trust`). ``now`` is the reference time (the
    server's receipt time). ``names``: which entry names the layout allows
    (checked before anything is read).
    """
    now = now or dt.datetime.now(dt.UTC)
    report = VerifyReport(valid=False, reference_time=now)
    checks: list[ExtraCheck] = [extra_checks] if callable(extra_checks) else list(extra_checks or [])
    steps = list(trust_steps)
    if pinned:
        steps.insert(0, pinned_step(pinned, SIGNATURE))
    own_file = not hasattr(source, "read")
    try:
        # A caller's stream stays the caller's; a file opened here is closed in the finally below.
        raw: BinaryIO = open(source, "rb") if isinstance(source, (str, Path)) else source  # noqa: SIM115
    except OSError as exc:
        report.problems.append(ParDeskError("verify.unreadable", where=str(source), reason=exc.strerror or str(exc)))
        return report
    reader: OnePassReader | None = None
    try:
        raw.seek(0, os.SEEK_END)
        report.size = raw.tell()
        reader = OnePassReader(raw, report.size)
        zf, zip_problems = open_safe(reader, report.size, limits, names=names)  # type: ignore[arg-type]
        if zf is None:
            report.problems.extend(zip_problems)
            report.package_sha256 = reader.finish()
            return report
        with zf:
            run = _Run(zf, report, now, [i for i in zf.infolist() if not i.is_dir()])
            _read_entries(run, progress, cancelled)
            report.package_sha256 = reader.finish()
            _judge(run, trusted, steps, checks)
    except Cancelled:
        raise
    except OSError as exc:
        report.problems.append(ParDeskError("verify.unreadable", where=str(source), reason=exc.strerror or str(exc)))
    finally:
        if reader is not None:
            reader.stop()
        if own_file:
            raw.close()
    report.valid = not report.problems
    return report


def _judge(run: _Run, trusted: Sequence[x509.Certificate] | None, steps: list[TrustStep],
           checks: list[ExtraCheck]) -> None:
    """Steps 1–7 of the module docstring, on what the single pass read."""
    report = run.report
    payload = sorted(i.filename for i in run.files if i.filename.startswith("data/"))
    report.payload_files = len(payload)
    report.payload_bytes = sum(i.file_size for i in run.files if i.filename.startswith("data/"))
    _check_bagit(run)
    _check_bag_info(run)
    _check_payload_manifest(run, payload)
    _check_tag_manifest(run)
    cms_certs = _check_signature(run, trusted)
    ctx = VerifyContext(zip=run.zf, report=report, payload_names=payload, now=run.now, hashes=dict(run.actual))
    for check in [check_unit_code, *checks]:
        try:
            report.problems.extend(check(ctx) or [])
        except ParDeskError as exc:
            report.problems.append(exc)
        except Cancelled:
            raise
        except Exception as exc:  # a broken check must not turn into "valid"
            report.problems.append(ParDeskError("verify.check_failed", detail=f"{type(exc).__name__}: {exc}"[:300]))
    if steps and report.signer is not None:
        outcome = run_trust_steps(steps, TrustInput(report.signer, cms_certs, report.signing_time, run.now),
                                  SIGNATURE)
        report.problems.extend(outcome.problems)
        if outcome.trusted is False or report.trusted is False:
            report.trusted = False
        elif outcome.trusted:
            report.trusted = True
            report.trust_method = ", ".join(m for m in (report.trust_method, outcome.method) if m)


def _read_entries(run: _Run, progress: Progress | None, cancelled: CancelCheck | None) -> None:
    """One pass over every entry, in file order (so the package hash comes for free)."""
    total = sum(i.file_size for i in run.files)
    done = 0
    buf = bytearray(CHUNK)
    for info in sorted(run.files, key=lambda i: i.header_offset):
        if cancelled is not None and cancelled():
            raise Cancelled()
        name = info.filename
        limit = TAG_LIMITS.get(name)
        if limit is not None and info.file_size > limit:
            run.problems.append(ParDeskError("verify.tag_too_big", where=name, size=info.file_size))
            continue
        body = bytearray() if limit is not None else None
        try:
            digest, size = _read_entry(run.zf, info, buf, body, progress, cancelled, done, total)
        except Cancelled:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            run.problems.append(ParDeskError("verify.entry_corrupt", where=name, detail=str(exc)[:200]))
            continue
        done += size
        if size != info.file_size:
            run.problems.append(ParDeskError("verify.entry_corrupt", where=name,
                                             detail="size differs from the directory"))
            continue
        run.actual[name] = (digest, size)
        if body is not None:
            run.kept[name] = bytes(body)


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, buf: bytearray, body: bytearray | None,
                progress: Progress | None, cancelled: CancelCheck | None, done: int, total: int) -> tuple[str, int]:
    """(sha256, size) of one entry, never reading past its declared size."""
    view = memoryview(buf)
    digest = hashlib.sha256()
    size = 0
    with zf.open(info, "r") as fh:
        if info.compress_type == zipfile.ZIP_STORED:
            # The entry's SHA-256 (checked against the signed manifest) is what
            # proves it; zipfile's CRC-32 of a stored entry adds a full pass for nothing.
            fh._expected_crc = None  # type: ignore[attr-defined]
        while n := fh.readinto(view):  # type: ignore[attr-defined]
            size += n
            if size > info.file_size:
                raise zipfile.BadZipFile("entry longer than declared")
            digest.update(view[:n])
            if body is not None:
                body += view[:n]
            if progress:
                progress(done + size, total)
            if cancelled is not None and cancelled():
                raise Cancelled()
    return digest.hexdigest(), size


def _check_bagit(run: _Run) -> None:
    text = run.text(BAGIT)
    if text is None:
        return
    decl = {k.lower(): v for k, v in parse_bag_info(text, BAGIT, run.problems)}
    if (decl.get("bagit-version") != "1.0" or (decl.get("tag-file-character-encoding") or "").upper()
            not in ("UTF-8",) or len(decl) != 2):
        run.problems.append(ParDeskError("verify.bad_bagit", where=BAGIT))


def _check_bag_info(run: _Run) -> None:
    """Every label at most once (case-insensitively), every value bounded; Payload-Oxum right."""
    report, problems = run.report, run.problems
    text = run.text(BAG_INFO)
    if text is None:
        return
    report.bag_info_items = parse_bag_info(text, BAG_INFO, problems)
    if len(report.bag_info_items) > BAG_INFO_MAX_LINES:
        problems.append(ParDeskError("verify.too_many_fields", where=BAG_INFO, count=len(report.bag_info_items),
                                     limit=BAG_INFO_MAX_LINES))
    seen: set[str] = set()
    for label, value in report.bag_info_items:
        size = len(value.encode("utf-8"))
        if size > BAG_INFO_FIELD_LIMIT:
            problems.append(ParDeskError("verify.tag_field_too_long", where=BAG_INFO, label=label[:60], size=size,
                                         limit=BAG_INFO_FIELD_LIMIT))
        if label.lower() in seen:
            problems.append(ParDeskError("verify.field_repeated", where=BAG_INFO, label=label[:60]))
        seen.add(label.lower())
        report.bag_info.setdefault(label, value)
    for label in ("Bagging-Date",):
        if _field(report, label) is None:
            problems.append(ParDeskError("verify.field_missing", where=BAG_INFO, label=label))
    oxum = _field(report, "Payload-Oxum")
    actual_oxum = f"{report.payload_bytes}.{report.payload_files}"
    if oxum is None:
        problems.append(ParDeskError("verify.field_missing", where=BAG_INFO, label="Payload-Oxum"))
    elif oxum != actual_oxum:
        problems.append(ParDeskError("verify.oxum", where=BAG_INFO, claimed=oxum[:40], actual=actual_oxum))


def _check_payload_manifest(run: _Run, payload: list[str]) -> None:
    """The payload manifest, both directions; manifests for other algorithms may not pretend to cover anything."""
    problems = run.problems
    for info in run.files:
        if re.fullmatch(r"(tag)?manifest-[^/]+\.txt", info.filename) and info.filename not in (MANIFEST, TAGMANIFEST):
            problems.append(ParDeskError("verify.unsupported_manifest", where=info.filename))
    text = run.text(MANIFEST)
    listed = parse_manifest(text, MANIFEST, problems) if text is not None else {}
    if text is None:
        return
    present = set(payload)
    for path, expected in listed.items():
        if not path.startswith("data/") or name_problem(path) is not None:
            problems.append(ParDeskError("verify.manifest_outside", where=path, manifest=MANIFEST))
        elif path not in present:
            problems.append(ParDeskError("verify.missing_file", where=path, manifest=MANIFEST))
        elif path in run.actual and not hmac.compare_digest(run.actual[path][0], expected):
            problems.append(ParDeskError("verify.hash_mismatch", where=path))
    for path in payload:
        if path not in listed:
            problems.append(ParDeskError("verify.not_in_manifest", where=path, manifest=MANIFEST))


def _check_tag_manifest(run: _Run) -> None:
    """Required tag files, their hashes, and no unsigned extras."""
    problems = run.problems
    text = run.text(TAGMANIFEST)
    if text is None:
        return
    tags = parse_manifest(text, TAGMANIFEST, problems)
    names = {i.filename for i in run.files}
    for required in (BAGIT, BAG_INFO, MANIFEST):
        if required not in tags:
            problems.append(ParDeskError("verify.unsigned_file", where=required))
    for path, expected in tags.items():
        if path.startswith("data/") or path in (TAGMANIFEST, SIGNATURE) or name_problem(path) is not None:
            problems.append(ParDeskError("verify.manifest_outside", where=path, manifest=TAGMANIFEST))
        elif path not in names:
            problems.append(ParDeskError("verify.missing_file", where=path, manifest=TAGMANIFEST))
        elif path in run.actual and not hmac.compare_digest(run.actual[path][0], expected):
            problems.append(ParDeskError("verify.hash_mismatch", where=path))
    for name in sorted(names):
        if not name.startswith("data/") and name not in (TAGMANIFEST, SIGNATURE) and name not in tags:
            problems.append(ParDeskError("verify.unsigned_file", where=name))


def _check_signature(run: _Run, trusted: Sequence[x509.Certificate] | None) -> list[x509.Certificate]:
    """The CMS over the tag manifest, and the signer bag-info names; returns the CMS's certificates."""
    report, problems = run.report, run.problems
    if SIGNATURE not in run.kept:
        problems.append(ParDeskError("verify.no_signature", where=SIGNATURE))
        return []
    if TAGMANIFEST not in run.kept:
        return []
    cms = verify_detached_cms(run.kept[SIGNATURE], run.kept[TAGMANIFEST], trusted=trusted, now=run.now,
                              where=SIGNATURE)
    problems.extend(cms.problems)
    report.signer = cms.signer
    report.signing_time = cms.signing_time
    report.trusted = cms.trusted
    if cms.trusted:
        report.trust_method = "anchor"
    if cms.signer is not None:
        report.signer_info = cert_info(cms.signer, run.now)
        claimed = _field(report, SIGNER_FIELD)
        if claimed is None:
            problems.append(ParDeskError("verify.field_missing", where=BAG_INFO, label=SIGNER_FIELD))
        elif claimed.lower() != report.signer_info.fingerprint_sha256:
            problems.append(ParDeskError("verify.signer_swapped", where=SIGNATURE, claimed=claimed[:70],
                                         actual=report.signer_info.fingerprint_sha256))
    return list(cms.certificates)
