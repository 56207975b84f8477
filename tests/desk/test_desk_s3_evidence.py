"""Evidence served by the desk when accepted packages live in an S3 bucket (a real moto server process on 127.0.0.1).

The desk reads the package in place by ranged GETs: the same responses as
from the data folder (whole, ranges, suffix, 416, 404 for an unknown hash,
the same headers), the first byte of a large scan quickly, and memory
bounded well below the document's size (the moto server runs in its own
process, so tracemalloc sees only the desk's allocations).
"""

from __future__ import annotations

import hashlib
import os
import time
import tracemalloc
import uuid
import zipfile

import pytest

pytest.importorskip("moto.server", reason="moto[server] is not installed (pip install 'pardesk[test]')")
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed (pip install 'pardesk[s3]')")

from desk_harness import Desk  # noqa: E402 - after the importorskip lines
from moto_proc import moto_server  # noqa: E402

from parDesk.sync.server.storage import S3Storage  # noqa: E402

MiB = 1024 * 1024
BIG = 24 * MiB


@pytest.fixture(scope="module")
def s3_endpoint():
    with moto_server(start_timeout_s=30) as url:
        yield url


@pytest.fixture(scope="module")
def s3_desk(s3_endpoint, tmp_path_factory):
    """One commune that submitted, by real sync, a package with a 24 MB scan; the server stores it in a bucket."""
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    tmp = tmp_path_factory.mktemp("s3-desk")
    name = f"pardesk-{uuid.uuid4().hex[:12]}"
    boto3.session.Session().client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=name)
    storage = S3Storage(name, tmp / "scratch", "tinh-mau", endpoint_url=s3_endpoint)
    desk = Desk(tmp, units=("11111",), evidence_bytes=BIG, storage=storage)
    gets: list[str] = []
    storage.client.meta.events.register("provide-client-params.s3.GetObject",
                                        lambda params, **kw: gets.append(params.get("Range", "")))
    try:
        yield desk, gets
    finally:
        desk.close()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _doc(desk):
    view = desk.desk.latest_view("11111", 2025)
    (sha, ref), = view.evidence.items()
    with zipfile.ZipFile(desk.packages["11111"].path) as zf:
        data = zf.read(ref.member)
    return sha, data


def test_package_is_in_the_bucket_not_on_disk(s3_desk):
    desk, _gets = s3_desk
    assert not (desk.tmp / "server" / "storage" / "packages").exists()
    assert isinstance(desk.service.storage, S3Storage)
    c = desk.client("snv")
    assert c.http.get("/desk/unit/11111").status_code == 200  # the submission page reads the package in place


def test_ranges_headers_and_errors_as_from_the_data_folder(s3_desk):
    desk, gets = s3_desk
    c = desk.client("snv")
    sha, data = _doc(desk)
    size = len(data)
    assert size > BIG
    for rng, part in (("bytes=0-99", data[:100]), ("bytes=100-4095", data[100:4096]), ("bytes=-50", data[-50:]),
                      (f"bytes={size - 10}-", data[-10:]), (f"bytes=5000000-{size + 500}", data[5000000:]),
                      ("bytes=12000000-12000000", data[12000000:12000001])):
        r = c.http.get(f"/desk/evidence/11111/{sha}", headers={"Range": rng})
        assert r.status_code == 206 and r.content == part, rng
        first = size - len(part)
        if rng.startswith("bytes=") and not rng.startswith("bytes=-"):
            first = int(rng[6:].split("-")[0])
        assert r.headers["content-range"] == f"bytes {first}-{first + len(part) - 1}/{size}", rng
        assert r.headers["content-length"] == str(len(part))
        assert r.headers["content-type"] == "application/pdf"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["accept-ranges"] == "bytes" and r.headers["etag"] == f'"{sha}"'
    for bad in (f"bytes={size}-", f"bytes={size + 10}-{size + 20}", "bytes=0-1,5-9", "bytes=90-10"):
        r = c.http.get(f"/desk/evidence/11111/{sha}", headers={"Range": bad})
        assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{size}", bad
    for unknown in ("0" * 64, hashlib.sha256(b"not in the package").hexdigest(), desk.packages["11111"].sha256):
        assert c.http.get(f"/desk/evidence/11111/{unknown}").status_code == 404, unknown
    assert desk.client("stp").http.get(f"/desk/evidence/11111/{sha}").status_code == 404  # area 2 only: not 1.1.1
    assert gets and all(g.startswith("bytes=") for g in gets)  # every read of the bucket is a ranged GET


def test_large_scan_first_byte_fast_and_memory_bounded(s3_desk):
    desk, gets = s3_desk
    c = desk.client("snv")
    sha, data = _doc(desk)
    url = f"/desk/evidence/11111/{sha}"
    c.http.get(url, headers={"Range": "bytes=0-0"})  # the package view is cached, as after the submission page
    firsts = []
    for _ in range(3):
        t0 = time.perf_counter()
        with c.http.stream("GET", url) as r:
            next(r.iter_raw(1))
            firsts.append(time.perf_counter() - t0)
    first_byte = sorted(firsts)[1]
    print(f"S3 evidence {len(data) / MiB:.0f} MiB: first byte {first_byte * 1000:.0f} ms (median of 3)")
    assert first_byte < 1.0  # target 0.1 s on an idle machine; generous for a loaded CI box

    del gets[:]
    h = hashlib.sha256()
    tracemalloc.start()
    try:
        with c.http.stream("GET", url) as r:
            assert r.status_code == 200 and r.headers["content-length"] == str(len(data))
            for chunk in r.iter_raw(256 * 1024):
                h.update(chunk)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"S3 evidence whole body: tracemalloc peak {peak / MiB:.1f} MiB, {len(gets)} ranged GETs")
    assert h.hexdigest() == hashlib.sha256(data).hexdigest()
    assert peak < 12 * MiB < len(data) // 2  # bounded read-ahead (4 MiB), never the whole document
    assert 5 <= len(gets) <= 40 and all(g.startswith("bytes=") for g in gets)
