"""Strict reading of the JSON a package carries: exact keys, exact types, JSON paths in every refusal.

A package is hostile input. :func:`strict_json` parses it so that nothing two
readers could see differently gets through: a key given twice in one object
(Python keeps the last, other readers the first), ``NaN`` / ``Infinity``
(not JSON at all, but :mod:`json` accepts them), integers with thousands of
digits, floats where parDesk writes decimal strings, and nesting deeper than
parDesk ever writes. None of these raise: each becomes a marker that
:func:`check_shape` reports with the JSON path where it sits.

:data:`TOP_SPEC` (with :data:`NODE_SPEC`, :data:`LEAF_SPEC`) and the TypedDicts
of :mod:`parDesk.models.snapshot` describe the same document, one for the
verifier at run time, one for mypy; tests/test_snapshot_types.py keeps them in step.

:func:`check_shape` compares a parsed document with a *spec*, a small
declarative description of exactly what parDesk writes (see
:data:`ASSESSMENT_SPEC`): every key required, no other key, each value of its
type. Decimal values are strings in parDesk's own form (``"0.5"``, ``"-1"``),
bounded in length, so ``"Infinity"``, ``"1e999999"`` or ``"NaN"`` are refused
here with the field's path, before any :class:`~decimal.Decimal` is made.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parDesk.i18n import ParDeskError, register
from parDesk.models.kinds import ASSESSMENT_STATUSES, BLOCK_KINDS, LEAF_STATUSES, RULE_KINDS
from parDesk.models.snapshot import SNAPSHOT_FORMAT

register({
    "schema.bad_json": ("{file} không phải JSON hợp lệ: {reason}", "{file} is not valid JSON: {reason}"),
    "schema.duplicate_key": ("khóa “{name}” xuất hiện hai lần trong cùng một đối tượng",
                             "key “{name}” appears twice in the same object"),
    "schema.bad_constant": ("giá trị {value} không được phép (không phải số hữu hạn)",
                            "the value {value} is not allowed (not a finite number)"),
    "schema.big_number": ("số quá dài ({digits} chữ số)", "the number is too long ({digits} digits)"),
    "schema.unknown_key": ("trường không được phép có trong tệp", "this field is not allowed here"),
    "schema.missing_key": ("thiếu trường bắt buộc", "a required field is missing"),
    "schema.type": ("sai kiểu dữ liệu: cần {expected}", "wrong type: {expected} expected"),
    "schema.too_long": ("chuỗi quá dài ({length} ký tự, tối đa {limit})",
                        "the text is too long ({length} characters, at most {limit})"),
    "schema.too_many": ("quá nhiều phần tử ({count}, tối đa {limit})", "too many elements ({count}, at most {limit})"),
    "schema.too_deep": ("cấu trúc lồng nhau quá sâu", "the structure is nested too deeply"),
    "schema.bad_value": ("giá trị không hợp lệ: {value}", "invalid value: {value}"),
    "schema.appraisal_claimed": (
        "mục {code}: gói của đơn vị không được ghi điểm thẩm định; điểm thẩm định và điểm khảo sát do tỉnh ghi",
        "item {code}: a unit's package may not carry appraisal points; appraisal and survey points are the "
        "province's"),
})

MAX_DEPTH = 16          # parDesk writes at most 5 levels (items → evidence → fields)
MAX_INT_DIGITS = 18
MAX_STRING = 100_000    # an explanation may be long; nothing else comes close
MAX_LIST = 20_000

DECIMAL_RE = re.compile(r"-?(0|[1-9][0-9]{0,11})(\.[0-9]{1,8})?")
HEX64_RE = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class _Bad:
    """A value :func:`strict_json` would not turn into a Python value; reported with its path."""

    key: str
    params: tuple[tuple[str, Any], ...]

    def error(self, where: str) -> ParDeskError:
        return ParDeskError(self.key, where=where, **dict(self.params))


class _Obj(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> _Obj:
    obj = _Obj()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        else:
            obj[key] = value
    return obj


def _constant(name: str) -> _Bad:
    return _Bad("schema.bad_constant", (("value", name),))


def _int(text: str) -> int | _Bad:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Bad("schema.big_number", (("digits", digits),))
    return int(text)


def _float(text: str) -> Decimal | _Bad:
    if len(text) > 40:
        return _Bad("schema.big_number", (("digits", len(text)),))
    value = Decimal(text)
    return value if value.is_finite() else _Bad("schema.bad_constant", (("value", text[:20]),))


def strict_json(data: bytes, where: str) -> tuple[Any, list[ParDeskError]]:
    """Parse ``data`` (UTF-8 JSON); ``(value, [])`` or ``(None, [reason])``. Never raises.

    Judge by the problems, not by the value: ``null`` is a valid document whose value is None.

    Markers for duplicates, constants and huge numbers stay in the value: run
    :func:`check_shape` (or :func:`markers`) on it to report them with paths.
    """
    file = where.rsplit("/", 1)[-1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [ParDeskError("schema.bad_json", where=where, file=file, reason=f"UTF-8 ({exc.reason})")]
    if text.startswith("\ufeff"):
        return None, [ParDeskError("schema.bad_json", where=where, file=file, reason="BOM")]
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int,
                           parse_float=_float)
    except RecursionError:
        return None, [ParDeskError("schema.too_deep", where=where)]
    except ValueError as exc:  # JSONDecodeError is a ValueError
        return None, [ParDeskError("schema.bad_json", where=where, file=file, reason=str(exc)[:200])]
    return value, []


def markers(value: Any, path: str, depth: int = 0) -> list[ParDeskError]:
    """Every duplicate key, bad constant, huge number and excess depth anywhere in ``value``."""
    if depth > MAX_DEPTH:
        return [ParDeskError("schema.too_deep", where=path)]
    if isinstance(value, _Bad):
        return [value.error(path)]
    out: list[ParDeskError] = []
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", []):
            out.append(ParDeskError("schema.duplicate_key", where=f"{path}.{key}", name=key))
        for key, item in value.items():
            out.extend(markers(item, f"{path}.{key}", depth + 1))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(markers(item, f"{path}[{i}]", depth + 1))
    return out


# --- specs -------------------------------------------------------------------------------------
# A spec is a type name (see _SCALARS), a dict {key: spec} (an object with exactly these keys),
# ("list", spec), ("map", spec) (any str keys), or ("enum", values).

Spec = Any

_EXPECTED = {
    "str": ("chuỗi", "text"), "str?": ("chuỗi hoặc null", "text or null"), "int": ("số nguyên", "integer"),
    "bool": ("true/false", "true/false"),
    "dec": ("số thập phân dạng chuỗi, ví dụ \"0.5\"", "a decimal string like \"0.5\""),
    "dec?": ("số thập phân dạng chuỗi hoặc null", "a decimal string or null"),
    "hex64": ("mã SHA-256 (64 ký tự hex)", "a SHA-256 (64 hex characters)"),
    "hex64?": ("mã SHA-256 hoặc null", "a SHA-256 or null"), "object": ("đối tượng", "an object"),
    "list": ("danh sách", "a list"),
    "scalar": ("chuỗi, số nguyên, true/false hoặc null", "text, integer, true/false or null"),
}


def _expected(name: str) -> str:
    from parDesk.i18n import get_language

    vi, en = _EXPECTED[name]
    return vi if get_language() == "vi" else en


def _type_error(path: str, name: str) -> ParDeskError:
    return ParDeskError("schema.type", where=path, expected=_expected(name))


def _scalar(value: Any, kind: str, path: str) -> list[ParDeskError]:
    nullable = kind.endswith("?")
    base = kind.rstrip("?")
    if value is None:
        return [] if nullable else [_type_error(path, kind)]
    if base == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif base == "bool":
        ok = isinstance(value, bool)
    elif base == "scalar":
        ok = isinstance(value, (str, bool)) or (isinstance(value, int) and not isinstance(value, bool))
    else:
        ok = isinstance(value, str)
    if not ok:
        return [_type_error(path, kind)]
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            return [ParDeskError("schema.too_long", where=path, length=len(value), limit=MAX_STRING)]
        if base == "dec" and not DECIMAL_RE.fullmatch(value):
            return [ParDeskError("schema.bad_value", where=path, value=value[:40])]
        if base == "hex64" and not HEX64_RE.fullmatch(value):
            return [ParDeskError("schema.bad_value", where=path, value=value[:70])]
    return []


def check_shape(value: Any, spec: Spec, path: str, depth: int = 0) -> list[ParDeskError]:
    """Every way ``value`` differs from ``spec``, each with its JSON path (``items[3].score``)."""
    if depth > MAX_DEPTH:
        return [ParDeskError("schema.too_deep", where=path)]
    if isinstance(value, _Bad):
        return [value.error(path)]
    if isinstance(spec, str):
        return _scalar(value, spec, path)
    if isinstance(spec, dict):
        return _check_object(value, spec, path, depth)
    kind, inner = spec
    if kind == "enum":
        return [] if isinstance(value, str) and value in inner else [
            ParDeskError("schema.bad_value", where=path, value=str(value)[:40])]
    if kind == "list":
        if not isinstance(value, list):
            return [_type_error(path, "list")]
        if len(value) > MAX_LIST:
            return [ParDeskError("schema.too_many", where=path, count=len(value), limit=MAX_LIST)]
        out: list[ParDeskError] = []
        for i, item in enumerate(value):
            out.extend(check_shape(item, inner, f"{path}[{i}]", depth + 1))
        return out
    # "map": an object whose keys are free, whose values follow ``inner``
    if not isinstance(value, dict):
        return [_type_error(path, "object")]
    out = [ParDeskError("schema.duplicate_key", where=f"{path}.{k}", name=k) for k in getattr(value, "duplicates", [])]
    for key, item in value.items():
        out.extend(check_shape(item, inner, f"{path}.{key}", depth + 1))
    return out


def _check_object(value: Any, spec: dict[str, Spec], path: str, depth: int) -> list[ParDeskError]:
    if not isinstance(value, dict):
        return [_type_error(path, "object")]
    out = [ParDeskError("schema.duplicate_key", where=f"{path}.{k}", name=k) for k in getattr(value, "duplicates", [])]
    for key in value:
        if key not in spec:
            out.append(ParDeskError("schema.unknown_key", where=f"{path}.{key}"))
    for key, sub in spec.items():
        if key not in value:
            out.append(ParDeskError("schema.missing_key", where=f"{path}.{key}"))
        else:
            out.extend(check_shape(value[key], sub, f"{path}.{key}", depth + 1))
    return out


EVIDENCE_SPEC: dict[str, Spec] = {
    "sha256": "hex64", "file": "str", "original_name": "str", "media_type": "str", "size": "int",
    "number": "str?", "date": "str?", "issuer": "str?", "subject": "str?", "page_ref": "str?",
}
NODE_SPEC: dict[str, Spec] = {
    "code": "str", "title": "str", "kind": ("enum", ("area", "criterion", "group")), "block": ("enum", ("main",)),
    "depth": "int", "parent": "str?", "max": "dec", "score": "dec", "max_applicable": "dec",
}
#: A leaf as the unit claims it. No ``appraisal``: appraisal and survey points are the province's.
LEAF_SPEC: dict[str, Spec] = {
    "code": "str", "title": "str", "kind": ("enum", ("leaf",)), "block": ("enum", BLOCK_KINDS),
    "depth": "int", "parent": "str?", "max": "dec", "score": "dec?", "max_applicable": "dec",
    "rule_kind": ("enum", RULE_KINDS), "self_scored": "bool", "not_applicable": "bool", "inputs": ("map", "scalar"),
    "explanation": "str", "status": ("enum", LEAF_STATUSES), "requires_evidence": "bool",
    "evidence": ("list", EVIDENCE_SPEC),
}
TOP_SPEC: dict[str, Spec] = {
    "format": ("enum", (SNAPSHOT_FORMAT,)),
    "unit": {"code": "str", "name": "str", "short_name": "str?", "province": "str?", "governing_body": "str?",
             "place": "str?", "leader_name": "str?", "leader_title": "str?"},
    "framework": {"id": "str", "title": "str", "year": "int", "hash": "hex64",
                  "decision": {"number": "str?", "date": "str?", "issuer": "str?"}},
    "assessment": {"id": "int", "year": "int", "version": "int", "status": ("enum", ASSESSMENT_STATUSES),
                   "previous_package_hash": "hex64?"},
    "items": "items",  # checked item by item (node or leaf) by check_assessment
    "totals": {"base": "dec", "bonus": "dec", "penalty": "dec", "total": "dec", "max": "dec",
               "max_applicable": "dec", "percent": "dec", "rating": "str", "rating_en": "str",
               "completed": "int", "to_score": "int"},
    "frozen_at": "str?",
}


def check_assessment(doc: Any, where: str = "data/assessment.json") -> list[ParDeskError]:
    """The whole document against parDesk's assessment format; paths like ``items[3].score``.

    An ``appraisal`` key on an item is named as such (the province's points never
    travel in a unit's package), not only as an unknown key.
    """
    if not isinstance(doc, dict):
        return [_type_error(where, "object")]
    spec = {k: v for k, v in TOP_SPEC.items() if k != "items"}
    out = _check_object({k: v for k, v in doc.items() if k != "items"}, spec, where, 0)
    out[:0] = [ParDeskError("schema.duplicate_key", where=f"{where}.{k}", name=k)
               for k in getattr(doc, "duplicates", [])]
    items = doc.get("items")
    if "items" not in doc:
        out.append(ParDeskError("schema.missing_key", where=f"{where}.items"))
    elif not isinstance(items, list):
        out.append(_type_error(f"{where}.items", "list"))
    elif len(items) > MAX_LIST:
        out.append(ParDeskError("schema.too_many", where=f"{where}.items", count=len(items), limit=MAX_LIST))
    else:
        for i, item in enumerate(items):
            path = f"{where}.items[{i}]"
            if isinstance(item, dict) and "appraisal" in item:
                out.append(ParDeskError("schema.appraisal_claimed", where=f"{path}.appraisal",
                                        code=str(item.get("code"))[:40]))
                rest = _pairs([(k, v) for k, v in item.items() if k != "appraisal"])
                rest.duplicates = list(getattr(item, "duplicates", []))
                item = rest
            leaf = isinstance(item, dict) and item.get("kind") == "leaf"
            out.extend(check_shape(item, LEAF_SPEC if leaf else NODE_SPEC, path, 1))
    return out
