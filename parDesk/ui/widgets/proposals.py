"""Proposals read from newly attached documents, for the officer to check and accept.

After an attach, :class:`ProposalPanel` reads each new document on the slow
pool (the core's :func:`parDesk.intake.read_document`: text layer or OCR,
quality checks), with progress and cancel, then records the readings on the
database thread. The proposals appear as an editable table under the
"Đề xuất từ nội dung tài liệu — hãy kiểm tra" heading. Ctrl+Enter accepts all
rows as shown; a cell the officer edits is taken as typed. A value already
in the document (typed by the officer at attach or in its details) is
never replaced: the core's ``accept_proposal`` keeps it and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parDesk.intake.reader import Reading, read_document
from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.theme import SPACE_S, icon
from parDesk.ui.workers import TaskHandle, is_cancel
from parDesk.workspace import Change, DocumentView, Workspace

COLUMNS = ("name", "number", "issued_date", "issuer", "subject", "quality")
EDITABLE = ("number", "issued_date", "issuer", "subject")
# The reader's notes (``Proposal.notes``, message keys under "intake.") and the field each one is about.
NOTE_FIELD = {"date_blank": "issued_date", "issuer_from_signature": "issuer", "issuer_signer_differs": "issuer"}


@dataclass
class Row:
    doc: DocumentView
    reading: Reading | None = None
    values: dict[str, str] = field(default_factory=dict)  # what the table shows for the editable fields


def read_all(paths: list[tuple[int, Path]], handle: TaskHandle) -> list[tuple[int, Reading]]:
    """Runs on the slow pool: read each file; nothing is written here."""
    out = []
    for i, (doc_id, path) in enumerate(paths):
        handle.check()
        out.append((doc_id, read_document(path, cancel=lambda: handle.cancelled)))
        handle.progress(i + 1, len(paths))
    return out


class ProposalPanel(QFrame):
    accepted = Signal(int)  # how many documents got values
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("proposals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rows: list[Row] = []
        self._task: TaskHandle | None = None
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        self.field_notes = QLabel()  # the reader's notes, each under the name of the field it is about
        self.field_notes.setObjectName("banner")
        self.field_notes.setWordWrap(True)
        self.field_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.field_notes.hide()
        self.progress = QProgressBar()
        self.cancel_btn = QPushButton()
        self.cancel_btn.clicked.connect(self.cancel)
        self.accept_btn = QPushButton(icon("status-complete"), "")
        self.accept_btn.clicked.connect(self.accept_all)
        self.dismiss_btn = QPushButton()
        self.dismiss_btn.clicked.connect(self.dismiss)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.accept_all)
        self.shortcut2 = QShortcut(QKeySequence("Ctrl+Enter"), self)
        self.shortcut2.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut2.activated.connect(self.accept_all)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_btn)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_S)
        buttons.addWidget(self.accept_btn)
        buttons.addWidget(self.dismiss_btn)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.field_notes)
        layout.addLayout(busy)
        layout.addLayout(buttons)
        self._filling = False
        self.retranslate()
        self.hide()

    # -- presentation --------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Proposed from the document — please check"))
        self.accept_btn.setText(self.tr("Accept all (Ctrl+Enter)"))
        self.accept_btn.setToolTip(self.tr("Fill the empty details of these documents with the values shown; "
                                           "what you typed yourself is kept"))
        self.dismiss_btn.setText(self.tr("Dismiss"))
        self.cancel_btn.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Number"), self.tr("Date"),
                                              self.tr("Issuing body"), self.tr("Subject"), self.tr("Quality")])
        self.table.setAccessibleName(self.tr("Proposed document details"))
        if self.rows and self._task is None:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reading -------------------------------------------------------------
    def start(self, docs: list[DocumentView]) -> TaskHandle | None:
        """Read the documents just attached (off the GUI thread), then show what they say."""
        docs = [d for d in docs if d.ext.lower() in ("pdf", "png", "jpg", "jpeg", "tif", "tiff")]
        if not docs or self._task is not None:
            return None
        self.rows = [Row(d) for d in docs]
        self.table.setRowCount(0)
        self.note.setText(self.tr("Reading %n document(s)…", None, len(docs)))
        self.progress.setRange(0, len(docs))
        self.progress.setValue(0)
        self._set_busy(True)
        self.show()
        paths = [(d.id, self.ctx.workspace.evidence.path_for(d.sha256)) for d in docs]

        def done(results: list[tuple[int, Reading]]) -> None:
            self._task = None
            self._set_busy(False)
            by_id = dict(results)
            for row in self.rows:
                row.reading = by_id.get(row.doc.id)
            self._record(results)
            self._fill()

        def failed(exc: BaseException) -> None:
            self._task = None
            self._set_busy(False)
            if is_cancel(exc):
                self.note.setText(self.tr("Reading cancelled; nothing was changed."))
            else:
                self.note.setText(text.error_text(exc, with_where=True))

        self._task = self.ctx.slow(lambda _ws, h: read_all(paths, h), done, failed,
                                   lambda d, t: self.progress.setValue(d), label="intake_read")
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_btn.setVisible(busy)
        self.accept_btn.setEnabled(not busy)
        self.table.setVisible(not busy)
        if busy:
            self.field_notes.hide()

    def _record(self, results: list[tuple[int, Reading]]) -> None:
        from parDesk.intake.service import record_reading

        def op(ws: Workspace) -> Change:
            for doc_id, reading in results:
                record_reading(ws, doc_id, reading)
            return Change(documents=True)

        self.ctx.edit(op, label="intake_record")

    def field_notes_of(self, row: Row) -> dict[str, list[str]]:
        """The reader's notes on one document, translated, by the field they are about."""
        from parDesk.i18n import t

        out: dict[str, list[str]] = {}
        p = row.reading.proposal if row.reading else None
        for key in dict.fromkeys(p.notes if p else []):
            note = t("intake." + key, self.ctx.lang)
            if key == "issuer_signer_differs" and p is not None and p.signer:
                note += " " + self.tr("Certificate: %1").replace("%1", p.signer)
            out.setdefault(NOTE_FIELD.get(key, "name"), []).append(note)
        return out

    def _fill(self) -> None:
        self._filling = True
        self.table.setRowCount(len(self.rows))
        notes: list[str] = []
        noted: list[str] = []  # "file — field: note" lines shown under the table
        headers = {k: self.table.model().headerData(c, Qt.Orientation.Horizontal) or "" for c, k in enumerate(COLUMNS)}
        for r, row in enumerate(self.rows):
            p = row.reading.proposal if row.reading else None
            meta = p.metadata() if p else {}
            row.values = {k: getattr(row.doc, k) or meta.get(k, "") for k in EDITABLE}
            cells = {"name": row.doc.original_name, "quality": self._quality_text(row)}
            cells |= {k: (text.date(v) if k == "issued_date" and v else v) for k, v in row.values.items()}
            by_field = self.field_notes_of(row)
            for c, key in enumerate(COLUMNS):
                item = QTableWidgetItem(cells.get(key, ""))
                if key in EDITABLE and getattr(row.doc, key):
                    item.setToolTip(self.tr("Typed by you; kept"))
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                elif key not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if key == "quality" and row.reading and row.reading.quality.findings:
                    item.setIcon(icon("warning"))
                    item.setToolTip("\n".join(f.text(self.ctx.lang) for f in row.reading.quality.findings))
                if key in by_field:
                    item.setIcon(icon("warning"))
                    item.setToolTip("\n".join([*by_field[key], *filter(None, [item.toolTip()])]))
                self.table.setItem(r, c, item)
            for key, texts in by_field.items():
                noted += [f"{row.doc.original_name} — {headers[key]}: {n}" for n in texts]
            if row.reading and row.reading.ocr_note:
                from parDesk.i18n import t

                notes.append(t(row.reading.ocr_note, self.ctx.lang))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 220))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        shown = min(max(len(self.rows), 1), 8)  # as tall as its rows, up to eight, then it scrolls
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 4 + shown *
                                  self.table.verticalHeader().defaultSectionSize())
        self.note.setText(" ".join(dict.fromkeys(notes)) or self.tr("Check each value against the document, "
                                                                   "edit what is wrong, then accept."))
        self.field_notes.setText("\n".join(noted))
        self.field_notes.setVisible(bool(noted))
        self._filling = False

    def _quality_text(self, row: Row) -> str:
        if row.reading is None:
            return ""
        findings = row.reading.quality.findings
        if not findings:
            return self.tr("OK")
        return findings[0].text(self.ctx.lang)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        key = COLUMNS[item.column()]
        if key in EDITABLE and 0 <= item.row() < len(self.rows):
            self.rows[item.row()].values[key] = item.text().strip()

    # -- accepting -----------------------------------------------------------
    def accept_all(self) -> None:
        if self._task is not None or not self.rows:
            return
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setCurrentIndex(QModelIndex())  # moving off the cell being edited commits it first
        from parDesk.intake.service import accept_proposal

        plan = [(row.doc.id, dict(row.values)) for row in self.rows if row.reading is not None]
        filled = [0]  # counted on the database thread, read back on the GUI thread when it is done

        def op(ws: Workspace) -> Change:
            filled[0] = sum(1 for doc_id, values in plan if accept_proposal(ws, doc_id, values).applied)
            return Change(documents=True)

        def done(_c: Change) -> None:
            self.accepted.emit(filled[0])
            self.message.emit(self.tr("Details filled from %n document(s).", None, filled[0]))
            self.dismiss()

        def failed(exc: BaseException) -> None:
            self.note.setText(text.error_text(exc, with_where=True))

        self.ctx.edit(op, on_done=done, on_error=failed, label="intake_accept")

    def dismiss(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.field_notes.clear()
        self.field_notes.hide()
        self.hide()

    def values_of(self, row: int) -> dict[str, Any]:
        return dict(self.rows[row].values)
