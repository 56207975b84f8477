"""The model-based window test's set-up: a unit key made once, and a fresh window per example.

Kept beside ``test_window_model.py`` so the test module holds the machine (its moves and its one invariant).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from uitools import wait_idle


def identity_template(tmp_path_factory: Any, passphrase: str) -> Path:
    """One unit key, made once (key generation is slow) and copied into each example's workspace."""
    from parDesk.identity import IdentityStore, UnitSubject

    folder = tmp_path_factory.mktemp("identity") / "identity"
    IdentityStore(folder).create(UnitSubject("Ủy ban nhân dân xã Tân Lập", "12345", "Tỉnh Mẫu"), passphrase)
    return folder


def machine_factory(machine_cls: Any, qtbot: Any, language: Any, unit: Any, tmp_path: Path, identity_template: Path,
                    monkeypatch: Any) -> Any:
    """``factory(framework)`` -> ``machine_cls``, set to open a fresh window (and workspace) per example."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from parDesk.package import submission
    from parDesk.ui.context import AppContext
    from parDesk.ui.features import Features
    from parDesk.ui.main_window import MainWindow
    from parDesk.ui.settings import Preferences
    from parDesk.ui.widgets import leaf_panel
    from parDesk.workspace import Workspace

    def no_modal(*args: Any, **kwargs: Any) -> Any:  # a modal box would stop the run: say what it said
        raise AssertionError("unexpected message box: " + " | ".join(str(a) for a in args[1:]))

    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(no_modal))
    monkeypatch.setattr(submission, "REPORT_HOOKS", [])  # the printed forms are tested elsewhere; slow here
    monkeypatch.setattr(leaf_panel, "EXPLANATION_DELAY_MS", 600_000)  # only real events save, not the clock
    counter = iter(range(10_000))

    def factory(framework: Path):
        def make():
            n = next(counter)
            folder = tmp_path / f"ws{n}"
            Workspace.create(folder, unit, framework).close()
            with Workspace(folder) as ws:
                shutil.copytree(identity_template, ws.identity_dir)
            prefs = Preferences(path=tmp_path / f"ui{n}.json")
            language.set_language("vi")
            ctx = AppContext.open(folder, language=language, prefs=prefs,
                                  settings=QSettings(str(tmp_path / f"w{n}.ini"), QSettings.Format.IniFormat),
                                  features=Features.detect())
            win = MainWindow(ctx)  # not qtbot.addWidget: the machine's teardown closes and deletes it
            win.show()
            win.activateWindow()
            ctx.refresh()
            wait_idle(qtbot, ctx)
            files = tmp_path / f"files{n}"
            files.mkdir()
            return win, ctx, files

        machine_cls.qtbot = qtbot
        machine_cls.make_window = staticmethod(make)
        return machine_cls

    return factory
