"""A province's framework read from the spreadsheet template; a framework from either file kind.

:func:`framework_from_xlsx` turns the template (:mod:`.xlsx_template`) into
the same validated :class:`~parDesk.models.framework.Framework` a JSON file
gives, with errors pointing at cells instead of JSON paths.
:func:`load_framework_any` reads a JSON file or a template, whichever the file
is, and refuses anything else with a sentence, not a decoding error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date as _date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from parDesk.i18n import ParDeskError, ValidationErrors
from parDesk.models.framework import Framework, parse_framework, parse_framework_bytes
from parDesk.reports.xlsx_common import (
    _KIND_LABELS,
    _blank,
    _cell_yes_no,
    open_workbook,
)
from parDesk.reports.xlsx_template import (
    _FW_COLS,
    _FW_SHEET_BANDS,
    _FW_SHEET_BONUS,
    _FW_SHEET_INFO,
    _FW_SHEET_PENALTY,
    _FW_SHEET_TREE,
    _KIND_FROM_TEXT,
    framework_to_xlsx,
    write_framework_template,
)

__all__ = ["framework_from_xlsx", "framework_to_xlsx", "load_framework_any", "write_framework_template"]


# -- reading the template -------------------------------------------------


def _fw_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return format(Decimal(repr(v)).normalize(), "f") if not v.is_integer() else str(int(v))
    if isinstance(v, (_date,)):
        return v.isoformat()[:10]
    return str(v).strip()


def _fw_number(v: Any) -> Any:
    """A number cell as the JSON the framework parser expects (string decimal)."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, (bool, int)):
        return v
    if isinstance(v, float):
        return format(Decimal(repr(v)).normalize(), "f")
    text = str(v).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text  # the parser reports it, with the cell, if it is not a number


def _fw_int(v: Any) -> Any:
    try:
        return int(Decimal(_fw_text(v)))
    except (InvalidOperation, ValueError):
        return _fw_text(v)


def _split_entries(text: str) -> list[str]:
    parts = text.split("\n") if "\n" in text else text.split(";")
    return [p.strip() for p in parts if p.strip()]


_ZERO_WORDS = ("0", "zero", "0 điểm", "không điểm")
_MAX_WORDS = ("max", "tối đa", "toi da", "đủ điểm", "điểm tối đa")
_ROW_KEYS = (("code", "code"), ("title", "title"), ("max", "max"), ("kind", "rule"), ("self_scored", "self_scored"),
             ("can_be_na", "can_be_na"), ("requires_evidence", "requires_evidence"),
             ("evidence_hints", "evidence_hints"), ("guidance", "guidance"))
_RULE_KEYS = ("description", "numerator_label", "denominator_label", "else_points", "zero_denominator", "step",
              "per_violation", "floor", "violation_label", "tiers", "levels", "rounding")
_COL_LETTER = {key: get_column_letter(i) for i, (key, _, _) in enumerate(_FW_COLS, start=1)}


