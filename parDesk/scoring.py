"""Scores are computed, never trusted: pure functions of rule and inputs.

The same functions run in the window, the CLI, the package verifier and the
provincial server, so a score typed into a spreadsheet or edited in a package
can always be recomputed and compared. Everything is :class:`~decimal.Decimal`;
rounding happens only where the framework says (proportional rules).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from parDesk.i18n import Num, ParDeskError, register
from parDesk.models.framework import ZERO, Framework, Leaf, Node, Rule
from parDesk.models.kinds import RuleKind

HUNDRED = Decimal(100)

register({
    "in.missing": ("thiếu dữ liệu: {field}", "missing input: {field}"),
    "in.not_int": ("{field} phải là số nguyên không âm, không phải {value!r}",
                   "{field} must be a whole number of at least 0, not {value!r}"),
    "in.not_bool": ("{field} phải là có/không", "{field} must be yes/no"),
    "in.not_number": ("{field} phải là số, không phải {value!r}", "{field} must be a number, not {value!r}"),
    "in.num_over_den": ("{num_label} ({num}) không được lớn hơn {den_label} ({den})",
                        "{num_label} ({num}) cannot be larger than {den_label} ({den})"),
    "in.unknown_level": ("mức không có trong quy tắc: {value!r}", "level not in the rule: {value!r}"),
    "in.score_range": ("điểm {value} nằm ngoài [0; {max}]", "score {value} is outside [0, {max}]"),
    "in.score_step": ("điểm {value} không theo bước {step}", "score {value} is not a multiple of the step {step}"),
    "in.survey": ("mục này do tỉnh chấm (điều tra xã hội học), xã không tự chấm",
                  "this item is scored by the province (survey); the commune does not score it"),
    "in.unexpected": ("dữ liệu không dùng cho loại quy tắc này: {fields}",
                      "inputs not used by this rule kind: {fields}"),
})

INPUT_FIELDS: dict[RuleKind, tuple[str, ...]] = {
    "yes_no": ("done",),
    "ratio_tiers": ("numerator", "denominator"),
    "proportional": ("numerator", "denominator"),
    "levels": ("level",),
    "manual": ("score",),
    "deductions": ("violations",),
    "survey": (),
}


# ---------------------------------------------------------------------------
# Inputs


_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")


def _count(inputs: Mapping[str, Any], name: str) -> int:
    value = inputs.get(name)
    if value is None or value == "":
        raise ParDeskError("in.missing", where=name, field=name)
    if isinstance(value, bool):
        raise ParDeskError("in.not_int", where=name, field=name, value=value)
    if isinstance(value, str):
        typed = value.strip().replace(" ", "")
        # "1.234" is a Vietnamese thousands group; "12.5" is not a whole number and must not become 125.
        if not typed.isascii() or not (typed.isdigit() or _GROUPED.fullmatch(typed)):
            raise ParDeskError("in.not_int", where=name, field=name, value=inputs.get(name))
        value = int(typed.replace(".", ""))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or value < 0:
        raise ParDeskError("in.not_int", where=name, field=name, value=inputs.get(name))
    return value


def parse_decimal(value: Any, name: str = "score") -> Decimal:
    """Accept 0.5, "0.5" and the Vietnamese "0,5"; refuse anything else clearly."""
    if isinstance(value, bool) or value is None:
        raise ParDeskError("in.not_number", where=name, field=name, value=value)
    if isinstance(value, (int, Decimal)):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(" ", "")
        if "," in text:  # Vietnamese: "1.234,5" -> "1234.5"
            text = text.replace(".", "").replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ParDeskError("in.not_number", where=name, field=name, value=value) from None
    else:
        raise ParDeskError("in.not_number", where=name, field=name, value=value)
    if not result.is_finite():
        raise ParDeskError("in.not_number", where=name, field=name, value=value)
    return result


def normalize_inputs(leaf: Leaf, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise a leaf's inputs; an error names the item and the input ("1.1.2.numerator")."""
    try:
        return _normalize_inputs(leaf, inputs)
    except ParDeskError as exc:
        if exc.where in ("done", "numerator", "denominator", "level", "score", "violations"):
            exc.where = f"{leaf.code}.{exc.where}"  # so the person is told which item, with its own labels
        raise


