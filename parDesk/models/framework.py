"""Reading a framework (Bộ chỉ số) file: nothing from it is trusted.

A framework arrives as a JSON file written by a province (or converted from
its spreadsheet). :func:`parse_framework` checks every field and collects
*all* problems, each naming the file, the JSON path and the reason, before
refusing the file, so a province fixes its file in one pass rather than one
error per try. What it returns is the immutable model of
:mod:`parDesk.models.framework_model`, re-exported here so that callers keep
one import for "a framework".

The format is documented in ``docs/framework-format.md``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import EllipsisType
from typing import Any

from parDesk.i18n import Msg, ParDeskError, ValidationErrors, register
from parDesk.models.framework_model import (
    FORMAT,
    ROUNDING_MODES,
    ZERO,
    Band,
    Block,
    Decision,
    Framework,
    Leaf,
    Level,
    Node,
    Rounding,
    Rule,
    Tier,
    _s,
    canonical_json,
)
from parDesk.models.kinds import RULE_KINDS, ZERO_DENOMINATORS, BlockKind, ExtraBlockKind

__all__ = [
    "FORMAT", "ROUNDING_MODES", "RULE_KINDS", "ZERO", "Band", "Block", "Decision", "Framework", "Leaf", "Level",
    "Node", "Rounding", "Rule", "Tier", "canonical_json", "load_framework", "parse_framework",
    "parse_framework_bytes",
]

register({
    "fw.missing": ("thiếu trường bắt buộc", "required field is missing"),
    "fw.type": ("phải là {expected}, không phải {got}", "must be {expected}, not {got}"),
    "fw.decimal": ("không phải là số hợp lệ: {value!r}", "is not a valid number: {value!r}"),
    "fw.negative": ("không được âm: {value}", "must not be negative: {value}"),
    "fw.unknown_kind": ("loại quy tắc chấm điểm không rõ: {kind!r} (hợp lệ: {kinds})",
                        "unknown rule kind: {kind!r} (valid: {kinds})"),
    "fw.duplicate_code": ("mã bị trùng: {code!r} (đã có ở {first})", "duplicate code: {code!r} (first at {first})"),
    "fw.sum_mismatch": ("điểm tối đa {parent} không bằng tổng điểm tối đa của các mục con {children}",
                        "maximum {parent} does not equal the sum of its children's maxima {children}"),
    "fw.thresholds_order": ("các ngưỡng phải giảm dần nghiêm ngặt: {prev} rồi {value}",
                            "thresholds must strictly decrease: {prev} then {value}"),
    "fw.points_over_max": ("số điểm {points} vượt điểm tối đa {max}", "points {points} exceed the maximum {max}"),
    "fw.points_order": ("mức ngưỡng thấp hơn không được có điểm cao hơn ({prev} rồi {value})",
                        "a lower threshold must not give more points ({prev} then {value})"),
    "fw.empty": ("không được rỗng", "must not be empty"),
    "fw.depth": ("cây chỉ số sâu quá 4 cấp", "the framework tree is deeper than 4 levels"),
    "fw.leaf_or_children": ("một mục phải có hoặc 'rule' (mục chấm điểm) hoặc 'children', "
                            "không phải cả hai hay không có",
                            "a node must have either 'rule' (a scored item) or 'children', not both or neither"),
    "fw.bad_json": ("không đọc được JSON: {reason}", "cannot read JSON: {reason}"),
    "fw.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "fw.format": ("định dạng không được hỗ trợ: {value!r} (cần {expected!r})",
                  "unsupported format: {value!r} (expected {expected!r})"),
    "fw.rounding": ("cách làm tròn không rõ: {value!r} (hợp lệ: {modes})",
                    "unknown rounding mode: {value!r} (valid: {modes})"),
    "fw.step": ("bước điểm phải lớn hơn 0 và chia hết điểm tối đa {max}",
                "the step must be above 0 and divide the maximum {max}"),
    "fw.percent": ("tỷ lệ phần trăm phải trong [0, 100]: {value}", "percentage must be within [0, 100]: {value}"),
    "fw.bands": ("các mức xếp loại phải giảm dần và mức cuối cùng bắt đầu từ 0",
                 "rating bands must decrease and the last one must start at 0"),
    "fw.survey_self": ("mục điều tra xã hội học không thể tự chấm (self_scored phải là false)",
                       "a survey item cannot be self-scored (self_scored must be false)"),
    "fw.floor": ("mức sàn {floor} phải trong [0, {max}]", "the floor {floor} must be within [0, {max}]"),
    "fw.level_ids": ("mã mức bị trùng: {id!r}", "duplicate level id: {id!r}"),
    "fw.date": ("ngày không hợp lệ (cần YYYY-MM-DD): {value!r}", "invalid date (expected YYYY-MM-DD): {value!r}"),
})


class _Checker:
    """Walks the raw JSON, converting it and collecting every problem."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[ParDeskError] = []

    def err(self, path: str, key: str, **params: Any) -> None:
        self.errors.append(ParDeskError(key, where=f"{self.source}: {path}", **params))

    def get(self, obj: dict[str, Any], key: str, path: str, typ: type | tuple[type, ...], default: Any = ...,
            name: str = "") -> Any:
        """``obj[key]`` if it is a ``typ``; else the error is noted and ``default`` (or None) returned.

        The value is ``Any`` on purpose: it is JSON that has just been checked
        to be of ``typ``, and each caller converts it into the model's type.
        """
        if key not in obj:
            if default is ...:
                self.err(f"{path}.{key}", "fw.missing")
            return None if default is ... else default
        value = obj[key]
        if (typ is int and isinstance(value, bool)) or not isinstance(value, typ):
            self.err(f"{path}.{key}", "fw.type", expected=name or _type_name(typ), got=_type_name(type(value)))
            return None if default is ... else default
        return value

    def dec(self, obj: dict[str, Any], key: str, path: str, default: Decimal | EllipsisType = ...,
            nonneg: bool = True) -> Decimal | None:
        if key not in obj:
            if isinstance(default, EllipsisType):
                self.err(f"{path}.{key}", "fw.missing")
                return None
            return default
        raw = obj[key]
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str, Decimal)):
            self.err(f"{path}.{key}", "fw.type", expected=_type_name(Decimal), got=_type_name(type(raw)))
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            self.err(f"{path}.{key}", "fw.decimal", value=raw)
            return None
        # Finite, below 10^9 and at most 10 decimal places: anything else is a typo, and
        # would overflow the canonical form's exact decimal strings.
        exponent = value.normalize().as_tuple().exponent  # a str ("n", "N", "F") only for NaN / infinity
        if not value.is_finite() or isinstance(exponent, str) or (not value.is_zero() and (
                value.adjusted() > 8 or exponent < -10)):
            self.err(f"{path}.{key}", "fw.decimal", value=raw)
            return None
        if nonneg and value < 0:
            self.err(f"{path}.{key}", "fw.negative", value=raw)
            return None
        return value

    def text(self, obj: dict[str, Any], key: str, path: str, default: str | EllipsisType = ...) -> str:
        value: str | None = self.get(obj, key, path, str, default)
        if value is not None and default is ... and not value.strip():
            self.err(f"{path}.{key}", "fw.empty")
        return value or ""


