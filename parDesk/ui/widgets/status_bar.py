"""Status bar: transient messages, background progress, the outbox and the last sync.

The connection is not probed in the background: the bar says whether the unit
is registered with the province's server, how many packages wait, "sending
n %" while a sync pass runs, and when the last pass in this session succeeded.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from parDesk.ui.context import AppContext
from parDesk.ui.theme import icon


class StatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.conn_icon = QLabel()
        self.conn_icon.setPixmap(icon("offline").pixmap(14, 14))
        self.conn = QLabel()
        self.last_sync = QLabel()
        self.last_sync.setObjectName("muted")
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.conn_icon)
        self.addPermanentWidget(self.conn)
        self.addPermanentWidget(self.last_sync)
        ctx.runner.progressChanged.connect(self._progress)
        ctx.runner.busyChanged.connect(self._busy)
        self.registered = False
        self.pending = 0
        self.sending: int | None = None
        self.last_sent: str | None = None
        self.retranslate()

    def set_outbox(self, sub: object) -> None:
        items = getattr(sub, "outbox", ())
        self.registered = bool(getattr(sub, "registered", False))
        self.pending = sum(1 for i in items if i.state not in ("accepted", "refused"))
        self.retranslate()

    def mark_sent(self) -> None:
        import datetime as dt

        from parDesk.ui import text

        self.last_sent = text.date(dt.date.today()) + dt.datetime.now().strftime(" %H:%M")
        self.sending = None
        self.retranslate()

    def retranslate(self) -> None:
        if self.sending is not None:
            state = self.tr("Sending %1%").replace("%1", str(self.sending))
        elif not self.registered:
            state = self.tr("Offline: not registered with the province's server")
        else:
            state = self.tr("%n package(s) waiting to be sent", None, self.pending) if self.pending else \
                self.tr("Nothing waiting to be sent")
        self.conn.setText(state)
        self.conn_icon.setPixmap(icon("online" if self.registered else "offline").pixmap(14, 14))
        tip = self.tr("Packages are sent from the Submit screen; they can also travel on a USB stick.")
        for w in (self.conn, self.conn_icon):
            w.setToolTip(tip)
        self.conn.setAccessibleName(state)
        self.last_sync.setText(self.tr("Last sync: %1").replace("%1", self.last_sent) if self.last_sent
                               else self.tr("Last sync: never"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.progress.hide()
            if self.sending is not None:
                self.sending = None
                self.retranslate()

    def _progress(self, label: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setValue(int(1000 * done / max(total, 1)))
        if label == "send":
            self.sending = int(100 * done / max(total, 1))
            self.retranslate()
