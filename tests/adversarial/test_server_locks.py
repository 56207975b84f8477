"""Issue 13 §6: a unit at its upload limit gets an immediate, clear answer, and nobody else waits.

A unit with its unfinished uploads at the limit keeps asking for more from
several connections at once while other units, through the same server
process, create, upload and finalise whole packages. The over-limit unit must
be answered 429 (``tus.too_many``, with the count and the limit) within a
second every time, and the others must all be accepted with no request slower
than a few seconds: no request holds the database's writer lock while it
waits for anything. On SQLite (the default) and on PostgreSQL.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from server_proc import ServerProcess, build_fast_package, prepare, send_package, signed, tus_create

from parDesk.sync import protocol


def _hammer_and_send(server: ServerProcess, setup, tmp_path, limit: int) -> None:
    greedy, others = setup.units[0], setup.units[1:]
    packages = {u.code: build_fast_package(tmp_path / f"{u.code}.zip", u, setup.snapshot, setup.framework,
                                           evidence_bytes=300_000).path.read_bytes() for u in others}
    with httpx.Client(base_url=server.url, timeout=60) as http:
        for _ in range(limit):
            assert tus_create(http, greedy, 1000).status_code == 201

    def ask_more(_i: int) -> list[float]:
        times = []
        with httpx.Client(base_url=server.url, timeout=60) as http:
            for _ in range(8):
                t0 = time.monotonic()
                resp = tus_create(http, greedy, 1000)
                times.append(time.monotonic() - t0)
                assert resp.status_code == 429, resp.text
                err = resp.json()["error"]
                assert err["key"] == "tus.too_many" and err["params"] == {"count": str(limit), "limit": str(limit)}
                assert resp.headers.get("retry-after")
        return times

    def send(unit) -> tuple[int, str, float]:
        t0 = time.monotonic()
        with httpx.Client(base_url=server.url, timeout=60) as http:
            resp = send_package(http, unit, packages[unit.code], chunk=64 * 1024)
        return resp.status_code, resp.json().get("status"), time.monotonic() - t0

    with ThreadPoolExecutor(4 + len(others)) as pool:
        greedy_jobs = [pool.submit(ask_more, i) for i in range(4)]
        sends = [pool.submit(send, u) for u in others]
        answers = [f.result(timeout=180) for f in greedy_jobs]
        results = [f.result(timeout=180) for f in sends]
    slowest_refusal = max(t for times in answers for t in times)
    # the old bug answered after 60 s; under a loaded CI machine a refusal still takes well under 5 s
    assert slowest_refusal < 5, f"an over-limit request took {slowest_refusal:.2f} s"
    for status, verdict, elapsed in results:
        assert status == 200 and verdict == "accepted", (status, verdict)
        assert elapsed < 60
    server.assert_clean_log()


def test_upload_limit_is_immediate_on_sqlite(tmp_path):
    setup = prepare(tmp_path, n_units=5)
    with ServerProcess(setup.data) as server:
        _hammer_and_send(server, setup, tmp_path, limit=4)


def test_lower_limit_from_the_command_line(tmp_path):
    setup = prepare(tmp_path, n_units=3, first_code=61000)
    with ServerProcess(setup.data, "--max-open-uploads-per-unit", "2") as server:
        _hammer_and_send(server, setup, tmp_path, limit=2)


def test_cancelled_upload_frees_a_place_at_once(tmp_path):
    setup = prepare(tmp_path, n_units=1, first_code=62000)
    unit = setup.units[0]
    with ServerProcess(setup.data) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        urls = [tus_create(http, unit, 100).headers["location"] for _ in range(4)]
        assert tus_create(http, unit, 100).status_code == 429
        assert signed(http, unit, "DELETE", urls[0], headers={"Tus-Resumable": protocol.TUS_VERSION}).status_code == 204
        assert tus_create(http, unit, 100).status_code == 201
        assert tus_create(http, unit, 100).status_code == 429
        server.assert_clean_log()


def test_expired_uploads_are_cleaned_without_holding_the_lock(tmp_path):
    """At the limit, expired uploads are removed in their own short transactions and the new one is created."""
    from harness import make_service

    from parDesk.sync.server.models import Upload

    setup = prepare(tmp_path, n_units=1, first_code=63000)
    unit = setup.units[0]
    service = make_service(tmp_path)
    for _ in range(4):
        service.uploads.create(unit.code, 100, {})
    with service.session() as s:
        for up in s.exec(__import__("sqlmodel").select(Upload)):
            up.expires = 1
            s.add(up)
        s.commit()
    t0 = time.monotonic()
    up = service.uploads.create(unit.code, 100, {})
    assert time.monotonic() - t0 < 2 and up.id
    with service.read_session() as s:
        assert len(list(s.exec(__import__("sqlmodel").select(Upload)))) == 1
    service.close()


@pytest.mark.skipif(__import__("pg").pg_bindir() is None, reason="PostgreSQL binaries not installed")
def test_upload_limit_is_immediate_on_postgresql(tmp_path):
    from pg import PgCluster

    cluster = PgCluster().start()
    try:
        setup = prepare(tmp_path, n_units=4, first_code=64000, database_url=cluster.url)
        with ServerProcess(setup.data, "--db", cluster.url) as server:
            _hammer_and_send(server, setup, tmp_path, limit=4)
    finally:
        cluster.stop()
