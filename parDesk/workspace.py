"""The service layer: one workspace folder, every operation a user can do.

The window, the CLI, the package builder and the tests all call this class;
none of them builds SQL or computes a score. Each operation opens one short
session, commits once (with its audit rows in the same transaction) and
returns plain values plus a :class:`Change` saying what changed, which the
window turns into a Qt signal.

Folder layout::

    <workspace>/pardesk.sqlite    the database (WAL)
    <workspace>/evidence/         the content-addressed evidence store
    <workspace>/backups/          SQLite backups, thinned
    <workspace>/identity/         the unit's key and certificate
    <workspace>/packages/         signed submission packages
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from parDesk import db
from parDesk.diskerrors import check_room, disk_error, read_only_error, writable
from parDesk.evidence import DEFAULT_MAX_BYTES, EvidenceStore, nfc
from parDesk.fsutil import remove_abandoned_temps
from parDesk.history import AnswerStep, Command, DocumentStep, History, LinkStep, PageStep, Step, document_label
from parDesk.i18n import Msg, Num, ParDeskError, register
from parDesk.models.framework import Framework, Leaf, load_framework, parse_framework_bytes
from parDesk.models.tables import Answer, Appraisal, Assessment, AuditEntry, Document, FrameworkRow, Link, Setting, Unit
from parDesk.scoring import LeafState, LostPoints, Totals, compute_totals, losing_points, normalize_inputs, score_rule
from parDesk.validation import LeafStatus, all_statuses, leaf_status

if TYPE_CHECKING:
    from parDesk.identity import IdentityStore

DB_NAME = "pardesk.sqlite"
IDENTITY_DIR = "identity"

register({
    "ws.not_found": ("không phải thư mục làm việc parDesk (không có {db})", "not a parDesk workspace (no {db})"),
    "ws.exists": ("thư mục đã có một không gian làm việc parDesk", "the folder already holds a parDesk workspace"),
    "ws.locked": ("bản tự đánh giá đã ký và khóa (phiên bản {version}); hãy mở phiên bản mới để sửa",
                  "the assessment is signed and locked (version {version}); open a new version to edit"),
    "ws.field_empty": ("không được để trống", "must not be empty"),
    "ws.admin_code": ("mã đơn vị hành chính phải gồm 5 chữ số, không phải {value!r}",
                      "the administrative code must be 5 digits, not {value!r}"),
    "ws.not_na": ("mục {code} không được khai báo là không áp dụng", "item {code} cannot be declared not applicable"),
    "ws.no_document": ("không có tài liệu số {id}", "no document number {id}"),
    "ws.not_linked": ("tài liệu {id} không gắn với mục {code}", "document {id} is not linked to item {code}"),
    "ws.bad_date": ("ngày không hợp lệ (cần YYYY-MM-DD hoặc DD/MM/YYYY): {value!r}",
                    "invalid date (expected YYYY-MM-DD or DD/MM/YYYY): {value!r}"),
    "ws.unknown_field": ("trường không rõ: {name}", "unknown field: {name}"),
    "ws.too_long": ("quá dài ({length} ký tự, tối đa {limit})", "too long ({length} character(s), at most {limit})"),
    "ws.nothing_to_undo": ("không có gì để hoàn tác", "nothing to undo"),
    "ws.nothing_to_redo": ("không có gì để làm lại", "nothing to redo"),
    "ws.survey": ("mục {code} do tỉnh chấm, xã không tự chấm", "item {code} is scored by the province, not the commune"),
    "ws.not_locked": ("bản tự đánh giá chưa được ký nộp nên không cần mở phiên bản mới",
                      "the assessment has not been signed, so there is no new version to open"),
})

DOC_FIELDS = ("number", "issued_date", "issuer", "subject", "page_ref")
MAX_TEXT = 20_000


def default_workspace() -> Path:
    """The folder the window and the CLI open when none is given: ``$PARDESK_WORKSPACE``, else the user data folder."""
    env = os.environ.get("PARDESK_WORKSPACE")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("parDesk", appauthor=False)) / "workspace"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class UnitInfo:
    admin_code: str
    name: str
    province: str
    leader_name: str = ""
    leader_title: str = "Chủ tịch"
    governing_body: str = ""
    place: str = ""
    officer_name: str = ""

    def validated(self) -> UnitInfo:
        clean = {k: nfc(str(getattr(self, k) or "")).strip() for k in self.__dataclass_fields__}
        for required in ("admin_code", "name", "province"):
            if not clean[required]:
                raise ParDeskError("ws.field_empty", where=required)
        if not (clean["admin_code"].isdigit() and len(clean["admin_code"]) == 5):
            raise ParDeskError("ws.admin_code", where="admin_code", value=clean["admin_code"])
        return UnitInfo(**clean)

    @property
    def short_name(self) -> str:
        lowered = self.name
        for prefix in ("Ủy ban nhân dân ", "UBND ", "Uỷ ban nhân dân "):
            if lowered.startswith(prefix):
                return lowered[len(prefix):]
        return lowered


@dataclass(frozen=True)
class Change:
    """What an operation changed, for views to decide what to refresh."""

    codes: frozenset[str] = frozenset()
    totals: bool = False
    documents: bool = False
    unit: bool = False
    assessment: bool = False


@dataclass(frozen=True)
class AnswerView:
    code: str
    inputs: dict[str, Any]
    score: Decimal | None
    not_applicable: bool
    explanation: str
    updated_by: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class DocumentView:
    id: int
    sha256: str
    size: int
    original_name: str
    media_type: str
    ext: str
    number: str
    issued_date: str
    issuer: str
    subject: str
    page_ref: str
    added_at: str
    codes: tuple[str, ...] = ()

    @property
    def missing_metadata(self) -> bool:
        return not (self.number and self.issued_date and self.issuer and self.subject)


@dataclass
class Summary:
    totals: Totals
    statuses: dict[str, LeafStatus]
    losing: list[LostPoints]
    evidence_count: dict[str, int]
    documents: int

    @property
    def problems(self) -> list[ParDeskError]:
        return [p for st in self.statuses.values() for p in st.problems]


class Workspace:
    """A workspace folder opened for work. Cheap to open; holds no session."""

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
               year: int | None = None, actor: str | None = None) -> Workspace:
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

    def __enter__(self) -> Workspace:
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
            a = s.exec(select(Assessment).order_by(Assessment.id.desc())).first()  # type: ignore[union-attr]
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
            return list(s.exec(select(Assessment).order_by(Assessment.id)))

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
            return list(s.exec(select(FrameworkRow).order_by(FrameworkRow.imported_at)))

    # ------------------------------------------------------------------
    # Answers

    def _editable(self, s: Session) -> Assessment:
        a = s.get(Assessment, self.assessment_id)
        assert a is not None
        if a.status != "draft":
            raise ParDeskError("ws.locked", version=a.version)
        return a

    def answer(self, code: str) -> AnswerView:
        leaf = self.framework.leaf(code)
        with self.reader() as s:
            row = s.get(Answer, (self.assessment_id, code))
        return self._view(leaf, row)

    def answers(self) -> dict[str, AnswerView]:
        fw = self.framework
        with self.reader() as s:
            rows = {r.code: r for r in s.exec(select(Answer).where(Answer.assessment_id == self.assessment_id))}
        return {leaf.code: self._view(leaf, rows.get(leaf.code)) for leaf in fw.all_leaves()}

    def _view(self, leaf: Leaf, row: Answer | None) -> AnswerView:
        if row is None:
            return AnswerView(leaf.code, {}, None, False, "")
        inputs = json.loads(row.inputs) if row.inputs else {}
        return AnswerView(leaf.code, inputs, Decimal(row.score) if row.score is not None else None,
                          bool(row.not_applicable), row.explanation, row.updated_by, row.updated_at)

    def _state(self, row: Answer | None) -> dict[str, Any]:
        if row is None:
            return {"inputs": {}, "not_applicable": False, "explanation": ""}
        return {"inputs": json.loads(row.inputs) if row.inputs else {}, "not_applicable": bool(row.not_applicable),
                "explanation": row.explanation}

    def _write_answer(self, code: str, mutate: Callable[[dict[str, Any]], dict[str, Any]],
                      action: str, name: Msg) -> Change:
        with self.session() as s:
            self._editable(s)
            step = self._apply(s, code, mutate, action)
            if step is None:
                return Change()
            s.commit()
        self.history.record(Command(name, (step,)))
        return Change(codes=frozenset({code}), totals=True)

    def _apply(self, s: Session, code: str, mutate: Callable[[dict[str, Any]], dict[str, Any]],
               action: str) -> AnswerStep | None:
        """Change one answer inside the caller's transaction, with its audit row."""
        leaf = self.framework.leaf(code)
        row = s.get(Answer, (self.assessment_id, code))
        before = self._state(row)
        after = mutate(dict(before))
        if after == before:
            return None
        created = row is None
        if row is None:
            row = Answer(assessment_id=self.assessment_id, code=code)
        row.inputs = _j(after["inputs"]) if after["inputs"] else ""
        row.not_applicable = after["not_applicable"]
        row.explanation = after["explanation"]
        score = (score_rule(leaf.rule, leaf.max, after["inputs"], self.framework.rounding)
                 if after["inputs"] and not after["not_applicable"] else None)
        row.score = _dec(score) if score is not None else None
        row.updated_by, row.updated_at = self.actor, now_iso()
        n_docs = s.exec(select(func.count()).select_from(Link).where(
            Link.assessment_id == self.assessment_id, Link.code == code)).one()
        row.status = leaf_status(leaf, after["inputs"], after["not_applicable"], int(n_docs),
                                 after["explanation"]).status
        s.add(row)
        self._audit(s, action, "answer", code, before, after)
        return AnswerStep(code, before, after, created)

    def import_inputs(self, changes: Sequence[tuple[str, dict[str, Any]]], source: str = "") -> Change:
        """Apply many leaves' inputs at once (a spreadsheet import): all validated first, one transaction."""
        clean: list[tuple[str, dict[str, Any]]] = []
        for code, inputs in changes:
            leaf = self.framework.leaf(code)
            if leaf.rule.kind == "survey" or not leaf.self_scored:
                raise ParDeskError("ws.survey", where=code, code=code)
            clean.append((code, normalize_inputs(leaf, inputs)))
        edits: list[AnswerStep] = []
        with self.session() as s:
            self._editable(s)
            for code, inputs in clean:
                def mutate(st: dict[str, Any], inputs: dict[str, Any] = inputs) -> dict[str, Any]:
                    st["inputs"] = inputs
                    return st
                edit = self._apply(s, code, mutate, "import:" + source if source else "import")
                if edit is not None:
                    edits.append(edit)
            s.commit()
        self.history.record(Command(Msg("undo.import", count=len(edits)), tuple(edits)))
        return Change(codes=frozenset(e.code for e in edits), totals=True)

    def set_inputs(self, code: str, inputs: dict[str, Any]) -> Change:
        """Set a leaf's rule inputs (validated); its score follows from them."""
        leaf = self.framework.leaf(code)
        if leaf.rule.kind == "survey" or not leaf.self_scored:
            raise ParDeskError("ws.survey", where=code, code=code)
        clean = normalize_inputs(leaf, inputs)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["inputs"] = clean
            return st
        return self._write_answer(code, mutate, "set_inputs", Msg("undo.set_inputs", code=code))

    def set_score(self, code: str, value: Any) -> Change:
        """Shorthand for manual rules: the score itself is the input."""
        return self.set_inputs(code, {"score": value})

    def clear_inputs(self, code: str) -> Change:
        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["inputs"] = {}
            return st
        return self._write_answer(code, mutate, "clear_inputs", Msg("undo.clear_inputs", code=code))

    def set_not_applicable(self, code: str, flag: bool = True) -> Change:
        leaf = self.framework.leaf(code)
        if flag and not leaf.can_be_na:
            raise ParDeskError("ws.not_na", where=code, code=code)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["not_applicable"] = bool(flag)
            return st
        return self._write_answer(code, mutate, "set_not_applicable",
                                  Msg("undo.na_on" if flag else "undo.na_off", code=code))

    def set_explanation(self, code: str, text: str) -> Change:
        text = nfc(text or "")
        if len(text) > MAX_TEXT:
            raise ParDeskError("ws.too_long", where=f"{code}.explanation", length=len(text), limit=MAX_TEXT)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["explanation"] = text
            return st
        return self._write_answer(code, mutate, "set_explanation", Msg("undo.explanation", code=code))

    # -- undo / redo: named commands (parDesk.history; docs/architecture.md, "Undo")

    @property
    def can_undo(self) -> bool:
        return self.history.next_undo is not None

    @property
    def can_redo(self) -> bool:
        return self.history.next_redo is not None

    def undo_name(self, lang: str | None = None) -> str | None:
        """What Ctrl+Z would take back ("Nhập từ Excel (52 mục)"), in ``lang``; None when nothing."""
        cmd = self.history.next_undo
        return cmd.label(lang) if cmd is not None else None

    def redo_name(self, lang: str | None = None) -> str | None:
        cmd = self.history.next_redo
        return cmd.label(lang) if cmd is not None else None

    def undo(self) -> Change:
        """Take back the last command, all its steps in one transaction."""
        cmd = self.history.pop_undo()
        if cmd is None:
            raise ParDeskError("ws.nothing_to_undo")
        try:
            change = self._replay(cmd, forward=False)
        except BaseException:
            self.history.redone(cmd)  # nothing was written: it stays the next undo
            raise
        self.history.undone(cmd)
        return change

    def redo(self) -> Change:
        cmd = self.history.pop_redo()
        if cmd is None:
            raise ParDeskError("ws.nothing_to_redo")
        try:
            change = self._replay(cmd, forward=True)
        except BaseException:
            self.history.undone(cmd)
            raise
        self.history.redone(cmd)
        return change

    def _replay(self, cmd: Command, forward: bool) -> Change:
        action = "redo" if forward else "undo"
        steps = cmd.steps if forward else tuple(reversed(cmd.steps))
        with self.session() as s:
            self._editable(s)
            for step in steps:
                self._replay_step(s, step, forward, action)
            s.commit()
        return Change(codes=cmd.codes, totals=True, documents=cmd.documents)

    def _replay_step(self, s: Session, step: Step, forward: bool, action: str) -> None:
        if isinstance(step, AnswerStep):
            target = dict(step.after if forward else step.before)
            self._apply(s, step.code, lambda _st: target, action)
            if step.created and not forward:  # the leaf had no answer row: leave none, as it was
                row = s.get(Answer, (self.assessment_id, step.code))
                if row is not None:
                    s.delete(row)
                    s.flush()
        elif isinstance(step, LinkStep):
            if step.linked_after == forward:
                self._relink(s, step, action)
            else:
                self._unlink(s, step, action)
        elif isinstance(step, DocumentStep):
            doc = s.get(Document, step.document_id)
            if doc is None:
                raise ParDeskError("ws.no_document", id=step.document_id)
            old = _doc_dict(doc)
            for k, v in (step.after if forward else step.before).items():
                setattr(doc, k, v)
            s.add(doc)
            self._audit(s, action, "document", str(doc.id), old, _doc_dict(doc))
        else:
            link = s.get(Link, (self.assessment_id, step.code, step.document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=step.document_id, code=step.code)
            link.page_ref = step.after if forward else step.before
            s.add(link)
            self._audit(s, action, "link", step.code, {"document": step.document_id},
                        {"document": step.document_id, "page_ref": link.page_ref})

    def _relink(self, s: Session, step: LinkStep, action: str) -> None:
        if step.document is not None and s.get(Document, step.document_id) is None:
            sha = step.document["sha256"]
            if not self.evidence.path_for(sha).is_file():
                raise ParDeskError("undo.file_gone", doc=document_label(
                    step.document.get("number", ""), step.document.get("original_name", ""), step.document_id))
            s.add(Document(**step.document))
            s.flush()
            if step.document.get("media_type") == "application/pdf":  # undo's cascade took its search text
                from parDesk import doc_index
                from parDesk.intake.service import text_layer_pages

                pages = text_layer_pages(self.evidence.path_for(sha))
                if pages:
                    doc_index.replace_pages(s, step.document_id, pages)
            self._audit(s, action, "document", str(step.document_id), "", step.document)
        if s.get(Link, (self.assessment_id, step.code, step.document_id)) is None:
            s.add(Link(assessment_id=self.assessment_id, code=step.code, document_id=step.document_id,
                       page_ref=step.page_ref, created_at=now_iso()))
            self._audit(s, action, "link", step.code, "", {"document": step.document_id})
            s.flush()

    def _unlink(self, s: Session, step: LinkStep, action: str) -> None:
        link = s.get(Link, (self.assessment_id, step.code, step.document_id))
        if link is not None:
            s.delete(link)
            self._audit(s, action, "link", step.code, {"document": step.document_id}, "")
            s.flush()
        if step.document is not None:  # the command created the document: take the row back too
            still = s.exec(select(Link).where(Link.document_id == step.document_id)).first()
            doc = s.get(Document, step.document_id)
            if still is None and doc is not None:
                self._audit(s, action, "document", str(step.document_id), _doc_dict(doc), "")
                s.delete(doc)
                s.flush()

    # ------------------------------------------------------------------
    # Evidence

    def attach(self, code: str, path: str | Path, progress: Callable[[int], None] | None = None,
               page_ref: str = "", **meta: str) -> DocumentView:
        """Store a file (once, by content) and link it to ``code``.

        The file is in the store, fsynced, before the row that names it commits.
        """
        return self.attach_many([(code, path)], progress=progress, page_ref=page_ref, **meta)[0]

    def attach_many(self, items: Sequence[tuple[str, str | Path]], progress: Callable[[int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, page_ref: str = "", **meta: str) -> list[DocumentView]:
        """Attach several (leaf, file) pairs in one go: all of them or, on error or cancel, none.

        ``progress`` receives byte counts as they are copied; ``cancel`` is
        polled between chunks. One database transaction for the whole batch.
        """
        for code, _ in items:
            self.framework.leaf(code)
        clean_meta = self._clean_meta(meta)
        self._check_editable_fast()
        if self.read_only is not None:
            raise self.read_only
        check_room(self.evidence.root, sum(self.evidence.check_source(p).stat().st_size for _, p in items))
        stored = self.evidence.put_many([p for _, p in items], progress=progress, cancel=cancel)
        from parDesk import doc_index
        from parDesk.intake.service import text_layer_pages

        # The text layer is read before the write transaction and indexed inside it, so a document
        # and its searchable text commit together (scans are OCR'd later by the intake job).
        texts = {sf.sha256: text_layer_pages(self.evidence.path_for(sf.sha256)) for sf in stored
                 if sf.media_type == "application/pdf"}
        views: list[DocumentView] = []
        steps: list[Step] = []
        with self.session() as s:
            self._editable(s)
            by_sha: dict[str, Document] = {}
            created: set[int] = set()
            for (code, _), sf in zip(items, stored):
                doc = s.exec(select(Document).where(Document.sha256 == sf.sha256)).first()
                if doc is None:
                    doc = Document(sha256=sf.sha256, size=sf.size, original_name=sf.original_name,
                                   media_type=sf.media_type, ext=sf.ext, added_at=now_iso(),
                                   added_by=self.actor, **clean_meta)
                    s.add(doc)
                    s.flush()
                    assert doc.id is not None
                    created.add(doc.id)
                    if texts.get(sf.sha256):
                        doc_index.replace_pages(s, doc.id, texts[sf.sha256])
                    self._audit(s, "add", "document", str(doc.id), "", _doc_dict(doc))
                elif clean_meta and doc.id not in created:
                    old = _doc_dict(doc)
                    before = {k: getattr(doc, k) for k in clean_meta}
                    for k, v in clean_meta.items():
                        setattr(doc, k, v)
                    s.add(doc)
                    self._audit(s, "update", "document", str(doc.id), old, _doc_dict(doc))
                    if before != clean_meta:
                        steps.append(DocumentStep(doc.id or 0, before, dict(clean_meta)))
                assert doc.id is not None
                if s.get(Link, (self.assessment_id, code, doc.id)) is None:
                    s.add(Link(assessment_id=self.assessment_id, code=code, document_id=doc.id,
                               page_ref=nfc(page_ref), created_at=now_iso()))
                    self._audit(s, "link", "link", code, "", {"document": doc.id, "sha256": doc.sha256})
                    s.flush()
                    first = doc.id in created and not any(isinstance(st, LinkStep) and st.document_id == doc.id
                                                          for st in steps)
                    steps.append(LinkStep(code, doc.id, nfc(page_ref), True,
                                          doc.model_dump() if first else None))
                by_sha[sf.sha256] = doc
            for doc in (by_sha[sf.sha256] for sf in stored):
                codes = tuple(sorted(s.exec(select(Link.code).where(Link.assessment_id == self.assessment_id,
                                                                    Link.document_id == doc.id))))
                views.append(_doc_view(doc, codes))
            s.commit()
        self.history.record(Command(self._attach_name(steps, views), tuple(steps)))
        return views

    @staticmethod
    def _attach_name(steps: Sequence[Step], views: Sequence[DocumentView]) -> Msg:
        links = [st for st in steps if isinstance(st, LinkStep)]
        codes = sorted({st.code for st in links})
        docs = {st.document_id for st in links}
        if len(docs) == 1 and links:
            v = next(v for v in views if v.id == links[0].document_id)
            doc = document_label(v.number, v.original_name, v.id)
            return Msg("undo.attach", doc=doc, code=", ".join(codes))
        if len(codes) == 1:
            return Msg("undo.attach_many", count=len(docs), code=codes[0])
        return Msg("undo.attach_spread", count=len(docs), items=len(codes))

    def _doc_label(self, s: Session, document_id: int) -> str:
        doc = s.get(Document, document_id)
        return document_label(doc.number, doc.original_name, document_id) if doc else f"#{document_id}"

    def _check_editable_fast(self) -> None:
        """Refuse before copying a file into the store when the assessment is locked."""
        with self.reader() as s:
            a = s.get(Assessment, self.assessment_id)
            if a is not None and a.status != "draft":
                raise ParDeskError("ws.locked", version=a.version)

    def link(self, code: str, document_id: int, page_ref: str = "") -> Change:
        """Link an already-stored document to another leaf (no second copy)."""
        self.framework.leaf(code)
        with self.session() as s:
            self._editable(s)
            if s.get(Document, document_id) is None:
                raise ParDeskError("ws.no_document", id=document_id)
            if s.get(Link, (self.assessment_id, code, document_id)) is None:
                s.add(Link(assessment_id=self.assessment_id, code=code, document_id=document_id,
                           page_ref=nfc(page_ref), created_at=now_iso()))
                self._audit(s, "link", "link", code, "", {"document": document_id})
                name = Msg("undo.link", doc=self._doc_label(s, document_id), code=code)
                s.commit()
                self.history.record(Command(name, (LinkStep(code, document_id, nfc(page_ref), True),)))
        return Change(codes=frozenset({code}), totals=True, documents=True)

    def detach(self, code: str, document_id: int) -> Change:
        """Unlink; the file stays in the store while anything still uses it (gc removes orphans)."""
        with self.session() as s:
            self._editable(s)
            link = s.get(Link, (self.assessment_id, code, document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=document_id, code=code)
            step = LinkStep(code, document_id, link.page_ref, False)
            s.delete(link)
            self._audit(s, "unlink", "link", code, {"document": document_id}, "")
            name = Msg("undo.detach", doc=self._doc_label(s, document_id), code=code)
            s.commit()
        self.history.record(Command(name, (step,)))
        return Change(codes=frozenset({code}), totals=True, documents=True)

    def set_link_page(self, code: str, document_id: int, page_ref: str) -> Change:
        with self.session() as s:
            self._editable(s)
            link = s.get(Link, (self.assessment_id, code, document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=document_id, code=code)
            old = link.page_ref
            link.page_ref = nfc(page_ref)
            s.add(link)
            self._audit(s, "update", "link", code, {"document": document_id, "page_ref": old},
                        {"document": document_id, "page_ref": link.page_ref})
            name = Msg("undo.link_page", doc=self._doc_label(s, document_id), code=code)
            new = link.page_ref
            s.commit()
        if new != old:
            self.history.record(Command(name, (PageStep(code, document_id, old, new),)))
        return Change(codes=frozenset({code}), documents=True)

    def update_document(self, document_id: int, **meta: str) -> Change:
        clean = self._clean_meta(meta)
        with self.session() as s:
            doc = s.get(Document, document_id)
            if doc is None:
                raise ParDeskError("ws.no_document", id=document_id)
            old = _doc_dict(doc)
            before = {k: getattr(doc, k) for k in clean}
            for k, v in clean.items():
                setattr(doc, k, v)
            s.add(doc)
            self._audit(s, "update", "document", str(document_id), old, _doc_dict(doc))
            name = Msg("undo.doc_meta", doc=document_label(before.get("number", doc.number) or doc.number,
                                                            doc.original_name, document_id))
            s.commit()
        changed = {k: v for k, v in clean.items() if before[k] != v}
        if changed:
            self.history.record(Command(name, (DocumentStep(document_id, {k: before[k] for k in changed},
                                                            changed),)))
        return Change(documents=True)

    def _clean_meta(self, meta: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in meta.items():
            if key not in DOC_FIELDS:
                raise ParDeskError("ws.unknown_field", where=key, name=key)
            if value is None:
                continue
            text = nfc(str(value)).strip()
            if len(text) > 2000:
                raise ParDeskError("ws.too_long", where=key, length=len(text), limit=2000)
            if key == "issued_date" and text:
                text = parse_date(text)
            out[key] = text
        return out

    def document(self, document_id: int) -> DocumentView:
        docs = self.documents(document_ids=[document_id])
        if not docs:
            raise ParDeskError("ws.no_document", id=document_id)
        return docs[0]

    def documents(self, code: str | None = None, document_ids: list[int] | None = None,
                  unlinked: bool = False, missing_metadata: bool = False, search: str = "") -> list[DocumentView]:
        """The evidence library, with the filters the window offers."""
        with self.reader() as s:
            q = select(Document).order_by(Document.id)
            lq = select(Link).where(Link.assessment_id == self.assessment_id)
            if document_ids is not None:
                q = q.where(Document.id.in_(document_ids))  # type: ignore[union-attr]
                lq = lq.where(Link.document_id.in_(document_ids))  # type: ignore[attr-defined]
            if code is not None:  # filter in SQL: one item's documents, not the whole library
                ids = select(Link.document_id).where(Link.assessment_id == self.assessment_id, Link.code == code)
                q = q.where(Document.id.in_(ids))  # type: ignore[union-attr]
                lq = lq.where(Link.document_id.in_(ids))  # type: ignore[attr-defined]
            docs = list(s.exec(q))
            links: dict[int, list[str]] = {}
            pages: dict[int, str] = {}
            for lk in s.exec(lq):
                links.setdefault(lk.document_id, []).append(lk.code)
                if code is not None and lk.code == code and lk.page_ref:
                    pages[lk.document_id] = lk.page_ref
        needle = fold(search) if search else ""
        out = []
        for d in docs:
            codes = tuple(sorted(links.get(d.id or 0, [])))
            view = _doc_view(d, codes)
            if d.id in pages:  # seen from one item: where in the document *its* proof sits
                view = replace(view, page_ref=pages[d.id or 0])
            if code is not None and code not in codes:
                continue
            if unlinked and codes:
                continue
            if missing_metadata and not view.missing_metadata:
                continue
            if needle and needle not in fold(" ".join((d.original_name, d.number, d.issuer, d.subject, " ".join(codes)))):
                continue
            out.append(view)
        return out

    def links(self) -> list[Link]:
        with self.reader() as s:
            return list(s.exec(select(Link).where(Link.assessment_id == self.assessment_id)))

    def document_path(self, document_id: int) -> Path:
        return self.evidence.path_for(self.document(document_id).sha256)

    # ------------------------------------------------------------------
    # Results

    def evidence_counts(self) -> dict[str, int]:
        with self.reader() as s:
            rows = s.exec(select(Link.code, func.count()).where(Link.assessment_id == self.assessment_id)
                          .group_by(Link.code))
            return {code: n for code, n in rows}

    def version_chain(self) -> list[int]:
        """This version's id and those of the versions it continues, newest first."""
        ids: list[int] = []
        with self.reader() as s:
            current: int | None = self.assessment_id
            while current is not None:
                ids.append(current)
                row = s.get(Assessment, current)
                current = row.previous_id if row else None
        return ids

    def appraisals(self) -> dict[str, list[Appraisal]]:
        scope = self.version_chain()  # appraisals of v1 still show in v2
        with self.reader() as s:
            rows = s.exec(select(Appraisal).where(Appraisal.assessment_id.in_(scope))  # type: ignore[attr-defined]
                          .order_by(Appraisal.assessment_id, Appraisal.round, Appraisal.id))
            out: dict[str, list[Appraisal]] = {}
            for r in rows:
                out.setdefault(r.code, []).append(r)
            return out

    def leaf_states(self, answers: dict[str, AnswerView] | None = None) -> dict[str, LeafState]:
        answers = answers if answers is not None else self.answers()
        appraised = {}
        for code, rows in self.appraisals().items():
            scored = [r for r in rows if r.score is not None]
            if scored:  # the latest round that gave a score
                appraised[code] = Decimal(scored[-1].score)  # type: ignore[arg-type]
        fw = self.framework
        states = {}
        for code, a in answers.items():
            leaf = fw.leaf(code)
            states[code] = LeafState(inputs=a.inputs or None, not_applicable=a.not_applicable,
                                     appraised=appraised.get(code) if not leaf.self_scored else None)
        return states

    def summary(self) -> Summary:
        """Totals, rating, every leaf's status and the losing-points list, in one read."""
        fw = self.framework
        answers = self.answers()
        states = self.leaf_states(answers)
        counts = self.evidence_counts()
        totals = compute_totals(fw, states)
        statuses = all_statuses(fw, answers, counts)
        explanations = {c: a.explanation for c, a in answers.items()}
        lost = losing_points(fw, totals, states, counts, explanations)
        with self.reader() as s:
            ndocs = s.exec(select(func.count()).select_from(Document)).one()
        return Summary(totals, statuses, lost, counts, int(ndocs))

    def validate(self) -> list[ParDeskError]:
        """Every blocking problem, each naming its leaf: empty means ready to submit."""
        return self.summary().problems

    def audit(self, limit: int = 50, all_assessments: bool = False) -> list[AuditEntry]:
        with self.reader() as s:
            q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)  # type: ignore[union-attr]
            if not all_assessments:
                q = q.where((AuditEntry.assessment_id == self.assessment_id) | (AuditEntry.assessment_id.is_(None)))  # type: ignore[union-attr]
            return list(s.exec(q))

    def iter_audit(self, assessment_id: int | None = None) -> Iterator[AuditEntry]:
        with self.reader() as s:
            q = select(AuditEntry).order_by(AuditEntry.id)
            if assessment_id is not None:
                q = q.where(AuditEntry.assessment_id == assessment_id)
            yield from s.exec(q)

    # ------------------------------------------------------------------
    # Appraisal results arriving from the province

    def record_appraisal(self, code: str, round_: int, score: Any, comment: str = "",
                         request_explanation: bool = False, source: str = "") -> Change:
        from parDesk.scoring import parse_decimal

        leaf = self.framework.leaf(code)
        value = parse_decimal(score, f"{code}.score") if score not in (None, "") else None
        if value is not None and not (0 <= value <= leaf.max):
            raise ParDeskError("in.score_range", where=code, value=Num(value), max=Num(leaf.max))
        with self.session() as s:
            row = Appraisal(assessment_id=self.assessment_id, code=code, round=round_,
                            score=_dec(value) if value is not None else None, comment=nfc(comment),
                            request_explanation=request_explanation, received_at=now_iso(), source=source)
            s.add(row)
            self._audit(s, "appraisal", "appraisal", code, "",
                        {"round": round_, "score": row.score, "comment": row.comment,
                         "request_explanation": request_explanation})
            s.commit()
        return Change(codes=frozenset({code}), totals=True)

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

    # ------------------------------------------------------------------

    def _audit(self, s: Session, action: str, entity: str, key: str, old: Any, new: Any) -> None:
        s.add(AuditEntry(at=now_iso(), actor=self.actor, action=action, entity=entity, entity_key=key,
                         assessment_id=self.assessment_id if hasattr(self, "assessment_id") else None,
                         old=_j(old) if not isinstance(old, str) else old,
                         new=_j(new) if not isinstance(new, str) else new))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _dec(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def _doc_view(d: Document, codes: tuple[str, ...]) -> DocumentView:
    return DocumentView(d.id or 0, d.sha256, d.size, d.original_name, d.media_type, d.ext, d.number,
                        d.issued_date, d.issuer, d.subject, d.page_ref, d.added_at, codes)


def _doc_dict(doc: Document) -> dict[str, Any]:
    return {k: getattr(doc, k) for k in ("sha256", "size", "original_name", "media_type") + DOC_FIELDS}


def parse_date(text: str) -> str:
    """Accept ISO dates and the Vietnamese DD/MM/YYYY; store ISO."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ParDeskError("ws.bad_date", where="issued_date", value=text)


def fold(text: str) -> str:
    """Lower case without diacritics, so "thu tuc" finds "thủ tục"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
