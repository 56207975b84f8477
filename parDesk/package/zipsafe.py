"""Zip safety: decide whether a zip may be read at all, from its directory alone.

A submission package comes from outside (a USB stick, an upload). Before a
single byte of content is read or extracted, its central directory is checked
against everything that has hurt zip readers in practice:

* paths that escape the folder they are unpacked into: absolute paths, ``..``,
  backslashes (separators on Windows), drive letters and colons (also NTFS
  alternate streams), control characters, names Windows cannot create
  (``CON``, ``aux.txt``, trailing dots/spaces) — a package must unpack the same
  on the province's Windows desktops as on the Linux server;
* symlinks and other special files (Unix mode bits, Windows reparse points);
* duplicate names, also after Unicode NFC folding and case folding (Windows
  and macOS file systems would merge them), and a file that is also a folder;
* zip bombs: too many entries, too much declared uncompressed data, a
  compression ratio beyond reason for large entries, entries whose data
  overlaps another's (the "overlapping files" bomb), and a central directory
  whose declared size is out of proportion (checked from the end records, which
  must agree, before :mod:`zipfile` loads the directory into memory:
  :mod:`parDesk.package.canonical`);
* anything but parDesk's own canonical shape (:mod:`parDesk.package.canonical`),
  and — for a submission — any name outside parDesk's layout (:data:`LAYOUT_RE`),
  which also ends Unicode lookalike separators (``．．／``, ``∕``);
* encryption and compression methods other than stored/deflated.

Declared sizes can lie; :mod:`zipfile` stops reading an entry at its declared
size and checks the CRC, and :mod:`parDesk.package.verify` counts bytes too.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from parDesk.i18n import ParDeskError, register
from parDesk.package.canonical import Entry, check_canonical

register({
    "zip.not_zip": ("tệp không phải tệp ZIP hợp lệ ({detail})", "the file is not a valid ZIP file ({detail})"),
    "zip.too_many": ("tệp ZIP có {count} mục, vượt giới hạn {limit}",
                     "the ZIP has {count} entries, over the limit of {limit}"),
    "zip.too_big": ("tổng dung lượng giải nén {size} byte vượt giới hạn {limit} byte",
                    "total uncompressed size {size} bytes is over the limit of {limit} bytes"),
    "zip.bomb": ("tỉ lệ nén {ratio}:1 bất thường (nghi “bom ZIP”)",
                 "abnormal compression ratio {ratio}:1 (suspected zip bomb)"),
    "zip.overlap": ("dữ liệu của mục này chồng lên mục khác (nghi “bom ZIP”)",
                    "this entry's data overlaps another entry (suspected zip bomb)"),
    "zip.bad_name": ("tên mục không an toàn: {reason}", "unsafe entry name: {reason}"),
    "zip.duplicate": ("tên mục trùng với {other} (khác nhau chỉ ở chữ hoa/thường hoặc dạng Unicode)",
                      "entry name duplicates {other} (differs only in case or Unicode form)"),
    "zip.file_dir_clash": ("vừa là tệp vừa là thư mục", "is both a file and a folder"),
    "zip.symlink": ("mục là liên kết tượng trưng (symlink) hoặc tệp đặc biệt, không được phép",
                    "the entry is a symbolic link or special file, which is not allowed"),
    "zip.encrypted": ("mục được mã hóa, không được phép", "the entry is encrypted, which is not allowed"),
    "zip.method": ("phương thức nén {method} không được hỗ trợ (chỉ store/deflate)",
                   "compression method {method} is not supported (store/deflate only)"),
    "zip.bad_sizes": ("kích thước khai báo của mục không nhất quán", "the entry's declared sizes are inconsistent"),
})

GiB = 1 << 30
MiB = 1 << 20

REASON_TEXT = {
    "empty": "empty name",
    "control": "control character",
    "backslash": "backslash",
    "absolute": "absolute path",
    "colon": "drive letter or colon",
    "dotdot": "'..' component",
    "dot": "'.' or empty component",
    "windows": "name Windows cannot create",
    "long": "name too long",
    "layout": "not a file parDesk writes (allowed: the tag files, data/assessment.json, data/framework.json, "
              "data/audit.jsonl, data/evidence/<sha256>.<ext>, data/reports/<name>.pdf)",
}

TAG_NAMES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "signature.p7s")
#: ``data/evidence/<sha256>[.<ext>]``; group 1 is the hash.
EVIDENCE_RE = re.compile(r"data/evidence/([0-9a-f]{64})(?:\.[a-z0-9]{1,10})?")
#: Every name a parDesk submission may contain: ASCII only, so no Unicode lookalike separator gets in.
LAYOUT_RE = re.compile("|".join([*(re.escape(n) for n in TAG_NAMES),
                                 r"data/assessment\.json", r"data/framework\.json", r"data/audit\.jsonl",
                                 EVIDENCE_RE.pattern,
                                 r"data/reports/[a-z0-9][a-z0-9_-]{0,100}(?:\.[a-z0-9_-]{1,40})*\.pdf"]))
NameFilter = Callable[[str], "str | None"]

_WINDOWS_BAD_CHARS = set('<>:"|?*')
_WINDOWS_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_FILE_ATTRIBUTE_REPARSE_POINT = 0x400


@dataclass(frozen=True)
class ZipLimits:
    """Bounds on what a package may claim; the defaults suit a commune's yearly package."""

    max_entries: int = 20_000
    max_total_size: int = 4 * GiB
    max_ratio: float = 200.0
    ratio_min_size: int = 1 * MiB
    max_name_bytes: int = 1024


