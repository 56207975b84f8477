"""Building blocks for printed forms in the layout of Decree 30/2020/NĐ-CP.

The province files what communes print; a form that does not look like an
administrative document (wrong header, missing rule under the motto, page
number on page 1, text cut at a cell edge) is sent back. This module holds the
layout once: fonts, page sizes and margins, the two-column national header,
title block, page numbers, long tables, the signature block and "Nơi nhận".
The individual forms (:mod:`.forms`) only assemble content.

Layout facts (Decree 30/2020, Appendix I): A4; margins top/bottom 20–25 mm,
left 30–35 mm, right 15–20 mm (we use 20/20/30/15, the most room the decree
allows); Times-New-Roman-metric Unicode serif; page numbers in Arabic figures,
13–14 pt, upright, centred in the top margin and not shown on page 1.

The font (:mod:`.fonts`) is Liberation Serif, metric-compatible with Times New
Roman, embedded (subset) in every PDF.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from parDesk.i18n import register, t
from parDesk.numfmt import place_date_line
from parDesk.reports._common import (
    ReportResult,
    atomic_write,
    make_cancel_check,
)
from parDesk.reports.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    register_fonts,
)
from parDesk.reports.grid import WithHeader

__all__ = [
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "MARGIN_BOTTOM",
    "MARGIN_LEFT",
    "MARGIN_RIGHT",
    "MARGIN_TOP",
    "HRule",
    "Styles",
    "build_pdf",
    "closing_block",
    "esc",
    "frame_size",
    "national_header",
    "page_size",
    "recipients_block",
    "register_fonts",
    "signature_block",
    "styles",
    "title_block",
]

MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PAGE_NUMBER_BASELINE = 12 * mm  # below the top edge: inside the 20 mm top margin
PAGE_NUMBER_SIZE = 13

register({
    "d30.country": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "d30.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "d30.number": ("Số:", "No.:"),
    "d30.recipients": ("Nơi nhận:", "Recipients:"),
    "d30.on_behalf": ("TM. {body}", "ON BEHALF OF {body}"),
    "d30.for_chair": ("KT. {title}", "FOR THE {title}"),
    "d30.people_committee": ("ỦY BAN NHÂN DÂN", "THE PEOPLE'S COMMITTEE"),
    "d30.chair": ("CHỦ TỊCH", "CHAIRPERSON"),
    "d30.vice_chair": ("PHÓ CHỦ TỊCH", "VICE CHAIRPERSON"),
})

def page_size(landscape: bool = False) -> tuple[float, float]:
    return _landscape(A4) if landscape else A4


def frame_size(landscape: bool = False) -> tuple[float, float]:
    """Width and height of the text area inside the Decree 30 margins."""
    w, h = page_size(landscape)
    return w - MARGIN_LEFT - MARGIN_RIGHT, h - MARGIN_TOP - MARGIN_BOTTOM


def esc(text: Any) -> str:
    """Text typed by a person, made safe for reportlab's paragraph markup.

    Line breaks the officer typed are kept (an explanation in points reads
    badly as one run-on line).
    """
    s = _xml_escape(unicodedata.normalize("NFC", "" if text is None else str(text)))
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


# ---------------------------------------------------------------------------
# Styles


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document; cell styles at a chosen size."""

    body: ParagraphStyle
    body_left: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bold_center: ParagraphStyle
    cell_bold_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    cell_size: float
    cell_leading: float


