"""Scores are computed, never trusted: recompute a package's claims from its framework and inputs.

Given the framework and the assessment as they travel in a package, run the
same pure scoring functions the app ran and compare every leaf's score, every
node's subtotal and the totals with what the package claims. Used by the
package verifier (on the commune's machine, in `pardesk verify`, and on the
provincial server).

What a unit's package may claim, and nothing more (docs/architecture.md, "Trust model"):

* ``assessment.json`` has exactly parDesk's shape (:mod:`parDesk.package.schema`):
  no unknown or duplicated key, no ``NaN``/``Infinity``, decimals as bounded strings;
* ``framework.json`` is byte for byte the canonical form of the framework it
  parses to, and its hash is the one bag-info and ``assessment.json`` name;
* every node and leaf of that framework appears exactly once, in the
  framework's order, with the framework's own code, kind, title and maximum —
  nothing else appears;
* items the province scores (survey, ``self_scored: false``) carry no score,
  no inputs and no ``appraisal``: those points come from the province's own
  database, never from a package;
* every self-scored leaf's inputs are valid for its rule, and its score is the
  rule's result, bounded by the item's maximum; subtotals and totals are sums.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from parDesk.i18n import Nested, ParDeskError, ValidationErrors, register
from parDesk.models.framework import Framework, Leaf, Node, parse_framework
from parDesk.models.snapshot import Snapshot, SnapshotItem, SnapshotTotals
from parDesk.package.schema import DECIMAL_RE, check_assessment, markers, strict_json
from parDesk.scoring import LeafState, compute_totals, decimal_text, normalize_inputs, score_rule

register({
    "recompute.framework_hash": ("mã băm bộ chỉ số {actual} không khớp với khai báo {claimed}",
                                 "the framework's hash {actual} does not match the declared {claimed}"),
    "recompute.framework_form": ("framework.json không ở dạng chuẩn parDesk ghi (đã bị sửa?)",
                                 "framework.json is not in the canonical form parDesk writes (edited?)"),
    "recompute.unknown_leaf": ("mục {code} không có trong bộ chỉ số", "item {code} is not in the framework"),
    "recompute.missing_leaf": ("thiếu mục {code}", "item {code} is missing"),
    "recompute.duplicate_item": ("mục {code} xuất hiện {count} lần; mỗi mục chỉ được có một lần",
                                 "item {code} appears {count} times; each item must appear exactly once"),
    "recompute.order": ("thứ tự các mục khác thứ tự của bộ chỉ số (mục {code} ở vị trí của {expected})",
                        "the items are not in the framework's order ({code} stands where {expected} belongs)"),
    "recompute.item_field": ("mục {code}: {field} ghi {claimed}, bộ chỉ số ghi {expected}",
                             "item {code}: {field} says {claimed}, the framework says {expected}"),
    "recompute.province_item": ("mục {code} do tỉnh chấm (khảo sát/thẩm định); gói của đơn vị không được ghi điểm "
                                "hay số liệu cho mục này",
                                "item {code} is scored by the province (survey/appraisal); a unit's package may not "
                                "carry points or inputs for it"),
    "recompute.not_na": ("mục {code} không được đánh dấu “không áp dụng”",
                         "item {code} cannot be marked not applicable"),
    "recompute.bad_inputs": ("mục {code}: số liệu không hợp lệ: {reason}", "item {code}: invalid inputs: {reason}"),
    "recompute.over_max": ("mục {code} khai {claimed} điểm, vượt điểm tối đa {max}",
                           "item {code} claims {claimed} point(s), over its maximum of {max}"),
    "recompute.score": ("điểm mục {code} khai {claimed}, tính lại được {actual}",
                        "item {code} claims {claimed} point(s); recomputed {actual}"),
    "recompute.total": ("{field} khai {claimed}, tính lại được {actual}",
                        "{field} claims {claimed}; recomputed {actual}"),
    "recompute.header": ("{field} ghi {claimed}, nhưng {source} ghi {expected}",
                         "{field} says {claimed}, but {source} says {expected}"),
})

ASSESSMENT = "data/assessment.json"
FRAMEWORK = "data/framework.json"

Expected = tuple[str, "Node | Leaf", int, "str | None"]


def province_only(leaf: Leaf) -> bool:
    """Points the province fills (survey, appraisal-only): never part of a unit's claims."""
    return leaf.rule.kind == "survey" or not leaf.self_scored


