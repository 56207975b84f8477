"""Nonces (replay protection), session tokens for plain tus clients, and admin tokens.

Tokens are stored only as their SHA-256, so a copy of the database does not
hand out working credentials.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from parDesk.sync.server.base import ServerContext, utc_iso
from parDesk.sync.server.models import AdminToken, Nonce, SessionToken, Unit

PURGE_EVERY = 1000  # nonce inserts between purges of stale nonces and tokens


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Tokens:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self._inserts = 0

    def use_nonce(self, scope: str, nonce: str, now: int) -> bool:
        """Record a nonce for ``scope`` (a unit code, or ``reg:<key>``); False when already used (a replay)."""
        try:
            with self.ctx.session() as s:
                s.add(Nonce(unit_code=scope, nonce=nonce, seen=now))
                s.commit()
        except IntegrityError:
            return False
        self._inserts += 1
        if self._inserts % PURGE_EVERY == 0:
            self.purge(now)
        return True

    def purge(self, now: int | None = None) -> None:
        """Drop nonces older than the clock window (a replay of them fails the clock check) and expired tokens."""
        now = int(now or time.time())
        with self.ctx.session() as s:
            s.exec(delete(Nonce).where(col(Nonce.seen) < now - 2 * self.ctx.config.clock_skew_s - 60))
            s.exec(delete(SessionToken).where(col(SessionToken.expires) < now))
            s.commit()

    def new_session(self, unit_code: str) -> tuple[str, int]:
        """A bearer token for the unit's tus uploads, and when it expires (Unix seconds)."""
        token = secrets.token_urlsafe(32)
        expires = int(time.time()) + self.ctx.config.session_ttl_s
        with self.ctx.session() as s:
            s.add(SessionToken(token_sha256=_sha(token), unit_code=unit_code, expires=expires))
            s.commit()
        return token, expires

    def unit_for_session(self, token: str) -> Unit | None:
        with self.ctx.read_session() as s:
            row = s.get(SessionToken, _sha(token))
            if row is None or row.expires < time.time():
                return None
            unit = s.get(Unit, row.unit_code)
            return unit if unit is not None and unit.status == "approved" else None

    def create_admin(self, name: str) -> str:
        token = "pda_" + secrets.token_urlsafe(32)
        with self.ctx.session() as s:
            s.add(AdminToken(token_sha256=_sha(token), name=name, created_at=utc_iso()))
            s.commit()
        return token

    def admin_for(self, token: str) -> str | None:
        with self.ctx.read_session() as s:
            row = s.get(AdminToken, _sha(token))
            return row.name if row else None
