"""The binding work-around and the core/UI boundary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_signals_do_not_crash_the_interpreter():
    """PySide6 6.12 on CPython 3.11 drops a reference to True per signal; parDesk.ui guards against it."""
    code = (
        "import parDesk.ui\n"
        "from PySide6.QtCore import QObject, Signal, QAbstractListModel, QModelIndex\n"
        "class O(QObject):\n    s = Signal(int)\n"
        "class M(QAbstractListModel):\n"
        "    def rowCount(self, p=QModelIndex()): return 1\n"
        "    def data(self, i, r=0): return None\n"
        "o = O(); o.s.connect(lambda v: None); m = M(); i = m.index(0)\n"
        "for k in range(20000):\n    o.s.emit(k); i.data(1)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_pyside_is_imported_only_by_the_window():
    offenders = []
    for path in (ROOT / "parDesk").rglob("*.py"):
        rel = path.relative_to(ROOT / "parDesk").as_posix()
        if rel.startswith("ui/") or rel == "app.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(rel)
    assert offenders == []
