"""Presentation helpers for the templates: words in the reader's language, Vietnamese numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from parDesk.i18n import t
from parDesk.models.framework import Leaf
from parDesk.numfmt import fmt_date, fmt_percent, fmt_score

VIETNAM = dt.timezone(dt.timedelta(hours=7))
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def vietnam_time(value: str | dt.datetime | None, lang: str = "vi") -> str:
    """An instant in Vietnam time (+07:00), whatever zone it was stored in.

    Vietnamese: ``14:05:09 02/12/2026 (UTC+07:00)``; English: ``2 Dec 2026, 14:05:09 (UTC+07:00)``.
    A naive value is taken as UTC (how the server stores its stamps); text that is no instant is shown as is.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    v = when.astimezone(VIETNAM)
    clock = f"{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    if lang == "en":
        return f"{v.day} {_MONTHS_EN[v.month - 1]} {v.year}, {clock} (UTC+07:00)"
    return f"{clock} {v.day:02d}/{v.month:02d}/{v.year} (UTC+07:00)"


class VietnamTime:
    """A message parameter: the instant in Vietnam time, in the language the message is rendered in."""

    def __init__(self, value: str | dt.datetime | None) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        from parDesk.i18n import get_language

        return format(vietnam_time(self.value, get_language()), spec)

    def __str__(self) -> str:
        return format(self, "")


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    return ", ".join(str(a.value) for a in name.get_attributes_for_oid(oid))


def certificate_summary(cert: x509.Certificate) -> dict[str, str]:
    """A certificate as a person reads it: "CN / O" for the name, and the full subject, issuer and serial."""
    from parDesk.identity import name_text

    cn, org = _attr(cert.subject, NameOID.COMMON_NAME), _attr(cert.subject, NameOID.ORGANIZATION_NAME)
    readable = " / ".join(x for x in (cn, org) if x) or name_text(cert.subject)
    issuer = _attr(cert.issuer, NameOID.COMMON_NAME) or _attr(cert.issuer, NameOID.ORGANIZATION_NAME)
    return {"name": readable, "subject": name_text(cert.subject), "issuer": name_text(cert.issuer),
            "issuer_name": issuer or name_text(cert.issuer), "serial": format(cert.serial_number, "X")}


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

    def time(self, value: Any) -> str:
        return vietnam_time(value, self.lang)

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
