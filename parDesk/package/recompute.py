"""Scores are computed, never trusted: recompute a package's claims.

Given the framework and the assessment as they travel in a package, run the
same pure scoring functions the app ran and compare every leaf's score, every
node's subtotal and the totals with what the package claims. Used by the
package verifier (on the commune's machine, in `pardesk verify`, and on the
provincial server).
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from parDesk.i18n import ParDeskError, register
from parDesk.models.framework import Framework, parse_framework_bytes
from parDesk.scoring import LeafState, compute_totals

register({
    "recompute.bad_json": ("{file} không phải JSON hợp lệ: {reason}", "{file} is not valid JSON: {reason}"),
    "recompute.framework_hash": ("mã băm bộ chỉ số {actual} không khớp với khai báo {claimed}",
                          "the framework's hash {actual} does not match the declared {claimed}"),
    "recompute.unknown_leaf": ("mục {code} không có trong bộ chỉ số", "item {code} is not in the framework"),
    "recompute.missing_leaf": ("thiếu mục {code}", "item {code} is missing"),
    "recompute.score": ("điểm mục {code} khai {claimed}, tính lại được {actual}",
                 "item {code} claims {claimed} point(s); recomputed {actual}"),
    "recompute.total": ("{field} khai {claimed}, tính lại được {actual}", "{field} claims {claimed}; recomputed {actual}"),
    "recompute.shape": ("cấu trúc assessment.json không hợp lệ: {reason}", "assessment.json is malformed: {reason}"),
    "recompute.unit": ("mã đơn vị trong assessment.json ({claimed}) khác bag-info ({expected})",
                "the unit code in assessment.json ({claimed}) differs from bag-info ({expected})"),
})


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal("NaN")


def recompute_problems(framework_bytes: bytes, assessment_bytes: bytes,
                       bag_info: dict[str, str] | None = None) -> list[ParDeskError]:
    """Every difference between the package's claims and a fresh computation."""
    problems: list[ParDeskError] = []
    where = "data/assessment.json"
    try:
        fw: Framework = parse_framework_bytes(framework_bytes, source="data/framework.json")
    except ParDeskError as exc:
        return [exc]
    try:
        snap = json.loads(assessment_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [ParDeskError("recompute.bad_json", where=where, file="assessment.json", reason=str(exc))]
    try:
        claimed_hash = snap["framework"]["hash"]
        items = snap["items"]
        totals = snap["totals"]
        unit_code = snap["unit"]["code"]
    except (KeyError, TypeError) as exc:
        return [ParDeskError("recompute.shape", where=where, reason=str(exc))]
    actual_hash = hashlib.sha256(framework_bytes).hexdigest()
    if actual_hash != fw.hash:  # the file is not in canonical form: compare the canonical hash
        actual_hash = fw.hash
    if claimed_hash != actual_hash:
        problems.append(ParDeskError("recompute.framework_hash", where=where, actual=actual_hash[:16],
                                     claimed=str(claimed_hash)[:16]))
    if bag_info is not None:
        if bag_info.get("Framework-SHA256") not in (None, fw.hash):
            problems.append(ParDeskError("recompute.framework_hash", where="bag-info.txt", actual=fw.hash[:16],
                                         claimed=bag_info.get("Framework-SHA256", "")[:16]))
        if bag_info.get("Unit-Code") not in (None, unit_code):
            problems.append(ParDeskError("recompute.unit", where=where, claimed=unit_code, expected=bag_info.get("Unit-Code")))

    states: dict[str, LeafState] = {}
    claimed_scores: dict[str, Any] = {}
    claimed_nodes: dict[str, Any] = {}
    if not isinstance(items, list):
        return problems + [ParDeskError("recompute.shape", where=where, reason="items")]
    for item in items:
        if not isinstance(item, dict) or "code" not in item:
            problems.append(ParDeskError("recompute.shape", where=where, reason="item"))
            continue
        code = item["code"]
        if code not in fw:
            problems.append(ParDeskError("recompute.unknown_leaf", where=where, code=code))
            continue
        if item.get("kind") != "leaf":
            claimed_nodes[code] = item.get("score")
            continue
        leaf = fw.leaf(code)
        appraised = None
        if not leaf.self_scored:
            rounds = [r for r in item.get("appraisal") or [] if isinstance(r, dict) and r.get("score") is not None]
            appraised = _dec(rounds[-1]["score"]) if rounds else None
        inputs = item.get("inputs") or None
        states[code] = LeafState(inputs=inputs if isinstance(inputs, dict) else None,
                                 not_applicable=bool(item.get("not_applicable")), appraised=appraised)
        claimed_scores[code] = item.get("score")
    for leaf in fw.all_leaves():
        if leaf.code not in claimed_scores and not any(p.params.get("code") == leaf.code for p in problems):
            problems.append(ParDeskError("recompute.missing_leaf", where=where, code=leaf.code))
    result = compute_totals(fw, states)
    for code, claimed in claimed_scores.items():
        actual = result.leaf_scores.get(code)
        if _dec(claimed) != actual and not (claimed is None and actual is None):
            problems.append(ParDeskError("recompute.score", where=where, code=code, claimed=claimed, actual=actual))
    for code, claimed in claimed_nodes.items():
        node_total = result.nodes.get(code)
        if node_total is not None and _dec(claimed) != node_total.score:
            problems.append(ParDeskError("recompute.score", where=where, code=code, claimed=claimed,
                                         actual=node_total.score))
    for field, actual in (("base", result.base), ("bonus", result.bonus), ("penalty", result.penalty),
                          ("total", result.total), ("max_applicable", result.max_applicable),
                          ("percent", result.percent)):
        if _dec(totals.get(field)) != actual:
            problems.append(ParDeskError("recompute.total", where=where, field=field, claimed=totals.get(field),
                                         actual=actual))
    if totals.get("rating") != result.rating:
        problems.append(ParDeskError("recompute.total", where=where, field="rating", claimed=totals.get("rating"),
                                     actual=result.rating))
    return problems
