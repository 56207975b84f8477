"""The typed states and the snapshot's TypedDicts say what the code and the verifier really do.

Three descriptions of one document must agree: what :func:`build_snapshot`
writes, what the verifier's spec (:mod:`parDesk.package.schema`) accepts, and
the TypedDicts of :mod:`parDesk.models.snapshot` that mypy checks consumers
against. And every ``Literal`` set must be the set the code uses at run time.
"""

from __future__ import annotations

import json
import typing
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP

import pytest

from parDesk.models import kinds
from parDesk.models import snapshot as snap_types
from parDesk.package import schema


def _keys(td: typing.Any) -> tuple[set[str], set[str]]:  # a TypedDict class: typing has no type for "any TypedDict"
    return set(td.__required_keys__), set(td.__optional_keys__)


def _enum(spec: object) -> tuple[str, ...]:
    assert isinstance(spec, tuple) and spec[0] == "enum", spec
    return tuple(spec[1])


def _literal_values(tp: object) -> tuple[str, ...]:
    assert typing.get_origin(tp) is typing.Literal, tp
    return typing.get_args(tp)


@pytest.mark.parametrize(("td", "spec"), [
    (snap_types.SnapshotNode, schema.NODE_SPEC),
    (snap_types.SnapshotEvidence, schema.EVIDENCE_SPEC),
    (snap_types.SnapshotUnit, schema.TOP_SPEC["unit"]),
    (snap_types.SnapshotFramework, schema.TOP_SPEC["framework"]),
    (snap_types.SnapshotDecision, schema.TOP_SPEC["framework"]["decision"]),
    (snap_types.SnapshotAssessment, schema.TOP_SPEC["assessment"]),
    (snap_types.SnapshotTotals, schema.TOP_SPEC["totals"]),
    (snap_types.Snapshot, schema.TOP_SPEC),
])
def test_typeddict_keys_are_the_verifiers_keys(td, spec):
    required, optional = _keys(td)
    assert required == set(spec) and not optional


def test_leaf_keys_are_the_verifiers_plus_the_units_own_appraisal_prints():
    required, optional = _keys(snap_types.SnapshotLeaf)
    assert required == set(schema.LEAF_SPEC)
    assert optional == {"appraisal"}  # never in a package: check_assessment refuses it by name


def test_enumerated_fields_match_their_literal_types():
    hints = {td: typing.get_type_hints(td) for td in (snap_types.SnapshotNode, snap_types.SnapshotLeaf,
                                                       snap_types.SnapshotAssessment, snap_types.Snapshot)}
    leaf, node = hints[snap_types.SnapshotLeaf], hints[snap_types.SnapshotNode]
    assert set(_enum(schema.LEAF_SPEC["rule_kind"])) == set(_literal_values(leaf["rule_kind"]))
    assert set(_enum(schema.LEAF_SPEC["status"])) == set(_literal_values(leaf["status"]))
    assert set(_enum(schema.LEAF_SPEC["block"])) == set(_literal_values(leaf["block"]))
    assert set(_enum(schema.LEAF_SPEC["kind"])) == set(_literal_values(leaf["kind"]))
    assert set(_enum(schema.NODE_SPEC["kind"])) == set(_literal_values(node["kind"]))
    assert set(_enum(schema.NODE_SPEC["block"])) == set(_literal_values(node["block"]))
    assert set(_enum(schema.TOP_SPEC["assessment"]["status"])) == set(
        _literal_values(hints[snap_types.SnapshotAssessment]["status"]))
    assert _enum(schema.TOP_SPEC["format"]) == _literal_values(hints[snap_types.Snapshot]["format"])
    kinds_of_items = set(_literal_values(leaf["kind"])) | set(_literal_values(node["kind"]))
    assert kinds_of_items == set(kinds.ITEM_KINDS)


def test_the_run_time_sets_are_the_literal_types():
    from parDesk import scoring, validation
    from parDesk.models import framework

    assert set(scoring.INPUT_FIELDS) == set(kinds.RULE_KINDS)
    assert framework.RULE_KINDS == kinds.RULE_KINDS
    assert set(framework.ROUNDING_MODES) == set(kinds.ROUNDING_MODE_NAMES)
    assert framework.ROUNDING_MODES == {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN,
                                        "down": ROUND_DOWN, "up": ROUND_UP}
    statuses = {validation.NOT_STARTED, validation.IN_PROGRESS, validation.COMPLETE, validation.NOT_APPLICABLE,
                validation.PROVINCE}
    assert statuses == set(kinds.LEAF_STATUSES)
    for name in kinds.LEAF_STATUSES:  # every status has its words, in both languages
        from parDesk.i18n import t
        assert t(f"status.{name}", "vi") != t(f"status.{name}", "en")


