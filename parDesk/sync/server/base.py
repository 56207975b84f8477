"""What every part of the server shares: its settings, identity, database and package storage.

:class:`ServerContext` is handed to each service part (registry, tokens,
uploads, intake, feed, frameworks, appraisals) so the parts depend on the
context, not on each other or on :class:`~parDesk.sync.server.service.ServerService`.

Two kinds of database session:

- :meth:`ServerContext.session` writes. On SQLite it begins ``IMMEDIATE`` (the
  writer lock is taken at once, so a transaction never fails half-way); such a
  transaction must do its writes and commit at once, never wait for anything
  else while open (issue 13 §6).
- :meth:`ServerContext.read_session` only reads. On SQLite it is a deferred
  transaction on its own engine, so readers never queue behind a writer (WAL).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from cryptography import x509
from sqlalchemy.engine import Engine
from sqlmodel import Session

from parDesk.sync import protocol
from parDesk.sync.server import database
from parDesk.sync.server.config import ServerConfig
from parDesk.sync.server.keys import create_server_identity, load_server_identity
from parDesk.sync.server.storage import FolderStorage, PackageStorage

log = logging.getLogger("parDesk.server")


def utc_iso(ts: float | None = None) -> str:
    """A timestamp a person reads: ISO 8601 UTC, whole seconds, with ``Z``."""
    return dt.datetime.fromtimestamp(ts if ts is not None else time.time(), dt.UTC) \
        .isoformat(timespec="seconds").replace("+00:00", "Z")


def dumps(value: Any) -> str:
    """The JSON the server stores (sorted keys, UTF-8 text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class ServerContext:
    """The server's settings, key and certificate, engines and storage."""

    def __init__(self, config: ServerConfig, storage: PackageStorage | None = None) -> None:
        self.config = config
        config.data_dir.mkdir(parents=True, exist_ok=True)
        if not config.key_path.exists():
            create_server_identity(config.key_path, config.cert_path, config.province)
        self.key: Any
        self.cert: x509.Certificate
        self.key, self.cert = load_server_identity(config.key_path, config.cert_path)
        self.fingerprint = protocol.key_fingerprint(self.cert)
        self.engine: Engine = database.make_engine(config.database_url)
        database.init_db(self.engine)
        self.read_engine: Engine = database.make_read_engine(config.database_url, self.engine)
        self.storage: PackageStorage = storage or FolderStorage(config.data_dir / "storage")
        # called with (unit code, year) after a package is accepted (the desk keeps its figures current)
        self.accept_hooks: list[Callable[[str, int], None]] = []

    def after_accept(self, unit_code: str, year: int) -> None:
        """Run the accept hooks; a failing hook never undoes or fails the intake (the package is stored)."""
        for hook in self.accept_hooks:
            try:
                hook(unit_code, year)
            except Exception as exc:
                log.warning("after accepting %s/%s: %s: %s", unit_code, year, type(exc).__name__, exc)

    def session(self) -> Session:
        """A writing session (see the module docstring: write, commit, never wait inside)."""
        return database.session(self.engine)

    def read_session(self) -> Session:
        """A reading session that never takes the writer lock."""
        return database.session(self.read_engine)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()
