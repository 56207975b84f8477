"""A database saved by an earlier schema opens, upgrades in place and keeps its data."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import ROOT
from sqlmodel import SQLModel

from parDesk import db
from parDesk.i18n import ParDeskError
from parDesk.maintenance import list_backups
from parDesk.models import tables  # noqa: F401 - registers the tables
from parDesk.workspace import DB_NAME, Workspace

V1_DUMP = ROOT / "tests" / "data" / "workspace-schema-v1.sql"


def restore_v1(folder):
    folder.mkdir()
    con = sqlite3.connect(folder / DB_NAME)
    con.executescript(V1_DUMP.read_text(encoding="utf-8"))
    con.close()
    # the v1 fixture references an evidence file: create it so the store is consistent
    (folder / "evidence" / "e3").mkdir(parents=True)
    (folder / "evidence" / "e3" / "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").write_bytes(b"")


def test_v1_database_upgrades_and_keeps_everything(tmp_path):
    folder = tmp_path / "old"
    restore_v1(folder)
    assert db.schema_version(folder / DB_NAME) == 1
    ws = Workspace(folder)
    assert db.schema_version(folder / DB_NAME) == db.SCHEMA_VERSION
    assert ws.unit().name == "Ủy ban nhân dân xã Cũ"
    assert ws.unit().place == ""  # column added by migration 2
    ans = ws.answer("1.1.1")
    assert ans.inputs == {"done": True} and ans.explanation == "Đã ban hành kế hoạch"
    assert ws.documents()[0].number == "15/KH-UBND"
    assert ws.links()[0].page_ref == ""
    assert ws.audit()[-1].actor == "Cán bộ A"
    # the new table works
    ws.record_appraisal("1.1.1", 1, "2")
    # a backup was taken before touching the old database, and it is still schema 1
    backups = list_backups(folder)
    assert backups and "before-migration-v1" in backups[0][1].name
    assert db.schema_version(backups[0][1]) == 1


def test_migrations_match_the_models(tmp_path):
    """The SQL migrations and the SQLModel classes describe the same columns."""
    migrated = tmp_path / "m.sqlite"
    db.migrate(migrated)
    con = sqlite3.connect(migrated)
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in {"unit", "framework", "assessment", "answer", "document", "link", "appraisal", "audit",
                              "package", "outbox", "outbox_history", "setting"}:
            continue
        cols = {row[1] for row in con.execute(f"PRAGMA table_info({table.name})")}
        assert cols == {c.name for c in table.columns}, table.name
    con.close()


def test_a_newer_database_is_refused(tmp_path):
    folder = tmp_path / "new"
    restore_v1(folder)
    con = sqlite3.connect(folder / DB_NAME)
    con.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 5}")
    con.close()
    with pytest.raises(ParDeskError) as exc:
        Workspace(folder)
    assert exc.value.key == "db.too_new"