def name_problem(name: str, *, max_bytes: int = 1024) -> str | None:
    """Why ``name`` (a zip entry path, '/'-separated) is unsafe, or None.

    Directory entries (ending in '/') are judged on their path without the slash.
    """
    if name.endswith("/"):
        name = name[:-1]
    if not name:
        return "empty"
    if len(name.encode("utf-8", "surrogatepass")) > max_bytes:
        return "long"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        return "control"
    if "\\" in name:
        return "backslash"
    if name.startswith("/"):
        return "absolute"
    if ":" in name:
        return "colon"
    for part in name.split("/"):
        if part == "..":
            return "dotdot"
        if part in ("", "."):
            return "dot"
        if (any(ch in _WINDOWS_BAD_CHARS for ch in part) or part.endswith((".", " "))
                or _WINDOWS_DEVICES.match(part)):
            return "windows"
    return None


def fold(name: str) -> str:
    """The key two names collide on: NFC, then case-folded (then NFC again)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _raw_name_len(info: zipfile.ZipInfo) -> int:
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return len(info.orig_filename.encode(encoding))
    except UnicodeEncodeError:
        return len(info.orig_filename.encode("utf-8"))


def inspect_zip(zf: zipfile.ZipFile, limits: ZipLimits = ZipLimits()) -> list[ParDeskError]:
    """Every safety problem in ``zf``'s directory; empty means it may be read."""
    problems: list[ParDeskError] = []
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        return [ParDeskError("zip.too_many", count=len(infos), limit=limits.max_entries)]

    total = 0
    seen: dict[str, str] = {}
    files: dict[str, str] = {}
    dirs: dict[str, str] = {}
    for info in infos:
        name = info.orig_filename
        where = name
        reason = name_problem(name, max_bytes=limits.max_name_bytes)
        if reason is None and info.filename != name.replace("\\", "/").split("\x00")[0]:
            reason = "control"
        if reason is not None:
            problems.append(ParDeskError("zip.bad_name", where=where, reason=REASON_TEXT[reason]))
            continue
        key = fold(name)
        if key in seen:
            problems.append(ParDeskError("zip.duplicate", where=where, other=seen[key]))
            continue
        seen[key] = name

        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR) or (info.external_attr & _FILE_ATTRIBUTE_REPARSE_POINT):
            problems.append(ParDeskError("zip.symlink", where=where))
        if info.flag_bits & 0x41:  # bit 0: encrypted, bit 6: strong encryption
            problems.append(ParDeskError("zip.encrypted", where=where))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(ParDeskError("zip.method", where=where, method=info.compress_type))
        if info.file_size < 0 or info.compress_size < 0 or (
                info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size):
            problems.append(ParDeskError("zip.bad_sizes", where=where))

        if name.endswith("/"):
            if info.file_size:
                problems.append(ParDeskError("zip.bad_sizes", where=where))
            dirs.setdefault(fold(name[:-1]), name)
        else:
            files[key] = name
            parts = name.split("/")
            for i in range(1, len(parts)):
                dirs.setdefault(fold("/".join(parts[:i])), name)

        total += info.file_size
        if info.file_size > limits.ratio_min_size:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                problems.append(ParDeskError("zip.bomb", where=where, ratio=int(ratio)))

    for key, name in files.items():
        if key in dirs:
            problems.append(ParDeskError("zip.file_dir_clash", where=name))

    if total > limits.max_total_size:
        problems.append(ParDeskError("zip.too_big", size=total, limit=limits.max_total_size))

    # Entries must not share bytes: each local header + name + data ends before the next begins.
    ordered = sorted(infos, key=lambda i: i.header_offset)
    start_dir = getattr(zf, "start_dir", None)
    for i, info in enumerate(ordered):
        minimal_end = info.header_offset + 30 + _raw_name_len(info) + info.compress_size
        next_start = ordered[i + 1].header_offset if i + 1 < len(ordered) else start_dir
        if info.header_offset < 0 or (next_start is not None and minimal_end > next_start):
            problems.append(ParDeskError("zip.overlap", where=info.orig_filename))
    return problems


