"""Package benchmarks (the signed submission package), each figure beside a reference from the same run.

1 GB of evidence (500 files of 2 MB, incompressible, ``.pdf`` so they are stored,
not deflated) attached to a real workspace (sample framework), signed with a
software identity made in the workspace.

1. Build the signed package (``build_submission``; only that call is timed)
   against a durable copy of the same bytes: ``cat`` the 500 evidence files into
   one file, then ``sync``. Target: at most 1.3x.
2. The same build against bagit-python: ``bagit.make_bag`` (SHA-256 only, as
   parDesk) on a copy of the same files, then ``zip -0 -r`` of the bag, then
   ``sync`` (parDesk's build fsyncs its package, so both end durable).
   Target: parDesk at least 1.5x faster.
3. Peak memory of the build: the build runs in a child process, which reads
   ``getrusage(RUSAGE_SELF).ru_maxrss`` itself. Target: < 150 MB.
4. Verify the package (``verify_package``, trusted = the unit's certificate)
   against ``hashlib.sha256`` over the package file in 1 MiB chunks.
   Target: at most 1.5x.

Every round starts from a fresh workspace (a signed assessment is locked, and
building again returns the existing package) and takes every measurement;
medians and [min-max] over the rounds are printed, with each round's ratio.
``sync`` runs between measurements; caches are not dropped (the evidence and
the package are in the page cache for parDesk and reference alike).

Run: .venv/bin/python bench/bench_package.py [--files 500] [--size-mb 2] [--rounds 3] [--dir SCRATCH]
"""

from __future__ import annotations

import argparse
import hashlib
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

import bagit  # noqa: E402

from parDesk.identity import IdentityStore, UnitSubject  # noqa: E402
from parDesk.package.verify import verify_package  # noqa: E402
from parDesk.workspace import UnitInfo, Workspace  # noqa: E402

SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"
UNIT = UnitInfo("10105", "Ủy ban nhân dân xã Tân Lập", "Tỉnh Mẫu", "Nguyễn Văn An")
SUBJECT = UnitSubject("Ủy ban nhân dân xã Tân Lập", "10105", "Tỉnh Mẫu")
PASSPHRASE = "mật khẩu thử nghiệm"
CHUNK = 1 << 20

BUILD_CHILD = r"""
import sys, time, resource
from pathlib import Path
from parDesk.identity import IdentityStore
from parDesk.package import submission
from parDesk.workspace import Workspace

# time the parts of build_submission without changing what it does
parts = {"forms": 0.0, "zip": 0.0}
def timed(key, fn):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[key] += time.perf_counter() - t
    return wrapper
submission.REPORT_HOOKS[:] = [timed("forms", h) for h in submission.REPORT_HOOKS]
submission.build_package = timed("zip", submission.build_package)

folder = Path(sys.argv[1])
ws = Workspace(folder)
signer = IdentityStore(folder / "identity").signer(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
rec = submission.build_submission(ws, signer, allow_problems=True)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ws.close()
print(elapsed, before, peak, parts["forms"], parts["zip"], rec.path)
"""


def sync() -> None:
    subprocess.run(["sync"], check=True)


