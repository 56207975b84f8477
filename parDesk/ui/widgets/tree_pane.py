"""The framework tree with its search box; selecting a leaf announces its code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.models.tree import (
    CodeRole,
    Col,
    FrameworkTreeModel,
    IsLeafRole,
    TreeFilterProxy,
)
from parDesk.ui.theme import SPACE_S, icon


class TreePane(QWidget):
    leafSelected = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = FrameworkTreeModel(ctx.workspace.framework, self)
        self.proxy = TreeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.no_match = QLabel()
        self.no_match.setObjectName("hint")
        self.no_match.hide()
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setIconSize(self.view.iconSize())
        header = self.view.header()
        header.setStretchLastSection(False)
        # Not ResizeToContents: that re-measures every row on each dataChanged (an edit). Measured once instead.
        header.setSectionResizeMode(Col.CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.SCORE, QHeaderView.ResizeMode.Interactive)
        self._sized = False
        self.view.expandToDepth(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_S, SPACE_S, 0, SPACE_S)
        layout.setSpacing(SPACE_S)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._jump_to_first_match)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        ctx.hub.stateChanged.connect(self._state_changed)
        self.search.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search codes or words (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the framework"))
        self.view.setAccessibleName(self.tr("Framework items"))
        self.no_match.setText(self.tr("No item matches the search."))
        self.model.retranslate()
        if self._sized:
            self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if key == Qt.Key.Key_Down and plain:  # Alt+Down stays "next item"
                self._jump_to_first_match()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(obj, event)

    def _state_changed(self, state: State) -> None:
        self.model.apply_state(state)
        if not self._sized:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Size the code and score columns to their contents (once, and after a language switch)."""
        self._sized = True
        self.view.expandAll()
        for col in (Col.CODE, Col.SCORE):
            self.view.resizeColumnToContents(col)
        self.view.setColumnWidth(Col.CODE, self.view.columnWidth(Col.CODE) + 4)
        self.view.collapseAll()
        self.view.expandToDepth(0)
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    # -- search ----------------------------------------------------------------
    def _apply_search(self) -> None:
        self.proxy.set_search(self.search.text())
        if self.search.text().strip():
            self.view.expandAll()
        else:
            self.view.expandToDepth(0)
            current = self.view.currentIndex()  # clearing the search keeps the selected item in sight
            if current.isValid():
                parent = current.parent()
                while parent.isValid():
                    self.view.expand(parent)
                    parent = parent.parent()
                self.view.scrollTo(current)
        self.no_match.setVisible(self.proxy.rowCount() == 0)

    def _jump_to_first_match(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        leaves = self._visible_leaves()
        if leaves:
            self.view.setCurrentIndex(leaves[0])
        self.view.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection ---------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(IsLeafRole):
            self.leafSelected.emit(current.data(CodeRole))

    def current_code(self) -> str:
        idx = self.view.currentIndex()
        return idx.data(CodeRole) if idx.isValid() else ""

    def select(self, code: str) -> bool:
        """Select ``code`` (clearing a search that hides it)."""
        src = self.model.index_for(code)
        if not src.isValid():
            return False
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.search.clear()
            self._apply_search()
            idx = self.proxy.mapFromSource(src)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True

    def _visible_leaves(self) -> list[QModelIndex]:
        out: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                idx = self.proxy.index(row, 0, parent)
                if idx.data(IsLeafRole):
                    out.append(idx)
                walk(idx)
        walk(QModelIndex())
        return out

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (−1) visible leaf."""
        leaves = self._visible_leaves()
        if not leaves:
            return
        codes = [i.data(CodeRole) for i in leaves]
        current = self.current_code()
        if current in codes:
            pos = max(0, min(len(leaves) - 1, codes.index(current) + delta))
        else:
            pos = 0 if delta > 0 else len(leaves) - 1
        self.view.setCurrentIndex(leaves[pos])
        self.view.scrollTo(leaves[pos])
