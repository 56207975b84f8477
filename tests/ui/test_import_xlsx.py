"""Importing answers filled in offline in Excel: every cell checked, a dry run, then all or nothing."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QMessageBox


def _set_cell(path, code, key, value):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Chấm điểm"]
    key_row = next(r for r in range(1, 41) if ws.cell(r, 1).value == "pd:code")
    cols = {ws.cell(key_row, c).value: c for c in range(1, ws.max_column + 1)}
    code_col = next(c for c in range(1, ws.max_column + 1)
                    if any(ws.cell(r, c).value == code for r in range(key_row + 1, ws.max_row + 1)))
    row = next(r for r in range(key_row + 1, ws.max_row + 1) if ws.cell(r, code_col).value == code)
    ws.cell(row, cols["pd:" + key]).value = value
    wb.save(path)


def _export(ws, path):
    from parDesk.reports import export_xlsx
    from parDesk.snapshot import build_snapshot

    export_xlsx(build_snapshot(ws), path, ws.framework)


def test_import_shows_the_changes_then_applies_them(window, idle, tmp_path, monkeypatch):
    ws = window.ctx.workspace
    path = tmp_path / "bang-diem.xlsx"
    _export(ws, path)
    _set_cell(path, "1.2.2", "score_input", "1,5")
    shown = []

    def fake_exec(box):
        shown.append((box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.submit.import_xlsx(path)
    idle()
    assert shown and "1.2.2" in shown[0][1]
    assert ws.answer("1.2.2").score == Decimal("1.5")
    assert window.ctx.hub.summary.totals.leaf_scores["1.2.2"] == Decimal("1.5")
    assert ws.audit(limit=1)[0].action.startswith("import")


def test_a_bad_cell_imports_nothing_and_names_the_cell(window, idle, tmp_path, monkeypatch):
    ws = window.ctx.workspace
    path = tmp_path / "bang-diem.xlsx"
    _export(ws, path)
    _set_cell(path, "1.1.2", "numerator", 7)
    _set_cell(path, "1.1.2", "denominator", 10)
    _set_cell(path, "1.2.2", "score_input", "0,3")  # off the 0,5 step
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    window.submit.import_xlsx(path)
    idle()
    assert shown and "Chấm điểm!" in shown[0]
    assert ws.answer("1.1.2").inputs == {} and ws.answer("1.2.2").inputs == {}
