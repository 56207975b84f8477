"""The Edit menu names what Ctrl+Z takes back, and an Excel import is one Ctrl+Z."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_import_xlsx import _export, _set_cell


def test_one_ctrl_z_takes_back_a_whole_excel_import(window, qtbot, idle, tmp_path, monkeypatch):
    ws = window.ctx.workspace
    ws.set_score("1.2.2", "0,5")  # answered before the import: undo must restore it, not clear it
    window.ctx.refresh()
    idle()
    path = tmp_path / "bang-diem.xlsx"
    _export(ws, path)
    _set_cell(path, "1.2.2", "score_input", "1,5")
    _set_cell(path, "1.1.2", "numerator", 9)
    _set_cell(path, "1.1.2", "denominator", 10)
    _set_cell(path, "2.1.1", "violations", 1)
    before = {c: a.inputs for c, a in ws.answers().items()}
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Ok)
    window.submit.import_xlsx(path)
    idle()
    after = {c: a.inputs for c, a in ws.answers().items()}
    changed = sorted(c for c in after if after[c] != before[c])
    assert changed == ["1.1.2", "1.2.2", "2.1.1"]
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Nhập từ Excel (3 mục)"
    window.tree.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle()
    assert {c: a.inputs for c, a in ws.answers().items()} == before  # every value, in one key press
    assert ws.answer("1.2.2").score == Decimal("0.5")
    assert window.ctx.hub.summary.totals.leaf_scores["1.2.2"] == Decimal("0.5")
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Chấm điểm mục 1.2.2"
    assert window.act_redo.text().replace("&", "") == "Làm lại: Nhập từ Excel (3 mục)"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    idle()
    assert {c: a.inputs for c, a in ws.answers().items()} == after


def test_the_menu_names_follow_the_language(window, idle):
    ws = window.ctx.workspace
    window.ctx.edit(lambda w: w.set_explanation("1.1.1", "Đã ban hành"))
    idle()
    assert window.act_undo.text().replace("&", "") == "Hoàn tác: Sửa giải trình mục 1.1.1"
    window.set_language("en")
    idle()
    assert window.act_undo.text().replace("&", "") == "Undo: Edit the explanation of item 1.1.1"
    window.ctx.edit(lambda w: w.undo())
    idle()
    assert window.act_undo.text().replace("&", "") == "Undo" and not window.act_undo.isEnabled()
    assert ws.answer("1.1.1").explanation == ""
