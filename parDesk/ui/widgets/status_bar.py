"""Status bar: transient messages, background progress, connection and last sync.

Sync has not landed yet, so the connection shows "offline" with a tooltip
saying sending arrives with the sync feature — a placeholder, not a probe.
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
        self.retranslate()

    def retranslate(self) -> None:
        self.conn.setText(self.tr("Offline"))
        tip = self.tr("Sending to the province arrives with the sync feature; until then parDesk works offline.")
        for w in (self.conn, self.conn_icon):
            w.setToolTip(tip)
        self.conn.setAccessibleName(self.tr("Connection: offline"))
        self.last_sync.setText(self.tr("Last sync: never"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.progress.hide()

    def _progress(self, label: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setValue(int(1000 * done / max(total, 1)))
