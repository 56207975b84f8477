"""Registering with the province's server from the window: validation, a wrong fingerprint, pending, approved.

Runs against the real server of the sync tests (uvicorn on 127.0.0.1 in a thread), no mocks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uitools import wait_idle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from harness import ServerThread, make_service

PASSPHRASE = "mật khẩu của xã"


@pytest.fixture
def server(tmp_path):
    with ServerThread(make_service(tmp_path)) as srv:
        yield srv


@pytest.fixture
def dialog(ctx, qtbot):
    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.ui.dialogs.registration_dialog import RegistrationDialog
    from parDesk.ui.features import Features

    ctx.features = Features.detect()
    unit = ctx.workspace.unit()
    IdentityStore(ctx.folder / "identity").create(UnitSubject(unit.name, unit.admin_code, unit.province), PASSPHRASE)
    dlg = RegistrationDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    wait_idle(qtbot, ctx)
    return dlg


def fill(qtbot, dlg, url, fingerprint="", passphrase=PASSPHRASE):
    from uitools import type_text

    for field, value in ((dlg.url, url), (dlg.fingerprint, fingerprint), (dlg.passphrase, passphrase)):
        field.clear()
        type_text(field, value)


def test_the_dialog_checks_the_fields_before_calling(dialog, qtbot, ctx):
    assert dialog.status.text() == "Chưa đăng ký"
    assert not dialog.check_btn.isEnabled()
    cases = [("", "", "địa chỉ"), ("cchc.tinh.gov.vn", "", "https://"), ("https://cchc.tinh.gov.vn", "12:ab", "64"),
             ("https://cchc.tinh.gov.vn", "", "cụm mật khẩu")]
    for url, fp, said in cases:
        fill(qtbot, dialog, url, fp, passphrase="" if said == "cụm mật khẩu" else PASSPHRASE)
        qtbot.mouseClick(dialog.register_btn, Qt.MouseButton.LeftButton)
        assert dialog.error.isVisible() and said in dialog.error.text(), (url, fp, dialog.error.text())
        assert ctx.runner.is_idle()  # nothing was sent


def test_register_pending_then_approved_against_a_real_server(dialog, qtbot, ctx, server):
    from parDesk.sync import outbox

    # a wrong fingerprint: the core refuses, nothing is pinned, the message says why
    fill(qtbot, dialog, server.url, "ab" * 32)
    with qtbot.waitSignal(dialog.finished_task, timeout=20_000):
        qtbot.mouseClick(dialog.register_btn, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "dấu vân tay" in dialog.error.text()
    assert outbox.get_state(ctx.workspace, "server_cert") is None
    # the fingerprint as the province printed it: upper case, in pairs
    printed = ":".join(server.service.fingerprint[i:i + 2] for i in range(0, 64, 2)).upper()
    fill(qtbot, dialog, server.url + "/", printed)
    with qtbot.waitSignal(dialog.finished_task, timeout=20_000) as sig:
        qtbot.mouseClick(dialog.register_btn, Qt.MouseButton.LeftButton)
    assert sig.args == ["register"], dialog.error.text()
    assert not dialog.error.isVisible()
    assert dialog.registration.status == "pending" and "chờ tỉnh phê duyệt" in dialog.status.text()
    assert dialog.passphrase.text() == ""  # not kept in the window
    assert dialog.check_btn.isEnabled()
    server.service.registry.approve(ctx.workspace.unit().admin_code, by="test")
    with qtbot.waitSignal(dialog.finished_task, timeout=20_000) as sig:
        qtbot.mouseClick(dialog.check_btn, Qt.MouseButton.LeftButton)
    assert sig.args == ["check"]
    assert dialog.registration.status == "approved" and "phê duyệt" in dialog.status.text()
    assert dialog.registration.fingerprint == server.service.fingerprint


def test_an_unreachable_server_is_said_clearly(dialog, qtbot):
    from harness import free_socket

    sock = free_socket()  # bound, never listening: the connection is refused
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        fill(qtbot, dialog, url)
        with qtbot.waitSignal(dialog.finished_task, timeout=30_000) as sig:
            qtbot.mouseClick(dialog.register_btn, Qt.MouseButton.LeftButton)
    finally:
        sock.close()
    assert sig.args == ["error"]
    assert dialog.error.isVisible() and "kiểm tra địa chỉ và mạng" in dialog.error.text()
    assert dialog.registration.status == ""


def test_submit_view_opens_the_dialog(ctx, qtbot, monkeypatch):
    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.ui.dialogs.registration_dialog import RegistrationDialog
    from parDesk.ui.features import Features
    from parDesk.ui.views.submit import SubmitView

    ctx.features = Features.detect()
    view = SubmitView(ctx)
    qtbot.addWidget(view)
    view.show()
    wait_idle(qtbot, ctx)
    assert not view.register_btn.isEnabled() and view.register_btn.toolTip()  # no key yet
    unit = ctx.workspace.unit()
    IdentityStore(ctx.folder / "identity").create(UnitSubject(unit.name, unit.admin_code, unit.province), PASSPHRASE)
    view.reload()
    wait_idle(qtbot, ctx)
    assert view.register_btn.isEnabled()
    opened = []
    monkeypatch.setattr(RegistrationDialog, "exec", lambda d: opened.append(d.windowTitle()) or 0)
    qtbot.mouseClick(view.register_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert opened == ["Đăng ký với máy chủ của tỉnh"]
