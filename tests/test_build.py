"""The PyInstaller one-folder build runs: its self-check passes offscreen (window included)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.mark.slow
def test_pyinstaller_build_self_check(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists() and shutil.which("pyinstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    cmd = [str(pyinstaller if pyinstaller.exists() else "pyinstaller"), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT, timeout=900, capture_output=True)
    exe = tmp_path / "dist" / "pardesk" / ("pardesk.exe" if os.name == "nt" else "pardesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=120)
    assert version.returncode == 0 and "pardesk" in version.stdout
    check = subprocess.run([str(exe), "self-check", "--gui"], capture_output=True, text=True, env=env, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "workspace" in check.stdout and "window" in check.stdout
    # the desktop bundle carries no provincial server and none of its libraries (issue 12 §3)
    toc = (tmp_path / "build" / "build" / "PYZ-00.toc").read_text(encoding="utf-8")
    for name in ("parDesk.sync.server", "fastapi", "uvicorn", "starlette", "psycopg", "hypothesis"):
        assert f"'{name}'" not in toc and f"'{name}." not in toc, name
    assert "'parDesk.sync.client'" in toc and "'parDesk.workspace'" in toc
    internal = tmp_path / "dist" / "pardesk" / "_internal"
    assert not any(p.name.startswith(("fastapi", "uvicorn", "starlette", "psycopg")) for p in internal.iterdir())


def test_spec_excludes_the_server():
    """Fast guard without building: the spec filters parDesk.sync.server out and excludes its libraries."""
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'not name.startswith("parDesk.sync.server")' in text
    for name in ("fastapi", "uvicorn", "starlette", "psycopg", "httptools", "uvloop"):
        assert f'"{name}"' in text
