"""A failing disk gets a clear message (issue 13.12): a read-only workspace and a full disk, on a real
small tmpfs (CI runs as root, and root ignores chmod, so read-only is a read-only mount).

Every command ends in words naming the cause, never a traceback; nothing is half-applied; a read-only
workspace still opens for viewing and printing.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, TINY

from parDesk.identity import UnitSubject
from parDesk.workspace import Workspace

PASS = "mật khẩu của xã"


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    point = tmp_path / "disk"
    point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=6m", "tmpfs", str(point)):
        pytest.skip("mount is not permitted here")
    yield point
    _mount("-o", "remount,rw", str(point))
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def pardesk(ws: Path, *args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PARDESK_PASSPHRASE=PASS, PARDESK_LANG=lang)
    return subprocess.run([sys.executable, "-m", "parDesk.cli", "-w", str(ws), *args], capture_output=True,
                          text=True, env=env, timeout=120)


def db_digest(ws: Path) -> str:
    """What the workspace holds, as SQL text (the bytes of the file may move between pages)."""
    import sqlite3

    con = sqlite3.connect(f"file:{ws / 'pardesk.sqlite'}?mode=ro&immutable=1", uri=True)
    try:
        rows = [r for table in ("answer", "document", "link", "package", "assessment")
                for r in con.execute(f"SELECT * FROM {table}")]
    finally:
        con.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def disk_ws(small_disk, unit, tmp_path):
    folder = small_disk / "ws"
    ws = Workspace.create(folder, unit, TINY)
    for code, inputs in (("1.1.1", {"done": True}), ("1.1.2", {"numerator": 9, "denominator": 10})):
        ws.set_inputs(code, inputs)
    ws.identity.create(UnitSubject(unit.name, unit.admin_code, unit.province), PASS)
    doc = tmp_path / "ke-hoach.pdf"
    doc.write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))
    ws.attach("1.1.1", doc, number="15/KH-UBND")
    ws.close()
    big = tmp_path / "bao-cao.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(700_000))
    return folder, big


WRITES = [("set", "1.1.2", "numerator=8", "denominator=10"), ("explain", "1.1.1", "Đã ban hành"),
          ("na", "1.2.2"), ("evidence", "attach", "1.1.3", "{big}"), ("package", "build", "--allow-problems")]


def _args(cmd: tuple[str, ...], big: Path) -> list[str]:
    return [a.replace("{big}", str(big)) for a in cmd]


@pytest.mark.parametrize("lang,word", [("vi", "chỉ đọc"), ("en", "read-only")])
def test_a_read_only_workspace_opens_for_viewing_and_refuses_every_write_in_words(disk_ws, lang, word, tmp_path):
    folder, big = disk_ws
    assert _mount("-o", "remount,ro", str(folder.parent))
    before, names = db_digest(folder), files(folder)
    for cmd in WRITES:
        r = pardesk(folder, *_args(cmd, big), lang=lang)
        assert r.returncode == 2, (cmd, r.stdout, r.stderr)
        assert word in r.stderr and str(folder) in r.stderr and "Traceback" not in r.stderr, (cmd, r.stderr)
    for cmd in (("status",), ("validate",), ("check",), ("evidence", "list"), ("show", "1.1.1"), ("audit",)):
        r = pardesk(folder, *cmd, lang=lang)
        assert r.returncode in (0, 1) and "Traceback" not in r.stderr, (cmd, r.stderr)
    status = json.loads(pardesk(folder, "status", "--json").stdout)
    assert status["completed"] == 2
    assert db_digest(folder) == before and files(folder) == names  # nothing written, nothing half-applied
    # viewing and printing: the snapshot and a printed form, written outside the workspace
    from parDesk.reports import render_checklist
    from parDesk.snapshot import build_snapshot

    ws = Workspace(folder)
    try:
        assert ws.read_only is not None and ws.read_only.key == "disk.read_only"
        assert ws.summary().totals.completed == 2 and ws.documents()[0].number == "15/KH-UBND"
        render_checklist(build_snapshot(ws), tmp_path / "tlkc.pdf", lang=lang)
        assert (tmp_path / "tlkc.pdf").read_bytes().startswith(b"%PDF")
        with pytest.raises(Exception) as exc:
            ws.set_explanation("1.1.1", "x")
        assert getattr(exc.value, "key", "") == "disk.read_only"
    finally:
        ws.close()


def _fill(disk: Path, leave: int) -> Path:
    filler = disk / "filler"
    st = os.statvfs(disk)
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, st.f_bavail * st.f_frsize - leave))
        fh.flush()
        os.fsync(fh.fileno())
    return filler


@pytest.mark.parametrize("leave", [0, 120_000, 400_000])
def test_a_full_disk_says_so_with_the_free_space_and_half_applies_nothing(disk_ws, leave):
    folder, big = disk_ws
    _fill(folder.parent, leave)
    for cmd in WRITES:
        before, names = db_digest(folder), files(folder)
        r = pardesk(folder, *_args(cmd, big))
        assert "Traceback" not in r.stderr and "disk I/O error" not in r.stderr, (cmd, r.stderr)
        if r.returncode == 0:
            continue  # it fitted: a whole change, which is fine
        assert r.returncode == 2, (cmd, r.stdout, r.stderr)
        assert "đầy" in r.stderr and "còn trống" in r.stderr and "cần khoảng" in r.stderr, (cmd, r.stderr)
        assert "không đọc được" not in r.stderr  # attach must not blame the officer's file
        assert db_digest(folder) == before, cmd
        left = {n for n in files(folder) - names  # SQLite's own log files are not ours to judge
                if not n.startswith("backups/") and n not in ("pardesk.sqlite-wal", "pardesk.sqlite-shm")}
        assert left == set(), (cmd, left)  # no temp file, no half package
    r = pardesk(folder, "--lang", "en", "evidence", "attach", "1.1.3", str(big))
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr
    if r.returncode == 2:
        assert "is full" in r.stderr and "free" in r.stderr
    r = pardesk(folder, "status")
    assert r.returncode == 0, r.stderr  # reading still works on a full disk


def test_after_the_space_is_freed_the_writes_work_again(disk_ws):
    folder, big = disk_ws
    filler = _fill(folder.parent, 0)
    assert pardesk(folder, "explain", "1.1.1", "lần 1").returncode == 2
    filler.unlink()
    r = pardesk(folder, "explain", "1.1.1", "lần 2")
    assert r.returncode == 0, r.stderr
    r = pardesk(folder, "evidence", "attach", "1.1.3", str(big))
    assert r.returncode == 0, r.stderr
    check = json.loads(pardesk(folder, "check", "--json").stdout)
    assert check["ok"], check