class _TemplateReader:
    """Turns the template's sheets into the framework JSON, remembering which cell each JSON path came from.

    The JSON then goes through :func:`~parDesk.models.framework.parse_framework`, so a spreadsheet
    framework obeys exactly the rules of a JSON one; ``cellmap`` turns each error's JSON path back
    into the cell the officer must fix.
    """

    def __init__(self, wb: Any, source: str) -> None:
        self.wb, self.source = wb, source
        self.errors: list[ParDeskError] = []
        self.cellmap: dict[str, str] = {}
        self.info: dict[str, Any] = {}
        self.info_cell: dict[str, str] = {}
        self.raw: dict[str, Any] = {"format": "pardesk-framework/1"}

    def info_ref(self, key: str) -> str:
        return self.info_cell.get(key, f"{_FW_SHEET_INFO}!C1")

    # -- the "Thông tin" sheet: column A keys, column C values
    def read_info(self) -> None:
        ws = self.wb[_FW_SHEET_INFO]
        for r in range(2, ws.max_row + 1):
            key = ws.cell(r, 1).value
            if isinstance(key, str) and key.strip():
                self.info[key.strip()] = ws.cell(r, 3).value
                self.info_cell[key.strip()] = f"{_FW_SHEET_INFO}!C{r}"
        for json_key, conv in (("id", _fw_text), ("title", _fw_text), ("year", _fw_int), ("unit_level", _fw_text),
                               ("province", _fw_text), ("scale", _fw_number), ("deadline", _fw_text),
                               ("notes", _fw_text)):
            self.cellmap[f"$.{json_key}"] = self.info_ref(json_key)
            v = self.info.get(json_key)
            if not _blank(v):
                self.raw[json_key] = conv(v)
        if "sample" in self.info:
            s = self.boolean(self.info.get("sample"), self.info_cell["sample"])
            if s is not None:
                self.raw["sample"] = s
        self.raw["decision"] = {k: _fw_text(self.info.get(f"decision_{k}")) for k in ("number", "date", "issuer")}
        for k in ("number", "date", "issuer"):
            self.cellmap[f"$.decision.{k}"] = self.info_ref(f"decision_{k}")
        self.cellmap["$.decision"] = self.info_ref("decision_number")
        rounding: dict[str, Any] = {}
        if self.info.get("rounding_places") not in (None, ""):
            rounding["places"] = _fw_int(self.info["rounding_places"])
        if self.info.get("rounding_mode") not in (None, ""):
            rounding["mode"] = _fw_text(self.info["rounding_mode"])
        self.raw["rounding"] = rounding
        self.cellmap["$.rounding"] = self.cellmap["$.rounding.places"] = self.info_ref("rounding_places")
        self.cellmap["$.rounding.mode"] = self.info_ref("rounding_mode")

    def boolean(self, v: Any, where: str) -> bool | None:
        if _blank(v):
            return None
        try:
            return _cell_yes_no(v, where)
        except ParDeskError:
            self.errors.append(ParDeskError("xl.fw_bool", where=where, value=v))
            return None

    # -- the "Xếp loại" sheet
    def read_bands(self) -> None:
        ws = self.wb[_FW_SHEET_BANDS]
        bands: list[dict[str, Any]] = []
        for r in range(2, ws.max_row + 1):
            mp, label, label_en = (ws.cell(r, c).value for c in (1, 2, 3))
            if mp is None and not label:
                continue
            p = f"$.rating_bands[{len(bands)}]"
            for suffix, col in (("", "A"), (".min_percent", "A"), (".label", "B"), (".label_en", "C")):
                self.cellmap[p + suffix] = f"{_FW_SHEET_BANDS}!{col}{r}"
            band = {"min_percent": _fw_number(mp), "label": _fw_text(label)}
            if label_en:
                band["label_en"] = _fw_text(label_en)
            bands.append(band)
        self.raw["rating_bands"] = bands
        self.cellmap["$.rating_bands"] = f"{_FW_SHEET_BANDS}!A2"

    # -- rows of the "Chỉ số", "Điểm thưởng" and "Điểm trừ" sheets
    def rows(self, ws: Any) -> list[tuple[int, dict[str, Any]]]:
        keys = {ws.cell(2, c).value: c for c in range(1, ws.max_column + 1)}
        for key in ("code", "title", "max", "kind"):
            if key not in keys:
                self.errors.append(ParDeskError("xl.fw_no_key", where=f"{ws.title}!2:2", column=key))
        rows = []
        for r in range(3, ws.max_row + 1):
            row = {k: ws.cell(r, c).value for k, c in keys.items() if isinstance(k, str)}
            if not all(_blank(v) for v in row.values()):
                rows.append((r, row))
        return rows

    def item(self, sheet: str, r: int, row: dict[str, Any], path: str) -> dict[str, Any]:
        """One row as a JSON node (no kind: a subtotal row) or leaf (with its rule)."""
        def cell(key: str) -> str:
            return f"{sheet}!{_COL_LETTER[key]}{r}"

        self.cellmap[path] = self.cellmap[f"{path}.children"] = cell("code")
        for key, json_key in _ROW_KEYS:
            self.cellmap[f"{path}.{json_key}"] = cell(key)
        obj: dict[str, Any] = {"code": _fw_text(row.get("code")), "title": _fw_text(row.get("title"))}
        mx = _fw_number(row.get("max"))
        if mx is not None:
            obj["max"] = mx
        kind_text = _fw_text(row.get("kind"))
        if not kind_text:
            return obj
        kind = _KIND_FROM_TEXT.get(kind_text.lower())
        if kind is None:
            self.errors.append(ParDeskError("xl.fw_kind", where=cell("kind"), value=kind_text,
                                            kinds=", ".join(vi for vi, _ in _KIND_LABELS.values())))
            kind = "manual"
        rp = f"{path}.rule"
        self.cellmap[rp] = self.cellmap[rp + ".kind"] = cell("kind")
        for key in _RULE_KEYS:
            self.cellmap[f"{rp}.{key}"] = cell(key)
        obj["rule"] = self.rule(kind, row, rp, cell)
        for key in ("self_scored", "can_be_na", "requires_evidence"):
            b = self.boolean(row.get(key), cell(key))
            if b is not None:
                obj[key] = b
        hints = _fw_text(row.get("evidence_hints"))
        if hints:
            obj["evidence_hints"] = [h.strip() for h in hints.split("\n") if h.strip()]
        if _fw_text(row.get("guidance")):
            obj["guidance"] = _fw_text(row.get("guidance"))
        return obj

    def rule(self, kind: str, row: dict[str, Any], rp: str, cell: Any) -> dict[str, Any]:
        rule: dict[str, Any] = {"kind": kind}
        if _fw_text(row.get("description")):
            rule["description"] = _fw_text(row.get("description"))
        if kind in ("ratio_tiers", "proportional"):
            for key in ("numerator_label", "denominator_label"):
                if _fw_text(row.get(key)):
                    rule[key] = _fw_text(row.get(key))
            zd = _fw_text(row.get("zero_denominator")).lower()
            if zd:
                rule["zero_denominator"] = "zero" if zd in _ZERO_WORDS else "max" if zd in _MAX_WORDS else zd
        if kind == "ratio_tiers":
            rule["tiers"] = self.tiers(_fw_text(row.get("tiers")), rp, cell("tiers"))
            if _fw_number(row.get("else_points")) is not None:
                rule["else_points"] = _fw_number(row.get("else_points"))
        if kind == "proportional" and _fw_text(row.get("rounding")):
            rule["rounding"] = _own_rounding(_fw_text(row.get("rounding")))
        if kind == "levels":
            rule["levels"] = self.levels(_fw_text(row.get("levels")), rp, cell("levels"))
        if kind == "manual" and _fw_number(row.get("step")) is not None:
            rule["step"] = _fw_number(row.get("step"))
        if kind == "deductions":
            for key in ("per_violation", "floor"):
                if _fw_number(row.get(key)) is not None:
                    rule[key] = _fw_number(row.get(key))
            if _fw_text(row.get("violation_label")):
                rule["violation_label"] = _fw_text(row.get("violation_label"))
        return rule

    def tiers(self, text: str, rp: str, where: str) -> list[dict[str, Any]]:
        """ "100: 2; 80: 1" (minimum percent: points), one entry per line or separated by ";"."""
        tiers = []
        for i, entry in enumerate(_split_entries(text)):
            m = re.fullmatch(r"(?:≥|>=)?\s*([\d.,]+)\s*%?\s*[:=→]\s*([\d.,]+)", entry)
            if not m:
                self.errors.append(ParDeskError("xl.fw_pairs", where=where, what="các mức tỷ lệ", value=entry,
                                                example="100: 2; 80: 1"))
                continue
            tiers.append({"min_percent": _fw_number(m.group(1)), "points": _fw_number(m.group(2))})
            self.cellmap[f"{rp}.tiers[{i}]"] = where
        return tiers

    def levels(self, text: str, rp: str, where: str) -> list[dict[str, Any]]:
        """ "a: Ban hành đúng hạn = 1", one level per line (Alt+Enter) or separated by ";"."""
        levels = []
        for i, entry in enumerate(_split_entries(text)):
            m = re.fullmatch(r"([^:]+?)\s*:\s*(.+?)\s*=\s*([\d.,]+)", entry, flags=re.DOTALL)
            if not m:
                self.errors.append(ParDeskError("xl.fw_pairs", where=where, what="các mức", value=entry,
                                                example="a: Ban hành đúng hạn = 1"))
                continue
            levels.append({"id": m.group(1).strip(), "label": m.group(2).strip(), "points": _fw_number(m.group(3))})
            self.cellmap[f"{rp}.levels[{i}]"] = where
        return levels

    # -- the tree and the two blocks
    def read_tree(self) -> None:
        """Rows in document order; a row's parent is its "Mã cấp trên", or its code minus the last part."""
        ws = self.wb[_FW_SHEET_TREE]
        areas: list[dict[str, Any]] = []
        by_code: dict[str, tuple[dict[str, Any], str]] = {}
        for r, row in self.rows(ws):
            code = _fw_text(row.get("code"))
            parent = _fw_text(row.get("parent"))
            if not parent and "." in code:  # "1.2.3" → "1.2"; undotted codes ("I", "A") are areas
                parent = code.rsplit(".", 1)[0]
            if parent and parent not in by_code:
                self.errors.append(ParDeskError("xl.fw_parent", where=f"{_FW_SHEET_TREE}!{_COL_LETTER['parent']}{r}",
                                                parent=parent))
                continue
            if parent:
                pobj, ppath = by_code[parent]
                siblings = pobj.setdefault("children", [])
                jpath = f"{ppath}.children[{len(siblings)}]"
            else:
                siblings, jpath = areas, f"$.areas[{len(areas)}]"
            obj = self.item(ws.title, r, row, jpath)
            siblings.append(obj)
            if "rule" not in obj:
                obj.setdefault("children", [])
            if code:
                by_code.setdefault(code, (obj, jpath))
        self.raw["areas"] = areas
        self.cellmap["$.areas"] = f"{_FW_SHEET_TREE}!A3"
        self.cellmap["$.scale"] = self.info_ref("scale")

    def read_blocks(self) -> None:
        for kind, sheet in (("bonus", _FW_SHEET_BONUS), ("penalty", _FW_SHEET_PENALTY)):
            blk: dict[str, Any] = {"title": _fw_text(self.info.get(f"{kind}_title")), "items": []}
            cap = _fw_number(self.info.get(f"{kind}_cap"))
            if cap is not None:
                blk["cap"] = cap
            self.cellmap[f"$.{kind}"] = self.cellmap[f"$.{kind}.cap"] = self.info_ref(f"{kind}_cap")
            self.cellmap[f"$.{kind}.title"] = self.info_ref(f"{kind}_title")
            if sheet in self.wb.sheetnames:
                ws = self.wb[sheet]
                for r, row in self.rows(ws):
                    blk["items"].append(self.item(ws.title, r, row, f"$.{kind}.items[{len(blk['items'])}]"))
            self.raw[kind] = blk

    def framework(self) -> Framework:
        try:
            fw = parse_framework(self.raw, source=self.source)
        except ValidationErrors as exc:
            self.errors.extend(_remap(e, self.source, self.cellmap) for e in exc.errors)
            raise ValidationErrors(self.errors) from None
        if self.errors:
            raise ValidationErrors(self.errors)
        return fw


