"""The province's appraisal forms, from the desk: the results report with its ranking table and the
per-unit result sheet (phiếu kết quả thẩm định), on the Decree 30 layout of :mod:`.decree30`.

The figures come in computed (the desk computes them with the core's
scoring); this module only lays them out.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from parDesk.i18n import register, t
from parDesk.numfmt import fmt_percent, fmt_score
from parDesk.reports.decree30 import (
    FONT,
    build_pdf,
    esc,
    frame_size,
    national_header,
    styles,
    title_block,
)

register({
    "ar.report_title": ("BÁO CÁO", "REPORT"),
    "ar.report_subject": ("Kết quả thẩm định Chỉ số cải cách hành chính năm {year} của các xã, phường",
                          "Appraisal results of the {year} PAR Index of the communes and wards"),
    "ar.sheet_title": ("PHIẾU KẾT QUẢ THẨM ĐỊNH", "APPRAISAL RESULT SHEET"),
    "ar.sheet_subject": ("Chỉ số cải cách hành chính năm {year} — {unit}", "{year} PAR Index — {unit}"),
    "ar.body": ("Tổng số {n} đơn vị được thẩm định. Kết quả xếp hạng như bảng dưới đây.",
                "{n} units were appraised. The ranking is in the table below."),
    "ar.bands": ("Số đơn vị theo xếp loại: {bands}.", "Units per rating band: {bands}."),
    "ar.h_rank": ("Hạng", "Rank"), "ar.h_code": ("Mã", "Code"), "ar.h_unit": ("Đơn vị", "Unit"),
    "ar.h_self": ("Tự chấm", "Self"), "ar.h_appraised": ("Thẩm định", "Appraised"),
    "ar.h_percent": ("Tỷ lệ (%)", "Percent"), "ar.h_rating": ("Xếp loại", "Rating"),
    "ar.h_item": ("Mục", "Item"), "ar.h_title": ("Nội dung", "Content"), "ar.h_max": ("Tối đa", "Max"),
    "ar.h_r1": ("Vòng 1", "Round 1"), "ar.h_r2": ("Vòng 2", "Round 2"), "ar.h_comment": ("Nhận xét", "Comment"),
    "ar.total": ("Tổng điểm thẩm định: {total}/{max} ({percent}) — xếp loại {rating}",
                 "Appraised total: {total}/{max} ({percent}) — rating {rating}"),  # percent comes with its sign
    "ar.issuer": ("SỞ NỘI VỤ", "DEPARTMENT OF HOME AFFAIRS"),
})


def _table(rows: list[list[Any]], widths: Sequence[float]) -> Table:
    tbl = Table(rows, colWidths=list(widths), repeatRows=1)
    tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return tbl


def _pdf(story: list[Any], title: str, lang: str, landscape: bool = False) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.pdf"
        build_pdf(out, story, landscape=landscape, title=title, lang=lang)
        return out.read_bytes()


def _issuer(province: str, lang: str) -> Mapping[str, Any]:
    return {"governing_body": ("UBND " + province.upper()) if province else "", "name": t("ar.issuer", lang),
            "place": province.replace("Tỉnh ", ""), "leader_title": "Giám đốc" if lang == "vi" else "Director"}


def results_report_pdf(data: Mapping[str, Any], *, province: str = "", lang: str = "vi") -> bytes:
    st = styles(cell_size=10)
    year = data["year"]
    rows = data["rows"]
    story: list[Any] = [national_header(_issuer(province, lang), number=None, number_suffix="BC-SNV", year=year + 1,
                                        lang=lang)]
    story += title_block(st, t("ar.report_title", lang), [t("ar.report_subject", lang, year=year)])
    story.append(Paragraph(esc(t("ar.body", lang, n=len(rows))), st.body))
    bands = "; ".join(f"{b[0] if lang == 'vi' else b[1]}: {b[3]}" for b in data["bands"])
    story.append(Paragraph(esc(t("ar.bands", lang, bands=bands)), st.body))
    story.append(Spacer(1, 3 * mm))
    width, _ = frame_size(False)
    head = [Paragraph(esc(t(k, lang)), st.cell_head) for k in
            ("ar.h_rank", "ar.h_code", "ar.h_unit", "ar.h_self", "ar.h_appraised", "ar.h_percent", "ar.h_rating")]
    table = [head]
    for r in rows:
        table.append([Paragraph(str(r["rank"]), st.cell_center), Paragraph(esc(r["code"]), st.cell),
                      Paragraph(esc(r["name"]), st.cell), Paragraph(fmt_score(r["self"], lang=lang), st.cell_right),
                      Paragraph(fmt_score(r["appraised"], lang=lang), st.cell_right),
                      Paragraph(fmt_percent(r["percent"], lang=lang), st.cell_right),
                      Paragraph(esc(r["rating"] if lang == "vi" else r.get("rating_en", "")), st.cell)])
    fr = [0.08, 0.1, 0.34, 0.11, 0.12, 0.11, 0.14]
    story.append(_table(table, [width * f for f in fr]))
    return _pdf(story, t("ar.report_subject", lang, year=year), lang)


def unit_sheet_pdf(unit: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], totals: Any, *, province: str = "",
                   year: int, lang: str = "vi") -> bytes:
    st = styles(cell_size=10)
    story: list[Any] = [national_header(_issuer(province, lang), landscape=True, number=None,
                                        number_suffix="PKQ-SNV", year=year + 1, lang=lang)]
    story += title_block(st, t("ar.sheet_title", lang), [t("ar.sheet_subject", lang, year=year,
                                                           unit=unit.get("name", ""))])
    width, _ = frame_size(True)
    head = [Paragraph(esc(t(k, lang)), st.cell_head) for k in
            ("ar.h_item", "ar.h_title", "ar.h_max", "ar.h_self", "ar.h_r1", "ar.h_r2", "ar.h_comment")]
    table = [head]
    for r in rows:
        table.append([Paragraph(esc(r["code"]), st.cell), Paragraph(esc(r["title"]), st.cell),
                      Paragraph(fmt_score(r["max"], lang=lang), st.cell_right),
                      Paragraph(fmt_score(r["self"], lang=lang), st.cell_right),
                      Paragraph(fmt_score(r["r1"], lang=lang), st.cell_right),
                      Paragraph(fmt_score(r["r2"], lang=lang), st.cell_right),
                      Paragraph(esc(r["comment"]), st.cell_small)])
    fr = [0.07, 0.38, 0.07, 0.08, 0.08, 0.08, 0.24]
    story.append(_table(table, [width * f for f in fr]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(t("ar.total", lang, total=fmt_score(totals.total, lang=lang),
                                 max=fmt_score(totals.max_applicable, lang=lang),
                                 percent=fmt_percent(totals.percent, lang=lang),
                                 rating=totals.rating if lang == "vi" else totals.rating_en)), st.body_left))
    return _pdf(story, t("ar.sheet_title", lang), lang, landscape=True)
