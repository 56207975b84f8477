"""Evidence: dropping files attaches them (slow pool), details dialog, linking, the library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from uitools import type_text

from parDesk.ui.dialogs.document_dialog import DocumentDialog
from parDesk.ui.dialogs.link_dialog import LinkDialog
from parDesk.ui.models.tree import StatusRole
from parDesk.ui.views.library import MISSING, UNLINKED


def pdf(path: Path, text: str = "kế hoạch") -> Path:
    path.write_bytes(b"%PDF-1.4\n% " + text.encode("utf-8") + b"\n%%EOF\n")
    return path


def drag_enter(pos: QPoint, mime: QMimeData) -> QDragEnterEvent:
    """The binding's signature differs between PySide6 6.11 (QPoint) and 6.12 (QPointF)."""
    try:
        return QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)
    except TypeError:
        return QDragEnterEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)


def drop(widget, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = drag_enter(pos, mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def test_dropping_files_attaches_them(window, qtbot, idle, tmp_path):
    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    files = [pdf(tmp_path / "Kế hoạch 15-KH-UBND.pdf"), pdf(tmp_path / "phu-luc.pdf", "phụ lục")]
    event = drop(window.leaf, files)
    assert event.isAccepted()
    idle()
    idle()  # the attach, then the state it changed
    docs = ws.documents(code="1.1.1")
    assert sorted(d.original_name for d in docs) == ["Kế hoạch 15-KH-UBND.pdf", "phu-luc.pdf"]
    assert window.leaf.evidence.model.rowCount() == 2
    assert not window.leaf.evidence.progress.isVisible()
    assert window.ctx.hub.summary.evidence_count["1.1.1"] == 2


def test_drop_of_a_folder_or_web_link_is_refused(window, idle, tmp_path):
    window.show_leaf("1.1.1")
    idle()
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/x.pdf"), QUrl.fromLocalFile(str(tmp_path))])
    enter = drag_enter(QPoint(5, 5), mime)
    QApplication.sendEvent(window.leaf, enter)
    assert not enter.isAccepted()


def test_attach_error_is_shown_and_nothing_stored(window, idle, tmp_path):
    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    window.leaf.attach([empty])
    idle()
    idle()
    assert window.leaf.evidence.error.isVisible()
    assert "0 byte" in window.leaf.evidence.error.text()
    assert ws.documents() == []


def test_document_details_dialog(window, qtbot, idle, tmp_path):
    ws = window.ctx.workspace
    doc = ws.attach("1.1.1", pdf(tmp_path / "a.pdf"))
    window.ctx.refresh()
    idle()
    dialog = DocumentDialog(window.ctx, doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number, "15/KH-UBND")
    qtbot.keyClicks(dialog.date, "31/02/2025")  # no such day: the core refuses it
    type_text(dialog.issuer, "Ủy ban nhân dân xã Tân Lập")
    type_text(dialog.subject, "Kế hoạch cải cách hành chính năm 2025")
    qtbot.keyClicks(dialog.page, "II, tr. 3")
    dialog.save()
    idle()
    assert dialog.error.isVisible() and "31/02/2025" in dialog.error.text()
    assert ws.document(doc.id).number == ""  # nothing saved
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "15/01/2025")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    saved = ws.document(doc.id)
    assert (saved.number, saved.issued_date, saved.issuer, saved.page_ref) == (
        "15/KH-UBND", "2025-01-15", "Ủy ban nhân dân xã Tân Lập", "II, tr. 3")
    assert not saved.missing_metadata


def test_link_existing_document_to_another_leaf(window, qtbot, idle, tmp_path):
    ws = window.ctx.workspace
    doc = ws.attach("1.1.1", pdf(tmp_path / "bc.pdf"), number="12/BC-UBND")
    window.show_leaf("1.1.2")
    idle()
    dialog = LinkDialog(window.ctx, "1.1.2", window)
    qtbot.addWidget(dialog)
    idle()
    assert dialog.model.rowCount() == 1
    assert dialog.selected_ids() == [doc.id]
    window.leaf.evidence.link_ids(dialog.selected_ids())
    idle()
    assert ws.documents(code="1.1.2")[0].id == doc.id
    assert len(ws.documents()) == 1  # linked, not copied
    assert window.leaf.evidence.model.rowCount() == 1
    window.leaf.evidence.select_first()
    window.leaf.evidence.detach_selected()
    idle()
    assert ws.documents(code="1.1.2") == []


def test_library_filters_and_search(window, qtbot, idle, tmp_path):
    ws = window.ctx.workspace
    ws.attach("1.1.1", pdf(tmp_path / "kh.pdf", "1"), number="15/KH-UBND", issued_date="2025-01-15",
              issuer="UBND xã", subject="Kế hoạch cải cách hành chính")
    other = ws.attach("1.2.1", pdf(tmp_path / "bc.pdf", "2"), number="3/BC-UBND")
    ws.detach("1.2.1", other.id)
    window.ctx.refresh()
    idle()
    window.tabs.setCurrentIndex(1)
    idle()
    lib = window.library
    assert lib.model.rowCount() == 2
    lib.set_filter(UNLINKED)
    idle()
    assert [d.id for d in lib.model.rows()] == [other.id]
    lib.set_filter(MISSING)
    idle()
    assert [d.id for d in lib.model.rows()] == [other.id]
    lib.set_filter(0)
    idle()
    with qtbot.waitSignal(lib.loaded, timeout=5000):
        qtbot.keyClicks(lib.search, "cai cach")  # without diacritics
    idle()
    assert [d.number for d in lib.model.rows()] == ["15/KH-UBND"]
    lib.table.selectRow(0)
    with qtbot.waitSignal(lib.jumpToLeaf, timeout=2000):
        lib.goto_selected()
    assert window.tabs.currentIndex() == 0 and window.leaf.code == "1.1.1"


def test_evidence_makes_leaf_complete(window, qtbot, idle, tmp_path):
    ws = window.ctx.workspace
    window.show_leaf("1.1.1")
    idle()
    qtbot.mouseClick(window.leaf.editor.yes, Qt.MouseButton.LeftButton)
    idle()
    assert window.tree.model.index_for("1.1.1").data(StatusRole) == "in_progress"
    drop(window.leaf, [pdf(tmp_path / "kh.pdf")])
    idle()
    idle()
    assert window.tree.model.index_for("1.1.1").data(StatusRole) == "complete"
    assert ws.summary().statuses["1.1.1"].status == "complete"


def test_page_pointer_belongs_to_the_item(window, qtbot, idle, tmp_path):
    """One report proves two items on different pages: each item keeps its own page/section."""
    ws = window.ctx.workspace
    doc = ws.attach("1.1.1", pdf(tmp_path / "bc.pdf"), number="12/BC-UBND")
    ws.link("1.2.1", doc.id)
    window.show_leaf("1.2.1")
    idle()
    panel = window.leaf.evidence
    panel.select_first()
    dialog = DocumentDialog(window.ctx, panel.model.row_at(0), window, code="1.2.1", link_page="")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.page, "Mục III, tr. 7")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    idle()
    pages = {(lk.code, lk.page_ref) for lk in ws.links()}
    assert ("1.2.1", "Mục III, tr. 7") in pages and ("1.1.1", "") in pages
    assert ws.document(doc.id).page_ref == ""
    from parDesk.ui.models.documents import DocCol

    assert panel.model.index(0, DocCol.PAGE).data() == "Mục III, tr. 7"
