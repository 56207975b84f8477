"""Scoring rules, totals and the losing-points list, including property tests."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from helpers import SAMPLE, TINY
from hypothesis import given, settings
from hypothesis import strategies as st

from parDesk.i18n import ParDeskError
from parDesk.models.framework import load_framework
from parDesk.scoring import LeafState, compute_totals, losing_points, normalize_inputs, parse_decimal, score_leaf

FW = load_framework(TINY)
SAMPLE_FW = load_framework(SAMPLE)


def score(code, **inputs):
    return score_leaf(FW, FW.leaf(code), inputs)


def test_yes_no():
    assert score("1.1.1", done=True) == D(2)
    assert score("1.1.1", done=False) == 0


def test_ratio_tiers_thresholds_are_inclusive_at_the_boundary():
    tiers = FW.leaf("1.1.2").rule.tiers
    top, second = tiers[0], tiers[1]
    assert score("1.1.2", numerator=100, denominator=100) == top.points
    # exactly on the second threshold (e.g. 90 %) gets the second tier
    den = 1000
    num = int(second.min_percent * den / 100)
    assert score("1.1.2", numerator=num, denominator=den) == second.points
    assert score("1.1.2", numerator=num - 1, denominator=den) < second.points


def test_proportional_rounds_as_the_framework_says():
    leaf = FW.leaf("1.1.3")
    value = score("1.1.3", numerator=1, denominator=3)
    expected = leaf.rule.rounding.apply(leaf.max / 3)
    assert value == expected
    assert value.as_tuple().exponent >= -leaf.rule.rounding.places


def test_zero_denominator_follows_the_rule():
    assert score("1.1.3", numerator=0, denominator=0) == 0  # zero_denominator = "zero"
    assert score("2.1.2", numerator=0, denominator=0) == FW.leaf("2.1.2").max  # "max"


def test_levels_and_manual_and_deductions():
    assert score("1.2.1", level="a") == D(2)
    assert score("1.2.2", score="1,5") == D("1.5")
    assert score("2.1.1", violations=0) == D(4)
    assert score("2.1.1", violations=2) == D(2)
    assert score("2.1.1", violations=50) == FW.leaf("2.1.1").rule.floor


@pytest.mark.parametrize("code,inputs,key", [
    ("1.1.2", {"numerator": 5, "denominator": 4}, "in.num_over_den"),
    ("1.1.2", {"numerator": -1, "denominator": 4}, "in.not_int"),
    ("1.1.2", {"numerator": "abc", "denominator": 4}, "in.not_int"),
    ("1.1.2", {"numerator": 1}, "in.missing"),
    ("1.2.1", {"level": "zz"}, "in.unknown_level"),
    ("1.2.2", {"score": "0,3"}, "in.score_step"),
    ("1.2.2", {"score": "5"}, "in.score_range"),
    ("1.2.2", {"score": "abc"}, "in.not_number"),
    ("1.1.1", {"done": "maybe"}, "in.not_bool"),
    ("1.1.1", {"done": True, "extra": 1}, "in.unexpected"),
    ("2.2.1", {}, "in.survey"),
])
def test_bad_inputs_are_refused_with_a_reason(code, inputs, key):
    with pytest.raises(ParDeskError) as exc:
        normalize_inputs(FW.leaf(code), inputs)
    assert exc.value.key == key
    assert exc.value.message("vi") and exc.value.message("en")


def test_vietnamese_decimal_entry():
    assert parse_decimal("0,5") == D("0.5")
    assert parse_decimal("1.234,5") == D("1234.5")
    assert parse_decimal(" 2 ") == D(2)


# -- totals ---------------------------------------------------------------

def full_marks_states(fw, bonus=True):
    states = {}
    for leaf in fw.all_leaves():
        r = leaf.rule
        if r.kind == "survey" or leaf.block == "penalty" or (leaf.block == "bonus" and not bonus):
            continue
        if r.kind == "yes_no":
            inputs = {"done": True}
        elif r.kind in ("ratio_tiers", "proportional"):
            inputs = {"numerator": 10, "denominator": 10}
        elif r.kind == "levels":
            inputs = {"level": max(r.levels, key=lambda lv: lv.points).id}
        elif r.kind == "manual":
            inputs = {"score": str(leaf.max)}
        else:
            inputs = {"violations": 0}
        states[leaf.code] = LeafState(inputs=inputs)
    return states


def test_full_marks_is_100_percent_and_top_band():
    totals = compute_totals(SAMPLE_FW, full_marks_states(SAMPLE_FW))
    assert totals.base == totals.max_applicable
    assert totals.percent >= 100
    assert totals.rating == SAMPLE_FW.bands[0].label


def test_not_applicable_leaves_the_maximum():
    states = full_marks_states(FW, bonus=False)
    before = compute_totals(FW, states)
    states["1.2.2"] = LeafState(inputs=states["1.2.2"].inputs, not_applicable=True)
    after = compute_totals(FW, states)
    assert after.max_applicable == before.max_applicable - FW.leaf("1.2.2").max
    assert after.percent == before.percent


def test_bonus_and_penalty_caps():
    states = {"T.1": LeafState({"done": True}), "T.2": LeafState({"level": "tinh"}),
              "TR.1": LeafState({"done": True}), "TR.2": LeafState({"score": "2"})}
    totals = compute_totals(FW, states)
    assert totals.bonus_raw == 3 and totals.bonus == FW.bonus.cap
    assert totals.penalty_raw == 3 and totals.penalty == FW.penalty.cap
    assert totals.total == 0  # never below zero


def test_survey_points_count_only_once_the_province_gives_them():
    states = full_marks_states(FW)
    t1 = compute_totals(FW, states)
    assert t1.completed == t1.to_score == sum(1 for lf in FW.leaves() if lf.self_scored)
    states["2.2.1"] = LeafState(appraised=D(3))
    t2 = compute_totals(FW, states)
    assert t2.max_applicable == t1.max_applicable + FW.leaf("2.2.1").max
    assert t2.total == t1.total + 3


def test_losing_points_largest_first_with_what_is_missing():
    states = {"1.1.1": LeafState({"done": False}), "2.1.1": LeafState({"violations": 3})}
    totals = compute_totals(FW, states)
    lost = losing_points(FW, totals, states, {"2.1.1": 1}, {"1.1.1": "đang chờ"})
    stakes = [lp.at_stake for lp in lost]
    assert stakes == sorted(stakes, reverse=True)
    by_code = {lp.code: lp for lp in lost}
    assert by_code["2.1.1"].at_stake == 3 and by_code["2.1.1"].missing == ()
    assert by_code["1.1.1"].missing == ("evidence",)
    assert "input" in by_code["1.2.1"].missing
    assert "2.2.1" not in by_code  # the province scores it


# -- properties -----------------------------------------------------------

LEAVES = [leaf for leaf in SAMPLE_FW.all_leaves() if leaf.rule.kind != "survey"]


@st.composite
def leaf_inputs(draw, leaf):
    r = leaf.rule
    if r.kind == "yes_no":
        return {"done": draw(st.booleans())}
    if r.kind in ("ratio_tiers", "proportional"):
        den = draw(st.integers(0, 10_000))
        return {"numerator": draw(st.integers(0, den)), "denominator": den}
    if r.kind == "levels":
        return {"level": draw(st.sampled_from([lv.id for lv in r.levels]))}
    if r.kind == "manual":
        steps = int(leaf.max / r.step)
        return {"score": str(r.step * draw(st.integers(0, steps)))}
    return {"violations": draw(st.integers(0, 1000))}


@st.composite
def assessment_states(draw):
    states = {}
    for leaf in SAMPLE_FW.all_leaves():
        if leaf.rule.kind == "survey":
            if draw(st.booleans()):
                states[leaf.code] = LeafState(appraised=leaf.max * draw(st.sampled_from([D(0), D("0.5"), D(1)])))
            continue
        if draw(st.integers(0, 4)) == 0:
            continue
        states[leaf.code] = LeafState(inputs=draw(leaf_inputs(leaf)),
                                      not_applicable=leaf.can_be_na and draw(st.integers(0, 5)) == 0)
    return states


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_score_is_never_below_zero_or_above_its_max(data):
    leaf = data.draw(st.sampled_from(LEAVES))
    value = score_leaf(SAMPLE_FW, leaf, data.draw(leaf_inputs(leaf)))
    assert value is not None and 0 <= value <= leaf.max


@settings(max_examples=100, deadline=None)
@given(assessment_states())
def test_totals_equal_the_sum_of_their_parts(states):
    totals = compute_totals(SAMPLE_FW, states)
    for area in SAMPLE_FW.areas:
        def check(node):
            expected = D(0)
            for child in node.children:
                if hasattr(child, "children"):
                    expected += check(child)
                else:
                    expected += totals.leaf_scores.get(child.code) or 0
            assert totals.nodes[node.code].score == expected
            assert totals.nodes[node.code].score <= totals.nodes[node.code].max_applicable
            return expected
        check(area)
    assert totals.base == sum(totals.nodes[a.code].score for a in SAMPLE_FW.areas)
    assert totals.total == max(D(0), totals.base + min(totals.bonus_raw, SAMPLE_FW.bonus.cap)
                               - min(totals.penalty_raw, SAMPLE_FW.penalty.cap))


@settings(max_examples=100, deadline=None)
@given(assessment_states(), st.data())
def test_not_applicable_never_lowers_a_percentage_that_was_100(states, data):
    full = full_marks_states(SAMPLE_FW)
    # start from full marks in the main tree, keep the drawn survey results
    for code, stt in states.items():
        if stt.appraised is not None:
            full[code] = LeafState(appraised=SAMPLE_FW.leaf(code).max)
    base = compute_totals(SAMPLE_FW, full)
    assert base.percent >= 100
    na_codes = [lf.code for lf in SAMPLE_FW.leaves() if lf.can_be_na]
    chosen = data.draw(st.lists(st.sampled_from(na_codes), unique=True)) if na_codes else []
    for code in chosen:
        full[code] = LeafState(inputs=full[code].inputs, not_applicable=True)
    assert compute_totals(SAMPLE_FW, full).percent >= base.percent
