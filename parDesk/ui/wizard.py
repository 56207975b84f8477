"""First run: the unit, the framework, the signing identity, the server; then the workspace is made.

Each page is checked by the core when Next is pressed (``UnitInfo.validated``,
``load_framework``) and its message is shown on the page. Nothing touches the
disk until the last page, where ``Workspace.create`` (all or nothing) makes
the workspace; cancelling at any point leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from parDesk.framework_files import other_province, read_framework_file
from parDesk.i18n import ParDeskError
from parDesk.models.framework import Framework
from parDesk.resources import framework_path
from parDesk.ui import text
from parDesk.ui.language import LanguageManager
from parDesk.ui.theme import icon
from parDesk.workspace import DB_NAME, UnitInfo, Workspace

SAMPLE_FRAMEWORK = "sample-xa-2025.json"
UNIT_FIELDS = ("admin_code", "name", "province", "leader_name", "leader_title", "place", "officer_name")


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setObjectName("fieldError")
    lab.setWordWrap(True)
    lab.hide()
    return lab


class _Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class IntroPage(_Page):
    def __init__(self, language: LanguageManager) -> None:
        super().__init__()
        self.language = language
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.lang_label = QLabel()
        self.lang = QComboBox()
        self.lang.addItem("Tiếng Việt", "vi")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language.lang == "vi" else 1)
        self.lang.currentIndexChanged.connect(lambda _i: self.language.set_language(self.lang.currentData()))
        self.lang_label.setBuddy(self.lang)
        row = QHBoxLayout()
        row.addWidget(self.lang_label)
        row.addWidget(self.lang)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to parDesk"))
        self.setSubTitle(self.tr("Set up your unit's self-assessment in a few steps."))
        self.body.setText(self.tr("parDesk keeps your PAR Index self-assessment, its evidence documents and "
                                  "explanations on this computer, works without internet, and shows at any time "
                                  "your score and where points are being lost.\n\nYou will enter your unit's "
                                  "details, choose the province's framework, and (later) your signing key. "
                                  "Nothing is saved until you press Finish."))
        self.lang_label.setText(self.tr("&Language:"))
        self.lang.setAccessibleName(self.tr("Language"))


class UnitPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in UNIT_FIELDS}
        self.fields["admin_code"].setMaxLength(5)
        self.fields["admin_code"].setInputMask("")
        self.fields["leader_title"].setText("Chủ tịch")
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for name, edit in self.fields.items():
            lab = QLabel()
            lab.setBuddy(edit)
            self.labels[name] = lab
            err = _error_label()
            self.errors[name] = err
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(err)
            form.addRow(lab, box)
            edit.textEdited.connect(lambda _t, n=name: self.errors[n].hide())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your unit"))
        self.setSubTitle(self.tr("As written on your documents. The administrative code has 5 digits."))
        words = {
            "admin_code": (self.tr("Administrative &code:"), self.tr("e.g. 10105")),
            "name": (self.tr("Unit &name:"), self.tr("e.g. Ủy ban nhân dân xã Tân Lập")),
            "province": (self.tr("&Province:"), self.tr("e.g. Tỉnh Phú Thọ")),
            "leader_name": (self.tr("&Leader's name:"), self.tr("who signs the submission")),
            "leader_title": (self.tr("Leader's &title:"), ""),
            "place": (self.tr("Place name for &dates:"), self.tr("e.g. Tân Lập")),
            "officer_name": (self.tr("&Officer in charge:"), self.tr("your name")),
        }
        for name, (label, placeholder) in words.items():
            self.labels[name].setText(label)
            self.fields[name].setPlaceholderText(placeholder)
            self.fields[name].setAccessibleName(label.replace("&", "").rstrip(":"))

    def unit(self) -> UnitInfo:
        return UnitInfo(**{name: edit.text() for name, edit in self.fields.items()})

    def validatePage(self) -> bool:
        for err in self.errors.values():
            err.hide()
        try:
            self.unit().validated()
        except ParDeskError as exc:
            field = exc.where if exc.where in self.errors else "name"
            self.errors[field].setText(text.error_text(exc))
            self.errors[field].show()
            self.fields[field].setFocus()
            return False
        return True


class FrameworkPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.framework: Framework | None = None
        self.sample = QRadioButton()
        self.from_file = QRadioButton()
        self.sample.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.sample)
        self.group.addButton(self.from_file)
        self.path = QLineEdit()
        self.browse = QPushButton(icon("folder"), "")
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.server_note = QLabel()
        self.server_note.setObjectName("hint")
        self.server_note.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #B71C1C;")
        self.errors.hide()
        self.province_warning = QLabel()
        self.province_warning.setObjectName("fieldError")
        self.province_warning.setWordWrap(True)
        self.province_warning.hide()
        self.province_ok = QCheckBox()
        self.province_ok.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.sample)
        layout.addWidget(self.from_file)
        layout.addLayout(row)
        layout.addWidget(self.server_note)
        layout.addWidget(self.info)
        layout.addWidget(self.province_warning)
        layout.addWidget(self.province_ok)
        layout.addWidget(self.errors, 1)
        self.group.buttonToggled.connect(lambda *_: self._mode())
        self.path.textChanged.connect(lambda _t: self._clear())
        self._mode()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The framework"))
        self.setSubTitle(self.tr("The province's PAR Index framework (Bộ Chỉ số) your unit is assessed against."))
        self.sample.setText(self.tr("The &sample framework shipped with parDesk (for learning; not an official "
                                    "document)"))
        self.from_file.setText(self.tr("A framework &file from the province (.json, or the filled .xlsx template)"))
        self.province_ok.setText(self.tr("I have checked: use this framework &anyway"))
        self.browse.setText(self.tr("&Browse…"))
        self.path.setAccessibleName(self.tr("Framework file"))
        self.path.setPlaceholderText(self.tr("Path to the framework file"))
        self.server_note.setText(self.tr("Receiving the framework from the province's server arrives with the "
                                         "sync feature."))
        if self.framework is not None:
            self._show(self.framework)

    def _mode(self) -> None:
        on = self.from_file.isChecked()
        self.path.setEnabled(on)
        self.browse.setEnabled(on)
        self._clear()

    def _clear(self) -> None:
        self.framework = None
        self.errors.hide()
        self.info.clear()
        self.province_warning.hide()
        self.province_ok.hide()
        self.province_ok.setChecked(False)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the framework file"), "",
                                              self.tr("Framework (*.json *.xlsx);;All files (*)"))
        if name:
            self.path.setText(name)

    def chosen_path(self) -> Path:
        return framework_path(SAMPLE_FRAMEWORK) if self.sample.isChecked() else Path(self.path.text().strip())

    def validatePage(self) -> bool:
        anyway = self.province_ok.isChecked()
        self._clear()
        path = self.chosen_path()
        try:
            if not str(path) or str(path) == ".":
                raise ParDeskError("fw.unreadable", where=self.tr("framework file"), reason=self.tr("no file chosen"))
            fw = read_framework_file(path)  # JSON, or the province's filled XLSX template
        except ParDeskError as exc:
            self.errors.setPlainText(text.error_text(exc, with_where=True))
            self.errors.show()
            return False
        self.framework = fw
        self._show(fw)
        warning = self._province_warning(fw)
        if warning is not None:
            self.province_warning.setText(text.error_text(warning))
            self.province_warning.show()
            self.province_ok.show()
            self.province_ok.setChecked(anyway)
            if not anyway:
                self.province_ok.setFocus()
                return False  # said on the page; ticking the box is the officer's informed choice
        return True

    def _province_warning(self, fw: Framework) -> ParDeskError | None:
        wiz = self.wizard()
        unit_province = wiz.unit_page.fields["province"].text() if isinstance(wiz, FirstRunWizard) else ""
        return other_province(fw, unit_province)

    def _show(self, fw: Framework) -> None:
        n = sum(1 for _ in fw.all_leaves())
        self.info.setText(self.tr("%1 (%2), %n item(s), %3; deadline %4.", None, n).replace("%1", fw.title)
                          .replace("%2", str(fw.year)).replace("%3", text.points(fw.scale))
                          .replace("%4", text.date(fw.deadline) if fw.deadline else "—"))


class IdentityPage(_Page):
    """The signing key: generate (passphrase twice) or import a .p12; checked here, made after Finish."""

    def __init__(self) -> None:
        super().__init__()
        self.generate = QRadioButton()
        self.import_p12 = QRadioButton()
        self.later = QRadioButton()
        self.later.setChecked(True)
        self.group = QButtonGroup(self)
        for b in (self.generate, self.import_p12, self.later):
            self.group.addButton(b)
        self.pass1 = QLineEdit()
        self.pass2 = QLineEdit()
        self.p12 = QLineEdit()
        self.p12_password = QLineEdit()
        for p in (self.pass1, self.pass2, self.p12_password):
            p.setEchoMode(QLineEdit.EchoMode.Password)
        self.browse = QPushButton(icon("folder"), "")
        self.browse.clicked.connect(self._browse)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.error = _error_label()
        self.labels = [QLabel() for _ in range(4)]
        p12_row = QHBoxLayout()
        p12_row.addWidget(self.p12, 1)
        p12_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.labels[0], self.pass1)
        form.addRow(self.labels[1], self.pass2)
        form.addRow(self.labels[2], p12_row)
        form.addRow(self.labels[3], self.p12_password)
        for lab, field in zip(self.labels, (self.pass1, self.pass2, self.p12, self.p12_password), strict=True):
            lab.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.generate)
        layout.addWidget(self.import_p12)
        layout.addWidget(self.later)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.group.buttonToggled.connect(lambda *_: self._mode())
        self._mode()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Signing identity"))
        self.setSubTitle(self.tr("The key your leader signs the submission with."))
        self.generate.setText(self.tr("&Generate a new key protected by a passphrase"))
        self.import_p12.setText(self.tr("&Import a certificate file (.p12 / .pfx) from a certification authority"))
        self.later.setText(self.tr("&Later"))
        for lab, words in zip(self.labels, (self.tr("Passphrase:"), self.tr("Passphrase again:"),
                                            self.tr("Certificate file:"), self.tr("File password:")), strict=True):
            lab.setText(words)
        for field, lab in zip((self.pass1, self.pass2, self.p12, self.p12_password), self.labels, strict=True):
            field.setAccessibleName(lab.text().rstrip(":"))
        self.browse.setText(self.tr("&Browse…"))
        self.note.setText(self.tr("The key is made (or imported) right after the workspace, and kept encrypted "
                                  "with the passphrase. You can also do this later on the Submit screen."))

    def _mode(self) -> None:
        self.error.hide()
        gen, imp = self.generate.isChecked(), self.import_p12.isChecked()
        self.pass1.setEnabled(gen or imp)
        self.pass2.setEnabled(gen or imp)
        for w in (self.p12, self.browse, self.p12_password):
            w.setEnabled(imp)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the certificate file"), "",
                                              self.tr("Certificates (*.p12 *.pfx);;All files (*)"))
        if name:
            self.p12.setText(name)

    def request(self) -> tuple[str, ...] | None:
        """What to do once the workspace exists: ("create", pass) / ("import", file, password, pass) / None."""
        if self.generate.isChecked():
            return ("create", self.pass1.text())
        if self.import_p12.isChecked():
            return ("import", self.p12.text(), self.p12_password.text(), self.pass1.text())
        return None

    def validatePage(self) -> bool:
        self.error.hide()
        if self.later.isChecked():
            return True
        try:
            from parDesk.identity import MIN_PASSPHRASE, load_pkcs12

            if len(self.pass1.text()) < MIN_PASSPHRASE:
                raise ParDeskError("identity.passphrase_short", min=MIN_PASSPHRASE)
            if self.pass1.text() != self.pass2.text():
                self.error.setText(self.tr("The two passphrases differ."))
                self.error.show()
                return False
            if self.import_p12.isChecked():
                path = Path(self.p12.text().strip())
                if not path.is_file():
                    self.error.setText(self.tr("Choose the certificate file."))
                    self.error.show()
                    return False
                load_pkcs12(path.read_bytes(), self.p12_password.text())  # a wrong password is refused here
        except ParDeskError as exc:
            self.error.setText(text.error_text(exc))
            self.error.show()
            return False
        return True


class ServerPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.url = QLineEdit()
        self.label = QLabel()
        self.label.setBuddy(self.url)
        self.error = _error_label()
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.label, self.url)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.url.textEdited.connect(lambda _t: self.error.hide())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The province's server (optional)"))
        self.setSubTitle(self.tr("Where submissions are sent. Leave it empty if you do not know it yet."))
        self.label.setText(self.tr("Server &address:"))
        self.url.setPlaceholderText("https://cchc.example.gov.vn")
        self.url.setAccessibleName(self.tr("Server address"))
        self.note.setText(self.tr("You can also carry the package to the province on a USB stick."))

    def value(self) -> str:
        return self.url.text().strip()

    def validatePage(self) -> bool:
        value = self.value()
        if not value:
            return True
        url = QUrl(value, QUrl.ParsingMode.StrictMode)
        if url.isValid() and url.scheme() in ("http", "https") and url.host():
            return True
        self.error.setText(self.tr("Enter an address like https://cchc.example.gov.vn, or leave it empty."))
        self.error.show()
        return False


class FinishPage(_Page):
    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.folder = QLineEdit(str(default_folder))
        self.browse = QPushButton(icon("folder"), "")
        self.browse.clicked.connect(self._browse)
        self.label = QLabel()
        self.label.setBuddy(self.folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = _error_label()
        self.open_after = QCheckBox()
        self.open_after.setChecked(True)
        self.open_after.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.folder.textEdited.connect(lambda _t: self.error.hide())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Press Finish to create the workspace."))
        self.label.setText(self.tr("Keep the data in this &folder:"))
        self.browse.setText(self.tr("&Browse…"))
        self.folder.setAccessibleName(self.tr("Workspace folder"))
        self.initializePage()

    def initializePage(self) -> None:
        wiz = self.wizard()
        if not isinstance(wiz, FirstRunWizard):
            return
        unit = wiz.unit_page.unit()
        fw = wiz.framework_page.framework
        self.summary.setText(self.tr("Unit: %1 (%2), %3\nFramework: %4").replace("%1", unit.name)
                             .replace("%2", unit.admin_code).replace("%3", unit.province)
                             .replace("%4", fw.title if fw else "—"))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the workspace"))
        if folder:
            self.folder.setText(folder)

    def validatePage(self) -> bool:
        wiz = self.wizard()
        assert isinstance(wiz, FirstRunWizard)
        return wiz.create_workspace(Path(self.folder.text().strip()), self.error)


class FirstRunWizard(QWizard):
    def __init__(self, language: LanguageManager, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("app").pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(720, 560)
        self.created: Path | None = None
        self.identity_request: tuple[str, ...] | None = None
        self.intro_page = IntroPage(language)
        self.unit_page = UnitPage()
        self.framework_page = FrameworkPage()
        self.identity_page = IdentityPage()
        self.server_page = ServerPage()
        self.finish_page = FinishPage(default_folder)
        for page in (self.intro_page, self.unit_page, self.framework_page, self.identity_page, self.server_page,
                     self.finish_page):
            self.addPage(page)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up parDesk"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def create_workspace(self, folder: Path, error: QLabel) -> bool:
        """Make the workspace (all or nothing); on failure remove a folder we made and show why."""
        fw = self.framework_page.framework
        if fw is None or not str(folder) or str(folder) == ".":
            error.setText(self.tr("Choose a folder for the workspace."))
            error.show()
            return False
        existed = folder.exists()
        try:
            ws = Workspace.create(folder, self.unit_page.unit(), fw)
        except (ParDeskError, OSError) as exc:
            if not existed and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
            error.setText(text.error_text(exc, with_where=isinstance(exc, ParDeskError)))
            error.show()
            return False
        try:
            if self.server_page.value():
                from parDesk.sync import outbox  # where the sync client looks for it

                outbox.set_state(ws, server_url=self.server_page.value().rstrip("/"))
        finally:
            ws.close()
        self.created = folder
        self.identity_request = self.identity_page.request()
        return True


def workspace_exists(folder: Path) -> bool:
    return (folder / DB_NAME).is_file()


