"""Presentation helpers for the templates: words in the reader's language, Vietnamese numbers."""

from __future__ import annotations

from typing import Any

from parDesk.i18n import t
from parDesk.models.framework import Leaf
from parDesk.numfmt import fmt_date, fmt_percent, fmt_score


class Presenter:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def score(self, value: Any) -> str:
        return fmt_score(value, lang=self.lang, blank="—") if value not in (None, "") else "—"

    def percent(self, value: Any) -> str:
        return fmt_percent(value, lang=self.lang, blank="—") if value not in (None, "") else "—"

    def date(self, value: Any) -> str:
        return fmt_date(value, lang=self.lang, blank="") if value else ""

    def state(self, state: str, version: int = 0) -> str:
        return t("dk.st." + state, self.lang, v=version)

    def role(self, role: str) -> str:
        return t("dk.role." + role, self.lang)

    def rule(self, leaf: Leaf) -> str:
        r = leaf.rule
        s = self.score
        if r.kind == "ratio_tiers":
            tiers = "; ".join(f"≥ {self.score(x.min_percent)}% → {s(x.points)}" for x in r.tiers)
            tiers += f"; {s(r.else_points)}"
            text = t("dk.rk.ratio_tiers", self.lang, num=r.numerator_label, den=r.denominator_label, tiers=tiers)
        elif r.kind == "proportional":
            text = t("dk.rk.proportional", self.lang, max=s(leaf.max), num=r.numerator_label, den=r.denominator_label)
        elif r.kind == "levels":
            text = t("dk.rk.levels", self.lang, levels="; ".join(f"{lv.label} → {s(lv.points)}" for lv in r.levels))
        elif r.kind == "manual":
            text = t("dk.rk.manual", self.lang, max=s(leaf.max), step=s(r.step))
        elif r.kind == "deductions":
            text = t("dk.rk.deductions", self.lang, per=s(r.per_violation), label=r.violation_label or "vi phạm",
                     floor=s(r.floor))
        elif r.kind == "survey":
            text = t("dk.rk.survey", self.lang)
        else:
            text = t("dk.rk.yes_no", self.lang, max=s(leaf.max))
        return text + (f" — {r.description}" if r.description else "")

    def inputs(self, leaf: Leaf, inputs: Any) -> str:
        if not inputs:
            return "—"
        r = leaf.rule
        if r.kind == "yes_no":
            return ("Có" if inputs.get("done") else "Không") if self.lang == "vi" else \
                ("Yes" if inputs.get("done") else "No")
        if r.kind in ("ratio_tiers", "proportional"):
            return f"{r.numerator_label or 'a'}: {inputs.get('numerator')} / {r.denominator_label or 'b'}: " \
                   f"{inputs.get('denominator')}"
        if r.kind == "levels":
            label = next((lv.label for lv in r.levels if lv.id == inputs.get("level")), inputs.get("level"))
            return str(label)
        if r.kind == "manual":
            return self.score(inputs.get("score"))
        if r.kind == "deductions":
            return f"{r.violation_label or 'vi phạm'}: {inputs.get('violations')}"
        return str(inputs)
