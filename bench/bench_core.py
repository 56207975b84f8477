"""Core benchmarks (issue: the Qt-free core), each figure beside a reference from the same run.

1. Open a workspace (sample framework, every leaf answered, 2,000 documents) and
   compute every total and status. Target: under 100 ms.
2. Attach 1 GB of evidence (500 files of 2 MB) against a durable copy of the
   same files (`cp` then `sync`). Target: at most 1.3x; peak memory flat, < 100 MB.

Run: .venv/bin/python bench/bench_core.py [--files 500] [--size-mb 2] [--docs 2000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parDesk.models.framework import load_framework  # noqa: E402
from parDesk.workspace import UnitInfo, Workspace  # noqa: E402

SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"
UNIT = UnitInfo("10105", "Ủy ban nhân dân xã Tân Lập", "Tỉnh Mẫu", "Nguyễn Văn An")

ATTACH_CHILD = r"""
import sys, time, resource
from pathlib import Path
from parDesk.workspace import Workspace
ws = Workspace(Path(sys.argv[1]))
codes = [l.code for l in ws.framework.leaves() if l.self_scored]
files = sorted(Path(sys.argv[2]).iterdir())
t = time.perf_counter()
if sys.argv[3] == "batch":
    ws.attach_many([(codes[i % len(codes)], f) for i, f in enumerate(files)])
else:
    for i, f in enumerate(files):
        ws.attach(codes[i % len(codes)], f)
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def answer_everything(ws: Workspace) -> None:
    for leaf in ws.framework.all_leaves():
        r = leaf.rule
        if r.kind == "survey":
            continue
        if r.kind == "yes_no":
            ws.set_inputs(leaf.code, {"done": True})
        elif r.kind in ("ratio_tiers", "proportional"):
            ws.set_inputs(leaf.code, {"numerator": 97, "denominator": 100})
        elif r.kind == "levels":
            ws.set_inputs(leaf.code, {"level": r.levels[0].id})
        elif r.kind == "manual":
            ws.set_inputs(leaf.code, {"score": str(leaf.max)})
        else:
            ws.set_inputs(leaf.code, {"violations": 1})
        ws.set_explanation(leaf.code, "Giải trình mẫu cho " + leaf.code)


def bench_open(tmp: Path, docs: int) -> None:
    folder = tmp / "open-ws"
    ws = Workspace.create(folder, UNIT, SAMPLE)
    answer_everything(ws)
    src = tmp / "small"
    src.mkdir()
    codes = [leaf.code for leaf in ws.framework.leaves() if leaf.self_scored]
    for i in range(docs):
        p = src / f"Tài liệu {i:04d}.pdf"
        p.write_bytes(b"%PDF-1.4\n" + os.urandom(64) + str(i).encode())
        ws.attach(codes[i % len(codes)], p, number=f"{i}/KH-UBND", issued_date="2025-03-01",
                  issuer="UBND xã", subject="Kế hoạch")
    ws.close()
    times = []
    for _ in range(15):
        t = time.perf_counter()
        w = Workspace(folder)
        s = w.summary()
        times.append(time.perf_counter() - t)
        w.close()
    load_only = []
    for _ in range(15):
        t = time.perf_counter()
        load_framework(SAMPLE)
        load_only.append(time.perf_counter() - t)
    print(f"[open+totals] {docs} documents, {len(s.statuses)} leaves: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms (target < 100 ms); reference: parsing the framework file alone "
          f"{statistics.median(load_only) * 1000:.1f} ms")


def bench_attach(tmp: Path, files: int, size_mb: int) -> None:
    src = tmp / "big"
    src.mkdir()
    for i in range(files):
        (src / f"Hồ sơ {i:04d}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(size_mb * 1024 * 1024 - 9))
    total = files * size_mb
    subprocess.run(["sync"], check=True)
    # reference: a durable copy of the same files
    dest = tmp / "cp-dest"
    t = time.perf_counter()
    subprocess.run(["cp", "-r", str(src), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    ref = time.perf_counter() - t
    shutil.rmtree(dest)
    subprocess.run(["sync"], check=True)

    for mode in ("batch", "one-by-one"):
        folder = tmp / f"attach-ws-{mode}"
        Workspace.create(folder, UNIT, SAMPLE).close()
        subprocess.run(["sync"], check=True)
        proc = subprocess.run([sys.executable, "-c", ATTACH_CHILD, str(folder), str(src), mode],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        elapsed_s, maxrss_kb = proc.stdout.split()
        elapsed = float(elapsed_s)
        print(f"[attach {mode}] {files} files x {size_mb} MB = {total} MB: parDesk {elapsed:.2f} s "
              f"({total / elapsed:.0f} MB/s); cp + sync {ref:.2f} s ({total / ref:.0f} MB/s); "
              f"ratio {elapsed / ref:.2f}x (target <= 1.3x); peak RSS {int(maxrss_kb) / 1024:.0f} MB "
              f"(target < 100 MB, flat)")
        shutil.rmtree(folder)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--size-mb", type=int, default=2)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--dir", help="scratch folder (default: a temp folder on the same disk as the workspace)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pardesk-bench-", dir=a.dir))
    (tmp / "empty").mkdir()
    try:
        bench_open(tmp, a.docs)
        bench_attach(tmp, a.files, a.size_mb)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
