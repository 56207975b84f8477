"""The one adapter from the core's :class:`~parDesk.workspace.Change` to Qt signals.

A service call returns a ``Change``; the database worker also reads the fresh
summary (totals, statuses, losing points) and the appraisals in the same
task, and the hub announces all of it on the GUI thread. Views connect to the
signals they care about and decide themselves what to redraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from parDesk.history import Command
from parDesk.workspace import Change, Summary, UnitInfo, Workspace


@dataclass(frozen=True)
class AppraisalRow:
    """A light, immutable copy of one appraisal for the views."""

    code: str
    round: int
    score: Decimal | None
    comment: str
    request_explanation: bool
    received_at: str


@dataclass(frozen=True)
class State:
    """Everything the views show that follows from the answers, read in one go."""

    summary: Summary
    appraisals: dict[str, tuple[AppraisalRow, ...]]
    can_undo: bool
    can_redo: bool
    unit: UnitInfo
    year: int = 0
    version: int = 1
    locked: bool = False
    undo_command: Command | None = None  # named, for the Edit menu ("Hoàn tác: Nhập từ Excel (52 mục)")
    redo_command: Command | None = None

    @property
    def undo_key(self) -> tuple[object, ...]:
        return (self.can_undo, self.can_redo, self.undo_command, self.redo_command)


def read_state(ws: Workspace) -> State:
    """Runs on the database thread."""
    rows = {code: tuple(AppraisalRow(r.code, r.round, Decimal(r.score) if r.score is not None else None,
                                     r.comment, bool(r.request_explanation), r.received_at) for r in items)
            for code, items in ws.appraisals().items()}
    a = ws.assessment()
    return State(ws.summary(), rows, ws.can_undo, ws.can_redo, ws.unit(), a.year, a.version, a.status != "draft",
                 ws.history.next_undo, ws.history.next_redo)


class ChangeHub(QObject):
    changed = Signal(object)  # Change
    stateChanged = Signal(object)  # State
    documentsChanged = Signal()
    unitChanged = Signal()
    undoStateChanged = Signal(bool, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: State | None = None

    @property
    def summary(self) -> Summary | None:
        return self.state.summary if self.state else None

    def publish(self, change: Change, state: State | None = None) -> None:
        """Announce ``change`` (GUI thread); ``state`` when it was re-read."""
        if state is not None:
            previous = self.state
            self.state = state
            self.stateChanged.emit(state)
            if previous is None or previous.undo_key != state.undo_key:
                self.undoStateChanged.emit(state.can_undo, state.can_redo)
        if change.documents:
            self.documentsChanged.emit()
        if change.unit:
            self.unitChanged.emit()
        self.changed.emit(change)


def touches(change: Change) -> bool:
    """Whether ``change`` can alter anything the summary shows."""
    return bool(change.codes or change.totals or change.documents or change.assessment)