_TYPE_KEYS: dict[type, str] = {dict: "object", list: "array", str: "string", int: "integer", float: "number",
                               bool: "boolean", type(None): "null", Decimal: "number"}


def _type_name(typ: Any) -> Any:
    """The JSON type's name as a message, so it reads right in either language."""
    if isinstance(typ, tuple):
        return " / ".join(str(_type_name(t)) for t in typ)
    name = _TYPE_KEYS.get(typ)
    return Msg("fw.t." + name) if name else getattr(typ, "__name__", str(typ))


register({
    "fw.t.object": ("đối tượng (object)", "an object"),
    "fw.t.array": ("danh sách (array)", "an array"),
    "fw.t.string": ("chuỗi ký tự (string)", "a string"),
    "fw.t.integer": ("số nguyên", "an integer"),
    "fw.t.number": ("số", "a number"),
    "fw.t.boolean": ("true/false", "true/false"),
    "fw.t.null": ("null", "null"),
})


def _nfc(value: Any) -> Any:
    """Every string in NFC, so the same words typed on another system hash the same."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _nfc(v) for k, v in value.items()}
    return value


def load_framework(path: str | Path) -> Framework:
    """Read and validate a framework JSON file; raise on any problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParDeskError("fw.unreadable", where=str(path), reason=exc.strerror or str(exc)) from None
    return parse_framework_bytes(data, source=path.name)


def parse_framework_bytes(data: bytes, source: str = "framework.json") -> Framework:
    try:
        raw = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParDeskError("fw.bad_json", where=source, reason=str(exc)) from None
    return parse_framework(raw, source)


