"""Write the signed submission package: a zipped BagIt 1.0 bag (RFC 8493).

Layout inside the zip — the bag sits at the **root** of the zip (no top
folder), as docs/architecture.md ("The submission package") draws it; unzip
into an empty folder and that folder is the bag (``bagit.py --validate folder`` passes)::

    data/...                   payload, in the caller's order
    bagit.txt
    bag-info.txt               caller's fields, then Bagging-Date, Payload-Oxum,
                               Signer-Certificate-SHA256
    manifest-sha256.txt        every payload file, in payload order
    tagmanifest-sha256.txt     bagit.txt, bag-info.txt, manifest-sha256.txt
    signature.p7s              detached CMS (DER) over tagmanifest-sha256.txt

Why this order: the manifests depend on the payload's hashes, so payload goes
first and each evidence byte is read exactly once — hashed (SHA-256) while it
is written into the zip — and the small tag files follow at the end.

Streaming and memory: one 1 MiB buffer, whatever the package size.
Already-compressed types are stored (no CPU spent recompressing a scanned
PDF), the rest deflated. Entries get exact sizes up front, so ZIP64 extras
appear only where an entry needs them (maximum compatibility with Windows
Explorer and Java readers); the local headers are patched in place rather
than using data descriptors, for the same reason.

The package SHA-256 (of the zip file) is computed by a background thread
that reads back each entry once it is final (just written, so from the page
cache) while the next entry is being written: the zip's local headers are
patched after their data, so the bytes cannot be hashed in one forward pass.

Why ``Signer-Certificate-SHA256``: parDesk's CMS does not carry the ESS
signingCertificateV2 attribute (nor need other tools' signatures), so nothing
under the signature would say *which* certificate signed; an attacker could
swap in another certificate for the same key (or re-sign the same tag
manifest with another key of the same unit code). Putting the signer certificate's fingerprint in
bag-info — covered by the tag manifest, hence by the signature — binds it.

Deterministic: fixed entry order, every timestamp = Bagging-Date 00:00:00,
permissions 0644, "made by" Unix, no comments. Two builds with the same
input give byte-identical entries. With ``signing_time`` given (the
submission passes its frozen time) and an EC signer, the signature is
deterministic too (RFC 6979 ECDSA, see :mod:`parDesk.signing.cms`), so the
whole zip is byte-identical and its SHA-256 is the package's identity. RSA
signers use salted RSA-PSS: there only ``signature.p7s`` — the last entry —
differs between builds. Without ``signing_time`` the CMS records "now".

Durability: written to ``<dest>.partial`` in the destination folder, fsynced,
renamed, folder fsynced. Cancelled or failed builds delete the partial file;
a killed build leaves only a ``.partial`` file, which never looks complete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import queue
import stat
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from parDesk.errors import Cancelled as Cancelled  # re-exported: the one cancel (parDesk.errors)
from parDesk.fsutil import fsync_dir
from parDesk.i18n import ParDeskError, register
from parDesk.identity import Signer, cert_info, check_can_sign, unit_code_of
from parDesk.package.zipsafe import REASON_TEXT, fold, name_problem

register({
    "package.exists": ("tệp gói đã tồn tại", "the package file already exists"),
    "package.bad_name": ("tên tệp trong gói không hợp lệ: {reason}", "invalid file name in the package: {reason}"),
    "package.duplicate_name": ("tên tệp trùng trong gói", "duplicate file name in the package"),
    "package.source_missing": ("không đọc được tệp nguồn: {reason}", "cannot read the source file: {reason}"),
    "package.source_changed": ("tệp thay đổi trong khi đóng gói; hãy thử lại",
                               "the file changed while packaging; try again"),
    "package.source_damaged": ("tệp của tài liệu trong kho đã bị hỏng hoặc bị thay đổi (mã SHA-256 {actual}, "
                               "đã ghi {recorded}; {size} byte, đã ghi {recorded_size}); không ký gói với tệp này — "
                               "hãy đính kèm lại bản gốc",
                               "the document's stored file is damaged or changed (SHA-256 {actual}, recorded "
                               "{recorded}; {size} bytes, recorded {recorded_size}); the package is not signed with "
                               "it — attach the original again"),
    "package.source_link": ("tệp nguồn là liên kết (symlink) hoặc tệp đặc biệt, không được đóng gói",
                            "the source file is a symbolic link or special file and is not packaged"),
    "package.bad_field": ("trường thông tin gói không hợp lệ: {reason}", "invalid package information field: {reason}"),
    "package.reserved_field": ("trường {label} do parDesk tự ghi", "field {label} is written by parDesk itself"),
    "package.no_unit_code": ("thiếu trường Unit-Code (mã đơn vị) trong thông tin gói",
                             "the package information lacks Unit-Code"),
    "package.unit_mismatch": ("chứng thư số của người ký mang mã đơn vị {cert_code}, nhưng gói ghi mã {bag_code}",
                              "the signer's certificate carries unit code {cert_code}, "
                              "but the package says {bag_code}"),
    "package.write_failed": ("không ghi được tệp gói: {reason}", "cannot write the package file: {reason}"),
})

CHUNK = 1 << 20
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
BAGIT, BAG_INFO = "bagit.txt", "bag-info.txt"
MANIFEST, TAGMANIFEST, SIGNATURE = "manifest-sha256.txt", "tagmanifest-sha256.txt", "signature.p7s"
TAG_FILES = (BAGIT, BAG_INFO, MANIFEST)
SIGNER_FIELD = "Signer-Certificate-SHA256"
RESERVED_FIELDS = ("Bagging-Date", "Payload-Oxum", SIGNER_FIELD)

#: stored, not deflated: these formats are compressed already
STORED_EXTENSIONS = frozenset({
    ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".docx", ".xlsx", ".pptx", ".zip", ".odt",
    ".ods", ".odp", ".mp4", ".mp3", ".m4a", ".7z", ".gz", ".rar", ".heic", ".jp2", ".p7s",
})
FILE_MODE = 0o100644


@dataclass(frozen=True)
class PayloadEntry:
    """One payload file: its path *under* ``data/`` and where its bytes come from.

    ``arcname`` uses '/' separators, e.g. ``"assessment.json"`` or
    ``"evidence/<sha256>.pdf"``; it is stored NFC-normalised as
    ``data/<arcname>``. ``source`` is a file path (streamed, opened with
    ``O_NOFOLLOW``: a symlink is refused) or bytes.

    ``sha256`` / ``size``: what the bytes must be (an evidence document's
    recorded hash and size). The streamed hash is compared with it and a
    mismatch — a flipped byte, a truncated file — refuses the build, naming
    ``label`` (the document as the person sees it), so damaged evidence is
    never signed under its original name. ``opener`` opens the source instead
    of ``open`` (the evidence store's own no-symlink opener).
    """

    arcname: str
    source: Path | str | bytes
    sha256: str | None = None
    size: int | None = None
    label: str | None = None
    opener: Callable[[], BinaryIO] | None = None


@dataclass(frozen=True)
class BuildResult:
    path: Path
    sha256: str               # of the whole zip file
    size: int                 # bytes of the zip file
    payload_bytes: int
    payload_files: int
    tagmanifest_sha256: str   # what the signature covers
    signer_fingerprint: str   # SHA-256 of the signer certificate (hex)


Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def _bag_name(arcname: str) -> str:
    name = unicodedata.normalize("NFC", arcname)
    reason = name_problem("data/" + name)
    if reason is None and name.endswith("/"):
        reason = "empty"
    if reason is not None:
        raise ParDeskError("package.bad_name", where=arcname, reason=REASON_TEXT[reason])
    if "%" in name:
        # RFC 8493 percent-encodes '%' in manifests but bagit-python does not decode it;
        # refusing it keeps parDesk and bagit.py in agreement.
        raise ParDeskError("package.bad_name", where=arcname, reason="'%'")
    return "data/" + name


def _check_field(label: str, value: str) -> tuple[str, str]:
    label = unicodedata.normalize("NFC", label)
    value = unicodedata.normalize("NFC", str(value))
    if not label or label != label.strip() or ":" in label or any(ord(c) < 0x20 for c in label):
        raise ParDeskError("package.bad_field", where=label, reason="label")
    if "\r" in value or "\n" in value or value != value.strip():
        raise ParDeskError("package.bad_field", where=label, reason="value")
    if label.lower() in (r.lower() for r in RESERVED_FIELDS):
        raise ParDeskError("package.reserved_field", label=label)
    return label, value


def compress_type_for(name: str) -> int:
    return zipfile.ZIP_STORED if os.path.splitext(name)[1].lower() in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED


class _TrailingHasher:
    """SHA-256 of a file being written, computed on a second thread from bytes already final.

    ``advance(n)`` promises that bytes ``[0, n)`` will not change again; the
    thread reads them back (hashlib releases the GIL, so this overlaps the
    writer's own reading and hashing on a 2-core machine).
    """

    def __init__(self, path: Path) -> None:
        # Unbuffered (no stale read-ahead of bytes not yet final); the hashing thread reads it until close().
        self._reader = open(path, "rb", buffering=0)  # noqa: SIM115 - owned by this object, closed in close()
        self._hash = hashlib.sha256()
        self._done = 0
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="package-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        try:
            while True:
                target = self._queue.get()
                if target is None:
                    return
                self._reader.seek(self._done)
                while self._done < target and not self._stop.is_set():
                    n = self._reader.readinto(view[:min(CHUNK, target - self._done)])
                    if not n:
                        raise OSError("package file shorter than written")
                    self._hash.update(view[:n])
                    self._done += n
        except BaseException as exc:  # reported by finish()
            self._error = exc

    def advance(self, upto: int) -> None:
        self._queue.put(upto)

    def finish(self, upto: int) -> str:
        self.advance(upto)
        self._queue.put(None)
        self._thread.join()
        self._reader.close()
        if self._error is not None:
            raise self._error
        return self._hash.hexdigest()

    def abort(self) -> None:
        self._stop.set()
        self._queue.put(None)
        self._thread.join()
        self._reader.close()


def _open_source(entry: PayloadEntry, source: Path) -> BinaryIO:
    """The source file, never through a symlink (``O_NOFOLLOW``, then a regular-file check on the descriptor)."""
    where = entry.label or str(source)
    if entry.opener is not None:
        return entry.opener()
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ParDeskError("package.source_link", where=where) from None
        raise ParDeskError("package.source_missing", where=where, reason=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ParDeskError("package.source_link", where=where)
    return os.fdopen(fd, "rb", buffering=0)


def _damaged(entry: PayloadEntry, source: Path | bytes, digest: hashlib._Hash, size: int) -> None:
    """Refuse the build: the bytes are not what the document recorded (or changed while read)."""
    if entry.sha256 is None:
        raise ParDeskError("package.source_changed", where=entry.label or str(entry.source))
    raise ParDeskError("package.source_damaged", where=entry.label or str(entry.source),
                       actual=digest.hexdigest()[:12], recorded=entry.sha256[:12], size=size,
                       recorded_size=entry.size if entry.size is not None else "?")


def build_package(dest: Path | str, payload: Sequence[PayloadEntry], bag_info: Sequence[tuple[str, str]],
                  signer: Signer, *, bagging_date: dt.date, progress: Progress | None = None,
                  cancelled: CancelCheck | None = None, overwrite: bool = False,
                  now: dt.datetime | None = None, signing_time: dt.datetime | None = None) -> BuildResult:
    """Build, sign and durably write the package at ``dest``; return its SHA-256.

    ``bag_info`` must include ``Unit-Code`` equal to the signer certificate's
    unit code (the verifier insists, so we refuse to build a package the
    province would reject); ``Bagging-Date`` and ``Payload-Oxum`` are written
    here. ``progress(done_bytes, total_bytes)`` counts payload bytes;
    ``cancelled()`` is polled every MiB and makes the build raise
    :class:`Cancelled` after removing the partial file.

    ``signing_time`` (e.g. the frozen time of the assessment) is the time
    written into the CMS instead of the signer's clock, which makes the
    signature reproducible. The certificate must still be valid *now*
    (:func:`check_can_sign`); and because a verifier checks the certificate's
    validity at the signing time, a time before the certificate's
    ``notBefore`` (state frozen, then a certificate obtained) is raised to
    ``notBefore``, and a time in the future is lowered to now. Both keep
    the result reproducible for the same certificate.
    """
    dest = Path(dest)
    if dest.exists() and not overwrite:
        raise ParDeskError("package.exists", where=str(dest))

    # --- everything that can be refused is refused before a byte is written ---
    cert = signer.certificate()
    check_can_sign(cert, now)
    fields = [_check_field(k, v) for k, v in bag_info]
    unit_codes = [v for k, v in fields if k.lower() == "unit-code"]
    if len(unit_codes) != 1:
        raise ParDeskError("package.no_unit_code", where=BAG_INFO)
    signer_fp = cert_info(cert, now).fingerprint_sha256
    if signing_time is not None:
        if signing_time.tzinfo is None or signing_time.utcoffset() is None:
            signing_time = signing_time.replace(tzinfo=dt.UTC)
        check_time = now if now is not None else dt.datetime.now(dt.UTC)
        if check_time.tzinfo is None:
            check_time = check_time.replace(tzinfo=dt.UTC)
        signing_time = min(max(signing_time, cert.not_valid_before_utc), check_time)
    cert_code = unit_code_of(cert)
    # A CA-issued organisation certificate (a USB token's) names no administrative code: the
    # province binds it to the unit once. A certificate that names a code must name this one.
    if cert_code != unit_codes[0] and not (cert_code is None and cert.issuer != cert.subject):
        raise ParDeskError("package.unit_mismatch", where=BAG_INFO, cert_code=cert_code or "—",
                           bag_code=unit_codes[0])

    entries: list[tuple[str, Path | bytes, int, PayloadEntry]] = []
    seen: dict[str, str] = {}
    for entry in payload:
        name = _bag_name(entry.arcname)
        key = fold(name)
        if key in seen:
            raise ParDeskError("package.duplicate_name", where=entry.arcname)
        seen[key] = name
        if isinstance(entry.source, (bytes, bytearray, memoryview)):
            data = bytes(entry.source)
            entries.append((name, data, len(data), entry))
        elif entry.opener is not None and entry.size is not None:
            entries.append((name, Path(entry.source), entry.size, entry))
        else:
            path = Path(entry.source)
            where = entry.label or str(path)
            try:
                st = os.lstat(path)
            except OSError as exc:
                raise ParDeskError("package.source_missing", where=where, reason=exc.strerror or str(exc)) from None
            if not stat.S_ISREG(st.st_mode):
                raise ParDeskError("package.source_link", where=where)
            entries.append((name, path, st.st_size if entry.size is None else entry.size, entry))
    for name in list(seen.values()):  # a payload file must not also be a payload folder
        parts = name.split("/")
        for i in range(2, len(parts)):
            if fold("/".join(parts[:i])) in seen:
                raise ParDeskError("package.duplicate_name", where=name)

    total = sum(size for _, _, size, _ in entries)
    date_time = (bagging_date.year, bagging_date.month, bagging_date.day, 0, 0, 0)
    tmp = dest.with_name(dest.name + ".partial")
    dest.parent.mkdir(parents=True, exist_ok=True)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    def zinfo(name: str, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time)
        info.compress_type = compress_type_for(name)
        info.external_attr = FILE_MODE << 16
        info.create_system = 3  # "made by Unix" on every platform, so builds are identical everywhere
        info.file_size = size   # exact size up front: ZIP64 only if this entry needs it
        return info

    fh: BinaryIO | None = None
    hasher: _TrailingHasher | None = None
    zf: zipfile.ZipFile | None = None
    try:
        fh = open(tmp, "w+b")  # noqa: SIM115 - closed below on success and in the except on failure
        hasher = _TrailingHasher(tmp)
        zf = zipfile.ZipFile(fh, "w", allowZip64=True)
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        done = 0
        manifest_lines: list[str] = []
        if progress:
            progress(0, total)

        for name, source, size, entry in entries:
            check_cancel()
            digest = hashlib.sha256()
            written = 0
            with zf.open(zinfo(name, size), "w") as out:
                if isinstance(source, bytes):
                    src_view = memoryview(source)
                    while written < size:
                        piece = src_view[written:written + CHUNK]
                        digest.update(piece)
                        out.write(piece)
                        written += len(piece)
                        done += len(piece)
                        if progress:
                            progress(done, total)
                        check_cancel()
                else:
                    with _open_source(entry, source) as src:
                        while True:
                            n = src.readinto(view)  # type: ignore[attr-defined]
                            if not n:
                                break
                            if written + n > size:
                                _damaged(entry, source, digest, written + n)
                            piece = view[:n]
                            digest.update(piece)
                            out.write(piece)
                            written += n
                            done += n
                            if progress:
                                progress(done, total)
                            check_cancel()
                    if written != size:
                        _damaged(entry, source, digest, written)
                if entry.sha256 is not None and digest.hexdigest() != entry.sha256:
                    _damaged(entry, source, digest, written)
            fh.flush()
            hasher.advance(fh.tell())
            manifest_lines.append(f"{digest.hexdigest()}  {name}\n")

        check_cancel()
        info_lines = [f"{k}: {v}\n" for k, v in fields]
        info_lines.append(f"Bagging-Date: {bagging_date.isoformat()}\n")
        info_lines.append(f"Payload-Oxum: {total}.{len(entries)}\n")
        info_lines.append(f"{SIGNER_FIELD}: {signer_fp}\n")
        tag_bytes = {
            BAGIT: BAGIT_TXT,
            BAG_INFO: "".join(info_lines).encode("utf-8"),
            MANIFEST: "".join(manifest_lines).encode("utf-8"),
        }
        tagmanifest = "".join(f"{hashlib.sha256(tag_bytes[n]).hexdigest()}  {n}\n" for n in TAG_FILES).encode()
        if signing_time is None:  # also keeps signers written before ``signing_time`` existed working
            signature = signer.sign_detached_cms(tagmanifest)
        else:
            signature = signer.sign_detached_cms(tagmanifest, signing_time=signing_time)
        check_cancel()
        for name, data in (*tag_bytes.items(), (TAGMANIFEST, tagmanifest), (SIGNATURE, signature)):
            with zf.open(zinfo(name, len(data)), "w") as out:
                out.write(data)
        zf.close()
        zf = None
        fh.flush()
        os.fsync(fh.fileno())
        size_out = fh.tell()
        fh.close()
        fh = None
        package_sha = hasher.finish(size_out)
        hasher = None
        check_cancel()
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException as exc:
        if zf is not None:
            with contextlib.suppress(Exception):
                zf.close()
        if hasher is not None:
            hasher.abort()
        if fh is not None:
            fh.close()
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ParDeskError("package.write_failed", where=str(dest), reason=exc.strerror or str(exc)) from exc
        raise

    return BuildResult(
        path=dest, sha256=package_sha, size=size_out, payload_bytes=total, payload_files=len(entries),
        tagmanifest_sha256=hashlib.sha256(tagmanifest).hexdigest(),
        signer_fingerprint=signer_fp,
    )
