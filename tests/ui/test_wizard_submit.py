"""First-run wizard (to the end, and cancel), the submit view, switching language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from uitools import type_into, type_text

from parDesk.ui.wizard import FirstRunWizard
from parDesk.workspace import DB_NAME, Workspace


def make_wizard(qtbot, language, folder: Path) -> FirstRunWizard:
    wiz = FirstRunWizard(language, folder)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def click(qtbot, wiz: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wiz.button(which), Qt.MouseButton.LeftButton)


def fill_unit(qtbot, page, code: str = "10105") -> None:
    qtbot.keyClicks(page.fields["admin_code"], code)
    type_text(page.fields["name"], "Ủy ban nhân dân xã Tân Lập")
    type_text(page.fields["province"], "Tỉnh Phú Thọ")
    type_text(page.fields["leader_name"], "Nguyễn Văn An")


def test_wizard_start_to_finish_creates_the_workspace(qtbot, language, tmp_path, monkeypatch):
    folder = tmp_path / "xa-tan-lap"
    wiz = make_wizard(qtbot, language, folder)
    assert wiz.currentPage() is wiz.intro_page
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.unit_page
    fill_unit(qtbot, wiz.unit_page, code="1010")  # four digits: refused with the core's message
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.unit_page
    assert wiz.unit_page.errors["admin_code"].isVisible()
    assert "5 chữ số" in wiz.unit_page.errors["admin_code"].text()
    qtbot.keyClicks(wiz.unit_page.fields["admin_code"], "5")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.framework_page
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "pardesk-framework/1", "id": 3}', encoding="utf-8")
    qtbot.mouseClick(wiz.framework_page.from_file, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    assert wiz.framework_page.from_file.isChecked()
    qtbot.keyClicks(wiz.framework_page.path, str(bad))
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.framework_page
    assert wiz.framework_page.errors.isVisible() and "bad.json" in wiz.framework_page.errors.toPlainText()
    wiz.framework_page.sample.setChecked(True)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.identity_page
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.server_page
    qtbot.keyClicks(wiz.server_page.url, "not a url")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.server_page and wiz.server_page.error.isVisible()
    wiz.server_page.url.clear()
    qtbot.keyClicks(wiz.server_page.url, "https://cchc.example.gov.vn")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.finish_page
    assert "Tân Lập" in wiz.finish_page.summary.text()
    assert not folder.exists(), "nothing is written before Finish"
    click(qtbot, wiz, QWizard.WizardButton.FinishButton)
    assert wiz.created == folder
    assert (folder / DB_NAME).is_file()
    ws = Workspace(folder)
    assert ws.unit().admin_code == "10105" and ws.unit().leader_name == "Nguyễn Văn An"
    assert ws.framework.id == "mau-xa-2025"
    from parDesk.sync import outbox

    assert outbox.get_state(ws, "server_url") == "https://cchc.example.gov.vn"
    ws.close()


def test_wizard_cancel_leaves_nothing(qtbot, language, tmp_path):
    folder = tmp_path / "never"
    wiz = make_wizard(qtbot, language, folder)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    fill_unit(qtbot, wiz.unit_page)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.identity_page
    click(qtbot, wiz, QWizard.WizardButton.CancelButton)
    assert wiz.result() == QWizard.DialogCode.Rejected
    assert wiz.created is None
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_wizard_refuses_an_existing_workspace(qtbot, language, tmp_path, ws_folder):
    wiz = make_wizard(qtbot, language, ws_folder)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    fill_unit(qtbot, wiz.unit_page)
    for _ in range(4):
        click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.finish_page
    click(qtbot, wiz, QWizard.WizardButton.FinishButton)
    assert wiz.currentPage() is wiz.finish_page and wiz.finish_page.error.isVisible()
    assert wiz.created is None


def test_submit_view_incomplete_then_jump(window, qtbot, idle):
    window.tabs.setCurrentIndex(3)
    submit = window.submit
    summary = window.ctx.hub.summary
    assert summary.problems
    assert submit.ready.objectName() == "readyBad"
    assert submit.model.rowCount() == len({p.where for p in summary.problems})  # one row per item
    assert submit.table.isVisible()
    first_code = submit.model.code_at(0)
    rect = submit.table.visualRect(submit.model.index(0, 1))
    qtbot.mouseClick(submit.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    idle()
    assert window.tabs.currentIndex() == 0
    assert window.leaf.code == first_code
    for b in (submit.sign_btn, submit.send_btn, submit.usb_btn, submit.print_btn, submit.xlsx_btn):
        assert not b.isEnabled() and b.toolTip()  # the test context has no features: placeholders say so


def complete_tiny(ws: Workspace, tmp_path: Path) -> None:
    f = tmp_path / "kh.pdf"
    f.write_bytes(b"%PDF-1.4\nke hoach\n")
    ws.set_inputs("1.1.1", {"done": True})
    ws.set_inputs("1.1.2", {"numerator": 10, "denominator": 10})
    ws.set_inputs("1.1.3", {"numerator": 5, "denominator": 10})
    ws.set_inputs("1.2.1", {"level": "b"})
    ws.set_not_applicable("1.2.2")
    ws.set_inputs("2.1.1", {"violations": 0})
    ws.set_inputs("2.1.2", {"numerator": 1, "denominator": 1})
    for code in ("1.1.1", "1.1.2", "1.1.3", "1.2.1", "2.1.1", "2.1.2"):
        ws.set_explanation(code, "Có văn bản kèm theo") if code != "1.1.1" else ws.attach(code, f)


def test_submit_view_complete(ctx, qtbot, tmp_path):
    from uitools import wait_idle

    from parDesk.ui.main_window import MainWindow

    complete_tiny(ctx.workspace, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    win.tabs.setCurrentIndex(3)
    assert ctx.hub.summary.problems == []
    assert win.submit.ready.objectName() == "readyOk"
    assert win.submit.model.rowCount() == 0 and not win.submit.table.isVisible()
    assert "12,75" in win.submit.detail.text() or win.totals.total.value.text() in win.submit.detail.text()


def test_losing_points_jump(window, qtbot, idle):
    window.tabs.setCurrentIndex(2)
    losing = window.losing
    assert losing.model.rowCount() > 0
    losing.table.setFocus()
    losing.table.setCurrentIndex(losing.model.index(1, 0))
    qtbot.keyClick(losing.table, Qt.Key.Key_Return)
    idle()
    assert window.tabs.currentIndex() == 0
    assert window.leaf.code == losing.model.code_at(1)


def test_switching_language_changes_visible_texts(window, qtbot, idle):
    assert window.tabs.tabText(0).replace("&", "") == "Chấm điểm"
    assert window.leaf.answer_box.title() == "Tự đánh giá"
    window.act_en.trigger()
    idle()
    assert window.tabs.tabText(0).replace("&", "") == "Assessment"
    assert window.menu_file.title().replace("&", "") == "File"
    assert window.leaf.answer_box.title() == "Self-assessment"
    assert window.totals.total.caption.text().startswith("Total")
    window.show_leaf("1.1.2")
    idle()
    type_into(qtbot, window.leaf.editor.denominator, "10")
    type_into(qtbot, window.leaf.editor.numerator, "12")
    idle()
    assert "larger than" in window.leaf.field_error.text()  # the core's message follows the language
    window.act_vi.trigger()
    idle()
    assert window.tabs.tabText(0).replace("&", "") == "Chấm điểm"
    assert window.totals.total.caption.text().startswith("Tổng điểm")
    assert window.ctx.prefs.language == "vi"


def test_wizard_identity_step_checks_passphrases(qtbot, language, tmp_path):
    folder = tmp_path / "ws-key"
    wiz = make_wizard(qtbot, language, folder)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    fill_unit(qtbot, wiz.unit_page)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    page = wiz.identity_page
    assert wiz.currentPage() is page
    page.generate.setChecked(True)
    qtbot.keyClicks(page.pass1, "short")
    qtbot.keyClicks(page.pass2, "short")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is page and "8" in page.error.text()
    for box in (page.pass1, page.pass2):
        box.clear()
    qtbot.keyClicks(page.pass1, "long enough 1")
    qtbot.keyClicks(page.pass2, "long enough 2")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is page and page.error.isVisible()
    page.pass2.clear()
    qtbot.keyClicks(page.pass2, "long enough 1")
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    assert wiz.currentPage() is wiz.server_page
    click(qtbot, wiz, QWizard.WizardButton.NextButton)
    click(qtbot, wiz, QWizard.WizardButton.FinishButton)
    assert wiz.created == folder
    assert wiz.identity_request == ("create", "long enough 1")
    assert not (folder / "identity" / "key.pem").exists()  # made by the window afterwards, off the GUI thread


def test_sign_package_usb_print_export_and_new_version(ctx, qtbot, tmp_path):
    from dataclasses import replace

    from uitools import wait_idle

    from parDesk.ui.features import Features
    from parDesk.ui.main_window import MainWindow

    ctx.features = Features.detect()
    assert ctx.features == replace(Features.detect(), identity=True, package=True, reports=True, sync=True)
    complete_tiny(ctx.workspace, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    submit = win.submit
    win.tabs.setCurrentIndex(3)
    assert (not submit.sign_btn.isEnabled() and "key" in submit.sign_btn.toolTip().lower()) or \
        "khóa" in submit.sign_btn.toolTip()
    assert submit.create_btn.isEnabled()

    def run(action, *args):
        with qtbot.waitSignal(submit.finished, timeout=60_000):
            action(*args)
        wait_idle(qtbot, ctx)
        assert not submit.error.isVisible(), submit.error.text()

    run(submit.create_identity, "mật khẩu của xã")
    assert submit.sub.identity is not None and submit.sign_btn.isEnabled()
    with qtbot.waitSignal(submit.finished, timeout=60_000):
        submit.sign("wrong passphrase")
    wait_idle(qtbot, ctx)
    assert submit.error.isVisible()  # the core refuses; nothing is locked
    assert ctx.workspace.assessment().status == "draft"
    run(submit.sign, "mật khẩu của xã")
    assert ctx.workspace.assessment().status == "locked"
    assert ctx.hub.state.locked and "khóa" in submit.version.text()
    assert submit.sub.packages and Path(submit.sub.packages[-1].path).is_file()
    assert submit.reopen_btn.isEnabled() and submit.usb_btn.isEnabled() and not submit.sign_btn.isEnabled()
    assert submit.outbox_label.isVisible()
    usb = tmp_path / "usb"
    usb.mkdir()
    run(submit.copy_for_usb, usb)
    copied = usb / Path(submit.sub.packages[-1].path).name
    assert copied.read_bytes() == Path(submit.sub.packages[-1].path).read_bytes()
    forms = tmp_path / "forms"
    forms.mkdir()
    run(submit.print_forms, forms)
    assert sorted(p.suffix for p in forms.iterdir()) == [".pdf", ".pdf", ".pdf"]
    run(submit.export_xlsx, tmp_path / "bang-diem.xlsx")
    assert (tmp_path / "bang-diem.xlsx").stat().st_size > 1000
    submit.reopen()
    wait_idle(qtbot, ctx)
    assert ctx.workspace.assessment().version == 2 and ctx.workspace.assessment().status == "draft"
