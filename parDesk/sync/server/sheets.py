"""Spreadsheets the province already works with: appraisal results in, every unit's totals out."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from parDesk.i18n import ParDeskError, register
from parDesk.sync import strict

MAX_JSON_FILE = 64 * 1024 * 1024

register({
    "sheet.no_header": ("không thấy dòng tiêu đề có cột {columns}", "no header row with columns {columns}"),
    "sheet.unreadable": ("không đọc được tệp: {detail}", "cannot read the file: {detail}"),
})

# header aliases (Vietnamese and English) → field
ALIASES = {
    "unit_code": ("unit_code", "unit", "mã đơn vị", "ma don vi", "mã xã"),
    "code": ("code", "mã", "mã tiêu chí", "ma tieu chi", "tiêu chí"),
    "round": ("round", "vòng", "vong", "vòng thẩm định"),
    "score": ("score", "điểm", "diem", "điểm thẩm định"),
    "comment": ("comment", "nhận xét", "nhan xet", "ghi chú"),
    "request_explanation": ("request_explanation", "yêu cầu giải trình", "giải trình bổ sung", "yeu cau giai trinh"),
}


def _field_for(header: Any) -> str | None:
    text = str(header or "").strip().lower()
    for field, names in ALIASES.items():
        if text in names:
            return field
    return None


def read_appraisals(path: Path) -> list[dict[str, Any]]:
    """Rows from a JSON list (or {"results": [...]}) or an XLSX sheet with a header row."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = strict.loads(path.read_bytes(), max_bytes=MAX_JSON_FILE)
        except (OSError, ValueError) as exc:
            raise ParDeskError("sheet.unreadable", where=str(path), detail=str(exc)[:120]) from None
        found_rows = data.get("results", []) if isinstance(data, dict) else data
        if not isinstance(found_rows, list):
            raise ParDeskError("sheet.unreadable", where=str(path), detail="expected a list")
        return found_rows
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ParDeskError("sheet.unreadable", where=str(path), detail=str(exc)[:120]) from None
    ws = wb.active  # the sheet the person left open when saving
    if ws is None:
        raise ParDeskError("sheet.no_header", where=str(path), columns="unit_code, code, round, score")
    rows: list[dict[str, Any]] = []
    columns: dict[int, str] | None = None
    for values in ws.iter_rows(values_only=True):
        if columns is None:
            found = {i: f for i, v in enumerate(values) if (f := _field_for(v))}
            if {"unit_code", "code"} <= set(found.values()):
                columns = found
            continue
        if not any(v not in (None, "") for v in values):
            continue
        rows.append({f: values[i] for i, f in columns.items() if i < len(values)})
    wb.close()
    if columns is None:
        raise ParDeskError("sheet.no_header", where=str(path), columns="unit_code, code, round, score")
    return rows


def export_totals(service: Any, dest: str | Path | IO[bytes], year: int | None = None) -> int:
    """One sheet: every unit, its latest accepted version, totals, rating, appraisal progress."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows = [r.to_json() for r in service.registry.units_status(year)]
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook has exactly one sheet
    ws.title = "Tổng hợp"
    headers = ["Mã đơn vị", "Tên đơn vị", "Trạng thái", "Đã nộp", "Phiên bản", "Thời điểm nhận", "Kênh",
               "Tổng điểm tự chấm", "Điểm tối đa áp dụng", "Tỷ lệ (%)", "Xếp loại", "Số mục đã thẩm định",
               "Số yêu cầu giải trình", "Mã băm gói (SHA-256)"]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)

    def num(value: Any) -> Any:
        try:
            return float(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return value

    for r in rows:
        ws.append([r["unit_code"], r["name"], r["status"], "có" if r["submitted"] else "chưa", r["version"],
                   r["received_at"], r["channel"], num(r["total"]), num(r["max_applicable"]), num(r["percent"]),
                   r["rating"], r["appraised_items"], r["explanation_requests"], r["package_sha256"]])
    for col, width in zip("ABCDEFGHIJKLMN", (10, 36, 10, 8, 9, 22, 6, 12, 12, 10, 12, 10, 10, 66), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(dest)
    return len(rows)
