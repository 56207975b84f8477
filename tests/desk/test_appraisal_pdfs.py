"""The desk's PDFs read back with poppler: percentages printed once ("76,44%", never "76,44%%"), both languages."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from parDesk.reports.appraisal_results import results_report_pdf, unit_sheet_pdf

# (percent as the desk computes it, as Vietnamese prints it, as English prints it): written out by hand
PERCENTS = [(Decimal("76.44"), "76,44%", "76.44%"), (Decimal("80.00"), "80%", "80%"),
            (Decimal("100"), "100%", "100%"), (Decimal("5.5"), "5,5%", "5.5%")]


def text_of(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_result_sheet_prints_each_percent_once(tmp_path, lang):
    rows = [{"code": "1.1.1", "title": "Ban hành kế hoạch CCHC", "max": Decimal("2"), "self": Decimal("2"),
             "r1": Decimal("1.5"), "r2": None, "comment": "thiếu văn bản"}]
    for i, (percent, vi, en) in enumerate(PERCENTS):
        totals = SimpleNamespace(total=Decimal("76.44"), max_applicable=Decimal("100"), percent=percent,
                                 rating="Tốt", rating_en="Good")
        text = text_of(unit_sheet_pdf({"name": "Xã Mẫu"}, rows, totals, province="Tỉnh Mẫu", year=2025, lang=lang),
                       tmp_path, f"s{i}.pdf")
        assert "%%" not in text
        assert f"({vi if lang == 'vi' else en})" in text, text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_results_report_prints_each_percent_once(tmp_path, lang):
    rows = [{"rank": i + 1, "code": f"1000{i}", "name": f"Xã {i}", "self": Decimal("80"), "appraised": p,
             "percent": p, "rating": "Khá", "rating_en": "Fair"} for i, (p, _vi, _en) in enumerate(PERCENTS)]
    data = {"year": 2025, "rows": rows, "bands": [("Khá", "Fair", Decimal("70"), len(rows))]}
    text = text_of(results_report_pdf(data, province="Tỉnh Mẫu", lang=lang), tmp_path, "r.pdf")
    assert "%%" not in text
    for _p, vi, en in PERCENTS:
        assert (vi if lang == "vi" else en) in text
