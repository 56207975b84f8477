"""Issue 9, points 1 and 2: an edit lands on the item it was typed for, and a refusal shows the stored value.

Each test drives the real window with real keys and clicks. The class of bug:
a field typed for one item, then a move (Alt+Down, Alt+Up, a tree click, a
search, a click in the Submit / losing / After lists) — the typed value must
be saved to its own item or dropped, never written into the item now shown,
and the field must then show the new item's stored value.
"""

from __future__ import annotations

import pytest
from moves import (
    TAB_AFTER,
    TAB_LOSING,
    TAB_SUBMIT,
    alt_step,
    click_list,
    click_tree,
    search_and_pick,
)
from PySide6.QtCore import Qt
from uitools import type_text

LEAVES = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "2.1.1", "2.1.2", "2.2.1", "T.1", "T.2", "TR.1", "TR.2"]


@pytest.fixture
def seeded(window, idle):
    """Every leaf has its own explanation; some have scores; two were appraised (rows for every list)."""
    ws = window.ctx.workspace
    for code in LEAVES:
        ws.set_explanation(code, f"riêng {code}")
    ws.set_inputs("1.1.1", {"done": False})
    ws.set_inputs("2.1.1", {"violations": 1})
    ws.set_inputs("1.2.2", {"score": "1.5"})
    for code in ("1.1.1", "2.1.1", "1.2.2"):
        ws.record_appraisal(code, 1, "0", comment="xem lại", request_explanation=True)
    window.ctx.refresh()
    idle()
    return window


def stored(ws):
    return {code: (a.inputs, a.not_applicable, a.explanation) for code, a in ws.answers().items()}


def move(window, qtbot, how: str, source: str) -> str:
    """Leave ``source`` by ``how``; the code the window should show now."""
    order = LEAVES
    if how == "alt_down":
        alt_step(window, qtbot, 1)
        return order[order.index(source) + 1]
    if how == "alt_up":
        alt_step(window, qtbot, -1)
        return order[order.index(source) - 1]
    if how == "tree":
        return click_tree(window, qtbot, "2.1.2")
    if how == "search":
        return search_and_pick(window, qtbot, "1.2.1")
    tab = {"submit": TAB_SUBMIT, "losing": TAB_LOSING, "after": TAB_AFTER}[how]
    code = click_list(window, qtbot, tab, 0, avoid=source)
    assert code is not None and code != source
    return code


MOVES = ["alt_down", "alt_up", "tree", "search", "submit", "losing", "after"]


def open_item(window, qtbot, idle, code):
    click_tree(window, qtbot, code)
    idle()
    assert window.leaf.code == code


def assert_shows_stored(window, code):
    ws = window.ctx.workspace
    panel = window.leaf
    a = ws.answer(code)
    assert panel.code == code
    assert panel.explanation.toPlainText() == a.explanation
    assert panel.na_box.isChecked() == a.not_applicable
    ed = panel.editor
    assert ed.code == code
    if hasattr(ed, "numerator"):
        assert (ed.numerator.text(), ed.denominator.text()) == (
            str(a.inputs.get("numerator", "")), str(a.inputs.get("denominator", "")))
    if hasattr(ed, "spin"):
        assert ed.spin.text() == (ed._text(a.inputs.get(ed.key)))


@pytest.mark.parametrize("how", MOVES)
def test_explanation_stays_with_its_item(seeded, qtbot, idle, how):
    window = seeded
    ws = window.ctx.workspace
    source = "1.1.2"
    open_item(window, qtbot, idle, source)
    before = stored(ws)
    qtbot.mouseClick(window.leaf.explanation.viewport(), Qt.MouseButton.LeftButton)
    window.leaf.explanation.moveCursor(window.leaf.explanation.textCursor().MoveOperation.End)
    type_text(window.leaf.explanation, " — đã bổ sung")
    target = move(window, qtbot, how, source)
    idle()
    assert window.leaf.code == target
    assert_shows_stored(window, target)
    after = stored(ws)
    assert after[target] == before[target]  # the item now on screen kept its own explanation
    assert after[source][2] == "riêng 1.1.2 — đã bổ sung"  # the text went to the item it was typed for
    assert {c: v for c, v in after.items() if c != source} == {c: v for c, v in before.items() if c != source}
    # ... and the move after that changes nothing either (the bug wrote into every item passed)
    from moves import TAB_ASSESS, switch_tab
    if window.tabs.currentIndex() != TAB_ASSESS:
        switch_tab(window, qtbot, TAB_ASSESS)
    window.leaf.explanation.setFocus()
    alt_step(window, qtbot, 1 if target != LEAVES[-1] else -1)
    idle()
    assert stored(ws) == after
    assert_shows_stored(window, window.leaf.code)


