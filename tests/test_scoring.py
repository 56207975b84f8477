"""Scoring rules, totals and the losing-points list, including property tests."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from helpers import SAMPLE, TINY
from hypothesis import given, settings
from hypothesis import strategies as st

from parDesk.i18n import ParDeskError
from parDesk.models.framework import load_framework, parse_framework
from parDesk.scoring import (
    LeafState,
    compute_totals,
    losing_points,
    normalize_inputs,
    parse_decimal,
    rating_for,
    score_leaf,
)

FW = load_framework(TINY)
SAMPLE_FW = load_framework(SAMPLE)


def score(code, **inputs):
    return score_leaf(FW, FW.leaf(code), inputs)


# Every expected value below is written by hand from resources/frameworks/tiny-test.json, with the arithmetic
# in a comment: none is computed by parDesk (the framework's own rounding, tiers or caps are not read back).
# tiny-test: scale 20; rounding 2 places half-up; bands 90 Xuất sắc, 80 Tốt, 70 Khá, 50 Trung bình, 0 Yếu.
#   1.1.1 yes_no max 2 | 1.1.2 ratio_tiers max 2 (≥100 % → 2, ≥90 % → 1, else 0; 0/0 → max)
#   1.1.3 proportional max 2, 2 places half-up, 0/0 → 0 | 1.2.1 levels a=2 b=1 c=0 | 1.2.2 manual step 0,5, N/A ok
#   2.1.1 deductions max 4, −1 each, floor 1 | 2.1.2 proportional max 2, 1 place down, 0/0 → max
#   2.2.1 survey max 4 (the province) | bonus cap 2: T.1 yes_no 1, T.2 levels tinh=2 xa=1 khong=0
#   penalty cap 2: TR.1 yes_no 1, TR.2 manual step 1 max 2


@pytest.mark.parametrize("done,expected", [
    (True, D(2)),  # done → the whole max, 2
    (False, D(0)),  # not done → 0
])
def test_yes_no(done, expected):
    assert score("1.1.1", done=done) == expected


@pytest.mark.parametrize("num,den,expected", [
    (100, 100, D(2)),  # 100 % ≥ 100 → 2
    (999, 1000, D(1)),  # 99,9 % < 100 but ≥ 90 → 1
    (9, 10, D(1)),  # exactly 90 %: the threshold is inclusive → 1
    (899, 1000, D(0)),  # 89,9 % < 90 → else_points 0
    (0, 5, D(0)),  # 0 % → 0
    (0, 0, D(2)),  # no files at all: zero_denominator "max" → 2
])
def test_ratio_tiers(num, den, expected):
    assert score("1.1.2", numerator=num, denominator=den) == expected


@pytest.mark.parametrize("code,num,den,expected", [
    ("1.1.3", 1, 3, D("0.67")),  # 2 × 1/3 = 0,6666… → 2 places half-up → 0,67
    ("1.1.3", 2, 3, D("1.33")),  # 2 × 2/3 = 1,3333… → 1,33
    ("1.1.3", 1, 8, D("0.25")),  # 2 × 1/8 = 0,25 exactly
    ("1.1.3", 1, 400, D("0.01")),  # 2 × 1/400 = 0,005 → half-UP → 0,01 (half-even would give 0,00)
    ("1.1.3", 3, 3, D(2)),  # 2 × 1 = 2
    ("1.1.3", 0, 0, D(0)),  # zero_denominator "zero" → 0
    ("2.1.2", 2, 3, D("1.3")),  # 2 × 2/3 = 1,333… → 1 place DOWN → 1,3
    ("2.1.2", 999, 1000, D("1.9")),  # 2 × 0,999 = 1,998 → down → 1,9 (half-up would give 2,0)
    ("2.1.2", 1, 3, D("0.6")),  # 2 × 1/3 = 0,666… → down → 0,6
    ("2.1.2", 0, 0, D(2)),  # zero_denominator "max" → 2
])
def test_proportional_rounds_as_its_rule_says(code, num, den, expected):
    value = score(code, numerator=num, denominator=den)
    assert value == expected
    assert value.as_tuple().exponent >= (-2 if code == "1.1.3" else -1)  # no more places than the rule's


def test_proportional_without_its_own_rounding_uses_the_framework_s():
    raw = json.loads(TINY.read_text(encoding="utf-8"))
    leaf = raw["areas"][0]["children"][0]["children"][2]
    assert leaf["code"] == "1.1.3"
    del leaf["rule"]["rounding"]
    raw["rounding"] = {"places": 1, "mode": "up"}
    fw = parse_framework(raw)
    assert score_leaf(fw, fw.leaf("1.1.3"), {"numerator": 1, "denominator": 3}) == D("0.7")  # 0,666… up → 0,7
    assert score_leaf(fw, fw.leaf("1.1.3"), {"numerator": 1, "denominator": 8}) == D("0.3")  # 0,25 up → 0,3


@pytest.mark.parametrize("level,expected", [("a", D(2)), ("b", D(1)), ("c", D(0))])  # the levels' own points
def test_levels(level, expected):
    assert score("1.2.1", level=level) == expected


@pytest.mark.parametrize("typed,expected", [
    ("1,5", D("1.5")),  # Vietnamese decimal comma
    ("0", D(0)),
    ("2", D(2)),  # the max
    ("0,5", D("0.5")),  # one step
])
def test_manual(typed, expected):
    assert score("1.2.2", score=typed) == expected


@pytest.mark.parametrize("violations,expected", [
    (0, D(4)),  # 4 − 0 × 1 = 4
    (2, D(2)),  # 4 − 2 × 1 = 2
    (3, D(1)),  # 4 − 3 = 1, exactly the floor
    (4, D(1)),  # 4 − 4 = 0 → floor 1
    (50, D(1)),  # 4 − 50 = −46 → floor 1
])
def test_deductions_stop_at_the_floor(violations, expected):
    assert score("2.1.1", violations=violations) == expected


def test_survey_is_not_scored_by_the_commune():
    assert score("2.2.1") is None  # the province fills it; there is nothing to type


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
    # sample-xa-2025: scale 100, of which 22 are survey items the province has not filled: 78 self-scored;
    # its bonus items total 4, capped at 3
    assert (totals.base, totals.max_applicable) == (D(78), D(78))
    assert (totals.bonus_raw, totals.bonus, totals.total) == (D(4), D(3), D(81))  # 78 + 3
    assert totals.percent == D("103.85")  # 81 × 100 / 78 = 103,846… → 103,85
    assert totals.rating == "Xuất sắc"
    no_bonus = compute_totals(SAMPLE_FW, full_marks_states(SAMPLE_FW, bonus=False))
    assert (no_bonus.total, no_bonus.percent) == (D(78), D("100.00"))  # 78 × 100 / 78


# One day's answers on tiny-test, used by the totals tests below:
DAY = {
    "1.1.1": LeafState({"done": True}),  # 2
    "1.1.2": LeafState({"numerator": 95, "denominator": 100}),  # 95 % → 1
    "1.1.3": LeafState({"numerator": 1, "denominator": 3}),  # 0,67
    "1.2.1": LeafState({"level": "b"}),  # 1
    "1.2.2": LeafState({"score": "1,5"}),  # 1,5
    "2.1.1": LeafState({"violations": 2}),  # 2
    "2.1.2": LeafState({"numerator": 2, "denominator": 3}),  # 1,3
}


def test_totals_of_a_day_s_answers():
    t = compute_totals(FW, DAY)
    assert t.leaf_scores["1.1.3"] == D("0.67") and t.leaf_scores["2.2.1"] is None
    assert (t.nodes["1.1"].score, t.nodes["1.1"].max_applicable) == (D("3.67"), D(6))  # 2 + 1 + 0,67; 2+2+2
    assert (t.nodes["1.2"].score, t.nodes["1.2"].max_applicable) == (D("2.5"), D(4))  # 1 + 1,5
    assert (t.nodes["1"].score, t.nodes["1"].max_applicable) == (D("6.17"), D(10))  # 3,67 + 2,5
    assert (t.nodes["2.1"].score, t.nodes["2.1"].max_applicable) == (D("3.3"), D(6))  # 2 + 1,3; 4 + 2
    assert (t.nodes["2.2"].score, t.nodes["2.2"].max_applicable) == (D(0), D(0))  # survey not filled: not counted
    assert (t.nodes["2"].score, t.nodes["2"].max_applicable) == (D("3.3"), D(6))
    assert t.base == D("9.47")  # 6,17 + 3,3
    assert (t.bonus_raw, t.bonus, t.penalty_raw, t.penalty) == (D(0), D(0), D(0), D(0))
    assert t.total == D("9.47")
    assert t.max == D(20) and t.max_applicable == D(16)  # 20 − the unfilled survey's 4
    assert t.percent == D("59.19")  # 9,47 × 100 / 16 = 59,1875 → 59,19
    assert (t.rating, t.rating_en) == ("Trung bình", "Average")  # 50 ≤ 59,19 < 70
    assert (t.completed, t.to_score) == (7, 7)  # every self-scored main item answered
    assert t.completeness == D("100.0")


def test_not_applicable_survey_filled_bonus_and_penalty():
    states = dict(DAY)
    states["1.2.2"] = LeafState({"score": "1,5"}, not_applicable=True)  # its 1,5 and its max 2 leave
    states["2.2.1"] = LeafState(appraised=D(3))  # the province gave 3 of 4
    states["T.1"] = LeafState({"done": True})  # bonus 1
    states["T.2"] = LeafState({"level": "xa"})  # bonus 1
    states["TR.1"] = LeafState({"done": True})  # penalty 1
    t = compute_totals(FW, states)
    assert t.leaf_scores["1.2.2"] is None and t.leaf_scores["2.2.1"] == D(3)
    assert (t.nodes["1.2"].score, t.nodes["1.2"].max_applicable) == (D(1), D(2))  # 1.2.1 only
    assert (t.nodes["1"].score, t.nodes["1"].max_applicable) == (D("4.67"), D(8))  # 3,67 + 1; 6 + 2
    assert (t.nodes["2.2"].score, t.nodes["2.2"].max_applicable) == (D(3), D(4))  # filled: its max counts
    assert (t.nodes["2"].score, t.nodes["2"].max_applicable) == (D("6.3"), D(10))  # 3,3 + 3; 6 + 4
    assert t.base == D("10.97")  # 4,67 + 6,3
    assert (t.bonus_raw, t.bonus) == (D(2), D(2))  # 1 + 1 = 2, at the cap 2
    assert (t.penalty_raw, t.penalty) == (D(1), D(1))
    assert t.total == D("11.97")  # 10,97 + 2 − 1
    assert t.max_applicable == D(18)  # 20 − 2 (N/A 1.2.2)
    assert t.percent == D("66.50")  # 11,97 × 100 / 18 = 66,5
    assert t.rating == "Trung bình"  # 66,5 < 70
    assert (t.completed, t.to_score) == (6, 6)  # the N/A item is not one to score


def test_not_applicable_only_where_the_framework_allows_it():
    states = {"1.1.1": LeafState({"done": True}, not_applicable=True)}  # 1.1.1 cannot be N/A: it counts
    t = compute_totals(FW, states)
    assert t.leaf_scores["1.1.1"] == D(2) and t.max_applicable == D(16) and t.total == D(2)
    assert t.percent == D("12.50")  # 2 × 100 / 16


@pytest.mark.parametrize("states,raw,capped,total", [
    # bonus T.1 1 + T.2 "tinh" 2 = 3 → cap 2; penalty TR.1 1 + TR.2 2 = 3 → cap 2; 0 + 2 − 2 = 0
    ({"T.1": {"done": True}, "T.2": {"level": "tinh"}, "TR.1": {"done": True}, "TR.2": {"score": "2"}},
     (D(3), D(3)), (D(2), D(2)), D(0)),
    # 1.1.3 1/8 → 0,25; penalty 2 (TR.2) → 0,25 − 2 = −1,75 → never below 0
    ({"1.1.3": {"numerator": 1, "denominator": 8}, "TR.2": {"score": "2"}}, (D(0), D(2)), (D(0), D(2)), D(0)),
    # 1.1.1 2 + bonus T.2 "tinh" 2 (at the cap) − TR.1 1 = 3
    ({"1.1.1": {"done": True}, "T.2": {"level": "tinh"}, "TR.1": {"done": True}}, (D(2), D(1)), (D(2), D(1)), D(3)),
])
def test_bonus_and_penalty_caps(states, raw, capped, total):
    t = compute_totals(FW, {code: LeafState(inputs) for code, inputs in states.items()})
    assert (t.bonus_raw, t.penalty_raw) == raw
    assert (t.bonus, t.penalty) == capped
    assert t.total == total


@pytest.mark.parametrize("states,percent", [
    ({"1.1.3": {"numerator": 1, "denominator": 100}}, D("0.12")),  # 0,02 × 100 / 16 = 0,125 → half-even 0,12
    ({"1.1.3": {"numerator": 3, "denominator": 100}}, D("0.38")),  # 0,06 × 100 / 16 = 0,375 → half-even 0,38
    ({"1.1.3": {"numerator": 1, "denominator": 3}}, D("4.19")),  # 0,67 × 100 / 16 = 4,1875 → 4,19
    ({}, D("0.00")),  # nothing scored: 0 / 16
])
def test_percentage_rounding(states, percent):
    t = compute_totals(FW, {code: LeafState(inputs) for code, inputs in states.items()})
    assert t.percent == percent
    assert t.percent.as_tuple().exponent == -2  # always two places


FULL_BUT_212 = {"1.1.1": {"done": True}, "1.1.2": {"numerator": 1, "denominator": 1},
                "1.1.3": {"numerator": 1, "denominator": 1}, "1.2.1": {"level": "a"}, "1.2.2": {"score": "2"},
                "2.1.1": {"violations": 0}}  # 2 + 2 + 2 + 2 + 2 + 4 = 14 of 16


@pytest.mark.parametrize("num,den,percent,rating", [
    (1, 5, D("90.00"), "Xuất sắc"),  # 2.1.2 = 2 × 1/5 = 0,4; 14,4 × 100 / 16 = 90 exactly: inclusive
    (3, 20, D("89.38"), "Tốt"),  # 2.1.2 = 0,3; 14,3 × 100 / 16 = 89,375 → 89,38 < 90
    (0, 5, D("87.50"), "Tốt"),  # 14 × 100 / 16 = 87,5
])
def test_rating_band_at_the_top_boundary(num, den, percent, rating):
    states = {code: LeafState(inputs) for code, inputs in FULL_BUT_212.items()}
    states["2.1.2"] = LeafState({"numerator": num, "denominator": den})
    t = compute_totals(FW, states)
    assert (t.percent, t.rating) == (percent, rating)


@pytest.mark.parametrize("percent,label,label_en", [
    ("100", "Xuất sắc", "Excellent"), ("90", "Xuất sắc", "Excellent"), ("89.99", "Tốt", "Good"),
    ("80", "Tốt", "Good"), ("79.99", "Khá", "Fair"), ("70", "Khá", "Fair"), ("69.99", "Trung bình", "Average"),
    ("50", "Trung bình", "Average"), ("49.99", "Yếu", "Poor"), ("0", "Yếu", "Poor"),
])
def test_rating_bands(percent, label, label_en):
    assert rating_for(FW, D(percent)) == (label, label_en)  # each band's minimum belongs to it


def test_survey_points_count_only_once_the_province_gives_them():
    t1 = compute_totals(FW, DAY)
    assert (t1.total, t1.max_applicable) == (D("9.47"), D(16))  # as in the day's answers above
    t2 = compute_totals(FW, {**DAY, "2.2.1": LeafState(appraised=D(3))})
    assert (t2.total, t2.max_applicable) == (D("12.47"), D(20))  # + 3 of the survey's 4
    assert t2.percent == D("62.35")  # 12,47 × 100 / 20
    assert (t2.completed, t2.to_score) == (7, 7)  # the survey is not the commune's to score


def test_losing_points_largest_first_with_what_is_missing():
    states = {"1.1.1": LeafState({"done": False}), "2.1.1": LeafState({"violations": 3})}
    totals = compute_totals(FW, states)
    lost = losing_points(FW, totals, states, {"2.1.1": 1}, {"1.1.1": "đang chờ"})
    no_answer = ("input", "evidence", "explanation")  # nothing typed, no document, no explanation
    assert [(lp.code, lp.at_stake, lp.missing) for lp in lost] == [
        ("2.1.1", D(3), ()),  # 4 − 3 = 1 kept, 3 lost; it has a document
        ("1.1.1", D(2), ("evidence",)),  # answered "no" (0 of 2), explained, no document
        ("1.1.2", D(2), no_answer), ("1.1.3", D(2), no_answer), ("1.2.1", D(2), no_answer),
        ("1.2.2", D(2), no_answer), ("2.1.2", D(2), no_answer),
        ("T.2", D(2), no_answer),  # bonus items count as points not taken
        ("T.1", D(1), no_answer),
    ]  # 2.2.1 is the province's; penalty items are not points to win


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
