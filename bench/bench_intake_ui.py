"""The window stays responsive while 300 documents are attached and read.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_intake_ui.py [--docs 300] [--scans 30]

300 Decree 30 documents from the intake corpus (born-digital, with ``--scans``
of them rasterised at 200 dpi so OCR runs too) are dropped on one item of
the real main window, 30 at a time as an officer would select them. Each
batch is copied and indexed on the slow pool, then read by the proposal
panel (text layer or Tesseract) on the slow pool, and its proposals accepted
with the panel's "accept all". A 1 ms timer on the GUI thread records the
gaps between its ticks, against the same timer on the idle window measured
first (the reference). Target: longest stall under 100 ms, as
bench_ui_stall.py measures for packaging.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_ui_stall import measure  # noqa: E402


class StallTracer:
    """Where the GUI thread is while its loop stalls: a side thread samples its Python stack.

    ``tick()`` is called from every timer tick; when none came for
    ``threshold_ms`` the GUI thread's stack is sampled every ``period_ms``.
    A stack that ends in ``exec`` means Qt's own C++ work (layout, painting).
    """

    def __init__(self, threshold_ms: float = 30.0, period_ms: float = 5.0) -> None:
        import collections
        import threading

        self.main = threading.main_thread().ident
        self.last = time.perf_counter()
        self.threshold = threshold_ms / 1000
        self.period = period_ms / 1000
        self.samples: collections.Counter[str] = collections.Counter()
        self.stopped = False
        threading.Thread(target=self._run, daemon=True).start()

    def tick(self) -> None:
        self.last = time.perf_counter()

    def _run(self) -> None:
        import traceback

        while not self.stopped:
            time.sleep(self.period)
            if time.perf_counter() - self.last > self.threshold:
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-14:]
                    self.samples[" <- ".join(f"{f.name}@{Path(f.filename).name}:{f.lineno}"
                                             for f in reversed(stack))] += 1

    def report(self, n: int = 12) -> None:
        self.stopped = True
        print("[intake-ui] where the GUI thread was during stalls (sampled ms, innermost first):")
        for stack, count in self.samples.most_common(n):
            print(f"  {count * self.period * 1000:6.0f} ms  {stack}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--scans", type=int, default=30)
    ap.add_argument("--batch", type=int, default=30)
    ap.add_argument("--trace-stalls", action="store_true", help="sample the GUI thread's stack during stalls")
    ap.add_argument("--no-gc-freeze", action="store_true",
                    help="leave the start-up heap in the cyclic GC's reach (the app freezes it: parDesk.ui.heap)")
    a = ap.parse_args()
    import intake_corpus as corpus

    tmp = Path(tempfile.mkdtemp(prefix="pardesk-intake-ui-"))
    try:
        src = tmp / "docs"
        src.mkdir()
        paths = []
        for i, spec in enumerate(corpus.specs(a.docs, seed=300)):
            p = corpus.render(spec, src / f"{spec.name}.pdf")
            if i < a.scans:
                scan = corpus.rasterise(p, src / f"{spec.name}-scan.pdf", 200, seed=i)
                p.unlink()
                p = scan
            paths.append(p)
        from parDesk.resources import framework_path
        from parDesk.workspace import UnitInfo, Workspace

        Workspace.create(tmp / "ws", UnitInfo("10105", "Ủy ban nhân dân xã Tân Lập", "Tỉnh Mẫu"),
                         framework_path("sample-xa-2025.json")).close()

        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        import parDesk.ui  # noqa: F401 - binding work-arounds first
        from parDesk.ui.context import AppContext
        from parDesk.ui.language import LanguageManager
        from parDesk.ui.main_window import MainWindow
        from parDesk.ui.theme import apply_theme

        app = QApplication([])
        apply_theme(app)
        lang = LanguageManager(app)
        lang.set_language("vi")
        ctx = AppContext.open(tmp / "ws", language=lang,
                              settings=QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
        win = MainWindow(ctx)
        ctx.refresh()
        win.show()
        win.show_leaf("1.1.1")
        app.processEvents()
        import gc

        from parDesk.ui.heap import freeze_startup_heap

        if not a.no_gc_freeze:
            freeze_startup_heap()  # as the app does once its window is open
        full_gcs: list[float] = []  # each generation-2 collection's duration, on whichever thread ran it
        gc_start: dict[int, float] = {}

        import threading  # here, not in the callback: at interpreter exit an import there fails

        def on_gc(phase: str, info: dict) -> None:
            if info["generation"] != 2:
                return
            if phase == "start":
                gc_start[threading.get_ident()] = time.perf_counter()
            elif threading.get_ident() in gc_start:
                full_gcs.append((time.perf_counter() - gc_start.pop(threading.get_ident())) * 1000)

        gc.callbacks.append(on_gc)
        idle = measure(app, 3.0)
        panel = win.leaf.evidence.proposals
        evidence = win.leaf.evidence
        batches = [paths[i:i + a.batch] for i in range(0, len(paths), a.batch)]
        state = {"batch": 0, "phase": "attach", "done": False}
        started = time.perf_counter()
        tracer = StallTracer() if a.trace_stalls else None
        # The GUI thread's own CPU time between ticks: a gap it spent computing is the window's fault; a gap
        # with little CPU is the thread waiting (for a core on this shared machine, or for the GIL).
        marks: list[tuple[float, float]] = []

        def step() -> bool:
            """Drive the officer's work from the timer's loop; True when everything is accepted."""
            if tracer is not None:
                tracer.tick()
            marks.append((time.perf_counter(), time.thread_time()))
            if state["phase"] == "attach":
                if state["batch"] >= len(batches):
                    return True
                if evidence.attach_paths(batches[state["batch"]]) is not None:
                    state["phase"] = "reading"
            elif state["phase"] == "reading":
                if evidence._task is None and panel._task is None and panel.isVisible() and panel.rows:
                    panel.accept_all()
                    state["phase"] = "accepting"
            elif state["phase"] == "accepting" and not panel.isVisible() and ctx.runner.is_idle():
                state["batch"] += 1
                state["phase"] = "attach"
            return False

        busy = measure(app, None, until=step)
        elapsed = time.perf_counter() - started
        docs = ctx.workspace.documents()
        filled = sum(1 for d in docs if d.number or d.issuer)

        def pct(xs: list[float], q: float) -> float:
            return sorted(xs)[int(q * (len(xs) - 1))]

        print(f"[intake-ui] {len(docs)} documents attached, read and accepted in {elapsed:.1f} s "
              f"({a.scans} of them scans read by OCR); {filled} got details from their content")
        print(f"[intake-ui] GUI event loop meanwhile: longest gap {max(busy):.1f} ms, p99 {pct(busy, 0.99):.1f} ms, "
              f"median {statistics.median(busy):.2f} ms over {len(busy)} ticks (target: longest < 100 ms)")
        print(f"[intake-ui] reference, idle window: longest gap {max(idle):.1f} ms, p99 {pct(idle, 0.99):.1f} ms, "
              f"median {statistics.median(idle):.2f} ms")
        spans = [((w1 - w0) * 1000, (c1 - c0) * 1000) for (w0, c0), (w1, c1) in itertools.pairwise(marks)]
        worst = max(spans)
        print(f"[intake-ui] GUI thread's own CPU: longest busy span {max(c for _, c in spans):.1f} ms; the longest "
              f"gap ({worst[0]:.1f} ms) held {worst[1]:.1f} ms of its CPU; gaps over 100 ms: "
              f"{sum(1 for w, _ in spans if w > 100)}, of which over half spent computing: "
              f"{sum(1 for w, c in spans if w > 100 and c > w / 2)}")
        frozen = "not frozen" if a.no_gc_freeze else "frozen"
        gc.callbacks.remove(on_gc)  # nothing to count past the measured work
        print(f"[intake-ui] full (generation-2) collections: {len(full_gcs)}, longest "
              f"{max(full_gcs, default=0):.1f} ms (start-up heap {frozen})")
        if tracer is not None:
            tracer.report()
        ctx.runner.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
