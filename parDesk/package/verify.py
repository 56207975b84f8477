"""Verify a submission package, streaming from the zip, memory flat.

Order matters: zip safety first (:mod:`parDesk.package.zipsafe`, directory
only); then every entry is read once, in file order, through a reader that
also computes the package SHA-256 in the same pass; then the bag is judged:

1. ``bagit.txt`` says BagIt 1.0, UTF-8;
2. ``manifest-sha256.txt`` lists every ``data/`` file and nothing else, and
   every hash matches; ``Payload-Oxum`` matches;
3. ``tagmanifest-sha256.txt`` covers bagit.txt, bag-info.txt and
   manifest-sha256.txt, and every hash matches; every other entry outside
   ``data/`` must be listed in it too (only ``signature.p7s`` is exempt), so
   no unsigned file rides along;
4. ``signature.p7s`` is a valid detached CMS over the tag manifest
   (:func:`parDesk.signing.cms.verify_detached_cms`), the signer certificate
   was valid at signing time and, if trust anchors are given, chains to one;
   and it is the very certificate bag-info's signed ``Signer-Certificate-SHA256``
   names (no certificate swapped in; see :mod:`parDesk.package.bag`);
5. the signer certificate's unit code equals bag-info's ``Unit-Code``;
6. the caller's ``extra_checks`` (the core adds "recomputed scores equal the
   claimed ones").

``openssl cms -verify`` and ``bagit.py --validate`` agree with steps 1–4 on
every package parDesk writes. Problems are :class:`ParDeskError` with
``where`` = the entry name, so the report reads in Vietnamese or English.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import os
import queue
import re
import threading
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Sequence, Union

from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.identity import CertInfo, cert_info, unit_code_of
from parDesk.package.bag import (BAG_INFO, BAGIT, CHUNK, MANIFEST, SIGNATURE, SIGNER_FIELD, TAGMANIFEST,
                                 CancelCheck, Cancelled, Progress)
from parDesk.package.zipsafe import ZipLimits, name_problem, open_safe
from parDesk.signing.cms import verify_detached_cms

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
    "verify.manifest_duplicate": ("tệp được liệt kê hai lần trong {manifest}", "the file is listed twice in {manifest}"),
    "verify.manifest_outside": ("{manifest} liệt kê tệp ngoài phạm vi của nó", "{manifest} lists a file outside its scope"),
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
    "verify.no_signature": ("gói không có chữ ký số (signature.p7s)", "the package has no digital signature (signature.p7s)"),
    "verify.unit_mismatch": ("chứng thư số ký gói thuộc đơn vị mã {cert_code}, nhưng gói ghi Unit-Code {bag_code}",
                             "the signing certificate belongs to unit {cert_code}, but the package says Unit-Code {bag_code}"),
    "verify.no_cert_unit": ("chứng thư số ký gói không ghi mã đơn vị", "the signing certificate carries no unit code"),
    "verify.signer_swapped": ("chứng thư số ký gói không phải chứng thư ghi trong gói (SHA-256 {actual}, gói ghi {claimed})",
                              "the signing certificate is not the one the package names (SHA-256 {actual}, package says {claimed})"),
    "verify.check_failed": ("lỗi khi kiểm tra bổ sung: {detail}", "an additional check failed to run: {detail}"),
})

TAG_LIMIT = 64 * 1024 * 1024   # manifests of 20,000 entries are a few MB
_LINE = re.compile(r"^([0-9A-Fa-f]+)[ \t]+(.+)$")


@dataclass
class VerifyReport:
    """The verdict on one package. ``valid`` iff ``problems`` is empty.

    ``trusted`` is None when no trust anchors were given: the signature is
    intact but *who* signed is only as good as the certificate's own claim.
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
    trusted: bool | None = None
    payload_files: int = 0
    payload_bytes: int = 0


@dataclass
class VerifyContext:
    """Handed to ``extra_checks``: the open (safety-checked) zip and the report so far.

    Entries may be re-read with :meth:`read` / :meth:`open`; their hashes have
    already been compared with the manifests (see ``report.problems``).
    """

    zip: zipfile.ZipFile
    report: VerifyReport
    payload_names: list[str]
    now: dt.datetime

    def open(self, name: str) -> BinaryIO:
        return self.zip.open(name, "r")  # type: ignore[return-value]

    def read(self, name: str, max_bytes: int = TAG_LIMIT) -> bytes:
        info = self.zip.getinfo(name)
        if info.file_size > max_bytes:
            raise ParDeskError("verify.tag_too_big", where=name, size=info.file_size)
        with self.zip.open(info, "r") as fh:
            return fh.read(max_bytes + 1)[:max_bytes]


