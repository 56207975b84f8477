"""Submit: the validation report (each blocking problem opens its item), then sign, package, send, print.

Every action is one call into the core run by the context's workers (see
:mod:`parDesk.ui.operations`): creating or importing the signing key,
``build_submission`` with a progress bar and cancel, copying the package for
USB, one sync pass, the PDF forms and the XLSX export, opening a new version.
A feature missing from the core leaves its button disabled with a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from parDesk.ui import operations as ops
from parDesk.ui import printing, text
from parDesk.ui.context import AppContext
from parDesk.ui.dialogs.passphrase_dialog import CREATE, IMPORT, SIGN, PassphraseDialog
from parDesk.ui.models.results import ProbCol, ProblemModel
from parDesk.ui.theme import SPACE_M, SPACE_S, icon
from parDesk.ui.views.losing import JumpTable
from parDesk.ui.views.stale import StaleUntilShown
from parDesk.ui.widgets.tsa_field import TsaField
from parDesk.ui.workers import TaskHandle, is_cancel
from parDesk.workspace import Change

if TYPE_CHECKING:
    from parDesk.sync.worker import SyncReport


def common_name(dn: str) -> str:
    """The CN of a DN written "CN=…, O=…" (as :func:`parDesk.identity.name_text` writes it), else the DN."""
    for part in dn.split(", "):
        label, sep, value = part.partition("=")
        if sep and label.strip().upper() == "CN":
            return value.strip()
    return dn


class SubmitView(StaleUntilShown, QWidget):
    jumpToLeaf = Signal(str)
    finished = Signal(str)  # what just finished ("sign", "usb", "print", ...), for tests and the status bar
    submitStateChanged = Signal(object)  # ops.SubmitState, for the status bar
    sent = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sub: ops.SubmitState | None = None
        self._task: TaskHandle | None = None
        self._printer: Any = None
        self.model = ProblemModel(ctx.workspace.framework, self)
        self._build()
        ctx.hub.stateChanged.connect(self.mark_stale)
        self.retranslate()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.ready = QLabel()
        self.ready.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("muted")
        self.version = QLabel()
        self.version.setObjectName("caption")
        self.table = JumpTable()
        self.table.setModel(self.model)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(ProbCol.CODE, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(ProbCol.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(ProbCol.PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.activatedRow.connect(lambda row: self.jumpToLeaf.emit(self.model.code_at(row)))

        self.identity_box = QGroupBox()
        ib = QHBoxLayout(self.identity_box)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.create_btn = QPushButton(icon("sign"), "")
        self.import_btn = QPushButton(icon("folder"), "")
        self.token_btn = QPushButton(icon("sign"), "")
        self.images_btn = QPushButton(icon("open"), "")
        self.create_btn.clicked.connect(self.ask_create_identity)
        self.import_btn.clicked.connect(self.ask_import_identity)
        self.token_btn.clicked.connect(self.ask_sign_with_token)
        self.images_btn.clicked.connect(self.ask_images)
        self._explain: dict[QPushButton, str] = {}  # one sentence per kind of key, shown as the button's tip
        ib.addWidget(self.identity_label, 1)
        for b in (self.token_btn, self.import_btn, self.create_btn, self.images_btn):
            ib.addWidget(b)

        self.actions_box = QGroupBox()
        grid = QGridLayout(self.actions_box)
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        self.sign_btn = QPushButton(icon("sign"), "")
        self.send_btn = QPushButton(icon("submit"), "")
        self.register_btn = QPushButton(icon("sync"), "")
        self.usb_btn = QPushButton(icon("usb"), "")
        self.paper_btn = QPushButton(icon("print"), "")
        self.print_btn = QPushButton(icon("open"), "")
        self.xlsx_btn = QPushButton(icon("library"), "")
        self.xlsx_in_btn = QPushButton(icon("library"), "")
        self.reopen_btn = QPushButton(icon("edit"), "")
        buttons = (self.sign_btn, self.send_btn, self.register_btn, self.usb_btn, self.paper_btn, self.print_btn,
                   self.xlsx_btn, self.xlsx_in_btn, self.reopen_btn)
        for i, b in enumerate(buttons):
            grid.addWidget(b, i // 3, i % 3)
        row = (len(buttons) + 2) // 3
        self.sign_btn.clicked.connect(self.ask_sign)
        self.send_btn.clicked.connect(self.send)
        self.register_btn.clicked.connect(self.ask_register)
        self.usb_btn.clicked.connect(self.ask_usb)
        self.paper_btn.clicked.connect(self.ask_print_paper)
        self.print_btn.clicked.connect(self.ask_print)
        self.xlsx_btn.clicked.connect(self.ask_xlsx)
        self.xlsx_in_btn.clicked.connect(self.ask_import_xlsx)
        self.reopen_btn.clicked.connect(self.reopen)
        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.cancel_btn = QPushButton()
        self.cancel_btn.clicked.connect(self.cancel)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_btn)
        grid.addLayout(busy, row, 0, 1, 3)
        self.outbox_label = QLabel()
        self.outbox_label.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setOpenExternalLinks(False)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        grid.addWidget(self.outbox_label, row + 1, 0, 1, 3)
        grid.addWidget(self.result, row + 2, 0, 1, 3)
        grid.addWidget(self.error, row + 3, 0, 1, 3)
        self._busy(False)
        self.error.hide()

        # The problem list on top, the key and the actions below in a scroll area, split so that on a
        # 1024×600 screen the list keeps a usable number of rows and every button stays reachable.
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.ready)
        tl.addWidget(self.detail)
        tl.addWidget(self.version)
        tl.addWidget(self.table, 1)
        # Documents the province would send back (intake's quality checks): warned, never blocking.
        self.doc_warnings = QLabel()
        self.doc_warnings.setObjectName("fieldError")
        self.doc_warnings.setWordWrap(True)
        self.doc_warnings.hide()
        tl.addWidget(self.doc_warnings)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.identity_box)
        self.tsa = TsaField(self.ctx)  # the forms' timestamp server (pardesk package tsa)
        bl.addWidget(self.tsa)
        bl.addWidget(self.actions_box)
        bl.addStretch(1)
        self.lower_part = QScrollArea()
        self.lower_part.setWidgetResizable(True)
        self.lower_part.setFrameShape(QFrame.Shape.NoFrame)
        self.lower_part.setWidget(bottom)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.lower_part)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # 3:2 from the start, not by the (scrollable) lower part's hint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.addWidget(self.splitter, 1)

    def retranslate(self) -> None:
        self.identity_box.setTitle(self.tr("Signing key"))
        self.actions_box.setTitle(self.tr("Sign, package and send"))
        self.create_btn.setText(self.tr("&Create a key…"))
        self.import_btn.setText(self.tr("&Import a .p12 file…"))
        self.token_btn.setText(self.tr("Sign with the USB &token…"))
        self.images_btn.setText(self.tr("Signature and seal images…"))
        self._explain = {
            self.token_btn: self.tr("The leader's certificate from the CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…) on "
                                    "a USB token; the key never leaves the token."),
            self.import_btn: self.tr("A certificate the CA issued as a .p12/.pfx file, protected by its password."),
            self.create_btn: self.tr("A key made by parDesk, for a commune without a token; the province "
                                     "registers it."),
            self.images_btn: self.tr("The leader's signature and the seal shown on the signed letter."),
        }
        self.sign_btn.setText(self.tr("Sign and build the package…"))
        self.send_btn.setText(self.tr("Send to the province"))
        self.register_btn.setText(self.tr("Register with the province's server…"))
        self.usb_btn.setText(self.tr("Save a copy for USB…"))
        self.paper_btn.setText(self.tr("&Print the forms…"))
        self.print_btn.setText(self.tr("Save the forms as PDF…"))
        self.xlsx_btn.setText(self.tr("Export to Excel (XLSX)…"))
        self.xlsx_in_btn.setText(self.tr("Import answers from Excel…"))
        self.reopen_btn.setText(self.tr("Open a new version"))
        self.cancel_btn.setText(self.tr("Cancel"))
        self.table.setAccessibleName(self.tr("Blocking problems"))
        self.model.retranslate()
        self._headline()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state -----------------------------------------------------------------
    def refresh(self) -> None:
        state = self.ctx.hub.state
        if state is not None:
            self.model.set_rows(state.summary.problems)
            self._headline()
        self.reload()

    def reload(self) -> None:
        from parDesk.intake.service import evidence_warnings

        lang = self.ctx.lang
        self.tsa.load()
        self.ctx.read(lambda ws: [w.message(lang) for w in evidence_warnings(ws)], self._show_doc_warnings,
                      label="evidence_warnings")
        f = self.ctx.features
        self.ctx.read(lambda ws: ops.read_submit_state(ws, f.identity, f.package, f.sync), self._submit_state,
                      self._show_error, label="submit_state")

    def _show_doc_warnings(self, lines: list[str]) -> None:
        self.doc_warnings.setText(self.tr("Documents the province may send back:") + "\n" +
                                  "\n".join("• " + line for line in lines))
        self.doc_warnings.setVisible(bool(lines))

    def _submit_state(self, sub: ops.SubmitState) -> None:
        self.sub = sub
        self._update()
        self.submitStateChanged.emit(sub)

    def _headline(self) -> None:
        state = self.ctx.hub.state
        if state is None:
            return
        problems = state.summary.problems
        t = state.summary.totals
        score = (text.score_of(t.total, t.max_applicable), text.percent(t.percent))
        if problems:
            self.ready.setObjectName("readyBad")
            items = len({p.where or id(p) for p in problems})  # the list shows one row per item
            self.ready.setText(self.tr("Not ready to submit: %n blocking problem(s)", None, items))
            self.detail.setText(self.tr("Click a problem (or press Enter) to open its item. Self-score: %1, "
                                        "%2.").replace("%1", score[0]).replace("%2", score[1]))
        else:
            self.ready.setObjectName("readyOk")
            self.ready.setText(self.tr("Ready to submit: no blocking problems"))
            self.detail.setText(self.tr("Every item is scored and has evidence or an explanation. Self-score: "
                                        "%1, %2.").replace("%1", score[0]).replace("%2", score[1]))
        if state.locked:  # a signed version was submitted already: it is not "ready to submit", it is view-only
            self.ready.setObjectName("readyOk")
            self.ready.setText(self.tr("Version %1 is signed and locked: it can be viewed only")
                               .replace("%1", str(state.version)))
            self.detail.setText(self.tr("To change anything, open version %1.").replace("%1", str(state.version + 1)))
        self.ready.style().unpolish(self.ready)
        self.ready.style().polish(self.ready)
        self.table.setVisible(bool(problems))
        status = self.tr("signed and locked") if state.locked else self.tr("draft, not yet signed")
        self.version.setText(self.tr("Assessment %1, version %2: %3").replace("%1", str(state.year))
                             .replace("%2", str(state.version)).replace("%3", status))

    def _update(self) -> None:
        """Enable what can be done now; say why the rest cannot."""
        f, sub, state = self.ctx.features, self.sub, self.ctx.hub.state
        busy = self._task is not None
        problems = bool(state and state.summary.problems)
        has_key = bool(sub and sub.identity)
        locked = bool(sub and sub.locked)
        has_pkg = bool(sub and sub.packages)
        pending = bool(sub and any(i.state not in ("accepted", "refused") for i in sub.outbox))
        registered = bool(sub and sub.registered)
        missing = self.tr("Not available: this part of parDesk is missing from this installation.")
        rules: list[tuple[QPushButton, bool, bool, str, str]] = [
            (self.create_btn, f.identity, not busy and not has_key, missing, self.tr("A key exists already.")),
            (self.import_btn, f.identity, not busy, missing, ""),
            (self.token_btn, f.package and f.identity, not busy and not problems and not locked, missing,
             self.tr("Signed already.") if locked else ""),
            (self.images_btn, f.package, not busy, missing, ""),
            (self.sign_btn, f.package and f.identity, not busy and has_key and not problems and not locked, missing,
             self.tr("Signed already.") if locked else self.tr("Create or import the signing key first.")
             if not has_key else self.tr("Solve the blocking problems above first.")),
            (self.send_btn, f.sync, not busy and pending and registered, missing,
             self.tr("Nothing waits to be sent.") if registered or not pending else
             self.tr("Register with the province's server first: press “Register with the province's server…”.")),
            (self.register_btn, f.sync and f.identity, not busy and has_key, missing,
             self.tr("Create or import the signing key first.")),
            (self.usb_btn, f.package, not busy and has_pkg, missing, self.tr("Sign and build the package first.")),
            (self.paper_btn, f.reports and printing.available(), not busy,
             missing if not f.reports else self.tr("Printing needs QtPdf, which is missing from this installation: "
                                                   "save the forms as PDF and print them from your PDF reader."), ""),
            (self.print_btn, f.reports, not busy, missing, ""),
            (self.xlsx_btn, f.reports, not busy, missing, ""),
            (self.xlsx_in_btn, f.reports, not busy and not locked, missing,
             self.tr("The assessment is signed and locked: open a new version first.")),
            (self.reopen_btn, f.package, not busy and locked, missing,
             self.tr("Only a signed assessment needs a new version.")),
        ]
        for button, present, possible, why_missing, why_not in rules:
            button.setEnabled(present and possible)
            button.setToolTip(why_missing if not present else self._explain.get(button, "") if possible else why_not)
        if sub is not None and sub.identity is not None:
            info = sub.identity
            self.identity_label.setText(self.identity_words(info))
            self.identity_label.setToolTip(self.tr("Subject: %1\nIssuer: %2\nFingerprint (SHA-256): %3")
                                           .replace("%1", info.subject).replace("%2", info.issuer)
                                           .replace("%3", info.fingerprint_sha256))
        elif f.identity:
            self.identity_label.setToolTip("")
            self.identity_label.setText(self.tr("No signing key yet. Create one (a certificate request is made for "
                                                "the province) or import the .p12 file from your CA."))
        else:
            self.identity_label.setText(missing)
        lines = []
        for item in (sub.outbox if sub else ()):
            lines.append(self.tr("Package version %1 (%2): %3").replace("%1", str(item.version))
                         .replace("%2", text.size(item.size)).replace("%3", item.label(self.ctx.lang)))
        if f.sync and sub is not None and not sub.registered and lines:
            lines.append(self.tr("Not registered with the province's server yet: carry the package on USB, or "
                                 "press “Register with the province's server…”."))
        self.outbox_label.setText("\n".join(lines))
        self.outbox_label.setVisible(bool(lines))

    def identity_words(self, info: Any) -> str:
        """The signing certificate as a person reads it: whose it is, who issued it, how long it is valid."""
        owner = info.unit_name or common_name(info.subject)
        if info.unit_code:
            owner = self.tr("%1 (code %2)").replace("%1", owner).replace("%2", info.unit_code)
        if info.self_signed:
            issuer = self.tr("issued by the unit itself, until the province's certificate arrives")
        else:
            issuer = self.tr("issued by %1").replace("%1", common_name(info.issuer))
        if info.expires_in_days < 0:
            valid = self.tr("expired on %1").replace("%1", text.date(info.not_after.date()))
        else:
            days = info.expires_in_days
            valid = self.tr("valid from %1 to %2 (%n day(s) left)", None, days).replace(
                "%1", text.date(info.not_before.date())).replace("%2", text.date(info.not_after.date()))
        return self.tr("Signing certificate of %1\n%2; %3").replace("%1", owner).replace("%2", issuer) \
            .replace("%3", valid)

    # -- running operations ------------------------------------------------------
    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_btn.setVisible(on)

    def _show_error(self, exc: BaseException | None) -> None:
        self.error.setVisible(exc is not None)
        self.error.setText(text.error_text(exc, with_where=True) if exc is not None else "")

    def _run(self, name: str, work: Callable[[Any, TaskHandle], Any], done: Callable[[Any], str],
             change: Change | None = None) -> TaskHandle:
        self._show_error(None)
        self.result.clear()
        self.progress.setValue(0)
        self._busy(True)

        def finished(result: Any) -> None:
            self._task = None
            self._busy(False)
            self.result.setText(done(result))
            self.reload()
            self.finished.emit(name)

        def failed(exc: BaseException) -> None:
            self._task = None
            self._busy(False)
            if is_cancel(exc):
                self.result.setText(self.tr("Cancelled; nothing was changed."))
            else:
                self._show_error(exc)
            self.reload()
            self.finished.emit(name)

        self._task = self.ctx.slow(work, finished, failed,
                                   lambda d, t: self.progress.setValue(int(1000 * d / max(t, 1))), label=name,
                                   change=change)
        self._update()
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def ask_create_identity(self) -> None:
        dialog = PassphraseDialog(CREATE, self)
        if dialog.exec() == PassphraseDialog.DialogCode.Accepted:
            self.create_identity(dialog.passphrase())

    def _check_key_passphrase(self, dialog: PassphraseDialog) -> None:
        """Inside the dialog, before it closes: does this passphrase unlock the key? (raises if not)"""
        self.ctx.workspace.identity.load_key(dialog.passphrase())

    def _check_p12(self, dialog: PassphraseDialog) -> None:
        """Inside the dialog: does the file password open the .p12? (raises the core's message if not)"""
        from parDesk.identity import load_pkcs12

        load_pkcs12(Path(dialog.p12.text()).read_bytes(), dialog.p12_password.text())

    def create_identity(self, passphrase: str) -> TaskHandle:
        return self._run("identity", lambda ws, _h: ops.create_identity(ws, passphrase),
                         lambda info: self.tr("Key created: %1").replace("%1", info.unit_name or info.subject))

    def ask_import_identity(self) -> None:
        dialog = PassphraseDialog(IMPORT, self, check=self._check_p12)
        if dialog.exec() == PassphraseDialog.DialogCode.Accepted:
            self.import_identity(Path(dialog.p12.text()), dialog.p12_password.text(), dialog.passphrase())

    def import_identity(self, p12: Path, password: str, passphrase: str) -> TaskHandle:
        return self._run("identity", lambda ws, _h: ops.import_identity(ws, p12, password, passphrase),
                         lambda info: self.tr("Certificate imported: %1").replace("%1", info.unit_name or info.subject))

    def _list_tokens(self, module: str, done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> Any:
        return self.ctx.slow(lambda _ws, _h: ops.find_tokens(module), done, failed, label="tokens")

    def ask_sign_with_token(self) -> None:
        from parDesk.signing.pkcs11_token import candidate_modules, remembered_choice
        from parDesk.ui.dialogs.token_dialog import TokenDialog

        ws = self.ctx.workspace
        module = remembered_choice(ws.identity_dir)["module"]
        dialog = TokenDialog(self._list_tokens, module, [str(p) for p in candidate_modules(module or None)], self)
        choice = dialog.choice() if dialog.exec() == TokenDialog.DialogCode.Accepted else None
        if choice is not None:
            module, serial, fingerprint = choice
            self.sign_with_token(module, serial, fingerprint, dialog.take_pin())

    def sign_with_token(self, module: str, serial: str, fingerprint: str, pin: str | None) -> TaskHandle:
        """Signing on the slow pool: a driver's own PIN window blocks that thread, never this one."""
        return self._run("sign", lambda ws, h: ops.sign_with_token(ws, module, serial, fingerprint, pin, h),
                         lambda rec: self.tr("Signed on the token and packaged: %1 (%2). The assessment is locked.")
                         .replace("%1", rec.path.name).replace("%2", text.size(rec.size)),
                         change=Change(assessment=True, totals=True))

    def ask_images(self) -> None:
        from parDesk.package.signed_forms import SignatureImages
        from parDesk.ui.dialogs.images_dialog import SignatureImagesDialog

        current = SignatureImages(self.ctx.workspace.identity_dir).load()
        dialog = SignatureImagesDialog(current.leader_signature, current.seal, current.seal_mm, self)
        if dialog.exec() == SignatureImagesDialog.DialogCode.Accepted:
            self.save_images(dialog.leader_path, dialog.seal_path, dialog.seal_mm.value())

    def save_images(self, leader: Path | None, seal: Path | None, seal_mm: float) -> TaskHandle:
        return self._run("images", lambda ws, _h: ops.save_signature_images(ws, leader, seal, seal_mm),
                         lambda _r: self.tr("Signature and seal images saved; the next signed forms show them."))

    def ask_sign(self) -> None:
        dialog = PassphraseDialog(SIGN, self, check=self._check_key_passphrase)
        if dialog.exec() == PassphraseDialog.DialogCode.Accepted:
            self.sign(dialog.passphrase())

    def sign(self, passphrase: str) -> TaskHandle:
        return self._run("sign", lambda ws, h: ops.sign_and_package(ws, passphrase, h),
                         lambda rec: self.tr("Signed and packaged: %1 (%2). The assessment is locked.")
                         .replace("%1", rec.path.name).replace("%2", text.size(rec.size)),
                         change=Change(assessment=True, totals=True))

    def ask_register(self) -> None:
        from parDesk.ui.dialogs.registration_dialog import RegistrationDialog

        dialog = RegistrationDialog(self.ctx, self)
        dialog.finished_task.connect(lambda _name: self.reload())
        dialog.exec()

    def ask_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick or folder"))
        if folder:
            self.copy_for_usb(Path(folder))

    def copy_for_usb(self, folder: Path) -> TaskHandle | None:
        if not self.sub or not self.sub.packages:
            return None
        package = self.sub.packages[-1]
        return self._run("usb", lambda _ws, h: ops.copy_for_usb(package, folder, h),
                         lambda dest: self.tr("Copied to %1").replace("%1", str(dest)))

    def send(self) -> TaskHandle:
        def done(report: SyncReport) -> str:
            self.sent.emit()
            return self.tr("Sent: %n package(s) accepted.", None, len(report.accepted))

        return self._run("send", lambda ws, h: ops.send_now(ws, h), done, change=Change(totals=True, assessment=True))

    def ask_print(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the PDF forms"))
        if folder:
            self.print_forms(Path(folder), open_after=True)

    def print_forms(self, folder: Path, open_after: bool = False) -> TaskHandle:
        lang = self.ctx.lang

        def done(paths: list[Path]) -> str:
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            return self.tr("Forms saved: %1").replace("%1", ", ".join(p.name for p in paths))

        return self._run("print", lambda ws, h: ops.print_forms(ws, folder, lang, h), done)

    def ask_print_paper(self) -> None:
        """Qt's print dialog first (printer, pages, copies), then the forms rendered and printed off the GUI thread."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("PAR Index forms"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the forms"))
        dialog.setMinMax(1, 999)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_paper(printer)

    def print_paper(self, printer: Any) -> TaskHandle:
        lang = self.ctx.lang
        self._printer = printer  # alive until the job ends

        def done(pages: int) -> str:
            self._printer = None
            return self.tr("Sent %n page(s) to the printer.", None, pages)

        return self._run("paper", lambda ws, h: printing.render_and_print(ws, lang, printer, h), done)

    def ask_xlsx(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), "", self.tr("Excel (*.xlsx)"))
        if name:
            self.export_xlsx(Path(name if name.endswith(".xlsx") else name + ".xlsx"))

    def export_xlsx(self, path: Path) -> TaskHandle:
        lang = self.ctx.lang
        return self._run("xlsx", lambda ws, h: ops.export_spreadsheet(ws, path, lang, h),
                         lambda p: self.tr("Exported: %1").replace("%1", str(p)))

    def ask_import_xlsx(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import answers from Excel"), "",
                                              self.tr("Excel (*.xlsx)"))
        if name:
            self.import_xlsx(Path(name))

    def import_xlsx(self, path: Path) -> TaskHandle:
        """Check every cell first (dry run); apply all of it only after the officer confirms."""
        self._show_error(None)
        return self.ctx.read(lambda ws: ops.read_spreadsheet(ws, path),
                             lambda result: self._confirm_import(path, *result), self._show_error,
                             label="xlsx_read")

    def _confirm_import(self, path: Path, changes: list[Any], errors: list[Any], lines: list[str]) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Import answers from Excel"))
        if errors:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(self.tr("Nothing was imported: %n cell(s) need fixing in the spreadsheet.", None,
                                len(errors)))
            box.setDetailedText("\n".join(text.error_text(e, with_where=True) for e in errors))
            box.setInformativeText("\n".join(text.error_text(e, with_where=True) for e in errors[:8]))
            self.last_import_errors = errors
            box.exec()
            return
        if not changes:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("The spreadsheet changes nothing."))
            box.exec()
            return
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(self.tr("%n item(s) will change:", None, len(changes)))
        box.setInformativeText("\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))
        box.setDetailedText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        self.ctx.edit(lambda ws: ops.import_spreadsheet(ws, changes, path.name),
                      lambda c: self.result.setText(self.tr("Imported %n item(s) from the spreadsheet.", None,
                                                            len(c.codes))),
                      self._show_error, label="xlsx_import")

    def reopen(self) -> None:
        self._show_error(None)
        self.ctx.edit(ops.open_new_version, lambda _c: self.reload(), self._show_error, label="reopen")
