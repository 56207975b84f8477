"""Which window is open: a workspace's main window, the first-run wizard, or the demo.

The shell owns the language manager and the preferences for the whole run,
opens one :class:`AppContext` per workspace and swaps windows when the officer
creates or opens another workspace.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from parDesk.i18n import ParDeskError
from parDesk.ui import text
from parDesk.ui.context import AppContext
from parDesk.ui.features import Features
from parDesk.ui.heap import freeze_when_settled, thaw_when_destroyed
from parDesk.ui.language import LanguageManager
from parDesk.ui.main_window import MainWindow
from parDesk.ui.settings import Preferences
from parDesk.ui.wizard import FirstRunWizard, workspace_exists
from parDesk.workspace import default_workspace  # one definition for CLI and window, in the core


class Shell(QObject):
    def __init__(self, language: LanguageManager, prefs: Preferences, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.prefs = prefs
        self.settings = settings
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None

    def open_workspace(self, folder: Path, is_demo: bool = False) -> MainWindow:
        ctx = AppContext.open(folder, language=self.language, prefs=self.prefs, settings=self.settings,
                              features=Features.detect(), is_demo=is_demo, parent=self)
        window = MainWindow(ctx)
        window.setupRequested.connect(self.setup)
        window.openRequested.connect(lambda f: self.switch(Path(f)))
        old, self.window, self.ctx = self.window, window, ctx
        if old is not None:
            old.close()
            old.ctx.workspace.close()
            thaw_when_destroyed(old)  # its frozen objects go back to the collector once it is gone
            old.deleteLater()
        if not is_demo:
            self.prefs.last_workspace = str(folder)
            with contextlib.suppress(OSError):  # an unwritable config folder must not stop the window opening
                self.prefs.save()
        ctx.refresh()
        window.show()
        freeze_when_settled(ctx.runner)  # the start-up heap out of the collector's reach (see parDesk.ui.heap)
        return window

    def switch(self, folder: Path) -> None:
        try:
            self.open_workspace(folder)
        except ParDeskError as exc:
            QMessageBox.warning(self.window, "parDesk", text.error_text(exc, with_where=True))

    def run_wizard(self, parent: QWidget | None = None) -> FirstRunWizard | None:
        folder = default_workspace()
        if workspace_exists(folder):
            folder = folder.parent / "workspace-2"
        wizard = FirstRunWizard(self.language, folder, parent)
        if wizard.exec() == FirstRunWizard.DialogCode.Accepted and wizard.created is not None:
            return wizard
        return None

    def setup(self) -> None:
        wizard = self.run_wizard(self.window)
        if wizard is not None:
            self.open_created(wizard)

    def open_created(self, wizard: FirstRunWizard) -> MainWindow:
        """Open the new workspace; make the signing key asked for in the wizard, off the GUI thread."""
        assert wizard.created is not None
        window = self.open_workspace(wizard.created)
        request = wizard.identity_request
        if request is not None:
            window.tabs.setCurrentIndex(3)
            if request[0] == "create":
                window.submit.create_identity(request[1])
            else:
                window.submit.import_identity(Path(request[1]), request[2], request[3])
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.ctx.workspace.close()


def choose_start(explicit: Path | None, prefs: Preferences) -> Path | None:
    """The workspace to open: explicit, the environment's, last used, default; ``None`` means the demo."""
    import os

    for candidate in (explicit, Path(os.environ["PARDESK_WORKSPACE"]) if os.environ.get("PARDESK_WORKSPACE") else None,
                      Path(prefs.last_workspace) if prefs.last_workspace else None, default_workspace()):
        if candidate is not None and workspace_exists(candidate):
            return candidate
        if candidate is explicit and explicit is not None:
            return explicit  # named but not a workspace: opening it reports why
    return None
