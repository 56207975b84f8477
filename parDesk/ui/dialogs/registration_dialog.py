"""Register the unit with the province's server: address, published fingerprint, passphrase; then the status.

The same core call as ``pardesk sync register`` (``register_unit``), run on the
slow pool because it talks to the network; "Check the status" is ``pardesk
sync status``. The dialog only checks that the fields are well formed before
calling; the core checks the server's key against the fingerprint and says
what went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui import operations as ops
from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.theme import SPACE_S, icon
from parDesk.ui.workers import TaskHandle
from parDesk.workspace import Workspace

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def normalise_fingerprint(value: str) -> str:
    """"AB:CD …" or "ab cd…" as the province may print it → 64 lowercase hex digits (or what was typed)."""
    return re.sub(r"[\s:.-]", "", value).lower()


class RegistrationDialog(QDialog):
    finished_task = Signal(str)  # "register" / "check" / "read", for tests

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.registration: ops.Registration | None = None
        self._task: TaskHandle | None = None
        self.setMinimumWidth(560)
        self._build()
        self.retranslate()
        self._busy(False)
        self.ctx.read(ops.read_registration, self._first_read, self._failed, label="registration")

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://cchc.tinh.gov.vn")
        self.fingerprint = QLineEdit()
        self.contact = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for lab, field in zip(self.labels, (self.url, self.fingerprint, self.contact, self.passphrase), strict=True):
            lab.setBuddy(field)
            form.addRow(lab, field)
        self.status = QLabel()
        self.status.setObjectName("bigNumber")
        self.status.setWordWrap(True)
        self.status_detail = QLabel()
        self.status_detail.setObjectName("muted")
        self.status_detail.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the server answers in one go: a busy bar, no percentage
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.register_btn = QPushButton(icon("sync"), "")
        self.check_btn = QPushButton(icon("info"), "")
        self.close_btn = QPushButton()
        self.buttons.addButton(self.register_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.check_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_btn, QDialogButtonBox.ButtonRole.RejectRole)
        self.register_btn.setDefault(True)
        self.register_btn.clicked.connect(self.register)
        self.check_btn.clicked.connect(self.check)
        self.close_btn.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.status_detail)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register with the province's server"))
        self.intro.setText(self.tr("Registering lets parDesk send the signed packages over the network and bring "
                                   "back receipts and appraisal results. Type the server address and the server "
                                   "key fingerprint exactly as the province published them; the leader's passphrase "
                                   "signs the request once. The province then approves the registration."))
        self.labels[0].setText(self.tr("Server &address:"))
        self.labels[1].setText(self.tr("Server key &fingerprint:"))
        self.labels[2].setText(self.tr("&Contact (phone or e-mail):"))
        self.labels[3].setText(self.tr("Signing &passphrase:"))
        self.fingerprint.setPlaceholderText(self.tr("64 letters and digits, from the province's letter"))
        for lab, field in zip(self.labels, (self.url, self.fingerprint, self.contact, self.passphrase), strict=True):
            field.setAccessibleName(lab.text().replace("&", "").rstrip(":"))
        self.register_btn.setText(self.tr("&Register"))
        self.check_btn.setText(self.tr("Check the &status"))
        self.close_btn.setText(self.tr("Close"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state -----------------------------------------------------------------
    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        registered = bool(self.registration and self.registration.status)
        self.register_btn.setEnabled(not on)
        self.check_btn.setEnabled(not on and registered)
        for w in (self.url, self.fingerprint, self.contact, self.passphrase):
            w.setReadOnly(on)

    def _show_registration(self, reg: ops.Registration) -> None:
        self.registration = reg
        if reg.server_url and not self.url.text():
            self.url.setText(reg.server_url)
        if reg.fingerprint and not self.fingerprint.text():
            self.fingerprint.setText(reg.fingerprint)
        self._show_status()
        self._busy(self._task is not None)

    def _first_read(self, reg: ops.Registration) -> None:
        self._show_registration(reg)
        self.finished_task.emit("read")

    def _show_status(self) -> None:
        reg = self.registration
        if reg is None or not reg.status:
            self.status.setText(self.tr("Not registered yet"))
            self.status_detail.setText(self.tr("Until then, packages can travel to the province on a USB stick."))
        elif reg.status == "approved":
            self.status.setText(self.tr("Registered: the province approved this unit"))
            self.status_detail.setText(self.tr("Packages are sent from the Submit tab."))
        elif reg.status == "pending":
            self.status.setText(self.tr("Registration sent: waiting for the province's approval"))
            self.status_detail.setText(self.tr("Request number %1. Ask the province to approve it, then press "
                                               "“Check the status”.").replace("%1", reg.registration_id or "—"))
        else:
            self.status.setText(self.tr("Registration: %1").replace("%1", reg.status))
            self.status_detail.setText("")
        if reg is not None and reg.fingerprint:
            self.status_detail.setText((self.status_detail.text() + " " + self.tr("Server key: %1…")
                                        .replace("%1", reg.fingerprint[:16])).strip())

    def _failed(self, exc: BaseException) -> None:
        from parDesk.sync.registration import is_offline_error

        self._task = None
        message = text.error_text(exc, with_where=True)
        if is_offline_error(exc):  # the core's words say "will retry": here the officer retries
            message = self.tr("The server could not be reached: %1. Check the address and the network, then press "
                              "“Register” again.").replace("%1", message)
        self.error.setText(message)
        self.error.show()
        self._busy(False)
        self.finished_task.emit("error")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- validation and calls ------------------------------------------------------
    def validate(self) -> str | None:
        """A message for the first field that is not well formed (the core checks the rest)."""
        url = self.url.text().strip()
        parts = urlsplit(url)
        if not url:
            self.url.setFocus()
            return self.tr("Type the server address the province gave you.")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.url.setFocus()
            return self.tr("The server address must start with https:// (for example https://cchc.tinh.gov.vn).")
        fp = normalise_fingerprint(self.fingerprint.text())
        if fp and not _HEX64.match(fp):
            self.fingerprint.setFocus()
            return self.tr("The fingerprint is 64 letters (a–f) and digits; check it against the province's letter.")
        if not self.passphrase.text():
            self.passphrase.setFocus()
            return self.tr("Enter the signing key's passphrase.")
        return None

    def register(self) -> TaskHandle | None:
        message = self.validate()
        if message is not None:
            self.show_error(message)
            return None
        self.error.hide()
        url = self.url.text().strip().rstrip("/")
        fp = normalise_fingerprint(self.fingerprint.text()) or None
        contact, passphrase = self.contact.text().strip(), self.passphrase.text()
        self.passphrase.clear()
        return self._start("register", lambda ws, _h: ops.register_with_server(ws, url, passphrase, fp, contact))

    def check(self) -> TaskHandle:
        self.error.hide()
        return self._start("check", lambda ws, _h: ops.check_registration(ws))

    def _start(self, name: str, work: Callable[[Workspace, TaskHandle], ops.Registration]) -> TaskHandle:
        def done(reg: ops.Registration) -> None:
            self._task = None
            self._show_registration(reg)
            self.finished_task.emit(name)

        self._task = self.ctx.slow(work, done, self._failed, label=name)
        self._busy(True)
        return self._task

    def reject(self) -> None:
        if self._task is not None:  # the request is already on the wire; let it finish, then close
            return
        super().reject()
