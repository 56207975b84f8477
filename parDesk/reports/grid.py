"""A long ruled table as a stream of row flowables — linear, never overflowing.

Why not reportlab's ``Table``/``LongTable``: a checklist of 2,000 documents
has a few hundred full-width heading rows (area, criterion, sub-criterion,
"no evidence"). ``Table`` recomputes its span map over *all remaining rows*
at every page split, so the cost grows with the square of the length (4+ s
for 2,000 documents against a 3 s budget). Here every row is its own
flowable: it measures only its own cells, splits itself when it is taller
than what is left of the page, and the document template puts the table
header above the first row on every page (:class:`WithHeader`). Headings are
bundled with the row that follows them (:class:`RowGroup`), so a page never
ends with an orphaned heading.

Cell text is either plain text — wrapped here with exact font metrics,
breaking over-long words (file names, hashes) by character so no line is ever
wider than its cell — or a reportlab ``Paragraph`` when it needs mixed bold /
italic; paragraphs use ``splitLongWords`` for the same guarantee.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from parDesk.reports.fonts import FONT, FONT_BOLD

__all__ = ["Cell", "Grid", "GridBody", "GridRow", "RowGroup", "WithHeader", "wrap_lines"]


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; words wider than ``width`` break by character.

    Widths are additive in reportlab (no kerning), so a line's width is the
    sum of its words and spaces — one ``stringWidth`` per word, not per try.
    """
    sw = getFont(font).stringWidth
    space = sw(" ", size)
    out: list[str] = []
    for para in text.replace("\r\n", "\n").split("\n"):
        if sw(para, size) <= width:
            out.append(para)
            continue
        line, line_w = "", 0.0
        for word in para.split(" "):
            ww = sw(word, size)
            if line and line_w + space + ww <= width:
                line, line_w = line + " " + word, line_w + space + ww
                continue
            if line:
                out.append(line)
            if ww <= width:
                line, line_w = word, ww
                continue
            # A word longer than the cell: cut it where it reaches the edge.
            chunk, chunk_w = "", 0.0
            for ch in word:
                cw = sw(ch, size)
                if chunk and chunk_w + cw > width:
                    out.append(chunk)
                    chunk, chunk_w = "", 0.0
                chunk, chunk_w = chunk + ch, chunk_w + cw
            line, line_w = chunk, chunk_w
        out.append(line)
    return out


@dataclass
class Cell:
    """One cell's content as given by a form: text or a Paragraph, and its span."""

    content: Any = ""
    span: int = 1
    align: str = "L"  # "L" | "C" | "R" for plain text
    font: str | None = None
    size: float | None = None


class Grid:
    """Column widths, padding, fonts and the header rows of one table."""

    def __init__(self, widths: Sequence[float], *, size: float = 10.5, leading: float | None = None,
                 padding: tuple[float, float, float, float] = (3, 2, 3, 3), line_width: float = 0.5,
                 split_min: float = 0.0) -> None:
        self.widths = list(widths)
        self.x = [0.0]
        for w in self.widths:
            self.x.append(self.x[-1] + w)
        self.width = self.x[-1]
        self.size = size
        self.leading = leading or round(size * 1.18, 2)
        self.pad_l, self.pad_t, self.pad_r, self.pad_b = padding
        self.line_width = line_width
        self.header: list[GridRow] = []
        self.split_min = split_min  # rows shorter than this move to the next page whole

    def row(self, cells: Sequence[Cell | Any], *, bold: bool = False, background: Any = None,
            font: str | None = None, valign: str = "T") -> GridRow:
        """Build a row from cells (a bare string or Paragraph is a one-column cell)."""
        placed: list[tuple[float, float, Any, str, str, float]] = []
        col = 0
        default_font = font or (FONT_BOLD if bold else FONT)
        for c in cells:
            if not isinstance(c, Cell):
                c = Cell(c)
            x0, x1 = self.x[col], self.x[min(col + c.span, len(self.widths))]
            placed.append((x0, x1 - x0, c.content, c.align, c.font or default_font, c.size or self.size))
            col += c.span
        if col != len(self.widths):
            raise ValueError(f"row covers {col} columns, the grid has {len(self.widths)}")
        return GridRow(self, placed, background=background, valign=valign)

    def set_header(self, rows: Sequence[GridRow]) -> None:
        for r in rows:
            r.is_header = True
        self.header = list(rows)