def styles(cell_size: float = 11, body_size: float = 14) -> Styles:
    """Styles for body text at ``body_size`` (13–14 per the decree) and table cells.

    Cell paragraphs split over-long words (file names, hashes) so nothing
    crosses a cell's edge; body text is justified as the decree asks.
    """
    register_fonts()
    lead = round(body_size * 1.25, 1)
    cl = round(cell_size * 1.18, 1)

    def ps(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": FONT, "fontSize": body_size, "leading": lead, "splitLongWords": 1,
                                "allowWidows": 0, "textColor": colors.black}
        base.update(kw)
        return ParagraphStyle(name, **base)

    def cs(name: str, **kw: Any) -> ParagraphStyle:
        return ps(name, fontSize=cell_size, leading=cl, **kw)

    return Styles(
        body=ps("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
        body_left=ps("body_left", alignment=TA_LEFT),
        center=ps("center", alignment=TA_CENTER),
        title=ps("title", fontName=FONT_BOLD, alignment=TA_CENTER, fontSize=14, leading=17.5),
        subtitle=ps("subtitle", fontName=FONT_BOLD, alignment=TA_CENTER, fontSize=13, leading=16),
        note=ps("note", fontName=FONT_ITALIC, alignment=TA_CENTER, fontSize=13, leading=16),
        cell=cs("cell"),
        cell_center=cs("cell_center", alignment=TA_CENTER),
        cell_right=cs("cell_right", alignment=TA_RIGHT),
        cell_bold=cs("cell_bold", fontName=FONT_BOLD),
        cell_bold_center=cs("cell_bold_center", fontName=FONT_BOLD, alignment=TA_CENTER),
        cell_bold_right=cs("cell_bold_right", fontName=FONT_BOLD, alignment=TA_RIGHT),
        cell_head=ps("cell_head", fontName=FONT_BOLD, alignment=TA_CENTER, fontSize=min(cell_size, 10),
                     leading=round(min(cell_size, 10) * 1.18, 1)),
        cell_small=ps("cell_small", fontSize=cell_size - 1, leading=round((cell_size - 1) * 1.18, 1)),
        cell_size=cell_size,
        cell_leading=cl,
    )


# ---------------------------------------------------------------------------
# Flowables


class HRule(Flowable):
    """A thin solid rule of a fixed width, centred in the available width.

    Decree 30 puts a rule as long as the motto under "Độc lập - Tự do - Hạnh
    phúc" and a short one (1/3–1/2 of the line) under the issuing body.
    """

    def __init__(self, width: float, thickness: float = 0.6, space: float = 4.5) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.space + self.thickness

    def draw(self) -> None:
        x0 = (self._avail - self.rule_width) / 2
        y = self.thickness / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(x0, y, x0 + self.rule_width, y)


def _split_body_name(name_upper: str) -> list[str]:
    """"ỦY BAN NHÂN DÂN XÃ TÂN LẬP" → ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"].

    The decree's samples break the issuing body after the kind of body; a
    plain wrap would break wherever the column ends.
    """
    for head in ("ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "):
        if name_upper.startswith(head) and len(name_upper) > len(head):
            return [head.strip(), name_upper[len(head):].strip()]
    return [name_upper]


def _upper(text: str) -> str:
    return (text or "").strip().upper()


def national_header(unit: Mapping[str, Any], *, landscape: bool = False, number: str | None = None,
                    number_suffix: str = "UBND", date: Any = None, year: int | None = None,
                    subject: str | None = None, lang: str = "vi", show_number: bool = True) -> Table:
    """The two-column header every administrative document starts with.

    Left: governing body (caps, if any), issuing body (caps, bold, short rule
    under it), "Số: …". Right: country name (caps, bold), motto (bold, rule as
    long as the text), italic place-and-date line on the same baseline as the
    number. ``subject`` adds the "V/v …" line of a letter (công văn) under
    the number. ``number=None`` leaves the number blank for the clerk
    (văn thư) who numbers and dates the document at issue; likewise
    ``date=None`` prints "ngày    tháng    năm <year>".
    """
    register_fonts()
    width, _ = frame_size(landscape)
    left_w = width * 0.40
    right_w = width - left_w
    gov_size, body_size, country_size, motto_size, line_size = 13, 13, 12, 13, 13

    def para(text: str, font: str, size: float, align: Literal[0, 1, 2, 4] = TA_CENTER) -> Paragraph:
        return Paragraph(text, ParagraphStyle("h", fontName=font, fontSize=size, leading=size * 1.2,
                                              alignment=align, splitLongWords=1))

    left: list[Flowable] = []
    gov = _upper(str(unit.get("governing_body") or ""))
    if gov:
        left.append(para(esc(gov), FONT, gov_size))
    body_name = _upper(str(unit.get("name") or unit.get("short_name") or ""))
    body_lines = _split_body_name(body_name)
    left.append(para("<br/>".join(esc(x) for x in body_lines), FONT_BOLD, body_size))
    longest = max((stringWidth(x, FONT_BOLD, body_size) for x in body_lines), default=40 * mm)
    left.append(HRule(min(longest, left_w) * 0.4))

    right: list[Flowable] = [para(esc(t("d30.country", lang)), FONT_BOLD, country_size)]
    motto = t("d30.motto", lang)
    right.append(para(esc(motto), FONT_BOLD, motto_size))
    right.append(HRule(min(stringWidth(motto, FONT_BOLD, motto_size), right_w)))

    num_text = (number or "").strip()
    if not num_text:
        num_text = "\u00a0" * 8 + "/" + number_suffix
    number_line: Any = para(f"{esc(t('d30.number', lang))} {esc(num_text)}", FONT, line_size) if show_number else ""
    place = str(unit.get("place") or "").strip()
    date_line = para(esc(place_date_line(place, date, lang=lang, year=year)), FONT_ITALIC, line_size)

    rows: list[list[Any]] = [[left, right], [number_line, date_line]]
    if subject:
        rows.append([para(esc(subject), FONT, 12), ""])
    tbl = Table(rows, colWidths=[left_w, right_w], hAlign="LEFT")
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 3),
    ]
    if subject:
        cmds.append(("TOPPADDING", (0, 2), (-1, 2), 4))
    tbl.setStyle(TableStyle(cmds))
    return tbl


