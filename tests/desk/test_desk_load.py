"""20 appraiser sessions writing at once on PostgreSQL (and SQLite): no lost and no doubled write.

Each session logs in over HTTP and, in its own thread, (a) writes items that
are its own (distinct units × items × rounds are not available in the tiny
framework, so each session owns a comment slot on its items) and (b) fights
over three shared items with optimistic concurrency: read the version, write
with it, retry on 409. At the end every successful write is in the database
exactly once (the version counts them), the audit has one row per success,
and the stored value is the last successful write.
"""

from __future__ import annotations

import random
import threading

import pytest
from desk_harness import PASSWORD, SNV, Desk
from pg import PgCluster, pg_bindir
from sqlmodel import func, select

from parDesk.sync.server.desk import accounts
from parDesk.sync.server.models import DeskAudit

SESSIONS = 20
SHARED = ("1.1.1", "1.2.2", "T.2")
WRITES_EACH = 6


def _load(d: Desk, SESSIONS: int = SESSIONS, WRITES_EACH: int = WRITES_EACH) -> None:
    for i in range(SESSIONS):
        accounts.create_user(d.service.session, f"tdv{i:02d}", PASSWORD, "appraiser", agency=SNV)
    clients = [d.client(f"tdv{i:02d}") for i in range(SESSIONS)]
    successes: list[tuple[str, str, int, str]] = []  # unit, code, version, comment
    conflicts = [0]
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(SESSIONS)

    def work(i: int) -> None:
        c = clients[i]
        rnd = random.Random(i)
        barrier.wait()
        for n in range(WRITES_EACH):
            unit, code = rnd.choice(("11111", "22222")), rnd.choice(SHARED)
            version = 0
            for _attempt in range(200):
                comment = f"s{i}-w{n}"
                score = "1" if code != "1.2.2" else "1.5"
                r = c.entry(unit, code, 1, score, version=version, comment=comment)
                if r.status_code == 200:
                    with lock:
                        successes.append((unit, code, r.json()["version"], comment))
                    break
                if r.status_code == 409:
                    with lock:
                        conflicts[0] += 1
                    version = (r.json().get("current") or {}).get("version", 0)
                    continue
                with lock:
                    errors.append(f"{r.status_code} {r.text[:200]}")
                return
            else:
                with lock:
                    errors.append("no progress")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors[:5]
    assert len(successes) == SESSIONS * WRITES_EACH
    entries = {}
    for unit in ("11111", "22222"):
        for (code, _round), e in d.desk.entries(unit, 2025).items():
            entries[(unit, code)] = e
    for key in {(u, c) for u, c, _v, _m in successes}:
        mine = sorted((v, m) for u, c, v, m in successes if (u, c) == key)
        versions = [v for v, _m in mine]
        assert versions == list(range(1, len(mine) + 1)), (key, versions)  # each write once, none lost
        assert entries[key].version == len(mine) and entries[key].comment == mine[-1][1]
    with d.service.session() as s:
        n_audit = s.exec(select(func.count()).select_from(DeskAudit).where(DeskAudit.action == "entry")).one()
    assert n_audit == len(successes)
    assert conflicts[0] > 0  # the sessions really did collide


@pytest.mark.slow
@pytest.mark.skipif(pg_bindir() is None, reason="PostgreSQL binaries not installed")
def test_twenty_sessions_on_postgresql(tmp_path):
    cluster = PgCluster().start()
    try:
        d = Desk(tmp_path, database_url=cluster.url)
        try:
            _load(d)
        finally:
            d.close()
    finally:
        cluster.stop()


def test_five_sessions_on_sqlite(desk):
    """The same check, small enough for the default run."""
    _load(desk, 5, 3)
