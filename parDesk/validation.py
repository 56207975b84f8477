"""Per-leaf status and the "ready to submit?" check.

A leaf is *not started* with no input, *in progress* when something is there
but a blocking problem remains, *complete* when it can be submitted as is.
Blocking problems are the ones the province would send back: a self-scored
leaf without a score, a leaf that expects evidence with neither evidence nor an
explanation, inputs that cannot be true (negative counts, numerator over
denominator), a manual score off its step or above its maximum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from parDesk.i18n import Nested, ParDeskError, register
from parDesk.models.framework import Framework, Leaf
from parDesk.scoring import normalize_inputs

NOT_STARTED, IN_PROGRESS, COMPLETE, NOT_APPLICABLE, PROVINCE = (
    "not_started", "in_progress", "complete", "not_applicable", "province")

register({
    "val.no_score": ("chưa có điểm tự chấm", "no self-score yet"),
    "val.no_evidence": ("chưa có tài liệu kiểm chứng và chưa có giải trình",
                        "no evidence document and no explanation"),
    "val.bad_input": ("dữ liệu không hợp lệ: {reason}", "invalid input: {reason}"),
    "status.not_started": ("Chưa bắt đầu", "Not started"),
    "status.in_progress": ("Đang làm", "In progress"),
    "status.complete": ("Hoàn thành", "Complete"),
    "status.not_applicable": ("Không áp dụng", "Not applicable"),
    "status.province": ("Tỉnh chấm", "Scored by the province"),
})


@dataclass(frozen=True)
class LeafStatus:
    code: str
    status: str
    problems: tuple[ParDeskError, ...] = ()

    @property
    def blocking(self) -> bool:
        return bool(self.problems)


def leaf_status(leaf: Leaf, inputs: Mapping[str, Any] | None, not_applicable: bool,
                evidence_count: int, explanation: str) -> LeafStatus:
    if not leaf.self_scored or leaf.rule.kind == "survey":
        return LeafStatus(leaf.code, PROVINCE)
    if not_applicable and leaf.can_be_na:
        return LeafStatus(leaf.code, NOT_APPLICABLE)
    problems: list[ParDeskError] = []
    has_input = bool(inputs)
    if not has_input:
        problems.append(ParDeskError("val.no_score", where=leaf.code))
    else:
        try:
            normalize_inputs(leaf, inputs or {})
        except ParDeskError as exc:
            problems.append(ParDeskError("val.bad_input", where=leaf.code, reason=Nested(exc)))
    if leaf.requires_evidence and evidence_count == 0 and not explanation.strip():
        problems.append(ParDeskError("val.no_evidence", where=leaf.code))
    if not problems:
        return LeafStatus(leaf.code, COMPLETE)
    started = has_input or evidence_count > 0 or bool(explanation.strip())
    return LeafStatus(leaf.code, IN_PROGRESS if started else NOT_STARTED, tuple(problems))


def all_statuses(fw: Framework, answers: Mapping[str, Any], evidence_count: Mapping[str, int]) -> dict[str, LeafStatus]:
    """``answers`` maps code -> object with inputs / not_applicable / explanation."""
    out: dict[str, LeafStatus] = {}
    for leaf in fw.all_leaves():
        a = answers.get(leaf.code)
        out[leaf.code] = leaf_status(
            leaf,
            getattr(a, "inputs", None) if a is not None else None,
            bool(getattr(a, "not_applicable", False)) if a is not None else False,
            evidence_count.get(leaf.code, 0),
            (getattr(a, "explanation", "") or "") if a is not None else "",
        )
    # Bonus and penalty items are optional claims: untouched ones block nothing,
    # and claiming nothing (0 points) needs no evidence.
    from parDesk.scoring import score_leaf

    for item in list(fw.bonus.items) + list(fw.penalty.items):
        st = out[item.code]
        a = answers.get(item.code)
        inputs = getattr(a, "inputs", None) if a is not None else None
        if st.status == NOT_STARTED:
            out[item.code] = LeafStatus(item.code, NOT_STARTED)
        elif inputs and score_leaf(fw, item, inputs) == 0:
            kept = tuple(p for p in st.problems if p.key != "val.no_evidence")
            out[item.code] = LeafStatus(item.code, COMPLETE if not kept else st.status, kept)
    return out
