"""Văn bản đề nghị thẩm định — the commune's letter asking for appraisal, A4 portrait.

A công văn in the Decree 30 form: national header with "Số: …/UBND" and the
"V/v …" subject under it, the place-and-date line, "Kính gửi: Sở Nội vụ tỉnh
…", a body that states the legal basis (the province's decision that issued
the framework), the result (total, the unit's maximum, percentage, rating,
how many sub-criteria were scored, how many evidence documents) and the
request, then "Nơi nhận" and the collective signature block.

The number and the date are usually written by the clerk (văn thư) when the
letter is issued, so both default to blanks of the right shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from parDesk.i18n import register, t
from parDesk.numfmt import fmt_date, fmt_int, fmt_score
from parDesk.reports._common import (
    ReportResult,
    decision_title,
    issuing_body,
    percent_text,
    province_phrase,
    read_snapshot,
)
from parDesk.reports.decree30 import (
    build_pdf,
    closing_block,
    esc,
    national_header,
    styles,
)

register({
    "lt.subject": ("V/v đề nghị thẩm định kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm {year}",
                   "Re: request to appraise the self-assessment of the PAR Index {year}"),
    "lt.to": ("Kính gửi: {recipient}.", "To: {recipient}."),
    "lt.recipient": ("Sở Nội vụ {province}", "the Department of Home Affairs of {province}"),
    "lt.basis": (("Thực hiện Quyết định số {number} ngày {date} của {issuer} ban hành {title}, "
                 "{unit} đã tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} "
                 "của đơn vị. Kết quả như sau:"),
                 ("Pursuant to Decision No. {number} of {date} of {issuer} issuing the {title}, "
                 "{unit} has carried out its self-assessment of the Public Administration Reform Index "
                 "for {year}. The result is as follows:")),
    "lt.basis_plain": (("Thực hiện {title}, {unit} đã tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính "
                       "năm {year} của đơn vị. Kết quả như sau:"),
                       ("Under the {title}, {unit} has carried out its self-assessment of the Public "
                       "Administration Reform Index for {year}. The result is as follows:")),
    "lt.total": (("Tổng điểm tự đánh giá: {total}/{max_applicable}\u00a0điểm, đạt {percent} so với điểm tối đa "
                 "của đơn vị; trong đó điểm các lĩnh vực {base}\u00a0điểm, điểm thưởng {bonus}\u00a0điểm, "
                 "điểm trừ {penalty}\u00a0điểm."),
                 ("Total self-assessment score: {total} of {max_applicable} points, {percent} of the unit's "
                 "maximum; of which the areas {base}, bonus {bonus}, penalty {penalty} points.")),
    "lt.max": (("Điểm tối đa của đơn vị: {max_applicable}/{max}\u00a0điểm (không tính các tiêu chí không áp dụng "
               "và các tiêu chí do tỉnh chấm qua điều tra xã hội học chưa có kết quả)."),
               ("The unit's maximum: {max_applicable} of {max} points (without the items not applicable and "
               "the survey items not yet scored by the province).")),
    "lt.rating": ("Tự xếp loại: {rating}.", "Self-rating: {rating}."),
    "lt.scored": (("Số tiêu chí thành phần đã tự chấm điểm: {completed}/{to_score}; số tài liệu kiểm chứng "
                  "kèm theo: {docs}."),
                  "Sub-criteria self-scored: {completed} of {to_score}; evidence documents attached: {docs}."),
    "lt.attachments": (("(Chi tiết tại Bảng tổng hợp kết quả tự đánh giá, chấm điểm và Danh mục tài liệu "
                       "kiểm chứng kèm theo.)"),
                       "(Details in the attached summary table of scores and list of evidence documents.)"),
    "lt.request": (("{unit} kính đề nghị {recipient} xem xét, thẩm định kết quả tự đánh giá, chấm điểm "
                   "Chỉ số cải cách hành chính năm {year} của đơn vị./."),
                   ("{unit} respectfully requests {recipient} to review and appraise the unit's "
                   "self-assessment of the Public Administration Reform Index {year}./.")),
    "lt.as_above": ("Như trên", "As above"),
    "lt.leaders": ("Chủ tịch, các Phó Chủ tịch UBND {short}", "Chair and Vice Chairs, People's Committee of {short}"),
    "lt.archive": ("Lưu: VT, VP", "Archive: clerical office"),
})


def render_letter(snapshot: Mapping[str, Any], out_path: str | Path, *, number: str | None = None,
                  date: Any = None, recipient: str | None = None, recipients: Iterable[str] | None = None,
                  lang: str = "vi") -> ReportResult:
    """Render the letter requesting appraisal (công văn, A4 portrait, 1–2 pages).

    ``number`` is the full số/ký hiệu ("15/UBND-VP"); None leaves
    "Số:        /UBND" for the clerk. ``date`` (``datetime.date`` or ISO
    text) dates the letter; None leaves "ngày    tháng    năm <year>".
    ``recipient`` overrides "Sở Nội vụ tỉnh <province>"; ``recipients``
    replaces the default "Nơi nhận" lines (Như trên; leaders; Lưu: VT, VP).
    """
    view = read_snapshot(snapshot)
    st = styles(body_size=14)
    unit = view.unit
    unit_name = issuing_body(unit)
    year = view.year or ""
    totals = view.totals
    fw = view.framework
    province = str(unit.get("province") or "").strip()
    province = province_phrase(province) if lang == "vi" else province
    recipient = recipient or t("lt.recipient", lang, province=province).strip()
    short = str(unit.get("short_name") or unit_name)

    story: list[Any] = [national_header(unit, landscape=False, number=number, date=date, year=view.print_year,
                                        subject=t("lt.subject", lang, year=year), lang=lang)]
    story.append(Spacer(1, 7 * mm))
    story.append(Paragraph(esc(t("lt.to", lang, recipient=recipient)), st.center))
    story.append(Spacer(1, 5 * mm))

    dec = fw.get("decision") or {}
    fw_title = str(fw.get("title") or "")
    title_lc = decision_title(fw_title)  # "ban hành Bộ Chỉ số …": the name the decision issued, no "MẪU –"
    if dec.get("number"):
        basis = t("lt.basis", lang, number=dec.get("number"), date=fmt_date(dec.get("date")),
                  issuer=dec.get("issuer") or "", title=title_lc, unit=unit_name, year=year)
    else:
        basis = t("lt.basis_plain", lang, title=title_lc, unit=unit_name, year=year)
    story.append(Paragraph(esc(basis), st.body))

    def num(key: str) -> str:
        return fmt_score(totals.get(key), lang=lang, blank="0")

    bullets = [
        t("lt.total", lang, total=num("total"), max_applicable=num("max_applicable"),
          percent=percent_text(totals.get("percent"), lang=lang, blank=percent_text(0, lang=lang)),
          base=num("base"),
          bonus=num("bonus"), penalty=num("penalty")),
        t("lt.max", lang, max_applicable=num("max_applicable"), max=num("max")),
    ]
    rating = totals.get("rating_en" if lang == "en" else "rating") or totals.get("rating")
    if rating:
        bullets.append(t("lt.rating", lang, rating=rating))
    if totals.get("to_score") is not None:
        bullets.append(t("lt.scored", lang, completed=fmt_int(totals.get("completed", 0), lang=lang),
                         to_score=fmt_int(totals.get("to_score"), lang=lang),
                         docs=fmt_int(view.evidence_count(), lang=lang)))
    for b in bullets:
        story.append(Paragraph(esc(f"- {b}"), st.body))
    story.append(Paragraph(esc(t("lt.attachments", lang)), st.body))
    story.append(Paragraph(esc(t("lt.request", lang, unit=unit_name, recipient=recipient, year=year)), st.body))

    if recipients is None:
        recipients = [t("lt.as_above", lang), t("lt.leaders", lang, short=short), t("lt.archive", lang)]
    story.append(closing_block(unit, list(recipients), landscape=False, lang=lang))
    return build_pdf(out_path, story, landscape=False, title=t("lt.subject", lang, year=year), author=unit_name,
                     subject=t("lt.subject", lang, year=year), lang=lang)