def title_block(st: Styles, title: str, subtitle: Sequence[str] = (), note: Sequence[str] = (),
                space_before: float = 8 * mm) -> list[Flowable]:
    """Document type and subject centred in bold, then italic notes."""
    out: list[Flowable] = [Spacer(1, space_before), Paragraph(esc(title), st.title)]
    for s in subtitle:
        if s:
            out.append(Paragraph(esc(s), st.subtitle))
    for n in note:
        if n:
            out.append(Paragraph(esc(n), st.note))
    out.append(Spacer(1, 5 * mm))
    return out


def signature_block(unit: Mapping[str, Any], *, lang: str = "vi", collective: bool = True,
                    width: float | None = None, space: float = 26 * mm) -> list[Flowable]:
    """"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (room to sign and seal) / name".

    A People's Committee signs collectively ("TM."); a deputy signs for the
    chair ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), per Decree 30, Art. 13 and
    Appendix I. The title comes from the unit's ``leader_title``.
    """
    register_fonts()
    size = 13

    def para(text: str, font: str) -> Paragraph:
        return Paragraph(text, ParagraphStyle("s", fontName=font, fontSize=size, leading=size * 1.25,
                                              alignment=TA_CENTER, splitLongWords=1))

    title = str(unit.get("leader_title") or "").strip()
    name = str(unit.get("leader_name") or "").strip()
    lines: list[str] = []
    if collective:
        lines.append(t("d30.on_behalf", lang, body=t("d30.people_committee", lang)))
    upper = _upper(title) if title else t("d30.chair", lang)
    if upper.startswith(("PHÓ ", "VICE ")):
        lines.append(t("d30.for_chair", lang, title=t("d30.chair", lang)))
    lines.append(upper)
    out: list[Flowable] = [para("<br/>".join(esc(x) for x in lines), FONT_BOLD),
                           SignatureSpace(width or frame_size()[0] / 2, space)]
    if name:
        out.append(para(esc(name), FONT_BOLD))
    return out


def recipients_block(recipients: Iterable[str], *, lang: str = "vi") -> list[Flowable]:
    """"Nơi nhận:" (bold italic 12) and "- …;" lines (11), the last ending with a full stop."""
    register_fonts()
    items = [r.strip().rstrip(";.") for r in recipients if r and r.strip()]
    head = Paragraph(f"<b><i>{esc(t('d30.recipients', lang))}</i></b>",
                     ParagraphStyle("rh", fontName=FONT, fontSize=12, leading=14))
    style = ParagraphStyle("ri", fontName=FONT, fontSize=11, leading=13, splitLongWords=1)
    lines = [Paragraph(esc(f"- {r}{'.' if i == len(items) - 1 else ';'}"), style) for i, r in enumerate(items)]
    return [head, *lines]


def closing_block(unit: Mapping[str, Any], recipients: Iterable[str] | None, *, landscape: bool = False,
                  lang: str = "vi", collective: bool = True) -> Flowable:
    """"Nơi nhận" bottom left beside the signature block, kept on one page."""
    width, _ = frame_size(landscape)
    left_w = width * 0.45
    right_w = width - left_w
    if landscape:
        left_w, right_w = width * 0.5, width * 0.5
    left = recipients_block(recipients, lang=lang) if recipients else [Spacer(1, 1)]
    right = signature_block(unit, lang=lang, collective=collective, width=right_w)
    tbl = Table([[left, right]], colWidths=[left_w, right_w], hAlign="LEFT")
    tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 4 * mm), tbl])


# ---------------------------------------------------------------------------
# The document


