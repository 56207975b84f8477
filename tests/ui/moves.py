"""The ways a person moves between items, as real key and mouse events (shared by the window's tests).

Each function moves the window to an item the way a person would and returns
the code the window should now show. Nothing here calls the window's own
navigation methods: keys go through the shortcut map, clicks land on rows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

TAB_ASSESS, TAB_LIBRARY, TAB_LOSING, TAB_SUBMIT, TAB_AFTER = range(5)


def focused(window) -> QWidget:
    return QApplication.focusWidget() or window


def alt_step(window, qtbot, delta: int) -> None:
    """Alt+Down / Alt+Up from wherever the keyboard focus is (the Go menu's shortcut)."""
    key = Qt.Key.Key_Down if delta > 0 else Qt.Key.Key_Up
    qtbot.keyClick(focused(window), key, Qt.KeyboardModifier.AltModifier)


def switch_tab(window, qtbot, index: int) -> None:
    """Ctrl+1 … Ctrl+5."""
    qtbot.keyClick(focused(window), getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == index, timeout=3000)


def click_row(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "row not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_tree(window, qtbot, code: str) -> str:
    """A click on the item's row in the tree (its parents opened first, as a person would)."""
    if window.tabs.currentIndex() != TAB_ASSESS:
        switch_tab(window, qtbot, TAB_ASSESS)
    tree = window.tree
    idx = tree.proxy.mapFromSource(tree.model.index_for(code))
    assert idx.isValid(), code
    parent = idx.parent()
    while parent.isValid():
        tree.view.expand(parent)
        parent = parent.parent()
    click_row(qtbot, tree.view, idx)
    return code


def search_and_pick(window, qtbot, code: str) -> str:
    """Ctrl+F, type the code, click the item among the results, then Escape clears the search."""
    qtbot.keyClick(focused(window), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    tree = window.tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree.search, timeout=3000)
    qtbot.keyClicks(tree.search, code)
    src = tree.model.index_for(code)
    qtbot.waitUntil(lambda: not tree._search_timer.isActive() and tree.proxy.mapFromSource(src).isValid(),
                    timeout=3000)
    idx = tree.proxy.mapFromSource(src)
    parent = idx.parent()
    while parent.isValid():
        tree.view.expand(parent)
        parent = parent.parent()
    click_row(qtbot, tree.view, idx)
    tree.search.setFocus()
    qtbot.keyClick(tree.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tree._search_timer.isActive(), timeout=3000)  # the filter is gone again
    return code


def click_list(window, qtbot, tab: int, row: int, avoid: str = "") -> str | None:
    """A click on a row of the Submit tab's problems, the "where we lose points" list or the After tab.

    The row is ``row`` (modulo the rows there), skipping rows of ``avoid``; None when no row fits.
    """
    switch_tab(window, qtbot, tab)
    view = {TAB_SUBMIT: window.submit.table, TAB_LOSING: window.losing.table, TAB_AFTER: window.after.table}[tab]
    model = view.model()
    qtbot.waitUntil(lambda: view.isVisible(), timeout=3000)
    rows = [r for r in range(model.rowCount()) if model.code_at(r) != avoid]
    if not rows:
        return None
    pick = rows[row % len(rows)]
    code = model.code_at(pick)
    click_row(qtbot, view, model.index(pick, 0))
    return code
