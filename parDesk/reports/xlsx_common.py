"""What the three spreadsheet modules share: sheet names, columns, styles, saving, cell reading.

parDesk speaks XLSX in three ways, one module each: :mod:`.xlsx_export` (the
scoring table as a live workbook), :mod:`.xlsx_import` (answers typed into it,
back into parDesk) and :mod:`.xlsx_framework` (a province's framework from the
documented template). The export and the import must agree on every column
and every word a cell may hold, so those live here, once.

Workbooks are written with fixed zip timestamps, so the same data gives the
same bytes (committed templates diff cleanly, packages hash stably).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date as _date
from datetime import datetime as _datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from parDesk.i18n import ParDeskError, register
from parDesk.models.framework import Leaf
from parDesk.numfmt import fmt_score
from parDesk.reports._common import ReportResult, atomic_write, normalize_zip
from parDesk.reports.xlsx_formulas import NO_WORDS, YES_WORDS

SHEET_SCORES = "Chấm điểm"
SHEET_EVIDENCE = "Tài liệu kiểm chứng"
SHEET_HELP = "Hướng dẫn"
SHEET_LISTS = "Danh mục mức"
HASH_NAME = "parDesk_framework_hash"

register({
    "xl.framework_mismatch": ("dữ liệu đánh giá thuộc bộ chỉ số {snapshot}, không phải {framework}",
                              "the snapshot belongs to framework {snapshot}, not {framework}"),
    "xl.unreadable": ("không mở được bảng tính: {reason}", "cannot open the spreadsheet: {reason}"),
    "xl.not_xlsx": (("tệp này không phải bảng tính Excel (.xlsx) hoặc đã bị hỏng; hãy mở bằng Excel hoặc "
                    "LibreOffice và lưu lại dưới dạng .xlsx"),
                    ("this file is not an Excel workbook (.xlsx) or it is damaged; open it in Excel or LibreOffice "
                    "and save it as .xlsx")),
    "xl.old_xls": ("đây là tệp Excel đời cũ (.xls); hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx",
                   "this is an old Excel file (.xls); open it in Excel or LibreOffice and save it as .xlsx"),
    "xl.fw_not_text": ("tệp này không phải bộ chỉ số: cần tệp JSON (mã UTF-8) hoặc mẫu bảng tính .xlsx của parDesk",
                       "this file is not a framework: parDesk reads a JSON file (UTF-8) or its .xlsx template"),
    "xl.no_sheet": ("không có trang tính {sheet!r}", "there is no sheet {sheet!r}"),
    "xl.no_columns": (("không tìm thấy hàng tiêu đề của parDesk (hàng ẩn có các ô 'pd:…'); hãy dùng bảng tính "
                      "xuất từ parDesk"), ("cannot find parDesk's column keys (the hidden 'pd:…' row); use a "
                      "workbook exported by parDesk")),
    "xl.missing_column": ("thiếu cột {column}", "the column {column} is missing"),
    "xl.hash_mismatch": ("bảng tính được xuất cho bộ chỉ số khác (mã băm {found}…, cần {expected}…)",
                         "the workbook was exported for another framework (hash {found}…, expected {expected}…)"),
    "xl.hash_missing": ("không thấy mã băm bộ chỉ số trong bảng tính", "the framework hash is missing"),
    "xl.unknown_code": ("mã {code!r} không có trong bộ chỉ số", "code {code!r} is not in the framework"),
    "xl.duplicate_code": ("mã {code!r} xuất hiện lần thứ hai (lần đầu ở hàng {first})",
                          "code {code!r} appears a second time (first on row {first})"),
    "xl.node_input": ("{code} là dòng tổng hợp, không nhập số liệu ở đây",
                      "{code} is a subtotal row; enter nothing here"),
    "xl.unused_cell": ("cột này không dùng cho mục {code} (cách chấm: {how})",
                       "this column is not used by item {code} (scored by: {how})"),
    "xl.survey_input": ("mục {code} do tỉnh chấm (điều tra xã hội học), xã không nhập",
                        "item {code} is scored by the province (survey); the commune enters nothing"),
    "xl.formula_input": (("ô nhập liệu chứa công thức chưa được tính; hãy mở và lưu lại bằng Excel/LibreOffice "
                         "hoặc nhập giá trị"), ("an input cell holds a formula with no computed value; open and save "
                         "the file in Excel/LibreOffice, or type the value")),
    "xl.score_overwritten": ("cột Điểm tự chấm được tính tự động; nhập số liệu vào cột {column} thay vì ghi đè",
                             ("the self-score column is computed; enter the data in column {column} instead of "
                             "overwriting it")),
    "xl.not_yes_no": ("phải là \"Có\" hoặc \"Không\", không phải {value!r}",
                      "must be \"Có\" or \"Không\", not {value!r}"),
    "xl.not_count": ("phải là số nguyên không âm, không phải {value!r}", "must be a whole number ≥ 0, not {value!r}"),
    "xl.not_number": ("phải là số, không phải {value!r}", "must be a number, not {value!r}"),
    "xl.level": ("mức {value!r} không có; các mức hợp lệ: {levels}", "level {value!r} does not exist; valid: {levels}"),
    "xl.incomplete": ("thiếu {field} (đã nhập {other})", "{field} is missing ({other} is filled in)"),
    "xl.num_over_den": ("tử số {num} lớn hơn mẫu số {den}",
                        "the numerator {num} is larger than the denominator {den}"),
    "xl.fw_parent": ("mã cấp trên {parent!r} không có ở các hàng phía trên",
                     "parent code {parent!r} is not defined above"),
    "xl.fw_kind": ("cách chấm không rõ: {value!r} (hợp lệ: {kinds})",
                   "unknown scoring kind: {value!r} (valid: {kinds})"),
    "xl.fw_pairs": ("không đọc được {what}: {value!r} (mẫu: {example})",
                    "cannot read {what}: {value!r} (e.g. {example})"),
    "xl.fw_bool": ("phải là Có hoặc Không, không phải {value!r}", "must be Có or Không, not {value!r}"),
    "xl.fw_no_key": ("thiếu cột khóa {column!r} ở hàng 2", "key column {column!r} is missing from row 2"),
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
    ("level", "Mức", "Level", 16),  # holds a level's name, picked from the drop-down
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
        return f"{f(leaf.max)} × {r.numerator_label}/{r.denominator_label}"
    if r.kind == "levels":
        return "; ".join(f"{lv.id}: {lv.label} ({f(lv.points)})" for lv in r.levels)
    if r.kind == "manual":
        return (f"Nhập điểm 0–{f(leaf.max)}, bước {f(r.step)}" if vi
                else f"Type a score 0–{f(leaf.max)}, step {f(r.step)}")
    if r.kind == "deductions":
        return (f"{r.violation_label}: trừ {f(r.per_violation)}/lần, tối thiểu {f(r.floor)}" if vi
                else f"{r.violation_label}: −{f(r.per_violation)} each, floor {f(r.floor)}")
    return "Do tỉnh chấm (điều tra xã hội học)" if vi else "Scored by the province (survey)"



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


def _parse_iso(value: Any) -> _date | None:
    try:
        return _date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


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



def open_workbook(path: Path, *, data_only: bool) -> Any:
    """Open a workbook, or refuse it with a sentence a person understands (not a zip error).

    Read from the bytes, so a workbook whose name does not end in .xlsx (saved as .json by
    mistake, or a temporary file) opens too: openpyxl would refuse it by its extension.
    """
    try:
        return load_workbook(io.BytesIO(path.read_bytes()), data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError):
        raise ParDeskError("xl.not_xlsx", where=path.name) from None
    except OSError as exc:
        raise ParDeskError("xl.unreadable", where=path.name, reason=exc.strerror or str(exc)) from None
    except Exception as exc:
        raise ParDeskError("xl.unreadable", where=path.name, reason=type(exc).__name__) from None
