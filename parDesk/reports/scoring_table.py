"""Bảng tổng hợp kết quả tự đánh giá, chấm điểm — the scoring table, A4 landscape.

The table the Sở Nội vụ appraises from: every area, criterion and
sub-criterion with its maximum and self-score, the evidence each score rests
on (số/ký hiệu and date, as the appraiser will look them up in the evidence
folder), the unit's explanation, subtotals per criterion and area in bold,
the bonus and penalty blocks, the totals, the percentage of the unit's own
maximum and the self-rating. The two appraiser columns ("Điểm thẩm định",
"Ý kiến thẩm định") are printed empty for the appraiser's pen unless a round
of appraisal is asked for (the server prints the appraised copy).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from parDesk.i18n import register, t
from parDesk.numfmt import fmt_date, fmt_score
from parDesk.reports._common import (
    Item,
    Progress,
    ReportResult,
    all_not_applicable,
    issuing_body,
    make_cancel_check,
    na_word,
    percent_text,
    read_snapshot,
)
from parDesk.reports.decree30 import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    attachment_opening,
    build_pdf,
    closing_block,
    esc,
    frame_size,
    styles,
)
from parDesk.reports.grid import Cell, Grid, GridBody, GridRow, RowGroup

register({
    "tb.title": ("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
                 "SUMMARY OF SELF-ASSESSMENT SCORES"),
    "tb.subtitle": ("Chỉ số cải cách hành chính năm {year} của {unit}",
                    "Public Administration Reform Index {year}: {unit}"),
    "tb.attached": ("(Kèm theo Văn bản số {number} ngày {date} của {unit})",
                    "(Attached to document No. {number} of {date}, {unit})"),
    "tb.framework": ("Bộ chỉ số: {title}{decision}", "Framework: {title}{decision}"),
    "tb.decision": (" (ban hành kèm theo Quyết định số {number} ngày {date} của {issuer})",
                    " (issued with Decision No. {number} of {date}, {issuer})"),
    "tb.draft": ("Bản nháp — kết quả chưa chốt", "Draft — scores not yet locked"),
    "tb.col.code": ("Mã", "Code"),
    "tb.col.title": ("Lĩnh vực, tiêu chí, tiêu chí thành phần", "Area, criterion, sub-criterion"),
    "tb.col.max": ("Điểm tối đa", "Max"),
    "tb.col.self": ("Điểm tự chấm", "Self score"),
    "tb.col.evidence": ("Tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)", "Evidence (number, date)"),
    "tb.col.explanation": ("Giải trình", "Explanation"),
    "tb.col.appraised": ("Điểm thẩm định", "Appraised score"),
    "tb.col.comment": ("Ý kiến thẩm định", "Appraiser's comment"),
    "tb.not_applicable": ("Không áp dụng đối với đơn vị; không tính vào điểm tối đa của đơn vị.",
                          "Not applicable to the unit; not counted in the unit's maximum."),
    "tb.penalty_note": ("Số điểm bị trừ.", "Points deducted."),
    "tb.province": ("Do tỉnh chấm (điều tra xã hội học).", "Scored by the province (survey)."),
    "tb.no_evidence": ("Chưa có tài liệu kiểm chứng.", "No evidence yet."),
    "tb.bonus": ("ĐIỂM THƯỞNG", "BONUS POINTS"),
    "tb.penalty": ("ĐIỂM TRỪ", "PENALTY POINTS"),
    "tb.sum_base": ("Cộng điểm các lĩnh vực", "Sum of the areas"),
    "tb.sum_bonus": ("Điểm thưởng (đã áp dụng mức tối đa)", "Bonus points (after the cap)"),
    "tb.sum_penalty": ("Điểm trừ (đã áp dụng mức tối đa)", "Penalty points (after the cap)"),
    "tb.total": ("TỔNG ĐIỂM TỰ ĐÁNH GIÁ", "TOTAL SELF-ASSESSMENT SCORE"),
    "tb.max_applicable": ("Điểm tối đa của đơn vị (trừ các tiêu chí không áp dụng, điều tra xã hội học chưa có điểm)",
                          "The unit's maximum (without items not applicable and survey items not yet scored)"),
    "tb.percent": ("Tỷ lệ đạt được so với điểm tối đa của đơn vị", "Percentage of the unit's maximum"),
    "tb.rating": ("Tự xếp loại", "Self-rating"),
    "tb.progress": ("Số tiêu chí thành phần đã tự chấm: {completed}/{to_score}",
                    "Sub-criteria self-scored: {completed}/{to_score}"),
    "tb.same_doc": ("{number} ngày {date}", "{number} of {date}"),
})

_COLS_MM = (16, 68, 14, 14, 52, 46, 18, 24)


def _col_widths() -> list[float]:
    width, _ = frame_size(landscape=True)
    ws = [c * mm for c in _COLS_MM]
    ws[1] += width - sum(ws)
    return ws


def _doc_ref(doc: Mapping[str, Any], lang: str) -> str:
    """How the table names a document: "15/KH-UBND ngày 10/01/2025", else its file name."""
    number = str(doc.get("number") or "").strip()
    date = fmt_date(doc.get("date"))
    if number and date:
        return t("tb.same_doc", lang, number=number, date=date)
    return number or str(doc.get("original_name") or doc.get("file") or "")


def render_table(snapshot: Mapping[str, Any], out_path: str | Path, *, lang: str = "vi",
                 number: str | None = None, date: Any = None, appraisal_round: int | None = None,
                 progress: Progress | None = None, cancel: Any = None) -> ReportResult:
    """Render the scoring table of ``snapshot`` to ``out_path`` (PDF, A4 landscape).

    ``appraisal_round`` fills the appraiser columns from that round of the
    snapshot's ``appraisal`` entries (for the province's copy); by default
    they stay empty for the appraiser to write in. ``number``/``date``,
    ``progress`` and ``cancel`` as in :func:`render_checklist`.
    """
    view = read_snapshot(snapshot)
    check = make_cancel_check(cancel)
    st = styles(cell_size=10.5)
    grid = Grid(_col_widths(), size=10.5, split_min=frame_size(landscape=True)[1] / 4)
    unit = view.unit
    unit_name = issuing_body(unit)
    year = view.year
    totals = view.totals
    fw = view.framework

    story: list[Any] = attachment_opening(st, view, "tb", number=number, date=date, lang=lang)
    if fw.get("title"):
        dec = fw.get("decision") or {}
        decision = ""
        if dec.get("number"):
            decision = t("tb.decision", lang, number=dec.get("number"), date=fmt_date(dec.get("date")),
                         issuer=dec.get("issuer") or "")
        story.append(Paragraph(esc(t("tb.framework", lang, title=fw.get("title"), decision=decision)),
                               st.body_left))
        story.append(Spacer(1, 3 * mm))

    keys = ("code", "title", "max", "self", "evidence", "explanation", "appraised", "comment")
    ncols = len(keys)
    grid.set_header([
        grid.row([Paragraph(esc(t(f"tb.col.{k}", lang)), st.cell_head) for k in keys], valign="M"),
        grid.row([Cell(f"({i})", align="C", font=FONT_BOLD_ITALIC) for i in range(1, ncols + 1)]),
    ])
    shade = colors.Color(0.9, 0.9, 0.9)
    body = GridBody()

    def appraisal_cells(item: Item) -> tuple[str, str]:
        if appraisal_round is None:
            return "", ""
        for a in item.raw.get("appraisal") or []:
            if isinstance(a, Mapping) and a.get("round") == appraisal_round:
                return fmt_score(a.get("score"), lang=lang), str(a.get("comment") or "")
        return "", ""

    def node_row(item: Item) -> None:
        font = FONT_BOLD if item.kind in ("area", "criterion") else FONT_BOLD_ITALIC
        ap, cm = appraisal_cells(item)
        body.heading(grid.row([
            Cell(item.code, font=font), Cell(item.title.upper() if item.kind == "area" else item.title, font=font),
            Cell(fmt_score(item.raw.get("max"), lang=lang), align="C", font=font),
            Cell(na_word(lang) if all_not_applicable(item) else fmt_score(item.raw.get("score"), lang=lang),
                 align="C", font=font),
            Cell(""), Cell(""), Cell(ap, align="C", font=font), Cell(cm),
        ], background=shade if item.kind == "area" else None))

    def leaf_row(item: Item) -> None:
        check()
        status = item.get("status", "")
        na = bool(item.get("not_applicable")) or status == "not_applicable"
        province = status == "province" or not item.get("self_scored", True)
        score = item.raw.get("score")
        score_text = na_word(lang) if na else fmt_score(score, lang=lang)
        refs = "\n".join(_doc_ref(d, lang) for d in item.evidence)
        expl = str(item.get("explanation") or "").strip()
        if na:
            expl = (t("tb.not_applicable", lang) + (" " + expl if expl else "")).strip()
        elif province:
            expl = (t("tb.province", lang) + (" " + expl if expl else "")).strip()
        elif item.block == "penalty" and score is not None:
            expl = (t("tb.penalty_note", lang) + (" " + expl if expl else "")).strip()
        if not refs and not na and not province and item.get("requires_evidence", True) and score is not None:
            refs = t("tb.no_evidence", lang)
        ap, cm = appraisal_cells(item)
        body.emit(grid.row([
            Cell(item.code), Cell(item.title), Cell(fmt_score(item.raw.get("max"), lang=lang), align="C"),
            Cell(score_text, align="C"), Cell(refs, font=FONT_ITALIC if refs == t("tb.no_evidence", lang) else None),
            Cell(expl), Cell(ap, align="C"), Cell(cm),
        ]))

    def block_row(kind: str, _items: list[Item]) -> None:
        body.heading(grid.row([
            Cell("", font=FONT_BOLD), Cell(t(f"tb.{kind}", lang), font=FONT_BOLD), Cell(""),
            Cell(fmt_score(totals.get(kind), lang=lang), align="C", font=FONT_BOLD),
            Cell(""), Cell(""), Cell(""), Cell(""),
        ], background=shade))

    view.visit(node=node_row, leaf=leaf_row, block=block_row)
    rows: list[Any] = body.finish()

    def total_row(label: str, max_text: str, value: str, *, strong: bool = False, wide: bool = False) -> GridRow:
        font = FONT_BOLD if strong else FONT
        if wide:  # a word (the rating) rather than a number: give it room
            return grid.row([Cell(label, span=2, font=font), Cell(max_text, align="C", font=font),
                             Cell(value, span=2, font=font), Cell(""), Cell(""), Cell("")])
        return grid.row([Cell(label, span=2, font=font), Cell(max_text, align="C", font=font),
                         Cell(value, align="C", font=font), Cell("", span=2), Cell(""), Cell("")])

    mx = fmt_score(totals.get("max"), lang=lang)
    summary = [
        total_row(t("tb.sum_base", lang), mx, fmt_score(totals.get("base"), lang=lang), strong=True),
        total_row(t("tb.sum_bonus", lang), "", fmt_score(totals.get("bonus"), lang=lang)),
        total_row(t("tb.sum_penalty", lang), "", fmt_score(totals.get("penalty"), lang=lang)),
        total_row(t("tb.total", lang), mx, fmt_score(totals.get("total"), lang=lang), strong=True),
        total_row(t("tb.max_applicable", lang), "", fmt_score(totals.get("max_applicable"), lang=lang)),
        total_row(t("tb.percent", lang), "", percent_text(totals.get("percent"), lang=lang), strong=True),
        total_row(t("tb.rating", lang), "",
                  str(totals.get("rating_en" if lang == "en" else "rating") or totals.get("rating") or ""),
                  strong=True, wide=True),
    ]
    rows.append(RowGroup(summary))
    rows[0].first_in_table = True
    story.extend(rows)
    if totals.get("to_score") is not None:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(esc(t("tb.progress", lang, completed=totals.get("completed", 0),
                                     to_score=totals.get("to_score"))),
                               styles(cell_size=10.5, body_size=12).body_left))
    story.append(closing_block(unit, None, landscape=True, lang=lang))
    return build_pdf(out_path, story, landscape=True, title=t("tb.title", lang), author=unit_name,
                     subject=t("tb.subtitle", lang, year=year or "", unit=unit_name), lang=lang,
                     progress=progress, cancel=cancel)
