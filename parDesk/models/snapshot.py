"""The shape of a frozen assessment (``data/assessment.json``), as TypedDicts.

:func:`parDesk.snapshot.build_snapshot` writes exactly this shape;
:func:`parDesk.package.schema.check_assessment` refuses a package whose
``assessment.json`` has any other (every key present, no other key, each value
of its type), so once a document has passed that check it *is* a
:class:`Snapshot` and the verifier reads it as one.

They are TypedDicts, not dataclasses, because the snapshot's whole point is to
be plain JSON: it is hashed in its canonical form (:func:`parDesk.snapshot.snapshot_bytes`),
travels in the package, and is read back by the province's tools and by the
printed forms, so the type must describe the dict rather than replace it.

Decimals are strings in parDesk's form (``"0.5"``, ``"12"``); see
:data:`parDesk.package.schema.DECIMAL_RE`.
"""

# No ``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` from
# evaluated annotations only, and the run-time key sets are what the tests compare.
from typing import Any, Literal, NotRequired, TypedDict

from parDesk.models.kinds import AssessmentStatus, BlockKind, LeafStatusName, RuleKind

SNAPSHOT_FORMAT: Literal["pardesk-assessment/1"] = "pardesk-assessment/1"


class SnapshotUnit(TypedDict):
    code: str  # mã đơn vị hành chính
    name: str
    short_name: str | None
    province: str | None
    governing_body: str | None
    place: str | None
    leader_name: str | None
    leader_title: str | None


class SnapshotDecision(TypedDict):
    number: str | None
    date: str | None
    issuer: str | None


class SnapshotFramework(TypedDict):
    id: str
    title: str
    year: int
    hash: str  # SHA-256 of the framework's canonical bytes
    decision: SnapshotDecision


class SnapshotAssessment(TypedDict):
    id: int
    year: int
    version: int
    status: AssessmentStatus
    previous_package_hash: str | None


class SnapshotEvidence(TypedDict):
    """One document proving a leaf; ``file`` is its one name in the package (``data/evidence/<sha256>.<ext>``)."""

    sha256: str
    file: str
    original_name: str
    media_type: str
    size: int
    number: str | None
    date: str | None
    issuer: str | None
    subject: str | None
    page_ref: str | None


class SnapshotAppraisal(TypedDict):
    """A province's appraisal of a leaf: only in the unit's own prints, never in a package."""

    round: int
    score: str | None
    comment: str
    request_explanation: bool


class SnapshotNode(TypedDict):
    """An area (depth 0), a criterion (depth 1) or a grouping below it, with its subtotal."""

    code: str
    title: str
    kind: Literal["area", "criterion", "group"]
    block: Literal["main"]
    depth: int
    parent: str | None
    max: str
    score: str
    max_applicable: str


class SnapshotLeaf(TypedDict):
    """A scored item as the unit claims it. ``score`` is None where there is none (not scored, or the province's)."""

    code: str
    title: str
    kind: Literal["leaf"]
    block: BlockKind
    depth: int
    parent: str | None
    max: str
    score: str | None
    max_applicable: str
    rule_kind: RuleKind
    self_scored: bool
    not_applicable: bool
    inputs: dict[str, Any]  # the rule's inputs, JSON scalars (see parDesk.scoring.INPUT_FIELDS)
    explanation: str
    status: LeafStatusName
    requires_evidence: bool
    evidence: list[SnapshotEvidence]
    appraisal: NotRequired[list[SnapshotAppraisal]]  # build_snapshot(claims_only=False) only


#: One row of ``items``, in the framework's document order; tell them apart by ``item["kind"] == "leaf"``.
SnapshotItem = SnapshotNode | SnapshotLeaf


class SnapshotTotals(TypedDict):
    base: str
    bonus: str
    penalty: str
    total: str
    max: str
    max_applicable: str
    percent: str
    rating: str
    rating_en: str
    completed: int
    to_score: int


class Snapshot(TypedDict):
    format: Literal["pardesk-assessment/1"]
    unit: SnapshotUnit
    framework: SnapshotFramework
    assessment: SnapshotAssessment
    items: list[SnapshotItem]
    totals: SnapshotTotals
    frozen_at: str | None
