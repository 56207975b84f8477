"""200 units sending at once: no error, nothing lost, nothing duplicated."""

from __future__ import annotations

import threading
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
from sqlmodel import select

from parDesk.sync.receipts import verify_receipt
from parDesk.sync.server.models import Submission

UNITS = 200


def send(url, unit, service, path, chunk=16 * 1024):
    data = path.read_bytes()
    with client_for(url, unit, service, timeout=120) as c:
        up = c.create_upload(len(data), {"filename": path.name})
        offset = 0
        while offset < len(data):
            status, new = c.patch(up, offset, data[offset:offset + chunk])
            assert status == 204, status
            offset = new
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status, result = c.finalise(up)
            if status == 200:
                return result
            time.sleep(0.2)
    raise AssertionError("no verdict")


@pytest.mark.slow
def test_200_units_at_once(tmp_path):
    service = make_service(tmp_path)
    service.frameworks.publish(TINY.read_bytes())
    snap, fw = template_snapshot(tmp_path)
    units = [make_fast_unit(f"{40000 + i}") for i in range(UNITS)]
    packages = {}
    for u in units:
        register_fast(service, u)
        packages[u.code] = build_fast_package(tmp_path / f"{u.code}.zip", u, snap, fw, evidence_bytes=40_000)
    start = threading.Barrier(UNITS)
    with ServerThread(service) as srv:
        def one(u):
            start.wait(30)
            return send(srv.url, u, service, packages[u.code].path)

        t0 = time.monotonic()
        with ThreadPoolExecutor(UNITS) as pool:
            results = list(pool.map(one, units))
        elapsed = time.monotonic() - t0
    print(f"\n{UNITS} units, {sum(p.size for p in packages.values()) / 1e6:.1f} MB in {elapsed:.1f} s")
    assert elapsed < 120
    for u, r in zip(units, results, strict=True):
        assert r["status"] == "accepted", (u.code, r)
        fields = verify_receipt(r["receipt"], service.cert)
        assert fields["unit"] == u.code and fields["package_sha256"] == packages[u.code].sha256
    with service.session() as s:
        subs = list(s.exec(select(Submission)))
    assert len(subs) == UNITS
    assert {s.unit_code for s in subs} == {u.code for u in units}
    assert {s.package_sha256 for s in subs} == {p.sha256 for p in packages.values()}
    for sub in subs:
        assert service.storage.has_package(sub.storage_key)
    service.close()
