"""The framework files shipped in resources/frameworks, and the loader's refusals.

Every bad-file test checks that the message a person reads names the file and
the JSON path of the problem, in both languages.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parDesk.i18n import ParDeskError, ValidationErrors
from parDesk.models.framework import RULE_KINDS, Framework, Leaf, load_framework

FRAMEWORKS = Path(__file__).resolve().parent.parent / "resources" / "frameworks"
SAMPLE = FRAMEWORKS / "sample-xa-2025.json"
TINY = FRAMEWORKS / "tiny-test.json"


def _raw(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample() -> Framework:
    return load_framework(SAMPLE)


@pytest.fixture(scope="module")
def tiny() -> Framework:
    return load_framework(TINY)


# ---------------------------------------------------------------------------
# The shipped files


@pytest.mark.parametrize("path", [SAMPLE, TINY], ids=lambda p: p.name)
def test_shipped_file_loads(path: Path) -> None:
    fw = load_framework(path)
    assert fw.sample is True
    assert sum(a.max for a in fw.areas) == fw.scale
    assert len(fw.hash) == 64


def test_sample_is_marked_as_a_sample(sample: Framework) -> None:
    assert sample.id == "mau-xa-2025"
    assert sample.title.startswith("MẪU – Bộ Chỉ số CCHC cấp xã 2025 (không phải văn bản chính thức)")
    assert "MẪU" in sample.decision.number
    assert "không phải" in sample.notes.lower()
    assert sample.province == "Tỉnh Mẫu"
    assert sample.deadline == "2026-01-15"
    assert sample.year == 2025


def test_sample_structure(sample: Framework) -> None:
    assert sample.scale == 100
    assert [a.code for a in sample.areas] == [str(i) for i in range(1, 9)]
    assert sample.areas[2].title.startswith("Cải cách thủ tục hành chính")
    assert sum(a.max for a in sample.areas) == 100
    leaves = list(sample.leaves())
    assert 80 <= len(leaves) <= 100
    assert all(leaf.block == "main" for leaf in leaves)
    # the optional fourth level: area -> criterion -> sub-criterion -> item
    assert any(len(leaf.path) == 3 for leaf in leaves)
    assert any(leaf.can_be_na for leaf in leaves)
    assert any(leaf.guidance for leaf in leaves)
    assert all(leaf.evidence_hints for leaf in leaves if leaf.self_scored)
    assert sample.rounding.places == 2 and sample.rounding.mode == "half_up"
    assert [(b.min_percent, b.label) for b in sample.bands] == [
        (90, "Xuất sắc"), (80, "Tốt"), (70, "Khá"), (50, "Trung bình"), (0, "Yếu")]
    assert sample.bands[0].label_en == "Excellent"


def test_sample_uses_every_rule_kind_several_times(sample: Framework) -> None:
    kinds = Counter(leaf.rule.kind for leaf in sample.leaves())
    assert set(kinds) == set(RULE_KINDS)
    assert min(kinds.values()) >= 3, kinds
    zero_modes = {leaf.rule.zero_denominator for leaf in sample.leaves()
                  if leaf.rule.kind in ("ratio_tiers", "proportional")}
    assert zero_modes == {"max", "zero"}


def test_sample_area_8_is_largely_survey(sample: Framework) -> None:
    area8 = sample.get("8")
    survey = [leaf for leaf in area8.leaves() if leaf.rule.kind == "survey"]  # type: ignore[union-attr]
    assert sum(leaf.max for leaf in survey) > area8.max / 2
    assert all(not leaf.self_scored and not leaf.requires_evidence for leaf in survey)


def test_sample_bonus_and_penalty(sample: Framework) -> None:
    assert sample.bonus.cap == 3 and sample.bonus.items
    assert sample.penalty.cap > 0 and sample.penalty.items
    assert all(i.block == "bonus" for i in sample.bonus.items)
    assert all(i.block == "penalty" for i in sample.penalty.items)
    # the caps matter: the items could add up to more
    assert sum(i.max for i in sample.bonus.items) > sample.bonus.cap
    assert sum(i.max for i in sample.penalty.items) > sample.penalty.cap
    codes = [leaf.code for leaf in sample.all_leaves()]
    assert len(codes) == len(set(codes))


def test_every_criterion_max_is_the_sum_of_its_children(sample: Framework) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, Leaf):
            return
        assert node.max == sum(c.max for c in node.children), node.code
        for c in node.children:
            walk(c)
    for area in sample.areas:
        walk(area)


def test_tiny_framework(tiny: Framework) -> None:
    assert len(tiny.areas) == 2 and tiny.scale == 20
    leaves = list(tiny.leaves())
    assert 6 <= len(leaves) <= 10
    assert {leaf.rule.kind for leaf in leaves} == set(RULE_KINDS)
    assert sum(leaf.can_be_na for leaf in leaves) == 1
    assert 1 <= len(tiny.bonus.items) <= 2 and tiny.bonus.cap > 0
    assert 1 <= len(tiny.penalty.items) <= 2 and tiny.penalty.cap > 0


@pytest.mark.parametrize("path", [SAMPLE, TINY], ids=lambda p: p.name)
def test_every_text_is_nfc(path: Path) -> None:
    def walk(obj: Any) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(k)
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)
        elif isinstance(obj, str):
            assert unicodedata.is_normalized("NFC", obj), obj
    walk(_raw(path))


def test_sample_generator_matches_the_committed_file() -> None:
    spec = importlib.util.spec_from_file_location("_make_sample", FRAMEWORKS / "_make_sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == _raw(SAMPLE), "re-run resources/frameworks/_make_sample.py"


# ---------------------------------------------------------------------------
# Identity: the canonical form and its hash


def _reorder(obj: Any) -> Any:
    """Same content, keys in reverse order, numbers written as strings with trailing zeros."""
    if isinstance(obj, dict):
        return {k: _reorder(obj[k]) for k in reversed(list(obj))}
    if isinstance(obj, list):
        return [_reorder(v) for v in obj]
    if isinstance(obj, float):
        return f"{obj:.3f}"
    return obj


@pytest.mark.parametrize("path", [SAMPLE, TINY], ids=lambda p: p.name)
def test_hash_is_stable_across_reloads_and_reformatting(path: Path, tmp_path: Path) -> None:
    first = load_framework(path)
    assert load_framework(path).hash == first.hash
    assert first.hash == hashlib.sha256(first.canonical_bytes()).hexdigest()

    raw = _raw(path)
    (tmp_path / "a.json").write_text(json.dumps(_reorder(raw), ensure_ascii=False, indent=4), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(raw, separators=(",", ":")), encoding="ascii")  # \u escapes
    (tmp_path / "c.json").write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    for name in ("a.json", "b.json", "c.json"):
        assert load_framework(tmp_path / name).hash == first.hash, name


def test_canonical_form_is_sorted_compact_utf8(sample: Framework) -> None:
    data = sample.canonical_bytes()
    text = data.decode("utf-8")
    assert "Cải cách thể chế" in text  # UTF-8, not \u escapes
    obj = json.loads(text)
    assert json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode() == data
    leaf = obj["areas"][0]["children"][0]["children"][0]
    assert leaf["max"] == "0.5" and obj["scale"] == "100"  # decimals as normalised strings


def test_defaults_written_out_do_not_change_the_hash(tiny: Framework, tmp_path: Path) -> None:
    raw = _raw(TINY)
    leaf = raw["areas"][0]["children"][0]["children"][0]
    leaf.update({"can_be_na": False, "self_scored": True, "requires_evidence": True, "guidance": ""})
    leaf["rule"]["step"] = 0.5  # ignored: not a field of yes_no
    raw["areas"][1]["children"][0]["children"][0]["rule"]["floor"] = "1.000"
    raw["bonus"]["items"][1]["rule"]["levels"][2]["points"] = "-0"
    raw["rating_bands"][0]["label_en"] = "Excellent"
    raw["unknown_extra_field"] = "ignored"
    assert load_framework(_write(tmp_path, "t.json", raw)).hash == tiny.hash


def test_any_real_change_changes_the_hash(tiny: Framework, tmp_path: Path) -> None:
    raw = _raw(TINY)
    raw["areas"][0]["children"][0]["children"][0]["title"] += "."
    assert load_framework(_write(tmp_path, "t1.json", raw)).hash != tiny.hash
    raw = _raw(TINY)
    raw["penalty"]["cap"] = 3
    assert load_framework(_write(tmp_path, "t2.json", raw)).hash != tiny.hash


# ---------------------------------------------------------------------------
# Bad files: each names the file and the JSON path

Mutation = Callable[[dict[str, Any]], None]


def _leaf(raw: dict[str, Any], area: int, crit: int, item: int) -> dict[str, Any]:
    return raw["areas"][area]["children"][crit]["children"][item]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(raw: dict[str, Any]) -> None:
        obj = raw
        for p in path[:-1]:
            obj = obj[p]
        obj[path[-1]] = value
    return mutate


def _delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(raw: dict[str, Any]) -> None:
        obj = raw
        for p in path[:-1]:
            obj = obj[p]
        del obj[path[-1]]
    return mutate


A = ("areas",)
L112 = A + (0, "children", 0, "children", 1)  # 1.1.2 ratio_tiers
L121 = A + (0, "children", 1, "children", 0)  # 1.2.1 levels
L122 = A + (0, "children", 1, "children", 1)  # 1.2.2 manual
L211 = A + (1, "children", 0, "children", 0)  # 2.1.1 deductions
L221 = A + (1, "children", 1, "children", 0)  # 2.2.1 survey


def _too_deep(raw: dict[str, Any]) -> None:
    leaf = _leaf(raw, 0, 0, 0)
    _leaf(raw, 0, 0, 0).clear()
    _leaf(raw, 0, 0, 0).update({"code": "1.1.1", "title": "Nhóm", "max": 2, "children": [
        {"code": "1.1.1.1", "title": "Nhóm con", "max": 2, "children": [dict(leaf, code="1.1.1.1.1")]}]})


BAD_CASES: list[tuple[str, Mutation, str, str]] = [
    ("duplicate-code", _set(L112 + ("code",), "1.1.1"),
     "$.areas[0].children[0].children[1].code", "fw.duplicate_code"),
    ("duplicate-code-in-bonus", _set(("bonus", "items", 0, "code"), "2.2.1"),
     "$.bonus.items[0].code", "fw.duplicate_code"),
    ("children-do-not-add-up", _set(L122 + ("max",), 3),
     "$.areas[0].children[1].max", "fw.sum_mismatch"),
    ("areas-do-not-add-up", _set(("scale",), 25), "$.scale", "fw.sum_mismatch"),
    ("thresholds-out-of-order", _set(L112 + ("rule", "tiers"), [{"min_percent": 90, "points": 1},
                                                               {"min_percent": 100, "points": 1}]),
     "$.areas[0].children[0].children[1].rule.tiers[1].min_percent", "fw.thresholds_order"),
    ("tier-points-over-max", _set(L112 + ("rule", "tiers", 0, "points"), 5),
     "$.areas[0].children[0].children[1].rule.tiers[0].points", "fw.points_over_max"),
    ("tier-percent-over-100", _set(L112 + ("rule", "tiers", 0, "min_percent"), 120),
     "$.areas[0].children[0].children[1].rule.tiers[0].min_percent", "fw.percent"),
    ("bad-zero-denominator", _set(L112 + ("rule", "zero_denominator"), "one"),
     "$.areas[0].children[0].children[1].rule.zero_denominator", "fw.type"),
    ("unknown-rule-kind", _set(L112 + ("rule", "kind"), "bac_thang"),
     "$.areas[0].children[0].children[1].rule.kind", "fw.unknown_kind"),
    ("duplicate-level-id", _set(L121 + ("rule", "levels", 1, "id"), "a"),
     "$.areas[0].children[1].children[0].rule.levels[1].id", "fw.level_ids"),
    ("step-does-not-divide-max", _set(L122 + ("rule", "step"), 0.3),
     "$.areas[0].children[1].children[1].rule.step", "fw.step"),
    ("floor-over-max", _set(L211 + ("rule", "floor"), 5),
     "$.areas[1].children[0].children[0].rule.floor", "fw.floor"),
    ("missing-per-violation", _delete(L211 + ("rule", "per_violation")),
     "$.areas[1].children[0].children[0].rule.per_violation", "fw.missing"),
    ("survey-self-scored", _set(L221 + ("self_scored",), True),
     "$.areas[1].children[1].children[0].self_scored", "fw.survey_self"),
    ("missing-title", _delete(L211 + ("title",)), "$.areas[1].children[0].children[0].title", "fw.missing"),
    ("missing-decision", _delete(("decision",)), "$.decision", "fw.missing"),
    ("missing-rule-and-children", _delete(L211 + ("rule",)), "$.areas[1].children[0].children[0]",
     "fw.leaf_or_children"),
    ("wrong-type-max", _set(L211 + ("max",), [4]), "$.areas[1].children[0].children[0].max", "fw.type"),
    ("not-a-number", _set(L211 + ("max",), "bốn"), "$.areas[1].children[0].children[0].max", "fw.decimal"),
    ("absurd-number", _set(L211 + ("max",), "1e30"), "$.areas[1].children[0].children[0].max", "fw.decimal"),
    ("negative-max", _set(L211 + ("max",), -4), "$.areas[1].children[0].children[0].max", "fw.negative"),
    ("wrong-type-bool", _set(L122 + ("can_be_na",), "có"), "$.areas[0].children[1].children[1].can_be_na",
     "fw.type"),
    ("wrong-type-year", _set(("year",), "2025"), "$.year", "fw.type"),
    ("wrong-type-hint", _set(L211 + ("evidence_hints",), ["ok", 3]),
     "$.areas[1].children[0].children[0].evidence_hints[1]", "fw.type"),
    ("bad-date", _set(("decision", "date"), "20/11/2025"), "$.decision.date", "fw.date"),
    ("bad-rounding", _set(("rounding", "mode"), "banker"), "$.rounding.mode", "fw.rounding"),
    ("bands-out-of-order", _set(("rating_bands", 1, "min_percent"), 95), "$.rating_bands", "fw.bands"),
    ("area-is-a-leaf", _set(("areas", 1), {"code": "2", "title": "X", "max": 10, "rule": {"kind": "yes_no"}}),
     "$.areas[1]", "fw.leaf_or_children"),
    ("too-deep", _too_deep, "$.areas[0].children[0].children[0].children[0]", "fw.depth"),
    ("unsupported-format", _set(("format",), "pardesk-framework/9"), "$.format", "fw.format"),
]


@pytest.mark.parametrize(("name", "mutate", "path", "key"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_file_names_file_and_path(tmp_path: Path, name: str, mutate: Mutation, path: str, key: str) -> None:
    raw = _raw(TINY)
    mutate(raw)
    fname = f"bad-{name}.json"
    with pytest.raises(ValidationErrors) as info:
        load_framework(_write(tmp_path, fname, raw))
    errors = info.value.errors
    assert any(e.key == key and e.where == f"{fname}: {path}" for e in errors), \
        [(e.key, e.where) for e in errors]
    for lang in ("en", "vi"):
        text = info.value.message(lang)
        assert f"{fname}: {path}:" in text, text


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    raw = _raw(TINY)
    _set(L112 + ("rule", "kind"), "bogus")(raw)
    _set(L122 + ("can_be_na",), "yes")(raw)
    _delete(("id",))(raw)
    with pytest.raises(ValidationErrors) as info:
        load_framework(_write(tmp_path, "many.json", raw))
    wheres = {e.where for e in info.value.errors}
    assert {"many.json: $.areas[0].children[0].children[1].rule.kind",
            "many.json: $.areas[0].children[1].children[1].can_be_na",
            "many.json: $.id"} <= wheres
    assert info.value.message("en").startswith(f"{len(info.value.errors)} problems:")
    assert info.value.message("vi").startswith(f"Có {len(info.value.errors)} lỗi:")


def test_a_bad_leaf_reports_its_other_fields_too(tmp_path: Path) -> None:
    raw = _raw(TINY)
    _set(L112 + ("rule", "kind"), "bogus")(raw)
    _set(L112 + ("guidance",), 5)(raw)
    with pytest.raises(ValidationErrors) as info:
        load_framework(_write(tmp_path, "leaf.json", raw))
    assert {e.where for e in info.value.errors} == {"leaf.json: $.areas[0].children[0].children[1].rule.kind",
                                                     "leaf.json: $.areas[0].children[0].children[1].guidance"}


@pytest.mark.parametrize("content", [b'{"id": "x", "areas": [', b"", b"\xff\xfe\x00{", b"{'id': 1}"],
                         ids=["truncated", "empty", "not-utf8", "single-quotes"])
def test_bad_json_names_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hong.json"
    path.write_bytes(content)
    with pytest.raises(ParDeskError) as info:
        load_framework(path)
    assert info.value.key == "fw.bad_json"
    assert info.value.message("en").startswith("hong.json: cannot read JSON:")
    assert info.value.message("vi").startswith("hong.json: không đọc được JSON:")


def test_bad_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "dong.json"
    path.write_text('{\n  "id": "x",\n  "year": 2025,,\n}', encoding="utf-8")
    with pytest.raises(ParDeskError) as info:
        load_framework(path)
    assert "line 3" in info.value.message("en")


def test_top_level_not_an_object(tmp_path: Path) -> None:
    with pytest.raises(ValidationErrors) as info:
        load_framework(_write(tmp_path, "list.json", [1, 2]))
    assert info.value.errors[0].where == "list.json: $"


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.json"
    with pytest.raises(ParDeskError) as info:
        load_framework(path)
    assert info.value.key == "fw.unreadable"
    assert str(path) in info.value.message("en")


def test_numbers_are_read_exactly(tmp_path: Path) -> None:
    raw = _raw(TINY)
    # 0.1 + 0.2 + 0.3 + ... must add up exactly, as decimals, not binary floats
    crit = raw["areas"][0]["children"][0]
    crit["children"][0]["max"] = 0.1
    crit["children"][1]["max"] = 2
    crit["children"][2]["max"] = 0.2
    crit["max"] = "2.3"
    raw["areas"][0]["children"].append({"code": "1.3", "title": "Bù", "max": 3.7, "children": [
        {"code": "1.3.1", "title": "Bù", "max": 3.7, "rule": {"kind": "yes_no"}}]})
    fw = load_framework(_write(tmp_path, "exact.json", raw))
    assert fw.get("1.1").max == Decimal("2.3")
    assert fw.leaf("1.1.1").max == Decimal("0.1")
