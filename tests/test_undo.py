"""Undo as named commands: every kind of operation undone and redone restores exactly what was there,
an import is one step, and each step has a name in Vietnamese and English."""

from __future__ import annotations

import sqlite3

import pytest

from parDesk.i18n import ParDeskError


def state(ws):
    """Everything a command may touch, as plain rows (answers, documents, links)."""
    con = sqlite3.connect(ws.db_path)
    try:
        return {
            "answers": con.execute("SELECT code, inputs, score, not_applicable, explanation, status FROM answer "
                                   "WHERE assessment_id = ? ORDER BY code", (ws.assessment_id,)).fetchall(),
            "documents": con.execute("SELECT id, sha256, size, original_name, number, issued_date, issuer, "
                                     "subject, page_ref, added_at FROM document ORDER BY id").fetchall(),
            "links": con.execute("SELECT code, document_id, page_ref FROM link WHERE assessment_id = ? "
                                 "ORDER BY code, document_id", (ws.assessment_id,)).fetchall(),
        }
    finally:
        con.close()


def pdf(tmp_path, name, fill=b"a"):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + fill * 5000)
    return path


def roundtrip(ws, operation, name_vi, name_en):
    """Apply ``operation``; undo restores the state before it, redo the state after, again and again."""
    before = state(ws)
    operation()
    after = state(ws)
    assert after != before
    assert ws.undo_name("vi") == name_vi and ws.undo_name("en") == name_en
    for _ in range(2):
        ws.undo()
        assert state(ws) == before
        assert ws.redo_name("vi") == name_vi
        ws.redo()
        assert state(ws) == after
    return before, after


def test_inputs_score_and_clear(tiny_ws):
    roundtrip(tiny_ws, lambda: tiny_ws.set_inputs("1.1.2", {"numerator": 9, "denominator": 10}),
              "Chấm điểm mục 1.1.2", "Score item 1.1.2")
    roundtrip(tiny_ws, lambda: tiny_ws.set_score("1.2.2", "1,5"), "Chấm điểm mục 1.2.2", "Score item 1.2.2")
    roundtrip(tiny_ws, lambda: tiny_ws.clear_inputs("1.1.2"), "Xóa điểm mục 1.1.2", "Clear the score of item 1.1.2")


def test_not_applicable_on_and_off(tiny_ws):
    tiny_ws.set_score("1.2.2", "2")
    roundtrip(tiny_ws, lambda: tiny_ws.set_not_applicable("1.2.2"),
              "Khai báo không áp dụng mục 1.2.2", "Declare item 1.2.2 not applicable")
    roundtrip(tiny_ws, lambda: tiny_ws.set_not_applicable("1.2.2", False),
              "Bỏ khai báo không áp dụng mục 1.2.2", "Declare item 1.2.2 applicable again")


def test_explanation(tiny_ws):
    tiny_ws.set_explanation("1.1.1", "bản đầu")
    roundtrip(tiny_ws, lambda: tiny_ws.set_explanation("1.1.1", "Đã ban hành kế hoạch số 15/KH-UBND"),
              "Sửa giải trình mục 1.1.1", "Edit the explanation of item 1.1.1")


def test_an_import_is_one_step_and_restores_every_value(sample_ws):
    ws = sample_ws
    leaves = [lf for lf in ws.framework.all_leaves() if lf.self_scored and lf.rule.kind in ("yes_no", "manual")]
    assert len(leaves) >= 10
    ws.set_explanation(leaves[0].code, "giữ nguyên")
    for lf in leaves[:3]:  # some already answered, so undo must restore values, not just clear
        ws.set_inputs(lf.code, {"done": False} if lf.rule.kind == "yes_no" else {"score": "0"})
    changes = [(lf.code, {"done": True} if lf.rule.kind == "yes_no" else {"score": str(lf.max)}) for lf in leaves]
    n = len(changes)
    before, _after = roundtrip(ws, lambda: ws.import_inputs(changes, source="bang-diem.xlsx"),
                              f"Nhập từ Excel ({n} mục)", f"Import from Excel ({n} items)")
    ws.undo()
    assert ws.undo_name("en") == f"Score item {leaves[2].code}"  # one Ctrl+Z took the whole import back
    assert state(ws) == before


def test_attach_a_new_document_undo_removes_it_redo_brings_the_same_number_back(tiny_ws, tmp_path):
    ws = tiny_ws
    f = pdf(tmp_path, "ke-hoach.pdf")
    roundtrip(ws, lambda: ws.attach("1.1.1", f, number="15/KH-UBND", issuer="UBND xã"),
              "Gắn tài liệu 15/KH-UBND vào 1.1.1", "Attach document 15/KH-UBND to 1.1.1")
    assert [d.number for d in ws.documents(code="1.1.1")] == ["15/KH-UBND"]


