"""The service layer's public surface: nobody outside the workspace package touches a Workspace private,
the identity folder is named once, settings live in one table, the USB copy is one core call,
and the threading rule of docs/architecture.md holds."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest
from helpers import ROOT

from parDesk import db
from parDesk.fsutil import copy_package, file_sha256
from parDesk.i18n import ParDeskError
from parDesk.workspace import DB_NAME, Workspace

PRIVATE = re.compile(r"\b(?:ws|workspace|_ws|self\.ws|self\.workspace|self\._ws|ctx\.workspace)\._[a-z]")
PACKAGE = ROOT / "parDesk" / "workspace"  # the service layer: the only code allowed to use Workspace privates
PARTS = {"__init__.py", "values.py", "base.py", "answers.py", "undo.py", "documents.py", "results.py"}


def _sources():
    for folder in ("parDesk", "tests", "bench", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.parent != PACKAGE:
                yield path


def test_the_exempt_package_is_exactly_the_service_layer():
    """The exemption cannot grow by accident: a new module in parDesk/workspace/ is a decision, made here."""
    assert not (ROOT / "parDesk" / "workspace.py").exists()
    assert {p.name for p in PACKAGE.iterdir() if p.suffix == ".py"} == PARTS
    assert not [p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"]
    import parDesk.workspace as package
    from parDesk.workspace.base import WorkspaceBase

    assert Path(package.__file__).parent == PACKAGE
    assert issubclass(Workspace, WorkspaceBase)
    # every part's class is one of Workspace's bases: no second class in the package gets the exemption
    parts = {c.__module__ for c in Workspace.__mro__ if c.__module__.startswith("parDesk.workspace")}
    assert parts == {"parDesk.workspace"} | {f"parDesk.workspace.{n[:-3]}" for n in PARTS
                                              if n not in ("__init__.py", "values.py")}


def test_nothing_outside_the_workspace_package_touches_a_workspace_private():
    hits = []
    for path in _sources():
        if path.name == "test_public_surface.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PRIVATE.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert hits == []


def test_the_grep_itself_finds_privates():
    for line in ("ws._audit(s, 'x')", "self.workspace._undo.clear()", "ctx.workspace._fw_cache", "workspace._x"):
        assert PRIVATE.search(line), line
    for line in ("ws.audit()", "view._task", "self._undo.clear()"):
        assert not PRIVATE.search(line), line


def test_the_identity_folder_is_built_in_one_place():
    builders = []
    for path in (ROOT / "parDesk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"""/\s*["']identity["']""", text):
            builders.append(path.name)
    assert builders == []  # parDesk/workspace/values.py spells it once, as IDENTITY_DIR


def test_identity_store_is_the_workspaces(tiny_ws):
    assert tiny_ws.identity.folder == tiny_ws.folder / "identity"
    assert tiny_ws.identity.info() is None


def test_settings_go_through_the_engine_and_one_table(tiny_ws):
    tiny_ws.set_setting("evidence_max_bytes", "1234")
    tiny_ws.set_settings(server_url="https://tinh.example", feed_cursor=7)
    assert tiny_ws.get_setting("evidence_max_bytes") == "1234"
    assert tiny_ws.get_setting("feed_cursor") == "7"
    assert tiny_ws.get_setting("nope", "x") == "x"
    tiny_ws.set_settings(feed_cursor=None)
    assert tiny_ws.get_setting("feed_cursor") is None
    con = sqlite3.connect(tiny_ws.db_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    rows = dict(con.execute("SELECT key, value FROM setting"))
    con.close()
    assert "sync_state" not in tables
    assert rows == {"evidence_max_bytes": "1234", "server_url": "https://tinh.example"}
    # the officer's setting is audited, sync's machine state is not
    actions = [(e.action, e.entity_key) for e in tiny_ws.audit(limit=10)]
    assert ("set", "evidence_max_bytes") in actions and all(k != "server_url" for _, k in actions)


def test_migration_4_moves_sync_state_into_setting_and_keeps_the_data(tmp_path):
    from test_migrations import restore_v1

    folder = tmp_path / "old"
    restore_v1(folder)  # a schema-1 workspace, brought to schema 3 with sync facts in sync_state
    db.migrate(folder / DB_NAME, target=3)
    con = sqlite3.connect(folder / DB_NAME)
    con.executescript("""
        INSERT INTO sync_state VALUES ('server_url', 'https://sni.example'), ('feed_cursor', '41'),
                                      ('evidence_max_bytes', 'from-sync');
        INSERT INTO setting VALUES ('evidence_max_bytes', '5000');
    """)
    con.close()
    ws = Workspace(folder)
    try:
        assert db.schema_version(folder / DB_NAME) == db.SCHEMA_VERSION >= 4
        assert ws.get_setting("server_url") == "https://sni.example"
        assert ws.get_setting("feed_cursor") == "41"
        assert ws.get_setting("evidence_max_bytes") == "5000"  # a key in both keeps the setting's value
        assert ws.evidence.max_bytes == 5000
    finally:
        ws.close()


# ---------------------------------------------------------------- the USB copy

def _package(tmp_path, size=3 * (1 << 20) + 17):
    src = tmp_path / "12345-2025-v1.zip"
    src.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    return src, file_sha256(src)


def test_copy_package_copies_fsyncs_and_verifies(tmp_path):
    src, sha = _package(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    seen = []
    dest = copy_package(src, usb, sha, progress=lambda d, t: seen.append((d, t)))
    assert dest == usb / src.name and dest.read_bytes() == src.read_bytes()
    assert seen[-1][0] == seen[-1][1] == 2 * src.stat().st_size  # written, then re-read
    assert [p.name for p in usb.iterdir()] == [src.name]
    # to an explicit file name, over an older copy
    again = copy_package(src, usb / "khac.zip", sha)
    assert again.read_bytes() == src.read_bytes()


def test_copy_package_refuses_and_removes_a_copy_that_does_not_hash(tmp_path):
    src, _sha = _package(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(ParDeskError) as exc:
        copy_package(src, usb, "0" * 64)
    assert exc.value.key == "fs.copy_bad_hash" and str(usb) in exc.value.message("vi")
    assert list(usb.iterdir()) == []


@pytest.mark.parametrize("at", [0.1, 0.5, 0.9])
def test_a_cancelled_copy_leaves_nothing(tmp_path, at):
    src, sha = _package(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()

    class Stop(Exception):
        pass

    def progress(done, total):
        if done >= at * total:
            raise Stop

    with pytest.raises(Stop):
        copy_package(src, usb, sha, progress=progress)
    assert list(usb.iterdir()) == []


def test_window_and_cli_make_the_same_copy_call():
    ui = (ROOT / "parDesk" / "ui" / "operations.py").read_text(encoding="utf-8")
    cli = (ROOT / "parDesk" / "package" / "cli.py").read_text(encoding="utf-8")
    for text in (ui, cli):
        assert "copy_package(" in text and "os.fsync" not in text and "shutil" not in text


# ---------------------------------------------------------------- the threading rule

def test_workspace_calls_from_several_threads_at_once(tiny_ws, tmp_path):
    """docs/architecture.md: any thread may call the workspace; each call has its own connection and
    transaction, SQLite queues the writers, and the in-memory history is guarded by a lock."""
    files = []
    for i in range(6):
        f = tmp_path / f"tl-{i}.pdf"
        f.write_bytes(b"%PDF-1.4 " + bytes([i]) * 300_000)
        files.append(f)
    codes = [leaf.code for leaf in tiny_ws.framework.all_leaves() if leaf.self_scored]
    errors: list[BaseException] = []

    def attach(f):
        try:
            tiny_ws.attach(codes[0], f)
        except BaseException as exc:
            errors.append(exc)

    def explain(n):
        try:
            for k in range(10):
                tiny_ws.set_explanation(codes[n % len(codes)], f"giải trình {n}-{k}")
                tiny_ws.summary()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=attach, args=(f,)) for f in files]
    threads += [threading.Thread(target=explain, args=(n,)) for n in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert errors == []
    assert len(tiny_ws.documents(code=codes[0])) == len(files)
    undone = 0
    while tiny_ws.can_undo:
        tiny_ws.undo()
        undone += 1
    assert undone == 3 * 10 + len(files)  # every edit and every attach is one step, none lost to a race
    assert all(a.explanation == "" for a in tiny_ws.answers().values())
    assert tiny_ws.documents() == []
