"""`pardesk` prints numbers in the language chosen (no private Vietnamese-only formatter), and its
"no Qt on this machine" path catches only a missing PySide6: a broken module of ours fails loudly.

Run as real processes; the broken import is made by a meta-path hook installed before parDesk loads.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from helpers import TINY

import parDesk.cli
import parDesk.cli_base
import parDesk.cli_commands
from parDesk.cli_base import CLI
from parDesk.i18n import t


def run(args, env_extra=None, check=None, code=None):
    env = dict(os.environ)
    env.pop("PARDESK_LANG", None)
    env.pop("PARDESK_WORKSPACE", None)
    env.update(env_extra or {})
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "parDesk", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


@pytest.fixture
def isolated(tmp_path):
    return {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}


@pytest.fixture
def ws(tmp_path, isolated):
    folder = tmp_path / "ws"
    run(["init", "--unit-code", "12345", "--unit-name", "Ủy ban nhân dân xã Tân Lập", "--province", "Tỉnh Mẫu",
         "--framework", str(TINY), "-w", str(folder)], isolated, check=0)
    run(["score", "1.2.2", "1,5", "-w", str(folder)], isolated, check=0)
    return folder


# ---------------------------------------------------------------- numbers follow --lang

@pytest.mark.parametrize(("lang", "value", "text"), [
    ("vi", "1234.5", "1.234,5"), ("en", "1234.5", "1,234.5"), ("vi", "0.25", "0,25"), ("en", "0.25", "0.25"),
    ("vi", "10.00", "10"), ("en", "-2.5", "-2.5"), ("vi", None, "—"), ("en", None, "—"),
])
def test_the_cli_formats_numbers_in_the_chosen_language(lang, value, text):
    cli = CLI(argparse.Namespace(lang=lang, json=False))
    assert cli.num(Decimal(value) if value is not None else None) == text


def test_no_private_vietnamese_formatter_and_no_dead_message_left():
    for module in (parDesk.cli, parDesk.cli_base, parDesk.cli_commands):
        assert not hasattr(module, "vn_number"), module.__name__
    assert t("cli.undo_none") == "cli.undo_none"  # not registered any more


@pytest.mark.parametrize("how", ["option-before", "option-after", "environment"])
def test_lang_en_prints_english_numbers_and_vi_vietnamese(ws, isolated, how):
    def call(lang, *command):
        if how == "environment":
            return run([*command, "-w", str(ws)], isolated | {"PARDESK_LANG": lang}, check=0).stdout
        if how == "option-before":
            return run(["--lang", lang, "-w", str(ws), *command], isolated, check=0).stdout
        return run([*command, "-w", str(ws), "--lang", lang], isolated, check=0).stdout

    en = call("en", "show", "1.2.2")
    vi = call("vi", "show", "1.2.2")
    assert "Score: 1.5" in en and "Score: 1,5" not in en
    assert "Điểm: 1,5" in vi and "Điểm: 1.5" not in vi
    en = call("en", "score", "1.2.2", "0,5")
    vi = call("vi", "score", "1.2.2", "0,5")
    assert "score 0.5" in en and "điểm 0,5" in vi


def test_default_language_is_vietnamese_numbers(ws, isolated):
    out = run(["show", "1.2.2", "-w", str(ws)], isolated, check=0).stdout
    assert "Điểm: 1,5" in out


# ---------------------------------------------------------------- ImportError is not swallowed

HOOK = r"""
import sys

class Break:
    def find_spec(self, name, path=None, target=None):
        if name == {target!r} or name.startswith({target!r} + "."):
            raise {error}({message!r}, name=name)
        return None

sys.meta_path.insert(0, Break())
from parDesk.cli import main
sys.exit(main({argv!r}))
"""


def _hook(target, error, argv=(), message="broken on purpose by the test"):
    return HOOK.format(target=target, error=error, message=message, argv=list(argv))


@pytest.mark.parametrize(("target", "error"), [
    ("parDesk.app", "ImportError"),                 # the window's own module broken (was shown as "no Qt")
    ("parDesk.ui.shell", "ImportError"),            # a broken module of ours
    ("parDesk.ui.shell", "ModuleNotFoundError"),    # a module of ours missing from the build
    ("parDesk.ui.theme", "ImportError"),
    ("parDesk.ui.language", "ModuleNotFoundError"),
])
@pytest.mark.parametrize("argv", [[], ["--gui"]])
def test_a_broken_import_fails_loudly_not_as_no_qt(isolated, target, error, argv):
    proc = run([], isolated | {"QT_QPA_PLATFORM": "offscreen"}, code=_hook(target, error, argv))
    assert proc.returncode != 0
    assert "the window is unavailable" not in proc.stderr
    assert "broken on purpose by the test" in proc.stderr and error in proc.stderr


@pytest.mark.parametrize("target", ["PySide6", "PySide6.QtWidgets"])
def test_missing_pyside6_says_no_window_and_shows_the_demo(isolated, target):
    proc = run([], isolated, code=_hook(target, "ModuleNotFoundError", ["--gui"]))
    assert proc.returncode == 0, proc.stderr
    assert "the window is unavailable" in proc.stderr
    assert "Tổng điểm" in proc.stdout  # the demo workspace's status, in Vietnamese by default


def test_is_missing_qt_names_only_pyside6():
    from parDesk.cli import is_missing_qt

    assert is_missing_qt(ModuleNotFoundError("x", name="PySide6"))
    assert is_missing_qt(ModuleNotFoundError("x", name="PySide6.QtGui"))
    for other in ("PySide6x", "parDesk.ui.shell", "shiboken6", "", None):
        assert not is_missing_qt(ModuleNotFoundError("x", name=other)), other
