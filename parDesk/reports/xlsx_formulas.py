"""The scoring sheet's formulas: :mod:`parDesk.scoring` written in spreadsheet language.

An officer changes a count in Excel or LibreOffice and reads the total and the
rating off the sheet; the same inputs imported into parDesk must give the
same figures, to the last digit and the same rating band. A province once saw
80,71 % "Tốt" in the workbook and 94,17 % "Xuất sắc" in the app, because the
workbook counted an unfilled survey item in the unit's maximum. So every rule
of :func:`parDesk.scoring.compute_totals` has its formula here:

* each leaf's score is a formula of its input cells, and is *empty* exactly
  when the core would give no score (missing or invalid input: a numerator
  above its denominator, a manual score off the step or above the maximum, an
  unknown level);
* a not-applicable leaf shows the word and adds nothing, neither to the score
  nor to the unit's maximum;
* a survey (province-scored) leaf adds its maximum to the unit's maximum only
  once the province has filled its score;
* subtotals, the bonus and penalty caps and the total are sums rounded to the
  framework's decimal places, which removes binary floating-point noise
  (0,1 + 0,2) without changing an exact decimal result;
* the proportional rule's rounding and the percentage's round-half-even are
  done in integers (``QUOTIENT``/``MOD``), not on floating-point values, so a
  value exactly halfway is decided exactly as :class:`decimal.Decimal` does;
* the rating compares the percentage in hundredths with integer thresholds.

The words a yes/no cell accepts and the way a level cell is matched (its id
or its name, trimmed, case-insensitive, first level in order) are defined
here once and used by both the formulas and the import.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal

from parDesk.models.framework import Framework, Leaf

YES, NO = "Có", "Không"
NA_WORD = {"vi": "Không áp dụng", "en": "N/A"}

# What a yes/no cell may hold (compared trimmed and case-insensitively, as Excel's "=" does).
YES_WORDS = ("có", "co", "yes", "y", "x", "true", "1", "đạt", "dat")
NO_WORDS = ("không", "khong", "no", "n", "false", "0", "không đạt", "khong dat")

MAX_PLACES = 8  # 10^8 × a total of 1000 points × 10^4 stays below 2^53: integer arithmetic stays exact


def literal(value: Decimal) -> str:
    """A Decimal as a formula literal (formulas always use '.')."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def places_of(value: Decimal) -> int:
    """Decimal places of ``value`` once trailing zeros are dropped (1.50 → 1)."""
    if value.is_zero() or not value.is_finite():
        return 0
    return max(0, -int(value.normalize().as_tuple().exponent))


def framework_places(fw: Framework, extra: Iterable[Decimal] = ()) -> int:
    """The most decimal places any exact score, subtotal or total of ``fw`` can have.

    Every leaf score is a maximum, a tier or level's points, a multiple of a
    manual step, a maximum minus multiples of a deduction, a floor, or a
    proportional score rounded to its places; sums of those have no more
    places than the largest of them. ``extra`` adds the survey scores the
    province typed in, which may have their own places.
    """
    values: list[Decimal] = [fw.bonus.cap, fw.penalty.cap, *extra]
    places = 0
    for leaf in fw.all_leaves():
        r = leaf.rule
        values += [leaf.max, r.else_points, r.step, r.per_violation, r.floor]
        values += [t.points for t in r.tiers] + [lv.points for lv in r.levels]
        if r.kind == "proportional":
            places = max(places, (r.rounding or fw.rounding).places)
    for value in values:
        places = max(places, places_of(value))
    return min(places, MAX_PLACES)


def _words_test(cell: str, words: Sequence[str]) -> str:
    t = f"TRIM({cell})"
    return "OR(" + ",".join(f'{t}="{w}"' for w in words) + ")"


def _count_ok(cell: str) -> str:
    """A whole number ≥ 0 typed as a number (what the core accepts as a count)."""
    return f"AND(ISNUMBER({cell}),{cell}>=0,{cell}=INT({cell}))"


def _round_int(a: str, b: str, mode: str) -> str:
    """``a / b`` rounded to a whole number by ``mode``, for whole numbers a ≥ 0, b > 0, exactly."""
    q, r = f"QUOTIENT({a},{b})", f"MOD({a},{b})"
    if mode == "down":
        return q
    if mode == "up":
        return f"({q}+IF({r}>0,1,0))"
    if mode == "half_up":
        return f"({q}+IF(2*{r}>={b},1,0))"
    # half_even: above half up, exactly half to the even neighbour
    return f"({q}+IF(2*{r}>{b},1,IF(2*{r}={b},MOD({q},2),0)))"


def ratio_ge(num: str, den: str, percent: Decimal) -> str:
    """``num/den*100 >= percent`` in exact integer arithmetic."""
    places = places_of(percent)
    scale = 10 ** places
    return f"{num}*{100 * scale}>={literal(percent * scale)}*{den}"