class _Placed:
    """A cell laid out at a width: its lines or its wrapped paragraph."""

    __slots__ = ("align", "flow", "font", "height", "lines", "size", "w", "x")

    def __init__(self, x: float, w: float, lines: list[str] | None, flow: Flowable | None, align: str,
                 font: str, size: float, height: float) -> None:
        self.x, self.w, self.lines, self.flow = x, w, lines, flow
        self.align, self.font, self.size, self.height = align, font, size, height


class GridRow(Flowable):
    """One table row; splits across pages line by line when it must."""

    is_grid_row = True

    def __init__(self, grid: Grid, cells: list[tuple[float, float, Any, str, str, float]], *,
                 background: Any = None, continued: bool = False, valign: str = "T") -> None:
        super().__init__()
        self.grid = grid
        self.valign = valign
        self.cells = cells
        self.background = background
        self.is_header = False
        self.first_in_table = False
        self.continued = continued
        self._placed: list[_Placed] | None = None

    # -- layout -----------------------------------------------------------
    def _layout(self) -> list[_Placed]:
        if self._placed is not None:
            return self._placed
        g = self.grid
        placed = []
        for x, w, content, align, font, size in self.cells:
            inner = w - g.pad_l - g.pad_r
            if isinstance(content, Flowable):
                _, h = content.wrap(inner, 1e9)
                placed.append(_Placed(x, w, None, content, align, font, size, h))
            else:
                text = unicodedata.normalize("NFC", "" if content is None else str(content))
                lines = wrap_lines(text, font, size, inner) if text else []
                leading = g.leading * size / g.size
                placed.append(_Placed(x, w, lines, None, align, font, size, len(lines) * leading))
        self._placed = placed
        return placed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        g = self.grid
        h = max((p.height for p in self._layout()), default=0.0)
        self.height = h + g.pad_t + g.pad_b
        self.width = g.width
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Two rows: what fits in ``availHeight`` and the rest; [] if not even one line fits."""
        g = self.grid
        room = availHeight - g.pad_t - g.pad_b
        if room <= g.leading:
            return []
        if not getattr(self, "_postponed", 0) and self.wrap(availWidth, availHeight)[1] < g.split_min:
            return []  # a short row is not worth splitting: it moves to the next page whole
        first: list[tuple] = []
        rest: list[tuple] = []
        moved = False
        for p, (x, w, _content, align, font, size) in zip(self._layout(), self.cells, strict=True):
            if p.flow is not None:
                if p.height <= room:
                    first.append((x, w, p.flow, align, font, size))
                    rest.append((x, w, "", align, font, size))
                    continue
                parts = p.flow.split(w - g.pad_l - g.pad_r, room)
                if len(parts) < 2:
                    return []
                first.append((x, w, parts[0], align, font, size))
                rest.append((x, w, parts[1] if len(parts) == 2 else _Stack(parts[1:]), align, font, size))
                moved = True
            else:
                leading = g.leading * size / g.size
                n = int(room // leading) if leading else 0
                lines = p.lines or []
                if len(lines) > n:
                    if n == 0:
                        return []
                    moved = True
                first.append((x, w, "\n".join(lines[:n]), align, font, size))
                rest.append((x, w, "\n".join(lines[n:]), align, font, size))
        if not moved:
            return []
        a = GridRow(g, first, background=self.background, valign=self.valign)
        b = GridRow(g, rest, background=self.background, continued=True, valign=self.valign)
        return [a, b]

    # -- drawing ----------------------------------------------------------
    def draw(self) -> None:
        g = self.grid
        canv = self.canv
        h = self.height
        if self.background is not None:
            canv.setFillColor(self.background)
            canv.rect(0, 0, g.width, h, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        for p in self._layout():
            top = h - g.pad_t
            if self.valign == "M":
                top -= (h - g.pad_t - g.pad_b - p.height) / 2
            if p.flow is not None:
                p.flow.drawOn(canv, p.x + g.pad_l, top - p.height)
                continue
            if not p.lines:
                continue
            leading = g.leading * p.size / g.size
            canv.setFont(p.font, p.size)
            y = top - p.size  # first baseline, as a Paragraph places it
            for line in p.lines:
                if p.align == "C":
                    canv.drawCentredString(p.x + p.w / 2, y, line)
                elif p.align == "R":
                    canv.drawRightString(p.x + p.w - g.pad_r, y, line)
                else:
                    canv.drawString(p.x + g.pad_l, y, line)
                y -= leading
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(g.line_width)
        canv.rect(0, 0, g.width, h, stroke=1, fill=0)
        path = canv.beginPath()
        for p in self._layout()[1:]:
            path.moveTo(p.x, 0)
            path.lineTo(p.x, h)
        canv.drawPath(path, stroke=1, fill=0)


class _Stack(Flowable):
    """Several flowables drawn one under the other (a paragraph split in 3+)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.sizes = [p.wrap(aw, ah) for p in self.parts]
        self.width = aw
        self.height = sum(s[1] for s in self.sizes)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        out: list[Flowable] = []
        used = 0.0
        for i, p in enumerate(self.parts):
            _, h = p.wrap(aw, ah)
            if used + h > ah:
                sub = p.split(aw, ah - used)
                if len(sub) >= 2:
                    return [_Stack(out + [sub[0]]), _Stack(sub[1:] + self.parts[i + 1:])]
                if not out:
                    return []
                return [_Stack(out), _Stack(self.parts[i:])]
            out.append(p)
            used += h
        return [self]

    def draw(self) -> None:
        y = self.height
        for p, (_, h) in zip(self.parts, self.sizes, strict=True):
            y -= h
            p.drawOn(self.canv, 0, y)


