"""The serif family every printed form uses, registered once per process.

It lives apart from :mod:`.decree30` (the page layout) and :mod:`.grid` (the
long tables) because both need the font names, and the layout needs the grid:
with the names here, neither imports the other in a circle.

The font is Liberation Serif (metric-compatible with Times New Roman, SIL OFL,
full Vietnamese coverage), shipped in ``resources/fonts`` and embedded (subset)
in every PDF, so a form prints the same on a machine without it.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from parDesk.i18n import ParDeskError
from parDesk.reports._common import resources_dir

__all__ = ["FONT", "FONT_BOLD", "FONT_BOLD_ITALIC", "FONT_ITALIC", "register_fonts"]

FONT = "PDSerif"
FONT_BOLD = "PDSerif-Bold"
FONT_ITALIC = "PDSerif-Italic"
FONT_BOLD_ITALIC = "PDSerif-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_font_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register the shipped serif family once per process (thread-safe).

    ``registerFontFamily`` maps ``<b>``/``<i>`` in paragraphs to the right
    files; reportlab embeds a subset of each TTF used, which is what
    ``pdffonts`` reports as "emb yes".
    """
    global _fonts_ready
    if _fonts_ready:
        return
    with _font_lock:
        if _fonts_ready:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FONT_FILES.items():
            path = folder / filename
            if not path.is_file():
                raise ParDeskError("rep.font_missing", where=str(path), name=filename, folder=str(folder))
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                      boldItalic=FONT_BOLD_ITALIC)
        _fonts_ready = True
