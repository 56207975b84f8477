"""The workbook's live formulas give exactly the core's figures (issue 9, point 3).

Many random answer sets on frameworks of many shapes (generated, plus the
shipped sample and a real workspace with an unfilled survey item) are exported,
then edited as an officer would edit them — levels typed by name or id in any
case, yes/no as "x" or "không đạt", invalid values — and recalculated by
LibreOffice headless, all workbooks in one soffice run. Every leaf score,
subtotal, applicable maximum, capped block, the total, the percentage and the
rating must equal :func:`parDesk.scoring.compute_totals` to the last digit;
and importing the recalculated workbook back must give the same totals.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_fixtures import (
    build_snapshot,
    framework_dict,
    random_answers,
    random_framework,
    shipped_framework,
    small_framework,
)

from parDesk.models.framework import Framework, Leaf, parse_framework
from parDesk.reports import export_xlsx, read_answers_xlsx
from parDesk.reports.xlsx import _COL, _L, FIRST_ROW, SHEET_SCORES
from parDesk.reports.xlsx_formulas import percent_formula, rating_formula
from parDesk.scoring import LeafState, Totals, compute_totals, percent_of, rating_for

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) not installed")

NA_TEXT = "Không áp dụng"
TOTAL_LABELS = {
    "base": "Cộng điểm các lĩnh vực", "bonus": "Điểm thưởng (đã áp dụng mức tối đa)",
    "penalty": "Điểm trừ (đã áp dụng mức tối đa)", "total": "TỔNG ĐIỂM TỰ ĐÁNH GIÁ",
    "max_applicable": "Điểm tối đa của đơn vị (trừ tiêu chí không áp dụng)", "percent": "Tỷ lệ đạt (%)",
    "rating": "Tự xếp loại",
}


@dataclass
class Case:
    """One workbook: its framework, the inputs the core sees for each leaf, and what the cells must show."""

    name: str
    fw: Framework
    inputs: dict[str, Any]
    not_applicable: set[str]
    appraised: dict[str, Decimal]
    path: Path
    invalid: set[str] = field(default_factory=set)  # leaves given a value the core refuses
    expected: Totals | None = None

    def totals(self, inputs: dict[str, Any] | None = None) -> Totals:
        inputs = self.inputs if inputs is None else inputs
        states = {lf.code: LeafState(inputs=inputs.get(lf.code), not_applicable=lf.code in self.not_applicable,
                                     appraised=self.appraised.get(lf.code)) for lf in self.fw.all_leaves()}
        return compute_totals(self.fw, states)


# ---------------------------------------------------------------------------
# Building the cases


_YES_TYPED = ["Có", "có", " CÓ ", "x", "X", "yes", "1", "Đạt", "true"]
_NO_TYPED = ["Không", "không", "KHONG", "no", "0", "không đạt", "False"]


def _typed(leaf: Leaf, inputs: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    """The cells an officer types for ``inputs``, in one of the many forms the import accepts."""
    kind = leaf.rule.kind
    if kind == "yes_no":
        return {"done": rnd.choice(_YES_TYPED if inputs["done"] else _NO_TYPED)}
    if kind == "levels":
        lv = next(lv for lv in leaf.rule.levels if lv.id == inputs["level"])
        text = rnd.choice([lv.id, lv.label, lv.label.upper(), f"  {lv.label} ", lv.id.upper()])
        if text.strip().isdigit() and rnd.random() < 0.5:
            return {"level": int(text)}
        return {"level": text}
    if kind == "manual":
        return {"score_input": float(Decimal(inputs["score"]))}
    if kind == "deductions":
        return {"violations": inputs["violations"]}
    return {"numerator": inputs["numerator"], "denominator": inputs["denominator"]}


def _invalid(leaf: Leaf, rnd: random.Random) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A value the core refuses, as (cells typed, inputs the core would be given)."""
    kind = leaf.rule.kind
    if kind in ("ratio_tiers", "proportional"):
        return {"numerator": 9, "denominator": 4}, {"numerator": 9, "denominator": 4}
    if kind == "levels":
        return {"level": "không có mức này"}, {"level": "không có mức này"}
    if kind == "manual":
        off = leaf.max + leaf.rule.step if rnd.random() < 0.5 else leaf.rule.step / 2
        return {"score_input": float(off)}, {"score": str(off)}
    if kind == "deductions":
        v = rnd.choice([-1, 1.5])
        return {"violations": v}, {"violations": v}
    if kind == "yes_no":
        return {"done": "chưa rõ"}, {"done": "chưa rõ"}
    return None


