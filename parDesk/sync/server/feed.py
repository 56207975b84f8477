"""The feed: what each unit should learn, in order (receipts, appraisals, frameworks, certificates).

A unit reads it with a cursor (the last event id it saw). Events addressed to
``"*"`` are for every unit.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

from sqlalchemy import or_
from sqlmodel import col, select

from parDesk.sync.server.base import ServerContext
from parDesk.sync.server.models import Event

EventKind = Literal["receipt", "appraisal", "framework", "certificate", "results"]
# the column is text: a row is read back through this table, so a kind nobody declared fails loudly here
_KINDS: dict[str, EventKind] = {k: k for k in get_args(EventKind)}
MAX_PAGE = 500


@dataclass(frozen=True)
class FeedEvent:
    id: int
    kind: EventKind
    at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class FeedPage:
    events: list[FeedEvent] = field(default_factory=list)
    cursor: int = 0
    more: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Feed:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def page(self, unit_code: str, after: int, limit: int = 100) -> FeedPage:
        limit = max(1, min(limit, MAX_PAGE))
        with self.ctx.read_session() as s:
            rows = list(s.exec(select(Event).where(or_(col(Event.unit_code) == unit_code, col(Event.unit_code) == "*"),
                                                   col(Event.id) > after)
                               .order_by(col(Event.id)).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        events = [FeedEvent(e.id or 0, _KINDS[e.kind], e.created_at, json.loads(e.data_json))
                  for e in rows]
        return FeedPage(events, rows[-1].id or after if rows else after, more)
