"""After submission: the province's appraisal per leaf, and the receipts of the packages sent.

Both models hold light, immutable rows built from values the core already
returned (:class:`~parDesk.ui.changes.AppraisalRow`, the outbox and package
records); nothing here scores or decides. The appraisal rows come ordered the
way the officer needs them: leaves the province asks to explain first, then
the framework's order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from parDesk.models.framework import Framework
from parDesk.ui import text
from parDesk.ui.changes import AppraisalRow
from parDesk.ui.models import ROOT
from parDesk.ui.models.results import CodeRole
from parDesk.ui.theme import COLOR_REQUEST, COLOR_REQUEST_BG, icon

translate = QCoreApplication.translate
RequestRole = Qt.ItemDataRole.UserRole + 2


class AppCol(IntEnum):
    CODE = 0
    TITLE = 1
    SELF = 2
    ROUND1 = 3
    ROUND2 = 4
    COMMENT = 5
    REQUEST = 6


@dataclass(frozen=True)
class AppraisedLeaf:
    """One leaf with results back from the province (every round, every earlier version)."""

    code: str
    title: str
    max: Decimal
    self_score: Decimal | None
    round1: AppraisalRow | None
    round2: AppraisalRow | None
    comment: str
    requested: bool  # the province's latest word on this leaf asks for a supplementary explanation


def appraised_leaves(framework: Framework, appraisals: Mapping[str, Sequence[AppraisalRow]],
                     leaf_scores: Mapping[str, Decimal | None]) -> list[AppraisedLeaf]:
    """Presentation rows: requests first, then the framework's order.

    ``appraisals`` is the core's ``Workspace.appraisals()`` copied by the state
    reader (oldest first): the latest row of each round is that round's result,
    and the latest row overall says whether an explanation is still requested.
    """
    order = {leaf.code: i for i, leaf in enumerate(framework.all_leaves())}
    out: list[AppraisedLeaf] = []
    for code, rows in appraisals.items():
        if not rows or code not in framework:
            continue
        leaf = framework.get(code)
        by_round: dict[int, AppraisalRow] = {}
        for r in rows:
            by_round[r.round] = r
        comment = next((r.comment for r in reversed(rows) if r.comment), "")
        out.append(AppraisedLeaf(code, leaf.title, Decimal(str(leaf.max)), leaf_scores.get(code), by_round.get(1),
                                 by_round.get(2), comment, bool(rows[-1].request_explanation)))
    out.sort(key=lambda a: (not a.requested, order.get(a.code, len(order)), a.code))
    return out


class AppraisalModel(QAbstractTableModel):
    """Appraised leaves: self score beside the province's rounds; requests highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AppraisedLeaf] = []

    def set_rows(self, rows: Sequence[AppraisedLeaf]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def code_at(self, row: int) -> str:
        return self._rows[row].code

    def leaf_at(self, row: int) -> AppraisedLeaf:
        return self._rows[row]

    def requests(self) -> int:
        return sum(1 for r in self._rows if r.requested)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(AppCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {AppCol.CODE: translate("AppraisalModel", "Code"),
                AppCol.TITLE: translate("AppraisalModel", "Item"),
                AppCol.SELF: translate("AppraisalModel", "Self score"),
                AppCol.ROUND1: translate("AppraisalModel", "Round 1"),
                AppCol.ROUND2: translate("AppraisalModel", "Round 2"),
                AppCol.COMMENT: translate("AppraisalModel", "Appraiser's comment"),
                AppCol.REQUEST: translate("AppraisalModel", "Supplementary explanation")}[AppCol(section)]

    @staticmethod
    def _round(r: AppraisalRow | None) -> str:
        if r is None:
            return ""
        return text.num(r.score) if r.score is not None else translate("AppraisalModel", "no score")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        col = AppCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == AppCol.CODE:
                return a.code
            if col == AppCol.TITLE:
                return a.title
            if col == AppCol.SELF:
                return text.score_of(a.self_score, a.max)
            if col == AppCol.ROUND1:
                return self._round(a.round1)
            if col == AppCol.ROUND2:
                return self._round(a.round2)
            if col == AppCol.COMMENT:
                return a.comment
            return translate("AppraisalModel", "Yes — please explain") if a.requested else ""
        if role == Qt.ItemDataRole.DecorationRole and col == AppCol.CODE:
            return icon("status-requested" if a.requested else "status-appraised")
        if role == Qt.ItemDataRole.BackgroundRole and a.requested:
            return QBrush(QColor(COLOR_REQUEST_BG))
        if role == Qt.ItemDataRole.ForegroundRole and a.requested and col in (AppCol.CODE, AppCol.REQUEST):
            return QBrush(QColor(COLOR_REQUEST))
        if role == Qt.ItemDataRole.FontRole and a.requested and col in (AppCol.CODE, AppCol.REQUEST):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == AppCol.CODE:
                return (translate("AppraisalModel", "The province asks for a supplementary explanation")
                        if a.requested else translate("AppraisalModel", "Appraised"))
            if col in (AppCol.TITLE, AppCol.COMMENT):
                return a.title if col == AppCol.TITLE else a.comment
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (AppCol.SELF, AppCol.ROUND1, AppCol.ROUND2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CodeRole:
            return a.code
        if role == RequestRole:
            return a.requested
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AppCol) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(AppCol) - 1))


