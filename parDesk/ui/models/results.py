"""The two lists that point back at leaves: points being lost, and blocking problems."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from parDesk.i18n import ParDeskError
from parDesk.models.framework import Framework
from parDesk.scoring import LostPoints
from parDesk.ui import text
from parDesk.ui.models import ROOT
from parDesk.ui.theme import icon

translate = QCoreApplication.translate
CodeRole = Qt.ItemDataRole.UserRole + 1


class LostCol(IntEnum):
    CODE = 0
    TITLE = 1
    SCORE = 2
    LOST = 3
    MISSING = 4


class LosingModel(QAbstractTableModel):
    """``Summary.losing`` as the core ordered it: largest loss first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LostPoints] = []

    def set_rows(self, rows: Sequence[LostPoints]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def code_at(self, row: int) -> str:
        return self._rows[row].code

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(LostCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {LostCol.CODE: translate("LosingModel", "Code"),
                LostCol.TITLE: translate("LosingModel", "Item"),
                LostCol.SCORE: translate("LosingModel", "Score / max"),
                LostCol.LOST: translate("LosingModel", "Points lost"),
                LostCol.MISSING: translate("LosingModel", "Still missing")}[LostCol(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        lp = self._rows[index.row()]
        col = LostCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {LostCol.CODE: lp.code, LostCol.TITLE: lp.title, LostCol.SCORE: text.score_of(lp.score, lp.max),
                    LostCol.LOST: "−" + text.num(lp.at_stake), LostCol.MISSING: text.missing_words(lp.missing)}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == LostCol.TITLE:
            return lp.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LostCol.SCORE, LostCol.LOST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CodeRole:
            return lp.code
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LostCol) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(LostCol) - 1))


class ProbCol(IntEnum):
    CODE = 0
    TITLE = 1
    PROBLEM = 2


class ProblemModel(QAbstractTableModel):
    """Blocking problems (``Summary.problems``), each naming its leaf in ``where``."""

    def __init__(self, framework: Framework, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self._rows: list[list[ParDeskError]] = []

    def set_rows(self, rows: Sequence[ParDeskError]) -> None:
        """One row per item, its problems together ("no score; no evidence"), in the core's order."""
        grouped: dict[str, list[ParDeskError]] = {}
        loose: list[list[ParDeskError]] = []
        order: list[list[ParDeskError]] = []
        for err in rows:
            if not err.where:
                loose.append([err])
                order.append(loose[-1])
            elif err.where in grouped:
                grouped[err.where].append(err)
            else:
                grouped[err.where] = [err]
                order.append(grouped[err.where])
        self.beginResetModel()
        self._rows = order
        self.endResetModel()

    def code_at(self, row: int) -> str:
        return self._rows[row][0].where or ""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(ProbCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {ProbCol.CODE: translate("ProblemModel", "Code"),
                ProbCol.TITLE: translate("ProblemModel", "Item"),
                ProbCol.PROBLEM: translate("ProblemModel", "Problem")}[ProbCol(section)]

    def _title(self, code: str) -> str:
        return self.framework.get(code).title if code in self.framework else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        errs = self._rows[index.row()]
        code = errs[0].where or ""
        col = ProbCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == ProbCol.CODE:
                return code
            if col == ProbCol.TITLE:
                return self._title(code)
            parts = [text.error_text(e, framework=self.framework) for e in errs]
            return "; ".join(parts[:1] + [p[:1].lower() + p[1:] for p in parts[1:]])
        if role == Qt.ItemDataRole.DecorationRole and col == ProbCol.CODE:
            return icon("status-problem")
        if role == Qt.ItemDataRole.ToolTipRole and col != ProbCol.CODE:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == CodeRole:
            return code
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ProbCol) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(ProbCol) - 1))
