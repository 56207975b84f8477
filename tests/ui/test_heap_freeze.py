"""Opening a window moves its start-up heap out of the garbage collector's reach (parDesk.ui.heap).

A full collection walks every object the process holds and holds the GIL while doing so; on the idle window
it was a 64-76 ms pause that found nothing. After the shell opens a window, the heap alive at start-up is
frozen, a full collection is several times cheaper, and a reference cycle made later is still freed.
"""

from __future__ import annotations

import gc
import time
import weakref

import pytest
from uitools import wait_idle


def _full_collection_cpu_s(repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        gc.collect()
        best = min(best, time.process_time() - t0)
    return best


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # leave the rest of the test session as it found it


def test_opening_a_window_freezes_the_start_up_heap(ws_folder, language, settings, tmp_path, qtbot,
                                                    unfrozen) -> None:
    from parDesk.ui.settings import Preferences
    from parDesk.ui.shell import Shell

    before = _full_collection_cpu_s()
    shell = Shell(language, Preferences(path=tmp_path / "ui.json"), settings)
    win = shell.open_workspace(ws_folder)
    try:
        first = gc.get_freeze_count()
        assert first > 10_000  # PySide6's wrappers, the framework, the modules
        wait_idle(qtbot, win.ctx)
        qtbot.wait(50)
        assert gc.get_freeze_count() >= first  # frozen again once the first refresh had landed
        # What the collector still walks is what was made since: a full collection is far cheaper.
        assert len(gc.get_objects()) < first / 4
        after = _full_collection_cpu_s()
        assert after < max(before / 3, 0.002), (before, after)

        # A cycle made while working is still freed.
        class Node:
            other: Node | None = None

        for _ in range(3):  # several shapes: a self-loop, a pair, a ring of ten
            a, b = Node(), Node()
            a.other, b.other = b, a
            ring = [Node() for _ in range(10)]
            for x, y in zip(ring, ring[1:] + ring[:1], strict=True):
                x.other = y
            solo = Node()
            solo.other = solo
            refs = [weakref.ref(o) for o in (a, b, solo, *ring)]
            del a, b, solo, ring, x, y
            gc.collect()
            assert all(r() is None for r in refs)
    finally:
        win.ctx.runner.shutdown()
        shell.close()
        win.deleteLater()


def test_a_replaced_window_is_given_back_to_the_collector(ws_folder, language, settings, tmp_path, qtbot,
                                                           unfrozen) -> None:
    """Opening another workspace must not keep the old window's frozen cycles alive for the process's life."""
    import shutil

    from PySide6.QtCore import QCoreApplication, QEvent

    from parDesk.ui.heap import freeze_startup_heap
    from parDesk.ui.settings import Preferences
    from parDesk.ui.shell import Shell

    other = tmp_path / "other-workspace"
    shutil.copytree(ws_folder, other)
    shell = Shell(language, Preferences(path=tmp_path / "ui.json"), settings)
    try:
        refs = []
        for folder in (ws_folder, other, ws_folder):
            win = shell.open_workspace(folder)
            wait_idle(qtbot, win.ctx)

            class Probe:  # a cycle through the window's wrapper, frozen with the window's start-up heap
                def __init__(self, window: object) -> None:
                    self.window, self.me = window, self

            probe = Probe(win)
            refs.append(weakref.ref(probe))
            del probe
            freeze_startup_heap()
            assert refs[-1]() is not None  # frozen: the collector does not see it while its window lives
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.waitUntil(lambda: refs[0]() is None and refs[1]() is None, timeout=5000)
        assert refs[2]() is not None  # the window still open keeps its own
        assert gc.get_freeze_count() > 10_000  # and the heap is frozen again
    finally:
        assert shell.window is not None
        shell.window.ctx.runner.shutdown()
        shell.close()
        shell.window.deleteLater()
