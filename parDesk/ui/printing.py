"""Printing the core's PDF forms on a printer chosen in Qt's print dialog.

The core renders the forms (``parDesk.reports``) to PDF files; this module
only puts their pages on a :class:`QPrinter` with QtPdf: each page is
rasterised by PDFium at the printer's resolution (capped, a page at 1200 dpi
would be half a gigabyte) and drawn fitted to the printable area. It runs on
the slow pool: Qt allows painting on a ``QPrinter`` outside the GUI thread.
When QtPdf is missing (a trimmed PySide6), :func:`available` says so and the
window keeps the "save the PDF and open it" path.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from parDesk.ui.workers import TaskHandle
from parDesk.workspace import Workspace

MAX_DPI = 300


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether QtPdf is installed (PySide6-Addons), looked up without importing it: start-up stays fast."""
    import importlib.util

    try:
        return importlib.util.find_spec("PySide6.QtPdf") is not None
    except (ImportError, ValueError):
        return False


class PrintError(Exception):
    """A PDF the core wrote could not be read back, or the printer refused to start."""


def print_pdfs(paths: Sequence[Path], printer: QPrinter, handle: TaskHandle, dpi: int | None = None) -> int:
    """Print every page of ``paths`` in order on ``printer``; returns the number of pages printed.

    The page range chosen in the dialog (``fromPage``/``toPage``) counts across the files.
    """
    from PySide6.QtPdf import QPdfDocument

    docs = []
    for path in paths:
        doc = QPdfDocument()
        if doc.load(str(path)) != QPdfDocument.Error.None_:
            raise PrintError(str(path))
        docs.append(doc)
    pages = [(doc, i) for doc in docs for i in range(doc.pageCount())]
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 and last >= first:
        pages = pages[first - 1:last]
    copies = max(1, printer.copyCount()) if not printer.supportsMultipleCopies() else 1
    jobs = [p for _ in range(copies) for p in pages]
    if not jobs:
        return 0
    resolution = min(dpi or printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(printer.printerName() or printer.outputFileName())
    try:
        for n, (doc, index) in enumerate(jobs):
            handle.progress(n, len(jobs))
            if n:
                printer.newPage()
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            size_pt = doc.pagePointSize(index)
            scale = resolution / 72.0
            pixels = QSize(max(1, int(size_pt.width() * scale)), max(1, int(size_pt.height() * scale)))
            image = doc.render(index, pixels)
            fitted = QSize(int(size_pt.width() * 1000), int(size_pt.height() * 1000))
            fitted.scale(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            box = QRectF(target.x() + (target.width() - fitted.width()) / 2,
                         target.y() + (target.height() - fitted.height()) / 2, fitted.width(), fitted.height())
            painter.drawImage(box, image)
        handle.progress(len(jobs), len(jobs))
    except BaseException:
        printer.abort()  # a cancelled or failed job sends nothing half-printed
        raise
    finally:
        painter.end()
        for doc in docs:
            doc.close()
    return len(jobs)


def render_and_print(ws: Workspace, lang: str, printer: QPrinter, handle: TaskHandle, dpi: int | None = None) -> int:
    """The core renders the three forms to a temporary folder; their pages go to ``printer``."""
    import tempfile

    from parDesk.ui.operations import print_forms

    with tempfile.TemporaryDirectory(prefix="pardesk-print-") as folder:
        paths = print_forms(ws, Path(folder), lang, handle)
        return print_pdfs(paths, printer, handle, dpi)
