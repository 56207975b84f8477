"""Answers typed into an exported workbook, read back into parDesk — all or nothing.

Every input cell is checked and every problem names its sheet and cell
(``Chấm điểm!F23``); the caller applies nothing unless the error list is empty.
Reading never writes, so a "dry run" is simply reading and showing the changes
(:func:`describe_changes`). A cell is read the way the sheet's own formula
reads it (:mod:`.xlsx_formulas`: the same yes/no words, a level by its name or
id), so what the sheet showed is what the import gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from parDesk.i18n import ParDeskError, t
from parDesk.models.framework import Framework, Leaf
from parDesk.reports.xlsx_common import (
    _COLUMNS,
    _INPUT_OF_KIND,
    _INPUTS,
    HASH_NAME,
    SHEET_SCORES,
    _blank,
    _cell_yes_no,
    _trim,
    open_workbook,
    rule_summary,
)
from parDesk.reports.xlsx_formulas import NA_WORD, NO, YES
from parDesk.scoring import check_manual, normalize_inputs, parse_decimal

__all__ = ["describe_changes", "read_answers_xlsx"]


class _Sheet:
    """Cell access by (row, column key) over the formula and the cached-value views."""

    def __init__(self, ws: Any, ws_values: Any, cols: dict[str, int]) -> None:
        self.ws, self.wv, self.cols = ws, ws_values, cols

    def ref(self, r: int, key: str) -> str:
        return f"{self.ws.title}!{get_column_letter(self.cols[key])}{r}"

    def raw(self, r: int, key: str) -> Any:
        return self.ws.cell(r, self.cols[key]).value

    def value(self, r: int, key: str) -> Any:
        """The typed value; for a formula, the value Excel/LibreOffice cached when saving."""
        raw = self.raw(r, key)
        if isinstance(raw, str) and raw.startswith("="):
            cached = self.wv.cell(r, self.cols[key]).value if self.wv is not None else None
            if cached is None:
                raise ParDeskError("xl.formula_input", where=self.ref(r, key))
            return cached
        return raw


def _cell_count(v: Any, where: str) -> int:
    if isinstance(v, bool):
        raise ParDeskError("xl.not_count", where=where, value=v)
    if isinstance(v, int):
        if v < 0:
            raise ParDeskError("xl.not_count", where=where, value=v)
        return v
    if isinstance(v, float):
        if v.is_integer() and v >= 0:
            return int(v)
        raise ParDeskError("xl.not_count", where=where, value=v)
    text = str(v).strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # "1.234" typed as text, Vietnamese grouping
        text = text.replace(".", "")
    if not text.isdigit():
        raise ParDeskError("xl.not_count", where=where, value=v)
    return int(text)


def _cell_level(v: Any, leaf: Leaf, where: str) -> str:
    """A level by its id or its name, trimmed and case-insensitive, the first level in order that matches.

    The same test as the sheet's formula (:func:`~parDesk.reports.xlsx_formulas.score_formula`), so the
    score the sheet shows is the score the import gives.
    """
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = _trim(str(v)).lower()
    for lv in leaf.rule.levels:
        if text in (_trim(lv.id).lower(), _trim(lv.label).lower()):
            return lv.id
    raise ParDeskError("xl.level", where=where, value=v,
                       levels=", ".join(lv.label for lv in leaf.rule.levels))


def _cell_score(v: Any, leaf: Leaf, where: str) -> str:
    if isinstance(v, bool):
        raise ParDeskError("xl.not_number", where=where, value=v)
    try:
        d = parse_decimal(v, "score")
    except ParDeskError:
        raise ParDeskError("xl.not_number", where=where, value=v) from None
    if isinstance(v, float):  # 0.1 typed in Excel arrives as 0.1000000000000000055…
        d = Decimal(repr(v))
    try:
        check_manual(leaf, d)
    except ParDeskError as exc:
        raise ParDeskError(exc.key, where=where, **exc.params) from None
    return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))


def read_answers_xlsx(path: str | Path, framework: Framework, *,
                      current: Mapping[str, Mapping[str, Any] | None] | None = None
                      ) -> tuple[list[tuple[str, dict[str, Any]]], list[ParDeskError]]:
    """Read the input cells of an exported workbook; return ``(changes, errors)``.

    ``changes`` is ``[(code, inputs), …]`` in sheet order, each ``inputs``
    already normalised by :func:`parDesk.scoring.normalize_inputs` (what the
    database stores). ``errors`` lists *every* problem, each a
    :class:`ParDeskError` whose ``where`` is ``"<sheet>!<cell>"``. Apply
    ``changes`` only if ``errors`` is empty. With ``current`` (code → the
    inputs parDesk has now), rows whose inputs are unchanged are left out, so
    the list is exactly what an import would change. Rows with every input
    cell empty are "no change", never "erase". Nothing is ever written.
    """
    path = Path(path)
    try:
        wb = open_workbook(path, data_only=False)
        wbv = open_workbook(path, data_only=True)
    except ParDeskError as exc:
        return [], [exc]
    if SHEET_SCORES not in wb.sheetnames:
        return [], [ParDeskError("xl.no_sheet", where=path.name, sheet=SHEET_SCORES)]
    ws, wv = wb[SHEET_SCORES], wbv[SHEET_SCORES]
    errors: list[ParDeskError] = []

    key_row, cols = _find_keys(ws)
    if key_row is None:
        return [], [ParDeskError("xl.no_columns", where=f"{SHEET_SCORES}!A1")]
    for key in ("code",) + _INPUTS + ("score",):
        if key not in cols:
            errors.append(ParDeskError("xl.missing_column", where=f"{SHEET_SCORES}!{key_row}:{key_row}",
                                       column=f"pd:{key}"))
    if errors:
        return [], errors
    _check_hash(wb, ws, key_row, framework, errors)

    sheet = _Sheet(ws, wv, cols)
    changes: list[tuple[str, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for r in range(key_row + 1, ws.max_row + 1):
        code_raw = sheet.raw(r, "code")
        if _blank(code_raw):
            continue
        code = _code_text(code_raw)
        if code.startswith("pd:") or (r <= key_row + 2 and code in ("Mã", "Code", "(1)")):
            continue
        where_code = sheet.ref(r, "code")
        if code in seen:
            errors.append(ParDeskError("xl.duplicate_code", where=where_code, code=code, first=seen[code]))
            continue
        seen[code] = r
        if code not in framework:
            errors.append(ParDeskError("xl.unknown_code", where=where_code, code=code))
            continue
        node = framework.get(code)
        filled = {k: sheet.raw(r, k) for k in _INPUTS if not _blank(sheet.raw(r, k))}
        if not isinstance(node, Leaf):
            for k in filled:
                errors.append(ParDeskError("xl.node_input", where=sheet.ref(r, k), code=code))
            continue
        leaf = node
        kind = leaf.rule.kind
        used = _INPUT_OF_KIND[kind]
        score_raw = sheet.raw(r, "score")
        province = kind == "survey" or not leaf.self_scored
        if not province and not _blank(score_raw) and not (isinstance(score_raw, str) and (
                score_raw.startswith("=") or score_raw in NA_WORD.values())):
            target = used[0] if used else "score_input"
            errors.append(ParDeskError("xl.score_overwritten", where=sheet.ref(r, "score"),
                                       column=get_column_letter(cols[target])))
        if province:
            for k in filled:
                errors.append(ParDeskError("xl.survey_input", where=sheet.ref(r, k), code=code))
            continue
        how = rule_summary(leaf)
        for k in filled:
            if k not in used:
                errors.append(ParDeskError("xl.unused_cell", where=sheet.ref(r, k), code=code, how=how))
        present = [k for k in used if k in filled]
        if not present:
            continue  # nothing typed: keep what parDesk has
        if len(present) < len(used):
            for k in used:
                if k not in filled:
                    other = next(p for p in present)
                    errors.append(ParDeskError("xl.incomplete", where=sheet.ref(r, k),
                                               field=_header(k), other=_header(other)))
            continue
        inputs: dict[str, Any] = {}
        ok = True
        for k in used:
            where = sheet.ref(r, k)
            try:
                v = sheet.value(r, k)
                if k == "done":
                    inputs["done"] = _cell_yes_no(v, where)
                elif k in ("numerator", "denominator", "violations"):
                    inputs[k] = _cell_count(v, where)
                elif k == "level":
                    inputs["level"] = _cell_level(v, leaf, where)
                else:
                    inputs["score"] = _cell_score(v, leaf, where)
            except ParDeskError as exc:
                errors.append(exc)
                ok = False
        if not ok:
            continue
        if kind in ("ratio_tiers", "proportional") and inputs["numerator"] > inputs["denominator"]:
            errors.append(ParDeskError("xl.num_over_den", where=sheet.ref(r, "numerator"),
                                       num=inputs["numerator"], den=inputs["denominator"]))
            continue
        try:
            clean = normalize_inputs(leaf, inputs)
        except ParDeskError as exc:  # belt and braces: the cell checks above should have caught it
            errors.append(ParDeskError(exc.key, where=sheet.ref(r, used[0]), **exc.params))
            continue
        if current is not None:
            before = current.get(code)
            if before:
                try:
                    if normalize_inputs(leaf, before) == clean:
                        continue
                except ParDeskError:
                    pass
        changes.append((code, clean))
    return changes, errors


def _header(key: str, lang: str | None = None) -> str:
    for k, vi, en, _ in _COLUMNS:
        if k == key:
            return en if lang == "en" else vi
    return key


def _code_text(v: Any) -> str:
    if isinstance(v, float):
        return format(Decimal(repr(v)).normalize(), "f")
    return str(v).strip()


def _find_keys(ws: Any) -> tuple[int | None, dict[str, int]]:
    for r in range(1, min(ws.max_row, 40) + 1):
        if ws.cell(r, 1).value == "pd:code":
            cols = {}
            for c in range(1, ws.max_column + 1):
                v = ws.cell(r, c).value
                if isinstance(v, str) and v.startswith("pd:"):
                    cols[v[3:]] = c
            return r, cols
    return None, {}


def _check_hash(wb: Any, ws: Any, key_row: int, fw: Framework, errors: list[ParDeskError]) -> None:
    ref = None
    dn = wb.defined_names.get(HASH_NAME) if hasattr(wb.defined_names, "get") else None
    if dn is not None:
        for title, coord in dn.destinations:
            if title == ws.title:
                ref = coord.replace("$", "")
    cells = [ref] if ref else []
    if not cells:  # fall back: any 64-hex cell above the keys
        for r in range(1, key_row):
            for c in range(1, ws.max_column + 1):
                v = ws.cell(r, c).value
                if isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v.strip()):
                    cells.append(f"{get_column_letter(c)}{r}")
    if not cells:
        errors.append(ParDeskError("xl.hash_missing", where=f"{ws.title}!C4"))
        return
    value = str(ws[cells[0]].value or "").strip()
    if value != fw.hash:
        errors.append(ParDeskError("xl.hash_mismatch", where=f"{ws.title}!{cells[0]}", found=value[:12],
                                   expected=fw.hash[:12]))


def describe_changes(changes: Iterable[tuple[str, Mapping[str, Any]]],
                     current: Mapping[str, Mapping[str, Any] | None] | None = None, *,
                     lang: str | None = None) -> list[str]:
    """Lines for a dry run: "1.1.2: numerator=9, denominator=10 → numerator=10, denominator=10"."""
    out = []
    for code, new in changes:
        before = (current or {}).get(code) or {}
        out.append(t("xl.change", lang, code=code, before=_inputs_text(before, lang) or t("xl.nothing", lang),
                     after=_inputs_text(new, lang)))
    return out


def _inputs_text(inputs: Mapping[str, Any], lang: str | None) -> str:
    parts = []
    for k, v in inputs.items():
        if isinstance(v, bool):
            v = (YES if v else NO) if lang != "en" else ("yes" if v else "no")
        parts.append(f"{k}={v}")
    return ", ".join(parts)

