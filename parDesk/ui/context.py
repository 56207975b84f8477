"""The application context handed to every widget: services and settings, no globals.

``AppContext`` bundles the open workspace, the task runner (one database
thread, one slow pool), the change hub, the language manager, what the window
remembers and which core features exist. Widgets receive it in their
constructor; tests build one over a temporary workspace.

The three ways to talk to the workspace:

* :meth:`AppContext.edit` — an edit: runs on the database thread, then the
  fresh state is read there too and published through the hub;
* :meth:`AppContext.read` — a query whose result goes to a callback;
* :meth:`AppContext.slow` — long work (attaching big files) on the slow pool,
  with progress and cancel; its ``Change`` is published like an edit's.

The slow pool and the database thread may call the same workspace at the
same time: that is the core's threading rule (docs/architecture.md,
"Threads"), which :class:`~parDesk.workspace.Workspace` guarantees and
tests/test_public_surface.py tests. The database thread still keeps edits in
the order the officer made them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings

from parDesk.ui.changes import ChangeHub, State, read_state, touches
from parDesk.ui.features import Features
from parDesk.ui.language import LanguageManager
from parDesk.ui.settings import Preferences, WindowState
from parDesk.ui.workers import OnError, OnProgress, Runner, TaskHandle, is_cancel
from parDesk.workspace import Change, Workspace


@dataclass
class AppContext:
    workspace: Workspace
    runner: Runner
    hub: ChangeHub
    language: LanguageManager
    prefs: Preferences = field(default_factory=Preferences)
    window_state: WindowState = field(default_factory=WindowState)
    features: Features = field(default_factory=Features.none)
    is_demo: bool = False

    @classmethod
    def open(cls, folder: Path, *, language: LanguageManager, prefs: Preferences | None = None,
             settings: QSettings | None = None, features: Features | None = None, is_demo: bool = False,
             parent: QObject | None = None) -> AppContext:
        ws = Workspace(folder)
        return cls(workspace=ws, runner=Runner(parent), hub=ChangeHub(parent), language=language,
                   prefs=prefs or Preferences(), window_state=WindowState(settings),
                   features=features if features is not None else Features.detect(), is_demo=is_demo)

    @property
    def lang(self) -> str:
        return self.language.lang

    @property
    def folder(self) -> Path:
        return self.workspace.folder

    # -- operations --------------------------------------------------------
    def edit(self, op: Callable[[Workspace], Change], on_done: Callable[[Change], None] | None = None,
             on_error: OnError | None = None, label: str = "") -> TaskHandle:
        """Apply an edit on the database thread and publish what changed."""
        ws = self.workspace

        def run() -> tuple[Change, State | None]:
            change = op(ws)
            return change, (read_state(ws) if touches(change) else None)

        def done(result: tuple[Change, State | None]) -> None:
            change, state = result
            self.hub.publish(change, state)
            if on_done is not None:
                on_done(change)

        return self.runner.db(run, done, on_error, label)

    def read(self, query: Callable[[Workspace], Any], on_done: Callable[[Any], None],
             on_error: OnError | None = None, label: str = "") -> TaskHandle:
        ws = self.workspace
        return self.runner.db(lambda: query(ws), on_done, on_error, label)

    def refresh(self, on_done: Callable[[State], None] | None = None) -> TaskHandle:
        """Re-read the whole state (at start, after a language switch, after sync)."""
        def done(state: State) -> None:
            self.hub.publish(Change(totals=True, documents=True), state)
            if on_done is not None:
                on_done(state)

        return self.runner.db(lambda: read_state(self.workspace), done, label="refresh")

    def slow(self, work: Callable[[Workspace, TaskHandle], Any], on_done: Callable[[Any], None] | None = None,
             on_error: OnError | None = None, on_progress: OnProgress | None = None,
             label: str = "", change: Change | None = None) -> TaskHandle:
        """Long work off the database thread; when it ends, ``change`` is published with fresh state."""
        ws = self.workspace

        def done(result: Any) -> None:
            if change is not None:
                self.runner.db(lambda: read_state(ws), lambda st: self.hub.publish(change, st), label="refresh")
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if change is not None:  # a batch may have stored some files before failing
                self.runner.db(lambda: read_state(ws), lambda st: self.hub.publish(change, st), label="refresh")
            if on_error is not None:
                on_error(exc)
            elif not is_cancel(exc):
                self.runner.failed.emit(exc)

        return self.runner.slow(lambda h: work(ws, h), done, failed, on_progress, label)

    def close(self) -> None:
        self.runner.shutdown()
        self.workspace.close()