def test_attach_several_and_to_a_second_leaf(tiny_ws, tmp_path):
    ws = tiny_ws
    files = [pdf(tmp_path, f"{i}.pdf", bytes([65 + i])) for i in range(3)]
    roundtrip(ws, lambda: ws.attach_many([("1.1.1", p) for p in files]),
              "Gắn 3 tài liệu vào 1.1.1", "Attach 3 documents to 1.1.1")
    roundtrip(ws, lambda: ws.attach_many([("1.1.2", files[0]), ("1.1.3", files[1])]),
              "Gắn 2 tài liệu vào 2 mục", "Attach 2 documents to 2 items")
    # attaching a stored document again with new details: the details come back on undo
    roundtrip(ws, lambda: ws.attach("1.2.1", files[2], number="7/QĐ-UBND"),
              "Gắn tài liệu 7/QĐ-UBND vào 1.2.1", "Attach document 7/QĐ-UBND to 1.2.1")


def test_link_detach_and_page(tiny_ws, tmp_path):
    ws = tiny_ws
    doc = ws.attach("1.1.1", pdf(tmp_path, "bc.pdf"), number="15/KH-UBND", page_ref="tr. 2")
    roundtrip(ws, lambda: ws.link("1.1.2", doc.id, page_ref="tr. 4"),
              "Liên kết tài liệu 15/KH-UBND với 1.1.2", "Link document 15/KH-UBND to 1.1.2")
    roundtrip(ws, lambda: ws.detach("1.1.1", doc.id),
              "Gỡ tài liệu 15/KH-UBND khỏi 1.1.1", "Detach document 15/KH-UBND from 1.1.1")
    roundtrip(ws, lambda: ws.set_link_page("1.1.2", doc.id, "tr. 9"),
              "Sửa vị trí trang của tài liệu 15/KH-UBND ở 1.1.2", "Edit the page of document 15/KH-UBND in 1.1.2")


def test_document_metadata(tiny_ws, tmp_path):
    ws = tiny_ws
    doc = ws.attach("1.1.1", pdf(tmp_path, "kh.pdf"), number="15/KH-UBND")
    roundtrip(ws, lambda: ws.update_document(doc.id, number="16/KH-UBND", issued_date="03/02/2025",
                                             subject="Kế hoạch CCHC năm 2025"),
              "Sửa thông tin tài liệu 15/KH-UBND", "Edit the details of document 15/KH-UBND")
    # a document with no number is named by its file name
    other = ws.attach("1.1.2", pdf(tmp_path, "bao-cao.pdf", b"z"))
    assert ws.undo_name("vi") == "Gắn tài liệu bao-cao.pdf vào 1.1.2"
    roundtrip(ws, lambda: ws.update_document(other.id, issuer="UBND xã"),
              "Sửa thông tin tài liệu bao-cao.pdf", "Edit the details of document bao-cao.pdf")


def test_a_new_command_forgets_what_was_undone_and_nothing_to_undo_says_so(tiny_ws):
    tiny_ws.set_score("1.2.2", "1")
    tiny_ws.undo()
    assert tiny_ws.can_redo
    tiny_ws.set_score("1.2.2", "2")
    assert not tiny_ws.can_redo and tiny_ws.redo_name() is None
    tiny_ws.undo()
    with pytest.raises(ParDeskError) as exc:
        tiny_ws.undo()
    assert exc.value.key == "ws.nothing_to_undo"
    with pytest.raises(ParDeskError):
        tiny_ws.redo(), tiny_ws.redo()


def test_an_edit_that_changes_nothing_is_not_a_step(tiny_ws):
    tiny_ws.set_explanation("1.1.1", "x")
    tiny_ws.set_explanation("1.1.1", "x")
    tiny_ws.undo()
    assert not tiny_ws.can_undo


def test_redo_of_an_attach_after_gc_says_the_file_is_gone(tiny_ws, tmp_path):
    from parDesk.maintenance import gc

    doc = tiny_ws.attach("1.1.1", pdf(tmp_path, "kh.pdf"), number="15/KH-UBND")
    tiny_ws.undo()
    assert gc(tiny_ws) == [doc.sha256]
    before = state(tiny_ws)
    with pytest.raises(ParDeskError) as exc:
        tiny_ws.redo()
    assert exc.value.key == "undo.file_gone" and "15/KH-UBND" in exc.value.message("vi")
    assert state(tiny_ws) == before  # nothing half-applied
    assert tiny_ws.can_redo  # still there to try again


def test_locking_and_a_new_version_clear_the_history(tiny_ws):
    tiny_ws.set_score("1.2.2", "1")
    with tiny_ws.session() as s:
        tiny_ws.lock(s, {"version": 1})
        s.commit()
    assert not tiny_ws.can_undo and tiny_ws.undo_name() is None
    tiny_ws.reopen()
    assert not tiny_ws.can_undo and tiny_ws.assessment().version == 2
    tiny_ws.set_score("1.2.2", "2")
    assert tiny_ws.can_undo
    tiny_ws.clear_history()
    assert not tiny_ws.can_undo