def make_evidence(src: Path, files: int, size_mb: int) -> None:
    src.mkdir()
    for i in range(files):
        (src / f"Hồ sơ {i:04d}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(size_mb * 1024 * 1024 - 9))


def make_workspace(folder: Path, src: Path) -> tuple[list[Path], object]:
    """Workspace with every source attached and an identity; returns the stored evidence paths and the cert."""
    ws = Workspace.create(folder, UNIT, SAMPLE)
    codes = [leaf.code for leaf in ws.framework.leaves() if leaf.self_scored]
    ws.attach_many([(codes[i % len(codes)], f) for i, f in enumerate(sorted(src.iterdir()))])
    evidence = [ws.evidence.path_for(d.sha256) for d in sorted(ws.documents(), key=lambda d: d.sha256)]
    ws.close()
    store = IdentityStore(folder / "identity")
    store.create(SUBJECT, PASSPHRASE)
    return evidence, store.certificate()


def time_cat_sync(tmp: Path, evidence: list[Path]) -> float:
    """Reference 1: a durable copy of the same bytes (``cat`` into one file, then ``sync``)."""
    out = tmp / "cat-out.bin"
    sync()
    t = time.perf_counter()
    with open(out, "wb") as fh:
        subprocess.run(["cat", *map(str, evidence)], stdout=fh, check=True)
    sync()
    elapsed = time.perf_counter() - t
    out.unlink()
    sync()
    return elapsed


def time_build(ws_folder: Path) -> tuple[float, int, int, float, float, Path]:
    """parDesk, in a child process so its peak memory is its own.

    (seconds, RSS before, peak RSS, of which rendering the printed forms, of which build_package, package)
    """
    sync()
    proc = subprocess.run([sys.executable, "-c", BUILD_CHILD, str(ws_folder), PASSPHRASE],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    elapsed_s, before_kb, peak_kb, forms_s, zip_s, path_s = proc.stdout.strip().split(maxsplit=5)
    sync()
    return float(elapsed_s), int(before_kb), int(peak_kb), float(forms_s), float(zip_s), Path(path_s)


def time_bagit(tmp: Path, src: Path) -> tuple[float, float, float]:
    """Reference 2: (make_bag, zip -0 -r, sync) seconds on a fresh copy of the same files."""
    bag = tmp / "bagit-bag"
    zipped = tmp / "bagit-bag.zip"
    shutil.copytree(src, bag)
    sync()
    t0 = time.perf_counter()
    bagit.make_bag(str(bag), {"Source-Organization": UNIT.name}, checksums=["sha256"])
    t1 = time.perf_counter()
    subprocess.run(["zip", "-q", "-0", "-r", str(zipped), "."], cwd=bag, check=True)
    t2 = time.perf_counter()
    sync()
    t3 = time.perf_counter()
    shutil.rmtree(bag)
    zipped.unlink()
    sync()
    return t1 - t0, t2 - t1, t3 - t2


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            h.update(view[:n])
    return h.hexdigest()


def time_verify(pkg: Path, cert: object) -> tuple[float, float]:
    """(verify_package, hashlib.sha256 in 1 MiB chunks) seconds; both must agree on the package hash."""
    sync()
    t = time.perf_counter()
    report = verify_package(pkg, trusted=[cert])
    ours = time.perf_counter() - t
    if not report.valid or report.trusted is not True:
        raise SystemExit(f"package did not verify: {[str(p) for p in report.problems]}")
    t = time.perf_counter()
    digest = sha256_file(pkg)
    ref = time.perf_counter() - t
    if digest != report.package_sha256:
        raise SystemExit("verify_package's package SHA-256 differs from hashlib's")
    return ours, ref


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s [{min(values):.2f}-{max(values):.2f}]"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--size-mb", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3,
                    help="each round: a fresh workspace, then every measurement (default 3)")
    ap.add_argument("--dir", help="scratch folder (default: a temp folder)")
    a = ap.parse_args()
    total_mb = a.files * a.size_mb
    print(f"evidence: {a.files} files x {a.size_mb} MB = {total_mb} MB, incompressible, .pdf (stored); "
          f"{a.rounds} rounds; {os.cpu_count()} CPUs; load average at start {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="pardesk-bench-pkg-", dir=a.dir))
    builds, cats, bags, verifies, hashes, peaks, befores = [], [], [], [], [], [], []
    try:
        src = tmp / "evidence-src"
        make_evidence(src, a.files, a.size_mb)
        for r in range(a.rounds):
            ws_folder = tmp / f"ws-{r}"
            evidence, cert = make_workspace(ws_folder, src)
            sync()
            # alternate which goes first, so neither always meets the other's writeback
            if r % 2 == 0:
                cat = time_cat_sync(tmp, evidence)
                build, before, peak, forms, zipping, pkg = time_build(ws_folder)
            else:
                build, before, peak, forms, zipping, pkg = time_build(ws_folder)
                cat = time_cat_sync(tmp, evidence)
            bag = time_bagit(tmp, src)
            ver, ref = time_verify(pkg, cert)
            builds.append(build)
            cats.append(cat)
            bags.append(bag)
            verifies.append(ver)
            hashes.append(ref)
            peaks.append(peak)
            befores.append(before)
            print(f"  round {r + 1}: build {build:.2f} s (printed forms {forms:.2f} + build_package {zipping:.2f} "
                  f"+ snapshot and database {build - forms - zipping:.2f}) | cat + sync {cat:.2f} s | "
                  "bagit + zip + sync "
                  f"{sum(bag):.2f} s (make_bag {bag[0]:.2f} + zip {bag[1]:.2f} + sync {bag[2]:.2f}) | "
                  f"verify {ver:.2f} s | hashlib {ref:.2f} s | peak RSS {peak / 1024:.0f} MB")
            shutil.rmtree(ws_folder)
            sync()

        b, c = statistics.median(builds), statistics.median(cats)
        g = statistics.median(sum(x) for x in bags)
        v, h = statistics.median(verifies), statistics.median(hashes)
        per_round = lambda xs, ys: ", ".join(f"{x / y:.2f}" for x, y in zip(xs, ys, strict=True))  # noqa: E731
        print(f"[build] parDesk build_submission {spread(builds)} ({total_mb / b:.0f} MB/s); "
              f"cat + sync {spread(cats)} ({total_mb / c:.0f} MB/s); ratio {b / c:.2f}x "
              f"(per round {per_round(builds, cats)}) (target <= 1.3x)")
        print(f"[build vs bagit] parDesk {spread(builds)}; bagit.make_bag + zip -0 -r + sync "
              f"{spread([sum(x) for x in bags])}; parDesk {g / b:.2f}x faster "
              f"(per round {per_round([sum(x) for x in bags], builds)}) (target >= 1.5x)")
        print(f"[build memory] peak RSS of the building process, highest of {a.rounds}: {max(peaks) / 1024:.0f} MB "
              f"(target < 150 MB); reference: the same process before the build (imports, workspace open, key) "
              f"{max(befores) / 1024:.0f} MB")
        print(f"[verify] parDesk verify_package {spread(verifies)} ({total_mb / v:.0f} MB/s); "
              f"hashlib.sha256 in 1 MiB chunks {spread(hashes)} ({total_mb / h:.0f} MB/s); ratio {v / h:.2f}x "
              f"(per round {per_round(verifies, hashes)}) (target <= 1.5x)")
        print(f"load average at the end {os.getloadavg()[0]:.2f} (other work on the machine skews every figure)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
