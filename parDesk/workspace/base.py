"""The workspace's foundation: the folder, the database engines, sessions, the audit row, and the
operations on the workspace as a whole (settings, unit, frameworks, locking, new versions).

Why this is the base the other parts build on: every operation in
:mod:`~parDesk.workspace.answers`, :mod:`~parDesk.workspace.documents`,
:mod:`~parDesk.workspace.undo` and :mod:`~parDesk.workspace.results` opens one short
session from here (:meth:`WorkspaceBase.session` for writes, :meth:`WorkspaceBase.reader`
for reads), refuses a locked version through :meth:`WorkspaceBase._editable`, and writes its
audit row through :meth:`WorkspaceBase._audit` in the same transaction. Those three are the
service layer's invariants (docs/architecture.md), so they live in one place.

Folder layout::

    <workspace>/pardesk.sqlite    the database (WAL)
    <workspace>/evidence/         the content-addressed evidence store
    <workspace>/backups/          SQLite backups, thinned
    <workspace>/identity/         the unit's key and certificate
    <workspace>/packages/         signed submission packages
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from parDesk import db
from parDesk.diskerrors import disk_error, read_only_error, writable
from parDesk.evidence import DEFAULT_MAX_BYTES, EvidenceStore, nfc
from parDesk.fsutil import remove_abandoned_temps
from parDesk.history import History
from parDesk.i18n import ParDeskError
from parDesk.models.framework import Framework, load_framework, parse_framework_bytes
from parDesk.models.tables import Answer, Assessment, AuditEntry, FrameworkRow, Link, Setting, Unit
from parDesk.workspace.values import DB_NAME, IDENTITY_DIR, Change, UnitInfo, _j, _os_user, now_iso

if TYPE_CHECKING:
    from parDesk.identity import IdentityStore


class WorkspaceBase:
    """A workspace folder opened for work. Cheap to open; holds no session.

    Not used alone: :class:`parDesk.workspace.Workspace` adds the operation families on top.
    """

    def __init__(self, folder: Path, actor: str | None = None) -> None:
        self.folder = Path(folder)
        self.db_path = self.folder / DB_NAME
        if not self.db_path.is_file():
            raise ParDeskError("ws.not_found", where=str(self.folder), db=DB_NAME)
        #: Why nothing can be written (a read-only folder, a full disk), or None: the workspace then
        #: opens read-only, for viewing and printing, and every write says this (docs/architecture.md).
        self.read_only: ParDeskError | None = None if writable(self.folder) else read_only_error(self.folder)
        if self.read_only is None:
            try:
                db.migrate(self.db_path, before_upgrade=self._backup_before_migration)
            except (sqlite3.OperationalError, OSError) as exc:
                self.read_only = disk_error(exc, self.folder)
                if self.read_only is None:
                    raise
        if self.read_only is not None and db.schema_version(self.db_path, read_only=True) < db.SCHEMA_VERSION:
            raise self.read_only  # an older database must be upgraded, and that needs writing
        self.engine = db.make_engine(self.db_path, read_only=self.read_only is not None)
        self.read_engine = db.make_engine(self.db_path, immediate=False, read_only=self.read_only is not None)
        self.evidence = EvidenceStore(self.folder / "evidence", self._max_bytes())
        #: Temp files a killed process left behind, removed at this open (``pardesk check`` reports them).
        self.stale_temps_removed = 0
        self._actor = actor
        if self.read_only is None:
            self.stale_temps_removed = self.evidence.cleanup_temps() + remove_abandoned_temps(self.folder) + sum(
                remove_abandoned_temps(self.folder / sub) for sub in (IDENTITY_DIR, "packages", "backups"))
            from parDesk.maintenance import maybe_scheduled_backup

            try:
                maybe_scheduled_backup(self.folder)
            except (sqlite3.Error, OSError) as exc:  # a nearly full disk: work on, the next open tries again
                if disk_error(exc, self.folder) is None:
                    raise
        self._state_lock = threading.RLock()  # see docs/architecture.md, "Threads"
        self.history = History()
        self._fw_cache: dict[str, Framework] = {}
        self._unit: UnitInfo | None = None
        self.assessment_id = self._current_assessment_id()
        self._framework = self.framework_by_hash(self.assessment().framework_hash)

    # ------------------------------------------------------------------
    # Creating and opening

    @classmethod
    def create(cls, folder: str | Path, unit: UnitInfo, framework: Framework | str | Path,
               year: int | None = None, actor: str | None = None) -> Self:
        """Create a workspace with its unit and first assessment, all or nothing."""
        folder = Path(folder)
        unit = unit.validated()
        fw = framework if isinstance(framework, Framework) else load_framework(framework)
        if (folder / DB_NAME).exists():
            raise ParDeskError("ws.exists", where=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        tmp_db = folder / (DB_NAME + ".creating")
        tmp_db.unlink(missing_ok=True)
        try:
            db.migrate(tmp_db)
            engine = db.make_engine(tmp_db)
            stamp = now_iso()
            who = actor or unit.officer_name or _os_user()
            with Session(engine) as s:
                s.add(Unit(**unit.__dict__))
                s.add(FrameworkRow(hash=fw.hash, fw_id=fw.id, title=fw.title, year=fw.year,
                                   canonical=fw.canonical_bytes(), imported_at=stamp))
                s.flush()  # no ORM relationships: parents first, explicitly
                a = Assessment(framework_hash=fw.hash, year=year or fw.year, created_at=stamp)
                s.add(a)
                s.flush()
                s.add(AuditEntry(at=stamp, actor=who, action="create", entity="workspace", entity_key=unit.admin_code,
                                 assessment_id=a.id, new=_j({"unit": unit.__dict__, "framework": fw.hash})))
                s.commit()
            engine.dispose()
            # Fold the WAL into the file before renaming it: a database is only
            # whole together with its -wal, and the -wal is named after the file.
            con = sqlite3.connect(tmp_db)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                con.execute("PRAGMA journal_mode=DELETE")
            finally:
                con.close()
            tmp_db.replace(folder / DB_NAME)
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                Path(str(tmp_db) + suffix).unlink(missing_ok=True)
            raise
        return cls(folder, actor=actor)

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short write session (BEGIN IMMEDIATE). Never open another inside it.

        A disk that fails under the transaction (full, read-only) rolls it back whole and
        is named in words (:mod:`parDesk.diskerrors`), never as "disk I/O error".
        """
        if self.read_only is not None:
            raise self.read_only
        with Session(self.engine, expire_on_commit=False) as s:
            try:
                yield s
            except (OperationalError, sqlite3.OperationalError, OSError) as exc:
                s.rollback()
                err = disk_error(exc, self.folder)
                if err is None:
                    raise
                raise err from None

    def reader(self) -> Session:
        """A short read-only session (deferred BEGIN)."""
        return Session(self.read_engine, expire_on_commit=False)

    @property
    def actor(self) -> str:
        return self._actor or self.unit().officer_name or _os_user()

    def _max_bytes(self) -> int:
        value = self.get_setting("evidence_max_bytes")
        return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES

    def _current_assessment_id(self) -> int:
        with self.reader() as s:
            a = s.exec(select(Assessment).order_by(col(Assessment.id).desc())).first()
            assert a is not None and a.id is not None
            return a.id

    def _backup_before_migration(self, version: int) -> None:
        from parDesk.maintenance import backup

        backup(self.folder, reason=f"before-migration-v{version}")

    # ------------------------------------------------------------------
    # Settings, unit, framework

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A value from the workspace's one key/value table (``setting``), through the engine."""
        with self.reader() as s:
            row = s.get(Setting, key)
            return row.value if row is not None else default

    def set_setting(self, key: str, value: str) -> None:
        """Change a setting the officer chose (audited)."""
        self.set_settings(audit=True, **{key: value})

    def set_settings(self, audit: bool = False, **values: str | int | float | None) -> None:
        """Write several settings in one transaction; ``None`` removes a key.

        Machine state (the sync cursor, the pinned server certificate) is
        written with ``audit=False``: it changes on every sync pass and says
        nothing the officer did.
        """
        with self.session() as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                old = row.value if row is not None else ""
                if value is None:
                    if row is not None:
                        s.delete(row)
                else:
                    if row is None:
                        row = Setting(key=key, value=str(value))
                    else:
                        row.value = str(value)
                    s.add(row)
                if audit:
                    self._audit(s, "set", "setting", key, old, "" if value is None else str(value))
            s.commit()
        if "evidence_max_bytes" in values:
            self.evidence.max_bytes = self._max_bytes()

    def unit(self) -> UnitInfo:
        if self._unit is None:
            with self.reader() as s:
                u = s.get(Unit, 1)
                assert u is not None
                self._unit = UnitInfo(**{k: getattr(u, k) for k in UnitInfo.__dataclass_fields__})
        return self._unit

    def update_unit(self, **fields: str) -> Change:
        current = self.unit()
        for name in fields:
            if name not in UnitInfo.__dataclass_fields__:
                raise ParDeskError("ws.unknown_field", where=name, name=name)
        new = replace(current, **fields).validated()
        with self.session() as s:
            row = s.get(Unit, 1)
            for k, v in new.__dict__.items():
                setattr(row, k, v)
            self._audit(s, "update", "unit", new.admin_code, current.__dict__, new.__dict__)
            s.commit()
        self._unit = new
        return Change(unit=True)

    def assessment(self) -> Assessment:
        with self.reader() as s:
            a = s.get(Assessment, self.assessment_id)
            assert a is not None
            return a

    def assessments(self) -> list[Assessment]:
        with self.reader() as s:
            return list(s.exec(select(Assessment).order_by(col(Assessment.id))))

    @property
    def framework(self) -> Framework:
        """The framework the current assessment is bound to."""
        return self._framework

    def framework_by_hash(self, fw_hash: str) -> Framework:
        fw = self._fw_cache.get(fw_hash)
        if fw is None:
            with self.reader() as s:
                row = s.get(FrameworkRow, fw_hash)
                if row is None:
                    raise ParDeskError("fw.unknown_code", code=fw_hash)
                fw = parse_framework_bytes(row.canonical, source=f"{row.fw_id}.json")
            self._fw_cache[fw_hash] = fw
        return fw

    def import_framework(self, path: str | Path) -> Framework:
        """Validate and store a framework so assessments can be bound to it."""
        fw = load_framework(path)
        with self.session() as s:
            if s.get(FrameworkRow, fw.hash) is None:
                s.add(FrameworkRow(hash=fw.hash, fw_id=fw.id, title=fw.title, year=fw.year,
                                   canonical=fw.canonical_bytes(), imported_at=now_iso(),
                                   source_name=nfc(Path(path).name)))
                self._audit(s, "import", "framework", fw.hash, "", {"id": fw.id, "title": fw.title})
                s.commit()
        return fw

    def frameworks(self) -> list[FrameworkRow]:
        with self.reader() as s:
            return list(s.exec(select(FrameworkRow).order_by(col(FrameworkRow.imported_at))))

    # ------------------------------------------------------------------
    # What every write shares: the locked-version check and the audit row

    def _editable(self, s: Session) -> Assessment:
        a = s.get(Assessment, self.assessment_id)
        assert a is not None
        if a.status != "draft":
            raise ParDeskError("ws.locked", version=a.version)
        return a

    def _audit(self, s: Session, action: str, entity: str, key: str, old: Any, new: Any) -> None:
        """One audit row in the caller's transaction: it commits with the change it records, or not at all."""
        s.add(AuditEntry(at=now_iso(), actor=self.actor, action=action, entity=entity, entity_key=key,
                         assessment_id=self.assessment_id if hasattr(self, "assessment_id") else None,
                         old=_j(old) if not isinstance(old, str) else old,
                         new=_j(new) if not isinstance(new, str) else new))

    def record_event(self, action: str, key: str, detail: Any = "", *, entity: str | None = None,
                     old: Any = "", session: Session | None = None) -> None:
        """Append an audit row for something done outside the answer tables.

        A key created, a package copied, a package signed. With ``session`` the
        row joins the caller's transaction (commits with it, or not at all);
        without, it is committed on its own.
        """
        entity = entity or action.split("_", 1)[0]
        if session is not None:
            self._audit(session, action, entity, key, old, detail)
            return
        with self.session() as s:
            self._audit(s, action, entity, key, old, detail)
            s.commit()

    # ------------------------------------------------------------------
    # Identity, locking, new versions

    @property
    def identity_dir(self) -> Path:
        """The one place the identity folder's path is built."""
        return self.folder / IDENTITY_DIR

    @property
    def identity(self) -> IdentityStore:
        """The unit's signing key and certificate (``parDesk.identity``, imported on first use)."""
        from parDesk.identity import IdentityStore

        return IdentityStore(self.identity_dir)

    def lock(self, s: Session, detail: dict[str, Any], key: str = "") -> None:
        """Lock the current version inside the caller's transaction (the package that signs it).

        Sets the status and time and audits ``sign``; the undo history is cleared,
        since nothing in a locked version can be undone.
        """
        a = s.get(Assessment, self.assessment_id)
        assert a is not None
        a.status, a.locked_at = "locked", now_iso()
        s.add(a)
        self._audit(s, "sign", "package", key, "", detail)
        self.clear_history()

    def reopen(self) -> Change:
        """Start version n+1 from a locked version n: same answers and evidence, editable again."""
        with self.session() as s:
            old = s.get(Assessment, self.assessment_id)
            assert old is not None
            if old.status != "locked":
                raise ParDeskError("ws.not_locked")
            new = Assessment(framework_hash=old.framework_hash, year=old.year, version=old.version + 1,
                             status="draft", previous_id=old.id, created_at=now_iso())
            s.add(new)
            s.flush()
            assert new.id is not None
            for ans in s.exec(select(Answer).where(Answer.assessment_id == old.id)):
                s.add(Answer(**{**ans.model_dump(), "assessment_id": new.id}))
            for link in s.exec(select(Link).where(Link.assessment_id == old.id)):
                s.add(Link(**{**link.model_dump(), "assessment_id": new.id}))
            with self._state_lock:
                previous_id, self.assessment_id = self.assessment_id, new.id
            try:
                self._audit(s, "reopen", "assessment", str(new.id), {"version": old.version},
                            {"version": new.version})
                s.commit()
            except BaseException:
                self.assessment_id = previous_id
                raise
        self.clear_history()
        return Change(assessment=True, totals=True, documents=True)

    def clear_history(self) -> None:
        """Forget undo and redo (after locking, after a new version)."""
        self.history.clear()
