"""The framework (Bộ chỉ số) as validated, immutable data.

These are the classes every layer reads a framework through: the scoring
functions, the window, the printed forms, the package verifier and the
provincial server. They are built only by the reader in
:mod:`parDesk.models.framework`, which checks every field of the file first,
so code holding a :class:`Framework` never re-checks it. A framework's
identity is the SHA-256 of its canonical form (:meth:`Framework.canonical_bytes`),
so two files that differ only in spacing, key order or ``1`` versus ``"1.0"``
are the same framework, and an assessment is bound to exactly one such hash.

The format is documented in ``docs/framework-format.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from functools import cached_property
from typing import Any

from parDesk.i18n import ParDeskError, register
from parDesk.models.kinds import BlockKind, ExtraBlockKind, RoundingMode, RuleKind, ZeroDenominator

FORMAT = "pardesk-framework/1"
ROUNDING_MODES: dict[RoundingMode, str] = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN,
                                           "down": ROUND_DOWN, "up": ROUND_UP}
ZERO = Decimal(0)


@dataclass(frozen=True)
class Rounding:
    places: int = 2
    mode: RoundingMode = "half_up"

    def apply(self, value: Decimal) -> Decimal:
        return value.quantize(Decimal(1).scaleb(-self.places), rounding=ROUNDING_MODES[self.mode])

    def to_dict(self) -> dict[str, Any]:
        return {"places": self.places, "mode": self.mode}


@dataclass(frozen=True)
class Tier:
    min_percent: Decimal
    points: Decimal


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    points: Decimal


@dataclass(frozen=True)
class Rule:
    """A scoring rule. Only the fields of its ``kind`` are meaningful."""

    kind: RuleKind
    description: str = ""
    numerator_label: str = ""
    denominator_label: str = ""
    tiers: tuple[Tier, ...] = ()
    else_points: Decimal = ZERO
    zero_denominator: ZeroDenominator = "max"  # ratio rules when the denominator is 0
    rounding: Rounding | None = None
    levels: tuple[Level, ...] = ()
    step: Decimal = Decimal("0.25")
    per_violation: Decimal = ZERO
    floor: Decimal = ZERO
    violation_label: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind}
        if self.description:
            d["description"] = self.description
        if self.kind in ("ratio_tiers", "proportional"):
            d["numerator_label"] = self.numerator_label
            d["denominator_label"] = self.denominator_label
            d["zero_denominator"] = self.zero_denominator
        if self.kind == "ratio_tiers":
            d["tiers"] = [{"min_percent": _s(t.min_percent), "points": _s(t.points)} for t in self.tiers]
            d["else_points"] = _s(self.else_points)
        if self.kind == "proportional" and self.rounding is not None:
            d["rounding"] = self.rounding.to_dict()
        if self.kind == "levels":
            d["levels"] = [{"id": lv.id, "label": lv.label, "points": _s(lv.points)} for lv in self.levels]
        if self.kind == "manual":
            d["step"] = _s(self.step)
        if self.kind == "deductions":
            d["per_violation"] = _s(self.per_violation)
            d["floor"] = _s(self.floor)
            d["violation_label"] = self.violation_label
        return d


@dataclass(frozen=True)
class Leaf:
    """A scored item (usually a tiêu chí thành phần)."""

    code: str
    title: str
    max: Decimal
    rule: Rule
    self_scored: bool = True
    can_be_na: bool = False
    requires_evidence: bool = True
    evidence_hints: tuple[str, ...] = ()
    guidance: str = ""
    block: BlockKind = "main"
    path: tuple[str, ...] = ()  # codes of the ancestors, outermost first

    is_leaf = True

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "title": self.title, "max": _s(self.max), "rule": self.rule.to_dict(),
                             "self_scored": self.self_scored, "can_be_na": self.can_be_na,
                             "requires_evidence": self.requires_evidence,
                             "evidence_hints": list(self.evidence_hints)}
        if self.guidance:
            d["guidance"] = self.guidance
        return d


@dataclass(frozen=True)
class Node:
    """An area (lĩnh vực), criterion (tiêu chí) or a grouping below it."""

    code: str
    title: str
    max: Decimal
    children: tuple[Node | Leaf, ...]
    path: tuple[str, ...] = ()

    is_leaf = False

    def leaves(self) -> Iterator[Leaf]:
        for child in self.children:
            if isinstance(child, Leaf):
                yield child
            else:
                yield from child.leaves()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "max": _s(self.max),
                "children": [c.to_dict() for c in self.children]}


@dataclass(frozen=True)
class Band:
    min_percent: Decimal
    label: str
    label_en: str


@dataclass(frozen=True)
class Block:
    """The bonus (điểm thưởng) or penalty (điểm trừ) block: items and a cap."""

    kind: ExtraBlockKind
    title: str
    cap: Decimal
    items: tuple[Leaf, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "cap": _s(self.cap), "items": [i.to_dict() for i in self.items]}


@dataclass(frozen=True)
class Decision:
    number: str
    date: str
    issuer: str


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    year: int
    unit_level: str
    decision: Decision
    scale: Decimal
    rounding: Rounding
    bands: tuple[Band, ...]
    areas: tuple[Node, ...]
    bonus: Block
    penalty: Block
    sample: bool = False
    province: str = ""
    deadline: str | None = None
    notes: str = ""
    _index: dict[str, Node | Leaf] = field(default_factory=dict, compare=False, repr=False)

    # -- navigation --------------------------------------------------------
    def leaves(self) -> Iterator[Leaf]:
        """Every scored item of the main tree, in document order."""
        for area in self.areas:
            yield from area.leaves()

    def all_leaves(self) -> Iterator[Leaf]:
        """Main-tree leaves, then bonus items, then penalty items."""
        yield from self.leaves()
        yield from self.bonus.items
        yield from self.penalty.items

    def get(self, code: str) -> Node | Leaf:
        try:
            return self._index[code]
        except KeyError:
            raise ParDeskError("fw.unknown_code", code=code) from None

    def leaf(self, code: str) -> Leaf:
        node = self.get(code)
        if not isinstance(node, Leaf):
            raise ParDeskError("fw.not_a_leaf", code=code)
        return node

    def __contains__(self, code: object) -> bool:
        return code in self._index

    # -- identity ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format": FORMAT, "id": self.id, "title": self.title, "year": self.year,
            "unit_level": self.unit_level, "sample": self.sample,
            "decision": {"number": self.decision.number, "date": self.decision.date, "issuer": self.decision.issuer},
            "scale": _s(self.scale), "rounding": self.rounding.to_dict(),
            "rating_bands": [{"min_percent": _s(b.min_percent), "label": b.label, "label_en": b.label_en}
                             for b in self.bands],
            "areas": [a.to_dict() for a in self.areas],
            "bonus": self.bonus.to_dict(), "penalty": self.penalty.to_dict(),
        }
        if self.province:
            d["province"] = self.province
        if self.deadline:
            d["deadline"] = self.deadline
        if self.notes:
            d["notes"] = self.notes
        return d

    def canonical_bytes(self) -> bytes:
        """Sorted keys, no spaces, UTF-8, numbers as normalised decimal strings."""
        return canonical_json(self.to_dict())

    @cached_property
    def hash(self) -> str:
        """SHA-256 of :meth:`canonical_bytes`, computed once per framework object.

        (``cached_property`` stores into the instance's ``__dict__`` directly,
        which a frozen dataclass allows; ``dataclasses.replace`` starts afresh.)
        """
        return hashlib.sha256(self.canonical_bytes()).hexdigest()


register({
    "fw.unknown_code": ("mã không có trong bộ chỉ số: {code!r}", "code not in the framework: {code!r}"),
    "fw.not_a_leaf": ("{code!r} không phải là mục chấm điểm", "{code!r} is not a scored item"),
})


def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _s(value: Decimal) -> str:
    """A decimal as its shortest exact string: 1.50 -> "1.5", 10 -> "10", -0 -> "0"."""
    if value.is_zero():
        return "0"
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")

