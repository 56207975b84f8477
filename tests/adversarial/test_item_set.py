"""Class 2: every framework item exactly once in assessment.json, nothing else, strict shape.

Variants are generated: each item duplicated in turn (the copy scoring 0 and
the original full, or the other way round), each item removed in turn, items
invented, reordered; every key of every object duplicated in the raw JSON
text; unknown keys at each level; each field of a leaf given a wrong type.
Each refusal names the JSON path or the item.
"""

from __future__ import annotations

import copy
import json
import random

import pytest
from kit import assert_refused, resign, snapshot_bytes, verify


def _forge_bytes(base, tmp_path, data: bytes):
    return verify(resign(base, tmp_path / "f.zip", files={"data/assessment.json": data}))


def _codes(base):
    return [i["code"] for i in base.snap["items"]]


def test_each_item_duplicated_in_turn(base, tmp_path):
    snap = base.snap
    for n, item in enumerate(snap["items"]):
        forged = copy.deepcopy(snap)
        copy_ = copy.deepcopy(item)
        if copy_.get("score") is not None:
            copy_["score"] = "0"
        forged["items"].insert(n + random.Random(n).choice([0, 1]), copy_)
        report = _forge_bytes(base, tmp_path, snapshot_bytes(forged))
        assert_refused(report, key="recompute.duplicate_item", mention=item["code"])


def test_each_item_removed_in_turn(base, tmp_path):
    snap = base.snap
    for n, item in enumerate(snap["items"]):
        forged = copy.deepcopy(snap)
        del forged["items"][n]
        assert_refused(_forge_bytes(base, tmp_path, snapshot_bytes(forged)), key="recompute.missing_leaf",
                       mention=item["code"])


@pytest.mark.parametrize("code", ["9.9.9", "1.1.1 ", "1.1.1\u200b", "１.1.1"])
def test_invented_items_are_refused(base, tmp_path, code):
    forged = base.snap
    extra = copy.deepcopy(forged["items"][2])
    extra["code"] = code
    forged["items"].append(extra)
    assert_refused(_forge_bytes(base, tmp_path, snapshot_bytes(forged)), key="recompute.unknown_leaf")


def test_reordered_items_are_refused(base, tmp_path):
    forged = base.snap
    forged["items"][2], forged["items"][3] = forged["items"][3], forged["items"][2]
    assert_refused(_forge_bytes(base, tmp_path, snapshot_bytes(forged)), key="recompute.order")


def _keys_in_text(text: str) -> list[int]:
    """Positions of every '"key":' in canonical JSON (compact, sorted)."""
    out, i = [], 0
    while (i := text.find('":', i)) >= 0:
        start = text.rfind('"', 0, i)
        if text[start - 1] in "{,":
            out.append(start)
        i += 2
    return out


def test_each_key_duplicated_in_turn(base, tmp_path):
    """A key given twice in one object: Python keeps the last, other readers the first."""
    text = base.entries["data/assessment.json"].decode()
    positions = _keys_in_text(text)
    rng = random.Random(13)
    sample = sorted(rng.sample(positions, 40)) + positions[:8]
    for pos in sample:
        end = text.index('":', pos) + 2
        key = text[pos + 1:end - 2]
        forged = text[:pos] + f'"{key}":"0",' + text[pos:]
        report = _forge_bytes(base, tmp_path, forged.encode())
        assert_refused(report, key="schema.duplicate_key", mention=key)


@pytest.mark.parametrize("where", ["top", "unit", "framework", "decision", "assessment", "node", "leaf", "evidence",
                                   "totals"])
def test_unknown_keys_are_refused_with_their_path(base, tmp_path, where):
    snap = base.snap
    leaf = next(i for i in snap["items"] if i["kind"] == "leaf" and i["evidence"])
    target = {"top": snap, "unit": snap["unit"], "framework": snap["framework"],
              "decision": snap["framework"]["decision"], "assessment": snap["assessment"],
              "node": snap["items"][0], "leaf": leaf, "evidence": leaf["evidence"][0], "totals": snap["totals"]}[where]
    target["bonus_points"] = "10"
    report = _forge_bytes(base, tmp_path, snapshot_bytes(snap))
    assert_refused(report, key="schema.unknown_key", where="bonus_points")


WRONG = [1, 1.5, True, None, [], {}, "x"]


def test_each_leaf_field_with_a_wrong_type(base, tmp_path):
    snap = base.snap
    index = next(n for n, i in enumerate(snap["items"]) if i["kind"] == "leaf" and i["evidence"])
    leaf = snap["items"][index]
    tried = 0
    for key, value in sorted(leaf.items()):
        for wrong in WRONG:
            if type(wrong) is type(value) or (wrong is None and key in ("parent", "score")):
                continue
            if isinstance(value, str) and wrong == "x" and key in ("title", "explanation", "status", "code",
                                                                   "rule_kind", "block", "kind"):
                continue
            forged = copy.deepcopy(snap)
            forged["items"][index][key] = wrong
            report = _forge_bytes(base, tmp_path, snapshot_bytes(forged))
            assert_refused(report, where=f"items[{index}]")
            tried += 1
            break
    assert tried >= 12


@pytest.mark.parametrize("text", [b"[]", b"{}", b"null", b'{"format": "pardesk-assessment/1"}', b"\xef\xbb\xbf{}",
                                  b"{" * 100_000, b'{"a": ' * 5000, b"\xff\xfe"])
def test_garbage_documents(base, tmp_path, text):
    assert_refused(_forge_bytes(base, tmp_path, text), where="assessment.json")


def test_framework_with_duplicate_keys_or_not_canonical(base, tmp_path):
    fw = base.entries["data/framework.json"].decode()
    for forged in (fw.replace('"max":"2"', '"max":"2","max":"20"', 1), fw + "\n", " " + fw,
                   json.dumps(json.loads(fw), indent=1)):
        report = verify(resign(base, tmp_path / "f.zip", files={"data/framework.json": forged.encode()}))
        assert_refused(report, where="framework.json")