def _normalize_inputs(leaf: Leaf, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Validate inputs for ``leaf``'s rule and return their canonical JSON form.

    Raises :class:`ParDeskError` naming the field on the first problem. The
    canonical form is what the database and the package store: counts as ints,
    decisions as bools, scores as normalised decimal strings.
    """
    rule = leaf.rule
    kind = rule.kind
    extra = sorted(set(inputs) - set(INPUT_FIELDS[kind]))
    if extra:
        raise ParDeskError("in.unexpected", where=leaf.code, fields=", ".join(extra))
    if kind == "survey":
        raise ParDeskError("in.survey", where=leaf.code)
    if kind == "yes_no":
        done = inputs.get("done")
        if isinstance(done, str):
            words = {"true": True, "yes": True, "co": True, "có": True, "1": True,
                     "false": False, "no": False, "khong": False, "không": False, "0": False}
            done = words.get(done.strip().lower(), done)
        if not isinstance(done, bool):
            raise ParDeskError("in.not_bool" if done is not None else "in.missing", where=f"{leaf.code}.done",
                               field="done")
        return {"done": done}
    if kind in ("ratio_tiers", "proportional"):
        num, den = _count(inputs, "numerator"), _count(inputs, "denominator")
        if num > den:
            # The framework's own words: "Số nhiệm vụ hoàn thành (12) không được lớn hơn số nhiệm vụ theo
            # kế hoạch (10)", not "tử số lớn hơn mẫu số".
            num_label = leaf.rule.numerator_label or "Tử số"
            den_label = leaf.rule.denominator_label or "mẫu số"
            raise ParDeskError("in.num_over_den", where=leaf.code, num=num, den=den, num_label=num_label,
                               den_label=den_label[:1].lower() + den_label[1:])
        return {"numerator": num, "denominator": den}
    if kind == "levels":
        level = inputs.get("level")
        if level is None or level == "":
            raise ParDeskError("in.missing", where=f"{leaf.code}.level", field="level")
        if not any(lv.id == level for lv in rule.levels):
            raise ParDeskError("in.unknown_level", where=f"{leaf.code}.level", value=level)
        return {"level": level}
    if kind == "manual":
        if inputs.get("score") in (None, ""):
            raise ParDeskError("in.missing", where=f"{leaf.code}.score", field="score")
        score = parse_decimal(inputs["score"], f"{leaf.code}.score")
        check_manual(leaf, score)
        return {"score": decimal_text(score)}
    if kind == "deductions":
        return {"violations": _count(inputs, "violations")}
    raise AssertionError(kind)


def check_manual(leaf: Leaf, score: Decimal) -> None:
    if score < 0 or score > leaf.max:
        raise ParDeskError("in.score_range", where=leaf.code, value=Num(score), max=Num(leaf.max))
    if score % leaf.rule.step != 0:
        raise ParDeskError("in.score_step", where=leaf.code, value=Num(score), step=Num(leaf.rule.step))


def decimal_text(value: Decimal) -> str:
    """A point value as parDesk stores and hashes it: ``"2"``, ``"0.5"``, never ``"2.00"`` or ``"5E+1"``.

    The snapshot, the package's recomputation and the desk compare these strings, so there is one spelling.
    """
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


# ---------------------------------------------------------------------------
# Rule → score


def score_rule(rule: Rule, max_points: Decimal, inputs: Mapping[str, Any], default_rounding: Any = None) -> Decimal:
    """Score already-normalised ``inputs`` under ``rule``; always in [0, max]."""
    kind = rule.kind
    if kind == "yes_no":
        result = max_points if inputs["done"] else ZERO
    elif kind in ("ratio_tiers", "proportional"):
        num, den = int(inputs["numerator"]), int(inputs["denominator"])
        if den == 0:
            result = max_points if rule.zero_denominator == "max" else ZERO
        elif kind == "ratio_tiers":
            percent = Decimal(num) * HUNDRED / Decimal(den)
            result = next((t.points for t in rule.tiers if percent >= t.min_percent), rule.else_points)
        else:
            rounding = rule.rounding or default_rounding
            raw = max_points * Decimal(num) / Decimal(den)
            result = rounding.apply(raw) if rounding is not None else raw
    elif kind == "levels":
        result = next(lv.points for lv in rule.levels if lv.id == inputs["level"])
    elif kind == "manual":
        result = Decimal(str(inputs["score"]))
    elif kind == "deductions":
        result = max(rule.floor, max_points - rule.per_violation * int(inputs["violations"]))
    else:
        raise ParDeskError("in.survey")
    return min(max(result, ZERO), max_points)


def score_leaf(fw: Framework, leaf: Leaf, inputs: Mapping[str, Any] | None) -> Decimal | None:
    """The leaf's score, or None when it has no (valid) inputs yet."""
    if not inputs or leaf.rule.kind == "survey":
        return None
    try:
        clean = normalize_inputs(leaf, inputs)
    except ParDeskError:
        return None
    return score_rule(leaf.rule, leaf.max, clean, fw.rounding)


# ---------------------------------------------------------------------------
# Totals


@dataclass(frozen=True)
class LeafState:
    """What the scorer needs to know about one answer."""

    inputs: Mapping[str, Any] | None = None
    not_applicable: bool = False
    appraised: Decimal | None = None  # survey points filled in by the province


@dataclass
class NodeTotal:
    code: str
    score: Decimal = ZERO
    max: Decimal = ZERO  # the framework's maximum
    max_applicable: Decimal = ZERO  # minus not-applicable and survey items
    scored_leaves: int = 0
    leaves: int = 0


@dataclass
class Totals:
    """Every node's total plus the unit's overall result."""

    leaf_scores: dict[str, Decimal | None]
    nodes: dict[str, NodeTotal]
    base: Decimal
    bonus_raw: Decimal
    bonus: Decimal
    penalty_raw: Decimal
    penalty: Decimal
    total: Decimal
    max: Decimal  # framework scale
    max_applicable: Decimal  # the unit's own maximum
    percent: Decimal
    rating: str
    rating_en: str
    completed: int
    to_score: int
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def completeness(self) -> Decimal:
        if self.to_score == 0:
            return HUNDRED
        return (Decimal(self.completed) * HUNDRED / Decimal(self.to_score)).quantize(Decimal("0.1"))


def compute_totals(fw: Framework, states: Mapping[str, LeafState]) -> Totals:
    """Criterion, area and overall totals from each leaf's state.

    Not-applicable leaves leave the unit's maximum. Survey leaves count in
    neither score nor maximum until the province fills them (``appraised``).
    """
    empty = LeafState()
    leaf_scores: dict[str, Decimal | None] = {}
    nodes: dict[str, NodeTotal] = {}
    completed = to_score = 0

    def leaf_value(leaf: Leaf) -> tuple[Decimal | None, Decimal]:
        nonlocal completed, to_score
        st = states.get(leaf.code, empty)
        if st.not_applicable and leaf.can_be_na:
            leaf_scores[leaf.code] = None
            return None, ZERO
        if leaf.rule.kind == "survey" or not leaf.self_scored:
            value = st.appraised
            leaf_scores[leaf.code] = value
            return value, (leaf.max if value is not None else ZERO)
        value = score_leaf(fw, leaf, st.inputs)
        if leaf.block == "main":  # bonus / penalty claims are optional
            to_score += 1
            completed += value is not None
        leaf_scores[leaf.code] = value
        return value, leaf.max

    def walk(node: Node) -> NodeTotal:
        nt = NodeTotal(node.code, max=node.max)
        for child in node.children:
            if isinstance(child, Leaf):
                value, mx = leaf_value(child)
                nt.leaves += 1
                nt.max_applicable += mx
                if value is not None:
                    nt.score += value
                    nt.scored_leaves += 1
            else:
                sub = walk(child)
                nt.score += sub.score
                nt.max_applicable += sub.max_applicable
                nt.leaves += sub.leaves
                nt.scored_leaves += sub.scored_leaves
        nodes[node.code] = nt
        return nt

    base = max_app = ZERO
    for area in fw.areas:
        at = walk(area)
        base += at.score
        max_app += at.max_applicable

    def block_sum(items: Iterable[Leaf]) -> Decimal:
        total = ZERO
        for item in items:
            value, _ = leaf_value(item)
            total += value or ZERO
        return total

    bonus_raw = block_sum(fw.bonus.items)
    penalty_raw = block_sum(fw.penalty.items)
    bonus = min(bonus_raw, fw.bonus.cap)
    penalty = min(penalty_raw, fw.penalty.cap)
    total = max(ZERO, base + bonus - penalty)
    percent = percent_of(total, max_app)
    band = rating_for(fw, percent)
    return Totals(leaf_scores=leaf_scores, nodes=nodes, base=base, bonus_raw=bonus_raw, bonus=bonus,
                  penalty_raw=penalty_raw, penalty=penalty, total=total, max=fw.scale,
                  max_applicable=max_app, percent=percent, rating=band[0], rating_en=band[1],
                  completed=completed, to_score=to_score)


def percent_of(total: Decimal, maximum: Decimal) -> Decimal:
    if maximum <= 0:
        return ZERO
    return (total * HUNDRED / maximum).quantize(Decimal("0.01"))


def rating_for(fw: Framework, percent: Decimal) -> tuple[str, str]:
    for band in fw.bands:
        if percent >= band.min_percent:
            return band.label, band.label_en
    return "", ""


# ---------------------------------------------------------------------------
# Where are we losing points


@dataclass(frozen=True)
class LostPoints:
    code: str
    title: str
    max: Decimal
    score: Decimal | None
    at_stake: Decimal
    missing: tuple[str, ...]  # subset of ("input", "evidence", "explanation")


def losing_points(fw: Framework, totals: Totals, states: Mapping[str, LeafState],
                  evidence_count: Mapping[str, int], explanations: Mapping[str, str]) -> list[LostPoints]:
    """Every self-scored leaf below its maximum, largest loss first."""
    result: list[LostPoints] = []
    for leaf in list(fw.leaves()) + list(fw.bonus.items):
        st = states.get(leaf.code, LeafState())
        if not leaf.self_scored or (st.not_applicable and leaf.can_be_na):
            continue
        score = totals.leaf_scores.get(leaf.code)
        at_stake = leaf.max - (score or ZERO)
        if at_stake <= 0:
            continue
        missing: list[str] = []
        if score is None:
            missing.append("input")
        has_evidence = evidence_count.get(leaf.code, 0) > 0
        if leaf.requires_evidence and not has_evidence:
            missing.append("evidence")
            if not (explanations.get(leaf.code) or "").strip():
                missing.append("explanation")
        result.append(LostPoints(leaf.code, leaf.title, leaf.max, score, at_stake, tuple(missing)))
    result.sort(key=lambda lp: (-lp.at_stake, _code_key(lp.code)))
    return result


@functools.lru_cache(maxsize=4096)
def _code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.replace("-", ".").split("."))


code_sort_key = _code_key
