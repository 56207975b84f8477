"""`pardesk`'s common options (-w, --lang, --json) work before AND after the subcommand (issue 9, point 12).

Each case is run as a real process, once with the options before the subcommand and once after, and the
two runs must agree; the bug was that options given before the subcommand were silently reset to None.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import TINY


def run(args, env_extra=None, check=None):
    env = dict(os.environ)
    env.pop("PARDESK_WORKSPACE", None)
    env.pop("PARDESK_LANG", None)
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, "-m", "parDesk", *args], check=False, capture_output=True, text=True,
                          env=env, timeout=120)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def _init_args(code="12345"):
    return ["init", "--unit-code", code, "--unit-name", "Ủy ban nhân dân xã Tân Lập", "--province", "Tỉnh Mẫu",
            "--framework", str(TINY)]


@pytest.fixture
def isolated(tmp_path):
    """A private user data folder, so the default workspace / demo never touch the real one."""
    return {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}


@pytest.mark.parametrize("where", ["before", "after"])
def test_init_creates_the_workspace_in_the_w_folder(tmp_path, isolated, where):
    folder = tmp_path / f"ws-{where}"
    args = (["-w", str(folder), *_init_args()] if where == "before" else [*_init_args(), "-w", str(folder)])
    run(args, isolated, check=0)
    from parDesk.workspace import DB_NAME

    assert (folder / DB_NAME).is_file(), list(folder.iterdir()) if folder.exists() else "no folder"
    assert not (tmp_path / "xdg" / "parDesk" / "workspace").exists(), "created in the default folder"


@pytest.fixture
def ws(tmp_path, isolated):
    folder = tmp_path / "ws"
    run([*_init_args(), "-w", str(folder)], isolated, check=0)
    return folder


@pytest.mark.parametrize("command", [["status"], ["validate"], ["framework", "list"], ["evidence", "list"],
                                     ["audit"], ["unit"]])
def test_workspace_before_and_after_the_subcommand_agree(ws, isolated, command):
    before = run(["-w", str(ws), "--json", *command], isolated)
    after = run([*command, "-w", str(ws), "--json"], isolated)
    assert before.returncode in (0, 1), before.stderr
    assert before.returncode == after.returncode
    assert json.loads(before.stdout) == json.loads(after.stdout)


@pytest.mark.parametrize("order", ["lang-first", "w-first", "mixed", "after"])
def test_lang_en_before_the_subcommand_answers_in_english(ws, isolated, order):
    args = {"lang-first": ["--lang", "en", "-w", str(ws), "status"],
            "w-first": ["-w", str(ws), "--lang", "en", "status"],
            "mixed": ["--lang", "en", "status", "-w", str(ws)],
            "after": ["status", "--lang", "en", "-w", str(ws)]}[order]
    out = run(args, isolated, check=0).stdout
    assert "Unit:" in out and "Total:" in out, out
    assert "Đơn vị" not in out


def test_option_after_wins_over_the_same_option_before(ws, isolated, tmp_path):
    out = run(["--lang", "vi", "status", "--lang", "en", "-w", str(ws)], isolated, check=0).stdout
    assert "Unit:" in out


def test_bare_status_after_demo_names_the_demo_folder_and_the_w_option(isolated, tmp_path):
    run(["demo"], isolated, check=0)
    demo = tmp_path / "xdg" / "parDesk" / "demo"
    assert demo.is_dir()
    for lang, word in (("vi", "Chưa có không gian làm việc"), ("en", "No workspace")):
        proc = run(["--lang", lang, "status"], isolated, check=2)
        assert word in proc.stderr
        assert str(demo) in proc.stderr and f"-w {demo}" in proc.stderr, proc.stderr
        # and the hint works as given
        out = run(["-w", str(demo), "--lang", lang, "status"], isolated, check=0).stdout
        assert out.strip()


def test_no_demo_no_hint(isolated):
    proc = run(["status"], isolated, check=2)
    assert "pardesk init" in proc.stderr and "demo" in proc.stderr
    assert "-w" not in proc.stderr


def test_usage_line_advertises_options_before_the_command(isolated):
    out = run(["--help"], isolated, check=0).stdout
    assert "-w WORKSPACE" in out and "COMMAND" in out