def parse_framework(raw: Any, source: str = "framework.json") -> Framework:
    """Validate an already-decoded JSON object into a :class:`Framework`."""
    c = _Checker(source)
    raw = _nfc(raw)
    if not isinstance(raw, dict):
        c.err("$", "fw.type", expected=_type_name(dict), got=_type_name(type(raw)))
        raise ValidationErrors(c.errors)
    fmt = raw.get("format", FORMAT)
    if fmt != FORMAT:
        c.err("$.format", "fw.format", value=fmt, expected=FORMAT)

    rounding = _parse_rounding(c, raw.get("rounding", {}), "$.rounding") or Rounding()
    decision_raw = c.get(raw, "decision", "$", dict) or {}
    decision = Decision(
        number=c.text(decision_raw, "number", "$.decision") if decision_raw else "",
        date=_date(c, decision_raw, "date", "$.decision") if decision_raw else "",
        issuer=c.text(decision_raw, "issuer", "$.decision") if decision_raw else "",
    )
    seen: dict[str, str] = {}
    index: dict[str, Node | Leaf] = {}

    def parse_leaf(obj: Any, path: str, ancestors: tuple[str, ...], block: BlockKind) -> Leaf | None:
        if not isinstance(obj, dict):
            c.err(path, "fw.type", expected=_type_name(dict), got=_type_name(type(obj)))
            return None
        code = c.text(obj, "code", path)
        _note_code(code, path)
        title = c.text(obj, "title", path)
        mx = c.dec(obj, "max", path)
        rule_raw = c.get(obj, "rule", path, dict)
        rule = _parse_rule(c, rule_raw, f"{path}.rule", mx, rounding) if rule_raw is not None else None
        self_scored = c.get(obj, "self_scored", path, bool, default=rule is None or rule.kind != "survey")
        if rule is not None and rule.kind == "survey" and self_scored:
            c.err(f"{path}.self_scored", "fw.survey_self")
        hints = c.get(obj, "evidence_hints", path, list, default=[])
        for i, h in enumerate(hints):
            if not isinstance(h, str):
                c.err(f"{path}.evidence_hints[{i}]", "fw.type", expected=_type_name(str), got=_type_name(type(h)))
        # Read the remaining fields before giving up on a bad rule, so their errors are reported too.
        can_be_na = c.get(obj, "can_be_na", path, bool, default=False)
        requires_evidence = c.get(obj, "requires_evidence", path, bool, default=bool(self_scored))
        guidance = c.get(obj, "guidance", path, str, default="")
        if mx is None or rule is None:
            return None
        leaf = Leaf(code=code, title=title, max=mx, rule=rule, self_scored=bool(self_scored),
                    can_be_na=can_be_na, requires_evidence=requires_evidence,
                    evidence_hints=tuple(h for h in hints if isinstance(h, str)),
                    guidance=guidance, block=block, path=ancestors)
        if code:
            index[code] = leaf
        return leaf

    def _note_code(code: str, path: str) -> None:
        if not code:
            return
        if code in seen:
            c.err(f"{path}.code", "fw.duplicate_code", code=code, first=seen[code])
        else:
            seen[code] = path

    def parse_node(obj: Any, path: str, ancestors: tuple[str, ...], depth: int) -> Node | Leaf | None:
        if not isinstance(obj, dict):
            c.err(path, "fw.type", expected=_type_name(dict), got=_type_name(type(obj)))
            return None
        has_rule, has_children = "rule" in obj, "children" in obj
        if has_rule == has_children:
            c.err(path, "fw.leaf_or_children")
            return None
        if has_rule:
            if depth == 1:  # an area must group criteria
                c.err(path, "fw.leaf_or_children")
            return parse_leaf(obj, path, ancestors, "main")
        if depth >= 4:  # a node at level 4 would put its items at level 5
            c.err(path, "fw.depth")
            return None
        code = c.text(obj, "code", path)
        _note_code(code, path)
        title = c.text(obj, "title", path)
        mx = c.dec(obj, "max", path)
        kids_raw = c.get(obj, "children", path, list) or []
        if not kids_raw and "children" in obj:
            c.err(f"{path}.children", "fw.empty")
        kids = [parse_node(k, f"{path}.children[{i}]", ancestors + (code,), depth + 1)
                for i, k in enumerate(kids_raw)]
        children = tuple(k for k in kids if k is not None)
        if len(children) != len(kids) or mx is None:
            return None
        total = sum((k.max for k in children), ZERO)
        if total != mx:
            c.err(f"{path}.max", "fw.sum_mismatch", parent=_s(mx), children=_s(total))
        node = Node(code=code, title=title, max=mx, children=children, path=ancestors)
        if code:
            index[code] = node
        return node

    def parse_block(kind: ExtraBlockKind) -> Block:
        path = f"$.{kind}"
        obj = c.get(raw, kind, "$", dict, default={"title": "", "cap": 0, "items": []})
        cap = c.dec(obj, "cap", path, default=ZERO) or ZERO
        items_raw = c.get(obj, "items", path, list, default=[])
        items = [parse_leaf(it, f"{path}.items[{i}]", (kind,), kind) for i, it in enumerate(items_raw)]
        return Block(kind=kind, title=c.get(obj, "title", path, str, default=""), cap=cap,
                     items=tuple(i for i in items if i is not None))

    areas_raw = c.get(raw, "areas", "$", list) or []
    if "areas" in raw and not areas_raw:
        c.err("$.areas", "fw.empty")
    areas = [parse_node(a, f"$.areas[{i}]", (), 1) for i, a in enumerate(areas_raw)]
    scale = c.dec(raw, "scale", "$", default=Decimal(100))
    area_nodes = tuple(a for a in areas if isinstance(a, Node))
    if scale is not None and len(area_nodes) == len(areas_raw) and areas_raw:
        total = sum((a.max for a in area_nodes), ZERO)
        if total != scale:
            c.err("$.scale", "fw.sum_mismatch", parent=_s(scale), children=_s(total))
    bonus, penalty = parse_block("bonus"), parse_block("penalty")
    bands = _parse_bands(c, raw)
    year = c.get(raw, "year", "$", int)
    deadline = _optional_date(c, raw, "deadline", "$")

    fw_id = c.text(raw, "id", "$")
    title = c.text(raw, "title", "$")
    unit_level = c.text(raw, "unit_level", "$")
    sample = c.get(raw, "sample", "$", bool, default=False)
    province = c.get(raw, "province", "$", str, default="")
    notes = c.get(raw, "notes", "$", str, default="")
    if c.errors:
        raise ValidationErrors(c.errors)
    return Framework(id=fw_id, title=title, year=year, unit_level=unit_level, decision=decision,
                     scale=scale or Decimal(100), rounding=rounding, bands=bands, areas=area_nodes,
                     bonus=bonus, penalty=penalty, sample=sample, province=province,
                     deadline=deadline, notes=notes, _index=index)


