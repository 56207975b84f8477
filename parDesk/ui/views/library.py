"""Every evidence document, with the core's filters (unlinked, missing metadata, by item) and search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui.context import AppContext
from parDesk.ui.dialogs.document_dialog import DocumentDialog
from parDesk.ui.models.documents import (
    DocCol,
    DocIdRole,
    DocumentTableModel,
    sorted_proxy,
)
from parDesk.ui.theme import SPACE_M, SPACE_S, icon
from parDesk.ui.views.stale import StaleUntilShown
from parDesk.workspace import DocumentView, Workspace

ALL, UNLINKED, MISSING, BY_LEAF = range(4)


class LibraryView(StaleUntilShown, QWidget):
    jumpToLeaf = Signal(str)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DocumentTableModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.filter = QComboBox()
        self.leaf_combo = QComboBox()
        self.leaf_combo.setMinimumWidth(220)
        for leaf in ctx.workspace.framework.all_leaves():
            self.leaf_combo.addItem(f"{leaf.code}  {leaf.title}", leaf.code)
        self.leaf_combo.setMaximumWidth(360)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(DocCol.SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # measure 200 rows, not 2,000
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        # Pages whose text holds the search words (the core's full-text index), each opening at its page.
        self.hits_label = QLabel()
        self.hits_label.setObjectName("sectionTitle")
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.setMaximumHeight(180)
        self.hits.itemActivated.connect(self._open_hit)
        self.hits_label.setBuddy(self.hits)
        self._hits: list[Any] = []
        self.edit_btn = QPushButton(icon("edit"), "")
        self.open_btn = QPushButton(icon("open"), "")
        self.goto_btn = QPushButton(icon("next"), "")
        self.edit_btn.clicked.connect(self.edit_selected)
        self.open_btn.clicked.connect(self.open_selected)
        self.goto_btn.clicked.connect(self.goto_selected)

        bar = QHBoxLayout()
        bar.setSpacing(SPACE_S)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter)
        bar.addWidget(self.leaf_combo)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        actions = QHBoxLayout()
        for b in (self.edit_btn, self.open_btn, self.goto_btn):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.hits_label)
        layout.addWidget(self.hits)
        layout.addLayout(actions)
        self.hits_label.hide()
        self.hits.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.leaf_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.hub.documentsChanged.connect(self.mark_stale)
        self.retranslate()
        self.leaf_combo.setVisible(False)  # documents load when the view is first shown

    def retranslate(self) -> None:
        current = max(0, self.filter.currentIndex())
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItems([self.tr("All documents"), self.tr("Not linked to any item"),
                              self.tr("Missing details"), self.tr("By item:")])
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)
        self.filter_label.setText(self.tr("&Show:"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.leaf_combo.setAccessibleName(self.tr("Item"))
        self.search.setPlaceholderText(self.tr("Search name, number, issuing body, subject (with or without "
                                               "diacritics)"))
        self.search.setAccessibleName(self.tr("Search documents"))
        self.hits_label.setText(self.tr("In the documents' text:"))
        self.hits.setAccessibleName(self.tr("Pages that contain the search words"))
        self.table.setAccessibleName(self.tr("Evidence library"))
        self.edit_btn.setText(self.tr("&Details…"))
        self.open_btn.setText(self.tr("&Open"))
        self.goto_btn.setText(self.tr("&Go to item"))
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filter_changed(self, *_: object) -> None:
        self.leaf_combo.setVisible(self.filter.currentIndex() == BY_LEAF)
        self.reload()

    def set_filter(self, which: int, code: str | None = None) -> None:
        if code is not None:
            self.leaf_combo.setCurrentIndex(max(0, self.leaf_combo.findData(code)))
        self.filter.setCurrentIndex(which)

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the documents the filter and the search ask for (database thread): on show, on a change."""
        self._timer.stop()
        self._stale = False  # a reload while shown (a filter, the search) is a refresh too
        which = self.filter.currentIndex()
        code = self.leaf_combo.currentData() if which == BY_LEAF else None
        needle = self.search.text()
        lang = self.ctx.lang

        def query(ws: Workspace) -> tuple[list[DocumentView], dict[int, list[str]], list[Any], dict[int, Any]]:
            from parDesk.intake.service import quality_sentences, search

            rows = ws.documents(code=code, unlinked=which == UNLINKED, missing_metadata=which == MISSING,
                                search=needle)
            hits = search(ws, needle, limit=50) if len(needle.strip()) >= 2 else []
            docs = {d.id: d for d in ws.documents(document_ids=sorted({h.document_id for h in hits}))} if hits else {}
            return rows, quality_sentences(ws, [d.id for d in rows], lang), hits, docs

        self.ctx.read(query, self._loaded, label="library")

    def _loaded(self, result: tuple[list[DocumentView], dict[int, list[str]], list[Any], dict[int, Any]]) -> None:
        rows, quality, hits, hit_docs = result
        self.model.set_rows(rows)
        self.model.set_quality(quality)
        self._show_hits(hits, hit_docs)
        if rows and not getattr(self, "_sized", False):
            self.table.resizeColumnsToContents()
            for col, limit in ((DocCol.NAME, 300), (DocCol.ISSUER, 220), (DocCol.CODES, 160)):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), limit))
            self.table.horizontalHeader().setSectionResizeMode(DocCol.SUBJECT, QHeaderView.ResizeMode.Stretch)
            self._sized = True
        self._show_count()
        self._update_buttons()
        self.loaded.emit(len(rows))

    def _show_hits(self, hits: list[Any], docs: dict[int, Any]) -> None:
        self.hits.clear()
        self._hits = [(h, docs[h.document_id]) for h in hits if h.document_id in docs]
        for hit, doc in self._hits:
            name = doc.number or doc.original_name
            item = QListWidgetItem(self.tr("%1 — page %2: %3").replace("%1", name).replace("%2", str(hit.page))
                                   .replace("%3", hit.snippet))
            item.setToolTip(doc.subject or doc.original_name)
            self.hits.addItem(item)
        self.hits_label.setVisible(bool(self._hits))
        self.hits.setVisible(bool(self._hits))

    def _open_hit(self, item: QListWidgetItem) -> None:
        row = self.hits.row(item)
        if not 0 <= row < len(self._hits):
            return
        hit, doc = self._hits[row]
        path = self.ctx.workspace.evidence.path_for(doc.sha256)
        if doc.ext.lower() != "pdf":
            self._open_path(path)
            return
        from parDesk.ui.dialogs.pdf_viewer import PdfPageDialog

        self.viewer = PdfPageDialog(path, hit.page, doc.number or doc.original_name, hit.snippet, self)
        self.viewer.show()

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n document(s)", None, self.model.rowCount()))

    def _selected(self) -> DocumentView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        doc_id = rows[0].data(DocIdRole)
        return next((d for d in self.model.rows() if d.id == doc_id), None)

    def _update_buttons(self) -> None:
        doc = self._selected()
        self.edit_btn.setEnabled(doc is not None)
        self.open_btn.setEnabled(doc is not None)
        self.goto_btn.setEnabled(doc is not None and bool(doc.codes))

    def edit_selected(self) -> None:
        doc = self._selected()
        if doc is not None:
            DocumentDialog(self.ctx, doc, self).exec()

    def open_selected(self) -> None:
        doc = self._selected()
        if doc is not None:
            self.ctx.read(lambda ws: ws.document_path(doc.id), self._open_path, label="open")

    def _open_path(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def goto_selected(self) -> None:
        doc = self._selected()
        if doc is not None and doc.codes:
            self.jumpToLeaf.emit(doc.codes[0])