def pardesk_layout(name: str) -> str | None:
    """Why ``name`` is not in the layout parDesk writes, or None (see :data:`LAYOUT_RE`)."""
    return None if LAYOUT_RE.fullmatch(name) else "layout"


def _entry_name(entry: Entry) -> str:
    return entry.name.decode("utf-8" if entry.flags & 0x800 else "cp437", "replace")


def open_safe(fh: BinaryIO, size: int, limits: ZipLimits = ZipLimits(),
              names: NameFilter | None = None) -> tuple[zipfile.ZipFile | None, list[ParDeskError]]:
    """Open ``fh`` as a zip only if its structure and directory pass every check.

    First parDesk's canonical shape from the raw bytes (:mod:`parDesk.package.canonical`:
    end records agreeing and bounded before anything is allocated, contiguous
    entries, local headers equal to the directory); then, if ``names`` is given,
    every name against the layout; then :mod:`zipfile`'s directory against
    :func:`inspect_zip`. Returns ``(zipfile, [])`` or ``(None, problems)``;
    never raises for bad input.
    """
    try:
        entries, problems = check_canonical(fh, size, limits.max_entries, limits.max_name_bytes)
    except (OSError, struct.error, ValueError) as exc:
        return None, [ParDeskError("zip.not_zip", detail=str(exc)[:200])]
    if entries is None:
        return None, problems
    if names is not None:
        for entry in entries:
            name = _entry_name(entry)
            if any(b >= 0x80 for b in entry.name) or names(name) is not None:
                problems.append(ParDeskError("zip.bad_name", where=name[:200], reason=REASON_TEXT["layout"]))
    try:
        fh.seek(0)
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error,
            UnicodeDecodeError, NotImplementedError, OverflowError) as exc:
        return None, problems + [ParDeskError("zip.not_zip", detail=str(exc)[:200])]
    problems += inspect_zip(zf, limits)
    if problems:
        zf.close()
        return None, problems
    return zf, []
