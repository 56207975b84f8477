"""Where we lose points: the core's list, largest first; Enter or double-click opens the item."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.models.results import LosingModel, LostCol
from parDesk.ui.theme import SPACE_M
from parDesk.ui.views.stale import StaleUntilShown


class JumpTable(QTableView):
    """A read-only table whose rows open an item: double-click, Enter or Space."""

    activatedRow = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.activated.connect(lambda idx: self.activatedRow.emit(idx.row()))
        self.clicked.connect(lambda idx: self.activatedRow.emit(idx.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self.activatedRow.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LosingView(StaleUntilShown, QWidget):
    jumpToLeaf = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = LosingModel(self)
        self.headline = QLabel()
        self.headline.setObjectName("bigNumber")
        self.headline.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setObjectName("muted")
        self.explain.setWordWrap(True)
        self.table = JumpTable()
        self.table.setModel(self.model)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(LostCol.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (LostCol.CODE, LostCol.SCORE, LostCol.LOST, LostCol.MISSING):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activatedRow.connect(lambda row: self.jumpToLeaf.emit(self.model.code_at(row)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.addWidget(self.headline)
        layout.addWidget(self.explain)
        layout.addWidget(self.table)
        ctx.hub.stateChanged.connect(self.mark_stale)
        self.retranslate()

    def retranslate(self) -> None:
        self.explain.setText(self.tr("Every item scored below its maximum, the largest loss first. Press Enter or "
                                     "click a line to open the item."))
        self.table.setAccessibleName(self.tr("Where we lose points"))
        self.model.retranslate()
        self._headline()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        state = self.ctx.hub.state
        if state is not None:
            self.model.set_rows(state.summary.losing)
            self._headline()

    def _headline(self) -> None:
        state = self.ctx.hub.state
        if state is None:
            self.headline.setText("")
            return
        losing = state.summary.losing
        total = sum((lp.at_stake for lp in losing), start=type(state.summary.totals.total)(0))
        if not losing:
            self.headline.setText(self.tr("No points are being lost."))
        else:
            count = len(losing)
            self.headline.setText(self.tr("%1 at stake in %n item(s)", None, count).replace("%1", text.points(total)))

    def first_index(self) -> QModelIndex:
        return self.model.index(0, 0)
