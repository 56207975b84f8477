"""The desktop neither needs nor imports the provincial server (issue 12 §3).

Every desktop module (everything under parDesk/ except parDesk.sync.server) is
imported in a fresh interpreter where the server's libraries and the
POSIX-only ``fcntl`` are made unimportable, as tests/test_qt_free.py does for
PySide6: a Windows commune PC has no fcntl, and a commune PC installs no
fastapi, uvicorn, starlette or psycopg.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys

import os
BLOCKED = set(os.environ["BLOCKED_IMPORTS"].split(","))

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED or name.startswith("parDesk.sync.server"):
            raise ImportError("not on a commune PC: " + name)
        return None

for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]
sys.meta_path.insert(0, Block())
import parDesk
for mod in pkgutil.walk_packages(parDesk.__path__, "parDesk.", onerror=lambda name: None):
    if mod.name.startswith("parDesk.sync.server") or mod.name == "parDesk.__main__":
        continue
    importlib.import_module(mod.name)
    print(mod.name)
"""

SERVER_LIBS = "fastapi,uvicorn,starlette,psycopg,psycopg_binary,httptools,uvloop,tusclient"


def _import_all(blocked: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BLOCKED_IMPORTS": blocked}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.split()


def test_desktop_imports_without_fcntl():
    imported = _import_all("fcntl")
    assert "parDesk.workspace" in imported and "parDesk.sync.worker" in imported and "parDesk.ui.shell" in imported \
        and "parDesk.cli" in imported


def test_desktop_imports_without_server_libraries():
    imported = _import_all(SERVER_LIBS)
    assert "parDesk.sync.client" in imported and "parDesk.sync.strict" in imported and "parDesk.app" in imported


def test_server_modules_are_the_only_users_of_server_libraries():
    """A grep, so a new desktop import of fastapi & co. fails here even before it is executed."""
    import re
    from pathlib import Path

    import parDesk

    root = Path(parDesk.__file__).parent
    pattern = re.compile(r"^\s*(from|import)\s+(fastapi|uvicorn|starlette|psycopg|httptools|uvloop|fcntl)\b", re.M)
    offenders = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
                 if not p.relative_to(root).as_posix().startswith("sync/server/")
                 and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
