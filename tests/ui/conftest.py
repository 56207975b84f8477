"""Fixtures for the window's tests: offscreen Qt, a temporary workspace, a context, a window."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from pathlib import Path

import pytest
from uitools import wait_idle

import parDesk.ui  # noqa: F401 - applies the binding work-around before any signal

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "resources" / "frameworks" / "tiny-test.json"
SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("PARDESK_WORKSPACE", raising=False)
    yield


@pytest.fixture(scope="session")
def themed_app(qapp):
    from parDesk.ui.theme import apply_theme

    apply_theme(qapp)
    return qapp


@pytest.fixture
def language(themed_app):
    from parDesk.ui.language import LanguageManager

    lm = LanguageManager()
    lm.set_language("vi")
    yield lm
    lm.clear()
    from parDesk.i18n import set_language

    set_language("vi")


@pytest.fixture
def unit():
    from parDesk.workspace import UnitInfo

    return UnitInfo(admin_code="12345", name="Ủy ban nhân dân xã Tân Lập", province="Tỉnh Mẫu",
                    leader_name="Nguyễn Văn An", place="Tân Lập")


@pytest.fixture
def ws_folder(tmp_path, unit):
    from parDesk.workspace import Workspace

    folder = tmp_path / "ws"
    Workspace.create(folder, unit, TINY).close()
    return folder


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(ws_folder, language, settings, tmp_path):
    from parDesk.ui.context import AppContext
    from parDesk.ui.features import Features
    from parDesk.ui.settings import Preferences

    prefs = Preferences(path=tmp_path / "ui.json")
    context = AppContext.open(ws_folder, language=language, prefs=prefs, settings=settings,
                              features=Features.none())
    yield context
    context.runner.shutdown()
    context.workspace.close()


@pytest.fixture
def window(ctx, qtbot):
    from parDesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    yield win
    wait_idle(qtbot, ctx)


@pytest.fixture
def idle(qtbot, ctx):
    return lambda: wait_idle(qtbot, ctx)
