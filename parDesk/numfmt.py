"""Numbers and dates the way a Vietnamese reader expects them.

Printed forms, spreadsheets and the window show "0,5 điểm", "1.234" and
"ngày 05 tháng 01 năm 2026"; a reader who sees "0.5" or "1,234" misreads the
value (in Vietnamese "1,234" is one point two three four). Every place that
turns a stored number or date into text for a person goes through here, so the
convention lives in one module and the English forms are one argument away.

Stored values stay machine-shaped (``Decimal`` or the strings ``"7.5"``,
``"2025-01-10"``); these helpers only *format*. Nothing here depends on the
process locale, which on a commune office PC is as likely English as
Vietnamese.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Number = Decimal | int | float | str

__all__ = [
    "MONTHS_EN",
    "fmt_date",
    "fmt_date_long",
    "fmt_datetime",
    "fmt_int",
    "fmt_number",
    "fmt_percent",
    "fmt_score",
    "parse_date",
    "place_date_line",
    "to_decimal",
]

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def to_decimal(value: Number | None) -> Decimal | None:
    """Parse a stored number (``"7.5"``, ``7.5``, ``Decimal``) or return None.

    Snapshot decimals are strings with a ``.``; floats are converted through
    ``repr`` so 0.1 stays 0.1. Anything unparsable gives None rather than
    raising, because a form should print a blank, not crash, on a bad value
    (the verifier is where bad values are refused).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        result = Decimal(text)
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def fmt_number(value: Number | None, places: int | None = None, *, lang: str = "vi",
               strip: bool = True, blank: str = "") -> str:
    """``1234.5`` → ``"1.234,5"`` (vi) or ``"1,234.5"`` (en).

    ``places`` rounds half-up to that many decimals (for display only);
    ``strip`` drops trailing zeros so a score of ``"7.50"`` prints ``"7,5"``
    and ``"10.0"`` prints ``"10"``, as scores are written by hand.
    ``blank`` is returned for a missing value.
    """
    d = to_decimal(value)
    if d is None:
        return blank
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if strip:
        d = d.normalize() if d != d.to_integral_value() else d.quantize(Decimal(1))
    sign = "-" if d < 0 and d != 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["vi"])
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = thousands.join(groups)
    if frac:
        out += decimal + frac
    return sign + out


def fmt_score(value: Number | None, *, lang: str = "vi", blank: str = "") -> str:
    """A score as written on a form: shortest exact decimal, local separators."""
    return fmt_number(value, lang=lang, blank=blank)


def fmt_int(value: Number | None, *, lang: str = "vi", blank: str = "") -> str:
    """A count with thousands separators: 2000 → ``"2.000"``."""
    return fmt_number(value, 0, lang=lang, blank=blank)


def fmt_percent(value: Number | None, places: int = 2, *, lang: str = "vi", blank: str = "") -> str:
    """``"76.44"`` → ``"76,44%"``; trailing zeros dropped (``"80.00"`` → ``"80%"``)."""
    text = fmt_number(value, places, lang=lang, blank="")
    return text + "%" if text else blank


def parse_date(value: str | _dt.date | _dt.datetime | None) -> _dt.date | None:
    """A date from ISO text (``2025-01-10`` or a full ISO timestamp), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def fmt_date(value: str | _dt.date | None, *, lang: str = "vi", blank: str = "") -> str:
    """Short date for table cells: ``10/01/2025`` (both languages, day first).

    An unparsable stored date is printed as it was typed rather than dropped:
    the officer wrote it, and a blank would hide the problem.
    """
    d = parse_date(value)
    if d is None:
        return str(value).strip() if value not in (None, "") else blank
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_date_long(value: str | _dt.date | None, *, lang: str = "vi", year: int | None = None) -> str:
    """``ngày 05 tháng 01 năm 2026`` per Decree 30/2020 (Appendix I, II.4.b).

    Days below 10 and the months January and February are zero-padded; other
    months are not ("ngày 15 tháng 3 năm 2026"), which is how the decree
    writes them. With no date, the blanks are left to be filled by hand when
    the document is numbered and dated at issue ("ngày    tháng    năm 2026").
    """
    d = parse_date(value)
    if d is None:
        y = str(year) if year else "20\u00a0\u00a0\u00a0"
        gap = "\u00a0" * 6
        if lang == "en":
            return f"{gap}/{gap}/{y}"
        return f"ngày{gap}tháng{gap}năm {y}"
    if lang == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, value: str | _dt.date | None, *, lang: str = "vi",
                    year: int | None = None) -> str:
    """``Tân Lập, ngày 05 tháng 01 năm 2026`` — the italic line under the motto."""
    date_text = fmt_date_long(value, lang=lang, year=year)
    place = (place or "").strip()
    return f"{place}, {date_text}" if place else date_text


def fmt_datetime(value: str | _dt.datetime | None, *, lang: str = "vi", blank: str = "") -> str:
    """``2026-01-05T08:00:00+07:00`` → ``08:00 05/01/2026 (UTC+07:00)``.

    The offset is kept as written: a receipt must show the instant the
    server recorded, not the instant converted to whatever zone prints it.
    """
    if value in (None, ""):
        return blank
    if isinstance(value, _dt.datetime):
        dt = value
    else:
        try:
            dt = _dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    text = f"{dt.hour:02d}:{dt.minute:02d} {dt.day:02d}/{dt.month:02d}/{dt.year}"
    if dt.utcoffset() is not None:
        off = dt.utcoffset()
        assert off is not None
        minutes = int(off.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        minutes = abs(minutes)
        text += f" (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"
    return text
