"""Evidence documents served from inside a verified package, by hash, with HTTP range requests.

Evidence in a package is stored without recompression (the packager's rule
for PDF, JPEG, PNG …), so a document is one contiguous byte range of the zip:
the response seeks to it and streams only the bytes asked for, whatever the
document's size. A compressed member (rare: text files) is streamed through
the decompressor without ranges. With S3 storage the package is read in
place by ranged GETs (:meth:`S3Storage.open_seekable`): the central directory,
the member's local header, then only the bytes asked for. The path inside the zip comes from the
verified ``assessment.json`` entry for that hash, never from the request.
"""

from __future__ import annotations

import re
import struct
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, BinaryIO

SAFE_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/msword", "application/vnd.ms-excel"}
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png", "text/plain"}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


_SPANS: OrderedDict[tuple[str, str], tuple[int, int, int]] = OrderedDict()
_SPANS_LOCK = threading.Lock()


def cached_member_span(fh: BinaryIO, package_key: str, member: str) -> tuple[int, int, int]:
    """:func:`member_span`, remembered per (package, member): a package never changes once accepted.

    On S3 reading the span costs three round trips (end record, central
    directory, local header); the second opening of a document skips them.
    """
    with _SPANS_LOCK:
        span = _SPANS.get((package_key, member))
    if span is None:
        span = member_span(fh, member)
        with _SPANS_LOCK:
            _SPANS[(package_key, member)] = span
            while len(_SPANS) > 4096:
                _SPANS.popitem(last=False)
    return span


def member_span(fh: BinaryIO, member: str) -> tuple[int, int, int]:
    """(data offset, stored size, compress type) of ``member``: from the central directory and local header."""
    zf = zipfile.ZipFile(fh)
    info = zf.getinfo(member)
    fh.seek(info.header_offset)
    header = fh.read(30)
    if header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_len + extra_len, info.compress_size, info.compress_type


def parse_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """(start, end inclusive) for a single range; None = whole; "bad" = 416."""
    if not header:
        return None
    m = _RANGE.match(header.strip())
    if not m or (not m.group(1) and not m.group(2)):
        return None if "," not in header else "bad"
    if m.group(1):
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else size - 1
    else:
        length = int(m.group(2))
        start, end = max(0, size - length), size - 1
    if start >= size or start > end:
        return "bad"
    return start, min(end, size - 1)


def iter_span(fh: BinaryIO, start: int, length: int) -> Iterator[bytes]:
    try:
        fh.seek(start)
        left = length
        while left > 0:
            chunk = fh.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        fh.close()


def iter_inflated(fh: BinaryIO, member: str) -> Iterator[bytes]:
    try:
        with zipfile.ZipFile(fh) as zf, zf.open(member) as src:
            while chunk := src.read(CHUNK):
                yield chunk
    finally:
        fh.close()


def content_type(media_type: str) -> str:
    return media_type if media_type in SAFE_TYPES else "application/octet-stream"


def open_seekable(storage: Any, key: str) -> BinaryIO:
    """The package as a seekable file: a local file, or ranged GETs on S3 (bounded memory either way)."""
    fh: BinaryIO = storage.open_seekable(key)
    return fh
