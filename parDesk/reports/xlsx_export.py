"""The scoring table as a *working* workbook ("Chấm điểm").

Every sub-criterion's score is a formula of the input cells next to it
(yes/no, counts, level, manual score, violations); subtotals, the bonus and
penalty caps, the total, the unit's maximum, the percentage and the rating are
formulas too — change a count in Excel or LibreOffice and the total follows,
to exactly the figures parDesk computes (:mod:`.xlsx_formulas`). A second
sheet lists the evidence, a third says how to fill the sheet in; a hidden
fourth lists each levels rule's names for the "Mức" drop-down.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from parDesk.i18n import ParDeskError
from parDesk.models.framework import Framework, Leaf, Node
from parDesk.numfmt import fmt_date, fmt_score
from parDesk.reports._common import ReportResult, issuing_body, read_snapshot
from parDesk.reports.xlsx_common import (
    _COL,
    _COLUMNS,
    _FILL_AREA,
    _FILL_INPUT,
    _FILL_OFF,
    _FONT,
    _INPUT_OF_KIND,
    _INPUTS,
    _L,
    FIRST_ROW,
    HASH_NAME,
    HEAD_ROW,
    HEAD_ROW_KEYS,
    SHEET_EVIDENCE,
    SHEET_HELP,
    SHEET_LISTS,
    SHEET_SCORES,
    _num,
    _parse_iso,
    _save,
    _style_cell,
    rule_summary,
)
from parDesk.reports.xlsx_formulas import (
    NA_WORD,
    NO,
    YES,
    capped_formula,
    framework_places,
    literal,
    max_applicable_formula,
    percent_formula,
    rating_formula,
    score_formula,
    sum_formula,
    total_formula,
)

__all__ = ["export_xlsx"]


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
    ws = wb.worksheets[0]
    ws.title = SHEET_SCORES
    _ScoresWriter(ws, wb, view, framework, lang).write()
    _write_evidence(wb.create_sheet(SHEET_EVIDENCE), view, lang)
    _write_answers_help(wb.create_sheet(SHEET_HELP), lang)
    if SHEET_LISTS in wb.sheetnames:  # the hidden list of level names goes last
        wb.move_sheet(SHEET_LISTS, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(SHEET_LISTS))
    return _save(wb, out_path)


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
                        wrap=key in _WRAPPED,
                        align="center" if key in ("max", "score", "max_applicable", "appraised") + _INPUTS
                        else "left", fill=fill)
        self.ws.cell(r, _COL["code"]).number_format = "@"
        self.ws.cell(r, _COL["level"]).number_format = "@"
        self._input_validation(leaf, r, used_inputs, level_refs)
        self.ws.row_dimensions[r].height = _row_height(values)
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


_WRAPPED = ("title", "how", "evidence", "explanation", "comment", "level", "score")
_LINE_HEIGHT = 15.0  # points per line of 11 pt text


def _row_height(values: Mapping[str, Any]) -> float:
    """A row tall enough for its wrapped text: Excel and LibreOffice do not grow a row written by a program."""
    widths = {key: width for key, _, _, width in _COLUMNS}
    lines = 1
    for key in _WRAPPED:
        text = values.get(key)
        if not isinstance(text, str) or text.startswith("="):
            continue
        per_line = max(1.0, widths[key] * 1.3)  # characters of Times 11 pt per unit of column width
        lines = max(lines, sum(max(1, -(-len(part) // int(per_line))) for part in text.split("\n")))
    return min(409.0, lines * _LINE_HEIGHT)


def _to_dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _vn_date(iso: str) -> str:

    return fmt_date(iso)


def _doc_line(doc: Mapping[str, Any]) -> str:

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


def _write_answers_help(ws: Any, lang: str) -> None:
    lines_vi = [
        "HƯỚNG DẪN NHẬP SỐ LIỆU",
        "1. Chỉ nhập vào các ô màu vàng của trang \"Chấm điểm\":",
        "   - cột E \"Có/Không\": chọn Có hoặc Không;",
        "   - cột F, G \"Tử số\", \"Mẫu số\": số nguyên không âm, tử số không lớn hơn mẫu số;",
        "   - cột H \"Mức\": chọn tên mức trong danh sách (hoặc gõ tên hay mã mức, xem cột \"Cách chấm\");",
        "   - cột I \"Số vi phạm\": số nguyên không âm;",
        "   - cột J \"Điểm nhập tay\": điểm từ 0 đến điểm tối đa, đúng bước điểm.",
        ("2. Cột \"Điểm tự chấm\", điểm từng tiêu chí, lĩnh vực, tổng điểm, tỷ lệ và xếp loại được tính bằng "
        "công thức, đúng như parDesk tính (tiêu chí không áp dụng và mục điều tra xã hội học chưa có điểm không tính "
        "vào điểm tối đa của đơn vị)."),
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

