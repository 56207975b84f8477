"""Synchronous calls into asyncio code (pyHanko, pyhanko-certvalidator) from wherever parDesk runs.

pyHanko's synchronous signing API and our certificate validation both end in
``asyncio.run``, which refuses to run on a thread whose event loop is
already running: an async server handler, a browser-driving test, a Qt
event loop integrated with asyncio. :func:`outside_event_loop` runs the work
right here when no loop runs, else on a short-lived thread of its own, so
every caller gets the result (or the exception) the same way.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def outside_event_loop(fn: Callable[[], T]) -> T:
    """``fn()``, on this thread if it runs no asyncio loop, else on a fresh thread (exceptions re-raised)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


__all__ = ["outside_event_loop"]
