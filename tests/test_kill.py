"""Kill the process at random instants while it attaches large files and edits answers.

Afterwards: the database passes its integrity check, every document row's file
exists with the right hash, no half-written file is left, and everything the
child reported as committed is there.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import TINY

from parDesk.maintenance import check
from parDesk.workspace import Workspace

WORKER = Path(__file__).with_name("kill_worker.py")
ROUNDS = int(os.environ.get("PARDESK_KILL_ROUNDS", "200"))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_at_random_moments_loses_nothing(tmp_path, unit):
    rng = random.Random(1234)
    pool = tmp_path / "pool"
    pool.mkdir()
    for i in range(12):  # large-ish files: 0.5–6 MB, distinct content
        (pool / f"Tài liệu {i}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(rng.randint(512 * 1024, 6 * 1024 * 1024)))
    folder = tmp_path / "ws"
    Workspace.create(folder, unit, TINY).close()
    killed_during_work = 0
    for round_no in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(WORKER), str(folder), str(pool), str(round_no)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err
        done = [ln.split() for ln in out.splitlines() if ln.strip()]
        killed_during_work += bool(done)

        ws = Workspace(folder)  # reopening cleans the dead writer's temp files
        try:
            report = check(ws)
            assert report.ok, [p.message("en") for p in report.problems]
            assert ws.evidence.leftover_temps() == []
            con = sqlite3.connect(ws.db_path)
            try:
                doc_ids = {row[0]: row[1] for row in con.execute("SELECT id, sha256 FROM document")}
                links = set(con.execute("SELECT document_id, code FROM link"))
            finally:
                con.close()
            # every file in the store is complete: named by its own hash
            for sha in ws.evidence.all_hashes():
                assert ws.evidence.verify(sha), sha
            # what the child saw committed is there
            last_attach = [d for d in done if d[0] == "attach"]
            for d in last_attach:
                assert doc_ids.get(int(d[1])) == d[2]
            explains = [d for d in done if d[0] == "explain"]
            if explains:
                stored = ws.answer("1.1.1").explanation
                seed, n = explains[-1][1], int(explains[-1][2])
                assert stored.startswith(f"seed {seed} op ")
                assert int(stored.rsplit(" ", 1)[1]) >= n
            ops = [d for d in done if d[0] in ("attach", "detach")]
            if ops and ops[-1][0] == "attach":
                assert (int(ops[-1][1]), ops[-1][3]) in links
        finally:
            ws.close()
    assert killed_during_work > ROUNDS // 2  # most kills landed mid-work, not before it began
