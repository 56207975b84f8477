"""Positioned lines of text from page 1, the same shape for a text layer and for OCR.

A :class:`Line` is one run of text with its box in page fractions (0..1,
origin top left), so the field rules in :mod:`.fields` can say "the left
header column" or "centred under the header" without caring whether the
text came from pdfium or from Tesseract.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float  # top
    x1: float
    y1: float  # bottom
    bold: bool | None = None  # known for a text layer, not for OCR

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def clean(text: str) -> str:
    """NFC, one space between words, no control characters."""
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " "))
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def sort_lines(lines: Iterable[Line]) -> list[Line]:
    """Reading order: top to bottom, then left to right for runs on one baseline."""
    out = sorted(lines, key=lambda ln: (round(ln.y0 * 200), ln.x0))
    return out


def lines_from_textpage(textpage: Any, width: float, height: float) -> list[Line]:
    """Page 1's characters grouped into runs: one baseline, no wide gap, as :class:`Line` objects.

    Built from character boxes rather than pdfium's text rectangles, which
    join the two header columns when an export sets them close together.
    """
    import pypdfium2.raw as pdfium_c

    n = textpage.count_chars()
    if n <= 0:
        return []
    chars = textpage.get_text_range(0, n)
    raw = textpage.raw
    runs: list[list[tuple[str, float, float, float, float, bool]]] = []
    run: list[tuple[str, float, float, float, float, bool]] = []

    def close() -> None:
        nonlocal run
        if run:
            runs.append(run)
        run = []

    for i in range(min(n, len(chars))):
        ch = chars[i]
        if ch in "\r\n":
            close()
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if ch.isspace() or right <= left:
            if run:
                run.append((" ", run[-1][3], bottom, run[-1][3], top, run[-1][5]))
            continue
        bold = pdfium_c.FPDFText_GetFontWeight(raw, i) >= 600
        if run:
            prev = next((c for c in reversed(run) if c[0] != " "), run[-1])
            h = max(top - bottom, prev[4] - prev[2], 1.0)
            new_line = abs(bottom - prev[2]) > 0.6 * h and abs(top - prev[4]) > 0.6 * h
            if new_line or left - prev[3] > 1.1 * h or left < prev[1] - h:
                close()
        run.append((ch, left, bottom, right, top, bold))
    close()
    out: list[Line] = []
    for r in runs:
        text = clean("".join(c[0] for c in r))
        if not text:
            continue
        glyphs = [c for c in r if c[0] != " "]
        x0 = min(c[1] for c in glyphs)
        x1 = max(c[3] for c in glyphs)
        y_bottom = min(c[2] for c in glyphs)
        y_top = max(c[4] for c in glyphs)
        bold = sum(c[5] for c in glyphs) * 2 > len(glyphs)
        out.append(Line(text, x0 / width, 1 - y_top / height, x1 / width, 1 - y_bottom / height, bold=bold))
    return merge_runs(sort_lines(out))


def merge_runs(lines: list[Line], gap: float = 0.012) -> list[Line]:
    """Join runs on the same baseline that touch (a bold word inside a regular line)."""
    out: list[Line] = []
    for ln in lines:
        if out:
            prev = out[-1]
            same_row = abs(prev.y0 - ln.y0) < 0.004 and abs(prev.y1 - ln.y1) < 0.006
            if same_row and 0 <= ln.x0 - prev.x1 < gap:
                bold = prev.bold if prev.bold == ln.bold else None
                out[-1] = Line(prev.text + " " + ln.text, prev.x0, min(prev.y0, ln.y0), ln.x1, max(prev.y1, ln.y1),
                               bold=bold)
                continue
        out.append(ln)
    return out


def lines_from_tesseract(data: dict[str, list[Any]], width: int, height: int, y_offset: int = 0,
                         page_height: int | None = None) -> list[Line]:
    """Tesseract's ``image_to_data`` words grouped into its own lines, as :class:`Line` objects.

    Tesseract numbers blocks, paragraphs and lines; a line that spans both
    header columns is split where the gap between words is wide, so the left
    and right header blocks stay apart as they do in a text layer.
    """
    ph = page_height or height
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if not str(word).strip():
            continue
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1
        if conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        groups.setdefault(key, []).append(i)
    out: list[Line] = []
    for idx in groups.values():
        idx.sort(key=lambda i: int(data["left"][i]))
        run: list[int] = []
        for i in idx:
            if run:
                prev = run[-1]
                gap = int(data["left"][i]) - (int(data["left"][prev]) + int(data["width"][prev]))
                if gap > 0.05 * width:
                    out.append(_tess_line(data, run, width, ph, y_offset))
                    run = []
            run.append(i)
        if run:
            out.append(_tess_line(data, run, width, ph, y_offset))
    return sort_lines(out)


def _tess_line(data: dict[str, list[Any]], run: list[int], width: int, page_height: int, y_offset: int) -> Line:
    x0 = min(int(data["left"][i]) for i in run)
    x1 = max(int(data["left"][i]) + int(data["width"][i]) for i in run)
    y0 = min(int(data["top"][i]) for i in run) + y_offset
    y1 = max(int(data["top"][i]) + int(data["height"][i]) for i in run) + y_offset
    text = clean(" ".join(str(data["text"][i]) for i in run))
    return Line(text, x0 / width, y0 / page_height, x1 / width, y1 / page_height)
