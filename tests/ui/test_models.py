"""Item models without a view: structure, state, filtering."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from parDesk.ui.changes import read_state
from parDesk.ui.models.documents import DocCol, DocumentTableModel
from parDesk.ui.models.results import LosingModel, ProblemModel
from parDesk.ui.models.tree import BONUS, PENALTY, CodeRole, Col, FrameworkTreeModel, StatusRole, TreeFilterProxy
from parDesk.workspace import Workspace


def test_tree_structure_and_model_tester(ws_folder, qtmodeltester, language):
    ws = Workspace(ws_folder)
    model = FrameworkTreeModel(ws.framework)
    qtmodeltester.check(model)
    assert model.rowCount() == 4  # two areas, bonus, penalty
    assert model.index(0, Col.CODE).data() == "1"
    assert model.index(2, Col.TITLE).data() == "Điểm thưởng"
    leaf = model.index_for("1.1.2")
    assert leaf.parent().data(CodeRole) == "1.1"
    assert leaf.parent().parent().data(CodeRole) == "1"
    assert model.leaf_codes()[:3] == ["1.1.1", "1.1.2", "1.1.3"]
    assert model.index_for(BONUS).isValid() and model.index_for(PENALTY).isValid()
    ws.close()


def test_tree_follows_state(ws_folder, language):
    ws = Workspace(ws_folder)
    model = FrameworkTreeModel(ws.framework)
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda a, b, _r=None: changed.append((a, b)))
    ws.set_inputs("1.1.2", {"numerator": 95, "denominator": 100})
    model.apply_state(read_state(ws))
    idx = model.index_for("1.1.2", Col.SCORE)
    assert idx.data() == "1 / 2"  # 95 % → tier 90 %: 1 point, shown the Vietnamese way
    assert model.index_for("1.1.2").data(StatusRole) == "in_progress"  # no evidence, no explanation yet
    assert model.index_for("1.1", Col.SCORE).data() == "1 / 6"
    assert model.index_for("2.2.1").data(StatusRole) == "province"
    assert changed, "rows whose state changed are announced"
    changed.clear()
    model.apply_state(read_state(ws))
    assert not changed, "nothing is announced when nothing changed"
    ws.set_not_applicable("1.2.2")
    model.apply_state(read_state(ws))
    assert model.index_for("1.2.2").data(StatusRole) == "not_applicable"
    assert model.index_for("1.2.2", Col.SCORE).data() == QCoreApplication.translate("FrameworkTreeModel", "N/A")
    ws.close()


def test_proxy_finds_codes_and_words_without_diacritics(ws_folder, language):
    ws = Workspace(ws_folder)
    model = FrameworkTreeModel(ws.framework)
    proxy = TreeFilterProxy()
    proxy.setSourceModel(model)

    def visible_codes() -> set[str]:
        out: set[str] = set()

        def walk(parent: QModelIndex) -> None:
            for r in range(proxy.rowCount(parent)):
                i = proxy.index(r, 0, parent)
                out.add(i.data(CodeRole))
                walk(i)
        walk(QModelIndex())
        return out

    proxy.set_search("ke hoach")
    found = visible_codes()
    assert {"1.1.1", "1.2.1"} <= found and "2.1.1" not in found
    assert "1" in found and "1.1" in found  # ancestors stay so the match can be reached
    proxy.set_search("kỷ luật")
    assert "2.1.1" in visible_codes()
    proxy.set_search("2.1.2")
    assert "2.1.2" in visible_codes() and "1.1.1" not in visible_codes()
    proxy.set_search("")
    assert len(visible_codes()) == len(list(model.leaf_codes())) + 8
    ws.close()


def test_document_and_result_models(ws_folder, tmp_path, qtmodeltester, language):
    ws = Workspace(ws_folder)
    f = tmp_path / "kh.pdf"
    f.write_bytes(b"%PDF-1.4\nke hoach\n")
    doc = ws.attach("1.1.1", f, number="15/KH-UBND", issued_date="15/01/2025")
    docs = DocumentTableModel()
    docs.set_rows(ws.documents())
    qtmodeltester.check(docs)
    assert docs.rowCount() == 1
    assert docs.index(0, DocCol.NUMBER).data() == "15/KH-UBND"
    assert docs.index(0, DocCol.DATE).data() == "15/01/2025"
    assert docs.index(0, DocCol.CODES).data() == "1.1.1"
    assert docs.index(0, DocCol.NAME).data(Qt.ItemDataRole.DecorationRole) is not None  # issuer missing
    assert doc.id == docs.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)

    summary = ws.summary()
    losing = LosingModel()
    losing.set_rows(summary.losing)
    qtmodeltester.check(losing)
    at_stake = [lp.at_stake for lp in summary.losing]
    assert at_stake == sorted(at_stake, reverse=True) and losing.rowCount() == len(at_stake)
    assert losing.code_at(0) == summary.losing[0].code
    problems = ProblemModel(ws.framework)
    problems.set_rows(summary.problems)
    qtmodeltester.check(problems)
    assert problems.rowCount() == len({p.where for p in summary.problems}) > 0  # one row per item (issue 9)
    assert problems.code_at(0) in ws.framework
    ws.close()


def test_a_criterion_whose_every_item_is_na_reads_na_not_zero(tmp_path, unit, language):
    from pathlib import Path

    deep = Path(__file__).resolve().parents[1] / "data" / "deep-test.json"
    ws = Workspace.create(tmp_path / "ws", unit, deep)
    model = FrameworkTreeModel(ws.framework)
    na = QCoreApplication.translate("FrameworkTreeModel", "N/A")
    ws.set_not_applicable("A.1.1.1")
    model.apply_state(read_state(ws))
    assert model.index_for("A.1.1", Col.SCORE).data() != na  # one item still counts
    ws.set_not_applicable("A.1.1.2")
    model.apply_state(read_state(ws))
    assert model.index_for("A.1.1", Col.SCORE).data() == na
    assert na == "Không áp dụng"
    ws.set_not_applicable("A.1.1.2", False)
    model.apply_state(read_state(ws))
    assert model.index_for("A.1.1", Col.SCORE).data() != na
    ws.close()
