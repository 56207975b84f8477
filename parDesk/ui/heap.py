"""Keep Python's cyclic garbage collector from pausing the window.

A full (generation-2) collection walks every object the process holds, and
it runs on whichever thread happens to allocate when the thresholds trip,
holding the GIL throughout: the GUI thread waits either way. Once the window
is up, the process holds about 100,000 objects (PySide6's wrappers, the
framework, the modules), nearly all of which live as long as the process.
Measured on the idle window (bench/bench_intake_ui.py, the 2-core machine):
one such collection took 64-76 ms of CPU, 109-213 ms of wall time under load,
and was the only GUI-thread work in that gap; it found nothing to free. While
300 documents were being attached, one set off on a slow-pool thread took
354 ms, and the GUI thread waited behind it for the GIL; frozen, the full
collections of the same run took 9-13 ms.

``gc.freeze()`` moves the objects that exist at that moment into a permanent
generation the collector no longer scans. Objects made later (documents,
readings, rows) are collected as before, so a reference cycle made while
working is still freed. The cost is that garbage alive at the moment of
freezing is never freed by the collector. For a window that another replaces
(the officer opens another workspace) that would be the whole old window, so
when the old window is destroyed its objects are handed back to the collector,
freed in one collection then (the officer is waiting for a window to open
anyway), and what remains is frozen again (:func:`thaw_when_destroyed`).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from parDesk.ui.workers import Runner


def freeze_startup_heap() -> int:
    """Move everything alive now out of the collector's reach; returns how many objects are frozen.

    Called when the window is up, and again when its first refresh has
    landed (the item tree, the scores), before the officer starts working.
    No ``gc.collect()`` first: that would itself be the 70 ms pause avoided.
    """
    gc.freeze()
    return gc.get_freeze_count()


def freeze_when_settled(runner: Runner) -> None:
    """Freeze now, and once more when the runner first has nothing pending (the first refresh has landed)."""
    freeze_startup_heap()
    if runner.is_idle():
        return

    def settled() -> None:
        runner.idle.disconnect(settled)
        freeze_startup_heap()

    runner.idle.connect(settled)


def _thaw_collect_freeze() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw_when_destroyed(old_window: QObject) -> None:
    """When ``old_window`` (replaced by another) is gone, free what it left behind and freeze the rest again.

    Connected to ``destroyed`` rather than done at once: the old window is deleted later, by the event loop,
    because the switch may have been asked for from one of its own menus.
    """
    old_window.destroyed.connect(_thaw_collect_freeze)
