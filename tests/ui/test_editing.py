"""Typing into the leaf panel: the core saves at once, the score, tree and totals follow; errors change nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uitools import type_into, type_text

from parDesk.ui.models.tree import Col, StatusRole
from parDesk.ui.widgets.rule_inputs import LevelEditor, ManualEditor, RatioEditor, YesNoEditor


def open_leaf(window, code, idle):
    window.show_leaf(code)
    idle()
    assert window.leaf.code == code
    return window.leaf


def test_ratio_inputs_update_score_tree_and_totals(window, qtbot, idle):
    ws = window.ctx.workspace
    panel = open_leaf(window, "1.1.2", idle)
    editor = panel.editor
    assert isinstance(editor, RatioEditor)
    type_into(qtbot, editor.numerator, "95")
    idle()
    assert panel.hint.isVisible()  # half filled: a hint, nothing saved
    assert ws.answer("1.1.2").inputs == {}
    type_into(qtbot, editor.denominator, "100")
    idle()
    assert ws.answer("1.1.2").inputs == {"numerator": 95, "denominator": 100}
    assert panel.score_value.text() == "1 / 2"
    tree = window.tree.model
    assert tree.index_for("1.1.2", Col.SCORE).data() == "1 / 2"
    assert tree.index_for("1.1", Col.SCORE).data() == "1 / 6"
    assert window.totals.total.value.text() == "1 / 16"  # survey points leave the unit's maximum until filled
    assert window.totals.complete.value.text().startswith("1/7")
    type_into(qtbot, editor.numerator, "100")
    idle()
    assert panel.score_value.text() == "2 / 2"
    assert window.totals.total.value.text() == "2 / 16"
    assert window.totals.percent.value.text() == "12,5%"


def test_bad_value_shows_message_and_changes_nothing(window, qtbot, idle):
    ws = window.ctx.workspace
    ws_before = ws.answer("1.1.2")
    panel = open_leaf(window, "1.1.2", idle)
    type_into(qtbot, panel.editor.denominator, "10")
    type_into(qtbot, panel.editor.numerator, "12")
    idle()
    assert panel.field_error.isVisible()
    assert "12" in panel.field_error.text() and "10" in panel.field_error.text()
    assert "lớn hơn" in panel.field_error.text()  # the core's message, in Vietnamese
    assert ws.answer("1.1.2").inputs == ws_before.inputs == {}
    assert panel.score_value.text() == "— / 2"
    # The refused pair is not left on screen: the stored (empty) values are back, and the message says so.
    assert (panel.editor.numerator.text(), panel.editor.denominator.text()) == ("", "")
    assert "đang giữ" in panel.field_error.text()
    type_into(qtbot, panel.editor.denominator, "10")
    type_into(qtbot, panel.editor.numerator, "9")
    idle()
    assert not panel.field_error.isVisible()
    assert ws.answer("1.1.2").inputs == {"numerator": 9, "denominator": 10}


def test_manual_score_accepts_vietnamese_decimal_and_refuses_off_step(window, qtbot, idle):
    ws = window.ctx.workspace
    panel = open_leaf(window, "1.2.2", idle)
    assert isinstance(panel.editor, ManualEditor)
    type_into(qtbot, panel.editor.spin, "1,5")
    idle()
    assert ws.answer("1.2.2").inputs == {"score": "1.5"}
    assert panel.score_value.text() == "1,5 / 2"
    type_into(qtbot, panel.editor.spin, "0,3")
    idle()
    assert panel.field_error.isVisible() and "0,5" in panel.field_error.text()
    assert ws.answer("1.2.2").inputs == {"score": "1.5"}


def test_yes_no_level_and_not_applicable(window, qtbot, idle):
    ws = window.ctx.workspace
    panel = open_leaf(window, "1.1.1", idle)
    assert isinstance(panel.editor, YesNoEditor)
    qtbot.mouseClick(panel.editor.yes, Qt.MouseButton.LeftButton)
    idle()
    assert ws.answer("1.1.1").inputs == {"done": True}
    assert panel.score_value.text() == "2 / 2"
    panel = open_leaf(window, "1.2.1", idle)
    assert isinstance(panel.editor, LevelEditor)
    combo = panel.editor.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first real level
    idle()
    assert ws.answer("1.2.1").inputs == {"level": "a"}
    panel = open_leaf(window, "1.2.2", idle)
    assert panel.na_box.isVisible()
    panel.na_box.setFocus()
    qtbot.keyClick(panel.na_box, Qt.Key.Key_Space)
    idle()
    assert ws.answer("1.2.2").not_applicable
    assert window.tree.model.index_for("1.2.2").data(StatusRole) == "not_applicable"
    panel = open_leaf(window, "1.1.2", idle)
    assert not panel.na_box.isVisible()  # this item cannot be declared not applicable


def test_explanation_saved_without_a_button(window, qtbot, idle):
    ws = window.ctx.workspace
    panel = open_leaf(window, "1.1.3", idle)
    panel.explanation.setFocus()
    type_text(panel.explanation, "Đã số hóa toàn bộ hồ sơ")
    qtbot.waitUntil(lambda: ws.answer("1.1.3").explanation == "Đã số hóa toàn bộ hồ sơ", timeout=5000)
    type_text(panel.explanation, " năm 2025")
    window.show_leaf("1.1.1")  # leaving the item saves at once
    idle()
    assert ws.answer("1.1.3").explanation == "Đã số hóa toàn bộ hồ sơ năm 2025"


def test_undo_and_redo_restore(window, qtbot, idle):
    ws = window.ctx.workspace
    panel = open_leaf(window, "2.1.1", idle)
    type_into(qtbot, panel.editor.spin, "2")
    idle()
    assert ws.answer("2.1.1").inputs == {"violations": 2}
    assert panel.score_value.text() == "2 / 4"
    assert window.act_undo.isEnabled()
    window.tree.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle()
    assert ws.answer("2.1.1").inputs == {}
    assert panel.score_value.text() == "— / 4"
    assert panel.editor.spin.text() == ""
    assert window.act_redo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    idle()
    assert ws.answer("2.1.1").inputs == {"violations": 2}
    assert panel.editor.spin.text() == "2"


def test_keyboard_navigation_and_search(window, qtbot, idle):
    window.show_leaf("1.1.1")
    idle()
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    idle()
    assert window.leaf.code == "1.1.2"
    qtbot.keyClick(window.tree.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    idle()
    assert window.leaf.code == "1.1.3"
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    idle()
    assert window.leaf.code == "1.1.2"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.tree.search
    qtbot.keyClicks(window.tree.search, "ky luat")
    qtbot.keyClick(window.tree.search, Qt.Key.Key_Return)
    idle()
    assert window.leaf.code == "2.1.1"


def test_every_input_has_an_accessible_name(window, idle):
    for code in ("1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1"):
        window.show_leaf(code)
        idle()
        editor = window.leaf.editor
        for w in editor.findChildren(object):
            if hasattr(w, "accessibleName") and w.isWidgetType() and w.focusPolicy() != Qt.FocusPolicy.NoFocus \
                    and w.isVisible() and not w.objectName().startswith("qt_"):  # Qt's own inner parts
                assert w.accessibleName(), (code, type(w).__name__)
