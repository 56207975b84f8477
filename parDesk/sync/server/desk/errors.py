"""The desk's HTTP error: a status and a message key, rendered in the person's language by the routes."""

from __future__ import annotations

from typing import Any

from parDesk.i18n import ParDeskError


class DeskError(Exception):
    """A refusal with its HTTP status; ``key`` names the message (parDesk.i18n), ``params`` fill it."""

    def __init__(self, status: int, key: str, **params: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.params = status, key, params
        self.where: str | None = None  # the row or field the refusal is about, when there is one
        self.current: dict[str, Any] | None = None  # a conflict: the entry as it now stands


class EntryConflict(ParDeskError):
    """Another appraiser saved the item first: ``current`` is the entry as it now stands (shown, never overwritten)."""

    def __init__(self, key: str, current: dict[str, Any] | None, **params: Any) -> None:
        super().__init__(key, **params)
        self.current = current
