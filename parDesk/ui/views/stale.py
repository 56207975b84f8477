"""Stale until shown: a hidden tab does not redraw on every edit, it catches up when it is shown.

An edit in the leaf panel publishes a new state many times a minute; the
Library, "where we lose points", Submit and After tabs are usually hidden
behind the Self-assessment tab. Redrawing them all each time would make
typing slow on a commune PC, so each view marks itself stale and refreshes
when Qt shows it (and at once if it is on screen). This mixin is that rule in
one place; a view says only *what* its refresh is.

Use it before ``QWidget`` in the bases (``class View(StaleUntilShown, QWidget)``)
so that its ``showEvent`` runs first and then passes the event on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Base = QWidget  # for the type checker: the mixin is only ever mixed into a QWidget
else:
    _Base = object


class StaleUntilShown(_Base):
    """Call :meth:`mark_stale` when what the view shows changed; implement :meth:`refresh`."""

    _stale = True  # a new view has shown nothing yet: its first show refreshes it

    def refresh(self) -> None:
        """Redraw from the current state (the hub's state, a read on the database thread, ...)."""
        raise NotImplementedError

    def mark_stale(self, *_signal_args: object) -> None:
        """What the view shows changed: refresh now if it is on screen, else when it is next shown.

        Connect a signal straight to it (``hub.stateChanged.connect(self.mark_stale)``): a bound method of
        the view is disconnected by Qt when the view is destroyed, which a lambda would not be."""
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    @property
    def stale(self) -> bool:
        return self._stale

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh_now()
        super().showEvent(event)
