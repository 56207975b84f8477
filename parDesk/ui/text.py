"""Turning core values into words and numbers for the current language.

Numbers go through :mod:`parDesk.numfmt` ("0,5" in Vietnamese, "0.5" in
English); rules are described in plain words from the framework's own data.
Nothing here computes a score.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from parDesk import numfmt
from parDesk.i18n import get_language
from parDesk.models.framework import Leaf, Rule

translate = QCoreApplication.translate


def plural(translated: str, n: int) -> str:
    """Resolve "(s)" left in a translate() result: "1 day(s)" → "1 day", "3 day(s)" → "3 days".

    pyside6-lupdate marks only ``self.tr(text, None, n)`` as a plural message, never
    ``QCoreApplication.translate(ctx, text, None, n)``; those reach the English catalogue with
    one form. Vietnamese has none of this marker, so only English is changed.
    """
    return re.sub(r"\(s\)", "" if abs(n) == 1 else "s", translated)


def num(value: Any, blank: str = "—") -> str:
    return numfmt.fmt_score(value, lang=get_language(), blank=blank)


def percent(value: Any, blank: str = "—") -> str:
    return numfmt.fmt_percent(value, lang=get_language(), blank=blank)


def count(value: Any) -> str:
    return numfmt.fmt_int(value, lang=get_language())


def date(value: Any) -> str:
    return numfmt.fmt_date(value, lang=get_language())


def size(nbytes: int) -> str:
    if nbytes < 1024 * 1024:
        return numfmt.fmt_number(Decimal(nbytes) / 1024, 0, lang=get_language()) + " KB"
    return numfmt.fmt_number(Decimal(nbytes) / (1024 * 1024), 1, lang=get_language()) + " MB"


def points(value: Any) -> str:
    shown = num(value, blank="0")
    if shown == "1":
        return translate("RuleText", "%1 point").replace("%1", shown)
    return translate("RuleText", "%1 points").replace("%1", shown)


def score_of(score: Any, maximum: Any) -> str:
    return f"{num(score)} / {num(maximum)}"


def days_left(deadline: str | None, today: dt.date | None = None) -> tuple[int | None, str]:
    """Days to the deadline and a sentence saying so."""
    if not deadline:
        return None, translate("RuleText", "No deadline in the framework")
    try:
        end = dt.date.fromisoformat(deadline)
    except ValueError:
        return None, deadline
    days = (end - (today or dt.date.today())).days
    if days > 0:
        return days, plural(translate("RuleText", "%n day(s) left", None, days), days)
    if days == 0:
        return 0, translate("RuleText", "Due today")
    return days, plural(translate("RuleText", "%n day(s) overdue", None, -days), -days)


def rule_words(leaf: Leaf) -> str:
    """How the leaf is scored, in plain words built from the rule's data."""
    rule: Rule = leaf.rule
    mx = num(leaf.max)
    kind = rule.kind
    if kind == "yes_no":
        done = translate("RuleText", "Done as required: %1; otherwise %2.")
        return done.replace("%1", points(leaf.max)).replace("%2", points(0))
    numerator = rule.numerator_label or translate("RuleText", "numerator")
    denominator = rule.denominator_label or translate("RuleText", "denominator")
    if kind == "ratio_tiers":
        parts = [translate("RuleText", "From %1% up: %2").replace("%1", num(t.min_percent))
                 .replace("%2", points(t.points)) for t in rule.tiers]
        below = translate("RuleText", "below that: %1")
        parts.append(below.replace("%1", points(rule.else_points)))
        head = translate("RuleText", "Percentage = %1 / %2.")
        head = head.replace("%1", numerator).replace("%2", denominator)
        return f"{head} " + "; ".join(parts) + "." + " " + _zero_den(rule, leaf)
    if kind == "proportional":
        text = translate("RuleText", "Points = %1 × %2 / %3.")
        text = text.replace("%1", mx).replace("%2", numerator).replace("%3", denominator)
        if rule.rounding is not None:
            # A plain name as the count: pyside6-lupdate drops translate(ctx, text, None, a.b.c), and the
            # string then never reached the .ts file (it showed in English in the Vietnamese window).
            places = rule.rounding.places
            rounding = plural(translate("RuleText", "Rounded to %n decimal place(s).", None, places), places)
            text += " " + rounding
        return text + " " + _zero_den(rule, leaf)
    if kind == "levels":
        items = "; ".join(f"{lv.label}: {points(lv.points)}" for lv in rule.levels)
        return translate("RuleText", "Choose one level: %1.").replace("%1", items)
    if kind == "manual":
        words = translate("RuleText", "Score it yourself from 0 to %1, in steps of %2.")
        return words.replace("%1", mx).replace("%2", num(rule.step))
    if kind == "deductions":
        cases = (rule.violation_label or translate("RuleText", "violations")).lower()
        words = translate("RuleText", "Start from %1; take off %2 for each case (%3); never below %4.")
        return (words.replace("%1", points(leaf.max)).replace("%2", points(rule.per_violation))
                .replace("%3", cases).replace("%4", points(rule.floor)))
    if kind == "survey":
        return translate("RuleText",
                         "Scored by the province (sociological survey or its own data); the commune does not score it.")
    return ""


