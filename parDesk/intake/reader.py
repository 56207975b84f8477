"""Read one file: its quality, the proposal from page 1, and its text for the search index.

This is the one entry point the window's background job, ``pardesk evidence
read`` and ``attach --accept-proposed`` all call. It reads; it never
changes the file or a workspace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parDesk.evidence import Cancelled  # the evidence store's: one cancel for attach and read
from parDesk.i18n import register, t
from parDesk.intake import ocr
from parDesk.intake.fields import Proposal, fold, propose
from parDesk.intake.layout import lines_from_textpage
from parDesk.intake.quality import Finding, Quality, check_image, check_pdf

register({
    "intake.ocr_missing": ("Máy này chưa cài Tesseract nên parDesk không đọc được bản quét. Cài Tesseract kèm dữ "
                           "liệu tiếng Việt (vie) để nhận đề xuất cho bản quét.",
                           "Tesseract is not installed here, so parDesk cannot read scans. Install Tesseract with its "
                           "Vietnamese data (vie) to get proposals for scans."),
    "intake.ocr_no_vie": ("Tesseract chưa có dữ liệu tiếng Việt (vie). Cài gói dữ liệu tiếng Việt để đọc bản quét.",
                          "Tesseract has no Vietnamese data (vie). Install it to read scans."),
    "intake.not_readable": ("Không đọc được nội dung tệp này.", "The content of this file cannot be read."),
    "intake.proposal_note": ("Đề xuất từ nội dung tài liệu — hãy kiểm tra",
                             "Proposed from the document — please check"),
    "intake.date_blank": ("Ngày trên văn bản để trống (ghi tay); hãy nhập ngày.",
                          "The date on the document is blank (handwritten); enter it."),
    "intake.issuer_from_signature": ("Cơ quan ban hành lấy từ chứng thư chữ ký số của tệp.",
                                     "The issuing body comes from the file's signing certificate."),
    "intake.issuer_signer_differs": ("Cơ quan ban hành in trên văn bản khác với tổ chức trong chứng thư chữ ký số "
                                     "của tệp; hãy kiểm tra.",
                                     "The issuing body printed on the document differs from the organisation in "
                                     "the file's signing certificate; please check."),
})

IMAGE_TYPES = {"png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp"}
MAX_INDEX_PAGES = 50  # pages of text kept for search; a 500-page annex is found by its first 50


@dataclass
class Reading:
    proposal: Proposal
    quality: Quality
    page_texts: list[str] = field(default_factory=list)  # for the search index, page 1 first
    ocr_note: str = ""  # a message key when a scan could not be read
    seconds: float = 0.0

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "proposal": self.proposal.as_dict(),
            "metadata": self.proposal.metadata(),
            "quality": self.quality.as_dict(),
            "findings": [f.text(lang) for f in self.quality.findings],
            "ocr_note": t(self.ocr_note, lang) if self.ocr_note else "",
            "notes": [t("intake." + n, lang) for n in self.proposal.notes],
            "seconds": round(self.seconds, 3),
        }


Cancel = Callable[[], bool]


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def _kind(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF") or b"%PDF" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head[:4] in (b"II*\x00", b"MM\x00*") \
            or head.startswith(b"GIF8") or head.startswith(b"BM"):
        return "image"
    ext = path.suffix.lower().lstrip(".")
    return "pdf" if ext == "pdf" else ("image" if ext in IMAGE_TYPES else "other")


def read_document(path: str | Path, *, use_ocr: bool = True, index_text: bool = True,
                  cancel: Cancel | None = None, progress: Callable[[int, int], None] | None = None) -> Reading:
    """Quality, proposal and text of one file (see the module docstring)."""
    start = time.perf_counter()
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(2048)
    kind = _kind(path, head)
    if kind == "pdf":
        reading = _read_pdf(path, size, use_ocr, index_text, cancel, progress)
    elif kind == "image":
        reading = _read_image(path, size, use_ocr, cancel)
    else:
        reading = Reading(Proposal(), Quality(), ocr_note="intake.not_readable")
    reading.seconds = time.perf_counter() - start
    return reading


def _read_pdf(path: Path, size: int, use_ocr: bool, index_text: bool, cancel: Cancel | None,
              progress: Callable[[int, int], None] | None) -> Reading:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            return Reading(Proposal(), Quality(findings=[Finding("q.encrypted", "reject")]))
        return Reading(Proposal(), Quality(findings=[Finding("q.unopenable", "reject", {"reason": _reason(exc)})]))
    try:
        quality = check_pdf(pdf, size)
        if quality.rejects or not len(pdf):
            return Reading(Proposal(), quality)
        _check(cancel)
        page = pdf[0]
        width, height = page.get_size()
        textpage = page.get_textpage()
        lines = lines_from_textpage(textpage, width, height)
        texts: list[str] = []
        note = ""
        if quality.has_text:
            proposal = propose(lines, "text")
            if index_text:
                for i in range(min(len(pdf), MAX_INDEX_PAGES)):
                    _check(cancel)
                    pg = pdf[i]
                    texts.append(pg.get_textpage().get_text_range())
                    pg.close()
                    if progress:
                        progress(i + 1, min(len(pdf), MAX_INDEX_PAGES))
        elif use_ocr and ocr.status().available:
            image, page_height = ocr.render_header(page)
            _check(cancel)
            proposal = _repaired(propose(ocr.ocr_header_lines(image, ocr.OCR_DPI, page_height=page_height), "ocr"))
            if index_text:
                texts = _ocr_pages(pdf, cancel, progress)
        else:
            proposal = Proposal()
            note = ocr.status().reason if use_ocr else ""
        signer = _signer_organisation(path, pdf)
        if signer:
            proposal.signer = signer
            if not proposal.issuer:
                proposal.issuer = signer
                proposal.notes.append("issuer_from_signature")
            elif not _same_body(proposal.issuer, signer):
                proposal.notes.append("issuer_signer_differs")
        page.close()
        return Reading(proposal, quality, texts, note)
    finally:
        pdf.close()


def _ocr_pages(pdf: Any, cancel: Cancel | None, progress: Callable[[int, int], None] | None) -> list[str]:
    """Every page's text by OCR at 200 dpi for the index (page 1's header was read at 300)."""
    texts: list[str] = []
    n = min(len(pdf), MAX_INDEX_PAGES)
    for i in range(n):
        _check(cancel)
        page = pdf[i]
        image = page.render(scale=200 / 72, grayscale=True).to_pil()
        texts.append(ocr.ocr_page_text(image))
        page.close()
        if progress:
            progress(i + 1, n)
    return texts


def _read_image(path: Path, size: int, use_ocr: bool, cancel: Cancel | None) -> Reading:
    try:
        quality, image, dpi = check_image(path, size)
    except Exception as exc:
        return Reading(Proposal(), Quality(findings=[Finding("q.unopenable", "reject", {"reason": _reason(exc)})]))
    if quality.rejects:
        return Reading(Proposal(), quality)
    if not (use_ocr and ocr.status().available):
        return Reading(Proposal(), quality, ocr_note=ocr.status().reason if use_ocr else "")
    _check(cancel)
    proposal = _repaired(propose(ocr.ocr_header_lines(image, dpi), "ocr"))
    _check(cancel)
    return Reading(proposal, quality, [ocr.ocr_page_text(image)])


def _repaired(p: Proposal) -> Proposal:
    """OCR's look-alike letters and stroke-wide tone marks, repaired where the lexicon is sure."""
    from parDesk.intake.ocrfix import fix_number, fix_words

    p.number = fix_number(p.number)
    p.subject = fix_words(p.subject)
    return p


def _same_body(printed: str, certified: str) -> bool:
    """The printed issuer and the certificate's organisation name one body (one may be the other's tail)."""
    a, b = " ".join(fold(printed).split()), " ".join(fold(certified).split())
    return a in b or b in a


def _signer_organisation(path: Path, pdf: Any) -> str:
    """The organisation (or common name) in a signed PDF's first signing certificate."""
    import pypdfium2.raw as pdfium_c

    try:
        if pdfium_c.FPDF_GetSignatureCount(pdf.raw) <= 0:
            return ""
        from pyhanko.pdf_utils.reader import PdfFileReader

        with open(path, "rb") as fh:
            sigs = PdfFileReader(fh, strict=False).embedded_signatures
            if not sigs:
                return ""
            subject = sigs[0].signer_cert.subject.native
        return str(subject.get("organization_name") or subject.get("common_name") or "")
    except Exception:
        return ""


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
