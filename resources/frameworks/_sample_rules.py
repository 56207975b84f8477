"""The small builders of the sample framework (leaves, nodes and each rule kind) and shared wording.

Imported by ``_make_sample.py`` and ``_sample_later_areas.py``; points are strings here, JSON numbers on output.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

# ---------------------------------------------------------------------------
# Small builders. Points are written as strings here and turned into JSON
# numbers on output (exact: JSON numbers are read as decimals by the loader).


def _num(value: str) -> int | float:
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else float(value)


def leaf(code: str, title: str, mx: str, rule: dict[str, Any], hints: list[str] | None = None, *,
         guidance: str = "", na: bool = False, self_scored: bool | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"code": code, "title": title, "max": mx, "rule": rule}
    if self_scored is not None:
        d["self_scored"] = self_scored
    if na:
        d["can_be_na"] = True
    d["evidence_hints"] = hints or []
    if guidance:
        d["guidance"] = guidance
    return d


def node(code: str, title: str, children: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum((Decimal(str(c["max"])) for c in children), Decimal(0))
    return {"code": code, "title": title, "max": format(total.normalize(), "f"), "children": children}


def yes_no(desc: str) -> dict[str, Any]:
    return {"kind": "yes_no", "description": desc}


def tiers(desc: str, num: str, den: str, steps: list[tuple[str, str]], else_points: str = "0",
          zero: str = "max") -> dict[str, Any]:
    return {"kind": "ratio_tiers", "description": desc, "numerator_label": num, "denominator_label": den,
            "zero_denominator": zero,
            "tiers": [{"min_percent": p, "points": pts} for p, pts in steps], "else_points": else_points}


def prop(desc: str, num: str, den: str, zero: str = "max", rounding: dict[str, Any] | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": "proportional", "description": desc, "numerator_label": num,
                         "denominator_label": den, "zero_denominator": zero}
    if rounding is not None:
        d["rounding"] = rounding
    return d


def levels(desc: str, items: list[tuple[str, str, str]]) -> dict[str, Any]:
    return {"kind": "levels", "description": desc,
            "levels": [{"id": i, "label": label, "points": pts} for i, label, pts in items]}


def manual(desc: str, step: str = "0.25") -> dict[str, Any]:
    return {"kind": "manual", "description": desc, "step": step}


def deductions(desc: str, per: str, label: str, floor: str = "0") -> dict[str, Any]:
    return {"kind": "deductions", "description": desc, "per_violation": per, "floor": floor,
            "violation_label": label}


def survey(desc: str) -> dict[str, Any]:
    return {"kind": "survey", "description": desc}


def survey_leaf(code: str, title: str, mx: str, desc: str) -> dict[str, Any]:
    return leaf(code, title, mx, survey(desc), [], self_scored=False)


HALF_UP_2 = {"places": 2, "mode": "half_up"}
DOWN_2 = {"places": 2, "mode": "down"}
TTHC_SYS = "Báo cáo tình hình, kết quả giải quyết TTHC trích xuất từ Hệ thống thông tin giải quyết TTHC của tỉnh"
KY_BAO_CAO = "Kỳ số liệu: từ ngày 15/12/2024 đến ngày 14/12/2025."
