"""A leaf's evidence: its documents, and the actions on them.

Attaching runs on the slow pool (the core copies and hashes the file), with a
progress bar and a cancel button; everything else is a quick call on the
database thread. Dropping files anywhere on the leaf panel lands here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.dialogs.document_dialog import DocumentDialog
from parDesk.ui.dialogs.link_dialog import LinkDialog
from parDesk.ui.models.documents import DocCol, DocumentTableModel
from parDesk.ui.theme import SPACE_S, icon
from parDesk.ui.widgets.proposals import ProposalPanel
from parDesk.ui.workers import TaskHandle, is_cancel
from parDesk.workspace import Change, DocumentView, Workspace

NAME_FIT_ROWS = 40


def attach_files(ws: Workspace, code: str, paths: Sequence[Path], handle: TaskHandle) -> list[DocumentView]:
    """Runs on the slow pool: the core stores the files as one batch (all or none), cancellable."""
    total = sum(p.stat().st_size for p in paths if p.is_file()) or 1
    done = 0

    def step(nbytes: int) -> None:
        nonlocal done
        done += nbytes
        handle.progress(min(done, total), total)

    return ws.attach_many([(code, p) for p in paths], progress=step, cancel=lambda: handle.cancelled)


class EvidencePanel(QWidget):
    attached = Signal(list)  # the DocumentViews just attached
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = ""
        self._locked = False
        self._task: TaskHandle | None = None
        self.model = DocumentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(120)
        for col in (DocCol.CODES, DocCol.ISSUER, DocCol.SIZE):
            self.table.hideColumn(col)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(DocCol.SUBJECT, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(DocCol.NAME, QHeaderView.ResizeMode.Interactive)
        # Fitting the name column measures this many rows, not every one: with 300 documents on an item,
        # measuring all of them on each refresh after an attach held the GUI thread ~60 ms (bench_intake_ui).
        hh.setResizeContentsPrecision(NAME_FIT_ROWS)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.add_btn = QPushButton(icon("attach"), "")
        self.link_btn = QPushButton(icon("link"), "")
        self.edit_btn = QPushButton(icon("edit"), "")
        self.open_btn = QPushButton(icon("open"), "")
        self.remove_btn = QPushButton(icon("remove"), "")
        self.add_btn.clicked.connect(self.choose_files)
        self.link_btn.clicked.connect(self.link_existing)
        self.edit_btn.clicked.connect(self.edit_selected)
        self.open_btn.clicked.connect(self.open_selected)
        self.remove_btn.clicked.connect(self.detach_selected)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_btn = QPushButton()
        self.cancel_btn.clicked.connect(self.cancel_attach)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_S)
        for b in (self.add_btn, self.link_btn, self.edit_btn, self.open_btn, self.remove_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addLayout(busy)
        layout.addWidget(self.error)
        self.proposals = ProposalPanel(ctx, self)  # what the new documents say about themselves
        self.proposals.message.connect(self.message)
        layout.addWidget(self.proposals)
        self._set_busy(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    # -- presentation --------------------------------------------------------
    def retranslate(self) -> None:
        self.add_btn.setText(self.tr("&Add files…"))
        self.add_btn.setToolTip(self.tr("Copy files into the workspace as evidence for this item "
                                        "(you can also drop files here)"))
        self.link_btn.setText(self.tr("&Link existing…"))
        self.link_btn.setToolTip(self.tr("Use a document already in the library, without copying it again"))
        self.edit_btn.setText(self.tr("&Details…"))
        self.edit_btn.setToolTip(self.tr("Edit number, date, issuing body, subject and page"))
        self.open_btn.setText(self.tr("&Open"))
        self.open_btn.setToolTip(self.tr("Open with the system viewer"))
        self.remove_btn.setText(self.tr("&Remove from item"))
        self.remove_btn.setToolTip(self.tr("Unlink the document from this item (it stays in the library)"))
        self.cancel_btn.setText(self.tr("Cancel"))
        self.table.setAccessibleName(self.tr("Evidence documents of this item"))
        self.empty.setText(self.tr("No evidence yet. Drop scanned files here, or use “Add files…”."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_documents(self, code: str, docs: list[DocumentView], pages: dict[int, str] | None = None) -> None:
        """The leaf's documents; ``pages`` are this leaf's own page/section pointers (per link)."""
        self.code = code
        self.model.set_rows(docs, pages or {})
        if docs:
            ids, lang = [d.id for d in docs], self.ctx.lang
            from parDesk.intake.service import quality_sentences

            self.ctx.read(lambda ws: quality_sentences(ws, ids, lang), self.model.set_quality, label="quality")
        self.table.setVisible(bool(docs))
        self.empty.setVisible(not docs)
        if docs:
            self.table.resizeColumnToContents(DocCol.NAME)
            self.table.setColumnWidth(DocCol.NAME, min(self.table.columnWidth(DocCol.NAME), 280))
            rows = min(len(docs), 6)
            self.table.setFixedHeight(self.table.horizontalHeader().height() + rows * self.table.verticalHeader()
                                      .defaultSectionSize() + 4)
        self._update_buttons()

    def _selected(self) -> DocumentView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _update_buttons(self, *_: object) -> None:
        has = self._selected() is not None
        for b in (self.edit_btn, self.open_btn):
            b.setEnabled(has)
        self.remove_btn.setEnabled(has and not self._locked)
        editable = bool(self.code) and self.code_self_scored() and not self._locked
        self.add_btn.setEnabled(editable and self._task is None)
        self.link_btn.setEnabled(editable)

    def set_locked(self, locked: bool) -> None:
        """A signed version: documents can be opened and their details read, not changed."""
        if locked != self._locked:
            self._locked = locked
            self._update_buttons()

    def code_self_scored(self) -> bool:
        fw = self.ctx.workspace.framework
        return self.code in fw and fw.leaf(self.code).self_scored

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_btn.setVisible(busy)

    def _show_error(self, exc: BaseException | None) -> None:
        if exc is None:
            self.error.hide()
        else:
            self.error.setText(text.error_text(exc, with_where=True))
            self.error.show()

    # -- actions -------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose evidence files"), "",
                                                self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc "
                                                        "*.docx *.xls *.xlsx *.odt);;All files (*)"))
        if files:
            self.attach_paths([Path(f) for f in files])

    def attach_paths(self, paths: Sequence[Path]) -> TaskHandle | None:
        if not self.code or self._task is not None or not paths:
            return None
        code = self.code
        self._show_error(None)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Copying %n file(s)… %p%", None, len(paths)))
        self._set_busy(True)

        def progress(done: int, total: int) -> None:
            self.progress.setValue(int(1000 * done / max(total, 1)))

        def finished(docs: list[DocumentView]) -> None:
            self._task = None
            self._set_busy(False)
            self._update_buttons()
            self.attached.emit(docs)
            self.message.emit(self.tr("Attached %n document(s) to %1", None, len(docs)).replace("%1", code))
            self.proposals.start(docs)

        def failed(exc: BaseException) -> None:
            self._task = None
            self._set_busy(False)
            self._update_buttons()
            if not is_cancel(exc):
                self._show_error(exc)
            else:
                self.message.emit(self.tr("Cancelled: nothing was attached."))

        self._task = self.ctx.slow(lambda ws, h: attach_files(ws, code, list(paths), h), finished, failed, progress,
                                   label="attach", change=Change(codes=frozenset({code}), totals=True, documents=True))
        self._update_buttons()
        return self._task

    def cancel_attach(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def link_existing(self) -> None:
        dialog = LinkDialog(self.ctx, self.code, self)
        if dialog.exec() != LinkDialog.DialogCode.Accepted:
            return
        self.link_ids(dialog.selected_ids())

    def link_ids(self, ids: list[int]) -> None:
        code = self.code
        if not ids:
            return

        def op(ws: Workspace) -> Change:
            for doc_id in ids:
                ws.link(code, doc_id)
            return Change(codes=frozenset({code}), totals=True, documents=True)

        self.ctx.edit(op, on_done=lambda _c: self._show_error(None), on_error=self._show_error, label="link")

    def edit_selected(self) -> None:
        doc = self._selected()
        if doc is not None:
            DocumentDialog(self.ctx, doc, self, code=self.code, link_page=self.model.page_of(doc),
                           read_only=self._locked).exec()

    def open_selected(self) -> None:
        doc = self._selected()
        if doc is None:
            return

        def opened(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.error.setText(self.tr("No program on this computer opens this kind of file."))
                self.error.show()

        self.ctx.read(lambda ws: ws.document_path(doc.id), opened, self._show_error, label="open")

    def detach_selected(self) -> None:
        doc = self._selected()
        if doc is None:
            return
        code, doc_id = self.code, doc.id
        self.ctx.edit(lambda ws: ws.detach(code, doc_id), on_error=self._show_error, label="detach")

    def select_first(self) -> QModelIndex:
        idx = self.model.index(0, 0)
        if idx.isValid():
            self.table.setCurrentIndex(idx)
            self.table.selectRow(0)
        return idx

    def accepts(self, urls: list[QUrl]) -> list[Path]:
        """The local files among dropped URLs (folders and web links are ignored)."""
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


