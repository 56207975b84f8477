"""Temp files after a SIGKILL (issue 13.13): real kills during attach; the next open removes what the
dead writer left, and ``pardesk check`` counts them. Only our own temp names are touched."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT, TINY

from parDesk.fsutil import abandoned_temps, temp_writer
from parDesk.workspace import Workspace

ATTACHER = """
import sys
from pathlib import Path
from parDesk.workspace import Workspace
ws = Workspace(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    f = Path(sys.argv[2]) / f"big-{n}.pdf"
    f.write_bytes(b"%PDF-1.4\\n" + bytes([n % 251]) * (24 << 20))
    ws.attach("1.1.1", f)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_attach_leaves_temps_that_the_next_open_removes_and_check_counts(tmp_path, unit):
    folder = tmp_path / "ws"
    Workspace.create(folder, unit, TINY).close()
    pool = tmp_path / "pool"
    pool.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    seen_left = 0
    for round_no in range(30):
        proc = subprocess.Popen([sys.executable, "-c", ATTACHER, str(folder), str(pool)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 20
        while not list((folder / "evidence" / ".tmp").glob("*.partial")) and time.monotonic() < deadline:
            time.sleep(0.005)  # kill while a temp file is being written
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        left = [p for sub in ("", "evidence/.tmp", "backups", "identity", "packages")
                for p in abandoned_temps(folder / sub)]  # a kill may also land in the opening's backup
        r = subprocess.run([sys.executable, "-m", "parDesk.cli", "-w", str(folder), "check", "--json"],
                           capture_output=True, text=True, env=env, timeout=120)
        report = json.loads(r.stdout)
        assert report["temps_removed"] >= len(left), (round_no, report)
        assert report["ok"], report
        seen_left += report["temps_removed"]
        if left:
            assert any("tệp tạm" in n for n in report["notes"])
        assert abandoned_temps(folder / "evidence" / ".tmp") == []
        if seen_left >= 3:
            break
    assert seen_left >= 1  # the kills did land mid-write


def test_only_our_temp_names_are_ever_removed(tmp_path):
    dead = 2 ** 22 + 12345  # above pid_max on common systems: no such process
    ours = [f"{dead}-0123456789ab.partial", f".12345-2025-v1.zip.{dead}.partial", f".key.pem.{dead}.partial"]
    theirs = ["12345-2025-v1.zip", "12345-2025-v2.zip.partial", f"{dead}-notes.txt", "pardesk.sqlite",
              f"{os.getpid()}-0123456789ab.partial", f".cert.pem.{os.getpid()}.partial"]
    for name in ours + theirs:
        (tmp_path / name).write_bytes(b"x")
    assert temp_writer(ours[0]) == dead and temp_writer("12345-2025-v1.zip") is None
    assert sorted(p.name for p in abandoned_temps(tmp_path)) == sorted(ours)


def test_opening_cleans_the_workspace_folders(tiny_ws, tmp_path):
    folder = tiny_ws.folder
    tiny_ws.close()
    dead = 2 ** 22 + 7
    made = [folder / f".pardesk-x.sqlite.{dead}.partial", folder / "identity" / f".key.pem.{dead}.partial",
            folder / "packages" / f".12345-2025-v1.zip.{dead}.partial",
            folder / "evidence" / ".tmp" / f"{dead}-00112233aabb.partial"]
    for p in made:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"half")
    keep = folder / "packages" / "12345-2025-v1.zip"
    keep.write_bytes(b"PK")
    ws = Workspace(folder)
    try:
        assert ws.stale_temps_removed == len(made)
        assert not any(p.exists() for p in made) and keep.exists()
    finally:
        ws.close()
