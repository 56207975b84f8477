"""Ask for the signing passphrase (once to sign; twice, or with a .p12 file, to create the key).

Everything that can be checked is checked before the dialog closes, and said inside it, next to the
field: an empty or too short passphrase, two that differ, a missing certificate file, a wrong file
password, and (through ``check``) a passphrase that does not unlock the key. The dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parDesk.identity import MIN_PASSPHRASE
from parDesk.ui import text
from parDesk.ui.theme import icon

SIGN, CREATE, IMPORT = "sign", "create", "import"


class PassphraseDialog(QDialog):
    """``check(dialog)`` runs when OK is pressed; it raises the core's error to keep the dialog open."""

    def __init__(self, mode: str, parent: QWidget | None = None,
                 check: Callable[[PassphraseDialog], object] | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.check = check
        self.setMinimumWidth(480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.p12 = QLineEdit()
        self.p12_btn = QPushButton(icon("folder"), "")
        self.p12_btn.clicked.connect(self._browse)
        self.p12_password = QLineEdit()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for w in (self.p12_password, self.first, self.second):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        p12_row = QHBoxLayout()
        p12_row.addWidget(self.p12, 1)
        p12_row.addWidget(self.p12_btn)
        if mode == IMPORT:
            form.addRow(self.labels[0], p12_row)
            form.addRow(self.labels[1], self.p12_password)
        form.addRow(self.labels[2], self.first)
        if mode in (CREATE, IMPORT):
            form.addRow(self.labels[3], self.second)
        for lab, field in zip(self.labels, (self.p12, self.p12_password, self.first, self.second), strict=True):
            lab.setBuddy(field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {SIGN: self.tr("Sign the submission"), CREATE: self.tr("Create the signing key"),
                  IMPORT: self.tr("Import a certificate file")}
        intros = {
            SIGN: self.tr("The leader's passphrase unlocks the key. The assessment is then frozen, signed and "
                          "locked; changes after this go into a new version."),
            CREATE: self.tr("A new key is made on this computer and kept encrypted with this passphrase. Choose "
                            "at least 8 characters and keep it safe: without it the key cannot sign."),
            IMPORT: self.tr("Import the .p12 / .pfx file from your certification authority. Its key is kept "
                            "encrypted on this computer with the passphrase you choose here."),
        }
        self.setWindowTitle(titles[self.mode])
        self.intro.setText(intros[self.mode])
        self.labels[0].setText(self.tr("Certificate &file:"))
        self.labels[1].setText(self.tr("File pass&word:"))
        self.labels[2].setText(self.tr("&Passphrase:"))
        self.labels[3].setText(self.tr("Passphrase &again:"))
        self.p12_btn.setText(self.tr("&Browse…"))
        for lab, field in zip(self.labels, (self.p12, self.p12_password, self.first, self.second), strict=True):
            field.setAccessibleName(lab.text().replace("&", "").rstrip(":"))
        ok_words = {SIGN: self.tr("&Sign"), CREATE: self.tr("&Create"), IMPORT: self.tr("&Import")}
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_words[self.mode])
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the certificate file"), "",
                                              self.tr("Certificates (*.p12 *.pfx);;All files (*)"))
        if name:
            self.p12.setText(name)

    def _accept(self) -> None:
        if not self.first.text():
            self.show_error(self.tr("Enter the passphrase."), self.first)
            return
        if self.mode in (CREATE, IMPORT) and len(self.first.text()) < MIN_PASSPHRASE:
            self.show_error(self.tr("The passphrase is too short: use at least %n character(s).", None,
                                    MIN_PASSPHRASE), self.first)
            return
        if self.mode in (CREATE, IMPORT) and self.first.text() != self.second.text():
            self.show_error(self.tr("The two passphrases differ: type the same passphrase twice."), self.second)
            return
        if self.mode == IMPORT and not Path(self.p12.text()).is_file():
            self.show_error(self.tr("Choose the certificate file (.p12 or .pfx)."), self.p12)
            return
        if self.check is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.check(self)
            except Exception as exc:
                self.show_error(text.error_text(exc, with_where=False),
                                self.p12_password if self.mode == IMPORT and "p12" in getattr(exc, "key", "")
                                else self.first)
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.error.hide()
        self.accept()

    def show_error(self, message: str, field: QLineEdit | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        if field is not None:
            field.setFocus()
            field.selectAll()

    def passphrase(self) -> str:
        return self.first.text()