def _zero_den(rule: Rule, leaf: Leaf) -> str:
    value = leaf.max if rule.zero_denominator == "max" else 0
    return translate("RuleText", "When the total is 0: %1.").replace("%1", points(value))


def missing_words(missing: tuple[str, ...]) -> str:
    names = {"input": translate("RuleText", "no score"), "evidence": translate("RuleText", "no evidence"),
             "explanation": translate("RuleText", "no explanation")}
    return ", ".join(names.get(m, m) for m in missing)


def status_name(status: str) -> str:
    names = {
        "not_started": translate("RuleText", "Not started"),
        "in_progress": translate("RuleText", "In progress"),
        "complete": translate("RuleText", "Complete"),
        "problem": translate("RuleText", "Problem"),
        "not_applicable": translate("RuleText", "Not applicable"),
        "province": translate("RuleText", "Scored by the province"),
        "appraised": translate("RuleText", "Appraised"),
        "requested": translate("RuleText", "Explanation requested"),
    }
    return names.get(status, status)


_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def error_text(exc: BaseException, with_where: bool = False, framework: Any = None) -> str:
    """A core error in the current language, for a person; without its "where" when shown beside the field.

    "Where" is said with the label the person sees ("Ngày ban hành", "Mục 1.2.3 › Điểm", "Khóa ký số"),
    never a field or file name (:func:`parDesk.labels.where_label`). Decimal parameters the core passes
    as "0.5" are shown the Vietnamese way ("0,5") in Vietnamese. The first letter is a capital.
    """
    from parDesk.i18n import ParDeskError, ValidationErrors, t
    from parDesk.labels import field_label, leaf_of, where_label

    lang = get_language()
    if isinstance(exc, ValidationErrors):
        head = t("errors.many", lang, count=len(exc.errors))
        return head + "\n" + "\n".join("  - " + error_text(e, True, framework) for e in exc.errors)
    if isinstance(exc, ParDeskError):
        params = {k: (num(v) if isinstance(v, str) and _DECIMAL.match(v) else v) for k, v in exc.params.items()}
        if isinstance(params.get("field"), str):  # an input's name ("numerator") → the label on screen
            params["field"] = field_label(params["field"], leaf_of(exc.where, framework))
        body = capital(t(exc.key, lang, **params))
        label = where_label(exc.where, lang, framework) if with_where else None
        if label and " › " in label and label.rsplit(" › ", 1)[1] in body:
            label = label.rsplit(" › ", 1)[0]  # "Mục 1.1.2: Số nhiệm vụ … phải là số", the label said once
        return f"{label}: {body}" if label else body
    return capital(str(exc) or type(exc).__name__)


def capital(sentence: str) -> str:
    """A message starts with a capital letter (the core's texts are written to follow a "where: ")."""
    return sentence[:1].upper() + sentence[1:] if sentence else sentence
