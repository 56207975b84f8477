"""The window fits the screens communes have (issue 9, point 8).

It opens inside the screen's available area, remembers its size and position, is fitted back when
the remembered place is off the current screen, and at 1024×600 the header, the problem list and
every Submit button stay reachable.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QApplication, QLabel


def _open(ctx, qtbot):
    from parDesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _area(win) -> QRect:
    return (win.screen() or QApplication.primaryScreen()).availableGeometry()


def test_first_opening_is_inside_the_available_area(ctx, qtbot, idle):
    win = _open(ctx, qtbot)
    area = _area(win)
    assert area.contains(win.frameGeometry()), (win.frameGeometry(), area)
    assert win.width() <= area.width() and win.height() <= area.height()
    assert win.minimumWidth() <= area.width() and win.minimumHeight() <= area.height()
    idle()


@pytest.mark.parametrize("saved", [QRect(3000, 2000, 1280, 800), QRect(-900, -700, 1000, 700),
                                   QRect(0, 0, 4000, 3000)])
def test_a_remembered_place_off_this_screen_is_fitted(ctx, qtbot, idle, saved):
    first = _open(ctx, qtbot)
    first.setGeometry(saved)  # as it was on a larger monitor
    ctx.window_state.save_bytes("geometry", first.saveGeometry())
    first.hide()
    win = _open(ctx, qtbot)
    assert _area(win).contains(win.frameGeometry()), (win.frameGeometry(), _area(win))
    idle()


def test_size_and_position_are_remembered(ctx, qtbot, idle):
    win = _open(ctx, qtbot)
    area = _area(win)
    wanted = QRect(area.left() + 30, area.top() + 60, min(700, area.width() - 60), min(480, area.height() - 120))
    win.setGeometry(wanted)
    qtbot.wait(20)
    before = win.geometry()
    win.close()
    assert isinstance(ctx.window_state.load_bytes("geometry"), QByteArray)
    from parDesk.ui.main_window import MainWindow

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == before.size()
    assert again.geometry().topLeft() == before.topLeft()
    again.ctx.runner.shutdown()


def _cut_labels(widget):
    cut = []
    for label in widget.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.height() + 1 < label.heightForWidth(label.width()):
                cut.append((label.text(), "height", label.height(), label.heightForWidth(label.width())))
        elif label.width() + 1 < label.sizeHint().width():
            cut.append((label.text(), "width", label.width(), label.sizeHint().width()))
    return cut


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_at_1024x600_nothing_in_the_header_is_cut(window, qtbot, idle, lang):
    window.set_language(lang)
    idle()
    window.resize(1024, 560)  # 600 less a task bar
    qtbot.wait(50)
    assert not _cut_labels(window.totals), _cut_labels(window.totals)
    assert window.totals.geometry().right() <= window.width()
    assert window.menu_lang.title()


def test_at_1024x600_the_problem_list_and_every_submit_button_are_usable(window, qtbot, idle):
    from parDesk.ui.main_window import TAB_SUBMIT

    window.resize(1024, 560)
    window.tabs.setCurrentIndex(TAB_SUBMIT)
    idle()
    qtbot.wait(50)
    submit = window.submit
    table = submit.table
    if table.isVisible() and table.model().rowCount():
        rows = table.viewport().height() // max(1, table.rowHeight(0))
        assert rows >= 5, f"the problem list shows only {rows} rows"
    for button in (submit.sign_btn, submit.send_btn, submit.register_btn, submit.usb_btn, submit.xlsx_btn,
                   submit.reopen_btn):
        submit.lower_part.ensureWidgetVisible(button)
        qtbot.wait(10)
        top_left = button.mapTo(submit.lower_part.viewport(), button.rect().topLeft())
        assert submit.lower_part.viewport().rect().contains(QRect(top_left, button.size())), button.text()


def test_at_1024x600_the_evidence_section_is_reachable(window, qtbot, idle):
    window.resize(1024, 560)
    idle()
    evidence = window.leaf.evidence
    scroll = evidence.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    assert scroll is not None, "the item panel scrolls"
    scroll.ensureWidgetVisible(evidence, 0, 0)
    qtbot.wait(20)
    pos = evidence.mapTo(scroll.viewport(), evidence.rect().topLeft())
    assert scroll.viewport().rect().contains(pos), pos
