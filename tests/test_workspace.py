"""The service layer over a real workspace folder: answers, evidence, audit, undo, validation."""

from __future__ import annotations

import sqlite3
import unicodedata
from decimal import Decimal as D

import pytest
from helpers import TINY, make_pdf_bytes

from parDesk.i18n import ParDeskError
from parDesk.maintenance import check, gc
from parDesk.workspace import UnitInfo, Workspace


def db_rows(ws, sql):
    con = sqlite3.connect(ws.db_path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_database_settings(tiny_ws):
    with tiny_ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_create_refuses_bad_unit_and_leaves_nothing(tmp_path):
    with pytest.raises(ParDeskError) as exc:
        Workspace.create(tmp_path / "ws", UnitInfo("12", "UBND xã A", "Tỉnh B"), TINY)
    assert exc.value.where == "admin_code"
    assert not (tmp_path / "ws").exists()


def test_create_twice_is_refused(tmp_path, unit):
    Workspace.create(tmp_path / "ws", unit, TINY).close()
    with pytest.raises(ParDeskError):
        Workspace.create(tmp_path / "ws", unit, TINY)


def test_assessment_is_bound_to_one_framework_hash(tiny_ws):
    a = tiny_ws.assessment()
    assert a.framework_hash == tiny_ws.framework.hash
    assert len(a.framework_hash) == 64


def test_edit_persists_at_once_and_is_audited(tiny_ws):
    tiny_ws.set_inputs("1.1.2", {"numerator": "95", "denominator": "100"})
    reopened = Workspace(tiny_ws.folder)
    ans = reopened.answer("1.1.2")
    assert ans.inputs == {"numerator": 95, "denominator": 100}
    assert ans.score is not None
    audit = reopened.audit()
    assert audit[0].action == "set_inputs" and audit[0].entity_key == "1.1.2"
    assert '"numerator": 95' in audit[0].new


def test_bad_input_changes_nothing(tiny_ws):
    tiny_ws.set_score("1.2.2", "1,5")
    n_audit = len(tiny_ws.audit(limit=1000))
    for bad in ("0,3", "9", "abc", ""):
        with pytest.raises(ParDeskError):
            tiny_ws.set_score("1.2.2", bad)
    assert tiny_ws.answer("1.2.2").score == D("1.5")
    assert len(tiny_ws.audit(limit=1000)) == n_audit


def test_audit_log_is_append_only(tiny_ws):
    tiny_ws.set_inputs("1.1.1", {"done": True})
    con = sqlite3.connect(tiny_ws.db_path)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE audit SET actor = 'x'")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM audit")
    con.close()


def test_not_applicable_only_where_allowed(tiny_ws):
    with pytest.raises(ParDeskError):
        tiny_ws.set_not_applicable("1.1.1")
    tiny_ws.set_not_applicable("1.2.2")
    s = tiny_ws.summary()
    assert s.statuses["1.2.2"].status == "not_applicable"
    assert s.totals.max_applicable == tiny_ws.framework.scale - D(2) - D(4)  # NA item and the survey item


def test_survey_items_cannot_be_self_scored(tiny_ws):
    with pytest.raises(ParDeskError):
        tiny_ws.set_inputs("2.2.1", {})


def test_undo_redo(tiny_ws):
    tiny_ws.set_inputs("1.1.1", {"done": True})
    tiny_ws.set_inputs("1.1.1", {"done": False})
    tiny_ws.set_explanation("1.1.1", "Chưa ban hành")
    tiny_ws.undo()
    assert tiny_ws.answer("1.1.1").explanation == ""
    tiny_ws.undo()
    assert tiny_ws.answer("1.1.1").inputs == {"done": True}
    tiny_ws.redo()
    assert tiny_ws.answer("1.1.1").inputs == {"done": False}
    assert [e.action for e in tiny_ws.audit(limit=2)] == ["redo", "undo"]


