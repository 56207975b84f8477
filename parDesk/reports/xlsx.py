"""Spreadsheets: the scoring table as a live workbook, answers back from it, frameworks from a template.

Officers keep numbers in Excel and provinces send frameworks and collect
tables as spreadsheets, so parDesk speaks XLSX in three ways:

* :func:`export_xlsx` writes the scoring table as a *working* sheet
  ("Chấm điểm"): every sub-criterion's score is a formula of the input cells
  next to it (yes/no, counts, level, manual score, violations), subtotals and
  totals are ``SUM`` formulas, the bonus and penalty caps, the percentage and
  the rating are formulas too — change a count in Excel or LibreOffice and
  the total follows. A second sheet lists the evidence.
* :func:`read_answers_xlsx` reads the input cells back. Every cell is checked
  and every problem names its sheet and cell (``Chấm điểm!F23``); the caller
  applies nothing unless the error list is empty. Reading never writes, so a
  "dry run" is simply reading and showing the changes (:func:`describe_changes`).
* :func:`framework_from_xlsx` turns the documented framework template
  (``resources/templates/bo-chi-so-mau.xlsx``) into the same validated
  :class:`~parDesk.models.framework.Framework` a JSON file gives, with errors
  pointing at cells instead of JSON paths; :func:`framework_to_xlsx` writes a
  framework into that template (the filled example is made this way).

The formulas mirror :mod:`parDesk.scoring` exactly, including the framework's
rounding mode and the round-half-even percentage; comparisons of ratios with
thresholds are done in integers (``num*100 >= t*den``) so 29/100 is never
read as 28.999…%. The LibreOffice test recomputes a sheet headlessly and
compares with parDesk's totals.

Workbooks are written with fixed zip timestamps, so the same data gives the
same bytes (committed templates diff cleanly, packages hash stably).
"""

from __future__ import annotations

import io
import re
from datetime import date as _date, datetime as _datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from parDesk.i18n import ParDeskError, ValidationErrors, register, t
from parDesk.models.framework import Framework, Leaf, Node, parse_framework
from parDesk.numfmt import fmt_score
from parDesk.reports._common import ReportResult, atomic_write, issuing_body, normalize_zip, read_snapshot
from parDesk.reports.xlsx_formulas import (NA_WORD, NO, NO_WORDS, YES, YES_WORDS, capped_formula,
                                           framework_places, literal, max_applicable_formula, percent_formula,
                                           rating_formula, score_formula, sum_formula, total_formula)
from parDesk.scoring import check_manual, normalize_inputs, parse_decimal

__all__ = ["SHEET_SCORES", "SHEET_EVIDENCE", "export_xlsx", "read_answers_xlsx", "describe_changes",
           "framework_from_xlsx", "framework_to_xlsx", "write_framework_template", "rule_summary"]

SHEET_SCORES = "Chấm điểm"
SHEET_EVIDENCE = "Tài liệu kiểm chứng"
SHEET_HELP = "Hướng dẫn"
SHEET_LISTS = "Danh mục mức"
HASH_NAME = "parDesk_framework_hash"

register({
    "xl.framework_mismatch": ("dữ liệu đánh giá thuộc bộ chỉ số {snapshot}, không phải {framework}",
                              "the snapshot belongs to framework {snapshot}, not {framework}"),
    "xl.unreadable": ("không mở được bảng tính: {reason}", "cannot open the spreadsheet: {reason}"),
    "xl.no_sheet": ("không có trang tính {sheet!r}", "there is no sheet {sheet!r}"),
    "xl.no_columns": ("không tìm thấy hàng tiêu đề của parDesk (hàng ẩn có các ô 'pd:…'); hãy dùng bảng tính "
                      "xuất từ parDesk", "cannot find parDesk's column keys (the hidden 'pd:…' row); use a "
                      "workbook exported by parDesk"),
    "xl.missing_column": ("thiếu cột {column}", "the column {column} is missing"),
    "xl.hash_mismatch": ("bảng tính được xuất cho bộ chỉ số khác (mã băm {found}…, cần {expected}…)",
                         "the workbook was exported for another framework (hash {found}…, expected {expected}…)"),
    "xl.hash_missing": ("không thấy mã băm bộ chỉ số trong bảng tính", "the framework hash is missing"),
    "xl.unknown_code": ("mã {code!r} không có trong bộ chỉ số", "code {code!r} is not in the framework"),
    "xl.duplicate_code": ("mã {code!r} xuất hiện lần thứ hai (lần đầu ở hàng {first})",
                          "code {code!r} appears a second time (first on row {first})"),
    "xl.node_input": ("{code} là dòng tổng hợp, không nhập số liệu ở đây", "{code} is a subtotal row; enter nothing here"),
    "xl.unused_cell": ("cột này không dùng cho mục {code} (cách chấm: {how})",
                       "this column is not used by item {code} (scored by: {how})"),
    "xl.survey_input": ("mục {code} do tỉnh chấm (điều tra xã hội học), xã không nhập",
                        "item {code} is scored by the province (survey); the commune enters nothing"),
    "xl.formula_input": ("ô nhập liệu chứa công thức chưa được tính; hãy mở và lưu lại bằng Excel/LibreOffice "
                         "hoặc nhập giá trị", "an input cell holds a formula with no computed value; open and save "
                         "the file in Excel/LibreOffice, or type the value"),
    "xl.score_overwritten": ("cột Điểm tự chấm được tính tự động; nhập số liệu vào cột {column} thay vì ghi đè",
                             "the self-score column is computed; enter the data in column {column} instead of "
                             "overwriting it"),
    "xl.not_yes_no": ("phải là \"Có\" hoặc \"Không\", không phải {value!r}", "must be \"Có\" or \"Không\", not {value!r}"),
    "xl.not_count": ("phải là số nguyên không âm, không phải {value!r}", "must be a whole number ≥ 0, not {value!r}"),
    "xl.not_number": ("phải là số, không phải {value!r}", "must be a number, not {value!r}"),
    "xl.level": ("mức {value!r} không có; các mức hợp lệ: {levels}", "level {value!r} does not exist; valid: {levels}"),
    "xl.incomplete": ("thiếu {field} (đã nhập {other})", "{field} is missing ({other} is filled in)"),
    "xl.num_over_den": ("tử số {num} lớn hơn mẫu số {den}", "the numerator {num} is larger than the denominator {den}"),
    "xl.fw_parent": ("mã cấp trên {parent!r} không có ở các hàng phía trên", "parent code {parent!r} is not defined above"),
    "xl.fw_kind": ("cách chấm không rõ: {value!r} (hợp lệ: {kinds})", "unknown scoring kind: {value!r} (valid: {kinds})"),
    "xl.fw_pairs": ("không đọc được {what}: {value!r} (mẫu: {example})", "cannot read {what}: {value!r} (e.g. {example})"),
    "xl.fw_bool": ("phải là Có hoặc Không, không phải {value!r}", "must be Có or Không, not {value!r}"),
    "xl.fw_no_key": ("thiếu cột khóa {key!r} ở hàng 2", "key column {key!r} is missing from row 2"),
    "xl.change": ("{code}: {before} → {after}", "{code}: {before} → {after}"),
    "xl.nothing": ("(trống)", "(empty)"),
})

# ---------------------------------------------------------------------------
# Labels of the scoring sheet

