"""The timestamp server (TSA) the signed forms use: one field in the Submit tab, beside the signing key.

The same core call as ``pardesk package tsa URL|--clear``
(:func:`parDesk.package.signed_forms.set_tsa_url`): an audited workspace
setting that ``build_submission`` reads, so a package signed in the window
gets PAdES B-T forms when an address is set, B-B when it is empty.

What is shown is what is stored. The address is stored when the officer
presses Enter or leaves the field; a refused address is not stored, the field
shows the stored value again, and the message under it names the field and
the reason (the core's message, in the window's language). *Clear* empties
the setting. Reads and the write run on the window's database thread
(``ctx.read`` / ``ctx.edit``), like every other field edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from parDesk.ui import text
from parDesk.workspace import Change

if TYPE_CHECKING:
    from parDesk.ui.context import AppContext
    from parDesk.workspace import Workspace


class TsaField(QWidget):
    """Label, address, *Clear*, and the refusal under them. ``stored`` is emitted after every change kept."""

    stored = Signal(str)
    refused = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.value = ""  # what the workspace holds, as last read or written
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("https://tsa.example.gov.vn/tsr")
        self.label.setBuddy(self.edit)
        self.clear_btn = QPushButton()
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addWidget(self.clear_btn, 0, 2)
        grid.addWidget(self.error, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.edit.editingFinished.connect(self.commit)  # Enter, or leaving the field
        self.clear_btn.clicked.connect(self.clear)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Timestamp server (TSA):"))
        self.clear_btn.setText(self.tr("Clear"))
        # the explanation is the field's tooltip, not a line of its own: at 1024×600 the problem list above
        # needs the height (tests/ui/test_window_fit.py)
        hint = self.tr("The province's RFC 3161 server: the signed forms then carry its timestamp "
                       "(PAdES B-T). Empty: signed without a timestamp (PAdES B-B).")
        self.edit.setToolTip(hint)
        self.label.setToolTip(hint)
        self.edit.setAccessibleName(self.tr("Timestamp server (TSA)"))
        self.clear_btn.setToolTip(self.tr("Sign the forms without a timestamp server."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, value: str | None) -> None:
        self.value = value or ""
        if not (self.edit.hasFocus() and self.edit.isModified()):  # never overwrite what is being typed
            self.edit.setText(self.value)
            self.edit.setModified(False)

    def load(self) -> None:
        """Show what is stored (read on the database thread, like every other read of the window)."""
        from parDesk.package.signed_forms import tsa_url

        self.ctx.read(tsa_url, self._show, label="tsa_url")

    def commit(self) -> None:
        """Store what was typed, through the core; a refusal shows the stored value again and says why."""
        from parDesk.package.signed_forms import set_tsa_url

        typed = self.edit.text()
        if typed.strip() == self.value:
            self.edit.setText(self.value)
            self.edit.setModified(False)
            return
        kept: list[str | None] = []

        def op(ws: Workspace) -> Change:
            kept.append(set_tsa_url(ws, typed))
            return Change()  # a setting: nothing on screen but this field depends on it

        def done(_change: Change) -> None:
            self.error.hide()
            self.edit.setModified(False)
            self._show(kept[0])
            self.stored.emit(self.value)

        def failed(exc: BaseException) -> None:
            self.edit.setModified(False)
            self.edit.setText(self.value)
            self.error.setText(text.error_text(exc))
            self.error.show()
            self.load()  # the stored value again, as the workspace holds it
            self.refused.emit(self.error.text())

        self.edit.setModified(False)  # the answer replaces it: what the core kept, or the stored value again
        self.ctx.edit(op, done, failed, label="tsa_url")

    def clear(self) -> None:
        self.edit.setText("")
        self.commit()
