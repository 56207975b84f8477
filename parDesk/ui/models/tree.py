"""The framework tree: area → criterion → sub-criterion, plus the bonus and penalty blocks.

Each item holds the code and a few display values (no ORM objects). The model
is built once from the framework and then only told the new state; it emits
``dataChanged`` for the rows whose score or status changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from parDesk.models.framework import Framework, Leaf, Node
from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.models import ROOT
from parDesk.ui.theme import COLOR_MUTED, COLOR_PROVINCE, status_icon
from parDesk.workspace import fold

translate = QCoreApplication.translate

CodeRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
IsLeafRole = Qt.ItemDataRole.UserRole + 3
SearchRole = Qt.ItemDataRole.UserRole + 4

BONUS, PENALTY = "#bonus", "#penalty"
DONE_STATES = {"complete", "not_applicable", "province", "appraised"}


class Col(IntEnum):
    CODE = 0
    TITLE = 1
    SCORE = 2


@dataclass(eq=False)
class _Item:
    code: str
    title: str
    max: Decimal
    kind: str  # "area" | "node" | "leaf" | "block"
    parent: _Item | None
    row: int
    leaf: Leaf | None = None
    children: list[_Item] = field(default_factory=list)
    folded: str = ""
    status: str = "not_started"
    score: Decimal | None = None
    not_applicable: bool = False
    tip: str = ""


def display_status(leaf: Leaf, core_status: str, problem_keys: tuple[str, ...],
                   appraisals: tuple[Any, ...]) -> str:
    """The icon a leaf shows: the core's status, refined by appraisals and input problems."""
    if appraisals:
        last = appraisals[-1]
        if last.request_explanation:
            return "requested"
        if last.score is not None:
            return "appraised"
    if core_status == "in_progress" and "val.bad_input" in problem_keys:
        return "problem"
    return core_status


