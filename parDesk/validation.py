"""Per-leaf status and the "ready to submit?" check.

A leaf is *not started* with no input, *in progress* when something is there
but a blocking problem remains, *complete* when it can be submitted as is.
Blocking problems are the ones the province would send back: a self-scored
leaf without a score, a leaf that expects evidence with neither evidence nor an
explanation, inputs that cannot be true (negative counts, numerator over
denominator), a manual score off its step or above its maximum.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from parDesk.i18n import Nested, ParDeskError, register
from parDesk.models.framework import Framework, Leaf
from parDesk.models.kinds import LeafStatusName
from parDesk.scoring import normalize_inputs

NOT_STARTED: LeafStatusName = "not_started"
IN_PROGRESS: LeafStatusName = "in_progress"
COMPLETE: LeafStatusName = "complete"
NOT_APPLICABLE: LeafStatusName = "not_applicable"
PROVINCE: LeafStatusName = "province"

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
    status: LeafStatusName
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


# ---------------------------------------------------------------------------
# Refusals, in the rule's own words, saying which value is kept

register({
    "val.refused": ("{reason}; đang giữ {kept}", "{reason}; keeping {kept}"),
    "val.r.step": ("Điểm phải theo bước {step}", "The score must be in steps of {step}"),
    "val.r.range": ("Điểm phải từ 0 đến {max}", "The score must be from 0 to {max}"),
    "val.r.number": ("{label} phải là một số, ví dụ {example} (đã nhập “{value}”)",
                     "{label} must be a number such as {example} (typed “{value}”)"),
    "val.r.count": ("{label} phải là số nguyên từ 0 trở lên (đã nhập “{value}”)",
                    "{label} must be a whole number of 0 or more (typed “{value}”)"),
    "val.r.num_over_den": ("{num_label} ({num}) không được lớn hơn {den_label} ({den})",
                           "{num_label} ({num}) must not be larger than {den_label} ({den})"),
    "val.r.other": ("{reason}", "{reason}"),
    "val.label.numerator": ("Tử số", "Numerator"),
    "val.label.denominator": ("Mẫu số", "Denominator"),
    "val.label.violations": ("Số trường hợp", "Number of cases"),
    "val.label.score": ("Điểm", "The score"),
    "val.kept.score": ("điểm {value}", "the score {value}"),
    "val.kept.counts": ("giá trị đã lưu ({num_label}: {num}; {den_label}: {den})",
                        "the stored values ({num_label}: {num}; {den_label}: {den})"),
    "val.kept.count": ("giá trị đã lưu ({label}: {value})", "the stored value ({label}: {value})"),
    "val.kept.level": ("mức “{label}”", "the level “{label}”"),
    "val.kept.done": ("câu trả lời “{value}”", "the answer “{value}”"),
    "val.kept.yes": ("Có", "Yes"),
    "val.kept.no": ("Không", "No"),
    "val.kept.empty": ("ô trống (chưa có giá trị nào được lưu)", "it empty (nothing was stored yet)"),
    "val.kept.explanation": ("giải trình đã lưu", "the stored explanation"),
})


def _label(leaf: Leaf, name: str) -> Any:
    """A field as the person sees it: the framework's own label, else the rule's generic word."""
    from parDesk.i18n import Msg

    rule = leaf.rule
    own = {"numerator": rule.numerator_label, "denominator": rule.denominator_label,
           "violations": getattr(rule, "violation_label", "")}.get(name, "")
    if own:
        return own
    key = name if name in ("numerator", "denominator", "violations") else "score"
    return Msg("val.label." + key)


def _lower(label: Any) -> Any:
    """A framework label inside a sentence: "Tổng số hồ sơ" → "tổng số hồ sơ" (acronyms such as "TTHC" stay)."""
    if isinstance(label, str) and len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def refusal_reason(leaf: Leaf, exc: ParDeskError) -> ParDeskError:
    """The core's refusal of ``leaf``'s inputs, said with the framework's labels (no field names)."""
    from parDesk.i18n import Num

    p = exc.params
    if exc.key == "in.score_step":
        return ParDeskError("val.r.step", step=p.get("step"))
    if exc.key == "in.score_range":
        return ParDeskError("val.r.range", max=p.get("max"))
    if exc.key == "in.not_number":
        return ParDeskError("val.r.number", label=_label(leaf, "score"),
                            example=Num(leaf.rule.step or "0.5"), value=p.get("value"))
    if exc.key == "in.not_int":
        return ParDeskError("val.r.count", label=_label(leaf, str(p.get("field"))),
                            value=p.get("value"))
    if exc.key == "in.num_over_den":
        return ParDeskError("val.r.num_over_den", num_label=_label(leaf, "numerator"),
                            num=p.get("num"), den_label=_lower(_label(leaf, "denominator")), den=p.get("den"))
    return ParDeskError("val.r.other", reason=_Capital(exc))


class _Capital(Nested):
    """Another error as the start of a sentence."""

    def __format__(self, spec: str) -> str:
        text = super().__format__(spec)
        return text[:1].upper() + text[1:]


def kept_words(leaf: Leaf, inputs: Mapping[str, Any] | None) -> ParDeskError:
    """What the database still holds for ``leaf`` (said in a refusal: "đang giữ điểm 1,5")."""
    from parDesk.i18n import Msg, Num

    inputs = inputs or {}
    kind = leaf.rule.kind
    if not inputs:
        return ParDeskError("val.kept.empty")
    if kind == "manual":
        return ParDeskError("val.kept.score", value=Num(inputs.get("score")))
    if kind in ("ratio_tiers", "proportional"):
        return ParDeskError("val.kept.counts", num_label=_lower(_label(leaf, "numerator")), num=inputs.get("numerator"),
                            den_label=_lower(_label(leaf, "denominator")), den=inputs.get("denominator"))
    if kind == "deductions":
        return ParDeskError("val.kept.count", label=_lower(_label(leaf, "violations")),
                            value=inputs.get("violations"))
    if kind == "levels":
        label = next((lv.label for lv in leaf.rule.levels if lv.id == inputs.get("level")), inputs.get("level"))
        return ParDeskError("val.kept.level", label=label)
    if kind == "yes_no":
        return ParDeskError("val.kept.done", value=Msg("val.kept.yes" if inputs.get("done") else "val.kept.no"))
    return ParDeskError("val.kept.empty")


def refusal(leaf: Leaf, exc: ParDeskError, stored: Mapping[str, Any] | None, *, explanation: bool = False
            ) -> ParDeskError:
    """A refused edit of ``leaf``: why, in the rule's own words, and which stored value is kept.

    "Điểm phải theo bước 0,5; đang giữ điểm 1,5". The window shows this and puts
    the stored value back in the field; nothing typed is ever turned into
    another value and saved.
    """
    kept = ParDeskError("val.kept.explanation") if explanation else kept_words(leaf, stored)
    return ParDeskError("val.refused", where=leaf.code, reason=Nested(refusal_reason(leaf, exc)), kept=Nested(kept))
