"""House rule 1: the core never imports Qt. Proven by importing it with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys

import parDesk

SCRIPT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt is not allowed in the core: " + name)
        return None

sys.meta_path.insert(0, BlockQt())
import parDesk
for mod in pkgutil.walk_packages(parDesk.__path__, "parDesk."):
    name = mod.name
    if name.startswith("parDesk.ui") or name in ("parDesk.app", "parDesk.__main__"):
        continue
    importlib.import_module(name)
    print(name)
"""


def test_core_imports_without_qt():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    imported = proc.stdout.split()
    assert "parDesk.workspace" in imported and "parDesk.scoring" in imported and "parDesk.cli" in imported


def test_no_pyside_import_statement_outside_ui():
    import re
    from pathlib import Path

    root = Path(parDesk.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("ui/") or rel in ("app.py", "__main__.py"):
            continue
        if re.search(r"^\s*(from|import)\s+PySide6", path.read_text(encoding="utf-8"), re.M):
            offenders.append(rel)
    assert offenders == []


def test_test_module_basenames_are_unique():
    """pytest imports test modules by basename (no packages under tests/): two equal names break collection."""
    from collections import Counter
    from pathlib import Path

    names = Counter(p.name for p in Path(__file__).resolve().parent.rglob("test_*.py"))
    assert [n for n, c in names.items() if c > 1] == []