class FrameworkTreeModel(QAbstractItemModel):
    def __init__(self, framework: Framework, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        self._root = _Item("", "", Decimal(0), "root", None, 0)
        self._by_code: dict[str, _Item] = {}
        self._build()

    # -- construction ----------------------------------------------------
    def _add(self, parent: _Item, code: str, title: str, mx: Decimal, kind: str, leaf: Leaf | None = None) -> _Item:
        item = _Item(code, title, mx, kind, parent, len(parent.children), leaf=leaf,
                     folded=fold(f"{code} {title}"))
        parent.children.append(item)
        self._by_code[code] = item
        return item

    def _build(self) -> None:
        def walk(node: Node | Leaf, parent: _Item, depth: int) -> None:
            if isinstance(node, Leaf):
                self._add(parent, node.code, node.title, node.max, "leaf", node)
                return
            item = self._add(parent, node.code, node.title, node.max, "area" if depth == 0 else "node")
            for child in node.children:
                walk(child, item, depth + 1)

        for area in self.framework.areas:
            walk(area, self._root, 0)
        for key, block in ((BONUS, self.framework.bonus), (PENALTY, self.framework.penalty)):
            if block.items:
                item = self._add(self._root, key, block.title, block.cap, "block")
                for leaf in block.items:
                    self._add(item, leaf.code, leaf.title, leaf.max, "leaf", leaf)

    # -- navigation helpers ---------------------------------------------
    def index_for(self, code: str, column: int = 0) -> QModelIndex:
        item = self._by_code.get(code)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, column, item)

    def leaf_codes(self) -> list[str]:
        out: list[str] = []

        def walk(item: _Item) -> None:
            for child in item.children:
                if child.kind == "leaf":
                    out.append(child.code)
                walk(child)
        walk(self._root)
        return out

    # -- Qt model API ------------------------------------------------------
    def _item(self, index: QModelIndex | QPersistentModelIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = ROOT) -> QModelIndex:
        p = self._item(parent)
        if 0 <= row < len(p.children) and 0 <= column < len(Col):
            return self.createIndex(row, column, p.children[row])
        return QModelIndex()

    # The stub merges QObject.parent() (no argument, a QObject) with the model's parent(child): this is the
    # model's one, which Qt calls with an index; mypy cannot tell the two overloads of one name apart here.
    def parent(self, index: QModelIndex | QPersistentModelIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._item(index).parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return len(Col)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {Col.CODE: translate("FrameworkTreeModel", "Code"),
                Col.TITLE: translate("FrameworkTreeModel", "Item"),
                Col.SCORE: translate("FrameworkTreeModel", "Score / max")}[Col(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._item(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.CODE:
                return "" if item.kind == "block" else item.code
            if col == Col.TITLE:
                return item.title
            return self._score_text(item)
        if role == Qt.ItemDataRole.DecorationRole and col == Col.CODE:
            return status_icon(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tip or None
        if role == Qt.ItemDataRole.FontRole and item.kind in ("area", "block"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and item.leaf is not None and not item.leaf.self_scored:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.leaf is not None and not item.leaf.self_scored:
                return QBrush(QColor(COLOR_PROVINCE))
            if item.not_applicable:
                return QBrush(QColor(COLOR_MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CodeRole:
            return item.code
        if role == StatusRole:
            return item.status
        if role == IsLeafRole:
            return item.kind == "leaf"
        if role == SearchRole:
            return item.folded
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.code} {item.title}, {text.status_name(item.status)}, {self._score_text(item)}"
        return None

    def _score_text(self, item: _Item) -> str:
        if item.not_applicable:
            return translate("FrameworkTreeModel", "N/A")
        if item.code == PENALTY and item.score:
            return f"−{text.num(item.score)} / {text.num(item.max)}"
        return text.score_of(item.score, item.max)

    # -- state -------------------------------------------------------------
    def apply_state(self, state: State) -> None:
        """Take the new scores and statuses; announce only the rows that changed."""
        totals, statuses = state.summary.totals, state.summary.statuses
        changed: list[_Item] = []

        def update(item: _Item, status: str, score: Decimal | None, na: bool, tip: str) -> None:
            if (item.status, item.score, item.not_applicable, item.tip) != (status, score, na, tip):
                item.status, item.score, item.not_applicable, item.tip = status, score, na, tip
                changed.append(item)

        def walk(item: _Item) -> list[str]:
            if item.kind == "leaf":
                assert item.leaf is not None
                st = statuses.get(item.code)
                core = st.status if st else "not_started"
                problems = st.problems if st else ()
                shown = display_status(item.leaf, core, tuple(p.key for p in problems),
                                       state.appraisals.get(item.code, ()))
                tip = text.status_name(shown)
                if problems:
                    tip += "\n" + "\n".join("• " + p.message().split(": ", 1)[-1] for p in problems)
                update(item, shown, totals.leaf_scores.get(item.code), core == "not_applicable", tip)
                return [shown]
            found: list[str] = []
            for child in item.children:
                found.extend(walk(child))
            if item is self._root:
                return found
            if item.code == BONUS:
                score: Decimal | None = totals.bonus
            elif item.code == PENALTY:
                score = totals.penalty
            else:
                node = totals.nodes.get(item.code)
                score = node.score if node else None
            agg = aggregate(found)
            # A criterion whose every item is not applicable is itself "Không áp dụng", never "0 / 2".
            all_na = bool(found) and all(st == "not_applicable" for st in found)
            update(item, agg, score, all_na, text.status_name(agg))
            return found

        walk(self._root)
        for item in changed:
            self.dataChanged.emit(self.createIndex(item.row, 0, item), self.createIndex(item.row, len(Col) - 1, item))

    def retranslate(self) -> None:
        """Language switched: every text may read differently (same rows, so dataChanged, not a layout change)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)

        def walk(item: _Item) -> None:
            if item.children:
                first, last = item.children[0], item.children[-1]
                self.dataChanged.emit(self.createIndex(first.row, 0, first),
                                      self.createIndex(last.row, len(Col) - 1, last))
                for child in item.children:
                    walk(child)
        walk(self._root)


def aggregate(statuses: list[str]) -> str:
    """A node's icon from its leaves' icons."""
    if not statuses:
        return "not_started"
    if any(s in ("problem", "requested") for s in statuses):
        return "problem"
    if all(s in DONE_STATES for s in statuses):
        return "complete"
    if all(s == "not_started" for s in statuses):
        return "not_started"
    return "in_progress"


class TreeFilterProxy(QSortFilterProxyModel):
    """Finds codes and title words, with or without Vietnamese diacritics ("thu tuc" finds "thủ tục")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self._tokens: list[str] = []

    def set_search(self, needle: str) -> None:
        self.beginFilterChange()
        self._tokens = fold(needle).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._tokens:
            return True
        idx = self.sourceModel().index(source_row, 0, source_parent)
        hay = idx.data(SearchRole) or ""
        return all(tok in hay for tok in self._tokens)
