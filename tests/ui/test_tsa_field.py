"""The Submit tab's timestamp server (TSA) field: typed with real keys, stored through the core call the CLI
uses (``pardesk package tsa``), refused addresses never stored, the field always showing what is stored."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uitools import wait_idle

from parDesk.package.signed_forms import TSA_SETTING, tsa_url

GOOD = ["https://tsa.ca.gov.vn/tsr", "http://127.0.0.1:8080/tsa", "https://timestamp.vnpt-ca.vn", "http://[::1]:318/"]
BAD = ["ftp://tsa.example/tsr", "tsa.example.gov.vn/tsr", "http://", "https://host:99999/x", "http://a b/tsr",
       "javascript:alert(1)", "https:///no-host"]


@pytest.fixture()
def field(ctx, qtbot):
    from parDesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    win.tabs.setCurrentIndex(3)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow() or QApplication.activeWindow() is not None, timeout=5_000)
    wait_idle(qtbot, ctx)
    return win.submit.tsa


def _type(qtbot, ctx, field, url: str, *, by: str) -> None:
    """Select all, type ``url`` key by key, then Enter or leave the field."""
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus, timeout=5_000)
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, url)
    if by == "enter":
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    else:  # focus moves on to the next control, as Tab does
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not field.edit.hasFocus(), timeout=5_000)
    wait_idle(qtbot, ctx)


def _cli_shows(ctx) -> str:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run([sys.executable, "-m", "parDesk", "package", "tsa", "--json", "--workspace",
                          str(ctx.workspace.folder)], capture_output=True, text=True, env=env, timeout=120)
    import json
    return json.loads(out.stdout)["tsa_url"]


def test_a_good_address_is_stored_on_enter_and_on_leaving_the_field(field, qtbot, ctx):
    assert field.edit.text() == "" and tsa_url(ctx.workspace) is None
    for i, url in enumerate(GOOD):
        _type(qtbot, ctx, field, url, by="enter" if i % 2 == 0 else "tab")
        assert tsa_url(ctx.workspace) == url, (url, field.error.text())
        assert field.edit.text() == url and not field.error.isVisible()
    # padded with spaces: stored trimmed, shown trimmed
    _type(qtbot, ctx, field, "  https://tsa.ca.gov.vn/tsr  ", by="enter")
    assert tsa_url(ctx.workspace) == field.edit.text() == "https://tsa.ca.gov.vn/tsr"
    # the CLI reads what the window stored (one setting, one core call)
    assert _cli_shows(ctx) == "https://tsa.ca.gov.vn/tsr"
    # audited, like `pardesk package tsa URL`
    assert any(TSA_SETTING in str(e) for e in ctx.workspace.audit(limit=200, all_assessments=True))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_refused_address_is_not_stored_and_the_stored_one_is_shown_again(field, qtbot, ctx, language, lang):
    language.set_language(lang)
    wait_idle(qtbot, ctx)
    _type(qtbot, ctx, field, GOOD[0], by="enter")
    assert tsa_url(ctx.workspace) == GOOD[0]
    for i, bad in enumerate(BAD):
        _type(qtbot, ctx, field, bad, by="enter" if i % 2 else "tab")
        assert tsa_url(ctx.workspace) == GOOD[0], bad  # never stored
        assert field.edit.text() == GOOD[0], bad  # what is shown is what is stored
        assert field.error.isVisible(), bad
        msg = field.error.text()
        if lang == "vi":
            assert "máy chủ dấu thời gian (tsa)" in msg.lower() and "không hợp lệ" in msg and "cần dạng" in msg, msg
        else:
            assert "timestamp server (tsa)" in msg.lower() and "not valid" in msg and "expected" in msg, msg
        assert bad.strip()[:20] in msg, msg  # the refused address, so the officer sees what was wrong
    # a good one afterwards is stored and the refusal goes away
    _type(qtbot, ctx, field, GOOD[1], by="enter")
    assert tsa_url(ctx.workspace) == field.edit.text() == GOOD[1] and not field.error.isVisible()
    # the field's own words are in the window's language
    assert field.label.text() == ("Máy chủ &dấu thời gian (TSA):" if lang == "vi" else "&Timestamp server (TSA):")


def test_clear_empties_the_setting_and_the_forms_go_without_a_timestamp(field, qtbot, ctx):
    _type(qtbot, ctx, field, GOOD[0], by="enter")
    assert tsa_url(ctx.workspace) == GOOD[0]
    qtbot.mouseClick(field.clear_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert tsa_url(ctx.workspace) is None and field.edit.text() == "" and not field.error.isVisible()
    assert _cli_shows(ctx) is None
    # emptying the field by keys is the same as Clear
    _type(qtbot, ctx, field, GOOD[2], by="enter")
    _type(qtbot, ctx, field, "", by="tab")
    assert tsa_url(ctx.workspace) is None and field.edit.text() == ""


def test_a_change_made_elsewhere_shows_when_the_tab_reloads(field, qtbot, ctx):
    """The CLI (or another window) sets it: the field shows the stored value, not a stale one."""
    from parDesk.package.signed_forms import set_tsa_url
    set_tsa_url(ctx.workspace, GOOD[3])
    field.parent().window().submit.reload()
    wait_idle(qtbot, ctx)
    assert field.edit.text() == GOOD[3]
