"""Quality checks at intake: what would make the province send a document back.

Run on every attached file, never modifying it. Each finding is a
:class:`Finding` with a message key, its parameters and a severity:
``"reject"`` for what the province cannot accept (a file that does not open,
is password-protected or damaged; a document whose every page is blank),
``"warn"`` for what it may question (a scan under Decree 30's 200 dpi, a
blank page inside, an image instead of a PDF, a very large file).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from parDesk.i18n import register, t

Severity = Literal["reject", "warn"]
MIN_SCAN_DPI = 200  # Decree 30/2020, Appendix I: digitised copies at 200 dpi or more
LARGE_FILE_BYTES = 20 * 1024 * 1024
BLANK_INK = 0.002  # share of dark pixels under which a page counts as blank

register({
    "q.unopenable": ("Không mở được tệp PDF (tệp hỏng hoặc không phải PDF): {reason}. Hãy xuất hoặc quét lại tệp.",
                     "The PDF does not open (damaged or not a PDF): {reason}. Export or scan it again."),
    "q.encrypted": ("Tệp PDF có mật khẩu; tỉnh không mở được. Hãy lưu lại bản không đặt mật khẩu.",
                    "The PDF is password-protected; the province cannot open it. Save a copy without a password."),
    "q.damaged": ("Tệp PDF bị hỏng ở trang {page}. Hãy xuất hoặc quét lại tệp.",
                  "The PDF is damaged at page {page}. Export or scan it again."),
    "q.no_pages": ("Tệp PDF không có trang nào.", "The PDF has no pages."),
    "q.all_blank": ("Mọi trang của tài liệu đều trắng. Hãy kiểm tra lại bản quét.",
                    "Every page of the document is blank. Check the scan."),
    "q.blank_page": ("Trang {pages} trắng.", "Page {pages} is blank."),
    "q.low_dpi": ("Trang {page} được quét ở {dpi} dpi, thấp hơn 200 dpi theo Nghị định 30/2020/NĐ-CP. "
                  "Hãy quét lại ở 200 dpi trở lên.",
                  "Page {page} was scanned at {dpi} dpi, below the 200 dpi of Decree 30/2020. "
                  "Rescan at 200 dpi or more."),
    "q.image_file": ("Tệp là ảnh ({kind}), không phải PDF. Nên quét hoặc lưu thành PDF.",
                     "The file is an image ({kind}), not a PDF. Scan or save it as a PDF."),
    "q.large": ("Tệp lớn ({size} MB). Hãy quét lại ở 200 dpi, thang xám hoặc đen trắng, để tệp nhỏ hơn.",
                "The file is large ({size} MB). Rescan at 200 dpi in greyscale or black and white to make it smaller."),
})


@dataclass(frozen=True)
class Finding:
    key: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "severity": self.severity, "params": self.params}


@dataclass
class Quality:
    pages: int = 0
    has_text: bool = False  # born-digital (a text layer on page 1)
    findings: list[Finding] = field(default_factory=list)

    @property
    def rejects(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "reject"]

    def as_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "has_text": self.has_text, "findings": [f.as_dict() for f in self.findings]}


def _ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7] → "1–3, 7"."""
    out: list[str] = []
    start = prev = None
    for p in pages:
        if start is None:
            start = prev = p
        elif p == prev + 1:  # type: ignore[operator]
            prev = p
        else:
            out.append(f"{start}–{prev}" if start != prev else str(start))
            start = prev = p
    if start is not None:
        out.append(f"{start}–{prev}" if start != prev else str(start))
    return ", ".join(out)


def _size_finding(size: int) -> Finding | None:
    if size > LARGE_FILE_BYTES:
        return Finding("q.large", "warn", {"size": round(size / (1024 * 1024))})
    return None


def ink_share(image: Any) -> float:
    """Share of dark pixels in a greyscale image (0..1)."""
    gray = image.convert("L")
    hist = gray.histogram()
    total = sum(hist) or 1
    return sum(hist[:160]) / total


def check_pdf(pdf: Any, size: int, max_pages: int = 200) -> Quality:
    """Checks on an opened pypdfium2 document (open and encryption errors are the reader's)."""
    import pypdfium2.raw as pdfium_c

    q = Quality(pages=len(pdf))
    if q.pages == 0:
        q.findings.append(Finding("q.no_pages", "reject"))
        return q
    blank: list[int] = []
    for index in range(min(q.pages, max_pages)):
        try:
            page = pdf[index]
        except Exception:
            q.findings.append(Finding("q.damaged", "reject", {"page": index + 1}))
            return q
        try:
            textpage = page.get_textpage()
            chars = textpage.count_chars()
            if index == 0:
                q.has_text = chars > 20
            width_pt, height_pt = page.get_size()
            dpi = _scan_dpi(page, width_pt, height_pt, pdfium_c)
            if dpi is not None and chars <= 20 and dpi < MIN_SCAN_DPI * 0.99:  # pixel rounding
                q.findings.append(Finding("q.low_dpi", "warn", {"page": index + 1, "dpi": round(dpi)}))
            if chars <= 3:
                bitmap = page.render(scale=20 / 72, grayscale=True)
                if ink_share(bitmap.to_pil()) < BLANK_INK:
                    blank.append(index + 1)
        finally:
            page.close()
    if blank and len(blank) == q.pages:
        q.findings.append(Finding("q.all_blank", "reject"))
    elif blank:
        q.findings.append(Finding("q.blank_page", "warn", {"pages": _ranges(blank)}))
    large = _size_finding(size)
    if large:
        q.findings.append(large)
    return q


def _scan_dpi(page: Any, width_pt: float, height_pt: float, pdfium_c: Any) -> float | None:
    """The resolution of the largest image on the page, in dots per inch as placed."""
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        w_in, h_in = (right - left) / 72, (top - bottom) / 72
        if w_in <= 0 or h_in <= 0:
            continue
        try:
            px_w, px_h = obj.get_px_size()
        except Exception:
            continue
        area = w_in * h_in
        if area < 0.25 * (width_pt / 72) * (height_pt / 72):
            continue  # a logo or a seal, not the scan of the page
        dpi = min(px_w / w_in, px_h / h_in)
        if best is None or area > best[0]:
            best = (area, dpi)
    return best[1] if best else None


def check_image(data_or_path: bytes | Path, size: int) -> tuple[Quality, Any, float]:
    """An image file: the image-not-PDF warning, its dpi, blankness; returns the image and its dpi."""
    from PIL import Image

    src = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    image = Image.open(src)
    image.load()
    kind = (image.format or "image").upper()
    q = Quality(pages=1, findings=[Finding("q.image_file", "warn", {"kind": kind})])
    dpi_info = image.info.get("dpi")
    dpi = float(min(dpi_info)) if dpi_info and min(dpi_info) > 1 else 0.0
    if not dpi:
        # No resolution recorded: judge it as if it were an A4 page.
        dpi = min(image.size) / 8.27
    if dpi < MIN_SCAN_DPI * 0.99:
        q.findings.append(Finding("q.low_dpi", "warn", {"page": 1, "dpi": round(dpi)}))
    small = image.copy()
    small.thumbnail((400, 400))
    if ink_share(small) < BLANK_INK:
        q.findings.append(Finding("q.all_blank", "reject"))
    large = _size_finding(size)
    if large:
        q.findings.append(large)
    return q, image, dpi