def _own_rounding(text: str) -> dict[str, Any]:
    """A proportional item's own rounding, "1; down": places, then mode."""
    parts = [p.strip() for p in re.split(r"[;,\s]+", text) if p.strip()]
    rnd: dict[str, Any] = {}
    if parts:
        try:
            rnd["places"] = int(parts[0])
        except ValueError:
            rnd["places"] = parts[0]
    if len(parts) > 1:
        rnd["mode"] = parts[1]
    return rnd


def framework_from_xlsx(path: str | Path) -> Framework:
    """Read a framework from the spreadsheet template; raise ValidationErrors naming cells.

    The rows are turned into the JSON structure of ``docs/framework-format.md``
    and validated by :func:`~parDesk.models.framework.parse_framework`, so the
    rules are exactly those of a JSON framework; each error's JSON path is
    mapped back to the cell it came from.
    """
    path = Path(path)
    wb = open_workbook(path, data_only=True)
    missing = [ParDeskError("xl.no_sheet", where=path.name, sheet=name)
               for name in (_FW_SHEET_INFO, _FW_SHEET_BANDS, _FW_SHEET_TREE) if name not in wb.sheetnames]
    if missing:
        raise ValidationErrors(missing)
    reader = _TemplateReader(wb, path.name)
    reader.read_info()
    reader.read_bands()
    reader.read_tree()
    reader.read_blocks()
    return reader.framework()


