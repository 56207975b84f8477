"""The bar across the top: total, percentage, rating, completeness, days to the deadline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from parDesk.i18n import get_language
from parDesk.ui import text
from parDesk.ui.changes import State
from parDesk.ui.context import AppContext
from parDesk.ui.theme import SPACE_L, SPACE_M, SPACE_XS


class _Figure(QWidget):
    """A caption over a big value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(SPACE_XS // 2)
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.value = QLabel("—")
        self.value.setObjectName("bigNumber")
        col.addWidget(self.caption)
        col.addWidget(self.value)

    def set(self, caption: str, value: str, tip: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.setToolTip(tip)
        self.setAccessibleName(f"{caption}: {value}")


class TotalsBar(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.setObjectName("topBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_M)
        row.setSpacing(SPACE_L + SPACE_M)
        unit_col = QVBoxLayout()
        unit_col.setSpacing(SPACE_XS // 2)
        self.unit = QLabel()
        self.unit.setObjectName("bigNumber")
        self.framework = QLabel()
        self.framework.setObjectName("caption")
        self.framework.setWordWrap(True)  # a long framework title takes two lines on a small screen, never cut
        self.unit.setWordWrap(True)
        unit_col.addWidget(self.unit)
        unit_col.addWidget(self.framework)
        row.addLayout(unit_col, 1)
        self.total = _Figure()
        self.percent = _Figure()
        self.rating = _Figure()
        self.complete = _Figure()
        self.deadline = _Figure()
        for f in (self.total, self.percent, self.rating, self.complete, self.deadline):
            row.addWidget(f, 0, Qt.AlignmentFlag.AlignVCenter)
        ctx.hub.stateChanged.connect(self._state_changed)
        ctx.hub.unitChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _state_changed(self, _state: State) -> None:
        self.refresh()

    def refresh(self) -> None:
        fw = self.ctx.workspace.framework
        state: State | None = self.ctx.hub.state
        self.unit.setText(state.unit.name if state else "")
        self.framework.setText(fw.title)
        self.framework.setToolTip(fw.title)
        if state is None:
            for f, cap in ((self.total, self.tr("Total")), (self.percent, self.tr("Percentage")),
                           (self.rating, self.tr("Rating")), (self.complete, self.tr("Scored"))):
                f.set(cap, "—")
        else:
            t = state.summary.totals
            # "/26" alone looked like a mistake on a 30-point framework: say the scale when they differ.
            caption = (self.tr("Total (scale %1)").replace("%1", text.num(t.max)) if t.max_applicable != t.max
                       else self.tr("Total"))
            self.total.set(caption, text.score_of(t.total, t.max_applicable),
                           self.tr("Points so far out of the unit's own maximum (framework scale %1)")
                           .replace("%1", text.num(t.max)))
            self.percent.set(self.tr("Percentage"), text.percent(t.percent))
            rating = (t.rating if get_language() == "vi" else t.rating_en) or "—"
            self.rating.set(self.tr("Rating"), rating if t.completed else "—",  # nothing scored: no rating yet
                            "" if t.completed else self.tr("No rating until something is scored"))
            self.complete.set(self.tr("Scored"), f"{t.completed}/{t.to_score} ({text.percent(t.completeness)})",
                              self.tr("Items with a self-score, of the items the unit must score"))
        days, words = text.days_left(fw.deadline, self._today)
        self.deadline.set(self.tr("Deadline %1").replace("%1", text.date(fw.deadline)) if fw.deadline
                          else self.tr("Deadline"), words)
        self.deadline.value.setStyleSheet("color: #B71C1C;" if days is not None and days <= 7 else "")
