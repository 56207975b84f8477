"""A small, strict DER reader and writer.

Why not a library: the ``cryptography`` package can *build* CMS signatures
but (as of 50.x) cannot *verify* them, and ``asn1crypto`` is not a dependency
of parDesk. CMS SignedData needs only a handful of ASN.1 shapes, so a careful
reader of about a hundred lines is cheaper to audit than a new dependency.

The reader is deliberately strict, because it reads attacker-supplied bytes
(a package from anywhere): definite lengths only, minimal length encodings,
no reading past the end of the buffer, bounded nesting, and trailing bytes
are an error. It never recurses on its own; callers walk the tree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Universal tags used by CMS / PKCS#8.
INTEGER = 0x02
BIT_STRING = 0x03
OCTET_STRING = 0x04
NULL = 0x05
OID = 0x06
UTF8_STRING = 0x0C
PRINTABLE_STRING = 0x13
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18
SEQUENCE = 0x10
SET = 0x11

UNIVERSAL, APPLICATION, CONTEXT, PRIVATE = 0, 1, 2, 3


class DerError(ValueError):
    """The bytes are not the DER structure expected (damaged or forged)."""


@dataclass(frozen=True)
class Node:
    """One TLV: where it sits in ``buf`` and what its identifier says."""

    buf: bytes
    start: int          # offset of the identifier octet
    header_len: int     # identifier + length octets
    length: int         # content length
    cls: int            # UNIVERSAL / APPLICATION / CONTEXT / PRIVATE
    constructed: bool
    tag: int            # tag number

    @property
    def end(self) -> int:
        return self.start + self.header_len + self.length

    @property
    def raw(self) -> bytes:
        """The whole TLV exactly as received (what signatures cover)."""
        return self.buf[self.start:self.end]

    @property
    def content(self) -> bytes:
        return self.buf[self.start + self.header_len:self.end]

    def is_(self, tag: int, cls: int = UNIVERSAL, constructed: bool | None = None) -> bool:
        if self.cls != cls or self.tag != tag:
            return False
        return constructed is None or self.constructed == constructed

    def expect(self, tag: int, cls: int = UNIVERSAL, what: str = "") -> Node:
        if not self.is_(tag, cls):
            raise DerError(f"expected {what or (cls, tag)} at offset {self.start}, "
                           f"found class {self.cls} tag {self.tag}")
        return self

    def children(self) -> list[Node]:
        if not self.constructed:
            raise DerError(f"primitive value at offset {self.start} has no children")
        out: list[Node] = []
        pos = self.start + self.header_len
        while pos < self.end:
            child = read_node(self.buf, pos, self.end)
            out.append(child)
            pos = child.end
        return out


def read_node(buf: bytes, pos: int = 0, limit: int | None = None) -> Node:
    """Read the TLV at ``pos``; it must end at or before ``limit``."""
    limit = len(buf) if limit is None else limit
    if pos >= limit:
        raise DerError("unexpected end of data")
    first = buf[pos]
    cls = first >> 6
    constructed = bool(first & 0x20)
    tag = first & 0x1F
    i = pos + 1
    if tag == 0x1F:  # high tag number form
        tag = 0
        for _ in range(4):
            if i >= limit:
                raise DerError("truncated tag")
            b = buf[i]
            i += 1
            if tag == 0 and b == 0x80:
                raise DerError("non-minimal tag encoding")
            tag = (tag << 7) | (b & 0x7F)
            if not b & 0x80:
                break
        else:
            raise DerError("tag number too large")
        if tag < 0x1F:
            raise DerError("non-minimal tag encoding")
    if i >= limit:
        raise DerError("truncated length")
    lb = buf[i]
    i += 1
    if lb < 0x80:
        length = lb
    elif lb == 0x80:
        raise DerError("indefinite length is not DER")
    else:
        n = lb & 0x7F
        if n > 4 or i + n > limit:
            raise DerError("length too large or truncated")
        length = int.from_bytes(buf[i:i + n], "big")
        if buf[i] == 0 or length < 0x80:
            raise DerError("non-minimal length encoding")
        i += n
    if i + length > limit:
        raise DerError("value runs past the end of its container")
    return Node(buf, pos, i - pos, length, cls, constructed, tag)


def parse(buf: bytes) -> Node:
    """Parse one complete DER value; trailing bytes are an error."""
    node = read_node(buf, 0, len(buf))
    if node.end != len(buf):
        raise DerError("trailing data after the DER value")
    return node


def as_oid(node: Node) -> str:
    node.expect(OID, what="OBJECT IDENTIFIER")
    data = node.content
    if not data or data[-1] & 0x80:
        raise DerError("bad OBJECT IDENTIFIER")
    arcs: list[int] = []
    value = 0
    fresh = True
    for b in data:
        if fresh and b == 0x80:
            raise DerError("non-minimal OBJECT IDENTIFIER arc")
        value = (value << 7) | (b & 0x7F)
        fresh = not b & 0x80
        if fresh:
            arcs.append(value)
            value = 0
    first = arcs[0]
    head = [0, first] if first < 40 else [1, first - 40] if first < 80 else [2, first - 80]
    return ".".join(str(a) for a in head + arcs[1:])


def as_int(node: Node) -> int:
    node.expect(INTEGER, what="INTEGER")
    data = node.content
    if not data:
        raise DerError("empty INTEGER")
    if len(data) > 1 and ((data[0] == 0 and not data[1] & 0x80) or (data[0] == 0xFF and data[1] & 0x80)):
        raise DerError("non-minimal INTEGER")
    return int.from_bytes(data, "big", signed=True)


def as_octets(node: Node) -> bytes:
    node.expect(OCTET_STRING, what="OCTET STRING")
    if node.constructed:
        raise DerError("constructed OCTET STRING is not DER")
    return node.content


def as_time(node: Node) -> dt.datetime:
    """UTCTime / GeneralizedTime in the DER forms (``Z``, whole seconds)."""
    text = node.content.decode("ascii", "strict") if node.content.isascii() else None
    if text is None or not text.endswith("Z"):
        raise DerError("time must be in UTC ('Z')")
    try:
        if node.is_(UTC_TIME):
            if len(text) != 13:
                raise DerError("bad UTCTime")
            parsed = dt.datetime.strptime(text, "%y%m%d%H%M%SZ")
            # RFC 5280: two-digit years 50..99 are 19xx, 00..49 are 20xx
            if parsed.year >= 2050:
                parsed = parsed.replace(year=parsed.year - 100)
        elif node.is_(GENERALIZED_TIME):
            main = text[:-1]
            fmt = "%Y%m%d%H%M%S.%f" if "." in main else "%Y%m%d%H%M%S"
            parsed = dt.datetime.strptime(main, fmt)
        else:
            raise DerError("expected a time value")
    except ValueError as exc:
        if isinstance(exc, DerError):
            raise
        raise DerError(f"bad time value {text!r}") from None
    return parsed.replace(tzinfo=dt.UTC)


# --- writer (what PKCS#8 encryption and CMS SignedData need) --------------
#
# Every function returns one complete DER TLV. Only single-octet identifiers
# (tag numbers < 31) are written: nothing parDesk writes needs more. Lengths
# are always definite and minimal; INTEGERs minimal two's complement; SET OF
# components sorted as X.690 §11.6 requires; times in the DER forms (UTC
# ``Z``, whole seconds, no fraction).

def encode(tag_byte: int, content: bytes) -> bytes:
    if not 0 <= tag_byte <= 0xFF or tag_byte & 0x1F == 0x1F:
        raise ValueError(f"unsupported identifier octet {tag_byte:#x}")
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        body = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(body)]) + body
    return bytes([tag_byte]) + head + content


def seq(*items: bytes) -> bytes:
    return encode(0x30, b"".join(items))


def octets(data: bytes) -> bytes:
    return encode(OCTET_STRING, data)


def integer(value: int) -> bytes:
    # minimal two's complement: one sign bit more than the magnitude needs
    length = (value if value >= 0 else ~value).bit_length() // 8 + 1
    return encode(INTEGER, value.to_bytes(length, "big", signed=True))


def oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    values = [arcs[0] * 40 + arcs[1]] + arcs[2:]
    out = bytearray()
    for v in values:
        chunk = [v & 0x7F]
        v >>= 7
        while v:
            chunk.append(0x80 | (v & 0x7F))
            v >>= 7
        out.extend(reversed(chunk))
    return encode(OID, bytes(out))


def null() -> bytes:
    return b"\x05\x00"


def set_of(*items: bytes) -> bytes:
    """SET OF: components in ascending order of their encodings (X.690 §11.6, DER)."""
    width = max((len(i) for i in items), default=0)
    return encode(0x31, b"".join(sorted(items, key=lambda i: bytes(i).ljust(width, b"\0"))))


def context(number: int, content: bytes, *, constructed: bool = True) -> bytes:
    """A context-specific tag ``[number]`` around ``content``.

    EXPLICIT tagging: ``content`` is a whole TLV. IMPLICIT tagging of a
    constructed type (e.g. ``[0] IMPLICIT SET OF``): ``content`` is that
    type's *contents* octets (see :func:`contents`).
    """
    if not 0 <= number < 0x1F:
        raise ValueError("context tag number out of range")
    return encode(0x80 | (0x20 if constructed else 0) | number, content)


def contents(tlv: bytes) -> bytes:
    """The contents octets of one complete DER TLV (for IMPLICIT re-tagging)."""
    node = parse(tlv)
    return node.content


def time(value: dt.datetime) -> bytes:
    """UTCTime for years 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5, RFC 5652 §11.3).

    Converted to UTC and truncated to whole seconds. A naive datetime is refused:
    silently guessing a time zone would sign a wrong time.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("time must be timezone-aware")
    value = value.astimezone(dt.UTC).replace(microsecond=0)
    if 1950 <= value.year <= 2049:
        return encode(UTC_TIME, value.strftime("%y%m%d%H%M%SZ").encode("ascii"))
    return encode(GENERALIZED_TIME, f"{value.year:04d}{value.strftime('%m%d%H%M%S')}Z".encode("ascii"))