def _rows_by_code(ws: Any) -> dict[str, int]:
    return {str(ws.cell(r, _COL["code"]).value): r for r in range(FIRST_ROW, ws.max_row + 1)
            if ws.cell(r, _COL["code"]).value}


def make_case(name: str, fw: Framework, seed: int, out: Path, *, with_invalid: bool = False) -> Case:
    """Export a random answer set, then retype part of it in the sheet as an officer would."""
    rnd = random.Random(seed)
    answers = random_answers(fw, rnd)
    snap = build_snapshot(fw, answers, docs_per_leaf=0)
    path = export_xlsx(snap, out / f"{name}.xlsx", fw).path
    case = Case(name, fw, {c: a["inputs"] for c, a in answers.items() if a.get("inputs")},
                {c for c, a in answers.items() if a.get("not_applicable") and fw.leaf(c).can_be_na},
                {c: Decimal(a["appraised"]) for c, a in answers.items() if a.get("appraised") is not None}, path)
    wb = load_workbook(path)
    ws = wb[SHEET_SCORES]
    rows = _rows_by_code(ws)
    for leaf in fw.all_leaves():
        if leaf.rule.kind == "survey" or not leaf.self_scored or leaf.code in case.not_applicable:
            continue
        roll = rnd.random()
        if roll < 0.4:
            continue  # keep what the export wrote
        if with_invalid and roll > 0.9:
            bad = _invalid(leaf, rnd)
            if bad is None:
                continue
            cells, core_inputs = bad
            case.inputs[leaf.code] = core_inputs
            case.invalid.add(leaf.code)
        else:
            from report_fixtures import random_inputs

            new = case.inputs.get(leaf.code) if roll < 0.6 and leaf.code in case.inputs else random_inputs(leaf, rnd)
            case.inputs[leaf.code] = new
            cells = _typed(leaf, new, rnd)
        r = rows[leaf.code]
        for key in ("done", "numerator", "denominator", "level", "violations", "score_input"):
            ws[f"{_L[key]}{r}"] = None
        for key, value in cells.items():
            ws[f"{_L[key]}{r}"] = value
    wb.save(path)
    case.expected = case.totals()
    return case


def workspace_case(tmp: Path, seed: int) -> Case:
    """The issue's own scenario: a real workspace on the shipped sample, survey items not filled."""
    from report_fixtures import random_inputs

    from parDesk.snapshot import build_snapshot as real_snapshot
    from parDesk.workspace import UnitInfo, Workspace

    fw = shipped_framework("sample-xa-2025.json")
    assert fw is not None
    ws = Workspace.create(tmp / f"ws-{seed}", UnitInfo(admin_code="12345", name="Ủy ban nhân dân xã Tân Lập",
                                                       province="Tỉnh Mẫu"), fw)
    rnd = random.Random(seed)
    try:
        for leaf in fw.all_leaves():
            if leaf.rule.kind == "survey" or not leaf.self_scored:
                continue
            if leaf.can_be_na and rnd.random() < 0.3:
                ws.set_not_applicable(leaf.code, True)
            elif rnd.random() < 0.85:
                ws.set_inputs(leaf.code, random_inputs(leaf, rnd))
        snap = real_snapshot(ws)
        totals = ws.summary().totals
        answers = ws.answers()
    finally:
        ws.close()
    path = export_xlsx(snap, tmp / f"workspace-{seed}.xlsx", fw).path
    case = Case(f"workspace-{seed}", fw, {c: a.inputs for c, a in answers.items() if a.inputs},
                {c for c, a in answers.items() if a.not_applicable}, {}, path)
    case.expected = case.totals()
    assert case.expected.total == totals.total and case.expected.percent == totals.percent
    return case