def test_validation_lists_every_blocking_problem(tiny_ws, tmp_path):
    problems = tiny_ws.validate()
    codes = {p.where for p in problems}
    assert {"1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "2.1.1", "2.1.2"} <= codes
    assert "2.2.1" not in codes  # survey
    assert not codes & {"T.1", "T.2", "TR.1", "TR.2"}  # optional claims, untouched
    tiny_ws.set_inputs("1.1.1", {"done": True})
    keys = {p.key for p in tiny_ws.validate() if p.where == "1.1.1"}
    assert keys == {"val.no_evidence"}
    tiny_ws.set_explanation("1.1.1", "Văn bản lưu tại văn phòng")
    assert not [p for p in tiny_ws.validate() if p.where == "1.1.1"]


def test_complete_assessment_has_no_problems(tiny_ws, tmp_path):
    pdf = tmp_path / "kh.pdf"
    pdf.write_bytes(make_pdf_bytes())
    inputs = {"1.1.1": {"done": True}, "1.1.2": {"numerator": 9, "denominator": 10},
              "1.1.3": {"numerator": 1, "denominator": 2}, "1.2.1": {"level": "a"}, "1.2.2": {"score": "2"},
              "2.1.1": {"violations": 1}, "2.1.2": {"numerator": 3, "denominator": 4}}
    for code, value in inputs.items():
        tiny_ws.set_inputs(code, value)
        tiny_ws.attach(code, pdf)
    tiny_ws.set_inputs("TR.1", {"done": False})  # no late submission: nothing to prove
    assert tiny_ws.validate() == []
    s = tiny_ws.summary()
    assert s.totals.completeness == 100
    assert s.documents == 1  # the same file, stored once


def test_attach_stores_once_and_detach_keeps_shared_files(tiny_ws, tmp_path):
    f = tmp_path / "Quyết định 12-QĐ-UBND.pdf"
    f.write_bytes(make_pdf_bytes("quyết định", 5000))
    d1 = tiny_ws.attach("1.1.1", f, number="12/QĐ-UBND", issued_date="05/01/2025", issuer="UBND xã",
                        subject="Kiện toàn Bộ phận Một cửa")
    d2 = tiny_ws.attach("1.2.1", f)
    assert d1.id == d2.id and d2.codes == ("1.1.1", "1.2.1")
    assert d1.issued_date == "2025-01-05" and d1.media_type == "application/pdf"
    stored = tiny_ws.evidence.path_for(d1.sha256)
    assert stored.read_bytes() == f.read_bytes()
    tiny_ws.detach("1.1.1", d1.id)
    assert gc(tiny_ws) == [] and stored.exists()  # 1.2.1 still uses it
    tiny_ws.detach("1.2.1", d1.id)
    assert stored.exists()  # the row remains in the library: still referenced
    assert tiny_ws.documents(unlinked=True)[0].id == d1.id


def test_link_existing_document_to_another_leaf(tiny_ws, tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(make_pdf_bytes())
    doc = tiny_ws.attach("1.1.1", f)
    tiny_ws.link("1.2.1", doc.id, page_ref="Mục II, tr. 3")
    assert tiny_ws.document(doc.id).codes == ("1.1.1", "1.2.1")
    assert tiny_ws.evidence_counts() == {"1.1.1": 1, "1.2.1": 1}


def test_gc_removes_only_unreferenced_files(tiny_ws, tmp_path):
    stray = tiny_ws.evidence.put(_file(tmp_path, "stray.pdf", b"%PDF stray"))  # stored, no row (like a crash)
    kept = tiny_ws.attach("1.1.1", _file(tmp_path, "kept.pdf", b"%PDF kept"))
    assert check(tiny_ws).notes  # orphan reported as a note, not a problem
    assert gc(tiny_ws) == [stray.sha256]
    assert tiny_ws.evidence.has(kept.sha256)
    assert check(tiny_ws).ok and not check(tiny_ws).notes


def _file(folder, name, data):
    p = folder / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "too_large", "unreadable"])
def test_bad_evidence_is_refused_and_changes_nothing(tiny_ws, tmp_path, case):
    tiny_ws.set_setting("evidence_max_bytes", str(1000))
    target = tmp_path / "x.pdf"
    if case == "directory":
        target.mkdir()
    elif case == "empty":
        target.write_bytes(b"")
    elif case == "too_large":
        target.write_bytes(b"x" * 1001)
    elif case == "unreadable":
        import os

        if os.geteuid() == 0:
            pytest.skip("root can read any file")
        target.write_bytes(b"abc")
        target.chmod(0)
    before = db_rows(tiny_ws, "SELECT count(*) FROM document")[0][0], len(tiny_ws.audit(limit=1000))
    with pytest.raises(ParDeskError) as exc:
        tiny_ws.attach("1.1.1", target)
    assert str(target) in exc.value.message()
    assert (db_rows(tiny_ws, "SELECT count(*) FROM document")[0][0], len(tiny_ws.audit(limit=1000))) == before
    assert tiny_ws.evidence.all_hashes() == set()
    assert tiny_ws.evidence.leftover_temps() == []


