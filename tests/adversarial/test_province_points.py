"""Class 1: a unit's package carries the unit's claims only.

Appraisal and survey points (items the province scores) never come from a
package: any score, input or ``appraisal`` entry for them is refused with the
item named — also when the forger recomputes every total consistently and
re-signs with its own key, and also through the server's verification call.
Every self-scored leaf is bounded by its maximum.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from kit import (
    assert_cli_refused,
    assert_refused,
    cli_verify,
    consistent,
    resign,
    server_verify,
    snapshot_bytes,
    verify,
)

SURVEY = "2.2.1"


def _leaf(snap, code):
    return next(i for i in snap["items"] if i["code"] == code)


def _forge(base, tmp_path, snap, name="forged.zip"):
    return resign(base, tmp_path / name, files={"data/assessment.json": snapshot_bytes(snap)})


@pytest.mark.parametrize("points", ["1000", "2", "0.5", "0"])
def test_survey_points_recomputed_consistently_are_refused(base, tmp_path, points):
    snap = consistent(base.snap, appraised={SURVEY: Decimal(points)})
    assert _leaf(snap, SURVEY)["score"] == points
    path = _forge(base, tmp_path, snap)
    for report in (verify(path), server_verify(path)):
        assert_refused(report, key="recompute.province_item", mention=SURVEY)


@pytest.mark.parametrize("code", [SURVEY, "1.1.1", "T.1", "TR.1"])
@pytest.mark.parametrize("rounds", [[], [{"round": 1, "score": "1000", "comment": "", "request_explanation": False}],
                                    [{"round": 1, "score": "2", "comment": "", "request_explanation": False},
                                     {"round": 2, "score": "1000", "comment": "", "request_explanation": False}]])
def test_any_appraisal_key_is_refused_naming_the_item(base, tmp_path, code, rounds):
    snap = base.snap
    _leaf(snap, code)["appraisal"] = rounds
    if code == SURVEY and rounds:
        snap = consistent(snap, appraised={SURVEY: Decimal(rounds[-1]["score"])})
        _leaf(snap, code)["appraisal"] = rounds
    report = verify(_forge(base, tmp_path, snap))
    assert_refused(report, key="schema.appraisal_claimed", mention=code)


def test_inputs_for_a_survey_item_are_refused(base, tmp_path):
    snap = base.snap
    _leaf(snap, SURVEY)["inputs"] = {"score": "2"}
    assert_refused(verify(_forge(base, tmp_path, snap)), key="recompute.province_item", mention=SURVEY)


def test_self_scored_flag_flipped_is_refused(base, tmp_path):
    snap = base.snap
    _leaf(snap, SURVEY)["self_scored"] = True
    assert_refused(verify(_forge(base, tmp_path, snap)), mention=SURVEY)


@pytest.mark.parametrize("score", ["1000", "2.5", "3", "-1", "0.3"])
def test_manual_score_beyond_the_rule_is_refused(base, tmp_path, score):
    """1.2.2 is a manual item (max 2, step 0.5): inputs and claim both forged, totals consistent."""
    snap = base.snap
    _leaf(snap, "1.2.2")["inputs"] = {"score": score}
    snap = consistent(snap)  # the scorer refuses the input, so the forger writes the score by hand:
    _leaf(snap, "1.2.2")["score"] = score
    report = verify(_forge(base, tmp_path, snap))
    assert_refused(report, mention="1.2.2")


@pytest.mark.parametrize("code,score", [("1.1.1", "1000"), ("1.1.2", "2.01"), ("2.1.1", "999999"), ("T.1", "50")])
def test_claimed_score_over_the_maximum_is_refused(base, tmp_path, code, score):
    snap = base.snap
    _leaf(snap, code)["score"] = score
    assert_refused(verify(_forge(base, tmp_path, snap)), mention=code)


def test_max_claimed_larger_is_refused(base, tmp_path):
    snap = base.snap
    _leaf(snap, "1.1.1")["max"] = "1000"
    assert_refused(verify(_forge(base, tmp_path, snap)), key="recompute.item_field", mention="1.1.1")


def test_cli_refuses_province_points(base, tmp_path):
    snap = consistent(base.snap, appraised={SURVEY: Decimal("1000")})
    proc = cli_verify(_forge(base, tmp_path, snap), "--pin", str(base.cert_pem))
    assert_cli_refused(proc)
    assert SURVEY in proc.stdout


def test_the_genuine_package_is_still_accepted(base):
    report = verify(base.path, pinned=[base.store.certificate()])
    assert report.valid and report.verdict.value == "trusted", [p.message("en") for p in report.problems]
