"""OCR of scans with Tesseract and its Vietnamese data, when the machine has them.

Tesseract is an outside program (Debian ``tesseract-ocr`` and
``tesseract-ocr-vie``; on Windows the UB Mannheim installer). When it is
missing, scans get no proposal and one sentence says how to add it;
born-digital PDFs never need it.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

from parDesk.intake.layout import Line, lines_from_tesseract

OCR_DPI = 300
HEADER_FRACTION = 0.5  # the top half of page 1 holds the header, the type and the subject


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    reason: str = ""  # a message key when not available


@functools.lru_cache(maxsize=1)
def status() -> OcrStatus:
    """Whether Tesseract and its Vietnamese data can be used here (asked once per process)."""
    try:
        import pytesseract
    except ImportError:
        return OcrStatus(False, "intake.ocr_missing")
    try:
        pytesseract.get_tesseract_version()
        langs = pytesseract.get_languages(config="")
    except Exception:
        return OcrStatus(False, "intake.ocr_missing")
    if "vie" not in langs:
        return OcrStatus(False, "intake.ocr_no_vie")
    return OcrStatus(True)


def _uncompressed(image: Any) -> Any:
    """The image as pytesseract should hand it to Tesseract: uncompressed BMP, not PNG.

    pytesseract writes the image to a temporary file in the image's own
    format, PNG when it has none; zlib-compressing a 300 dpi half page took
    about 0.8 s of CPU per page, as much as Tesseract's own reading of it.
    A BMP is written in a few milliseconds and Tesseract reads it the same.
    """
    image = image.convert("L") if image.mode not in ("L", "1") else image.copy()
    image.format = "BMP"
    return image


def _tesseract_data(image: Any, psm: int = 3) -> dict[str, list[Any]]:
    import pytesseract

    # One thread per call: two cores are shared with the window and the other reads.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return pytesseract.image_to_data(_uncompressed(image), lang="vie", config=f"--psm {psm}",
                                     output_type=pytesseract.Output.DICT)


# Letters Tesseract's Vietnamese model emits that Vietnamese never uses, as the letter they stand for
# ("QĐÐ-UBND": the Icelandic eth for đ, which also stopped the code there).
_FOREIGN = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def _vietnamese(text: str) -> str:
    return text.translate(_FOREIGN)


def render_header(page: Any) -> tuple[Any, int]:
    """The top part of a PDF page rendered at ``OCR_DPI`` in grey, and the whole page's height in pixels.

    Only the header part is rendered (pdfium's crop), half the pixels of a
    whole page; :func:`ocr_header_lines` reads it as it is.
    """
    _width, height = page.get_size()
    scale = OCR_DPI / 72
    image = page.render(scale=scale, grayscale=True, crop=(0, height * (1 - HEADER_FRACTION), 0, 0)).to_pil()
    return image, round(height * scale)


def ocr_header_lines(image: Any, dpi: float, *, page_height: int | None = None) -> list[Line]:
    """Lines of the top part of a page image, positioned as fractions of the whole page.

    ``page_height`` (pixels) says the image is already that top part
    (:func:`render_header`); otherwise it is the whole page and is cut here.
    """
    width, height = image.size
    if page_height is not None:
        return _header_lines(image, width, page_height)
    if dpi and dpi < OCR_DPI * 0.9:
        scale = OCR_DPI / dpi
        from PIL import Image

        image = image.resize((int(width * scale), int(height * scale)), Image.Resampling.LANCZOS)
        width, height = image.size
    return _header_lines(image.crop((0, 0, width, int(height * HEADER_FRACTION))), width, height)


def _header_lines(top: Any, width: int, page_height: int) -> list[Line]:
    data = _tesseract_data(top)
    data["text"] = [_vietnamese(str(w)) for w in data["text"]]
    return lines_from_tesseract(data, width, top.size[1], page_height=page_height)


def ocr_page_text(image: Any) -> str:
    """The whole page's text, for the search index (not for proposals)."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return _vietnamese(str(pytesseract.image_to_string(_uncompressed(image), lang="vie", config="--psm 3")))
