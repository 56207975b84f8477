"""Regenerate the framework spreadsheet templates shipped in this folder.

    python resources/templates/build_templates.py [--out DIR]

* ``bo-chi-so-mau.xlsx`` — the empty template a province fills in: an
  instructions sheet ("Hướng dẫn"), the framework's information, rating
  bands, the tree of areas / criteria / sub-criteria, bonus and penalty items,
  with drop-down lists for the scoring kinds and yes/no columns.
* ``bo-chi-so-vi-du.xlsx`` — the same template filled with the sample commune
  framework (``resources/frameworks/sample-xa-2025.json``), written by
  :func:`parDesk.reports.xlsx.framework_to_xlsx`; reading it back with
  ``framework_from_xlsx`` gives a framework with the same hash as the JSON.

Output is byte-for-byte reproducible (fixed zip timestamps and document
properties), so a regenerated file only shows in ``git status`` when its
content changed. The format is documented in ``docs/reports.md``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from parDesk.models.framework import load_framework  # noqa: E402
from parDesk.reports.xlsx import framework_from_xlsx, framework_to_xlsx, write_framework_template  # noqa: E402

SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"


def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    empty = write_framework_template(out / "bo-chi-so-mau.xlsx").path
    fw = load_framework(SAMPLE)
    example = framework_to_xlsx(fw, out / "bo-chi-so-vi-du.xlsx").path
    back = framework_from_xlsx(example)
    if back.hash != fw.hash:  # the example must describe exactly the JSON framework
        raise SystemExit(f"round trip changed the framework: {back.hash} != {fw.hash}")
    return [empty, example]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: this folder)")
    args = ap.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
