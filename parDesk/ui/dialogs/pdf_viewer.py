"""A document opened at the page a search found, inside the window (QtPdf).

The system viewer cannot be told which page to show, and a search result is
only useful on its page; this small viewer opens the stored file read-only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PdfPageDialog(QDialog):
    def __init__(self, path: Path, page: int, title: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page = max(0, min(page - 1, self.document.pageCount() - 1))
        self.view.pageNavigator().jump(self.page, QPointF(), 0)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setObjectName("muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def current_page(self) -> int:
        """1-based, as people count pages."""
        return self.view.pageNavigator().currentPage() + 1
