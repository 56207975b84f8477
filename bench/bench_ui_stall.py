"""The window never freezes: the event loop's longest stall while a 1 GB package builds.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui_stall.py [--files 500] [--size-mb 2]

A workspace with the full sample framework and 1 GB of evidence (500 × 2 MB,
incompressible) is opened in the real main window. The package is then built
as the Submit screen builds it (``build_submission`` on the window's slow
pool, progress delivered to the GUI thread; the assessment is unfinished, so
blocking problems are allowed), while a 1 ms timer
on the GUI thread records the gaps between its ticks. Reported: the longest
gap and the 99th percentile during the build, against the same timer on an
idle window (the reference). Target: longest stall under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASS = "mật khẩu đo thử 2025"


def build_workspace(tmp: Path, files: int, size_mb: int) -> Path:
    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.resources import framework_path
    from parDesk.workspace import UnitInfo, Workspace

    ws = Workspace.create(tmp / "ws", UnitInfo("10105", "Ủy ban nhân dân xã Tân Lập", "Tỉnh Mẫu"),
                          framework_path("sample-xa-2025.json"))
    src = tmp / "src"
    src.mkdir()
    codes = [leaf.code for leaf in ws.framework.leaves() if leaf.self_scored]
    items = []
    for i in range(files):
        p = src / f"Hồ sơ {i:04d}.pdf"
        p.write_bytes(b"%PDF-1.4\n" + os.urandom(size_mb * 1024 * 1024 - 9))
        items.append((codes[i % len(codes)], p))
    ws.attach_many(items)
    shutil.rmtree(src)
    unit = ws.unit()
    IdentityStore(ws.folder / "identity").create(UnitSubject(unit.name, unit.admin_code, unit.province), PASS)
    ws.close()
    return tmp / "ws"


def measure(app, duration_s: float | None, until=None) -> list[float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    loop = QEventLoop()

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now
        if until is not None and until():
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    if duration_s is not None:
        QTimer.singleShot(int(duration_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return gaps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--size-mb", type=int, default=2)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pardesk-stall-"))
    try:
        folder = build_workspace(tmp, a.files, a.size_mb)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        import parDesk.ui  # noqa: F401 - binding work-arounds first
        from parDesk.package.submission import build_submission
        from parDesk.ui import operations
        from parDesk.ui.context import AppContext
        from parDesk.ui.language import LanguageManager
        from parDesk.ui.main_window import MainWindow
        from parDesk.ui.theme import apply_theme

        app = QApplication([])
        apply_theme(app)
        lang = LanguageManager(app)
        lang.set_language("vi")
        ctx = AppContext.open(folder, language=lang,
                              settings=QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
        win = MainWindow(ctx)
        ctx.refresh()
        win.show()
        app.processEvents()
        idle = measure(app, 3.0)

        done: dict[str, object] = {}
        progress_events = [0]
        started = time.perf_counter()
        def build(h):
            signer = operations.identity_store(ctx.workspace).signer(PASS)
            return build_submission(ctx.workspace, signer, progress=lambda d, t: h.progress(d, t),
                                    cancelled=lambda: h.cancelled, allow_problems=True)

        ctx.runner.slow(build,
                        on_done=lambda r: done.setdefault("result", r),
                        on_error=lambda e: done.setdefault("error", e),
                        on_progress=lambda d, t: progress_events.__setitem__(0, progress_events[0] + 1),
                        label="package")
        busy = measure(app, None, until=lambda: bool(done))
        elapsed = time.perf_counter() - started
        if "error" in done:
            raise SystemExit(f"build failed: {done['error']}")
        rec = done["result"]
        total_mb = a.files * a.size_mb

        def pct(xs: list[float], q: float) -> float:
            return sorted(xs)[int(q * (len(xs) - 1))]

        print(f"[stall] package of {total_mb} MB built in {elapsed:.2f} s on the window's slow pool "
              f"({rec.size / 1e6:.0f} MB file), {progress_events[0]} progress updates shown")
        print(f"[stall] GUI event loop while building: longest gap {max(busy):.1f} ms, "
              f"p99 {pct(busy, 0.99):.1f} ms, median {statistics.median(busy):.2f} ms over {len(busy)} ticks "
              f"(target: longest < 100 ms)")
        print(f"[stall] reference, idle window: longest gap {max(idle):.1f} ms, p99 {pct(idle, 0.99):.1f} ms, "
              f"median {statistics.median(idle):.2f} ms over {len(idle)} ticks")
        ctx.runner.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
