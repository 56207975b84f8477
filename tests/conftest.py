from __future__ import annotations

import os

import pytest
from helpers import SAMPLE, TINY

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the developer's real data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("PARDESK_WORKSPACE", raising=False)
    from parDesk.i18n import set_language

    set_language("vi")


@pytest.fixture
def unit():
    from parDesk.workspace import UnitInfo

    return UnitInfo(admin_code="12345", name="Ủy ban nhân dân xã Tân Lập", province="Tỉnh Mẫu",
                    leader_name="Nguyễn Văn An", place="Tân Lập")


@pytest.fixture
def tiny_ws(tmp_path, unit):
    from parDesk.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", unit, TINY)
    yield ws
    ws.close()


@pytest.fixture
def sample_ws(tmp_path, unit):
    from parDesk.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", unit, SAMPLE)
    yield ws
    ws.close()