def load_framework_strict(data: bytes) -> tuple[Framework | None, list[ParDeskError]]:
    """The package's framework, refused unless it is exactly the canonical bytes parDesk writes."""
    raw, problems = strict_json(data, FRAMEWORK)
    if problems:
        return None, problems
    problems = markers(raw, FRAMEWORK)
    if problems:
        return None, problems
    try:
        fw = parse_framework(raw, source=FRAMEWORK)
    except ValidationErrors as exc:
        return None, list(exc.errors)
    except ParDeskError as exc:
        return None, [exc]
    if fw.canonical_bytes() != data:
        return None, [ParDeskError("recompute.framework_form", where=FRAMEWORK)]
    return fw, []


def load_assessment_strict(data: bytes) -> tuple[Snapshot | None, list[ParDeskError]]:
    """``assessment.json`` parsed and checked against parDesk's exact shape, or the reasons why not.

    A document that passes :func:`~parDesk.package.schema.check_assessment` has
    exactly the keys and value types of :class:`~parDesk.models.snapshot.Snapshot`
    (a test keeps the spec and the TypedDicts in step), hence the cast.
    """
    doc, problems = strict_json(data, ASSESSMENT)
    if problems:
        return None, problems
    problems = check_assessment(doc, ASSESSMENT)
    return (None, problems) if problems else (cast(Snapshot, doc), [])


def expected_items(fw: Framework) -> list[Expected]:
    """(code, framework object, depth, parent) in the order :mod:`parDesk.snapshot` writes them."""
    out: list[Expected] = []

    def walk(node: Node, depth: int, parent: str | None) -> None:
        out.append((node.code, node, depth, parent))
        for child in node.children:
            if isinstance(child, Leaf):
                out.append((child.code, child, depth + 1, node.code))
            else:
                walk(child, depth + 1, node.code)

    for area in fw.areas:
        walk(area, 0, None)
    out.extend((leaf.code, leaf, 0, None) for leaf in (*fw.bonus.items, *fw.penalty.items))
    return out


def _dec(text: str) -> str:
    """Decimal strings as parDesk writes them (``"2"``, ``"0.5"``), for comparing."""
    return decimal_text(Decimal(text))


def check_item_set(fw: Framework, items: list[SnapshotItem]) -> list[ParDeskError]:
    """Every framework node and leaf exactly once, in order, nothing else."""
    problems: list[ParDeskError] = []
    expected = expected_items(fw)
    known = {code for code, *_ in expected}
    counts: dict[str, int] = {}
    for item in items:
        counts[item["code"]] = counts.get(item["code"], 0) + 1
    for i, item in enumerate(items):
        code = item["code"]
        if code not in known:
            problems.append(ParDeskError("recompute.unknown_leaf", where=f"{ASSESSMENT}.items[{i}].code",
                                         code=code[:40]))
    for code, count in counts.items():
        if count > 1 and code in known:
            problems.append(ParDeskError("recompute.duplicate_item", where=ASSESSMENT, code=code, count=count))
    for code, *_ in expected:
        if code not in counts:
            problems.append(ParDeskError("recompute.missing_leaf", where=ASSESSMENT, code=code))
    if problems:
        return problems
    for i, (item, (code, obj, depth, parent)) in enumerate(zip(items, expected, strict=True)):
        where = f"{ASSESSMENT}.items[{i}]"
        if item["code"] != code:
            return [ParDeskError("recompute.order", where=where, code=item["code"], expected=code)]
        claims: dict[str, Any] = {"depth": depth, "parent": parent, "title": obj.title, "max": _dec(str(obj.max))}
        if isinstance(obj, Leaf):
            claims.update(kind="leaf", block=obj.block, self_scored=obj.self_scored, rule_kind=obj.rule.kind,
                          requires_evidence=obj.requires_evidence)
        else:
            claims.update(kind="area" if depth == 0 else "criterion" if depth == 1 else "group", block="main")
        for key, want in claims.items():
            got = item.get(key)
            if key == "max":
                got = _dec(str(got))
            if got != want:
                problems.append(ParDeskError("recompute.item_field", where=f"{where}.{key}", code=code, field=key,
                                             claimed=str(got)[:60], expected=str(want)[:60]))
    return problems