@pytest.mark.parametrize("how", ["alt_down", "alt_up", "tree", "search", "submit"])
@pytest.mark.parametrize("source,field,typed,expect", [
    ("1.1.2", "numerator", "7", {"numerator": 7, "denominator": 10}),
    ("1.2.2", "spin", "1", {"score": "1"}),
    ("2.1.1", "spin", "3", {"violations": 3}),
    ("1.2.2", "spin", "1,25", None),  # refused: nothing stored, nothing moved to the next item
])
def test_typed_number_stays_with_its_item(seeded, qtbot, idle, how, source, field, typed, expect):
    window = seeded
    ws = window.ctx.workspace
    if source == "1.1.2":
        ws.set_inputs("1.1.2", {"numerator": 9, "denominator": 10})
        window.ctx.refresh()
        idle()
    open_item(window, qtbot, idle, source)
    before = stored(ws)
    box = getattr(window.leaf.editor, field)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, typed)  # no Enter: the move itself must decide where this goes
    target = move(window, qtbot, how, source)
    idle()
    assert window.leaf.code == target
    assert_shows_stored(window, target)
    after = stored(ws)
    assert after[target] == before[target]
    assert after[source][0] == (expect if expect is not None else before[source][0])
    assert {c: v for c, v in after.items() if c != source} == {c: v for c, v in before.items() if c != source}


@pytest.mark.parametrize("how", ["alt_down", "tree", "losing"])
@pytest.mark.parametrize("kind", ["yes_no", "level", "na"])
def test_immediate_editors_land_on_their_item(seeded, qtbot, idle, how, kind):
    """A click saves at once; moving before the save has come back must not redirect it."""
    window = seeded
    ws = window.ctx.workspace
    source = {"yes_no": "1.1.1", "level": "1.2.1", "na": "1.2.2"}[kind]
    open_item(window, qtbot, idle, source)
    before = stored(ws)
    panel = window.leaf
    if kind == "yes_no":
        qtbot.mouseClick(panel.editor.yes, Qt.MouseButton.LeftButton)
    elif kind == "level":
        panel.editor.combo.setFocus()
        qtbot.keyClick(panel.editor.combo, Qt.Key.Key_Down)
    else:
        panel.na_box.setFocus()
        qtbot.keyClick(panel.na_box, Qt.Key.Key_Space)
    target = move(window, qtbot, how, source)  # no waiting for the save
    idle()
    assert_shows_stored(window, target)
    after = stored(ws)
    assert after[target] == before[target]
    assert after[source] != before[source]
    assert {c: v for c, v in after.items() if c != source} == {c: v for c, v in before.items() if c != source}


