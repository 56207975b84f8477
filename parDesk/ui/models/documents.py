"""Evidence documents as a table: the library and each leaf's own list.

Rows are the core's immutable :class:`~parDesk.workspace.DocumentView`; the
filtering and search happen in the core (``Workspace.documents``), so this
model only shows what it is given, sorted through a proxy.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from parDesk.ui import text
from parDesk.ui.models import ROOT
from parDesk.ui.theme import icon
from parDesk.workspace import DocumentView

translate = QCoreApplication.translate
DocIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class DocCol(IntEnum):
    NAME = 0
    NUMBER = 1
    DATE = 2
    ISSUER = 3
    SUBJECT = 4
    PAGE = 5
    CODES = 6
    SIZE = 7


def header(col: DocCol) -> str:
    return {
        DocCol.NAME: translate("DocumentTableModel", "File"),
        DocCol.NUMBER: translate("DocumentTableModel", "Number"),
        DocCol.DATE: translate("DocumentTableModel", "Date"),
        DocCol.ISSUER: translate("DocumentTableModel", "Issuing body"),
        DocCol.SUBJECT: translate("DocumentTableModel", "Subject"),
        DocCol.PAGE: translate("DocumentTableModel", "Page / section"),
        DocCol.CODES: translate("DocumentTableModel", "Items"),
        DocCol.SIZE: translate("DocumentTableModel", "Size"),
    }[col]


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentView] = []
        self._pages: dict[int, str] = {}
        self._quality: dict[int, list[str]] = {}  # intake's findings, as sentences, per document

    def set_rows(self, rows: Sequence[DocumentView], pages: dict[int, str] | None = None) -> None:
        """``pages``: per-leaf page/section pointers (the link's), shown instead of the document's own."""
        self.beginResetModel()
        self._rows = list(rows)
        self._pages = dict(pages or {})
        self.endResetModel()

    def set_quality(self, quality: dict[int, list[str]]) -> None:
        """What intake found wrong with each file (it does not open, is blank, scanned under 200 dpi …)."""
        self._quality = dict(quality)
        if self._rows:
            self.dataChanged.emit(self.index(0, DocCol.NAME), self.index(len(self._rows) - 1, DocCol.NAME))

    def quality_of(self, doc_id: int) -> list[str]:
        return list(self._quality.get(doc_id, []))

    def page_of(self, doc: DocumentView) -> str:
        return self._pages.get(doc.id, doc.page_ref)

    def row_at(self, row: int) -> DocumentView:
        return self._rows[row]

    def rows(self) -> list[DocumentView]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(DocCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header(DocCol(section))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = DocCol(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = {
                DocCol.NAME: d.original_name,
                DocCol.NUMBER: d.number,
                DocCol.DATE: text.date(d.issued_date),
                DocCol.ISSUER: d.issuer,
                DocCol.SUBJECT: d.subject,
                DocCol.PAGE: self.page_of(d),
                DocCol.CODES: ", ".join(d.codes) if d.codes else (
                    translate("DocumentTableModel", "(not linked)") if role == Qt.ItemDataRole.DisplayRole else ""),
                DocCol.SIZE: text.size(d.size),
            }[col]
            if role == Qt.ItemDataRole.ToolTipRole:
                if col == DocCol.NAME and (d.missing_metadata or self._quality.get(d.id)):
                    lines = list(self._quality.get(d.id, []))
                    if d.missing_metadata:
                        lines.append(translate("DocumentTableModel",
                                               "Number, date, issuing body or subject still missing"))
                    return "\n".join(lines)
                return value or None
            return value
        if role == Qt.ItemDataRole.DecorationRole and col == DocCol.NAME and (d.missing_metadata
                                                                              or self._quality.get(d.id)):
            return icon("warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == DocCol.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DocIdRole:
            return d.id
        if role == SortRole:
            if col == DocCol.SIZE:
                return d.size
            if col == DocCol.DATE:
                return d.issued_date
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DocCol) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(DocCol) - 1))


def sorted_proxy(model: QAbstractTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setSortLocaleAware(True)
    return proxy
