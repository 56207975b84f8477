"""The desk with accepted packages in an S3 bucket, beside the data folder: one commune's package with a 50 MB scan.

A real S3-compatible server (moto, in a process of its own, so this process's
memory is the desk's alone) on 127.0.0.1, and the desk over real HTTP. For
each storage:

1. the first read of a package by a new desk core (its ``assessment.json``: ranged GETs on S3);
2. the first opening of the submission page (the package verified again, once per package: on S3 the
   package is downloaded to scratch for it), then the same page warm;
3. the 50 MB document: first byte (target < 100 ms), a 64 KB range four fifths in (40 MB of 50), the last 64 KB,
   the whole body with this process's tracemalloc peak (never the whole document in memory) and, on S3,
   the ranged GETs it took.

Run: PYTHONPATH=. .venv/bin/python bench/bench_desk_s3.py [--evidence-mb 50] [--runs 10]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "sync"), str(ROOT / "tests" / "desk")]

from moto_proc import moto_server  # noqa: E402 - tests/ is on the path above

MiB = 1024 * 1024


def fmt(xs: list[float]) -> str:
    xs = sorted(xs)
    p90 = xs[max(0, math.ceil(len(xs) * 0.9) - 1)]  # nearest rank: never below the median
    return f"median {statistics.median(xs):.1f} ms, p90 {p90:.1f} ms (n={len(xs)})"


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def measure(label: str, tmp: Path, mb: int, runs: int, storage: Any = None) -> None:
    import zipfile

    from desk_harness import Desk
    from sqlmodel import col, delete

    from parDesk.sync.server.desk import results
    from parDesk.sync.server.desk.core import DeskCore
    from parDesk.sync.server.models import DeskSetting

    t0 = time.perf_counter()
    desk = Desk(tmp, units=("11111",), evidence_bytes=mb * MiB, storage=storage)
    gets: list[str] = []
    if storage is not None:
        storage.client.meta.events.register("provide-client-params.s3.GetObject",
                                            lambda params, **kw: gets.append(params.get("Range", "")))
    try:
        print(f"[{label}] set-up (one commune, {mb} MB scan, real sync) {time.perf_counter() - t0:.1f} s")
        service = desk.service
        # 1. first read of the package by a new desk core
        del gets[:]
        view_ms = timed(lambda: DeskCore(service).latest_view("11111", 2025), runs)
        per = f" ({len(gets) / runs:.1f} ranged GETs each)" if storage is not None else ""
        print(f"[{label}] 1. package read by a new desk core: {fmt(view_ms)}{per}")
        # 2. the submission page: the first opening verifies the package again (once per package), then warm
        c = desk.client("snv")
        t = time.perf_counter()
        r = c.http.get("/desk/unit/11111?year=2025")
        first_page = (time.perf_counter() - t) * 1000
        r.raise_for_status()
        warm_page = timed(lambda: c.http.get("/desk/unit/11111?year=2025").raise_for_status(), runs)
        core = DeskCore(service)
        verify_cold = []
        for _ in range(min(runs, 3)):  # the kept result removed: the verification itself, each time
            with service.session() as s:
                s.exec(delete(DeskSetting).where(col(DeskSetting.key).startswith("verify")))
                s.commit()
            t = time.perf_counter()
            results.verification(core, "11111", 2025)
            verify_cold.append((time.perf_counter() - t) * 1000)
        print(f"[{label}] 2. submission page over HTTP: first opening {first_page:.0f} ms (includes the package's "
              f"verification: {fmt(verify_cold)}); warm {fmt(warm_page)}")
        # 3. the 50 MB document
        view = core.latest_view("11111", 2025)
        (sha, ref), = view.evidence.items()
        with zipfile.ZipFile(desk.packages["11111"].path) as zf:
            size = zf.getinfo(ref.member).file_size
        url = f"/desk/evidence/11111/{sha}?year=2025"
        c.http.get(url, headers={"Range": "bytes=0-0"}).raise_for_status()  # the document's place found once
        del gets[:]
        ttfb = []
        for _ in range(runs):
            t = time.perf_counter()
            with c.http.stream("GET", url) as resp:
                resp.raise_for_status()
                next(resp.iter_raw(1))
                ttfb.append((time.perf_counter() - t) * 1000)
        first_gets = f" ({len(gets) / runs:.1f} ranged GETs each)" if storage is not None else ""
        at = mb * 800_000  # four fifths in: 40 MB of the default 50
        mid = timed(lambda: c.http.get(url, headers={"Range": f"bytes={at}-{at + 65535}"}).raise_for_status(), runs)
        tail = timed(lambda: c.http.get(url, headers={"Range": "bytes=-65536"}).raise_for_status(), runs)
        del gets[:]
        tracemalloc.start()
        t = time.perf_counter()
        n = 0
        try:
            with c.http.stream("GET", url) as resp:
                for chunk in resp.iter_raw(1 << 20):
                    n += len(chunk)
            whole = (time.perf_counter() - t) * 1000
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert n == size, (n, size)
        s3_gets = f", {len(gets)} ranged GETs" if storage is not None else ""
        print(f"[{label}] 3. {size / MiB:.0f} MiB document: first byte {fmt(ttfb)}{first_gets}  [target < 100 ms]; "
              f"64 KB at {at / 1e6:.0f} MB {fmt(mid)}; last 64 KB {fmt(tail)}; whole body in {whole:.0f} ms{s3_gets}, "
              f"tracemalloc peak {peak / MiB:.1f} MiB")
    finally:
        desk.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--evidence-mb", type=int, default=50)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                       "AWS_DEFAULT_REGION": "us-east-1"})
    import boto3

    from parDesk.sync.server.storage import S3Storage

    tmp = Path(tempfile.mkdtemp(prefix="bench-desk-s3-"))
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"on {os.cpu_count()} cores")
    measure("folder", tmp / "folder", args.evidence_mb, args.runs)
    with moto_server() as endpoint:
        name = f"pardesk-bench-{uuid.uuid4().hex[:8]}"
        boto3.session.Session().client("s3", endpoint_url=endpoint).create_bucket(Bucket=name)
        storage = S3Storage(name, tmp / "s3" / "scratch", "tinh-mau", endpoint_url=endpoint)
        measure("S3 (moto)", tmp / "s3", args.evidence_mb, args.runs, storage=storage)
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