ExtraCheck = Callable[[VerifyContext], Iterable[ParDeskError]]


class _BackgroundHash:
    """SHA-256 on a second thread, fed in ~1 MiB pieces through a small bounded queue.

    The verifier hashes every byte twice (the manifests' per-file hash and the
    whole package's hash); running the second on another core keeps the
    verification close to one hash pass. Memory stays at a few pieces.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=3)
        self._buf = bytearray()
        self._done = False
        self._thread = threading.Thread(target=self._run, name="package-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (piece := self._queue.get()) is not None:
            self._hash.update(piece)

    def update(self, data: bytes | memoryview) -> None:
        if not self._buf and len(data) >= CHUNK // 2 and isinstance(data, bytes):
            self._queue.put(data)  # already a large immutable piece: no copy
            return
        self._buf += data
        if len(self._buf) >= CHUNK:
            self._queue.put(bytes(self._buf))
            self._buf.clear()

    def close(self) -> None:
        if not self._done:
            self._done = True
            if self._buf:
                self._queue.put(bytes(self._buf))
                self._buf.clear()
            self._queue.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.close()
        return self._hash.hexdigest()


class _OnePassReader(io.RawIOBase):
    """A seekable reader that hashes the file as :mod:`zipfile` reads it in order.

    Reads that continue exactly where hashing stopped extend the hash; small
    gaps (data descriptors, padding) are filled on the way; anything else
    passes through. :meth:`finish` hashes whatever was never read. Entries
    are read in file order, so the package is read once, not twice.
    """

    GAP = 1 << 20

    def __init__(self, raw: BinaryIO, size: int) -> None:
        super().__init__()
        self._raw = raw
        self._size = size
        self._pos = 0
        self._hashed = 0
        self._hash = _BackgroundHash()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            self._pos = offset
        elif whence == os.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = self._size + offset
        if self._pos < 0:
            raise ValueError("negative seek position")
        return self._pos

    def _fill(self, upto: int) -> None:
        self._raw.seek(self._hashed)
        while self._hashed < upto:
            data = self._raw.read(min(CHUNK, upto - self._hashed))
            if not data:
                break
            self._hash.update(data)
            self._hashed += len(data)

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            n = max(0, self._size - self._pos)
        if self._hashed < self._pos <= self._hashed + self.GAP:
            self._fill(self._pos)
        self._raw.seek(self._pos)
        data = self._raw.read(n)
        if self._pos <= self._hashed < self._pos + len(data):
            offset = self._hashed - self._pos
            self._hash.update(data if offset == 0 else memoryview(data)[offset:])
            self._hashed = self._pos + len(data)
        self._pos += len(data)
        return data

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def finish(self) -> str:
        self._fill(self._size)
        return self._hash.hexdigest()

    def stop(self) -> None:
        """Let the hashing thread end (verification stopped early)."""
        self._hash.close()


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
        if report.trusted:  # CA-issued, chained to an anchor: the province's binding names the unit
            return []
        return [ParDeskError("verify.no_cert_unit", where=SIGNATURE)]
    if cert_code != bag_code:
        return [ParDeskError("verify.unit_mismatch", where=BAG_INFO, cert_code=cert_code, bag_code=bag_code)]
    return []


def _field(report: VerifyReport, label: str) -> str | None:
    values = [v for k, v in report.bag_info_items if k.lower() == label.lower()]
    return values[0] if values else None


def verify_package(source: Union[Path, str, BinaryIO], *,
                   trusted: Sequence[x509.Certificate] | None = None,
                   extra_checks: Union[ExtraCheck, Sequence[ExtraCheck], None] = None,
                   limits: ZipLimits = ZipLimits(),
                   now: dt.datetime | None = None,
                   progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> VerifyReport:
    """Check a package file (path or seekable binary file); never raises for a bad package.

    Raises only :class:`~parDesk.package.bag.Cancelled` (when ``cancelled()``
    says so). ``trusted``: certificates the signer must be, or chain to (the
    server passes the unit's pinned certificate or the CA roots).
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    report = VerifyReport(valid=False)
    problems = report.problems
    checks: list[ExtraCheck] = []
    if callable(extra_checks):
        checks = [extra_checks]
    elif extra_checks:
        checks = list(extra_checks)

    own_file = not hasattr(source, "read")
    try:
        raw: BinaryIO = open(source, "rb") if own_file else source  # type: ignore[arg-type]
    except OSError as exc:
        problems.append(ParDeskError("verify.unreadable", where=str(source), reason=exc.strerror or str(exc)))
        return report
    reader: _OnePassReader | None = None
    try:
        raw.seek(0, os.SEEK_END)
        report.size = raw.tell()
        reader = _OnePassReader(raw, report.size)
        zf, zip_problems = open_safe(reader, report.size, limits)  # type: ignore[arg-type]
        if zf is None:
            problems.extend(zip_problems)
            report.package_sha256 = reader.finish()
            return report
        with zf:
            _verify_open_zip(zf, reader, report, trusted, checks, now, progress, cancelled)
    except Cancelled:
        raise
    except OSError as exc:
        problems.append(ParDeskError("verify.unreadable", where=str(source), reason=exc.strerror or str(exc)))
    finally:
        if reader is not None:
            reader.stop()
        if own_file:
            raw.close()
    report.valid = not problems
    return report


def _verify_open_zip(zf: zipfile.ZipFile, reader: _OnePassReader, report: VerifyReport,
                     trusted: Sequence[x509.Certificate] | None, checks: list[ExtraCheck],
                     now: dt.datetime, progress: Progress | None, cancelled: CancelCheck | None) -> None:
    problems = report.problems
    files = [i for i in zf.infolist() if not i.is_dir()]
    total = sum(i.file_size for i in files)
    done = 0
    keep = {BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE}
    actual: dict[str, tuple[str, int]] = {}   # name → (sha256, size) of entries read intact
    kept: dict[str, bytes] = {}
    buf = bytearray(CHUNK)
    view = memoryview(buf)

    # One pass over every entry, in file order (so the package hash comes for free).
    for info in sorted(files, key=lambda i: i.header_offset):
        name = info.filename
        if cancelled is not None and cancelled():
            raise Cancelled()
        if name in keep and info.file_size > TAG_LIMIT:
            problems.append(ParDeskError("verify.tag_too_big", where=name, size=info.file_size))
            continue
        digest = hashlib.sha256()
        size = 0
        body = bytearray() if name in keep else None
        try:
            with zf.open(info, "r") as fh:
                if info.compress_type == zipfile.ZIP_STORED:
                    # The entry's SHA-256 (checked against the signed manifest) is what
                    # proves it; zipfile's CRC-32 of a stored entry adds a full pass for nothing.
                    fh._expected_crc = None  # type: ignore[attr-defined]
                while True:
                    n = fh.readinto(view)  # type: ignore[attr-defined]
                    if not n:
                        break
                    size += n
                    if size > info.file_size:
                        raise zipfile.BadZipFile("entry longer than declared")
                    digest.update(view[:n])
                    if body is not None:
                        body += view[:n]
                    done += n
                    if progress:
                        progress(done, total)
                    if cancelled is not None and cancelled():
                        raise Cancelled()
        except Cancelled:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            problems.append(ParDeskError("verify.entry_corrupt", where=name, detail=str(exc)[:200]))
            continue
        if size != info.file_size:
            problems.append(ParDeskError("verify.entry_corrupt", where=name, detail="size differs from the directory"))
            continue
        actual[name] = (digest.hexdigest(), size)
        if body is not None:
            kept[name] = bytes(body)
    report.package_sha256 = reader.finish()

    payload = sorted(n for n in (i.filename for i in files) if n.startswith("data/"))
    report.payload_files = len(payload)
    report.payload_bytes = sum(i.file_size for i in files if i.filename.startswith("data/"))

    # 1. bagit.txt
    if BAGIT not in kept:
        problems.append(ParDeskError("verify.missing_tag", where=BAGIT))
    else:
        text = _parse_tag_text(kept[BAGIT], BAGIT, problems)
        if text is not None:
            decl = dict((k.lower(), v) for k, v in parse_bag_info(text, BAGIT, problems))
            if (decl.get("bagit-version") != "1.0" or (decl.get("tag-file-character-encoding") or "").upper()
                    not in ("UTF-8",) or len(decl) != 2):
                problems.append(ParDeskError("verify.bad_bagit", where=BAGIT))

    # bag-info.txt
    if BAG_INFO not in kept:
        problems.append(ParDeskError("verify.missing_tag", where=BAG_INFO))
    else:
        text = _parse_tag_text(kept[BAG_INFO], BAG_INFO, problems)
        if text is not None:
            report.bag_info_items = parse_bag_info(text, BAG_INFO, problems)
            for k, v in report.bag_info_items:
                report.bag_info.setdefault(k, v)
            for label in ("Unit-Code", "Payload-Oxum", "Bagging-Date", SIGNER_FIELD):
                count = sum(1 for k, _ in report.bag_info_items if k.lower() == label.lower())
                if count > 1:
                    problems.append(ParDeskError("verify.field_repeated", where=BAG_INFO, label=label))

    # other manifests we cannot check are not allowed to pretend to cover anything
    for info in files:
        base = info.filename
        if re.fullmatch(r"(tag)?manifest-[^/]+\.txt", base) and base not in (MANIFEST, TAGMANIFEST):
            problems.append(ParDeskError("verify.unsupported_manifest", where=base))

    # 2. payload manifest, both directions, and Payload-Oxum
    if MANIFEST not in kept:
        problems.append(ParDeskError("verify.missing_tag", where=MANIFEST))
    else:
        text = _parse_tag_text(kept[MANIFEST], MANIFEST, problems)
        listed = parse_manifest(text, MANIFEST, problems) if text is not None else {}
        present = set(payload)
        for path, expected in listed.items():
            if not path.startswith("data/") or name_problem(path) is not None:
                problems.append(ParDeskError("verify.manifest_outside", where=path, manifest=MANIFEST))
            elif path not in present:
                problems.append(ParDeskError("verify.missing_file", where=path, manifest=MANIFEST))
            elif path in actual and not hmac.compare_digest(actual[path][0], expected):
                problems.append(ParDeskError("verify.hash_mismatch", where=path))
        for path in payload:
            if path not in listed:
                problems.append(ParDeskError("verify.not_in_manifest", where=path, manifest=MANIFEST))
    oxum = _field(report, "Payload-Oxum")
    actual_oxum = f"{report.payload_bytes}.{report.payload_files}"
    if BAG_INFO in kept:
        if oxum is None:
            problems.append(ParDeskError("verify.field_missing", where=BAG_INFO, label="Payload-Oxum"))
        elif oxum != actual_oxum:
            problems.append(ParDeskError("verify.oxum", where=BAG_INFO, claimed=oxum, actual=actual_oxum))

    # 3. tag manifest: required tag files, hashes, and no unsigned extras
    if TAGMANIFEST not in kept:
        problems.append(ParDeskError("verify.missing_tag", where=TAGMANIFEST))
    else:
        text = _parse_tag_text(kept[TAGMANIFEST], TAGMANIFEST, problems)
        tags = parse_manifest(text, TAGMANIFEST, problems) if text is not None else {}
        names = {i.filename for i in files}
        for required in (BAGIT, BAG_INFO, MANIFEST):
            if required not in tags:
                problems.append(ParDeskError("verify.unsigned_file", where=required))
        for path, expected in tags.items():
            if path.startswith("data/") or path in (TAGMANIFEST, SIGNATURE) or name_problem(path) is not None:
                problems.append(ParDeskError("verify.manifest_outside", where=path, manifest=TAGMANIFEST))
            elif path not in names:
                problems.append(ParDeskError("verify.missing_file", where=path, manifest=TAGMANIFEST))
            elif path in actual and not hmac.compare_digest(actual[path][0], expected):
                problems.append(ParDeskError("verify.hash_mismatch", where=path))
        for name in sorted(names):
            if not name.startswith("data/") and name not in (TAGMANIFEST, SIGNATURE) and name not in tags:
                problems.append(ParDeskError("verify.unsigned_file", where=name))

    # 4. signature over the tag manifest
    if SIGNATURE not in kept:
        problems.append(ParDeskError("verify.no_signature", where=SIGNATURE))
    elif TAGMANIFEST in kept:
        cms = verify_detached_cms(kept[SIGNATURE], kept[TAGMANIFEST], trusted=trusted, now=now, where=SIGNATURE)
        problems.extend(cms.problems)
        report.signer = cms.signer
        report.signing_time = cms.signing_time
        report.trusted = cms.trusted
        if cms.signer is not None:
            report.signer_info = cert_info(cms.signer, now)
            claimed = _field(report, SIGNER_FIELD)
            if claimed is None:
                problems.append(ParDeskError("verify.field_missing", where=BAG_INFO, label=SIGNER_FIELD))
            elif claimed.lower() != report.signer_info.fingerprint_sha256:
                problems.append(ParDeskError("verify.signer_swapped", where=SIGNATURE, claimed=claimed,
                                             actual=report.signer_info.fingerprint_sha256))

    # 5 + 6. unit code, then the caller's checks
    ctx = VerifyContext(zip=zf, report=report, payload_names=payload, now=now)
    for check in [check_unit_code, *checks]:
        try:
            problems.extend(check(ctx) or [])
        except ParDeskError as exc:
            problems.append(exc)
        except Cancelled:
            raise
        except Exception as exc:  # a broken check must not turn into "valid"
            problems.append(ParDeskError("verify.check_failed", detail=f"{type(exc).__name__}: {exc}"[:300]))