def _odd_input(inputs: dict[str, Any], where: str) -> ParDeskError | None:
    """Inputs in a form parDesk never writes: long text, or a score that is not a plain decimal string.

    Checked before any :class:`~decimal.Decimal` is made, so ``"1e-999999"``
    or a 100,000-character number never reaches the scorer or a message.
    """
    for key, value in inputs.items():
        if isinstance(value, str) and (len(value) > 64 or (key == "score" and not DECIMAL_RE.fullmatch(value))):
            return ParDeskError("schema.bad_value", where=f"{where}.{key}", value=value[:40])
    return None


def leaf_states(fw: Framework, items: list[SnapshotItem]) -> tuple[dict[str, LeafState], list[ParDeskError]]:
    """Each leaf's state as claimed; province items and invalid inputs become refusals."""
    problems: list[ParDeskError] = []
    states: dict[str, LeafState] = {}
    for i, item in enumerate(items):
        if item["kind"] != "leaf":
            continue
        where = f"{ASSESSMENT}.items[{i}]"
        leaf = fw.leaf(item["code"])
        inputs = item["inputs"]
        na = item["not_applicable"]
        if na and not leaf.can_be_na:
            problems.append(ParDeskError("recompute.not_na", where=f"{where}.not_applicable", code=leaf.code))
        if province_only(leaf):
            if item["score"] is not None or inputs:
                field = "score" if item["score"] is not None else "inputs"
                problems.append(ParDeskError("recompute.province_item", where=f"{where}.{field}", code=leaf.code))
            states[leaf.code] = LeafState(inputs=None, not_applicable=na)
            continue
        odd = _odd_input(inputs, f"{where}.inputs")
        if odd is not None:
            problems.append(ParDeskError("recompute.bad_inputs", where=odd.where, code=leaf.code, reason=Nested(odd)))
            continue
        if inputs:
            try:
                normalize_inputs(leaf, inputs)
            except ParDeskError as exc:
                problems.append(ParDeskError("recompute.bad_inputs", where=f"{where}.inputs", code=leaf.code,
                                             reason=Nested(exc)))
                continue
        states[leaf.code] = LeafState(inputs=inputs or None, not_applicable=na)
    return states, problems


def compare_scores(fw: Framework, items: list[SnapshotItem], totals: SnapshotTotals,
                   states: dict[str, LeafState]) -> list[ParDeskError]:
    """Claimed leaf scores (bounded by each maximum), subtotals and totals against a fresh computation."""
    problems: list[ParDeskError] = []
    result = compute_totals(fw, states)
    for i, item in enumerate(items):
        where = f"{ASSESSMENT}.items[{i}]"
        code, claimed = item["code"], item["score"]
        if item["kind"] == "leaf":
            leaf = fw.leaf(code)
            st = states.get(code, LeafState())
            if claimed is not None and Decimal(claimed) > leaf.max:
                problems.append(ParDeskError("recompute.over_max", where=f"{where}.score", code=code,
                                             claimed=claimed, max=_dec(str(leaf.max))))
                continue
            actual = result.leaf_scores.get(code)
            if actual is not None and not (st.not_applicable and leaf.can_be_na) and not province_only(leaf):
                # the rule's own result, bounded again: no input may push a leaf past its maximum
                actual = min(max(score_rule(leaf.rule, leaf.max, normalize_inputs(leaf, st.inputs or {}),
                                            fw.rounding), Decimal(0)), leaf.max)
            want_max = "0" if st.not_applicable and leaf.can_be_na else _dec(str(leaf.max))
            if _dec(item["max_applicable"]) != want_max:
                problems.append(ParDeskError("recompute.total", where=f"{where}.max_applicable",
                                             field="max_applicable", claimed=item["max_applicable"], actual=want_max))
        else:
            node = result.nodes.get(code)
            actual = node.score if node is not None else None
            if node is not None and Decimal(item["max_applicable"]) != node.max_applicable:
                problems.append(ParDeskError("recompute.total", where=f"{where}.max_applicable",
                                             field=f"{code} max_applicable", claimed=item["max_applicable"],
                                             actual=_dec(str(node.max_applicable))))
        if (claimed is None) != (actual is None) or (claimed is not None and Decimal(claimed) != actual):
            problems.append(ParDeskError("recompute.score", where=f"{where}.score", code=code, claimed=claimed,
                                         actual=None if actual is None else _dec(str(actual))))
    sums: tuple[tuple[str, str, Decimal], ...] = (
        ("base", totals["base"], result.base), ("bonus", totals["bonus"], result.bonus),
        ("penalty", totals["penalty"], result.penalty), ("total", totals["total"], result.total),
        ("max", totals["max"], result.max), ("max_applicable", totals["max_applicable"], result.max_applicable),
        ("percent", totals["percent"], result.percent))
    for field, claimed_sum, actual_sum in sums:
        if Decimal(claimed_sum) != actual_sum:
            problems.append(ParDeskError("recompute.total", where=f"{ASSESSMENT}.totals.{field}", field=field,
                                         claimed=claimed_sum, actual=_dec(str(actual_sum))))
    facts: tuple[tuple[str, str | int, str | int], ...] = (
        ("rating", totals["rating"], result.rating), ("rating_en", totals["rating_en"], result.rating_en),
        ("completed", totals["completed"], result.completed), ("to_score", totals["to_score"], result.to_score))
    for field, claimed_fact, actual_fact in facts:
        if claimed_fact != actual_fact:
            problems.append(ParDeskError("recompute.total", where=f"{ASSESSMENT}.totals.{field}", field=field,
                                         claimed=str(claimed_fact)[:60], actual=actual_fact))
    return problems