def test_table_columns_typed_with_literals_stay_text(tiny_ws):
    """A Literal-typed column is still TEXT in SQLite and reads back as the plain string."""
    from sqlmodel import select

    from parDesk.models.tables import Answer, Assessment

    with tiny_ws.session() as s:
        a = s.exec(select(Assessment)).one()
        assert a.status == "draft" and type(a.status) is str
        statuses = {row.status for row in s.exec(select(Answer))}
    assert statuses <= set(kinds.LEAF_STATUSES)


def _check_typed(value: object, tp: object, path: str) -> None:
    """A tiny run-time check of ``value`` against a TypedDict / Literal / list / union annotation."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is typing.Any:
        return
    if typing.is_typeddict(tp):
        assert isinstance(value, dict), path
        hints = typing.get_type_hints(tp)
        required = set(typing.cast(typing.Any, tp).__required_keys__)
        assert required <= set(value) <= set(hints), (path, set(value) ^ set(hints))
        for key, item in value.items():
            _check_typed(item, hints[key], f"{path}.{key}")
    elif origin is typing.Literal:
        assert value in args, (path, value, args)
    elif origin in (typing.Union, __import__("types").UnionType):
        errors = []
        for arg in args:
            try:
                _check_typed(value, arg, path)
                return
            except AssertionError as exc:
                errors.append(exc)
        raise AssertionError((path, value, errors))
    elif origin is list:
        assert isinstance(value, list), path
        for i, item in enumerate(value):
            _check_typed(item, args[0], f"{path}[{i}]")
    elif origin is dict:
        assert isinstance(value, dict), path
    elif tp is type(None):
        assert value is None, path
    else:
        assert isinstance(tp, type) and isinstance(value, tp) and not (tp is int and isinstance(value, bool)), (
            path, value, tp)


@pytest.mark.parametrize("claims_only", [True, False])
def test_a_real_snapshot_has_exactly_the_typed_shape(tmp_path, claims_only):
    """The demo workspace (every rule kind, evidence, N/A, explanations), both as packaged and as printed."""
    from parDesk.demo import build_demo
    from parDesk.snapshot import build_snapshot, snapshot_bytes

    ws = build_demo(tmp_path / "demo")
    try:
        snap = build_snapshot(ws, frozen_at="2026-01-05T08:00:00+07:00", claims_only=claims_only)
    finally:
        ws.close()
    as_json = json.loads(snapshot_bytes(snap))
    _check_typed(as_json, snap_types.Snapshot, "$")
    leaves = [i for i in as_json["items"] if i["kind"] == "leaf"]
    assert {i["rule_kind"] for i in leaves} == set(kinds.RULE_KINDS)
    assert len({i["status"] for i in leaves}) >= 3
    assert any(i["evidence"] for i in leaves)
    assert all(("appraisal" in i) is (not claims_only) for i in leaves)
    if claims_only:
        assert schema.check_assessment(as_json) == []


@pytest.mark.parametrize(("where", "key", "value"), [
    ("leaf", "rule_kind", "yes-no"), ("leaf", "status", "done"), ("leaf", "block", "extra"),
    ("node", "block", "bonus"), ("assessment", "status", "signed"),
])
def test_the_verifier_refuses_words_outside_the_closed_sets(tiny_ws, where, key, value):
    from parDesk.snapshot import build_snapshot, snapshot_bytes

    snap = json.loads(snapshot_bytes(build_snapshot(tiny_ws)))
    assert schema.check_assessment(snap) == []
    target = {"assessment": snap["assessment"],
              "leaf": next(i for i in snap["items"] if i["kind"] == "leaf"),
              "node": next(i for i in snap["items"] if i["kind"] != "leaf")}[where]
    target[key] = value
    problems = schema.check_assessment(snap)
    assert [p.key for p in problems] == ["schema.bad_value"], problems
    assert problems[0].where.endswith(f".{key}")