def _date(c: _Checker, obj: dict[str, Any], key: str, path: str) -> str:
    """A required ``YYYY-MM-DD`` date ("" when missing, the error noted)."""
    return _optional_date(c, obj, key, path, optional=False) or ""


def _optional_date(c: _Checker, obj: dict[str, Any], key: str, path: str, optional: bool = True) -> str | None:
    value: str | None = c.get(obj, key, path, str, default=None if optional else ...)
    if value is None:
        return None
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        c.err(f"{path}.{key}", "fw.date", value=value)
    return value


def _parse_rounding(c: _Checker, obj: Any, path: str) -> Rounding | None:
    if not isinstance(obj, dict):
        c.err(path, "fw.type", expected=_type_name(dict), got=_type_name(type(obj)))
        return None
    places = c.get(obj, "places", path, int, default=2)
    mode = c.get(obj, "mode", path, str, default="half_up")
    if mode not in ROUNDING_MODES:
        c.err(f"{path}.mode", "fw.rounding", value=mode, modes=", ".join(ROUNDING_MODES))
        return None
    if not 0 <= places <= 6:
        c.err(f"{path}.places", "fw.decimal", value=places)
        return None
    return Rounding(places=places, mode=mode)


def _parse_bands(c: _Checker, raw: dict[str, Any]) -> tuple[Band, ...]:
    items = c.get(raw, "rating_bands", "$", list) or []
    bands: list[Band] = []
    for i, b in enumerate(items):
        path = f"$.rating_bands[{i}]"
        if not isinstance(b, dict):
            c.err(path, "fw.type", expected=_type_name(dict), got=_type_name(type(b)))
            continue
        mp = c.dec(b, "min_percent", path)
        label = c.text(b, "label", path)
        if mp is not None and mp > 100:
            c.err(f"{path}.min_percent", "fw.percent", value=mp)
        if mp is not None:
            bands.append(Band(mp, label, c.get(b, "label_en", path, str, default=label)))
    if bands:
        ordered = all(a.min_percent > b.min_percent for a, b in itertools.pairwise(bands))
        if not ordered or bands[-1].min_percent != 0:
            c.err("$.rating_bands", "fw.bands")
    elif "rating_bands" in raw:
        c.err("$.rating_bands", "fw.empty")
    return tuple(bands)


