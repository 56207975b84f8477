"""The server on a real PostgreSQL (started here from Debian's packages): same behaviour as SQLite."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from harness import (
    ServerThread,
    build_fast_package,
    client_for,
    make_fast_unit,
    make_service,
    register_fast,
    template_snapshot,
)
from helpers import TINY
from pg import PgCluster, pg_bindir
from sqlmodel import func, select

from parDesk.sync.server.models import Submission

pytestmark = pytest.mark.skipif(pg_bindir() is None,
                                reason="PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                                       "scripts/install-and-test.sh installs the 'postgresql' package")


@pytest.fixture(scope="module")
def pg():
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


def upload(url, unit, service, data, chunk=32 * 1024):
    with client_for(url, unit, service) as c:
        up = c.create_upload(len(data), {"filename": "p.zip"})
        offset = 0
        while offset < len(data):
            status, offset = c.patch(up, offset, data[offset:offset + chunk])
            assert status == 204
        for _ in range(200):
            status, result = c.finalise(up)
            if status == 200:
                return result
            time.sleep(0.1)
    raise AssertionError("no verdict")


def test_server_on_postgresql(tmp_path, pg):
    service = make_service(tmp_path, database_url=pg.url)
    assert service.engine.dialect.name == "postgresql"
    service.frameworks.publish(TINY.read_bytes())
    snap, fw = template_snapshot(tmp_path)
    units = [make_fast_unit(f"{60000 + i}") for i in range(30)]
    pkgs = {}
    for u in units:
        register_fast(service, u)
        pkgs[u.code] = build_fast_package(tmp_path / f"{u.code}.zip", u, snap, fw, evidence_bytes=20_000)
    with ServerThread(service) as srv:
        with ThreadPoolExecutor(30) as pool:
            results = list(pool.map(lambda u: upload(srv.url, u, service, pkgs[u.code].path.read_bytes()), units))
        assert all(r["status"] == "accepted" for r in results)
        again = upload(srv.url, units[0], service, pkgs[units[0].code].path.read_bytes())  # idempotent
        assert again["receipt"]["receipt"]["receipt_id"] == results[0]["receipt"]["receipt"]["receipt_id"]
        code = next(iter(__import__("parDesk.models.framework", fromlist=["x"]).parse_framework_bytes(fw)
                         .all_leaves())).code
        service.appraisals.import_rows([{"unit_code": units[1].code, "code": code, "round": 1, "score": "0",
                                    "comment": "Chưa đạt", "request_explanation": True}])
        with client_for(srv.url, units[1], service) as c:
            kinds = [e["kind"] for e in c.feed(0)["events"]]
        assert "appraisal" in kinds and "receipt" in kinds and "framework" in kinds
        with client_for(srv.url, units[0], service) as c:  # replay protection lives in PostgreSQL too
            captured = []
            c.http.event_hooks["request"] = [captured.append]
            c.feed(0)
            import httpx

            r = httpx.get(str(captured[-1].url), headers=dict(captured[-1].headers))
            assert r.json()["error"]["key"] == "auth.replay"
    with service.session() as s:
        assert s.exec(select(func.count()).select_from(Submission)).one() == 30
    service.close()
