"""Danh mục tài liệu kiểm chứng — the evidence checklist, A4 landscape.

No official template exists, so this is the form an appraiser and an officer
both find natural: documents grouped area → criterion → sub-criterion, each
with its số/ký hiệu, date, issuing body, trích yếu, the section/page where
the proof sits, the file and a short hash (first 12 hex digits of its
SHA-256, enough to tell two scans apart and to find the file in a package),
and an empty tick column for checking the paper folder against the list.

Sub-criteria that should have evidence and have none are printed as a row of
their own, "Chưa có tài liệu kiểm chứng", with the explanation written for
them (or a note that there is none) — the point of printing the list weeks
before the deadline is to see the gaps on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from parDesk.i18n import register, t
from parDesk.numfmt import fmt_date, fmt_int, fmt_score
from parDesk.reports._common import (
    Item,
    Progress,
    ReportResult,
    all_not_applicable,
    issuing_body,
    make_cancel_check,
    read_snapshot,
)
from parDesk.reports.decree30 import (
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    attachment_opening,
    build_pdf,
    closing_block,
    esc,
    frame_size,
    styles,
)
from parDesk.reports.grid import Cell, Grid, GridBody

register({
    "ck.title": ("DANH MỤC TÀI LIỆU KIỂM CHỨNG", "LIST OF EVIDENCE DOCUMENTS"),
    "ck.subtitle": ("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của {unit}",
                    "Self-assessment of the Public Administration Reform Index {year}: {unit}"),
    "ck.attached": ("(Kèm theo Văn bản số {number} ngày {date} của {unit})",
                    "(Attached to document No. {number} of {date}, {unit})"),
    "ck.framework": ("Bộ chỉ số: {title}", "Framework: {title}"),
    "ck.summary": (("Tổng số {docs} tài liệu kiểm chứng ({unique} tệp khác nhau) cho {leaves} tiêu chí thành phần; "
                   "{missing} tiêu chí thành phần chưa có tài liệu kiểm chứng."),
                   ("{docs} evidence documents ({unique} distinct files) for {leaves} sub-criteria; "
                   "{missing} sub-criteria still lack evidence.")),
    "ck.draft": ("Bản nháp — kết quả chưa chốt", "Draft — scores not yet locked"),
    "ck.col.no": ("STT", "No."),
    "ck.col.number": ("Số, ký hiệu", "Number"),
    "ck.col.date": ("Ngày ban hành", "Date"),
    "ck.col.issuer": ("Cơ quan ban hành", "Issued by"),
    "ck.col.subject": ("Trích yếu nội dung", "Subject"),
    "ck.col.where": ("Vị trí (mục, trang)", "Section, page"),
    "ck.col.file": ("Tên tệp", "File name"),
    "ck.col.hash": ("Mã băm (SHA-256)", "Hash (SHA-256)"),
    "ck.col.tick": ("Đã kiểm tra", "Tick"),
    "ck.max": ("tối đa {max}\u00a0điểm", "max {max}\u00a0points"),
    "ck.self": ("tự chấm {score}\u00a0điểm", "self-score {score}"),
    "ck.penalty_self": ("số điểm bị trừ: {score}\u00a0điểm", "points deducted: {score}"),
    "ck.na_score": ("không áp dụng, không tính vào điểm tối đa của đơn vị", "N/A, not counted in the unit's maximum"),
    "ck.no_score": ("chưa chấm", "not scored"),
    "ck.missing": ("Chưa có tài liệu kiểm chứng.", "No evidence document yet."),
    "ck.explanation": ("Giải trình: {text}", "Explanation: {text}"),
    "ck.no_explanation": ("Chưa có giải trình.", "No explanation yet."),
    "ck.not_applicable": ("Không áp dụng đối với đơn vị.", "Not applicable to the unit."),
    "ck.province": ("Do tỉnh chấm (điều tra xã hội học) — không cần tài liệu của xã.",
                    "Scored by the province (survey) — no evidence from the commune."),
    "ck.not_claimed": ("Đơn vị không đề nghị mục này.", "The unit does not claim this item."),
    "ck.not_required": ("Không yêu cầu tài liệu kiểm chứng.", "No evidence required."),
    "ck.same_as": ("(trùng tài liệu STT {no})", "(same file as No. {no})"),
    "ck.bonus": ("ĐIỂM THƯỞNG", "BONUS POINTS"),
    "ck.penalty": ("ĐIỂM TRỪ", "PENALTY POINTS"),
})

# Column widths in mm: they add up to the landscape frame width (252 mm).
_COLS_MM = (11, 30, 21, 32, 61, 24, 36, 25, 12)


def _col_widths() -> list[float]:
    width, _ = frame_size(landscape=True)
    ws = [c * mm for c in _COLS_MM]
    ws[4] += width - sum(ws)  # absorb rounding into the subject column
    return ws


def render_checklist(snapshot: Mapping[str, Any], out_path: str | Path, *, lang: str = "vi",
                     number: str | None = None, date: Any = None, progress: Progress | None = None,
                     cancel: Any = None) -> ReportResult:
    """Render the evidence checklist of ``snapshot`` to ``out_path`` (PDF, A4 landscape).

    ``number``/``date`` are those of the letter the checklist is attached
    to: they print the note "(Kèm theo Văn bản số … ngày …)" and date the
    header (an attachment has no "Số:" of its own); without a date the date
    line is left blank to be filled by hand. ``progress(done, total)`` counts table
    rows laid out; ``cancel`` (callable or ``threading.Event``) stops the
    render with :class:`~parDesk.reports.Cancelled` and leaves ``out_path``
    untouched.
    """
    view = read_snapshot(snapshot)
    check = make_cancel_check(cancel)
    st = styles(cell_size=10.5)
    grid = Grid(_col_widths(), size=10.5, split_min=frame_size(landscape=True)[1] / 4)
    unit = view.unit
    unit_name = issuing_body(unit)
    year = view.year

    story: list[Any] = attachment_opening(st, view, "ck", number=number, date=date, lang=lang)

    keys = ("no", "number", "date", "issuer", "subject", "where", "file", "hash", "tick")
    grid.set_header([
        grid.row([Paragraph(esc(t(f"ck.col.{k}", lang)), st.cell_head) for k in keys], valign="M"),
        grid.row([Cell(f"({i})", align="C", font=FONT_BOLD_ITALIC) for i in range(1, len(keys) + 1)]),
    ])
    body = GridBody()
    seen: dict[str, int] = {}
    counters = {"docs": 0, "leaves": 0, "missing": 0}
    ncols = len(keys)
    shade = colors.Color(0.9, 0.9, 0.9)

    def node_heading(item: Item) -> None:
        mx = fmt_score(item.get("max"), lang=lang)
        text = f"{item.code}. {item.title}" + (f" ({t('ck.max', lang, max=mx)})" if mx else "")
        if item.kind == "area":
            body.heading(grid.row([Cell(text, span=ncols, font=FONT_BOLD)], background=shade))
        elif item.kind == "criterion":
            body.heading(grid.row([Cell(text, span=ncols, font=FONT_BOLD)]))
        else:
            body.heading(grid.row([Cell(text, span=ncols, font=FONT_BOLD_ITALIC)]))

    def leaf_rows(item: Item) -> None:
        check()
        score = item.raw.get("score")
        mx = fmt_score(item.get("max"), lang=lang)
        parts = [t("ck.max", lang, max=mx)]
        claimable = item.block != "main"
        if all_not_applicable(item):
            parts.append(t("ck.na_score", lang))
        elif item.get("self_scored", True):
            said = "ck.penalty_self" if item.block == "penalty" else "ck.self"
            parts.append(t(said, lang, score=fmt_score(score, lang=lang)) if score is not None
                         else t("ck.no_score", lang))
        body.heading(grid.row([Cell(Paragraph(
            f"<b>{esc(item.code)}.</b> {esc(item.title)} <i>({esc('; '.join(parts))})</i>", st.cell), span=ncols)]))
        docs = item.evidence
        if docs:
            counters["leaves"] += 1
        for doc in docs:
            counters["docs"] += 1
            no = counters["docs"]
            sha = str(doc.get("sha256") or "")
            name = str(doc.get("original_name") or doc.get("file") or "")
            first = seen.get(sha) if sha else None
            if sha and first is None:
                seen[sha] = no
            file_text = name if first is None else f"{name} {t('ck.same_as', lang, no=first)}"
            body.emit(grid.row([
                Cell(str(no), align="C"),
                Cell(doc.get("number") or ""),
                Cell(fmt_date(doc.get("date")), align="C"),
                Cell(doc.get("issuer") or ""),
                Cell(doc.get("subject") or ""),
                Cell(doc.get("page_ref") or ""),
                Cell(file_text),
                Cell(sha[:12], size=9.5),
                Cell("\u25a1", align="C"),
            ]))
        if docs:
            return
        status = item.get("status", "")
        expl = str(item.get("explanation", "") or "").strip()
        if item.get("not_applicable") or status == "not_applicable":
            note = f"<i>{esc(t('ck.not_applicable', lang))}</i>"
        elif status == "province" or not item.get("self_scored", True):
            note = f"<i>{esc(t('ck.province', lang))}</i>"
        elif claimable and score is None:
            note = f"<i>{esc(t('ck.not_claimed', lang))}</i>"
        elif not item.get("requires_evidence", True):
            note = f"<i>{esc(t('ck.not_required', lang))}</i>"
        else:
            counters["missing"] += 1
            note = f"<b><i>{esc(t('ck.missing', lang))}</i></b> " + (
                esc(t("ck.explanation", lang, text=expl)) if expl else f"<i>{esc(t('ck.no_explanation', lang))}</i>")
            body.emit(grid.row([Cell(""), Cell(Paragraph(note, st.cell), span=ncols - 2),
                                Cell("\u25a1", align="C")]))
            return
        if expl:
            note += " " + esc(t("ck.explanation", lang, text=expl))
        body.emit(grid.row([Cell(""), Cell(Paragraph(note, st.cell), span=ncols - 1)]))

    def block_heading(kind: str, _items: list[Item]) -> None:
        body.heading(grid.row([Cell(t(f"ck.{kind}", lang), span=ncols, font=FONT_BOLD)], background=shade))

    view.visit(node=node_heading, leaf=leaf_rows, block=block_heading)
    rows = body.finish()

    summary = t("ck.summary", lang, docs=fmt_int(counters["docs"], lang=lang), unique=fmt_int(len(seen), lang=lang),
                leaves=fmt_int(counters["leaves"], lang=lang), missing=fmt_int(counters["missing"], lang=lang))
    fw_title = str(view.framework.get("title") or "")
    if fw_title:
        story.append(Paragraph(esc(t("ck.framework", lang, title=fw_title)), st.body_left))
    story.append(Paragraph(esc(summary), st.body_left))
    story.append(Spacer(1, 3 * mm))
    story.extend(rows)
    story.append(closing_block(unit, None, landscape=True, lang=lang))
    return build_pdf(out_path, story, landscape=True, title=t("ck.title", lang), author=unit_name,
                     subject=t("ck.subtitle", lang, year=year or "", unit=unit_name), lang=lang,
                     progress=progress, cancel=cancel)
