"""Class 3: every bag-info field the verifier and the server rely on is required, once, in its format.

Variants: each field removed in turn, each field duplicated in turn (same
value and another value, other letter case), each field given a malformed or
oversized value, unknown fields, and the reported attack — an edited framework
with ``Framework-SHA256`` removed.
"""

from __future__ import annotations

import pytest
from kit import RESERVED, assert_refused, oxum_fixed, raw_bag, resign, verify

from parDesk.package.checks import BAG_FIELDS


def _raw_bag_info(base, tmp_path, lines: list[str], files=None):
    """Re-sign with a bag-info we write ourselves, bypassing the builder's own field checks."""
    return verify(raw_bag(base, tmp_path / "f.zip", files=files, bag_info_text=oxum_fixed(base, lines, files)))


def _lines(base):
    return [f"{k}: {v}" for k, v in base.bag_info if k not in RESERVED]


def test_each_required_field_removed_in_turn(base, tmp_path):
    for label, (required, _) in BAG_FIELDS.items():
        if label in RESERVED:
            continue
        lines = [line for line in _lines(base) if not line.startswith(label + ":")]
        report = _raw_bag_info(base, tmp_path, lines)
        if required:
            assert_refused(report, mention=label)
        else:
            assert report.problems == [], (label, [p.message("en") for p in report.problems])


@pytest.mark.parametrize("variant", ["same", "other", "case"])
def test_each_field_duplicated_in_turn(base, tmp_path, variant):
    for line in _lines(base):
        label, value = line.split(": ", 1)
        dup = {"same": line, "other": f"{label}: 0{value}", "case": f"{label.lower()}: {value}"}[variant]
        report = _raw_bag_info(base, tmp_path, _lines(base) + [dup])
        assert_refused(report, key="verify.field_repeated")


@pytest.mark.parametrize("label,value", [
    ("Framework-SHA256", "00" * 32), ("Framework-SHA256", "xyz"), ("Assessment-Year", "2025.0"),
    ("Assessment-Year", "²⁰²⁵"), ("Submission-Version", "0"), ("Submission-Version", "1" * 5000),
    ("Previous-Package-SHA256", "nothing"), ("Unit-Code", "12 345"), ("Frozen-At", "yesterday"),
    ("Source-Organization", "x" * 20_000), ("Unit-Code", "54321"), ("Framework-Id", "other"),
])
def test_malformed_or_inconsistent_values(base, tmp_path, label, value):
    lines = [f"{label}: {value}" if line.startswith(label + ":") else line for line in _lines(base)]
    assert_refused(_raw_bag_info(base, tmp_path, lines), mention=label)


@pytest.mark.parametrize("line", ["Appraisal-Total: 100", "X-Score: 1000", "Framework-Sha256: " + "a" * 64])
def test_unknown_fields_are_refused(base, tmp_path, line):
    assert_refused(_raw_bag_info(base, tmp_path, _lines(base) + [line]))


def test_edited_framework_without_its_hash_field(base, tmp_path):
    """The reported attack: rating bands edited (Average → Excellent), Framework-SHA256 removed."""
    import json

    from parDesk.models.framework import canonical_json

    fw = json.loads(base.entries["data/framework.json"])
    for band in fw.get("bands", []):
        band["min_percent"] = "0"
    forged_fw = canonical_json(fw)
    info = [(k, v) for k, v in base.bag_info if k != "Framework-SHA256"]
    report = verify(resign(base, tmp_path / "f.zip", files={"data/framework.json": forged_fw}, bag_info=info))
    assert_refused(report, mention="Framework-SHA256")