def test_vietnamese_file_names_nfc_and_nfd_are_the_same(tiny_ws, tmp_path):
    name = "Báo cáo cải cách hành chính quý IV.pdf"
    nfd = unicodedata.normalize("NFD", name)
    (tmp_path / nfd).write_bytes(make_pdf_bytes("nfd"))
    doc = tiny_ws.attach("1.1.1", tmp_path / unicodedata.normalize("NFC", name))  # typed in NFC
    assert doc.original_name == unicodedata.normalize("NFC", name)
    assert tiny_ws.documents(search="bao cao cai cach")[0].id == doc.id  # no diacritics needed


def test_check_detects_a_damaged_evidence_file(tiny_ws, tmp_path):
    doc = tiny_ws.attach("1.1.1", _file(tmp_path, "a.pdf", b"%PDF original"))
    path = tiny_ws.evidence.path_for(doc.sha256)
    path.chmod(0o644)
    path.write_bytes(b"%PDF tampered")
    report = check(tiny_ws)
    assert not report.ok and report.problems[0].key == "chk.bad_hash"
    path.unlink()
    assert check(tiny_ws).problems[0].key == "chk.missing_file"


def test_documents_filters(tiny_ws, tmp_path):
    a = tiny_ws.attach("1.1.1", _file(tmp_path, "a.pdf", b"%PDF a"), number="1/KH-UBND", issued_date="2025-01-02",
                       issuer="UBND xã", subject="Kế hoạch")
    b = tiny_ws.attach("1.2.1", _file(tmp_path, "b.pdf", b"%PDF b"))
    assert [d.id for d in tiny_ws.documents(missing_metadata=True)] == [b.id]
    assert [d.id for d in tiny_ws.documents(code="1.1.1")] == [a.id]
    assert [d.id for d in tiny_ws.documents(search="ke hoach")] == [a.id]


def test_appraisal_and_unit_updates(tiny_ws):
    tiny_ws.record_appraisal("2.2.1", 1, "3", comment="Theo kết quả điều tra")
    s = tiny_ws.summary()
    assert s.totals.leaf_scores["2.2.1"] == 3
    tiny_ws.update_unit(leader_name="Lê Văn Cường")
    assert Workspace(tiny_ws.folder).unit().leader_name == "Lê Văn Cường"
    with pytest.raises(ParDeskError):
        tiny_ws.update_unit(admin_code="abc")


def test_attach_many_is_all_or_nothing(tiny_ws, tmp_path):
    good = [_file(tmp_path, f"g{i}.pdf", b"%PDF good " + bytes([i]) * 3_000_000) for i in range(3)]
    bad = tmp_path / "missing.pdf"
    with pytest.raises(ParDeskError) as exc:
        tiny_ws.attach_many([("1.1.1", good[0]), ("1.2.1", bad), ("1.1.2", good[1])])
    assert exc.value.where == str(bad)
    assert tiny_ws.documents() == [] and tiny_ws.evidence.all_hashes() == set()
    docs = tiny_ws.attach_many([("1.1.1", good[0]), ("1.2.1", good[1]), ("1.1.2", good[0])])
    assert [d.id for d in docs] == [docs[0].id, docs[1].id, docs[0].id]
    assert docs[2].codes == ("1.1.1", "1.1.2")
    assert len(tiny_ws.evidence.all_hashes()) == 2


def test_cancelling_an_attach_leaves_nothing_behind(tiny_ws, tmp_path):
    from parDesk.evidence import Cancelled

    files = [_file(tmp_path, f"c{i}.pdf", b"%PDF " + bytes([i]) * 4_000_000) for i in range(3)]
    seen = []

    def progress(n):
        seen.append(n)

    with pytest.raises(Cancelled):
        tiny_ws.attach_many([("1.1.1", f) for f in files], progress=progress, cancel=lambda: sum(seen) > 5_000_000)
    assert tiny_ws.documents() == []
    assert tiny_ws.evidence.all_hashes() == set() and tiny_ws.evidence.leftover_temps() == []
