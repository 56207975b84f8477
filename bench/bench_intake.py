"""Evidence intake: how often each proposed field is exactly right, and how long a reading takes.

    .venv/bin/python bench/bench_intake.py [--n 200] [--scans 200] [--out /tmp/intake-corpus]

Builds a corpus with parDesk's own Decree 30 forms code (tests/intake_corpus.py):
varied types, numbers, dates, issuers, subjects, one- and two-line headers,
numbers and dates left blank for the clerk. Each document is read born-digital,
and as a scan at 300 and at 200 dpi (noise, slight skew, JPEG). Per field it
counts right, wrong and missed separately: a wrong value is never counted as
a miss. Side by side in the same run, the reference timings are poppler's
``pdftotext -l 1`` for the text layer and the bare ``tesseract`` command on
the same page image for scans.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import intake_corpus as corpus  # noqa: E402 - found through the sys.path set just above

from parDesk.intake import read_document  # noqa: E402 - this worktree's, through the sys.path set above

FIELDS = ("number", "issued_date", "issuer", "doc_type", "subject")


def found_of(reading) -> dict[str, str]:
    p = reading.proposal
    return {"number": p.number, "issued_date": p.issued_date, "issuer": p.issuer, "doc_type": p.doc_type,
            "subject": p.subject}


def run(kind: str, docs: list[tuple[corpus.Spec, Path]], ref_sample: int) -> dict[str, object]:
    """Read every document; the reference tool runs on the first ``ref_sample`` only (it costs a whole OCR)."""
    counts = {f: {"right": 0, "wrong": 0, "miss": 0} for f in FIELDS}
    times, ref_times, cpu = [], [], []
    wrong_examples: list[str] = []
    for i, (spec, path) in enumerate(docs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self_before = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        reading = read_document(path, index_text=False)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self_after = resource.getrusage(resource.RUSAGE_SELF)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                   + (self_after.ru_utime + self_after.ru_stime - self_before.ru_utime - self_before.ru_stime))
        for field, verdict in corpus.score(found_of(reading), spec.truth()).items():
            counts[field][verdict] += 1
            if verdict != "right":
                wrong_examples.append(f"{verdict} {spec.name} {field}: "
                                      f"{found_of(reading)[field]!r} != {spec.truth()[field]!r}")
        if i < ref_sample:
            ref_times.append(reference(kind, path))
    return {"counts": counts, "times": times, "ref": ref_times, "cpu": cpu, "wrong": wrong_examples}


def reference(kind: str, path: Path) -> float:
    t0 = time.perf_counter()
    if kind == "text":
        subprocess.run(["pdftotext", "-l", "1", str(path), "-"], check=True, capture_output=True)
    else:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        img = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
        pdf.close()
        png = path.with_suffix(".ref.png")
        img.save(png)
        t0 = time.perf_counter()  # the reference is the OCR of the whole page, not the render
        subprocess.run(["tesseract", str(png), "-", "-l", "vie"], check=True, capture_output=True,
                       env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        png.unlink()
    return time.perf_counter() - t0


def report(kind: str, res: dict[str, object]) -> None:
    counts = res["counts"]
    assert isinstance(counts, dict)
    n = sum(counts["number"].values())
    print(f"\n== {kind}: {n} documents")
    if not n:
        return
    print(f"{'field':<12} {'right':>7} {'wrong':>6} {'miss':>5}")
    for f in FIELDS:
        c = counts[f]
        print(f"{f:<12} {100 * c['right'] / n:6.1f}% {c['wrong']:6d} {c['miss']:5d}")
    all_right = sum(counts[f]["right"] for f in FIELDS) / (n * len(FIELDS))
    times, ref, cpu = res["times"], res["ref"], res["cpu"]
    print(f"all fields   {100 * all_right:6.1f}%")
    assert isinstance(times, list) and isinstance(ref, list) and isinstance(cpu, list)
    p90 = sorted(cpu)[int(0.9 * (len(cpu) - 1))]
    print(f"time per document (page 1 read): wall median {statistics.median(times):.3f} s, max {max(times):.3f} s; "
          f"CPU median {statistics.median(cpu):.3f} s, p90 {p90:.3f} s, max {max(cpu):.3f} s")
    if ref:
        print(f"reference on the first {len(ref)}: median {statistics.median(ref):.3f} s "
              f"({'pdftotext -l 1' if kind == 'born-digital' else 'tesseract -l vie, whole page at 300 dpi'})")
    wrong = res["wrong"]
    assert isinstance(wrong, list)
    for line in wrong:
        print("  ", line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--scans", type=int, default=200, help="how many of the documents to scan at each dpi")
    ap.add_argument("--out", default="/tmp/pardesk-intake-corpus")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--ref-sample", type=int, default=20, help="documents per kind also read by the reference tool")
    ap.add_argument("--dpi", type=int, nargs="*", default=[300, 200])
    ap.add_argument("--no-born", action="store_true", help="skip the born-digital run")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    specs = corpus.specs(args.n)
    born = []
    for spec in specs:
        p = out / f"{spec.name}.pdf"
        if not p.exists():
            corpus.render(spec, p)
        born.append((spec, p))
    if not args.no_born:
        report("born-digital", run("text", born, args.ref_sample))
    for dpi in args.dpi:
        scans = []
        for i, (spec, p) in enumerate(born[: args.scans]):
            q = out / f"{spec.name}-{dpi}.pdf"
            if not q.exists():
                corpus.rasterise(p, q, dpi, seed=i)
            scans.append((spec, q))
        report(f"scans at {dpi} dpi", run("ocr", scans, args.ref_sample))
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