class SignatureSpace(Spacer):
    """The room between the title and the name where the leader signs.

    Drawn as blank space, it records where it landed (page index, box in PDF
    points from the bottom-left) on the canvas, so the PAdES signature field
    (:mod:`parDesk.signing.pades`) can be put exactly there. This is the hook
    for signature placement: the layout stays reportlab's.
    """

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.box_width = width

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # reportlab's method name
        x0, y0 = canvas.absolutePosition(x, y)
        x1, y1 = canvas.absolutePosition(x + self.box_width, y + self.height)
        boxes = getattr(canvas, "_pardesk_signature_boxes", None)
        if boxes is None:
            boxes = canvas._pardesk_signature_boxes = []
        boxes.append((canvas.getPageNumber() - 1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        # reportlab's Flowable.drawOn takes _sW (the alignment shift); types-reportlab's stub omits it
        super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]


class _Doc(BaseDocTemplate):
    """A4 with the decree's margins, page numbers from page 2, progress and cancel."""

    def __init__(self, buf: io.BytesIO, *, landscape: bool, progress: Callable[[int, int], None] | None,
                 check_cancel: Callable[[], None], lang: str, **kw: Any) -> None:
        w, h = page_size(landscape)
        super().__init__(buf, pagesize=(w, h), leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
                         initialFontName=FONT, initialFontSize=12, **kw)
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, w - MARGIN_LEFT - MARGIN_RIGHT, h - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        self._progress = progress
        self._check_cancel = check_cancel
        self._story: list[Any] = []
        self._rows_total = 0
        self._rows_reported = -1
        self.pages = 0

    def _decorate(self, canv: Any, doc: Any) -> None:
        n = canv.getPageNumber()
        if n >= 2:
            canv.saveState()
            canv.setFont(FONT, PAGE_NUMBER_SIZE)
            canv.setFillColor(colors.black)
            w, h = self.pagesize
            canv.drawCentredString(MARGIN_LEFT + (w - MARGIN_LEFT - MARGIN_RIGHT) / 2, h - PAGE_NUMBER_BASELINE,
                                   str(n))
            canv.restoreState()

    def _pending_rows(self) -> int:
        return sum(1 for f in self._story if getattr(f, "is_grid_row", False) or getattr(f, "is_with_header", False))

    def handle_flowable(self, flowables: list[Any]) -> None:
        """Put the table header above a table row that starts a page (or the table)."""
        f = flowables[0] if flowables else None
        if f is not None and getattr(f, "is_grid_row", False) and not getattr(f, "is_header", False):
            header = f.grid.header
            frame = getattr(self, "frame", None)
            at_top = frame is None or bool(getattr(frame, "_atTop", 0))
            if header and (at_top or getattr(f, "first_in_table", False)):
                wrapped = WithHeader(header, f)
                if getattr(f, "_postponed", 0):
                    wrapped._postponed = True
                flowables[0] = wrapped
        super().handle_flowable(flowables)

    def afterPage(self) -> None:
        self.pages = self.canv.getPageNumber()
        self._check_cancel()
        if self._progress and self._rows_total:
            done = max(0, self._rows_total - self._pending_rows())
            if done > self._rows_reported:
                self._rows_reported = done
                self._progress(done, self._rows_total)

    def build(self, flowables: list[Any], **kw: Any) -> None:  # type: ignore[override]
        self._story = flowables  # the live list: split remainders are inserted into it
        self._rows_total = self._pending_rows()
        super().build(flowables, **kw)


def build_pdf(out_path: Any, story: list[Any], *, landscape: bool, title: str, author: str = "",
              subject: str = "", lang: str = "vi", progress: Callable[[int, int], None] | None = None,
              cancel: Any = None) -> ReportResult:
    """Lay out ``story`` and write the PDF durably; nothing is written if cancelled.

    ``invariant=1`` fixes the creation date and document id so the same
    snapshot renders to the same bytes (a package can be rebuilt and its
    hash compared).
    """
    register_fonts()
    check = make_cancel_check(cancel)
    check()
    buf = io.BytesIO()
    doc = _Doc(buf, landscape=landscape, progress=progress, check_cancel=check, lang=lang, title=title,
               author=author, subject=subject, creator="parDesk")
    doc.build(story)  # Cancelled propagates: nothing is written
    data = buf.getvalue()
    path = atomic_write(out_path, data)
    if progress and doc._rows_total and doc._rows_reported < doc._rows_total:
        progress(doc._rows_total, doc._rows_total)
    boxes = getattr(doc.canv, "_pardesk_signature_boxes", None) or []
    return ReportResult(path=path, pages=doc.pages or 1, size=len(data), signature_box=boxes[-1] if boxes else None)


def attachment_opening(st: Styles, view: Any, prefix: str, *, number: str | None, date: Any,
                       lang: str) -> list[Any]:
    """The header and title block of a form attached to the letter (checklist, scoring table).

    An attachment has no number of its own: under its title it says which
    letter it goes with ("Kèm theo Văn bản số … ngày …"), and marks a draft.
    ``prefix`` selects the form's messages: ``<prefix>.title``, ``.subtitle``,
    ``.attached`` and ``.draft``.
    """
    from parDesk.numfmt import fmt_date
    from parDesk.reports._common import issuing_body

    unit_name = issuing_body(view.unit)
    notes = []
    if number:
        notes.append(t(f"{prefix}.attached", lang, number=number, date=fmt_date(date) if date else "\u00a0" * 12,
                       unit=unit_name))
    if view.is_draft:
        notes.append(t(f"{prefix}.draft", lang))
    story: list[Any] = [national_header(view.unit, landscape=True, number=number, date=date, year=view.print_year,
                                        lang=lang, show_number=False)]
    story += title_block(st, t(f"{prefix}.title", lang),
                         [t(f"{prefix}.subtitle", lang, year=view.year or "", unit=unit_name)], notes,
                         space_before=6 * mm)
    return story
