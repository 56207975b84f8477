"""parDesk's own zip shape, checked from the raw bytes before :mod:`zipfile` builds anything.

Readers disagree about zips that are not plain: data after the end record, a
prepended stub (self-extractors), two archives concatenated, an end record
whose counts lie, a zip64 end record that says something else than the
classic one, a local header whose sizes or name differ from the central
directory's. Each reader picks a different story, and a verifier must never
accept a file that another tool would unpack differently. parDesk writes its
packages itself (:mod:`parDesk.package.bag`), so it accepts exactly that shape:

* the file ends with one classic end record (no comment); a zip64 end record
  and locator sit right before it only when a classic field needs them, and
  agree with it (a classic field may only be the 0xFFFF… placeholder where
  zip64 holds the real value);
* one entry count, bounded by :class:`~parDesk.package.zipsafe.ZipLimits`
  *before* the directory is read (so a forged count costs nothing);
* the central directory ends where the end records begin;
* entries are contiguous from offset 0 in directory order, no data
  descriptors, no gaps: the last entry ends where the directory begins;
* each local header equals its directory record: version, flags, method,
  time, CRC, sizes and the name, byte for byte;
* only the zip64 extra field, no per-entry comments, one disk.

Everything is bounded: the directory read is at most
``max_entries × (46 + name + 64)`` bytes, each local header 30 + its name.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

from parDesk.i18n import ParDeskError, register

register({
    "zip.trailing": ("tệp không kết thúc bằng bản ghi kết thúc thư mục ZIP (có dữ liệu nối thêm hoặc chú thích)",
                     "the file does not end with the ZIP end-of-directory record (appended data or a comment)"),
    "zip.end_mismatch": ("hai bản ghi kết thúc ZIP (thường và ZIP64) khai khác nhau: {field} {classic} ≠ {zip64}",
                         "the classic and ZIP64 end records disagree: {field} {classic} ≠ {zip64}"),
    "zip.multi_disk": ("tệp ZIP nhiều phần (multi-disk) không được hỗ trợ", "multi-disk ZIP files are not supported"),
    "zip.not_canonical": ("cấu trúc ZIP khác dạng chuẩn parDesk ghi: {detail}",
                          "the ZIP's structure is not the canonical form parDesk writes: {detail}"),
    "zip.header_mismatch": ("phần đầu cục bộ của mục khác thư mục trung tâm ({field})",
                            "the entry's local header differs from the central directory ({field})"),
})

EOCD = struct.Struct("<4s4H2LH")           # 22 bytes
LOCATOR = struct.Struct("<4sLQL")          # 20 bytes
EOCD64 = struct.Struct("<4sQ2H2L4Q")       # 56 bytes
CENTRAL = struct.Struct("<4s6H3L5H2L")     # 46 bytes
LOCAL = struct.Struct("<4s5H3L2H")         # 30 bytes
MAX_EXTRA = 64


@dataclass(frozen=True)
class EndRecord:
    count: int
    cd_size: int
    cd_offset: int
    end_start: int      # where the (zip64 or classic) end records begin


@dataclass(frozen=True)
class Entry:
    name: bytes
    version: int
    flags: int
    method: int
    time: int
    date: int
    crc: int
    csize: int
    usize: int
    offset: int


def _pread(fh: BinaryIO, offset: int, n: int) -> bytes:
    pread = getattr(fh, "pread", None)
    if pread is not None:
        return bytes(pread(offset, n))
    fh.seek(offset)
    return fh.read(n)


def _bad(detail: str) -> ParDeskError:
    return ParDeskError("zip.not_canonical", detail=detail)


def read_end_records(fh: BinaryIO, size: int, max_entries: int) -> tuple[EndRecord | None, list[ParDeskError]]:
    """The one entry count and directory position both end records agree on, or why not."""
    if size < EOCD.size:
        return None, [ParDeskError("zip.not_zip", detail="too short")]
    tail = _pread(fh, size - EOCD.size, EOCD.size)
    sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment = EOCD.unpack(tail)
    if sig != b"PK\x05\x06" or comment != 0:
        window = _pread(fh, max(0, size - 65557), min(size, 65557))
        if window.rfind(b"PK\x05\x06") < 0 or size - (max(0, size - 65557) + window.rfind(b"PK\x05\x06")) < 22:
            return None, [ParDeskError("zip.not_zip", detail="no end of central directory")]
        return None, [ParDeskError("zip.trailing")]
    if disk or cd_disk or n_disk != n_total:
        return None, [ParDeskError("zip.multi_disk")]
    end_start = size - EOCD.size
    count, dsize, doffset = n_total, cd_size, cd_offset
    loc_at = size - EOCD.size - LOCATOR.size
    loc = _pread(fh, loc_at, LOCATOR.size) if loc_at >= 0 else b""
    if loc[:4] == b"PK\x06\x07":
        _s, loc_disk, z64_at, disks = LOCATOR.unpack(loc)
        if loc_disk != 0 or disks != 1:
            return None, [ParDeskError("zip.multi_disk")]
        if z64_at != loc_at - EOCD64.size or z64_at < 0:
            return None, [_bad("ZIP64 end record out of place")]
        rec = _pread(fh, z64_at, EOCD64.size)
        (s64, rec_size, _made, _need, d64, cd64_disk, n64_disk, n64, size64, off64) = EOCD64.unpack(rec)
        if s64 != b"PK\x06\x06" or rec_size != EOCD64.size - 12:
            return None, [_bad("bad ZIP64 end record")]
        if d64 or cd64_disk or n64_disk != n64:
            return None, [ParDeskError("zip.multi_disk")]
        for field, classic, real, cap in (("entries", n_total, n64, 0xFFFF), ("size", cd_size, size64, 0xFFFFFFFF),
                                          ("offset", cd_offset, off64, 0xFFFFFFFF)):
            if classic != real and not (classic == cap and real >= cap):
                return None, [ParDeskError("zip.end_mismatch", field=field, classic=classic, zip64=real)]
        if n_total != 0xFFFF and 0xFFFFFFFF not in (cd_size, cd_offset):
            return None, [_bad("ZIP64 end record where none is needed")]
        count, dsize, doffset, end_start = n64, size64, off64, z64_at
    elif 0xFFFF in (n_total,) or 0xFFFFFFFF in (cd_size, cd_offset):
        return None, [_bad("ZIP64 placeholder without a ZIP64 end record")]
    if count > max_entries:
        return None, [ParDeskError("zip.too_many", count=count, limit=max_entries)]
    if doffset + dsize != end_start:
        return None, [_bad("the central directory does not end where the end record begins")]
    return EndRecord(count, dsize, doffset, end_start), []


def _zip64(extra: bytes, usize: int, csize: int, offset: int | None) -> tuple[int, int, int | None] | None:
    """Resolve 0xFFFFFFFF placeholders from the zip64 extra; None if the extra is not exactly that."""
    if not extra:
        return (usize, csize, offset) if 0xFFFFFFFF not in (usize, csize, offset) else None
    if len(extra) < 4:
        return None
    tag, length = struct.unpack_from("<2H", extra)
    if tag != 1 or length + 4 != len(extra) or length % 8:
        return None
    values = list(struct.unpack_from(f"<{length // 8}Q", extra, 4))
    out = []
    for v in (usize, csize) + ((offset,) if offset is not None else ()):
        out.append(values.pop(0) if v == 0xFFFFFFFF and values else v)
    if values and not (offset is None and len(values) <= 1):  # local headers may carry only the sizes
        return None
    return out[0], out[1], out[2] if offset is not None else None


def read_central(fh: BinaryIO, end: EndRecord, max_name: int) -> tuple[list[Entry], list[ParDeskError]]:
    """Parse the central directory (bounded by the checked end record) into entries."""
    if end.cd_size > end.count * (CENTRAL.size + max_name + MAX_EXTRA) or end.cd_size < end.count * CENTRAL.size:
        return [], [ParDeskError("zip.not_zip", detail="central directory size out of range")]
    data = _pread(fh, end.cd_offset, end.cd_size)
    entries: list[Entry] = []
    pos = 0
    for _ in range(end.count):
        if pos + CENTRAL.size > len(data):
            return [], [_bad("central directory shorter than declared")]
        (sig, _made, version, flags, method, time, date, crc, csize, usize, nlen, xlen, clen, disk, _iattr,
         _eattr, offset) = CENTRAL.unpack_from(data, pos)
        if sig != b"PK\x01\x02":
            return [], [_bad("bad central directory record")]
        if clen or disk or xlen > MAX_EXTRA or nlen > max_name:
            return [], [_bad("entry comment, disk number or oversize field")]
        name = data[pos + 46:pos + 46 + nlen]
        resolved = _zip64(data[pos + 46 + nlen:pos + 46 + nlen + xlen], usize, csize, offset)
        if resolved is None or len(name) != nlen:
            return [], [_bad("unexpected extra field")]
        usize, csize, off = resolved
        entries.append(Entry(name, version, flags, method, time, date, crc, csize, usize, off or 0))
        pos += 46 + nlen + xlen
    if pos != len(data):
        return [], [_bad("bytes left over in the central directory")]
    return entries, []


def check_locals(fh: BinaryIO, entries: list[Entry], cd_offset: int) -> list[ParDeskError]:
    """Entries contiguous from 0 in directory order, each local header equal to its record."""
    expected = 0
    for e in entries:
        where = e.name.decode("utf-8", "replace")[:200]
        if e.offset != expected:
            return [ParDeskError("zip.not_canonical", where=where,
                                 detail="entries are not contiguous from the start (stub, gap or overlap)")]
        head = _pread(fh, e.offset, LOCAL.size)
        if len(head) != LOCAL.size:
            return [ParDeskError("zip.not_zip", where=where, detail="truncated")]
        sig, version, flags, method, time, date, crc, csize, usize, nlen, xlen = LOCAL.unpack(head)
        if sig != b"PK\x03\x04" or xlen > MAX_EXTRA:
            return [ParDeskError("zip.not_canonical", where=where, detail="bad local header")]
        rest = _pread(fh, e.offset + LOCAL.size, nlen + xlen)
        resolved = _zip64(rest[nlen:], usize, csize, None)
        if resolved is None:
            return [ParDeskError("zip.header_mismatch", where=where, field="extra")]
        usize, csize, _ = resolved
        for field, local, central in (("name", rest[:nlen], e.name), ("version", version, e.version),
                                      ("flags", flags, e.flags), ("method", method, e.method),
                                      ("time", (time, date), (e.time, e.date)), ("CRC", crc, e.crc),
                                      ("compressed size", csize, e.csize), ("size", usize, e.usize)):
            if local != central:
                return [ParDeskError("zip.header_mismatch", where=where, field=field)]
        if flags & 0x08:
            return [ParDeskError("zip.not_canonical", where=where, detail="data descriptor")]
        expected = e.offset + LOCAL.size + nlen + xlen + e.csize
    if expected != cd_offset:
        return [_bad("bytes between the last entry and the central directory")]
    return []


def check_canonical(fh: BinaryIO, size: int, max_entries: int,
                    max_name: int) -> tuple[list[Entry] | None, list[ParDeskError]]:
    """``(entries, problems)``; entries None when the end records already forbid reading further."""
    end, problems = read_end_records(fh, size, max_entries)
    if end is None:
        return None, problems
    entries, problems = read_central(fh, end, max_name)
    if problems:
        return None, problems
    return entries, check_locals(fh, entries, end.cd_offset)