def score_formula(fw: Framework, leaf: Leaf, cells: dict[str, str], level_refs: Sequence[tuple[str, str]] = (),
                  places: int = 9) -> str | None:
    """The leaf's self-score as a formula of its input cells; ``""`` where the core has no score.

    ``cells`` maps input keys (``done``, ``numerator``, ``denominator``,
    ``level``, ``violations``, ``score_input``) to cell references;
    ``level_refs`` gives, for a levels rule, the cells holding each level's id
    and name (in the rule's order). Returns None for a leaf the commune does
    not score (survey or province data).
    """
    rule = leaf.rule
    mx = literal(leaf.max)
    if rule.kind == "survey" or not leaf.self_scored:
        return None
    if rule.kind == "yes_no":
        h = cells["done"]
        return f'=IF({_words_test(h, YES_WORDS)},{mx},IF({_words_test(h, NO_WORDS)},0,""))'
    if rule.kind in ("ratio_tiers", "proportional"):
        n, d = cells["numerator"], cells["denominator"]
        zero = mx if rule.zero_denominator == "max" else "0"
        if rule.kind == "ratio_tiers":
            expr = literal(rule.else_points)
            for tier in reversed(rule.tiers):
                expr = f"IF({ratio_ge(n, d, tier.min_percent)},{literal(tier.points)},{expr})"
        else:
            rounding = rule.rounding or fw.rounding
            pm = places_of(leaf.max)
            scaled_max = literal(leaf.max * 10 ** pm)
            a = f"{scaled_max}*{n}*{10 ** rounding.places}"
            b = f"{d}*{10 ** pm}"
            # rounding up may pass the maximum (0,75 to one place is 0,8): the core then gives the maximum
            expr = f"MIN({mx},{_round_int(a, b, rounding.mode)}/{10 ** rounding.places})"
        return (f'=IF(AND({_count_ok(n)},{_count_ok(d)}),IF({n}>{d},"",IF({d}=0,{zero},{expr})),"")')
    if rule.kind == "levels":
        h = f"TRIM({cells['level']})"
        expr = '""'
        for lv, (id_ref, label_ref) in reversed(list(zip(rule.levels, level_refs, strict=True))):
            expr = f"IF(OR({h}=TRIM({id_ref}),{h}=TRIM({label_ref})),{literal(lv.points)},{expr})"
        return f'=IF({h}="","",{expr})'
    if rule.kind == "manual":
        s = cells["score_input"]
        step = literal(rule.step)
        return (f'=IF(AND(ISNUMBER({s}),{s}>=0,{s}<={mx},ABS({s}/{step}-ROUND({s}/{step},0))<1E-9),'
                f'ROUND({s},{places}),"")')
    if rule.kind == "deductions":
        v = cells["violations"]
        return (f'=IF({_count_ok(v)},ROUND(MIN({mx},MAX(0,{literal(rule.floor)},'
                f'{mx}-{literal(rule.per_violation)}*{v})),{places}),"")')
    return None


def max_applicable_formula(leaf: Leaf, not_applicable: bool, score_cell: str) -> str | int | float:
    """What the leaf adds to the unit's maximum: 0 when not applicable, a survey's only once scored."""
    if not_applicable:
        return 0
    mx = literal(leaf.max)
    if leaf.rule.kind == "survey" or not leaf.self_scored:
        return f"=IF(ISNUMBER({score_cell}),{mx},0)"
    return int(leaf.max) if leaf.max == leaf.max.to_integral_value() else float(leaf.max)


def sum_formula(cells: Sequence[str], places: int) -> str:
    """A rounded SUM over many cells, nested in chunks of 200 to stay under Excel's 255-argument limit."""
    if not cells:
        return "=0"
    chunks = [",".join(cells[i:i + 200]) for i in range(0, len(cells), 200)]
    inner = chunks[0] if len(chunks) == 1 else ",".join(f"SUM({ch})" for ch in chunks)
    return f"=ROUND(SUM({inner}),{places})"


def capped_formula(cap: Decimal, first: str, last: str, places: int) -> str:
    """A bonus or penalty block: the sum of its items, at most ``cap``."""
    return f"=MIN({literal(cap)},ROUND(SUM({first}:{last}),{places}))"


def total_formula(base: str, bonus: str, penalty: str, places: int) -> str:
    return f"=MAX(0,ROUND({base}+{bonus}-{penalty},{places}))"


def percent_formula(total: str, maximum: str, places: int) -> str:
    """``total / maximum`` in percent, two places, round-half-even, computed in integers; 0 when no maximum."""
    scale = 10 ** places
    t_int = f"ROUND({total}*{scale},0)"
    m_int = f"ROUND({maximum}*{scale},0)"
    return f"=IF({m_int}>0,{_round_int(f'{t_int}*10000', m_int, 'half_even')}/100,0)"


def rating_formula(fw: Framework, percent: str, lang: str) -> str:
    """The first band whose minimum the percentage reaches, compared in hundredths of a percent."""
    bands = list(fw.bands)
    if not bands:
        return '=""'
    hundredths = f"ROUND({percent}*100,0)"

    expr = '""'
    for band in reversed(bands):
        threshold = math.ceil(band.min_percent * 100)
        label = (band.label_en if lang == "en" else band.label).replace('"', '""')
        expr = f'IF({hundredths}>={threshold},"{label}",{expr})'
    return "=" + expr
