"""Measure the printed forms and spreadsheets against the budgets in DESIGN.md.

    .venv/bin/python bench/bench_reports.py [--docs 2000] [--repeat 3] [--images docs/img]

* evidence checklist PDF for 2,000 documents (budget: < 3 s);
* XLSX export of the full sample framework (budget: < 1 s);
* and, for information, the scoring table PDF, the letter, reading the
  answers back from the workbook and reading a framework from the template.

The snapshot is built by ``tests/report_fixtures.py`` through the real
scoring code, on ``resources/frameworks/sample-xa-2025.json`` (or a synthetic
framework of the same size if that file is absent). Times are wall-clock,
best of ``--repeat`` runs after one warm-up run; the first (cold) run is shown
too. ``--images DIR`` also renders page 1 of each PDF to ``DIR/*.png`` (the
pictures in docs/reports.md).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from report_fixtures import build_snapshot, synthetic_framework  # noqa: E402

from parDesk.models.framework import load_framework  # noqa: E402
from parDesk.reports import (  # noqa: E402
    export_xlsx,
    framework_from_xlsx,
    read_answers_xlsx,
    render_checklist,
    render_letter,
    render_receipt_sheet,
    render_table,
)

SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"
EXAMPLE = ROOT / "resources" / "templates" / "bo-chi-so-vi-du.xlsx"


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    t0 = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - t0
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return cold, best, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark parDesk's reports")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--images", type=Path, help="also write page 1 of each PDF as PNG into this folder")
    args = ap.parse_args(argv)

    fw = load_framework(SAMPLE) if SAMPLE.exists() else synthetic_framework()
    leaves = sum(1 for _ in fw.all_leaves())
    print(f"framework: {fw.id} — {len(fw.areas)} areas, {leaves} scored items")
    snap_docs = build_snapshot(fw, total_docs=args.docs, status="locked")
    snap = build_snapshot(fw, status="locked")
    tmp = Path(tempfile.mkdtemp(prefix="pardesk-bench-"))
    rows: list[tuple[str, float, float, str, str]] = []

    def add(name: str, budget: float | None, fn: Callable[[], object], detail: Callable[[object], str]) -> None:
        cold, best, result = timed(fn, args.repeat)
        verdict = "" if budget is None else ("ok" if best < budget else "OVER BUDGET")
        rows.append((name, cold, best, f"< {budget:g} s {verdict}" if budget else "", detail(result)))

    add(f"checklist PDF, {args.docs:,} documents", 3.0,
        lambda: render_checklist(snap_docs, tmp / "checklist.pdf"),
        lambda r: f"{r.pages} pages, {r.size / 1e6:.2f} MB")
    add(f"scoring table PDF, {args.docs:,} documents", None,
        lambda: render_table(snap_docs, tmp / "table.pdf"), lambda r: f"{r.pages} pages")
    add("letter PDF", None, lambda: render_letter(snap, tmp / "letter.pdf"), lambda r: f"{r.pages} page(s)")
    add("XLSX export, full sample framework", 1.0, lambda: export_xlsx(snap, tmp / "bang.xlsx", fw),
        lambda r: f"{r.size / 1e3:.0f} kB")
    add("XLSX answers import (dry run)", None, lambda: read_answers_xlsx(tmp / "bang.xlsx", fw),
        lambda r: f"{len(r[0])} changes, {len(r[1])} errors")
    if EXAMPLE.exists():
        add("framework from XLSX template", None, lambda: framework_from_xlsx(EXAMPLE),
            lambda r: f"hash {r.hash[:12]}")

    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}   cold      best   budget")
    for name, cold, best, budget, detail in rows:
        print(f"{name:{width}}  {cold:6.3f} s  {best:6.3f} s  {budget:16} {detail}")

    if args.images:
        write_images(args.images, snap, tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all("OVER" not in r[3] for r in rows) else 1


def write_images(folder: Path, snap: dict, tmp: Path) -> None:
    """Page 1 of each form as PNG (72 dpi) for the documentation."""
    folder.mkdir(parents=True, exist_ok=True)
    pkg = hashlib.sha256(b"example package").hexdigest()
    forms = {
        "checklist": render_checklist(snap, tmp / "i-checklist.pdf").path,
        "table": render_table(snap, tmp / "i-table.pdf", number="15/UBND-VP", date="2026-01-05").path,
        "letter": render_letter(snap, tmp / "i-letter.pdf", number="15/UBND-VP", date="2026-01-05").path,
        "receipt": render_receipt_sheet(snap, tmp / "i-receipt.pdf", pkg,
                                        {"receipt_id": "SNV-2026-000123", "received_at": "2026-01-06T09:15:02+07:00",
                                         "status": "accepted", "package_hash": pkg}).path,
    }
    for name, pdf in forms.items():
        out = folder / f"{name}.png"
        subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf),
                        str(out.with_suffix(""))], check=True)
        print("wrote", out)


if __name__ == "__main__":
    raise SystemExit(main())
