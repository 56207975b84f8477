"""tus upload state: create, look up, advance the offset, terminate, expire.

The bytes live in :class:`~parDesk.sync.server.storage.PackageStorage`'s
partial files; the offset and status live here, in the database, and only a
conditional update moves them (two PATCHes never both win).

No transaction here waits for anything while it holds the writer lock
(issue 13 §6): the per-unit limit is counted and the new row inserted in one
short transaction, and expired uploads are cleaned up in transactions of their
own, never nested inside another.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Literal

from sqlalchemy import func, update
from sqlmodel import col, select

from parDesk.sync.server.base import ServerContext, dumps
from parDesk.sync.server.models import Unit, Upload

UploadState = Literal["open", "complete", "verifying", "accepted", "refused"]
UNFINISHED: tuple[UploadState, ...] = ("open", "complete", "verifying")


class TooManyUploads(Exception):
    """The unit already has ``count`` unfinished uploads (its limit is ``limit``)."""

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(count, limit)
        self.count, self.limit = count, limit


class Uploads:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def _unfinished(self, s: Any, unit_code: str) -> int:
        return int(s.exec(select(func.count()).select_from(Upload).where(
            Upload.unit_code == unit_code, col(Upload.status).in_(UNFINISHED))).one())

    def create(self, unit_code: str, length: int, metadata: dict[str, str]) -> Upload:
        """A new upload, or :class:`TooManyUploads` at once when the unit is at its limit."""
        limit = self.ctx.config.max_open_uploads_per_unit
        with self.ctx.read_session() as s:
            count = self._unfinished(s, unit_code)
        if count >= limit:
            self.expire(unit_code=unit_code)  # its own short transactions, before ours begins
        now = int(time.time())
        up = Upload(id=uuid.uuid4().hex, unit_code=unit_code, length=length, metadata_json=dumps(metadata),
                    created=now, expires=now + self.ctx.config.upload_expiry_s, updated=now)
        self.ctx.storage.create_partial(up.id)
        try:
            with self.ctx.session() as s:
                # PostgreSQL: lock the unit's row so two creations of one unit count one after the other
                # (SQLite: BEGIN IMMEDIATE already serialises writers). Nothing else waits in here.
                s.exec(select(Unit.code).where(Unit.code == unit_code).with_for_update())
                count = self._unfinished(s, unit_code)
                if count >= limit:
                    raise TooManyUploads(count, limit)
                s.add(up)
                s.commit()
        except BaseException:
            self.ctx.storage.delete_partial(up.id)
            raise
        return up

    def get(self, unit_code: str, upload_id: str) -> Upload | None:
        """The upload, only if it belongs to ``unit_code`` (else None: 404)."""
        if not upload_id.isascii() or not upload_id.isalnum() or len(upload_id) > 64:
            return None
        with self.ctx.read_session() as s:
            up = s.get(Upload, upload_id)
        if up is None or up.unit_code != unit_code:
            return None
        return up

    def advance(self, upload_id: str, old_offset: int, new_offset: int, length: int) -> bool:
        """Record the new offset if nobody else moved it (conditional update)."""
        now = int(time.time())
        values: dict[str, Any] = {"offset": new_offset, "updated": now,
                                  "expires": now + self.ctx.config.upload_expiry_s}
        if new_offset == length:
            values["status"] = "complete"
        with self.ctx.session() as s:
            res = s.exec(update(Upload).where(col(Upload.id) == upload_id, col(Upload.offset) == old_offset,
                                              col(Upload.status) == "open").values(**values))
            s.commit()
            return bool(res.rowcount == 1)

    def set_status(self, upload_id: str, new: UploadState, *, old: UploadState | None = None,
                   **values: Any) -> bool:
        """Move an upload to ``new`` (only from ``old`` if given); True if this call moved it."""
        with self.ctx.session() as s:
            q = update(Upload).where(col(Upload.id) == upload_id)
            if old is not None:
                q = q.where(col(Upload.status) == old)
            res = s.exec(q.values(status=new, updated=int(time.time()), **values))
            s.commit()
            return bool(res.rowcount == 1)

    def reset_interrupted(self) -> None:
        """At start-up: a verification a restart interrupted runs again on the next finalise."""
        with self.ctx.session() as s:
            s.exec(update(Upload).where(col(Upload.status) == "verifying").values(status="complete"))
            s.commit()

    def delete(self, unit_code: str, upload_id: str) -> bool:
        with self.ctx.session() as s:
            up = s.get(Upload, upload_id)
            if up is None or up.unit_code != unit_code or up.status == "verifying":
                return False
            s.delete(up)
            s.commit()
        self.ctx.storage.delete_partial(upload_id)
        return True

    def expire(self, now: int | None = None, unit_code: str | None = None) -> int:
        """Delete expired unfinished uploads (tus expiration), and their partial files."""
        now = int(now or time.time())
        with self.ctx.session() as s:
            q = select(Upload).where(Upload.expires <= now, col(Upload.status).in_(("open", "complete")))
            if unit_code is not None:
                q = q.where(Upload.unit_code == unit_code)
            expired = list(s.exec(q))
            for up in expired:
                s.delete(up)
            s.commit()
        for up in expired:
            self.ctx.storage.delete_partial(up.id)
        return len(expired)
