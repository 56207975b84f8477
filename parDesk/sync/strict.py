"""Strict parsing with explicit limits, for everything read from the network.

Python's own parsers are generous in ways an attacker can use (issue 13 §8):
``str.isdigit()`` is true for ``"²"`` and ``"١٢"``, ``int()`` accepts spaces,
underscores and non-ASCII digits and fails (or burns CPU) on thousands of
digits, and ``json.loads`` recurses until ``RecursionError`` on deep nesting
and builds arbitrarily long integers. These helpers accept only the plain
form and say why they refuse, as :class:`StrictError` (a ``ValueError``), so
the caller answers 400 with a reason, never 500.

No web framework here: the desktop's sync client uses these too.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from itertools import accumulate
from typing import Any

MAX_DEPTH = 32          # JSON nesting: our documents are 4-5 levels deep
MAX_NUMBER_CHARS = 40   # a JSON number, in characters
_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII only; 19 digits fit a signed 64-bit integer
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b"[]{}")
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)


class StrictError(ValueError):
    """A value that is not in the strict form; ``str()`` says why (English, for logs and ``detail``)."""


def ascii_uint(text: str | bytes | None, *, maximum: int = 2**63 - 1) -> int:
    """A non-negative integer written with 1-19 ASCII digits only, at most ``maximum``."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    if text is None or not _DIGITS.fullmatch(text):
        shown = "" if text is None else text[:24]
        raise StrictError(f"not a plain number of at most 19 ASCII digits: {shown!r}")
    value = int(text)
    if value > maximum:
        raise StrictError(f"number too large: {value} > {maximum}")
    return value


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays/objects in ``raw`` (strings skipped), without recursion.

    Brackets become +1/-1 signed bytes and a running sum finds the deepest point, in C loops.
    """
    structure = _STRINGS.sub(b"", raw).translate(_STEPS, _NOT_STRUCTURE)
    return max(accumulate(array("b", structure)), default=0)


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise StrictError(f"number longer than {MAX_NUMBER_CHARS} characters")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise StrictError(f"number longer than {MAX_NUMBER_CHARS} characters")
    value = float(text)
    if not math.isfinite(value):
        raise StrictError(f"number out of range: {text}")
    return value


def _constant(name: str) -> Any:
    raise StrictError(f"{name} is not JSON")


def loads(raw: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """JSON from untrusted bytes: size, depth and number length bounded before parsing; UTF-8 only."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > max_bytes:
        raise StrictError(f"JSON larger than {max_bytes} bytes")
    if json_depth(data) > max_depth:
        raise StrictError(f"JSON nested deeper than {max_depth} levels")
    try:
        text = data.decode("utf-8")
        return json.loads(text, parse_int=_number, parse_float=_float, parse_constant=_constant)
    except StrictError:
        raise
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise StrictError(str(exc)[:120]) from None


def loads_object(raw: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Like :func:`loads`, and the document must be a JSON object."""
    data = loads(raw, max_bytes=max_bytes, max_depth=max_depth)
    if not isinstance(data, dict):
        raise StrictError("expected a JSON object")
    return data