def check_header(fw: Framework, snap: Snapshot, bag_info: Mapping[str, str] | None) -> list[ParDeskError]:
    """The framework, unit, year and version named in assessment.json and bag-info agree with each other."""
    problems: list[ParDeskError] = []

    def same(field: str, claimed: Any, expected: Any, source: str, where: str) -> None:
        if claimed != expected:
            problems.append(ParDeskError("recompute.header", where=where, field=field, claimed=str(claimed)[:70],
                                         expected=str(expected)[:70], source=source))

    head = snap["framework"]
    same("framework.hash", head["hash"], fw.hash, FRAMEWORK, f"{ASSESSMENT}.framework.hash")
    same("framework.id", head["id"], fw.id, FRAMEWORK, f"{ASSESSMENT}.framework.id")
    same("framework.year", head["year"], fw.year, FRAMEWORK, f"{ASSESSMENT}.framework.year")
    if bag_info is None:
        return problems
    bag = "bag-info.txt"
    pairs = (("Framework-SHA256", fw.hash, FRAMEWORK), ("Framework-Id", fw.id, FRAMEWORK),
             ("Unit-Code", snap["unit"]["code"], ASSESSMENT),
             ("Assessment-Year", str(snap["assessment"]["year"]), ASSESSMENT),
             ("Submission-Version", str(snap["assessment"]["version"]), ASSESSMENT),
             ("Previous-Package-SHA256", snap["assessment"]["previous_package_hash"] or "none", ASSESSMENT))
    for label, expected, source in pairs:
        if label in bag_info:  # presence and format: parDesk.package.checks.check_bag_info
            same(label, bag_info[label], expected, source, bag)
    if "Frozen-At" in bag_info:
        same("Frozen-At", bag_info["Frozen-At"], snap["frozen_at"], ASSESSMENT, bag)
    if fw.hash != bag_info.get("Framework-SHA256", fw.hash):
        problems.append(ParDeskError("recompute.framework_hash", where=bag, actual=fw.hash[:16],
                                     claimed=bag_info.get("Framework-SHA256", "")[:16]))
    return problems


def recompute_problems(framework_bytes: bytes, assessment_bytes: bytes,
                       bag_info: Mapping[str, str] | None = None) -> list[ParDeskError]:
    """Every difference between the package's claims and a fresh computation; [] if none."""
    fw, problems = load_framework_strict(framework_bytes)
    snap, snap_problems = load_assessment_strict(assessment_bytes)
    problems += snap_problems
    if fw is None or snap is None:
        return problems
    return check_parsed(fw, snap, bag_info)


def check_parsed(fw: Framework, snap: Snapshot, bag_info: Mapping[str, str] | None) -> list[ParDeskError]:
    """:func:`recompute_problems` on an already strictly parsed framework and assessment."""
    problems = check_header(fw, snap, bag_info)
    items = snap["items"]
    set_problems = check_item_set(fw, items)
    if set_problems:
        return problems + set_problems
    states, state_problems = leaf_states(fw, items)
    problems += state_problems
    if state_problems:
        return problems
    return problems + compare_scores(fw, items, snap["totals"], states)