_COLUMNS: list[tuple[str, str, str, float]] = [
    # key, Vietnamese header, English header, width (characters)
    ("code", "Mã", "Code", 9),
    ("title", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Area, criterion, sub-criterion", 46),
    ("how", "Cách chấm", "How it is scored", 30),
    ("max", "Điểm tối đa", "Max", 8),
    ("done", "Có/Không", "Yes/No", 9),
    ("numerator", "Tử số", "Numerator", 9),
    ("denominator", "Mẫu số", "Denominator", 9),
    ("level", "Mức", "Level", 7),
    ("violations", "Số vi phạm", "Violations", 9),
    ("score_input", "Điểm nhập tay", "Score (typed)", 9),
    ("score", "Điểm tự chấm", "Self-score", 9),
    ("max_applicable", "Điểm tối đa áp dụng", "Applicable max", 10),
    ("evidence", "Tài liệu kiểm chứng", "Evidence", 32),
    ("explanation", "Giải trình", "Explanation", 36),
    ("appraised", "Điểm thẩm định", "Appraised score", 10),
    ("comment", "Ý kiến thẩm định", "Appraiser's comment", 24),
]
_KEYS = [c[0] for c in _COLUMNS]
_COL = {k: i + 1 for i, k in enumerate(_KEYS)}
_L = {k: get_column_letter(i) for k, i in _COL.items()}
_INPUTS = ("done", "numerator", "denominator", "level", "violations", "score_input")
_INPUT_OF_KIND: dict[str, tuple[str, ...]] = {
    "yes_no": ("done",), "ratio_tiers": ("numerator", "denominator"), "proportional": ("numerator", "denominator"),
    "levels": ("level",), "manual": ("score_input",), "deductions": ("violations",), "survey": (),
}

_KIND_LABELS = {
    "yes_no": ("Có/Không", "Yes/no"), "ratio_tiers": ("Tỷ lệ theo mức", "Ratio tiers"),
    "proportional": ("Tỷ lệ", "Proportional"), "levels": ("Chọn mức", "Levels"),
    "manual": ("Tự chấm", "Manual"), "deductions": ("Trừ điểm", "Deductions"),
    "survey": ("Điều tra XHH", "Survey"),
}

HEAD_ROW_KEYS = 6  # hidden row of machine keys
HEAD_ROW = 7
FIRST_ROW = 9

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL_AREA = PatternFill("solid", fgColor="D9D9D9")
_FILL_INPUT = PatternFill("solid", fgColor="FFF2CC")
_FILL_OFF = PatternFill("solid", fgColor="F2F2F2")
_FIXED_TIME = _datetime(2000, 1, 1)
_FONT = "Times New Roman"  # what an office PC has; the PDF forms embed their own font


def _num(value: Any) -> Any:
    """A snapshot/framework decimal as a cell number: int when whole, else float."""
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return int(d) if d == d.to_integral_value() else float(d)


def rule_summary(leaf: Leaf, lang: str = "vi") -> str:
    """One line on how a leaf is scored, for the "Cách chấm" column."""
    r = leaf.rule
    vi = lang != "en"

    def f(v: Decimal) -> str:
        return fmt_score(v, lang=lang)

    if leaf.block == "penalty" and r.kind in ("yes_no", "manual"):  # a penalty is points deducted, not a score
        if r.kind == "yes_no":
            return f"Có: trừ {f(leaf.max)}\u00a0điểm; Không: 0" if vi else f"Yes: −{f(leaf.max)}; No: 0"
        return (f"Số điểm bị trừ: 0–{f(leaf.max)}, bước {f(r.step)}" if vi
                else f"Points deducted: 0–{f(leaf.max)}, step {f(r.step)}")
    if r.kind == "yes_no":
        return f"Có: {f(leaf.max)}; Không: 0" if vi else f"Yes: {f(leaf.max)}; No: 0"
    if r.kind == "ratio_tiers":
        tiers = "; ".join(f"≥{f(tr.min_percent)}%: {f(tr.points)}" for tr in r.tiers)
        rest = f"; còn lại: {f(r.else_points)}" if vi else f"; otherwise: {f(r.else_points)}"
        return f"{r.numerator_label}/{r.denominator_label} — {tiers}{rest}"
    if r.kind == "proportional":
        return (f"{f(leaf.max)} × {r.numerator_label}/{r.denominator_label}" if vi
                else f"{f(leaf.max)} × {r.numerator_label}/{r.denominator_label}")
    if r.kind == "levels":
        return "; ".join(f"{lv.id}: {lv.label} ({f(lv.points)})" for lv in r.levels)
    if r.kind == "manual":
        return (f"Nhập điểm 0–{f(leaf.max)}, bước {f(r.step)}" if vi
                else f"Type a score 0–{f(leaf.max)}, step {f(r.step)}")
    if r.kind == "deductions":
        return (f"{r.violation_label}: trừ {f(r.per_violation)}/lần, tối thiểu {f(r.floor)}" if vi
                else f"{r.violation_label}: −{f(r.per_violation)} each, floor {f(r.floor)}")
    return "Do tỉnh chấm (điều tra xã hội học)" if vi else "Scored by the province (survey)"


# ---------------------------------------------------------------------------
# Export


def export_xlsx(snapshot: Mapping[str, Any], out_path: str | Path, framework: Framework, *,
                lang: str = "vi") -> ReportResult:
    """Write the scoring table (live formulas) and the evidence list to ``out_path``.

    ``framework`` must be the one the snapshot was made with (same hash): the
    formulas need each rule's thresholds, levels and steps, which the
    snapshot does not carry.
    """
    view = read_snapshot(snapshot)
    fw_hash = str(view.framework.get("hash") or "")
    if fw_hash and fw_hash != framework.hash:
        raise ParDeskError("xl.framework_mismatch", where="framework.hash", snapshot=fw_hash[:12],
                           framework=framework.hash[:12])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_SCORES
    _ScoresWriter(ws, wb, view, framework, lang).write()
    _write_evidence(wb.create_sheet(SHEET_EVIDENCE), view, lang)
    _write_answers_help(wb.create_sheet(SHEET_HELP), lang)
    if SHEET_LISTS in wb.sheetnames:  # the hidden list of level names goes last
        wb.move_sheet(SHEET_LISTS, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(SHEET_LISTS))
    return _save(wb, out_path)


def _save(wb: Workbook, out_path: str | Path) -> ReportResult:
    wb.properties.creator = "parDesk"
    wb.properties.created = wb.properties.modified = _FIXED_TIME  # reproducible bytes
    buf = io.BytesIO()
    wb.save(buf)
    data = normalize_zip(buf.getvalue(), _fixed_core_times)
    path = atomic_write(out_path, data)
    return ReportResult(path=path, pages=0, size=len(data))


def _fixed_core_times(name: str, body: bytes) -> bytes:
    """openpyxl stamps ``dcterms:modified`` with the save time; pin it like the zip times."""
    if name != "docProps/core.xml":
        return body
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)


