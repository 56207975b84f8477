"""Vietnamese number and date formatting used by every printed form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parDesk.numfmt import (
    fmt_date,
    fmt_date_long,
    fmt_datetime,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_score,
    place_date_line,
    to_decimal,
)


@pytest.mark.parametrize("value, expected", [
    ("0.5", "0,5"), ("0.50", "0,5"), ("10", "10"), ("10.0", "10"), ("1234.5", "1.234,5"), ("1234567", "1.234.567"),
    (Decimal("72.25"), "72,25"), (3, "3"), (0.1, "0,1"), ("-1.5", "-1,5"), ("-0.0", "0"), ("100", "100"),
])
def test_fmt_number_vietnamese(value, expected):
    assert fmt_number(value) == expected


def test_fmt_number_english_and_places():
    assert fmt_number("1234.5", lang="en") == "1,234.5"
    assert fmt_number("2.345", 2) == "2,35"  # half-up for display
    assert fmt_number("2.5", 0) == "3"
    assert fmt_number(None) == "" and fmt_number("abc", blank="—") == "—"


def test_scores_counts_percent():
    assert fmt_score("7.50") == "7,5"
    assert fmt_int(2000) == "2.000"
    assert fmt_percent("76.44") == "76,44%"
    assert fmt_percent("80.00") == "80%"
    assert fmt_percent(None, blank="—") == "—"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_fmt_number_round_trips(d):
    """Reading the printed Vietnamese number back gives the same value."""
    text = fmt_number(d)
    back = Decimal(text.replace(".", "").replace(",", "."))
    assert back == d
    whole = text.lstrip("-").split(",")[0]
    assert all(len(g) == 3 for g in whole.split(".")[1:])


def test_date_line_zero_padding_per_decree_30():
    assert fmt_date_long("2026-01-05") == "ngày 05 tháng 01 năm 2026"
    assert fmt_date_long("2026-02-09") == "ngày 09 tháng 02 năm 2026"
    assert fmt_date_long("2026-03-15") == "ngày 15 tháng 3 năm 2026"
    assert fmt_date_long(dt.date(2025, 12, 1)) == "ngày 01 tháng 12 năm 2025"
    assert place_date_line("Tân Lập", "2026-01-05") == "Tân Lập, ngày 05 tháng 01 năm 2026"
    assert fmt_date_long("2026-01-05", lang="en") == "5 January 2026"


def test_blank_date_left_for_the_clerk():
    text = fmt_date_long(None, year=2026)
    assert text.startswith("ngày") and "tháng" in text and text.endswith("năm 2026")
    assert "\u00a0" in text  # non-breaking: the blanks survive justification


def test_short_dates_and_times():
    assert fmt_date("2025-01-10") == "10/01/2025"
    assert fmt_date("10/1/2025") == "10/1/2025"  # unparsable: printed as typed, never dropped
    assert fmt_date(None) == ""
    assert fmt_datetime("2026-01-05T08:00:00+07:00") == "08:00 05/01/2026 (UTC+07:00)"
    assert fmt_datetime("2026-01-05T01:00:00Z") == "01:00 05/01/2026 (UTC+00:00)"


def test_to_decimal_is_lenient():
    assert to_decimal("7.5") == Decimal("7.5")
    assert to_decimal(True) is None and to_decimal("nan") is None and to_decimal("") is None
