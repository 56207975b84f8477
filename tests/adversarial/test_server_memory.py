"""Issue 13 §7: the server's memory stays bounded while it refuses hostile inputs, and comes back.

One real ``pardesk-server serve`` process; its resident memory (VmRSS from
``/proc/<pid>/status``, sampled every 20 ms) is measured while it refuses, one
after another:

- a zip whose classic end record says 1 entry while its zip64 end record says
  1,000,000 (a 47 MB central directory of 1,000,000 records), uploaded by tus;
- signed packages whose bag-info carries a 6 MB and a 20 MB field;
- a 32 MB request head;
- a 1 MB JSON body nested a million levels deep, on register and session.

Bounds (stated here, checked below): while refusing, the peak stays under
baseline + ``PEAK_MB``; afterwards the process is back under baseline +
``AFTER_MB``. The baseline is taken after one ordinary package was accepted
(the verifier's modules are loaded). Receipts and feed answers stay small.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
import struct
import threading
import time

import httpx
import pytest
from server_proc import RssSampler, ServerProcess, build_fast_package, prepare, send_package, signed

from parDesk.package.bag import PayloadEntry, build_package

PEAK_MB = 60
AFTER_MB = 25
FIGURES: dict[str, dict[str, float]] = {}


def zip64_count_lie(n: int = 1_000_000) -> bytes:
    """A central directory of ``n`` one-letter records; classic end record says 1, zip64 says ``n``."""
    record = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) + b"a"
    cd = record * n
    z64_at = len(cd)
    z64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, n, n, len(cd), 0)
    loc = struct.pack("<4sLQL", b"PK\x06\x07", 0, z64_at, 1)
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return cd + z64 + loc + eocd


def huge_bag_package(tmp, setup, unit, field_mb: int) -> bytes:
    from parDesk.models.framework import parse_framework_bytes
    from parDesk.snapshot import snapshot_bytes

    fw = parse_framework_bytes(setup.framework)
    snap = json.loads(json.dumps(setup.snapshot))
    snap["unit"]["code"], snap["unit"]["name"] = unit.code, unit.name
    payload = [PayloadEntry("assessment.json", snapshot_bytes(snap)), PayloadEntry("framework.json", setup.framework)]
    bag = [("Source-Organization", "Ủy ban " + "A" * (field_mb << 20)), ("Unit-Code", unit.code),
           ("Unit-Province", "Tỉnh Mẫu"), ("Framework-Id", fw.id), ("Framework-SHA256", fw.hash),
           ("Assessment-Year", str(fw.year)), ("Submission-Id", "sub-big"), ("Submission-Version", "7"),
           ("Previous-Package-SHA256", "none")]
    dest = tmp / f"bag-{field_mb}.zip"
    build_package(dest, payload, bag, unit.signer, bagging_date=dt.date(2026, 1, 5), overwrite=True)
    return dest.read_bytes()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("memory")
    setup = prepare(tmp, n_units=2)
    with ServerProcess(setup.data, "--burst-per-ip", "100000", "--burst-per-unit", "100000") as srv:
        with httpx.Client(base_url=srv.url, timeout=120) as http:
            ok = build_fast_package(tmp / "ok.zip", setup.units[1], setup.snapshot, setup.framework)
            assert send_package(http, setup.units[1], ok.path.read_bytes()).json()["status"] == "accepted"
        time.sleep(1)
        srv.baseline = srv.rss_mb()
        yield srv, setup, tmp
        srv.assert_clean_log()
    print(f"\nserver RSS (MB): baseline {srv.baseline:.0f}")
    for name, f in FIGURES.items():
        print(f"  {name}: peak {f['peak']:.0f} (+{f['peak'] - srv.baseline:.0f}), after {f['after']:.0f} "
              f"(+{f['after'] - srv.baseline:.0f})")


def _measure(srv, name: str, action) -> None:
    with RssSampler(srv) as sampler:
        action()
    time.sleep(1.0)
    after = srv.rss_mb()
    FIGURES[name] = {"peak": sampler.peak, "after": after}
    assert sampler.peak < srv.baseline + PEAK_MB, (name, sampler.peak, srv.baseline)
    assert after < srv.baseline + AFTER_MB, (name, after, srv.baseline)


def test_zip64_count_lie(world):
    srv, setup, _tmp = world
    data = zip64_count_lie()

    def go() -> None:
        with httpx.Client(base_url=srv.url, timeout=300) as http:
            resp = send_package(http, setup.units[0], data, chunk=8 << 20)
        assert resp.status_code == 200 and resp.json()["status"] == "refused"
        assert len(resp.content) < 20_000

    _measure(srv, "zip64 count lie (47 MB, 1,000,000 entries)", go)


@pytest.mark.parametrize("field_mb", [6, 20])
def test_huge_bag_info_field(world, field_mb):
    srv, setup, tmp = world
    unit = setup.units[0]
    data = huge_bag_package(tmp, setup, unit, field_mb)

    def go() -> None:
        with httpx.Client(base_url=srv.url, timeout=300) as http:
            resp = send_package(http, unit, data)
            assert resp.status_code == 200 and resp.json()["status"] == "refused", resp.text[:500]
            assert len(resp.content) < 20_000, len(resp.content)  # the field is not copied into the receipt
            feed = signed(http, unit, "GET", "/v1/feed", query="after=0&limit=500")
            assert feed.status_code == 200 and len(feed.content) < 200_000, len(feed.content)

    _measure(srv, f"bag-info field of {field_mb} MB", go)


def test_32_mb_headers(world):
    srv, _setup, _tmp = world
    head = b"GET /v1/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (32 << 20) + b"\r\n\r\n"

    def go() -> None:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=30) as s:
            def push() -> None:
                with contextlib.suppress(OSError):
                    s.sendall(head)
            t = threading.Thread(target=push, daemon=True)
            t.start()
            answer = s.recv(4096)
            t.join(10)
        assert answer.startswith(b"HTTP/1.1 431")

    _measure(srv, "32 MB request head", go)


@pytest.mark.parametrize("path", ["/v1/register", "/v1/session"])
def test_deep_json(world, path):
    srv, _setup, _tmp = world
    body = b"[" * ((1 << 20) - 16)

    def go() -> None:
        with httpx.Client(base_url=srv.url, timeout=60) as http:
            for _ in range(5):
                resp = http.post(path, content=body, headers={"Content-Type": "application/json"})
                assert resp.status_code == 400 and resp.json()["error"]["key"] == "srv.bad_json"

    _measure(srv, f"1 MB deep JSON on {path} (x5)", go)