def _style_cell(cell: Any, *, bold: bool = False, italic: bool = False, wrap: bool = False, align: str = "left",
                fill: PatternFill | None = None, border: bool = True, size: float = 11) -> None:
    cell.font = Font(name=_FONT, bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
    if border:
        cell.border = _BORDER
    if fill is not None:
        cell.fill = fill


class _ScoresWriter:
    """Writes the "Chấm điểm" sheet: header, one row per item, the blocks and the totals.

    Every figure a person reads is a live formula (see :mod:`parDesk.reports.xlsx_formulas`);
    the writer only lays the rows out and remembers which cell holds what.
    """

    def __init__(self, ws: Any, wb: Workbook, view: Any, fw: Framework, lang: str) -> None:
        self.ws, self.wb, self.view, self.fw, self.lang = ws, wb, view, fw, lang
        self.en = lang == "en"
        survey_scores = [d for it in view.leaves() if (d := _to_dec(it.raw.get("score"))) is not None]
        self.places = framework_places(fw, survey_scores)
        self.row = FIRST_ROW
        self.score_cell: dict[str, str] = {}
        self.max_app_cell: dict[str, str] = {}
        self.area_rows: list[int] = []
        self.lists: Any = None  # the hidden sheet of level names, made on first use
        self.lists_row = 1
        self.dv_yes = self._validation(DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True))
        self.dv_count = self._validation(DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                                        allow_blank=True))
        self.dv_score = self._validation(DataValidation(type="decimal", operator="greaterThanOrEqual",
                                                        formula1="0", allow_blank=True))

    def _validation(self, dv: DataValidation) -> DataValidation:
        dv.showErrorMessage = False  # the import reports problems with their cell; Excel's popup would block typing
        self.ws.add_data_validation(dv)
        return dv

    # -- layout ---------------------------------------------------------------
    def write(self) -> None:
        self.header()
        self.column_heads()
        for area in self.fw.areas:
            self.node_rows(area, 0)
        en = self.en
        bonus = self.block(self.fw.bonus, self.fw.bonus.title or ("Bonus points" if en else "Điểm thưởng"))
        penalty = self.block(self.fw.penalty, self.fw.penalty.title or ("Penalty points" if en else "Điểm trừ"))
        last_row = self.totals(bonus, penalty)
        self.page_setup(last_row)

    def header(self) -> None:
        ws, fw, en = self.ws, self.fw, self.en
        last = get_column_letter(len(_COLUMNS))
        ws["A1"] = issuing_body(self.view.unit).upper()
        ws["A2"] = ("SUMMARY OF SELF-ASSESSMENT SCORES — PAR INDEX " if en else
                    "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ") + \
            str(self.view.year or fw.year)
        decision = fw.decision
        ws["A3"] = (f"{fw.title} — " + (f"Decision No. {decision.number}" if en else
                                         f"Quyết định số {decision.number} ngày {_vn_date(decision.date)} "
                                         f"của {decision.issuer}"))
        ws["A4"] = "Framework hash (SHA-256):" if en else "Mã băm bộ chỉ số (SHA-256):"
        ws["C4"] = fw.hash
        ws["A5"] = ("Enter data in the yellow cells (columns E–J); the self-score, subtotals and totals are "
                    "computed. Do not change the codes in column A." if en else
                    "Nhập số liệu vào các ô màu vàng (cột E–J); điểm tự chấm, điểm cộng từng tiêu chí, lĩnh vực và "
                    "tổng điểm được tính tự động. Không sửa mã ở cột A.")
        for ref, bold, size in (("A1", True, 12), ("A2", True, 13), ("A3", False, 11), ("A4", False, 11),
                                ("C4", False, 11), ("A5", False, 11)):
            _style_cell(ws[ref], bold=bold, italic=ref == "A5", border=False, size=size)
        for rng in (f"A2:{last}2", f"A3:{last}3", "A4:B4", f"C4:{get_column_letter(8)}4", f"A5:{last}5"):
            ws.merge_cells(rng)
        ws["A2"].alignment = Alignment(horizontal="center")
        ws["A3"].alignment = Alignment(horizontal="center", wrap_text=True)
        ws.row_dimensions[3].height = 30
        ws["A5"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[5].height = 30
        self.wb.defined_names[HASH_NAME] = DefinedName(HASH_NAME, attr_text=f"'{SHEET_SCORES}'!$C$4")

    def column_heads(self) -> None:
        """Hidden machine keys, visible headers and column numbers."""
        ws = self.ws
        for i, (key, vi, en_label, width) in enumerate(_COLUMNS, start=1):
            ws.cell(HEAD_ROW_KEYS, i, f"pd:{key}")
            c = ws.cell(HEAD_ROW, i, en_label if self.en else vi)
            _style_cell(c, bold=True, wrap=True, align="center")
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            _style_cell(ws.cell(HEAD_ROW + 1, i, f"({i})"), italic=True, align="center")
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.row_dimensions[HEAD_ROW_KEYS].hidden = True
        ws.row_dimensions[HEAD_ROW].height = 45

    # -- rows -----------------------------------------------------------------
    def leaf_row(self, item: Any, leaf: Leaf) -> None:
        r = self.row
        self.row += 1
        kind = leaf.rule.kind
        province = kind == "survey" or not leaf.self_scored
        na = bool(item.get("not_applicable")) and leaf.can_be_na if item is not None else False
        values = self._input_values(item, leaf)
        values.update(code=leaf.code, title=leaf.title, how=rule_summary(leaf, self.lang), max=_num(leaf.max))
        cells = {k: f"{_L[k]}{r}" for k in _INPUTS}
        level_refs = self._level_list(leaf) if kind == "levels" and not na else []
        if na:
            values["score"] = NA_WORD["en" if self.en else "vi"]
        elif province:
            values["score"] = _num(item.raw.get("score")) if item is not None else None
        else:
            values["score"] = score_formula(self.fw, leaf, cells, level_refs, self.places)
        values["max_applicable"] = max_applicable_formula(leaf, na, f"{_L['score']}{r}")
        if item is not None:
            values["evidence"] = "\n".join(_doc_line(d) for d in item.evidence)
            expl = str(item.get("explanation") or "")
            if na:
                expl = ("Not applicable. " if self.en else "Không áp dụng. ") + expl
            values["explanation"] = expl.strip()
        used_inputs = () if (na or province) else _INPUT_OF_KIND[kind]
        for key, col in _COL.items():
            fill = _FILL_INPUT if key in used_inputs else (_FILL_OFF if key in _INPUTS else None)
            _style_cell(self.ws.cell(r, col, values.get(key)),
                        wrap=key in ("title", "how", "evidence", "explanation", "comment"),
                        align="center" if key in ("max", "score", "max_applicable", "appraised") + _INPUTS
                        else "left", fill=fill)
        self.ws.cell(r, _COL["code"]).number_format = "@"
        self.ws.cell(r, _COL["level"]).number_format = "@"
        self._input_validation(leaf, r, used_inputs, level_refs)
        self.score_cell[leaf.code] = f"{_L['score']}{r}"
        self.max_app_cell[leaf.code] = f"{_L['max_applicable']}{r}"

    def _input_values(self, item: Any, leaf: Leaf) -> dict[str, Any]:
        """The stored inputs as the officer would type them (levels by their name)."""
        kind = leaf.rule.kind
        inputs = (item.get("inputs") if item is not None else None) or {}
        values: dict[str, Any] = {}
        if kind == "yes_no" and "done" in inputs:
            values["done"] = YES if inputs["done"] else NO
        if kind in ("ratio_tiers", "proportional"):
            values.update({k: inputs[k] for k in ("numerator", "denominator") if k in inputs})
        if kind == "deductions" and "violations" in inputs:
            values["violations"] = inputs["violations"]
        if kind == "levels" and inputs.get("level") not in (None, ""):
            level = next((lv for lv in leaf.rule.levels if lv.id == inputs["level"]), None)
            values["level"] = level.label if level is not None else inputs["level"]
        if kind == "manual" and inputs.get("score") not in (None, ""):
            values["score_input"] = _num(inputs["score"])
        return values

    def _level_list(self, leaf: Leaf) -> list[tuple[str, str]]:
        """Write the leaf's levels (id, name, points) on the hidden list sheet; return their cells."""
        if self.lists is None:
            self.lists = self.wb.create_sheet(SHEET_LISTS)
            self.lists.sheet_state = "hidden"
            for i, head in enumerate(("Mã", "Mã mức", "Tên mức", "Điểm"), start=1):
                self.lists.cell(1, i, head)
            self.lists_row = 2
        refs = []
        for lv in leaf.rule.levels:
            r = self.lists_row
            self.lists_row += 1
            for col, value in ((1, leaf.code), (2, lv.id), (3, lv.label), (4, _num(lv.points))):
                self.lists.cell(r, col, value).number_format = "@" if col < 4 else "General"
            refs.append((f"'{SHEET_LISTS}'!$B${r}", f"'{SHEET_LISTS}'!$C${r}"))
        return refs

    def _input_validation(self, leaf: Leaf, r: int, used: Sequence[str], level_refs: Sequence[tuple[str, str]]
                          ) -> None:
        """Drop-downs and number checks on the input cells (the level cell lists the level names)."""
        if "done" in used:
            self.dv_yes.add(f"{_L['done']}{r}")
        if "numerator" in used:
            self.dv_count.add(f"{_L['numerator']}{r}:{_L['denominator']}{r}")
        if "violations" in used:
            self.dv_count.add(f"{_L['violations']}{r}")
        if "score_input" in used:
            self.dv_score.add(f"{_L['score_input']}{r}")
        if "level" in used and level_refs:
            first, last = level_refs[0][1], level_refs[-1][1].split("!")[1]
            dv = self._validation(DataValidation(type="list", formula1=f"{first}:{last}", allow_blank=True))
            dv.add(f"{_L['level']}{r}")

    def node_rows(self, node: Node, depth: int) -> None:
        r = self.row
        self.row += 1
        if depth == 0:
            self.area_rows.append(r)
        for child in node.children:
            if isinstance(child, Leaf):
                self.leaf_row(self.view.by_code.get(child.code), child)
            else:
                self.node_rows(child, depth + 1)
        kids = [c.code for c in node.children]
        values = {"code": node.code, "title": node.title.upper() if depth == 0 else node.title,
                  "max": _num(node.max), "score": sum_formula([self.score_cell[k] for k in kids], self.places),
                  "max_applicable": sum_formula([self.max_app_cell[k] for k in kids], self.places)}
        for key, col in _COL.items():
            _style_cell(self.ws.cell(r, col, values.get(key)), bold=depth <= 1, italic=depth >= 2, wrap=key == "title",
                        align="center" if key in ("max", "score", "max_applicable") else "left",
                        fill=_FILL_AREA if depth == 0 else None)
        self.ws.cell(r, _COL["code"]).number_format = "@"
        self.score_cell[node.code] = f"{_L['score']}{r}"
        self.max_app_cell[node.code] = f"{_L['max_applicable']}{r}"

    def block(self, blk: Any, label: str) -> str | None:
        """The bonus or penalty block: a capped heading row over its items; returns the capped cell."""
        if not blk.items:
            return None
        r = self.row
        self.row += 1
        for item in blk.items:
            self.leaf_row(self.view.by_code.get(item.code), item)
        S = _L["score"]
        cap_text = f"(cap {literal(blk.cap)})" if self.en else f"(tối đa {fmt_score(blk.cap)})"
        values = {"title": f"{label} {cap_text}", "max": _num(blk.cap),
                  "score": capped_formula(blk.cap, f"{S}{r + 1}", f"{S}{self.row - 1}", self.places)}
        for key, col in _COL.items():
            _style_cell(self.ws.cell(r, col, values.get(key)), bold=True, wrap=key == "title",
                        align="center" if key in ("max", "score") else "left", fill=_FILL_AREA)
        return f"{S}{r}"

    def totals(self, bonus_ref: str | None, penalty_ref: str | None) -> int:
        """The sum, capped blocks, total, unit's maximum, percentage and rating; returns the last row."""
        en, fw, row, places = self.en, self.fw, self.row, self.places
        S, M = _L["score"], _L["max_applicable"]
        r_base, r_total, r_maxapp, r_pct = row, row + 3, row + 4, row + 5
        rows_out: list[tuple[str, Any, Any, Any, str]] = [
            ("Sum of the areas" if en else "Cộng điểm các lĩnh vực", _num(fw.scale),
             sum_formula([f"{S}{r}" for r in self.area_rows], places),
             sum_formula([f"{M}{r}" for r in self.area_rows], places), "General"),
            ("Bonus (after the cap)" if en else "Điểm thưởng (đã áp dụng mức tối đa)", None,
             f"={bonus_ref}" if bonus_ref else 0, None, "General"),
            ("Penalty (after the cap)" if en else "Điểm trừ (đã áp dụng mức tối đa)", None,
             f"={penalty_ref}" if penalty_ref else 0, None, "General"),
            ("TOTAL SELF-ASSESSMENT SCORE" if en else "TỔNG ĐIỂM TỰ ĐÁNH GIÁ", _num(fw.scale),
             total_formula(f"{S}{r_base}", f"{S}{r_base + 1}", f"{S}{r_base + 2}", places), None, "General"),
            ("The unit's maximum" if en else "Điểm tối đa của đơn vị (trừ tiêu chí không áp dụng)", None,
             f"={M}{r_base}", None, "General"),
            ("Percentage" if en else "Tỷ lệ đạt (%)", None,
             percent_formula(f"{S}{r_total}", f"{S}{r_maxapp}", places), None, "0.00"),
            ("Self-rating" if en else "Tự xếp loại", None, rating_formula(fw, f"{S}{r_pct}", self.lang), None, "@"),
        ]
        for i, (label, mx, value, max_app, fmt) in enumerate(rows_out):
            r = row + i
            for key, v in (("title", label), ("max", mx), ("score", value), ("max_applicable", max_app)):
                self.ws.cell(r, _COL[key], v)
            for key, col in _COL.items():
                _style_cell(self.ws.cell(r, col), bold=i in (0, 3, 5, 6), wrap=key == "title",
                            align="center" if key in ("max", "score", "max_applicable") else "left")
            if fmt != "@":
                self.ws.cell(r, _COL["score"]).number_format = fmt
        for name, r in (("parDesk_total", r_total), ("parDesk_percent", r_pct)):
            self.wb.defined_names[name] = DefinedName(name, attr_text=f"'{SHEET_SCORES}'!${S}${r}")
        return row + len(rows_out) - 1

    def page_setup(self, last_row: int) -> None:
        """Frozen header; print A4 landscape, repeated header rows, fit to width, page numbers."""
        ws = self.ws
        ws.freeze_panes = f"C{FIRST_ROW}"
        ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW + 1}"
        ws.print_area = f"A1:{get_column_letter(len(_COLUMNS))}{last_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
        ws.page_margins.top = ws.page_margins.bottom = 20 / 25.4
        ws.page_margins.header = 10 / 25.4
        ws.HeaderFooter.differentFirst = True
        ws.oddHeader.center.text = "&P"
        ws.oddHeader.center.size = 13
        ws.oddHeader.center.font = _FONT


