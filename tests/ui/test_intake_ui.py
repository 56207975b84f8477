"""Drop three documents, see what they say about themselves, accept all with one key."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import intake_corpus as corpus
from test_evidence import drop


def _corpus(tmp_path: Path) -> list[tuple[corpus.Spec, Path]]:
    specs = [s for s in corpus.specs(30, seed=11) if s.number and s.date][:3]
    return [(s, corpus.render(s, tmp_path / f"{s.name}.pdf")) for s in specs]


def test_drop_three_files_see_proposals_accept_with_one_key(window, qtbot, idle, tmp_path) -> None:
    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    docs = _corpus(tmp_path)
    drop(window.leaf, [p for _, p in docs])
    panel = window.leaf.evidence.proposals
    qtbot.waitUntil(lambda: panel.isVisible() and panel.table.rowCount() == 3 and panel._task is None, timeout=60000)
    idle()
    shown = {panel.table.item(r, 0).text(): panel.values_of(r) for r in range(3)}
    for spec, path in docs:
        values = shown[path.name]
        assert values["number"] == spec.number
        assert values["issued_date"] == spec.date.isoformat()
        assert values["issuer"] == spec.issuer
    assert "Đề xuất từ nội dung tài liệu" in panel.heading.text()
    # Nothing is written before the officer accepts.
    assert all(not d.number for d in ws.documents(code="1.1.1"))
    # The officer corrects one value, then accepts everything with Ctrl+Enter.
    item = panel.table.item(0, 3)
    corrected_name = panel.table.item(0, 0).text()
    item.setText("Ủy ban nhân dân xã Tân Lập (đã sửa)")
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10000)
    idle()
    stored = {d.original_name: d for d in ws.documents(code="1.1.1")}
    for spec, path in docs:
        d = stored[path.name]
        assert d.number == spec.number
        assert d.issued_date == spec.date.isoformat()
        want_issuer = "Ủy ban nhân dân xã Tân Lập (đã sửa)" if path.name == corrected_name else spec.issuer
        assert d.issuer == want_issuer
        assert d.subject  # type and subject
    actions = [e.action for e in ws.audit(limit=40)]
    assert actions.count("intake_confirmed") == 3


def test_a_value_typed_before_is_never_replaced(window, qtbot, idle, tmp_path) -> None:
    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    (spec, path), = _corpus(tmp_path)[:1]
    ws.attach("1.1.1", path, number="99/KH-UBND")
    window.ctx.refresh()
    idle()
    (doc,) = ws.documents(code="1.1.1")
    panel = window.leaf.evidence.proposals
    panel.start([doc])
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1 and panel._task is None, timeout=60000)
    idle()
    assert panel.values_of(0)["number"] == "99/KH-UBND"
    assert not (panel.table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable)
    panel.accept_all()
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10000)
    idle()
    d = ws.document(doc.id)
    assert d.number == "99/KH-UBND" and d.issued_date == spec.date.isoformat()


def test_library_finds_words_inside_documents_and_opens_the_page(window, qtbot, idle, tmp_path) -> None:
    from parDesk.ui.dialogs.pdf_viewer import PdfPageDialog

    ws = window.ctx.workspace
    path = next(corpus.render(s, tmp_path / f"{s.name}.pdf") for s in corpus.specs(60, seed=5)
                if s.subject.startswith("Kiểm tra công tác"))
    ws.attach("1.1.1", path)
    window.ctx.refresh()
    idle()
    lib = window.library
    window.tabs.setCurrentWidget(lib)
    idle()
    for query in ("kiem tra cong tac", "kiểm tra công tác"):
        lib.search.setText(query)
        lib.reload()
        qtbot.waitUntil(lambda: lib.hits.count() == 1, timeout=10000)
        assert "trang 1" in lib.hits.item(0).text()
        assert "Kiểm tra công tác" in lib.hits.item(0).text()
    lib._open_hit(lib.hits.item(0))
    assert isinstance(lib.viewer, PdfPageDialog) and lib.viewer.current_page() == 1
    lib.viewer.close()


def test_quality_problems_show_in_the_evidence_list(window, qtbot, idle, tmp_path) -> None:
    from PIL import Image

    from parDesk.intake.service import read_and_record
    from parDesk.ui.models.documents import DocCol

    ws = window.ctx.workspace
    blank = tmp_path / "trang-trang.pdf"
    Image.new("L", (1654, 2339), 255).save(blank, "PDF", resolution=200)
    doc = ws.attach("1.2.1", blank)
    read_and_record(ws, doc.id)
    window.show_leaf("1.2.1")
    window.ctx.refresh()
    idle()
    model = window.leaf.evidence.model
    qtbot.waitUntil(lambda: bool(model.quality_of(doc.id)), timeout=5000)
    tip = model.data(model.index(0, DocCol.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "trắng" in tip
    assert model.data(model.index(0, DocCol.NAME), Qt.ItemDataRole.DecorationRole) is not None


def test_submit_tab_warns_about_documents_the_province_would_reject(window, qtbot, idle, tmp_path) -> None:
    from PIL import Image

    from parDesk.intake.service import read_and_record

    ws = window.ctx.workspace
    blank = tmp_path / "trang-trang.pdf"
    Image.new("L", (1654, 2339), 255).save(blank, "PDF", resolution=200)
    doc = ws.attach("1.2.1", blank)
    read_and_record(ws, doc.id)
    window.tabs.setCurrentWidget(window.submit)
    window.submit.reload()
    qtbot.waitUntil(lambda: window.submit.doc_warnings.isVisible(), timeout=5000)
    assert "trang-trang.pdf" in window.submit.doc_warnings.text()


def test_showing_an_item_does_not_measure_every_document(ctx, qtbot) -> None:
    """Refreshing the evidence list costs the same for 600 documents as for 60 (GUI-thread stall class)."""
    from dataclasses import replace

    from parDesk.ui.models.documents import DocumentTableModel
    from parDesk.ui.widgets.evidence_panel import EvidencePanel
    from parDesk.workspace import DocumentView

    base = DocumentView(1, "0" * 64, 1000, "x.pdf", "application/pdf", "pdf", "15/KH-UBND", "2025-01-10",
                        "Ủy ban nhân dân xã Tân Lập", "Kế hoạch", "", "2025-01-10T00:00:00")
    calls = [0]
    original = DocumentTableModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)

    costs = {}
    for n in (60, 600):
        panel = EvidencePanel(ctx)
        qtbot.addWidget(panel)
        panel.code = "1.1.1"
        docs = [replace(base, id=i + 1, original_name=f"Tài liệu số {i:04d} có tên dài {'x' * (i % 37)}.pdf")
                for i in range(n)]
        DocumentTableModel.data = counting
        try:
            calls[0] = 0
            panel.set_documents("1.1.1", docs)
            costs[n] = calls[0]
        finally:
            DocumentTableModel.data = original
    assert costs[600] < 2 * costs[60] + 50, costs


def _noted_corpus(tmp_path: Path) -> dict[str, tuple[corpus.Spec, Path]]:
    """Four documents: no note, a signer certificate naming another body, a blank date, and both."""
    from dataclasses import replace

    from test_intake_read import _signed

    base = [s for s in corpus.specs(40, seed=13) if s.number and s.date][:4]
    out: dict[str, tuple[corpus.Spec, Path]] = {}
    for spec, variant in zip(base, ("none", "issuer", "date", "both"), strict=True):
        spec = replace(spec, name=f"{variant}-{spec.name}", date=None if variant in ("date", "both") else spec.date)
        path = corpus.render(spec, tmp_path / f"{spec.name}-plain.pdf")
        if variant in ("issuer", "both"):
            keys = tmp_path / variant
            keys.mkdir()
            path = _signed(path, tmp_path / f"{spec.name}.pdf", "Công ty Cổ phần Ký Số", keys)
        else:
            path = path.rename(tmp_path / f"{spec.name}.pdf")
        out[variant] = (spec, path)
    return out


def test_the_readers_notes_show_beside_their_field_translated(window, qtbot, idle, tmp_path) -> None:
    """A mismatched signer and a blank date are said on the issuer and date cells, in VI then EN; accepting
    with the one key still stores exactly the values shown (and an officer's edit)."""
    from parDesk.ui.widgets.proposals import COLUMNS

    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    docs = _noted_corpus(tmp_path)
    drop(window.leaf, [p for _, p in docs.values()])
    panel = window.leaf.evidence.proposals
    qtbot.waitUntil(lambda: panel.isVisible() and panel.table.rowCount() == 4 and panel._task is None, timeout=90000)
    idle()
    row_of = {panel.table.item(r, 0).text(): r for r in range(4)}
    col = {k: COLUMNS.index(k) for k in COLUMNS}
    vi = {"issuer": "khác với tổ chức trong chứng thư chữ ký số", "issued_date": "Ngày trên văn bản để trống"}
    en = {"issuer": "differs from the organisation in the file's signing certificate",
          "issued_date": "The date on the document is blank"}

    def check(words: dict[str, str], field_word: dict[str, str]) -> None:
        shown = panel.field_notes.text()
        assert panel.field_notes.isVisible()
        for variant, (_spec, path) in docs.items():
            r = row_of[path.name]
            wanted = {"none": (), "issuer": ("issuer",), "date": ("issued_date",),
                      "both": ("issuer", "issued_date")}[variant]
            for key in ("number", "issued_date", "issuer", "subject"):
                item = panel.table.item(r, col[key])
                if key in wanted:
                    assert words[key] in item.toolTip(), (variant, key, item.toolTip())
                    assert not item.icon().isNull()
                    assert f"{path.name} — {field_word[key]}: " in shown, (variant, shown)
                    line = next(x for x in shown.splitlines() if x.startswith(f"{path.name} — {field_word[key]}"))
                    assert words[key] in line
                else:
                    assert not any(w in item.toolTip() for w in words.values()), (variant, key)
                    assert item.icon().isNull()
            if variant == "none":
                assert path.name not in shown
        assert "Công ty Cổ phần Ký Số" in shown  # the certificate's organisation is named
        assert shown.count("\n") == 3  # two notes for "both", one each for "issuer" and "date"

    check(vi, {"issuer": "Cơ quan ban hành", "issued_date": "Ngày"})
    window.ctx.language.set_language("en")
    idle()
    try:
        check(en, {"issuer": "Issuing body", "issued_date": "Date"})
        assert "khác với" not in panel.field_notes.text() and "trống" not in panel.field_notes.text()
    finally:
        window.ctx.language.set_language("vi")
        idle()
    check(vi, {"issuer": "Cơ quan ban hành", "issued_date": "Ngày"})
    # The officer takes the certificate's name for "issuer"; everything else is accepted as shown.
    r = row_of[docs["issuer"][1].name]
    panel.table.item(r, col["issuer"]).setText("Công ty Cổ phần Ký Số")
    shown_values = {panel.table.item(i, 0).text(): panel.values_of(i) for i in range(4)}
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10000)
    idle()
    assert not panel.field_notes.isVisible()
    stored = {d.original_name: d for d in ws.documents(code="1.1.1")}
    for variant, (spec, path) in docs.items():
        d, values = stored[path.name], shown_values[path.name]
        assert {k: getattr(d, k) or "" for k in values} == values, variant
        assert d.issued_date == (spec.date.isoformat() if spec.date else ""), variant
        assert d.number == spec.number
        assert d.issuer == ("Công ty Cổ phần Ký Số" if variant == "issuer" else spec.issuer), variant


def test_start_up_heap_is_frozen_out_of_full_collections(window, idle) -> None:
    """A full GC walks only what came after start-up: the window's own objects are frozen (parDesk.ui.heap)."""
    import gc

    from parDesk.ui.heap import freeze_startup_heap

    idle()
    before = len(gc.get_objects())
    try:
        frozen = freeze_startup_heap()
        assert frozen >= before > 20000, (frozen, before)  # the window's heap is large: the reason to freeze
        assert len(gc.get_objects()) < before // 10
        junk = [[i] for i in range(1000)]  # what comes after is still tracked and collected as usual
        assert len(gc.get_objects()) >= 1000
        del junk
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