def test_document_page_pointer_stays_with_its_item(seeded, qtbot, idle, tmp_path):
    """The details dialog edits the link of the item it was opened from, even after moving on."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from parDesk.ui.dialogs.document_dialog import DocumentDialog

    window = seeded
    ws = window.ctx.workspace
    f = tmp_path / "kh.pdf"
    f.write_bytes(b"%PDF-1.4\n% test\n")
    doc = ws.attach("1.1.1", f)
    ws.link("1.1.2", doc.id, "tr. 9")
    window.ctx.refresh()
    idle()
    open_item(window, qtbot, idle, "1.1.1")
    panel = window.leaf
    qtbot.waitUntil(lambda: panel.evidence.model.rowCount() == 1, timeout=3000)
    panel.evidence.select_first()

    def fill() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog) and w.isVisible())
        dlg.page.setFocus()
        dlg.page.selectAll()
        qtbot.keyClicks(dlg.page, "tr. 5")
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, fill)
    qtbot.mouseClick(panel.evidence.edit_btn, Qt.MouseButton.LeftButton)
    window.activateWindow()  # the offscreen platform does not give activation back when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.mouseClick(panel.evidence.table.viewport(), Qt.MouseButton.LeftButton)
    alt_step(window, qtbot, 1)
    idle()
    pages = {(lk.code, lk.document_id): lk.page_ref for lk in ws.links()}
    assert pages[("1.1.1", doc.id)] == "tr. 5"
    assert pages[("1.1.2", doc.id)] == "tr. 9"
    assert window.leaf.code == "1.1.2"
    assert window.leaf.evidence.model.page_of(window.leaf.evidence.model.row_at(0)) == "tr. 9"


# -- point 2: a refused value is said, and the stored one is shown again --------------------------------------

def commit(qtbot, box, typed: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed,words", [
    ("1,25", "Điểm phải theo bước 0,5; đang giữ điểm 1,5"),
    ("2,5", "Điểm phải từ 0 đến 2; đang giữ điểm 1,5"),
    ("3,5", "Điểm phải từ 0 đến 2; đang giữ điểm 1,5"),
    ("abc", "phải là một số"),
    ("1,5x", "phải là một số"),
    ("-1", "đang giữ điểm 1,5"),
])
def test_refused_score_is_said_and_stored_one_shown(seeded, qtbot, idle, typed, words):
    window = seeded
    ws = window.ctx.workspace
    open_item(window, qtbot, idle, "1.2.2")
    box = window.leaf.editor.spin
    commit(qtbot, box, typed)
    idle()
    assert ws.answer("1.2.2").inputs == {"score": "1.5"}
    assert box.text() == "1,5"  # the stored value is back in the box, not what was typed
    assert window.leaf.field_error.isVisible() and words in window.leaf.field_error.text()
    assert window.leaf.score_value.text() == "1,5 / 2"


@pytest.mark.parametrize("field,typed,words", [
    ("numerator", "12", "Số hồ sơ đúng hạn (12) không được lớn hơn tổng số hồ sơ (10)"),
    ("numerator", "ba", "Số hồ sơ đúng hạn phải là số nguyên từ 0 trở lên (đã nhập “ba”)"),
    ("denominator", "10.5", "Tổng số hồ sơ phải là số nguyên"),
    ("denominator", "-4", "Tổng số hồ sơ phải là số nguyên"),
])
def test_refused_counts_use_the_framework_labels(seeded, qtbot, idle, field, typed, words):
    window = seeded
    ws = window.ctx.workspace
    ws.set_inputs("1.1.2", {"numerator": 9, "denominator": 10})
    window.ctx.refresh()
    idle()
    open_item(window, qtbot, idle, "1.1.2")
    ed = window.leaf.editor
    commit(qtbot, getattr(ed, field), typed)
    idle()
    assert ws.answer("1.1.2").inputs == {"numerator": 9, "denominator": 10}
    assert (ed.numerator.text(), ed.denominator.text()) == ("9", "10")
    text = window.leaf.field_error.text()
    assert words in text and "đang giữ giá trị đã lưu (số hồ sơ đúng hạn: 9; tổng số hồ sơ: 10)" in text


def test_refusal_in_english(seeded, qtbot, idle):
    window = seeded
    window.set_language("en")
    idle()
    open_item(window, qtbot, idle, "1.2.2")
    commit(qtbot, window.leaf.editor.spin, "1.25")
    idle()
    assert "The score must be in steps of 0.5; keeping the score 1.5" in window.leaf.field_error.text()
    assert window.leaf.editor.spin.text() == "1.5"


def test_not_applicable_is_a_word_and_leaves_the_maximum(seeded, qtbot, idle):
    """Issue 9 point 5 (window side): "Không áp dụng", never "0 / 2", and the screen says the maximum shrinks."""
    window = seeded
    open_item(window, qtbot, idle, "1.2.2")
    panel = window.leaf
    panel.na_box.setFocus()
    qtbot.keyClick(panel.na_box, Qt.Key.Key_Space)
    idle()
    assert window.ctx.workspace.answer("1.2.2").not_applicable
    assert panel.score_value.text() == "Không áp dụng"
    assert "không tính vào điểm tối đa" in panel.problems.text() and "2 điểm" in panel.problems.text()
    from parDesk.ui.models.tree import Col
    assert window.tree.model.index_for("1.2.2", Col.SCORE).data() == "Không áp dụng"
