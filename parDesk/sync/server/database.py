"""The server's database engine: SQLite (embedded default) or PostgreSQL (by URL).

SQLite: WAL so readers never wait for the writer, ``synchronous=NORMAL``
(WAL makes that durable across a process crash; the server runs on a machine
with power), a busy timeout long enough for 200 units writing at once,
``check_same_thread=False`` because FastAPI runs sync endpoints on a thread
pool (each connection still serves one session at a time).
PostgreSQL: a pooled engine with ``pool_pre_ping`` (the database may restart
under a long-running server). ``postgresql://`` URLs use psycopg 3.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine, select

from parDesk.sync.server.models import SCHEMA_VERSION, Meta, metadata


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def _sqlite_begin(conn) -> None:
    # IMMEDIATE: writers queue on the busy timeout instead of failing mid-transaction.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, poolclass=QueuePool, pool_size=8, max_overflow=32, pool_timeout=60,
                               connect_args={"timeout": 60, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, pool_size=10, max_overflow=30, pool_timeout=60, pool_pre_ping=True)


def make_read_engine(url: str, engine: Engine) -> Engine:
    """An engine for reads only. SQLite: deferred transactions (no writer lock); otherwise ``engine``."""
    if not url.startswith("sqlite"):
        return engine
    read = create_engine(url, poolclass=QueuePool, pool_size=8, max_overflow=32, pool_timeout=60,
                         connect_args={"timeout": 60, "check_same_thread": False})
    event.listen(read, "connect", _sqlite_pragmas)
    event.listen(read, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return read


def init_db(engine: Engine) -> None:
    """Create the tables if missing and record the schema version.

    Later schema versions add numbered upgrade steps here, run in order from the
    version found in ``srv_meta`` (as the workspace does with ``PRAGMA user_version``).
    """
    metadata.create_all(engine)
    with Session(engine) as s:
        row = s.get(Meta, "schema_version")
        if row is None:
            s.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            s.commit()
        elif int(row.value) > SCHEMA_VERSION:
            raise RuntimeError(f"server database schema {row.value} is newer than this server ({SCHEMA_VERSION})")


def session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)


__all__ = ["init_db", "make_engine", "make_read_engine", "select", "session"]
