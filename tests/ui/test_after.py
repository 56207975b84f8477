"""After submission: the appraisal table (requests first, highlighted, each row opening its leaf), the
receipts list and the path to answer the province in a new version."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from uitools import wait_idle

from parDesk.ui.changes import AppraisalRow
from parDesk.ui.models.appraisals import (
    AppCol,
    AppraisalModel,
    RecCol,
    ReceiptModel,
    RequestRole,
    appraised_leaves,
    receipt_rows,
)
from parDesk.ui.theme import COLOR_REQUEST_BG

PASSPHRASE = "mật khẩu của xã"


def row(code, rnd, score, comment="", request=False):
    return AppraisalRow(code, rnd, Decimal(score) if score is not None else None, comment, request, "2026-02-01")


def test_appraisal_model_without_a_view(ctx, qtmodeltester):
    fw = ctx.workspace.framework
    appraisals = {
        "1.1.1": (row("1.1.1", 1, "2", "Đạt"),),
        "1.1.3": (row("1.1.3", 1, "0.5", "Thiếu báo cáo quý", True),),
        "2.1.1": (row("2.1.1", 1, "1", "Thiếu", True), row("2.1.1", 2, "2", "Đã giải trình")),
    }
    model = AppraisalModel()
    model.set_rows(appraised_leaves(fw, appraisals, {"1.1.1": Decimal(2), "1.1.3": Decimal("1.5")}))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(AppCol)
    assert [model.code_at(r) for r in range(3)] == ["1.1.3", "1.1.1", "2.1.1"]  # the request first
    assert model.requests() == 1
    first = model.index(0, AppCol.REQUEST)
    assert model.data(first, RequestRole) is True
    assert model.data(first).startswith("Có")
    assert model.data(first, Qt.ItemDataRole.BackgroundRole).color() == QColor(COLOR_REQUEST_BG)
    assert not model.data(model.index(0, AppCol.CODE), Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(model.index(0, AppCol.ROUND1)) == "0,5"  # Vietnamese number format
    assert model.data(model.index(0, AppCol.SELF)).startswith("1,5 / ")
    assert model.data(model.index(0, AppCol.COMMENT)) == "Thiếu báo cáo quý"
    # 2.1.1: round 2 answered the round-1 request, so it is no longer highlighted
    last = model.leaf_at(2)
    assert not last.requested and last.comment == "Đã giải trình"
    assert model.data(model.index(2, AppCol.ROUND1)) == "1" and model.data(model.index(2, AppCol.ROUND2)) == "2"
    assert model.data(model.index(2, AppCol.REQUEST), Qt.ItemDataRole.BackgroundRole) is None


def test_receipt_rows_and_states(language):
    def pkg(i, v):
        return SimpleNamespace(id=i, version=v, sha256=f"{i}" * 64, created_at="2026-01-10T08:00:00+07:00")

    def item(pid, state, **kw):
        return SimpleNamespace(package_id=pid, state=state, percent=kw.get("percent", 0), receipt=kw.get("receipt"),
                               refused_reason=kw.get("reason", ""), last_error="")

    receipt = {"receipt": {"received_at": "2026-01-11T09:30:00+07:00", "receipt_id": "R-7"}}
    rows = receipt_rows([pkg(1, 1), pkg(2, 2), pkg(3, 3), pkg(4, 4)],
                        [item(1, "accepted", receipt=receipt), item(2, "refused", reason="Thiếu chữ ký"),
                         item(3, "uploading", percent=42)])
    model = ReceiptModel()
    model.set_rows(rows)
    states = [model.data(model.index(r, RecCol.STATE)) for r in range(4)]
    assert [model.data(model.index(r, RecCol.VERSION)) for r in range(4)] == ["4", "3", "2", "1"]  # newest first
    assert "USB" in states[0]
    assert "42 %" in states[1]
    assert "Thiếu chữ ký" in states[2]
    assert "11/01/2026" in states[3]
    assert model.data(model.index(3, RecCol.PACKAGE)).startswith("111111111111")


def _sign(ws) -> None:
    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.package.submission import build_submission

    store = IdentityStore(ws.folder / "identity")
    unit = ws.unit()
    store.create(UnitSubject(unit.name, unit.admin_code, unit.province), PASSPHRASE)
    build_submission(ws, store.signer(PASSPHRASE), allow_problems=True)


def test_after_view_rows_highlight_jump_and_new_version(ctx, qtbot, tmp_path):
    from parDesk.ui.features import Features
    from parDesk.ui.main_window import TAB_AFTER, TAB_ASSESS, MainWindow

    ctx.features = Features.detect()
    ws = ctx.workspace
    ws.set_inputs("1.1.1", {"done": True})
    _sign(ws)
    ws.record_appraisal("1.1.1", 1, "2", comment="Đạt yêu cầu")
    ws.record_appraisal("1.1.3", 1, "0,5", comment="Chưa có báo cáo quý IV", request_explanation=True)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    win.tabs.setCurrentIndex(TAB_AFTER)
    wait_idle(qtbot, ctx)
    after = win.after
    assert after.model.rowCount() == 2
    assert after.model.code_at(0) == "1.1.3"  # the request first
    assert after.model.data(after.model.index(0, AppCol.ROUND1)) == "0,5"
    assert after.model.data(after.model.index(0, AppCol.COMMENT)) == "Chưa có báo cáo quý IV"
    assert after.model.data(after.model.index(0, AppCol.CODE), Qt.ItemDataRole.BackgroundRole) is not None
    assert after.model.data(after.model.index(1, AppCol.CODE), Qt.ItemDataRole.BackgroundRole) is None
    assert "1" in after.headline.text()
    # the signed package is listed with its state
    assert after.receipts.rowCount() == 1 and after.receipts_table.isVisible()
    assert after.receipts.row_at(0).version == 1
    # locked with a request: the way to answer it
    assert after.request_bar.isVisible() and after.reopen_btn.isVisible() and after.reopen_btn.isEnabled()
    assert "Mở phiên bản mới" in after.reopen_btn.text()

    rect = after.table.visualRect(after.model.index(0, AppCol.TITLE))
    qtbot.mouseClick(after.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, ctx)
    assert win.tabs.currentIndex() == TAB_ASSESS and win.leaf.code == "1.1.3"
    assert win.leaf.request_banner.isVisible()

    win.tabs.setCurrentIndex(TAB_AFTER)
    with qtbot.waitSignal(after.reopened, timeout=10_000):
        qtbot.mouseClick(after.reopen_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert ws.assessment().version == 2 and ws.assessment().status == "draft"
    # version 2 still shows version 1's appraisal; the request stays highlighted, the button goes
    assert after.model.rowCount() == 2 and after.model.code_at(0) == "1.1.3"
    assert not after.reopen_btn.isVisible() and after.request_bar.isVisible()
    assert "2" in after.request_label.text()


def test_after_view_empty(window, qtbot, idle):
    from parDesk.ui.main_window import TAB_AFTER

    window.tabs.setCurrentIndex(TAB_AFTER)
    idle()
    after = window.after
    assert after.model.rowCount() == 0
    assert not after.request_bar.isVisible() and not after.receipts_table.isVisible()
    assert after.no_receipts.isVisible()


@pytest.mark.parametrize("start", ["tree", "explanation", "search", "other tab"])
def test_keyboard_reaches_the_after_tab(window, qtbot, idle, start):
    """Ctrl+5 pressed as a key (through Qt's shortcut map, not the action's trigger) from wherever the focus is."""
    from moves import focused

    from parDesk.ui.main_window import TAB_AFTER, TAB_ASSESS, TAB_SUBMIT

    window.activateWindow()
    window.show_leaf("1.1.1")
    idle()
    if start == "tree":
        window.tree.view.setFocus()
    elif start == "explanation":
        window.leaf.explanation.setFocus()
    elif start == "search":
        window.tree.search.setFocus()
    else:
        window.tabs.setCurrentIndex(TAB_SUBMIT)
        window.submit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    before = focused(window)
    qtbot.keyClick(before, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_AFTER, timeout=3000)
    assert window.after.isVisible() and not window.leaf.isVisible()
    assert "5" not in window.leaf.explanation.toPlainText()  # the key went to the shortcut, not into a field
    qtbot.keyClick(focused(window), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # and back
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_ASSESS, timeout=3000)


def _pdf_pages(path) -> int:
    import subprocess

    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_print_the_forms_through_the_print_dialog(ctx, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from parDesk.ui import printing
    from parDesk.ui.features import Features
    from parDesk.ui.main_window import TAB_SUBMIT, MainWindow

    assert printing.available()  # QtPdf ships in PySide6-Addons
    ctx.features = Features.detect()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    submit = win.submit
    win.tabs.setCurrentIndex(TAB_SUBMIT)
    assert submit.paper_btn.isEnabled()
    out = tmp_path / "printed.pdf"
    shown = []

    def exec_(dialog):  # the officer picks "print to file" and presses Print
        shown.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)  # keeps the test quick; real printers get up to 300 dpi
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    with qtbot.waitSignal(submit.finished, timeout=60_000):
        win.act_print.trigger()
    wait_idle(qtbot, ctx)
    assert shown and not submit.error.isVisible(), submit.error.text()
    said = submit.result.text()
    forms = tmp_path / "forms"
    forms.mkdir()
    with qtbot.waitSignal(submit.finished, timeout=60_000):
        submit.print_forms(forms)
    wait_idle(qtbot, ctx)
    expected = sum(_pdf_pages(p) for p in forms.glob("*.pdf"))
    assert out.is_file() and expected >= 3
    assert _pdf_pages(out) == expected
    assert f"{expected} trang" in said



def test_print_dialog_cancelled_prints_nothing(ctx, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from parDesk.ui.features import Features
    from parDesk.ui.views.submit import SubmitView

    ctx.features = Features.detect()
    view = SubmitView(ctx)
    qtbot.addWidget(view)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QPrintDialog.DialogCode.Rejected)
    view.ask_print_paper()
    assert view._task is None


def test_published_results_reach_the_after_tab(window, qtbot, idle):
    from parDesk.sync.worker import SyncWorker, published_results

    ws = window.ctx.workspace
    worker = SyncWorker(ws)
    worker.apply_event(None, {"id": 9, "kind": "results", "data": {
        "year": 2025, "rank": 3, "of": 170, "total": "85.25", "percent": "85.25", "rating": "Tốt",
        "rating_en": "Good", "bands": []}})
    assert published_results(ws)["rank"] == 3
    # A malformed event is ignored, the last good one stays.
    worker.apply_event(None, {"id": 10, "kind": "results", "data": {"rank": "ba"}})
    assert published_results(ws)["rank"] == 3
    window.tabs.setCurrentWidget(window.after)
    window.after.reload()
    qtbot.waitUntil(lambda: window.after.results_label.isVisible(), timeout=5000)
    label = window.after.results_label.text()
    assert "3/170" in label and "85,25" in label and "Tốt" in label
