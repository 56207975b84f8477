"""Issue 9, points 6, 7 and 10 in the window, driven with real clicks and keys.

6: the wizard warns about another province's framework (naming both) and takes the filled XLSX.
7: dialogs check before closing; "Send" needs registration and never names a terminal command;
   messages use the labels people see, never field or file names.
10: the small annoyances: bonus cap said, certificate in words, package by file name, no rating
    before anything is scored, the scale in the header, one problem row per item, search clearing.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from uitools import type_text

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "resources" / "frameworks" / "tiny-test.json"


def _province_framework(tmp_path: Path, province: str) -> Path:
    data = json.loads(TINY.read_text(encoding="utf-8"))
    data["sample"] = False
    data["province"] = province
    path = tmp_path / f"bo-chi-so-{abs(hash(province))}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _to_framework_page(qtbot, language, tmp_path, province="Tỉnh Phú Thọ"):
    from parDesk.ui.wizard import FirstRunWizard

    wiz = FirstRunWizard(language, tmp_path / "new")
    qtbot.addWidget(wiz)
    wiz.show()
    nxt = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    page = wiz.unit_page
    qtbot.keyClicks(page.fields["admin_code"], "10105")
    type_text(page.fields["name"], "Ủy ban nhân dân xã Tân Lập")
    type_text(page.fields["province"], province)
    type_text(page.fields["leader_name"], "Nguyễn Văn An")
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.framework_page
    fp = wiz.framework_page
    qtbot.mouseClick(fp.from_file, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    return wiz, fp, nxt


@pytest.mark.parametrize("unit_province, fw_province, warned", [
    ("Tỉnh Phú Thọ", "Tỉnh Lào Cai", True),
    ("Tỉnh Phú Thọ", "Tỉnh Phú Thọ", False),
    ("tỉnh phú thọ", "Tỉnh  Phú Thọ", False),
    ("Thành phố Hà Nội", "Tỉnh Bắc Ninh", True),
])
def test_wizard_warns_about_another_provinces_framework(qtbot, language, tmp_path, unit_province, fw_province,
                                                         warned):
    wiz, fp, nxt = _to_framework_page(qtbot, language, tmp_path, unit_province)
    type_text(fp.path, str(_province_framework(tmp_path, fw_province)))
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    if not warned:
        assert wiz.currentPage() is wiz.identity_page
        return
    assert wiz.currentPage() is wiz.framework_page, "another province's framework went through unwarned"
    words = fp.province_warning.text()
    assert fp.province_warning.isVisible() and fw_province in words and unit_province in words
    assert fp.province_ok.isVisible()
    qtbot.mouseClick(fp.province_ok, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.identity_page  # the officer's informed choice


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])  # the template, and the template renamed by mistake
def test_wizard_accepts_the_filled_xlsx_template(qtbot, language, tmp_path, suffix):
    from parDesk.models.framework import load_framework
    from parDesk.reports import framework_to_xlsx

    fw = load_framework(ROOT / "resources" / "frameworks" / "sample-xa-2025.json")
    book = tmp_path / "mau.xlsx"
    framework_to_xlsx(fw, book)
    chosen = book if suffix == ".xlsx" else book.rename(tmp_path / "mau-doi-ten.json")
    wiz, fp, nxt = _to_framework_page(qtbot, language, tmp_path, "Tỉnh Mẫu")
    type_text(fp.path, str(chosen))
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert not fp.errors.isVisible(), fp.errors.toPlainText()
    assert wiz.currentPage() is wiz.identity_page
    assert fp.framework is not None and sum(1 for _ in fp.framework.all_leaves()) == sum(1 for _ in fw.all_leaves())


def test_wizard_says_a_binary_file_is_not_a_framework(qtbot, language, tmp_path):
    bad = tmp_path / "anh.json"
    bad.write_bytes(b"\xff\xd8\xff\xe0 JFIF not a framework" * 10)
    wiz, fp, nxt = _to_framework_page(qtbot, language, tmp_path)
    type_text(fp.path, str(bad))
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    shown = fp.errors.toPlainText()
    assert wiz.currentPage() is wiz.framework_page and "không phải tệp bộ chỉ số" in shown
    assert "codec" not in shown and "utf-8" not in shown.lower()


# -- 7: dialogs check before closing ------------------------------------------------------------------


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.mark.parametrize("first, second, words", [
    ("ngắn", "ngắn", "quá ngắn"),
    ("", "", "Hãy nhập"),
    ("mật khẩu đủ dài", "mật khẩu khác", "khác nhau"),
])
def test_create_key_dialog_refuses_inside_and_stays_open(qtbot, language, first, second, words):
    from parDesk.ui.dialogs.passphrase_dialog import CREATE, PassphraseDialog

    dialog = PassphraseDialog(CREATE)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.first, first)
    type_text(dialog.second, second)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible() and words in dialog.error.text(), dialog.error.text()
    dialog.first.clear()
    dialog.second.clear()
    type_text(dialog.first, "mật khẩu của xã")
    type_text(dialog.second, "mật khẩu của xã")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_sign_dialog_says_a_wrong_passphrase_inside_and_stays_open(window, qtbot, idle):
    from parDesk.identity import UnitSubject
    from parDesk.ui.dialogs.passphrase_dialog import SIGN, PassphraseDialog

    ws = window.ctx.workspace
    unit = ws.unit()
    ws.identity.create(UnitSubject(unit.name, unit.admin_code, unit.province), "mật khẩu của xã")
    submit = window.submit
    dialog = PassphraseDialog(SIGN, submit, check=submit._check_key_passphrase)  # what ask_sign opens
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.first, "sai rồi")
    qtbot.keyPress(dialog.first, Qt.Key.Key_Return)
    assert dialog.isVisible(), "a wrong passphrase closed the dialog"
    assert "Sai cụm mật khẩu" in dialog.error.text(), dialog.error.text()
    assert ws.assessment().status == "draft"
    dialog.first.clear()
    type_text(dialog.first, "mật khẩu của xã")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    idle()


def test_send_is_disabled_until_registered_and_names_no_command(window, qtbot, idle):
    from types import SimpleNamespace

    from parDesk.ui import operations as ops
    from parDesk.ui.features import Features

    submit = window.submit
    window.ctx.features = Features(identity=True, package=True, reports=True, sync=True)
    waiting = SimpleNamespace(state="waiting", version=1, size=1000, label=lambda _lang: "chờ gửi")
    for registered in (False, True):
        submit.sub = ops.SubmitState(identity=None, packages=(), outbox=(waiting,), locked=True,
                                     registered=registered)
        submit._update()
        assert submit.send_btn.isEnabled() is registered
        words = submit.send_btn.toolTip() + submit.outbox_label.text()
        assert "pardesk" not in words.lower() and "sync register" not in words
        if not registered:
            assert "Đăng ký với máy chủ của tỉnh" in submit.send_btn.toolTip()
    window.ctx.features = Features.none()


# -- 7: no field names, no file names in messages ----------------------------------------------------


def _where_constants() -> list[str]:
    """Every string given as where= to an error in the core."""
    found = set()
    for path in (ROOT / "parDesk").rglob("*.py"):
        if "ui" in path.parts or "server" in path.parts or "desk" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "where" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                        found.add(kw.value.value)
    return sorted(found)


INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[\w-]+\.(?:pem|sqlite|csr|der)\b")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_where_is_said_with_the_label_people_see(language, lang):
    from parDesk.i18n import ParDeskError
    from parDesk.labels import FIELDS
    from parDesk.ui import text

    language.set_language(lang)
    samples = _where_constants() + list(FIELDS) + ["key.pem", "/home/x/identity/cert.pem", "csr.pem", "1.2.3",
                                                    "1.2.3.score", "1.2.3.level", "2.1.done", "1.1.2.explanation"]
    assert "issued_date" in samples and "admin_code" in samples
    for where in samples:
        shown = text.error_text(ParDeskError("ws.unknown_field", where=where, name="x"), with_where=True)
        assert not INTERNAL.search(shown), f"{where!r} shown as {shown!r}"
        assert shown[:1].isupper() or shown.startswith("-"), shown  # "--at: …" names a command-line option


def test_input_messages_use_the_frameworks_labels(language):
    from parDesk.i18n import ParDeskError
    from parDesk.models.framework import load_framework
    from parDesk.scoring import normalize_inputs
    from parDesk.ui import text

    fw = load_framework(ROOT / "resources" / "frameworks" / "sample-xa-2025.json")
    ratio = next(leaf for leaf in fw.leaves() if leaf.rule.kind in ("ratio_tiers", "proportional")
                 and leaf.rule.numerator_label not in ("", "Tử số"))
    said = []
    for inputs in ({"numerator": 12, "denominator": 10}, {"numerator": "abc", "denominator": 10}):
        with pytest.raises(ParDeskError) as info:
            normalize_inputs(ratio, inputs)
        shown = text.error_text(info.value, with_where=True, framework=fw)
        assert ratio.rule.numerator_label in shown, shown
        assert "numerator" not in shown and "tử số" not in shown.lower(), shown
        assert shown.count(ratio.rule.numerator_label) == 1, shown
        said.append(shown)
    assert "không được lớn hơn" in said[0] and ratio.rule.denominator_label.lower()[:12] in said[0].lower(), said[0]


# -- 10 -------------------------------------------------------------------------------------------


def test_new_unit_has_no_rating_until_something_is_scored(window, idle):
    state = window.ctx.hub.state
    assert state.summary.totals.completed == 0
    assert window.totals.rating.value.text() == "—"


def test_header_says_the_scale_when_the_units_maximum_differs(window, idle):
    t = window.ctx.hub.state.summary.totals
    caption = window.totals.total.caption.text()
    if t.max_applicable != t.max:
        assert "thang" in caption
    else:
        assert "thang" not in caption
    assert "thang" in window.totals.total.toolTip()


def test_problem_list_has_one_row_per_item(window, idle):
    problems = window.ctx.hub.state.summary.problems
    window.submit.refresh_now()
    model = window.submit.model
    codes = [model.code_at(r) for r in range(model.rowCount())]
    assert len(codes) == len(set(codes)), "an item appears twice"
    assert set(codes) == {p.where for p in problems if p.where}
    assert any(len([p for p in problems if p.where == c]) > 1 for c in codes), "the fixture has a double problem"


def test_clearing_the_search_keeps_the_selected_item_in_sight(window, qtbot, idle):
    tree = window.tree
    fw = window.ctx.workspace.framework
    deep = [leaf for leaf in fw.leaves() if len(leaf.path) >= 2][-1]
    type_text(tree.search, deep.title.split()[0].lower())
    tree._jump_to_first_match()
    assert tree.select(deep.code)
    tree.search.clear()
    tree._apply_search()
    idx = tree.view.currentIndex()
    assert idx.isValid() and idx.data(Qt.ItemDataRole.DisplayRole) is not None
    parent = idx.parent()
    while parent.isValid():
        assert tree.view.isExpanded(parent), "the selected item's branch collapsed"
        parent = parent.parent()
    assert tree.view.viewport().rect().intersects(tree.view.visualRect(idx))


def test_bonus_item_says_the_block_cap(window, qtbot, idle):
    fw = window.ctx.workspace.framework
    if not fw.bonus.items or not fw.bonus.cap:
        pytest.skip("no bonus block with a cap in this framework")
    window.show_leaf(fw.bonus.items[0].code)
    idle()
    assert "tối đa" in window.leaf.max_label.text() and "thưởng" in window.leaf.max_label.text()


def test_certificate_is_shown_in_words(window, qtbot, idle):
    from parDesk.identity import UnitSubject
    from parDesk.ui import operations as ops

    ws = window.ctx.workspace
    unit = ws.unit()
    ws.identity.create(UnitSubject(unit.name, unit.admin_code, unit.province), "mật khẩu của xã")
    submit = window.submit
    from parDesk.ui.features import Features

    window.ctx.features = Features(identity=True)
    submit.sub = ops.read_submit_state(ws, True, False, False)
    submit._update()
    shown = submit.identity_label.text()
    assert unit.name in shown and "hiệu lực" in shown and "tự cấp" in shown, shown
    assert "CN=" not in shown and "serialNumber=" not in shown
    assert "CN=" in submit.identity_label.toolTip()
    window.ctx.features = Features.none()


def test_after_tab_names_packages_by_file_name(language):
    from types import SimpleNamespace

    from parDesk.ui.models.appraisals import RecCol, ReceiptModel, receipt_rows

    pkg = SimpleNamespace(id=1, version=1, sha256="ab" * 32, created_at="2026-01-02T03:04:05+00:00",
                          path="/x/outbox/10999-2026-v1.zip")
    model = ReceiptModel()
    model.set_rows(receipt_rows([pkg], []))
    shown = model.data(model.index(0, RecCol.PACKAGE))
    assert shown.startswith("10999-2026-v1.zip") and "abab" not in shown
    assert "ab" * 32 in model.data(model.index(0, RecCol.PACKAGE), Qt.ItemDataRole.ToolTipRole)
