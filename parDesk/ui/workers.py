"""Background work: one thread for the database, a pool for slow work.

Every call into the workspace runs on the *database* pool, which has exactly
one thread, so edits are applied in the order the officer made them and the
workspace object is only ever used from one thread at a time. Hashing large
files (attach), rendering and packaging run on the *slow* pool. Results come
back to the GUI thread through one queued signal and are dispatched to the
callbacks given when the task was started; a failure is reported in one place
(``on_error``, else the runner's ``failed`` signal).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from parDesk.errors import Cancelled as Cancelled  # re-exported: the one cancel (parDesk.errors)

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[int, int], None]


def is_cancel(exc: BaseException) -> bool:
    """A cancel: the task's own or a core operation's (all raise :class:`parDesk.errors.Cancelled`)."""
    return isinstance(exc, Cancelled)


@dataclass
class TaskHandle:
    """What a slow task sees: report progress, and stop when cancelled."""

    id: int
    label: str = ""
    _cancel: threading.Event = field(default_factory=threading.Event)
    _emit: Callable[[int, int, int], None] | None = None
    _last_emit: float = 0.0
    done: int = 0
    total: int = 0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        """Report progress (thread-safe); throttled to ~25 updates a second."""
        self.check()
        self.done, self.total = done, total
        now = time.monotonic()
        if self._emit is not None and (now - self._last_emit >= 0.04 or done >= total):
            self._last_emit = now
            self._emit(self.id, done, total)


class _Task(QRunnable):
    def __init__(self, runner: Runner, handle: TaskHandle, fn: Callable[[TaskHandle], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner, self._handle, self._fn = runner, handle, fn

    def run(self) -> None:  # worker thread
        try:
            result: Any = self._fn(self._handle)
            error: BaseException | None = None
        except BaseException as exc:
            result, error = None, exc
            if not is_cancel(exc) and not _expected(exc):
                log.error("task %s failed:\n%s", self._handle.label, traceback.format_exc())
        with contextlib.suppress(RuntimeError):  # the window (and its runner) closed while this ran: nobody waits
            self._runner._finished.emit(self._handle.id, result, error)


def _expected(exc: BaseException) -> bool:
    from parDesk.i18n import ParDeskError

    return isinstance(exc, ParDeskError)


class Runner(QObject):
    """Starts tasks on the two pools and delivers their results on the GUI thread."""

    _finished = Signal(int, object, object)
    _progressed = Signal(int, int, int)
    failed = Signal(object)  # an exception no caller handled
    busyChanged = Signal(bool)
    progressChanged = Signal(str, int, int)  # label, done, total of the latest slow task
    idle = Signal()

    def __init__(self, parent: QObject | None = None, slow_threads: int = 2) -> None:
        super().__init__(parent)
        self.db_pool = QThreadPool(self)
        self.db_pool.setMaxThreadCount(1)
        self.db_pool.setExpiryTimeout(-1)  # keep the one database thread alive
        self.slow_pool = QThreadPool(self)
        self.slow_pool.setMaxThreadCount(max(1, slow_threads))
        self._ids = itertools.count(1)
        self._closed = False
        self._pending: dict[int, tuple[TaskHandle, OnDone | None, OnError | None, OnProgress | None]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # -- starting work ---------------------------------------------------
    def db(self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None,
           label: str = "") -> TaskHandle:
        """Run ``fn()`` on the database thread."""
        return self._start(self.db_pool, lambda _h: fn(), on_done, on_error, None, label)

    def slow(self, fn: Callable[[TaskHandle], Any], on_done: OnDone | None = None,
             on_error: OnError | None = None, on_progress: OnProgress | None = None,
             label: str = "") -> TaskHandle:
        """Run ``fn(handle)`` on the slow pool; it reports progress through the handle."""
        return self._start(self.slow_pool, fn, on_done, on_error, on_progress, label)

    def _start(self, pool: QThreadPool, fn: Callable[[TaskHandle], Any], on_done: OnDone | None,
               on_error: OnError | None, on_progress: OnProgress | None, label: str) -> TaskHandle:
        handle = TaskHandle(next(self._ids), label, _emit=self._progressed.emit)
        if self._closed:
            handle.cancel()
            return handle
        was_idle = not self._pending
        self._pending[handle.id] = (handle, on_done, on_error, on_progress)
        if was_idle:
            self.busyChanged.emit(True)
        pool.start(_Task(self, handle, fn))
        return handle

    # -- state -----------------------------------------------------------
    @property
    def pending(self) -> int:
        return len(self._pending)

    def is_idle(self) -> bool:
        return not self._pending

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel slow work and wait for both pools (closing the window)."""
        self._closed = True  # results still queued are dropped: their widgets are going away
        for handle, *_ in list(self._pending.values()):
            handle.cancel()
        self.slow_pool.waitForDone(timeout_ms)
        self.db_pool.waitForDone(timeout_ms)

    # -- GUI thread --------------------------------------------------------
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        entry = self._pending.get(task_id)
        if entry is None or self._closed:
            return
        handle, _, _, on_progress = entry
        if on_progress is not None:
            on_progress(done, total)
        self.progressChanged.emit(handle.label, done, total)

    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        _handle, on_done, on_error, _ = self._pending.pop(task_id)
        if self._closed:
            return
        try:
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif is_cancel(error):
                if on_error is not None:
                    on_error(error)
            elif on_error is not None:
                on_error(error)
            else:
                self.failed.emit(error)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)
                self.idle.emit()
