"""Class 14: Infinity, NaN, huge and malformed numbers are refused with the field named, never an internal text.

Every place assessment.json carries a number (leaf and node scores, maxima,
totals, inputs, evidence sizes, counts) gets each hostile value in turn, as a
JSON string and as a bare JSON token; the refusal names the JSON path and
never says "InvalidOperation" or "<class …>".
"""

from __future__ import annotations

import pytest
from kit import assert_cli_refused, assert_refused, cli_verify, resign, snapshot_bytes, verify

STRINGS = ["Infinity", "-Infinity", "NaN", "sNaN", "inf", "1e999999", "1e-999999", "1" * 5000, "0x10", "1,5", " 1",
           "²", "١", "1_000"]
TOKENS = ["NaN", "Infinity", "-Infinity", "1e999999", "1" * 5000, "-" + "9" * 400, "1.5", "1e400"]


def _target(snap, where):
    leaf = next(i for i in snap["items"] if i["code"] == "1.1.1")
    node = snap["items"][0]
    return {"leaf.score": (leaf, "score"), "leaf.max": (leaf, "max"), "leaf.max_applicable": (leaf, "max_applicable"),
            "node.score": (node, "score"), "totals.total": (snap["totals"], "total"),
            "totals.percent": (snap["totals"], "percent"), "totals.completed": (snap["totals"], "completed"),
            "evidence.size": (leaf["evidence"][0], "size"), "assessment.version": (snap["assessment"], "version"),
            }[where]


def _forge_text(base, tmp_path, text: str):
    return verify(resign(base, tmp_path / "f.zip", files={"data/assessment.json": text.encode()}))


def _check(report):
    assert_refused(report)
    assert all("InvalidOperation" not in p.message("en") for p in report.problems)
    assert any("assessment.json" in (p.where or "") for p in report.problems), \
        [p.message("en") for p in report.problems]


@pytest.mark.parametrize("where", ["leaf.score", "leaf.max", "leaf.max_applicable", "node.score", "totals.total",
                                   "totals.percent", "totals.completed", "evidence.size", "assessment.version"])
def test_hostile_strings_at_every_number(base, tmp_path, where):
    for value in STRINGS:
        snap = base.snap
        obj, key = _target(snap, where)
        obj[key] = value
        report = verify(resign(base, tmp_path / "f.zip", files={"data/assessment.json": snapshot_bytes(snap)}))
        _check(report)
        assert any(key in (p.where or "") for p in report.problems), (where, value)


@pytest.mark.parametrize("where", ["leaf.score", "totals.total", "totals.completed", "evidence.size"])
def test_bare_json_tokens_at_every_number(base, tmp_path, where):
    for token in TOKENS:
        snap = base.snap
        obj, key = _target(snap, where)
        obj[key] = "@@TOKEN@@"
        text = snapshot_bytes(snap).decode().replace('"@@TOKEN@@"', token)
        report = _forge_text(base, tmp_path, text)
        _check(report)
        assert any(key in (p.where or "") for p in report.problems), (where, token,
                                                                     [p.message("en") for p in report.problems])


@pytest.mark.parametrize("code,inputs", [
    ("1.2.2", {"score": "Infinity"}), ("1.2.2", {"score": "NaN"}), ("1.2.2", {"score": "1e-999999"}),
    ("1.2.2", {"score": "1e999999"}), ("1.2.2", {"score": "9" * 5000}), ("1.2.2", {"score": True}),
    ("1.1.2", {"numerator": "9" * 5000, "denominator": 10}), ("1.1.2", {"numerator": -1, "denominator": 10}),
    ("1.1.2", {"numerator": "Infinity", "denominator": "NaN"}), ("2.1.1", {"violations": "1e3"}),
    ("1.1.1", {"done": "Infinity"}), ("1.2.1", {"level": "x" * 10_000}),
])
def test_hostile_inputs(base, tmp_path, code, inputs):
    snap = base.snap
    leaf = next(i for i in snap["items"] if i["code"] == code)
    leaf["inputs"] = inputs
    report = verify(resign(base, tmp_path / "f.zip", files={"data/assessment.json": snapshot_bytes(snap)}))
    _check(report)
    assert any(code in p.message("vi") and "inputs" in (p.where or "") for p in report.problems), \
        [p.message("en") for p in report.problems]
    assert all(len(p.message("vi")) < 2000 for p in report.problems)


def test_cli_infinity_score_is_a_sentence(base, tmp_path):
    snap = base.snap
    next(i for i in snap["items"] if i["code"] == "1.2.2")["inputs"] = {"score": "Infinity"}
    path = resign(base, tmp_path / "f.zip", files={"data/assessment.json": snapshot_bytes(snap)})
    for lang in ("vi", "en"):
        proc = cli_verify(path, lang=lang)
        assert_cli_refused(proc)
        assert "InvalidOperation" not in proc.stdout and "<class" not in proc.stdout
        assert "1.2.2" in proc.stdout