def _parse_rule(c: _Checker, obj: dict[str, Any], path: str, mx: Decimal | None,
                default_rounding: Rounding) -> Rule | None:
    kind = c.get(obj, "kind", path, str)
    if kind is None:
        return None
    if kind not in RULE_KINDS:
        c.err(f"{path}.kind", "fw.unknown_kind", kind=kind, kinds=", ".join(RULE_KINDS))
        return None
    n_errors = len(c.errors)
    desc = c.get(obj, "description", path, str, default="")
    mx = mx if mx is not None else Decimal(10**9)
    kw: dict[str, Any] = {"kind": kind, "description": desc}
    if kind in ("ratio_tiers", "proportional"):
        kw["numerator_label"] = c.get(obj, "numerator_label", path, str, default="Tử số")
        kw["denominator_label"] = c.get(obj, "denominator_label", path, str, default="Mẫu số")
        zd = c.get(obj, "zero_denominator", path, str, default="max")
        if zd not in ZERO_DENOMINATORS:
            c.err(f"{path}.zero_denominator", "fw.type", expected='"max" / "zero"', got=repr(zd))
        kw["zero_denominator"] = zd
    if kind == "ratio_tiers":
        tiers: list[Tier] = []
        tiers_raw = c.get(obj, "tiers", path, list) or []
        if "tiers" in obj and not tiers_raw:
            c.err(f"{path}.tiers", "fw.empty")
        for i, tr in enumerate(tiers_raw):
            tp = f"{path}.tiers[{i}]"
            if not isinstance(tr, dict):
                c.err(tp, "fw.type", expected=_type_name(dict), got=_type_name(type(tr)))
                continue
            mp, pts = c.dec(tr, "min_percent", tp), c.dec(tr, "points", tp)
            if mp is None or pts is None:
                continue
            if mp > 100:
                c.err(f"{tp}.min_percent", "fw.percent", value=_s(mp))
            if pts > mx:
                c.err(f"{tp}.points", "fw.points_over_max", points=_s(pts), max=_s(mx))
            if tiers and mp >= tiers[-1].min_percent:
                c.err(f"{tp}.min_percent", "fw.thresholds_order", prev=_s(tiers[-1].min_percent), value=_s(mp))
            if tiers and pts > tiers[-1].points:
                c.err(f"{tp}.points", "fw.points_order", prev=_s(tiers[-1].points), value=_s(pts))
            tiers.append(Tier(mp, pts))
        kw["tiers"] = tuple(tiers)
        else_pts = c.dec(obj, "else_points", path, default=ZERO)
        if else_pts is not None and tiers and else_pts > tiers[-1].points:
            c.err(f"{path}.else_points", "fw.points_order", prev=_s(tiers[-1].points), value=_s(else_pts))
        kw["else_points"] = else_pts or ZERO
    elif kind == "proportional":
        if "rounding" in obj:
            kw["rounding"] = _parse_rounding(c, obj["rounding"], f"{path}.rounding")
        else:
            kw["rounding"] = default_rounding
    elif kind == "levels":
        levels: list[Level] = []
        ids: set[str] = set()
        levels_raw = c.get(obj, "levels", path, list) or []
        if "levels" in obj and not levels_raw:
            c.err(f"{path}.levels", "fw.empty")
        for i, lr in enumerate(levels_raw):
            lp = f"{path}.levels[{i}]"
            if not isinstance(lr, dict):
                c.err(lp, "fw.type", expected=_type_name(dict), got=_type_name(type(lr)))
                continue
            lid, label, pts = c.text(lr, "id", lp), c.text(lr, "label", lp), c.dec(lr, "points", lp)
            if lid in ids:
                c.err(f"{lp}.id", "fw.level_ids", id=lid)
            ids.add(lid)
            if pts is not None and pts > mx:
                c.err(f"{lp}.points", "fw.points_over_max", points=_s(pts), max=_s(mx))
            if pts is not None:
                levels.append(Level(lid, label, pts))
        kw["levels"] = tuple(levels)
    elif kind == "manual":
        step = c.dec(obj, "step", path, default=Decimal("0.25"))
        if step is not None and (step <= 0 or (mx % step) != 0):
            c.err(f"{path}.step", "fw.step", max=_s(mx))
        kw["step"] = step or Decimal("0.25")
    elif kind == "deductions":
        per = c.dec(obj, "per_violation", path)
        floor = c.dec(obj, "floor", path, default=ZERO)
        if per is not None and per <= 0:
            c.err(f"{path}.per_violation", "fw.negative", value=_s(per))
        if floor is not None and floor > mx:
            c.err(f"{path}.floor", "fw.floor", floor=_s(floor), max=_s(mx))
        kw["per_violation"] = per or ZERO
        kw["floor"] = floor or ZERO
        kw["violation_label"] = c.get(obj, "violation_label", path, str, default="Số vi phạm")
    if len(c.errors) > n_errors:
        return None
    return Rule(**kw)