class RowGroup(Flowable):
    """Heading rows and the first row under them, kept on one page.

    If the group cannot fit even on an empty page it falls back to its rows
    one by one (the document marks a flowable it had to postpone once).
    """

    is_grid_row = True

    def __init__(self, rows: list[GridRow]) -> None:
        super().__init__()
        self.rows = rows
        self.grid = rows[0].grid
        self.is_header = False
        self.first_in_table = False

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.sizes = [r.wrap(aw, ah) for r in self.rows]
        self.width = self.grid.width
        self.height = sum(s[1] for s in self.sizes)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if getattr(self, "_postponed", 0) or getattr(self, "_force_split", False):
            rows: list[Flowable] = list(self.rows)
            rows[0].first_in_table = self.first_in_table  # type: ignore[attr-defined]
            return rows
        return []

    def draw(self) -> None:
        y = self.height
        for r, (_, h) in zip(self.rows, self.sizes, strict=True):
            y -= h
            r.drawOn(self.canv, 0, y)


class WithHeader(Flowable):
    """The table header drawn above a body row: how the header repeats on every page."""

    is_with_header = True

    def __init__(self, header: list[GridRow], body: Flowable) -> None:
        super().__init__()
        self.header = header
        self.body = body

    # reportlab marks a flowable it moved to the next page by *creating* ``_postponed`` (it tests hasattr),
    # so the attribute is declared for the type checker but never set here.
    _postponed: bool

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.hsizes = [r.wrap(aw, ah) for r in self.header]
        hh = sum(s[1] for s in self.hsizes)
        _, bh = self.body.wrap(aw, ah - hh)
        self.width = self.header[0].grid.width if self.header else aw
        self.height = hh + bh
        self._hh = hh
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        if isinstance(self.body, RowGroup) and getattr(self, "_postponed", False):
            self.body._force_split = True  # type: ignore[attr-defined]
        parts = self.body.split(aw, ah - self._hh)
        if not parts:
            return []
        return [WithHeader(self.header, parts[0]), *parts[1:]]

    def draw(self) -> None:
        y = self.height
        for r, (_, h) in zip(self.header, self.hsizes, strict=True):
            y -= h
            r.drawOn(self.canv, 0, y)
        self.body.drawOn(self.canv, 0, y - self.body.height)


class GridBody:
    """The rows of a long table, where a heading never ends a page alone.

    Headings (an area, a criterion, a block) wait in ``heads`` and go down
    together with the first row under them, as one :class:`RowGroup`; the
    checklist and the scoring table both lay their rows out this way.
    """

    def __init__(self) -> None:
        self.rows: list[GridRow | RowGroup] = []
        self.heads: list[GridRow] = []

    def heading(self, row: GridRow) -> None:
        self.heads.append(row)

    def emit(self, row: GridRow) -> None:
        if self.heads:
            self.rows.append(RowGroup([*self.heads, row]))
            self.heads.clear()
        else:
            self.rows.append(row)

    def finish(self) -> list[GridRow | RowGroup]:
        """The rows, with headings that had nothing under them (an empty criterion) at the end."""
        self.rows.extend(self.heads)
        self.heads.clear()
        if self.rows:
            self.rows[0].first_in_table = True
        return self.rows
