"""Errors every layer shares.

:class:`~parDesk.i18n.ParDeskError` (an error a person can act on) lives with
the message catalogue in :mod:`parDesk.i18n`; this module holds the errors
built on it that more than one layer raises or catches, so each has exactly one
class and callers test it with ``isinstance``, never by its name.
"""

from __future__ import annotations

from parDesk.i18n import ParDeskError, register

register({
    "op.cancelled": ("đã hủy; không có gì bị thay đổi", "cancelled; nothing was changed"),
})


class Cancelled(ParDeskError):
    """A long operation was stopped by its caller's cancel check; nothing was changed or left behind.

    The one cancel of the whole program: the evidence store, the package
    builder and verifier, the printed forms, intake reading, sync and the
    window's task runner all raise this class (their modules re-export it), so
    the window recognises every cancel with one ``isinstance``.
    """

    def __init__(self) -> None:
        super().__init__("op.cancelled")


__all__ = ["Cancelled", "ParDeskError"]