def recalc_all(cases: list[Case], out_dir: Path) -> dict[str, Path]:
    """Recalculate every workbook in ONE LibreOffice run (its start-up is the slow part)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "xlsx", "--outdir", str(out_dir), *[str(c.path) for c in cases]],
                   check=True, capture_output=True, timeout=900)
    return {c.name: out_dir / c.path.name for c in cases}


def edge_framework() -> Framework:
    """Proportional items in every rounding mode and places, on maxima where halfway values are common."""
    raw = framework_dict()
    kids = []
    for i, (mode, places, mx) in enumerate((m, p, x) for m in ("half_up", "half_even", "down", "up")
                                           for p in (0, 1, 2, 3) for x in ("1", "0.75")):
        kids.append({"code": f"1.1.{i + 1}", "title": f"Tỷ lệ {mode} {places}", "max": mx,
                     "rule": {"kind": "proportional", "rounding": {"places": places, "mode": mode}}})
    total = sum((Decimal(k["max"]) for k in kids), Decimal(0))
    raw.update(id="edges", scale=str(total), areas=[{"code": "1", "title": "Lĩnh vực", "max": str(total), "children": [
        {"code": "1.1", "title": "Tiêu chí", "max": str(total), "children": kids}]}])
    return parse_framework(raw, "edges.json")


def build_cases(tmp: Path, frameworks: int, answer_sets: int) -> list[Case]:
    inp = tmp / "in"
    inp.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = [make_case(f"edges-{k}", edge_framework(), k, inp) for k in range(2)]
    for f in range(frameworks):
        fw = random_framework(1000 + f)
        for k in range(answer_sets):
            cases.append(make_case(f"rand{f}-{k}", fw, 97 * f + k, inp, with_invalid=k % 3 == 2))
    for name, fw in (("small", small_framework()), ("sample", shipped_framework("sample-xa-2025.json"))):
        if fw is not None:
            for k in range(2):
                cases.append(make_case(f"{name}-{k}", fw, 500 + k, inp, with_invalid=k == 1))
    cases.append(workspace_case(tmp, 7))
    return cases


# ---------------------------------------------------------------------------
# The comparison


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def check_case(case: Case, recalculated: Path) -> None:
    ws = load_workbook(recalculated, data_only=True)[SHEET_SCORES]
    rows = _rows_by_code(ws)
    want = case.expected
    assert want is not None
    S, M = _L["score"], _L["max_applicable"]
    where = f"{case.name} ({case.fw.id})"
    for leaf in case.fw.all_leaves():
        cell = ws[f"{S}{rows[leaf.code]}"].value
        if leaf.code in case.not_applicable:
            assert cell == NA_TEXT, (where, leaf.code)
            assert ws[f"{M}{rows[leaf.code]}"].value == 0, (where, leaf.code)
            continue
        assert _dec(cell) == want.leaf_scores.get(leaf.code), (where, leaf.code, leaf.rule.kind,
                                                              case.inputs.get(leaf.code))
    for code, nt in want.nodes.items():
        assert _dec(ws[f"{S}{rows[code]}"].value) == nt.score, (where, code)
        assert _dec(ws[f"{M}{rows[code]}"].value) == nt.max_applicable, (where, code)
    labels = {ws.cell(r, _COL["title"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}

    def total(key: str) -> Any:
        return ws[f"{S}{labels[TOTAL_LABELS[key]]}"].value

    for key in ("base", "bonus", "penalty", "total", "max_applicable", "percent"):
        assert _dec(total(key)) == getattr(want, key), (where, key, total(key), getattr(want, key))
    assert total("rating") == want.rating, (where, total("percent"))

    # Reading the recalculated workbook back gives the same figures (or refuses the invalid cells).
    changes, errors = read_answers_xlsx(recalculated, case.fw)
    if case.invalid:
        bad_rows = {int("".join(ch for ch in e.where.split("!")[1] if ch.isdigit())) for e in errors}
        assert bad_rows == {rows[c] for c in case.invalid}, (where, [e.where for e in errors])
        return
    assert errors == [], (where, [(e.where, e.message()) for e in errors])
    imported = case.totals(dict(changes))
    assert (imported.total, imported.max_applicable, imported.percent, imported.rating) == \
        (want.total, want.max_applicable, want.percent, want.rating), where
    assert imported.leaf_scores == want.leaf_scores, where


def percent_probe(out: Path, rnd: random.Random, count: int = 400) -> tuple[Path, list[tuple[Decimal, Decimal]]]:
    """A sheet of (total, maximum) pairs whose percentage is often exactly halfway between two hundredths."""
    from openpyxl import Workbook

    pairs: list[tuple[Decimal, Decimal]] = []
    for _ in range(count):
        mx = Decimal(rnd.choice(["80", "16", "40", "8", "100", "97.5", "3.2", "26"]))
        k = rnd.randint(0, 10000)
        total = ((Decimal(k) + Decimal("0.5")) * mx / 10000) if rnd.random() < 0.7 else mx * k / 10000
        total = total.quantize(Decimal("0.0001")) if total.as_tuple().exponent < -4 else total
        pairs.append((total, mx))
    fw = random_framework(1)
    wb = Workbook()
    ws = wb.active
    for r, (total, mx) in enumerate(pairs, start=1):
        ws.cell(r, 1, float(total))
        ws.cell(r, 2, float(mx))
        ws.cell(r, 3, percent_formula(f"A{r}", f"B{r}", 4))
        ws.cell(r, 4, rating_formula(fw, f"C{r}", "vi"))
    path = out / "percent-probe.xlsx"
    wb.save(path)
    return path, pairs


def _run(tmp_path: Path, frameworks: int, answer_sets: int) -> list[Case]:
    cases = build_cases(tmp_path, frameworks, answer_sets)
    probe, pairs = percent_probe(tmp_path / "in", random.Random(frameworks))
    probe_case = Case("percent-probe", random_framework(1), {}, set(), {}, probe)
    out = recalc_all(cases + [probe_case], tmp_path / "out")
    for case in cases:
        check_case(case, out[case.name])
    ws = load_workbook(out["percent-probe"], data_only=True).active
    fw = random_framework(1)
    for r, (total, mx) in enumerate(pairs, start=1):
        want = percent_of(total, mx)
        assert _dec(ws.cell(r, 3).value) == want, (total, mx, ws.cell(r, 3).value, want)
        assert ws.cell(r, 4).value == rating_for(fw, want)[0], (total, mx)
    return cases


def test_workbook_formulas_equal_the_core_on_many_frameworks(tmp_path):
    cases = _run(tmp_path, frameworks=6, answer_sets=3)
    # The cases do cover what the formulas must get right.
    leaves = [(c, lf) for c in cases for lf in c.fw.all_leaves()]
    kinds = {lf.rule.kind for _, lf in leaves}
    assert kinds == {"yes_no", "ratio_tiers", "proportional", "levels", "manual", "deductions", "survey"}
    assert any(lf.code in c.not_applicable for c, lf in leaves)
    assert any(lf.rule.kind == "survey" and lf.code in c.appraised for c, lf in leaves)
    assert any(lf.rule.kind == "survey" and lf.code not in c.appraised for c, lf in leaves)
    assert any(c.expected and c.expected.bonus_raw > c.expected.bonus for c in cases)
    assert any(c.expected and c.expected.penalty_raw > c.expected.penalty for c in cases)
    assert len({c.expected.rating for c in cases if c.expected}) >= 3
    assert any(c.invalid for c in cases)


@pytest.mark.slow
def test_workbook_formulas_equal_the_core_long_run(tmp_path):
    _run(tmp_path, frameworks=40, answer_sets=5)
