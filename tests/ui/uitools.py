"""Small helpers for the window's tests (typing Vietnamese, waiting for the workers)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:
    """Wait until every queued task has been delivered (no sleeping: the runner says when)."""
    if not ctx.runner.is_idle():
        with qtbot.waitSignal(ctx.runner.idle, timeout=timeout):
            pass


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, including Vietnamese letters (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def type_into(qtbot, spin, value: str) -> None:
    """Replace a spin box's text by typing, then press Enter (the box commits on Enter)."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, value)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
