"""Submit: the validation report, each blocking problem opening its item; then sign, package, send.

Signing, packaging, sending and printing belong to core features that have
not landed yet; their buttons are shown disabled with a tooltip saying which
feature brings them, so nobody mistakes a placeholder for a working action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget)

from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.models.results import ProbCol, ProblemModel
from parDesk.ui.theme import SPACE_M, icon
from parDesk.ui.views.losing import JumpTable


class SubmitView(QWidget):
    jumpToLeaf = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ProblemModel(ctx.workspace.framework, self)
        self.ready = QLabel()
        self.ready.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("muted")
        self.version = QLabel()
        self.version.setObjectName("caption")
        self.table = JumpTable()
        self.table.setModel(self.model)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(ProbCol.CODE, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(ProbCol.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(ProbCol.PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.activatedRow.connect(lambda row: self.jumpToLeaf.emit(self.model.code_at(row)))

        self.actions_box = QGroupBox()
        grid = QGridLayout(self.actions_box)
        grid.setHorizontalSpacing(SPACE_M)
        self.sign_btn = QPushButton(icon("sign"), "")
        self.send_btn = QPushButton(icon("submit"), "")
        self.usb_btn = QPushButton(icon("usb"), "")
        self.print_btn = QPushButton(icon("print"), "")
        self.xlsx_btn = QPushButton(icon("library"), "")
        self.placeholder_note = QLabel()
        self.placeholder_note.setObjectName("hint")
        self.placeholder_note.setWordWrap(True)
        for i, b in enumerate((self.sign_btn, self.send_btn, self.usb_btn, self.print_btn, self.xlsx_btn)):
            b.setEnabled(False)  # placeholders until the package / sync / report features land
            grid.addWidget(b, i // 3, i % 3)
        grid.addWidget(self.placeholder_note, 2, 0, 1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.addWidget(self.ready)
        layout.addWidget(self.detail)
        layout.addWidget(self.version)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.actions_box)
        ctx.hub.stateChanged.connect(self._state)
        self.retranslate()

    def retranslate(self) -> None:
        self.actions_box.setTitle(self.tr("Sign, package and send"))
        self.sign_btn.setText(self.tr("Sign and build the package…"))
        self.sign_btn.setToolTip(self.tr("Arrives with the signing and package feature (not available in "
                                         "this version yet)."))
        self.send_btn.setText(self.tr("Send to the province"))
        self.send_btn.setToolTip(self.tr("Arrives with the sync feature (not available in this version yet)."))
        self.usb_btn.setText(self.tr("Save a copy for USB…"))
        self.usb_btn.setToolTip(self.tr("Arrives with the package feature (not available in this version yet)."))
        self.print_btn.setText(self.tr("Print the forms (PDF)…"))
        self.print_btn.setToolTip(self.tr("Arrives with the report feature (not available in this version yet)."))
        self.xlsx_btn.setText(self.tr("Export to Excel (XLSX)…"))
        self.xlsx_btn.setToolTip(self.tr("Arrives with the report feature (not available in this version yet)."))
        self.placeholder_note.setText(self.tr("Signing, packaging, sending and printing are not part of this "
                                              "version yet; the buttons above stay disabled until they are."))
        self.table.setAccessibleName(self.tr("Blocking problems"))
        self.model.retranslate()
        self._headline()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _state(self, state: State) -> None:
        self.model.set_rows(state.summary.problems)
        self._headline()

    def _headline(self) -> None:
        state = self.ctx.hub.state
        if state is None:
            return
        problems = state.summary.problems
        t = state.summary.totals
        if problems:
            self.ready.setObjectName("readyBad")
            self.ready.setText(self.tr("Not ready to submit: %n blocking problem(s)", None, len(problems)))
            self.detail.setText(self.tr("Click a problem (or press Enter) to open its item. Self-score: %1, "
                                        "%2.").replace("%1", text.score_of(t.total, t.max_applicable))
                                .replace("%2", text.percent(t.percent)))
        else:
            self.ready.setObjectName("readyOk")
            self.ready.setText(self.tr("Ready to submit: no blocking problems"))
            self.detail.setText(self.tr("Every item is scored and has evidence or an explanation. Self-score: "
                                        "%1, %2.").replace("%1", text.score_of(t.total, t.max_applicable))
                                .replace("%2", text.percent(t.percent)))
        self.ready.style().unpolish(self.ready)
        self.ready.style().polish(self.ready)
        self.table.setVisible(bool(problems))
        status = self.tr("signed and locked") if state.locked else self.tr("draft, not yet signed")
        self.version.setText(self.tr("Assessment %1, version %2: %3").replace("%1", str(state.year))
                             .replace("%2", str(state.version)).replace("%3", status))
