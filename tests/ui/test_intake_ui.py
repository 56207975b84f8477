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
