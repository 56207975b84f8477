"""Pick the USB token, the certificate that signs, and type the PIN.

Layout here, behaviour through the core (:mod:`parDesk.signing.pkcs11_token`
via :mod:`parDesk.ui.operations`): the token list is read on the slow pool
(a driver may take seconds), the dialog only shows it. The PIN is read from
the field when the dialog is accepted and handed to the signing task; the
dialog keeps no copy. A token whose reader or driver asks for the PIN itself
(protected authentication path) leaves the field off and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui.theme import icon

#: how the dialog reads tokens: (module path, on_done(list[TokenInfo]), on_error(exc)) — the slow pool
Lister = Callable[[str, Callable[[Any], None], Callable[[BaseException], None]], Any]


class TokenDialog(QDialog):
    def __init__(self, lister: Lister, module: str = "", candidates: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign with the USB token"))
        self.setMinimumWidth(620)
        self._lister = lister
        self._tokens: list[Any] = []
        intro = QLabel(self.tr("Plug in the leader's USB token. Pick the token's program file once (the certificate "
                               "provider installed it); parDesk also looks in the usual places."))
        intro.setWordWrap(True)
        self.module = QLineEdit(module or (candidates[0] if candidates else ""))
        browse = QPushButton(icon("folder"), self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.find_btn = QPushButton(icon("sync"), self.tr("Find tokens"))
        self.find_btn.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.module, 1)
        row.addWidget(browse)
        row.addWidget(self.find_btn)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Token / certificate owner"), self.tr("Issuer"), self.tr("Valid"),
                                   self.tr("Signs")])
        self.tree.itemSelectionChanged.connect(self._update)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_note = QLabel()
        self.pin_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Token program (PKCS#11)"), row)
        form.addRow(self.tr("PIN"), self.pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.pin_note)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self._update()
        if self.module.text():
            self.refresh()

    # -- behaviour ---------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Token program"), "",
                                              self.tr("PKCS#11 module (*.dll *.so *.so.* *.dylib);;All files (*)"))
        if path:
            self.module.setText(path)
            self.refresh()

    def refresh(self) -> None:
        self.status.clear()
        self.find_btn.setEnabled(False)
        self.tree.clear()
        self._lister(self.module.text().strip(), self.show_tokens, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.find_btn.setEnabled(True)
        self.status.setText(str(exc))
        self._update()

    def show_tokens(self, tokens: list[Any]) -> None:
        self.find_btn.setEnabled(True)
        self._tokens = list(tokens)
        self.tree.clear()
        first_signing = None
        for tok in self._tokens:
            top = QTreeWidgetItem([f"{tok.label} — {tok.manufacturer} ({tok.model}, {tok.serial})", "", "", ""])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for cert in tok.certificates:
                valid = f"{cert.info.not_before:%d/%m/%Y} – {cert.info.not_after:%d/%m/%Y}"
                signs = self.tr("yes") if cert.can_sign else (str(cert.problem) if cert.problem else self.tr("no key"))
                item = QTreeWidgetItem([cert.info.subject, cert.info.issuer, valid, signs])
                item.setData(0, Qt.ItemDataRole.UserRole, (tok.serial, cert.info.fingerprint_sha256,
                                                           tok.protected_auth_path))
                if not cert.can_sign:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                top.addChild(item)
                if cert.can_sign and first_signing is None:
                    first_signing = item
            top.setExpanded(True)
        if not self._tokens:
            self.status.setText(self.tr("No token found behind this program. Plug the token in and press Find."))
        if first_signing is not None:
            self.tree.setCurrentItem(first_signing)
        self._update()

    def choice(self) -> tuple[str, str, str] | None:
        """(module, token serial, certificate fingerprint) of the selected certificate."""
        items = self.tree.selectedItems()
        data = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        if not data:
            return None
        return self.module.text().strip(), data[0], data[1]

    def protected_path(self) -> bool:
        items = self.tree.selectedItems()
        data = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return bool(data and data[2])

    def take_pin(self) -> str | None:
        """The PIN typed (None: the token asks for it itself); the field is emptied."""
        if self.protected_path():
            return None
        pin = self.pin.text()
        self.pin.clear()
        return pin

    def _update(self) -> None:
        protected = self.protected_path()
        self.pin.setEnabled(not protected)
        self.pin_note.setText(self.tr("This token asks for its PIN in its own window: answer it there.")
                              if protected else self.tr("The PIN is used once for this signature; parDesk never "
                                                        "keeps it. Each wrong PIN counts towards locking the token."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.choice() is not None)