def _to_dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _vn_date(iso: str) -> str:
    from parDesk.numfmt import fmt_date

    return fmt_date(iso)


def _doc_line(doc: Mapping[str, Any]) -> str:
    from parDesk.numfmt import fmt_date

    number = str(doc.get("number") or "").strip()
    d = fmt_date(doc.get("date"))
    head = f"{number} ngày {d}" if number and d else number or str(doc.get("original_name") or "")
    subject = str(doc.get("subject") or "").strip()
    return f"{head}: {subject}" if subject else head


def _write_evidence(ws: Any, view: Any, lang: str) -> None:
    en = lang == "en"
    cols = [("STT", "No.", 6), ("Mã tiêu chí", "Item code", 10), ("Tên tiêu chí", "Item", 40),
            ("Số, ký hiệu", "Number", 16), ("Ngày ban hành", "Date", 12), ("Cơ quan ban hành", "Issued by", 24),
            ("Trích yếu", "Subject", 44), ("Vị trí (mục, trang)", "Section, page", 16),
            ("Tên tệp", "File name", 30), ("Tệp trong gói hồ sơ", "File in the package", 30),
            ("SHA-256", "SHA-256", 20), ("Kích thước (byte)", "Size (bytes)", 14)]
    for i, (vi, en_label, width) in enumerate(cols, start=1):
        c = ws.cell(1, i, en_label if en else vi)
        _style_cell(c, bold=True, wrap=True, align="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    r = 2
    for item in view.leaves():
        for doc in item.evidence:
            d = _parse_iso(doc.get("date"))
            values = [r - 1, item.code, item.title, doc.get("number") or "", d or (doc.get("date") or ""),
                      doc.get("issuer") or "", doc.get("subject") or "", doc.get("page_ref") or "",
                      doc.get("original_name") or "", doc.get("file") or "", doc.get("sha256") or "",
                      doc.get("size")]
            for i, v in enumerate(values, start=1):
                c = ws.cell(r, i, v)
                _style_cell(c, wrap=i in (3, 7, 9))
            ws.cell(r, 2).number_format = "@"
            if d:
                ws.cell(r, 5).number_format = "DD/MM/YYYY"
            ws.cell(r, 12).number_format = "#,##0"
            r += 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, r - 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _parse_iso(value: Any) -> _date | None:
    try:
        return _date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _write_answers_help(ws: Any, lang: str) -> None:
    lines_vi = [
        "HƯỚNG DẪN NHẬP SỐ LIỆU",
        "1. Chỉ nhập vào các ô màu vàng của trang \"Chấm điểm\":",
        "   - cột E \"Có/Không\": chọn Có hoặc Không;",
        "   - cột F, G \"Tử số\", \"Mẫu số\": số nguyên không âm, tử số không lớn hơn mẫu số;",
        "   - cột H \"Mức\": chọn tên mức trong danh sách (hoặc gõ tên hay mã mức, xem cột \"Cách chấm\");",
        "   - cột I \"Số vi phạm\": số nguyên không âm;",
        "   - cột J \"Điểm nhập tay\": điểm từ 0 đến điểm tối đa, đúng bước điểm.",
        "2. Cột \"Điểm tự chấm\", điểm từng tiêu chí, lĩnh vực, tổng điểm, tỷ lệ và xếp loại được tính bằng công thức, "
        "đúng như parDesk tính (tiêu chí không áp dụng và mục điều tra xã hội học chưa có điểm không tính vào điểm "
        "tối đa của đơn vị).",
        "3. Không sửa mã ở cột A, không xóa hàng ẩn số 6 (khóa cột của parDesk).",
        "4. Nhập lại vào parDesk: Nhập số liệu từ Excel. parDesk kiểm tra từng ô và chỉ nhập khi không còn lỗi;",
        "   mỗi lỗi ghi rõ ô cần sửa, ví dụ Chấm điểm!F23. Ô để trống nghĩa là giữ nguyên số liệu trong parDesk.",
        "5. Giải trình và tài liệu kiểm chứng nhập trong parDesk (các cột này chỉ để xem).",
    ]
    lines_en = [
        "HOW TO FILL IN THIS WORKBOOK",
        "1. Type only into the yellow cells of the sheet \"Chấm điểm\": yes/no (E), numerator and denominator (F, G),",
        "   level (H: pick its name from the list, or type its name or id), violations (I), a typed score (J).",
        "2. Self-scores, subtotals, totals, percentage and rating are formulas that give exactly parDesk's figures.",
        "3. Do not change the codes in column A or delete the hidden row 6 (parDesk's column keys).",
        "4. Import back into parDesk: every cell is checked; nothing is imported while any error remains, and each",
        "   error names its cell, e.g. Chấm điểm!F23. An empty cell keeps the value parDesk has.",
        "5. Explanations and evidence are entered in parDesk (those columns are for reading).",
    ]
    for i, line in enumerate(lines_en if lang == "en" else lines_vi, start=1):
        c = ws.cell(i, 1, line)
        c.font = Font(name=_FONT, bold=i == 1, size=12 if i == 1 else 11)
    ws.column_dimensions["A"].width = 120


# ---------------------------------------------------------------------------
# Import of answers


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


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


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


def _cell_yes_no(v: Any, where: str) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    text = _trim(str(v)).lower()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ParDeskError("xl.not_yes_no", where=where, value=v)


def _trim(text: str) -> str:
    """What the spreadsheet's TRIM does: no spaces at the ends, single spaces inside."""
    return re.sub(" +", " ", text).strip(" ")


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
        wb = load_workbook(path, data_only=False)
        wbv = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        return [], [ParDeskError("xl.unreadable", where=path.name, reason=str(exc) or type(exc).__name__)]
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
        if code.startswith("pd:") or r <= key_row + 2 and code in ("Mã", "Code", "(1)"):
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


# ---------------------------------------------------------------------------
# Framework template

_FW_INFO: list[tuple[str, str, str]] = [
    # key, label, help
    ("id", "Mã bộ chỉ số", "Chữ không dấu, số, dấu gạch ngang; ví dụ: son-la-xa-2025"),
    ("title", "Tên bộ chỉ số", "Như trong phụ lục của quyết định"),
    ("year", "Năm đánh giá", "Ví dụ: 2025"),
    ("unit_level", "Cấp đơn vị", "xa (xã, phường, đặc khu)"),
    ("province", "Tỉnh, thành phố", "Ví dụ: Tỉnh Sơn La"),
    ("decision_number", "Số quyết định ban hành", "Ví dụ: 2712/QĐ-UBND"),
    ("decision_date", "Ngày quyết định", "Ngày (định dạng ngày của Excel) hoặc YYYY-MM-DD"),
    ("decision_issuer", "Cơ quan ban hành", "Ví dụ: Ủy ban nhân dân tỉnh Sơn La"),
    ("scale", "Thang điểm", "Tổng điểm tối đa các lĩnh vực, thường là 100"),
    ("rounding_places", "Làm tròn (số chữ số thập phân)", "Dùng cho cách chấm \"Tỷ lệ\"; mặc định 2"),
    ("rounding_mode", "Cách làm tròn", "half_up (mặc định), half_even, down, up"),
    ("deadline", "Hạn tự đánh giá", "Không bắt buộc"),
    ("bonus_title", "Tên khối điểm thưởng", "Ví dụ: Điểm thưởng"),
    ("bonus_cap", "Điểm thưởng tối đa", "Ví dụ: 2"),
    ("penalty_title", "Tên khối điểm trừ", "Ví dụ: Điểm trừ"),
    ("penalty_cap", "Điểm trừ tối đa", "Ví dụ: 3"),
    ("sample", "Bộ mẫu, không chính thức", "Có / Không"),
    ("notes", "Ghi chú", "Không bắt buộc"),
]

_FW_COLS: list[tuple[str, str, float]] = [
    ("code", "Mã", 10), ("parent", "Mã cấp trên", 11), ("title", "Nội dung", 50), ("max", "Điểm tối đa", 9),
    ("kind", "Cách chấm", 16), ("description", "Mô tả cách chấm", 30), ("numerator_label", "Tên tử số", 20),
    ("denominator_label", "Tên mẫu số", 20), ("tiers", "Các mức tỷ lệ (% : điểm)", 22),
    ("else_points", "Điểm khi dưới mức thấp nhất", 12), ("zero_denominator", "Mẫu số bằng 0 thì", 12),
    ("levels", "Các mức (mã: nội dung = điểm)", 40), ("step", "Bước điểm", 8),
    ("per_violation", "Điểm trừ mỗi vi phạm", 10), ("floor", "Điểm sàn", 8), ("violation_label", "Tên vi phạm", 18),
    ("rounding", "Làm tròn riêng (số chữ số; cách)", 14), ("self_scored", "Xã tự chấm", 9),
    ("can_be_na", "Có thể không áp dụng", 10), ("requires_evidence", "Cần tài liệu kiểm chứng", 11),
    ("evidence_hints", "Gợi ý tài liệu kiểm chứng (mỗi dòng một loại)", 36), ("guidance", "Hướng dẫn chấm", 36),
]
_FW_SHEET_INFO, _FW_SHEET_BANDS, _FW_SHEET_TREE = "Thông tin", "Xếp loại", "Chỉ số"
_FW_SHEET_BONUS, _FW_SHEET_PENALTY = "Điểm thưởng", "Điểm trừ"
_KIND_FROM_TEXT = {**{k: k for k in _KIND_LABELS},
                   **{vi.lower(): k for k, (vi, _) in _KIND_LABELS.items()},
                   **{en.lower(): k for k, (_, en) in _KIND_LABELS.items()},
                   "có / không": "yes_no", "co/khong": "yes_no", "điều tra xã hội học": "survey"}

_FW_HELP = [
    "MẪU BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — HƯỚNG DẪN ĐIỀN",
    "",
    "Tệp gồm các trang: Thông tin, Xếp loại, Chỉ số, Điểm thưởng, Điểm trừ. parDesk đọc tệp này thành bộ chỉ số "
    "và kiểm tra toàn bộ; mỗi lỗi ghi rõ ô cần sửa (ví dụ: Chỉ số!D12).",
    "Không sửa, không xóa hàng 2 của các trang Chỉ số / Điểm thưởng / Điểm trừ và cột A của trang Thông tin: "
    "đó là khóa để parDesk đọc.",
    "",
    "1. Trang \"Thông tin\": điền cột C theo từng dòng (mã, tên, năm, quyết định ban hành, thang điểm, "
    "điểm thưởng / điểm trừ tối đa).",
    "2. Trang \"Xếp loại\": mỗi dòng một mức, từ cao xuống thấp; cột A là tỷ lệ % tối thiểu; mức cuối cùng là 0.",
    "3. Trang \"Chỉ số\": mỗi dòng một lĩnh vực, tiêu chí hoặc tiêu chí thành phần, theo đúng thứ tự trong phụ lục.",
    "   - Mã: 1, 1.1, 1.1.1 …; Mã cấp trên: để trống với lĩnh vực; nếu để trống ở dòng khác, parDesk lấy mã bỏ "
    "phần cuối (1.2.3 → 1.2).",
    "   - Dòng tổng hợp (lĩnh vực, tiêu chí có tiêu chí con) để trống cột Cách chấm; điểm tối đa phải bằng tổng "
    "điểm tối đa các dòng con.",
    "   - Dòng chấm điểm điền Cách chấm và các cột tương ứng:",
    "       Có/Không — đạt: đủ điểm tối đa, không đạt: 0.",
    "       Tỷ lệ theo mức — Tên tử số, Tên mẫu số; Các mức tỷ lệ dạng \"100: 2; 80: 1\" (tỷ lệ % tối thiểu: điểm, "
    "từ cao xuống thấp); Điểm khi dưới mức thấp nhất (mặc định 0).",
    "       Tỷ lệ — điểm = điểm tối đa × tử số / mẫu số, làm tròn theo trang Thông tin.",
    "       Chọn mức — Các mức, mỗi dòng (Alt+Enter) hoặc dấu ; một mức dạng \"a: Ban hành đúng hạn = 1\".",
    "       Tự chấm — Bước điểm (ví dụ 0,25 hoặc 0,5; phải chia hết điểm tối đa).",
    "       Trừ điểm — Điểm trừ mỗi vi phạm, Điểm sàn, Tên vi phạm.",
    "       Điều tra XHH — tỉnh chấm, xã không tự chấm (Xã tự chấm: Không).",
    "   - Mẫu số bằng 0 thì: \"tối đa\" (mặc định, không phát sinh hồ sơ được đủ điểm) hoặc \"0\".",
    "   - Xã tự chấm / Có thể không áp dụng / Cần tài liệu kiểm chứng: Có hoặc Không.",
    "4. Trang \"Điểm thưởng\", \"Điểm trừ\": như trang Chỉ số, không có Mã cấp trên.",
    "",
    "Số thập phân viết 0,5 hoặc 0.5 đều được. Ví dụ điền đầy đủ: tệp bo-chi-so-vi-du.xlsx.",
]


def _ws_header(ws: Any, cols: Sequence[tuple[str, str, float]]) -> None:
    for i, (key, label, width) in enumerate(cols, start=1):
        c = ws.cell(1, i, label)
        _style_cell(c, bold=True, wrap=True, align="center")
        k = ws.cell(2, i, key)
        k.font = Font(name=_FONT, italic=True, size=9, color="808080")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"
    ws.row_dimensions[1].height = 45


def _new_template() -> Workbook:
    wb = Workbook()
    help_ws = wb.active
    help_ws.title = SHEET_HELP
    for i, line in enumerate(_FW_HELP, start=1):
        c = help_ws.cell(i, 1, line)
        c.font = Font(name=_FONT, bold=i == 1, size=13 if i == 1 else 11)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    help_ws.column_dimensions["A"].width = 130

    info = wb.create_sheet(_FW_SHEET_INFO)
    for i, (h, w) in enumerate((("Khóa", 18), ("Nội dung", 34), ("Giá trị", 60), ("Ghi chú", 50)), start=1):
        _style_cell(info.cell(1, i, h), bold=True, align="center")
        info.column_dimensions[get_column_letter(i)].width = w
    for r, (key, label, hint) in enumerate(_FW_INFO, start=2):
        info.cell(r, 1, key).font = Font(name=_FONT, italic=True, color="808080")
        _style_cell(info.cell(r, 2, label))
        _style_cell(info.cell(r, 3), fill=_FILL_INPUT, wrap=True)
        _style_cell(info.cell(r, 4, hint), italic=True, wrap=True)
    info.freeze_panes = "A2"

    bands = wb.create_sheet(_FW_SHEET_BANDS)
    for i, (h, w) in enumerate((("Tỷ lệ % tối thiểu", 16), ("Xếp loại", 24), ("Xếp loại (tiếng Anh)", 24)), start=1):
        _style_cell(bands.cell(1, i, h), bold=True, align="center", wrap=True)
        bands.column_dimensions[get_column_letter(i)].width = w
    bands.freeze_panes = "A2"

    for name in (_FW_SHEET_TREE, _FW_SHEET_BONUS, _FW_SHEET_PENALTY):
        ws = wb.create_sheet(name)
        _ws_header(ws, _FW_COLS)
        dv = DataValidation(type="list", formula1='"' + ",".join(vi for vi, _ in _KIND_LABELS.values()) + '"',
                            allow_blank=True)
        dv.showErrorMessage = False
        ws.add_data_validation(dv)
        dv.add("E3:E2000")
        yn = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
        yn.showErrorMessage = False
        ws.add_data_validation(yn)
        yn.add("R3:T2000")
    return wb


def write_framework_template(out_path: str | Path) -> ReportResult:
    """Write the empty framework template (instructions, headers, drop-down lists)."""
    return _save(_new_template(), out_path)


def _yn(value: bool) -> str:
    return YES if value else NO


def _pairs_text(pairs: Iterable[tuple[Decimal, Decimal]]) -> str:
    return "; ".join(f"{fmt_score(a)}: {fmt_score(b)}" for a, b in pairs)


def framework_to_xlsx(fw: Framework, out_path: str | Path) -> ReportResult:
    """Write ``fw`` into the template; :func:`framework_from_xlsx` reads it back to the same hash."""
    wb = _new_template()
    info = wb[_FW_SHEET_INFO]
    values = {
        "id": fw.id, "title": fw.title, "year": fw.year, "unit_level": fw.unit_level, "province": fw.province,
        "decision_number": fw.decision.number, "decision_date": _parse_iso(fw.decision.date) or fw.decision.date,
        "decision_issuer": fw.decision.issuer, "scale": _num(fw.scale), "rounding_places": fw.rounding.places,
        "rounding_mode": fw.rounding.mode, "deadline": _parse_iso(fw.deadline) if fw.deadline else None,
        "bonus_title": fw.bonus.title, "bonus_cap": _num(fw.bonus.cap), "penalty_title": fw.penalty.title,
        "penalty_cap": _num(fw.penalty.cap), "sample": _yn(fw.sample), "notes": fw.notes or None,
    }
    for r, (key, _, _) in enumerate(_FW_INFO, start=2):
        c = info.cell(r, 3, values.get(key))
        if isinstance(values.get(key), _date):
            c.number_format = "DD/MM/YYYY"
    bands = wb[_FW_SHEET_BANDS]
    for r, b in enumerate(fw.bands, start=2):
        bands.cell(r, 1, _num(b.min_percent))
        bands.cell(r, 2, b.label)
        bands.cell(r, 3, b.label_en)

    def leaf_values(leaf: Leaf, parent: str | None) -> dict[str, Any]:
        rule = leaf.rule
        v: dict[str, Any] = {"code": leaf.code, "parent": parent, "title": leaf.title, "max": _num(leaf.max),
                             "kind": _KIND_LABELS[rule.kind][0], "description": rule.description or None,
                             "self_scored": _yn(leaf.self_scored), "can_be_na": _yn(leaf.can_be_na),
                             "requires_evidence": _yn(leaf.requires_evidence),
                             "evidence_hints": "\n".join(leaf.evidence_hints) or None,
                             "guidance": leaf.guidance or None}
        if rule.kind in ("ratio_tiers", "proportional"):
            v["numerator_label"] = rule.numerator_label
            v["denominator_label"] = rule.denominator_label
            v["zero_denominator"] = "0" if rule.zero_denominator == "zero" else "tối đa"
        if rule.kind == "ratio_tiers":
            v["tiers"] = _pairs_text((tr.min_percent, tr.points) for tr in rule.tiers)
            v["else_points"] = _num(rule.else_points)
        if rule.kind == "proportional" and rule.rounding and rule.rounding != fw.rounding:
            v["rounding"] = f"{rule.rounding.places}; {rule.rounding.mode}"
        if rule.kind == "levels":
            v["levels"] = "\n".join(f"{lv.id}: {lv.label} = {fmt_score(lv.points)}" for lv in rule.levels)
        if rule.kind == "manual":
            v["step"] = _num(rule.step)
        if rule.kind == "deductions":
            v["per_violation"] = _num(rule.per_violation)
            v["floor"] = _num(rule.floor)
            v["violation_label"] = rule.violation_label
        return v

    def put(ws: Any, r: int, v: Mapping[str, Any], bold: bool = False) -> None:
        for i, (key, _, _) in enumerate(_FW_COLS, start=1):
            c = ws.cell(r, i, v.get(key))
            _style_cell(c, bold=bold, wrap=key in ("title", "description", "levels", "evidence_hints", "guidance",
                                                    "tiers"))
        ws.cell(r, 1).number_format = "@"
        ws.cell(r, 2).number_format = "@"

    tree = wb[_FW_SHEET_TREE]
    r = 3

    def walk(node: Node | Leaf, parent: str | None) -> None:
        nonlocal r
        if isinstance(node, Leaf):
            put(tree, r, leaf_values(node, parent))
            r += 1
            return
        put(tree, r, {"code": node.code, "parent": parent, "title": node.title, "max": _num(node.max)}, bold=True)
        r += 1
        for child in node.children:
            walk(child, node.code)

    for area in fw.areas:
        walk(area, None)
    for name, blk in ((_FW_SHEET_BONUS, fw.bonus), (_FW_SHEET_PENALTY, fw.penalty)):
        ws = wb[name]
        for i, item in enumerate(blk.items, start=3):
            put(ws, i, leaf_values(item, None))
    return _save(wb, out_path)


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
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return format(Decimal(repr(v)).normalize(), "f")
    text = str(v).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text  # the parser reports it, with the cell, if it is not a number


def _fw_bool(v: Any, where: str, errors: list[ParDeskError]) -> bool | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    try:
        return _cell_yes_no(v, where)
    except ParDeskError:
        errors.append(ParDeskError("xl.fw_bool", where=where, value=v))
        return None


def _split_entries(text: str) -> list[str]:
    parts = text.split("\n") if "\n" in text else text.split(";")
    return [p.strip() for p in parts if p.strip()]


def framework_from_xlsx(path: str | Path) -> Framework:
    """Read a framework from the spreadsheet template; raise ValidationErrors naming cells.

    The rows are turned into the JSON structure of ``docs/framework-format.md``
    and validated by :func:`~parDesk.models.framework.parse_framework`, so the
    rules are exactly those of a JSON framework; each error's JSON path is
    mapped back to the cell it came from.
    """
    path = Path(path)
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:
        raise ParDeskError("xl.unreadable", where=path.name, reason=str(exc) or type(exc).__name__) from None
    errors: list[ParDeskError] = []
    cellmap: dict[str, str] = {}
    for name in (_FW_SHEET_INFO, _FW_SHEET_BANDS, _FW_SHEET_TREE):
        if name not in wb.sheetnames:
            errors.append(ParDeskError("xl.no_sheet", where=path.name, sheet=name))
    if errors:
        raise ValidationErrors(errors)

    # Information sheet: column A keys, column C values.
    info_ws = wb[_FW_SHEET_INFO]
    info: dict[str, Any] = {}
    info_cell: dict[str, str] = {}
    for r in range(2, info_ws.max_row + 1):
        key = info_ws.cell(r, 1).value
        if isinstance(key, str) and key.strip():
            info[key.strip()] = info_ws.cell(r, 3).value
            info_cell[key.strip()] = f"{_FW_SHEET_INFO}!C{r}"
    raw: dict[str, Any] = {"format": "pardesk-framework/1"}

    def meta(json_key: str, info_key: str, conv: Any = _fw_text) -> None:
        v = info.get(info_key)
        cellmap[f"$.{json_key}"] = info_cell.get(info_key, f"{_FW_SHEET_INFO}!C1")
        if v is None or (isinstance(v, str) and not v.strip()):
            return
        raw[json_key] = conv(v)

    def year_conv(v: Any) -> Any:
        try:
            return int(Decimal(_fw_text(v)))
        except (InvalidOperation, ValueError):
            return _fw_text(v)

    meta("id", "id")
    meta("title", "title")
    meta("year", "year", year_conv)
    meta("unit_level", "unit_level")
    meta("province", "province")
    meta("scale", "scale", _fw_number)
    meta("deadline", "deadline")
    meta("notes", "notes")
    if "sample" in info:
        s = _fw_bool(info.get("sample"), info_cell["sample"], errors)
        if s is not None:
            raw["sample"] = s
    raw["decision"] = {k: _fw_text(info.get(f"decision_{k}")) for k in ("number", "date", "issuer")}
    for k in ("number", "date", "issuer"):
        cellmap[f"$.decision.{k}"] = info_cell.get(f"decision_{k}", f"{_FW_SHEET_INFO}!C1")
    cellmap["$.decision"] = info_cell.get("decision_number", f"{_FW_SHEET_INFO}!C1")
    rounding: dict[str, Any] = {}
    if info.get("rounding_places") not in (None, ""):
        rounding["places"] = year_conv(info["rounding_places"])
    if info.get("rounding_mode") not in (None, ""):
        rounding["mode"] = _fw_text(info["rounding_mode"])
    raw["rounding"] = rounding
    cellmap["$.rounding"] = info_cell.get("rounding_places", f"{_FW_SHEET_INFO}!C1")
    cellmap["$.rounding.places"] = info_cell.get("rounding_places", f"{_FW_SHEET_INFO}!C1")
    cellmap["$.rounding.mode"] = info_cell.get("rounding_mode", f"{_FW_SHEET_INFO}!C1")

    # Rating bands
    bws = wb[_FW_SHEET_BANDS]
    bands = []
    for r in range(2, bws.max_row + 1):
        mp, label, label_en = (bws.cell(r, c).value for c in (1, 2, 3))
        if mp is None and not label:
            continue
        p = f"$.rating_bands[{len(bands)}]"
        cellmap[p] = f"{_FW_SHEET_BANDS}!A{r}"
        cellmap[p + ".min_percent"] = f"{_FW_SHEET_BANDS}!A{r}"
        cellmap[p + ".label"] = f"{_FW_SHEET_BANDS}!B{r}"
        cellmap[p + ".label_en"] = f"{_FW_SHEET_BANDS}!C{r}"
        band = {"min_percent": _fw_number(mp), "label": _fw_text(label)}
        if label_en:
            band["label_en"] = _fw_text(label_en)
        bands.append(band)
    raw["rating_bands"] = bands
    cellmap["$.rating_bands"] = f"{_FW_SHEET_BANDS}!A2"

    def read_rows(ws: Any) -> list[tuple[int, dict[str, Any]]]:
        keys = {ws.cell(2, c).value: c for c in range(1, ws.max_column + 1)}
        for key, _, _ in _FW_COLS:
            if key not in keys and key in ("code", "title", "max", "kind"):
                errors.append(ParDeskError("xl.fw_no_key", where=f"{ws.title}!2:2", key=key))
        rows = []
        for r in range(3, ws.max_row + 1):
            row = {k: ws.cell(r, c).value for k, c in keys.items() if isinstance(k, str)}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row.values()):
                continue
            rows.append((r, row))
        return rows

    col_letter = {key: get_column_letter(i) for i, (key, _, _) in enumerate(_FW_COLS, start=1)}

    def leaf_or_node(ws: Any, r: int, row: dict[str, Any], path: str) -> dict[str, Any]:
        sheet = ws.title

        def cell(key: str) -> str:
            return f"{sheet}!{col_letter[key]}{r}"

        cellmap[path] = cell("code")
        for key, json_key in (("code", "code"), ("title", "title"), ("max", "max"), ("kind", "rule"),
                              ("self_scored", "self_scored"), ("can_be_na", "can_be_na"),
                              ("requires_evidence", "requires_evidence"), ("evidence_hints", "evidence_hints"),
                              ("guidance", "guidance")):
            cellmap[f"{path}.{json_key}"] = cell(key)
        cellmap[f"{path}.children"] = cell("code")
        obj: dict[str, Any] = {"code": _fw_text(row.get("code")), "title": _fw_text(row.get("title"))}
        mx = _fw_number(row.get("max"))
        if mx is not None:
            obj["max"] = mx
        kind_text = _fw_text(row.get("kind"))
        if not kind_text:
            return obj
        kind = _KIND_FROM_TEXT.get(kind_text.lower())
        if kind is None:
            errors.append(ParDeskError("xl.fw_kind", where=cell("kind"), value=kind_text,
                                       kinds=", ".join(vi for vi, _ in _KIND_LABELS.values())))
            kind = "manual"
        rule: dict[str, Any] = {"kind": kind}
        rp = f"{path}.rule"
        cellmap[rp] = cell("kind")
        cellmap[rp + ".kind"] = cell("kind")
        for key in ("description", "numerator_label", "denominator_label", "else_points", "zero_denominator",
                    "step", "per_violation", "floor", "violation_label", "tiers", "levels", "rounding"):
            cellmap[f"{rp}.{key}"] = cell(key)
        if _fw_text(row.get("description")):
            rule["description"] = _fw_text(row.get("description"))
        if kind in ("ratio_tiers", "proportional"):
            for key in ("numerator_label", "denominator_label"):
                if _fw_text(row.get(key)):
                    rule[key] = _fw_text(row.get(key))
            zd = _fw_text(row.get("zero_denominator")).lower()
            if zd:
                rule["zero_denominator"] = "zero" if zd in ("0", "zero", "0 điểm", "không điểm") else (
                    "max" if zd in ("max", "tối đa", "toi da", "đủ điểm", "điểm tối đa") else zd)
        if kind == "ratio_tiers":
            tiers = []
            text = _fw_text(row.get("tiers"))
            for i, entry in enumerate(_split_entries(text)):
                m = re.fullmatch(r"(?:≥|>=)?\s*([\d.,]+)\s*%?\s*[:=→]\s*([\d.,]+)", entry)
                if not m:
                    errors.append(ParDeskError("xl.fw_pairs", where=cell("tiers"), what="các mức tỷ lệ",
                                               value=entry, example="100: 2; 80: 1"))
                    continue
                tiers.append({"min_percent": _fw_number(m.group(1)), "points": _fw_number(m.group(2))})
                cellmap[f"{rp}.tiers[{i}]"] = cell("tiers")
            rule["tiers"] = tiers
            if _fw_number(row.get("else_points")) is not None:
                rule["else_points"] = _fw_number(row.get("else_points"))
        if kind == "proportional" and _fw_text(row.get("rounding")):
            parts = [p.strip() for p in re.split(r"[;,\s]+", _fw_text(row.get("rounding"))) if p.strip()]
            rnd: dict[str, Any] = {}
            if parts:
                try:
                    rnd["places"] = int(parts[0])
                except ValueError:
                    rnd["places"] = parts[0]
            if len(parts) > 1:
                rnd["mode"] = parts[1]
            rule["rounding"] = rnd
        if kind == "levels":
            levels = []
            for i, entry in enumerate(_split_entries(_fw_text(row.get("levels")))):
                m = re.fullmatch(r"([^:]+?)\s*:\s*(.+?)\s*=\s*([\d.,]+)", entry, flags=re.S)
                if not m:
                    errors.append(ParDeskError("xl.fw_pairs", where=cell("levels"), what="các mức", value=entry,
                                               example="a: Ban hành đúng hạn = 1"))
                    continue
                levels.append({"id": m.group(1).strip(), "label": m.group(2).strip(),
                               "points": _fw_number(m.group(3))})
                cellmap[f"{rp}.levels[{i}]"] = cell("levels")
            rule["levels"] = levels
        if kind == "manual" and _fw_number(row.get("step")) is not None:
            rule["step"] = _fw_number(row.get("step"))
        if kind == "deductions":
            for key in ("per_violation", "floor"):
                if _fw_number(row.get(key)) is not None:
                    rule[key] = _fw_number(row.get(key))
            if _fw_text(row.get("violation_label")):
                rule["violation_label"] = _fw_text(row.get("violation_label"))
        obj["rule"] = rule
        for key in ("self_scored", "can_be_na", "requires_evidence"):
            b = _fw_bool(row.get(key), cell(key), errors)
            if b is not None:
                obj[key] = b
        hints = _fw_text(row.get("evidence_hints"))
        if hints:
            obj["evidence_hints"] = [h.strip() for h in hints.split("\n") if h.strip()]
        if _fw_text(row.get("guidance")):
            obj["guidance"] = _fw_text(row.get("guidance"))
        return obj

    # The tree
    tree_ws = wb[_FW_SHEET_TREE]
    areas: list[dict[str, Any]] = []
    by_code: dict[str, tuple[dict[str, Any], str]] = {}
    for r, row in read_rows(tree_ws):
        code = _fw_text(row.get("code"))
        parent = _fw_text(row.get("parent"))
        if not parent and "." in code:  # "1.2.3" → "1.2"; undotted codes ("I", "A") are areas
            parent = code.rsplit(".", 1)[0]
        if parent:
            if parent not in by_code:
                errors.append(ParDeskError("xl.fw_parent", where=f"{_FW_SHEET_TREE}!{col_letter['parent']}{r}",
                                           parent=parent))
                continue
            pobj, ppath = by_code[parent]
            kids = pobj.setdefault("children", [])
            jpath = f"{ppath}.children[{len(kids)}]"
            obj = leaf_or_node(tree_ws, r, row, jpath)
            kids.append(obj)
        else:
            jpath = f"$.areas[{len(areas)}]"
            obj = leaf_or_node(tree_ws, r, row, jpath)
            areas.append(obj)
        if "rule" not in obj:
            obj.setdefault("children", [])
        if code:
            by_code.setdefault(code, (obj, jpath))
    raw["areas"] = areas
    cellmap["$.areas"] = f"{_FW_SHEET_TREE}!A3"
    cellmap["$.scale"] = info_cell.get("scale", f"{_FW_SHEET_INFO}!C1")

    for kind, sheet in (("bonus", _FW_SHEET_BONUS), ("penalty", _FW_SHEET_PENALTY)):
        blk: dict[str, Any] = {"title": _fw_text(info.get(f"{kind}_title")), "items": []}
        cap = _fw_number(info.get(f"{kind}_cap"))
        if cap is not None:
            blk["cap"] = cap
        cellmap[f"$.{kind}"] = info_cell.get(f"{kind}_cap", f"{_FW_SHEET_INFO}!C1")
        cellmap[f"$.{kind}.cap"] = info_cell.get(f"{kind}_cap", f"{_FW_SHEET_INFO}!C1")
        cellmap[f"$.{kind}.title"] = info_cell.get(f"{kind}_title", f"{_FW_SHEET_INFO}!C1")
        if sheet in wb.sheetnames:
            ws = wb[sheet]
            for r, row in read_rows(ws):
                jpath = f"$.{kind}.items[{len(blk['items'])}]"
                blk["items"].append(leaf_or_node(ws, r, row, jpath))
        raw[kind] = blk

    try:
        fw = parse_framework(raw, source=path.name)
    except ValidationErrors as exc:
        errors.extend(_remap(e, path.name, cellmap) for e in exc.errors)
        raise ValidationErrors(errors) from None
    if errors:
        raise ValidationErrors(errors)
    return fw


def _remap(err: ParDeskError, source: str, cellmap: Mapping[str, str]) -> ParDeskError:
    """Replace a JSON path in ``err.where`` by the cell the value came from."""
    where = err.where or ""
    prefix = f"{source}: "
    jpath = where[len(prefix):] if where.startswith(prefix) else where
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
