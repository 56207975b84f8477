"""Opening the workspace database: engine settings and schema migrations.

Migrations are plain SQL, numbered, applied in order inside one transaction
each, with the version kept in ``PRAGMA user_version``. Before upgrading an
existing database a backup is taken with SQLite's backup API, so a failed or
regretted upgrade never costs the officer their year of work. (Alembic would
bring autogeneration we do not need and a second source of truth; a list of
SQL steps is enough for one embedded database and is easy to audit.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool
from sqlmodel import create_engine

BUSY_TIMEOUT_MS = 30_000

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        admin_code TEXT NOT NULL, name TEXT NOT NULL, province TEXT NOT NULL,
        leader_name TEXT NOT NULL DEFAULT '', leader_title TEXT NOT NULL DEFAULT 'Chủ tịch'
    );
    CREATE TABLE framework (
        hash TEXT PRIMARY KEY, fw_id TEXT NOT NULL, title TEXT NOT NULL, year INTEGER NOT NULL,
        canonical BLOB NOT NULL, imported_at TEXT NOT NULL, source_name TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE assessment (
        id INTEGER PRIMARY KEY, framework_hash TEXT NOT NULL REFERENCES framework(hash),
        year INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'locked')),
        previous_id INTEGER REFERENCES assessment(id),
        created_at TEXT NOT NULL, locked_at TEXT
    );
    CREATE TABLE answer (
        assessment_id INTEGER NOT NULL REFERENCES assessment(id), code TEXT NOT NULL,
        inputs TEXT NOT NULL DEFAULT '', score TEXT, not_applicable INTEGER NOT NULL DEFAULT 0,
        explanation TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'not_started',
        updated_by TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, code)
    );
    CREATE TABLE document (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
        original_name TEXT NOT NULL, media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
        ext TEXT NOT NULL DEFAULT '', number TEXT NOT NULL DEFAULT '', issued_date TEXT NOT NULL DEFAULT '',
        issuer TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '', page_ref TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE link (
        assessment_id INTEGER NOT NULL REFERENCES assessment(id), code TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, code, document_id)
    );
    CREATE INDEX link_document ON link(document_id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, entity TEXT NOT NULL, entity_key TEXT NOT NULL DEFAULT '',
        assessment_id INTEGER, old TEXT NOT NULL DEFAULT '', new TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: appraisal results, per-link page pointers, the unit's print details
    """
    CREATE TABLE appraisal (
        id INTEGER PRIMARY KEY, assessment_id INTEGER NOT NULL REFERENCES assessment(id),
        code TEXT NOT NULL, round INTEGER NOT NULL CHECK (round IN (1, 2)), score TEXT,
        comment TEXT NOT NULL DEFAULT '', request_explanation INTEGER NOT NULL DEFAULT 0,
        received_at TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX appraisal_leaf ON appraisal(assessment_id, code);
    ALTER TABLE link ADD COLUMN page_ref TEXT NOT NULL DEFAULT '';
    ALTER TABLE unit ADD COLUMN governing_body TEXT NOT NULL DEFAULT '';
    ALTER TABLE unit ADD COLUMN place TEXT NOT NULL DEFAULT '';
    ALTER TABLE unit ADD COLUMN officer_name TEXT NOT NULL DEFAULT '';
    CREATE INDEX audit_assessment ON audit(assessment_id, id);
    """,
    # 3: signed packages (every version kept), the sync outbox and its history
    """
    CREATE TABLE package (
        id INTEGER PRIMARY KEY, assessment_id INTEGER NOT NULL REFERENCES assessment(id),
        version INTEGER NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
        previous_sha256 TEXT, submission_id TEXT NOT NULL, signer_fingerprint TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY, package_id INTEGER NOT NULL UNIQUE REFERENCES package(id),
        state TEXT NOT NULL DEFAULT 'waiting'
            CHECK (state IN ('waiting', 'uploading', 'verifying', 'accepted', 'refused', 'stopped')),
        upload_url TEXT NOT NULL DEFAULT '', offset INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
        receipt TEXT NOT NULL DEFAULT '', refused_reason TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE outbox_history (
        id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL REFERENCES outbox(id),
        at TEXT NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 4: one key/value table: sync_state's rows move into setting (a key in both keeps setting's value)
    """
    INSERT OR IGNORE INTO setting(key, value) SELECT key, value FROM sync_state;
    DROP TABLE sync_state;
    """,
    # 5: search inside documents (FTS5 over a folded copy of each page) and what intake read from each document
    """
    CREATE TABLE document_page (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        folded TEXT NOT NULL,
        UNIQUE (document_id, page)
    );
    CREATE VIRTUAL TABLE document_fts USING fts5(folded, content='document_page', content_rowid='id',
                                                 tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER document_page_ai AFTER INSERT ON document_page BEGIN
        INSERT INTO document_fts(rowid, folded) VALUES (new.id, new.folded);
    END;
    CREATE TRIGGER document_page_ad AFTER DELETE ON document_page BEGIN
        INSERT INTO document_fts(document_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
    END;
    CREATE TRIGGER document_page_au AFTER UPDATE ON document_page BEGIN
        INSERT INTO document_fts(document_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
        INSERT INTO document_fts(rowid, folded) VALUES (new.id, new.folded);
    END;
    CREATE TABLE document_intake (
        document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
        read_at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        proposal TEXT NOT NULL DEFAULT '{}',
        quality TEXT NOT NULL DEFAULT '{}',
        ocr_note TEXT NOT NULL DEFAULT ''
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def _configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # WAL: readers (the window's totals) never wait for the writer, and a
    # killed process leaves a log SQLite replays, not a torn page.
    # synchronous=FULL: communes lose power; a commit that returned is on disk.
    # foreign_keys: SQLite leaves them off unless asked, per connection.
    # busy_timeout: the CLI and the window may write the same workspace.
    dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN be the only one
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _begin(conn: Connection) -> None:
    # IMMEDIATE: take the write lock at BEGIN so two writers queue on the busy
    # timeout instead of failing mid-transaction with SQLITE_BUSY.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _configure_read_only(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def read_only_uri(path: Path) -> str:
    """The database opened without writing anything beside it (a read-only folder, a full disk).

    With no -wal file the database file is all there is, and ``immutable`` lets SQLite
    read it without the -shm it could not create; with a -wal (another program has it
    open, or it was killed) plain ``mode=ro`` reads the log too.
    """
    wal = Path(str(path) + "-wal")
    has_log = wal.is_file() and wal.stat().st_size > 0
    return f"file:{path.resolve().as_posix()}?mode=ro" + ("" if has_log else "&immutable=1")


def make_engine(path: Path, immediate: bool = True, read_only: bool = False) -> Engine:
    """An engine over the workspace database with our pragmas on every connection.

    A small QueuePool: a connection is checked out by one session at a time
    (so never used by two threads at once) and reused afterwards, which saves
    re-running the pragmas on every short session.
    ``immediate``: writers take the lock at BEGIN; readers use a plain
    deferred BEGIN so a read never waits for, or blocks, a writer (WAL).
    """
    if read_only:
        engine = create_engine("sqlite://", poolclass=QueuePool, pool_size=2, max_overflow=8,
                               creator=lambda: sqlite3.connect(read_only_uri(path), uri=True,
                                                               timeout=BUSY_TIMEOUT_MS / 1000,
                                                               check_same_thread=False))
        event.listen(engine, "connect", _configure_read_only)
        return engine
    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool, pool_size=2, max_overflow=8,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _configure)
    if immediate:
        event.listen(engine, "begin", _begin)
    return engine


def schema_version(path: Path, read_only: bool = False) -> int:
    con = sqlite3.connect(read_only_uri(path), uri=True) if read_only else sqlite3.connect(path)
    try:
        version: int = con.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        con.close()


def migrate(path: Path, before_upgrade: Callable[[int], None] | None = None,
            target: int = SCHEMA_VERSION) -> tuple[int, int]:
    """Bring the database at ``path`` to ``target``; return (from, to).

    ``before_upgrade(current_version)`` runs before touching an existing
    database that needs upgrading (the workspace takes its backup there).
    """
    con = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA foreign_keys=ON")
        current = con.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            from parDesk.i18n import ParDeskError

            raise ParDeskError("db.too_new", where=str(path), found=current, supported=SCHEMA_VERSION)
        if current < target and current > 0 and before_upgrade is not None:
            before_upgrade(current)
        for version in range(current + 1, target + 1):
            con.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split(MIGRATIONS[version - 1]):
                    con.execute(statement)
                con.execute(f"PRAGMA user_version={version}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return current, max(current, target)
    finally:
        con.close()


def _split(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements


def backup_to(src: Path, dest: Path) -> None:
    """A consistent copy through SQLite's online backup API, written atomically."""
    import os

    from parDesk.fsutil import fsync_dir

    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")  # a killed backup's temp: removed at the next open
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(src, timeout=BUSY_TIMEOUT_MS / 1000)
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    tmp.replace(dest)
    fsync_dir(dest.parent)


from parDesk.i18n import register  # noqa: E402

register({
    "db.too_new": ("cơ sở dữ liệu được tạo bởi phiên bản parDesk mới hơn "
                   "(lược đồ {found}, phiên bản này hỗ trợ đến {supported})",
                   "the database was written by a newer parDesk "
                   "(schema {found}; this version supports up to {supported})"),
})