def _remap(err: ParDeskError, source: str, cellmap: Mapping[str, str]) -> ParDeskError:
    """Replace a JSON path in ``err.where`` by the cell the value came from."""
    where = err.where or ""
    jpath = where.removeprefix(f"{source}: ")
    probe = jpath
    while probe and probe not in cellmap:
        cut = max(probe.rfind("."), probe.rfind("["))
        if cut <= 0:
            probe = ""
            break
        probe = probe[:cut]
    if not probe:
        return err
    return ParDeskError(err.key, where=cellmap[probe], **err.params)


# -- either file kind ---------------------------------------------------------

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls


def load_framework_any(path: str | Path) -> Framework:
    """A framework from a JSON file or a filled XLSX template, whichever the file is.

    The kind is read from the file's first bytes, not trusted from its name,
    so an .xlsx saved as .json (or the reverse) still opens; anything else —
    an old .xls, a PDF, text in a legacy encoding — is refused with a sentence
    saying what the file is and what parDesk expects, never a decoding error.
    This is the one call the wizard and ``pardesk framework show/import`` use.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ParDeskError("fw.unreadable", where=path.name, reason=exc.strerror or str(exc)) from None
    if head.startswith(_ZIP_MAGIC):
        return framework_from_xlsx(path)
    if head.startswith(_OLE_MAGIC):
        raise ParDeskError("xl.old_xls", where=path.name)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise ParDeskError("xl.not_xlsx", where=path.name)
    data = path.read_bytes()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParDeskError("xl.fw_not_text", where=path.name) from None
    return parse_framework_bytes(data, source=path.name)
