"""The GUI entry point: ``pardesk`` (no subcommand) or ``python -m parDesk.app [folder]``.

Opens the window on the given workspace, else the last one used, else the
default one; when none exists yet it opens the demo workspace with a banner
offering the first-run wizard (``--setup`` runs the wizard straight away).
``--self-check`` opens the window offscreen, prints a line and exits: the
packaged build's smoke test.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="pardesk", description="parDesk window")
    p.add_argument("folder", nargs="?", help="workspace folder")
    p.add_argument("--lang", choices=("vi", "en"), help="interface language (default: last used, else vi)")
    p.add_argument("--setup", action="store_true", help="run the first-run wizard")
    p.add_argument("--demo", action="store_true", help="open the demo workspace")
    p.add_argument("--self-check", action="store_true", help="open the window, report, and exit")
    p.add_argument("--version", action="store_true")
    return p.parse_args([a for a in argv if not a.startswith("--gui")])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    from parDesk import __version__

    if args.version:
        print(f"parDesk {__version__}")
        return 0
    import os

    if args.self_check:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication, QMessageBox

    from parDesk.i18n import ParDeskError
    from parDesk.ui.language import LanguageManager
    from parDesk.ui.settings import Preferences
    from parDesk.ui.shell import Shell, choose_start
    from parDesk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)  # the window needs a QApplication, not a bare QCoreApplication
    app.setApplicationName("parDesk")
    app.setOrganizationName("parDesk")
    app.setApplicationVersion(__version__)
    apply_theme(app)
    prefs = Preferences.load()
    language = LanguageManager(app)
    language.set_language(args.lang or prefs.language)
    shell = Shell(language, prefs)

    folder = None if args.demo else choose_start(Path(args.folder) if args.folder else None, prefs)
    try:
        if args.setup:
            wizard = shell.run_wizard()
            if wizard is None:
                return 0
            shell.open_created(wizard)
        elif folder is not None:
            shell.open_workspace(folder)
        else:  # asked for, or no workspace yet
            shell.open_workspace(_demo_folder(), is_demo=True)
    except ParDeskError as exc:
        QMessageBox.critical(None, "parDesk", exc.message())
        return 2
    if args.self_check:
        window = shell.window
        assert window is not None
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        window.ctx.runner.idle.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        if not window.ctx.runner.is_idle():
            loop.exec()
        state = window.ctx.hub.state
        print(f"parDesk {__version__}: window shown on {window.ctx.folder}; "
              f"{sum(1 for _ in window.ctx.workspace.framework.all_leaves())} items; "
              f"total {state.summary.totals.total if state else '?'}")
        shell.close()
        return 0
    code = app.exec()
    shell.close()
    return code


def _demo_folder() -> Path:
    """The demo workspace, built once (a few seconds) behind a splash message."""
    from PySide6.QtWidgets import QApplication, QSplashScreen

    from parDesk.demo import default_demo_folder, ensure_demo_workspace
    from parDesk.ui.theme import icon
    from parDesk.workspace import DB_NAME

    folder = default_demo_folder()
    if (folder / DB_NAME).is_file():
        return folder
    splash = QSplashScreen(icon("app").pixmap(96, 96))
    splash.showMessage(QApplication.translate("App", "Preparing the sample workspace…"))
    splash.show()
    QApplication.processEvents()
    try:
        return ensure_demo_workspace(folder)
    finally:
        splash.close()


if __name__ == "__main__":
    sys.exit(main())