class RecCol(IntEnum):
    VERSION = 0
    PACKAGE = 1
    STATE = 2


@dataclass(frozen=True)
class ReceiptRow:
    """One signed package and where it stands with the province."""

    version: int
    sha256: str
    created_at: str
    state: str  # an outbox state, or "local" for a package never queued (carried on USB)
    percent: int = 0
    received_at: str = ""
    receipt_id: str = ""
    reason: str = ""
    name: str = ""  # the package's file name ("10999-2026-v1.zip"), how the officer finds it on the USB stick
    provisional: str = ""  # the signed receipt's "accepted provisionally: revocation unknown" mark, in words


def receipt_rows(packages: Sequence[Any], outbox_items: Sequence[Any]) -> list[ReceiptRow]:
    """Packages (``package.submission.packages``) joined to their outbox entries, newest first."""
    from parDesk.sync.receipts import provisional_text

    by_pkg = {i.package_id: i for i in outbox_items}
    out = []
    for p in packages:
        item = by_pkg.get(p.id)
        name = Path(str(getattr(p, "path", "") or "")).name
        if item is None:
            out.append(ReceiptRow(p.version, p.sha256, p.created_at, "local", name=name))
            continue
        fields: dict[str, Any] = {}
        if item.receipt:
            body = item.receipt.get("receipt") if isinstance(item.receipt, dict) else None
            fields = body if isinstance(body, dict) else {}
        reason = item.refused_reason if item.state == "refused" else item.last_error
        out.append(ReceiptRow(p.version, p.sha256, p.created_at, item.state, item.percent,
                              str(fields.get("received_at", "")), str(fields.get("receipt_id", "")), reason,
                              name, provisional_text(fields) if item.state == "accepted" else ""))
    out.reverse()
    return out


def _when(stamp: str) -> str:
    """An ISO time stamp as the reader writes dates, with the time of day."""
    import datetime as dt

    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{text.date(moment.date())} {moment:%H:%M}"


class ReceiptModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReceiptRow] = []

    def set_rows(self, rows: Sequence[ReceiptRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ReceiptRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(RecCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {RecCol.VERSION: translate("ReceiptModel", "Version"),
                RecCol.PACKAGE: translate("ReceiptModel", "Package"),
                RecCol.STATE: translate("ReceiptModel", "State")}[RecCol(section)]

    @staticmethod
    def state_text(r: ReceiptRow) -> str:
        if r.state == "local":
            return translate("ReceiptModel", "not queued for sending (carry it on USB)")
        if r.state == "waiting":
            return translate("ReceiptModel", "waiting to be sent")
        if r.state == "uploading":
            return translate("ReceiptModel", "uploading %1 %").replace("%1", str(r.percent))
        if r.state == "verifying":
            return translate("ReceiptModel", "the province is verifying")
        if r.state == "accepted":
            if r.received_at:
                done = translate("ReceiptModel", "accepted — receipt of %1").replace("%1", _when(r.received_at))
            else:
                done = translate("ReceiptModel", "accepted")
            return f"{done} — {r.provisional}" if r.provisional else done
        if r.state == "refused":
            return translate("ReceiptModel", "refused: %1").replace("%1", r.reason or "—")
        if r.state == "stopped":
            return translate("ReceiptModel", "stopped: %1").replace("%1", r.reason or "—")
        return r.state

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = RecCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == RecCol.VERSION:
                return str(r.version)
            if col == RecCol.PACKAGE:
                return f"{r.name or r.sha256[:12] + '…'} · {_when(r.created_at)}"
            return self.state_text(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == RecCol.PACKAGE:
                return "SHA-256 " + r.sha256
            if col == RecCol.STATE and r.receipt_id:
                return translate("ReceiptModel", "Receipt number %1").replace("%1", r.receipt_id)
            return self.state_text(r) if col == RecCol.STATE else None
        if role == Qt.ItemDataRole.DecorationRole and col == RecCol.STATE:
            if r.state == "accepted" and r.provisional:
                return icon("warning")
            return icon({"accepted": "status-complete", "refused": "status-problem", "stopped": "warning",
                         "local": "usb", "uploading": "sync", "verifying": "sync"}.get(r.state, "status-in-progress"))
        if role == Qt.ItemDataRole.ForegroundRole and col == RecCol.STATE and r.state in ("refused", "stopped"):
            return QBrush(QColor(COLOR_REQUEST))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == RecCol.VERSION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(RecCol) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(RecCol) - 1))

