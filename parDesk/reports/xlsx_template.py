"""The framework template: its sheets and columns, the empty template, a framework written into it.

A province writes its framework in the spreadsheet it already uses; the
documented template (``resources/templates/bo-chi-so-mau.xlsx``, made by
:func:`write_framework_template`) says where each field goes, with drop-down
lists and a help sheet. :func:`framework_to_xlsx` writes a framework into it
(the filled example is made this way) and :mod:`.xlsx_framework` reads it
back to the same hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date as _date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from parDesk.models.framework import Framework, Leaf, Node
from parDesk.numfmt import fmt_score
from parDesk.reports._common import ReportResult
from parDesk.reports.xlsx_common import (
    _FILL_INPUT,
    _FONT,
    _KIND_LABELS,
    SHEET_HELP,
    _num,
    _parse_iso,
    _save,
    _style_cell,
)
from parDesk.reports.xlsx_formulas import NO, YES

__all__ = ["framework_to_xlsx", "write_framework_template"]


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
    ("Tệp gồm các trang: Thông tin, Xếp loại, Chỉ số, Điểm thưởng, Điểm trừ. parDesk đọc tệp này thành bộ chỉ số "
    "và kiểm tra toàn bộ; mỗi lỗi ghi rõ ô cần sửa (ví dụ: Chỉ số!D12)."),
    ("Không sửa, không xóa hàng 2 của các trang Chỉ số / Điểm thưởng / Điểm trừ và cột A của trang Thông tin: "
    "đó là khóa để parDesk đọc."),
    "",
    ("1. Trang \"Thông tin\": điền cột C theo từng dòng (mã, tên, năm, quyết định ban hành, thang điểm, "
    "điểm thưởng / điểm trừ tối đa)."),
    "2. Trang \"Xếp loại\": mỗi dòng một mức, từ cao xuống thấp; cột A là tỷ lệ % tối thiểu; mức cuối cùng là 0.",
    "3. Trang \"Chỉ số\": mỗi dòng một lĩnh vực, tiêu chí hoặc tiêu chí thành phần, theo đúng thứ tự trong phụ lục.",
    ("   - Mã: 1, 1.1, 1.1.1 …; Mã cấp trên: để trống với lĩnh vực; nếu để trống ở dòng khác, parDesk lấy mã bỏ "
    "phần cuối (1.2.3 → 1.2)."),
    ("   - Dòng tổng hợp (lĩnh vực, tiêu chí có tiêu chí con) để trống cột Cách chấm; điểm tối đa phải bằng tổng "
    "điểm tối đa các dòng con."),
    "   - Dòng chấm điểm điền Cách chấm và các cột tương ứng:",
    "       Có/Không — đạt: đủ điểm tối đa, không đạt: 0.",
    ("       Tỷ lệ theo mức — Tên tử số, Tên mẫu số; Các mức tỷ lệ dạng \"100: 2; 80: 1\" (tỷ lệ % tối thiểu: điểm, "
    "từ cao xuống thấp); Điểm khi dưới mức thấp nhất (mặc định 0)."),
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
    help_ws = wb.worksheets[0]
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
