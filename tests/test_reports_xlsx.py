"""Spreadsheets: the live scoring workbook, answers back from it, frameworks from the template."""

from __future__ import annotations

import random
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_fixtures import ROOT, build_snapshot, shipped_framework, small_framework

from parDesk.i18n import ParDeskError, ValidationErrors
from parDesk.models.framework import Framework, Leaf
from parDesk.reports import (
    describe_changes,
    export_xlsx,
    framework_from_xlsx,
    framework_to_xlsx,
    read_answers_xlsx,
    write_framework_template,
)
from parDesk.reports.xlsx import _COL, _L, FIRST_ROW, SHEET_EVIDENCE, SHEET_SCORES
from parDesk.scoring import LeafState, compute_totals, normalize_inputs

TEMPLATES = ROOT / "resources" / "templates"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def fw() -> Framework:
    return small_framework()


@pytest.fixture(scope="module")
def snap(fw):
    return build_snapshot(fw)


@pytest.fixture()
def book(tmp_path, fw, snap) -> Path:
    return export_xlsx(snap, tmp_path / "bang-diem.xlsx", fw).path


def rows_by_code(ws) -> dict[str, int]:
    out = {}
    for r in range(FIRST_ROW, ws.max_row + 1):
        v = ws.cell(r, _COL["code"]).value
        if v:
            out[str(v)] = r
    return out


def current_inputs(snap) -> dict[str, dict]:
    return {i["code"]: i.get("inputs") or None for i in snap["items"] if i["kind"] == "leaf"}


# ---------------------------------------------------------------------------
# Export


def test_export_structure_values_and_formulas(book, snap, fw):
    wb = load_workbook(book)
    assert wb.sheetnames[:2] == [SHEET_SCORES, SHEET_EVIDENCE]
    ws = wb[SHEET_SCORES]
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"
    assert "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM" in ws["A2"].value
    assert ws["C4"].value == fw.hash
    rows = rows_by_code(ws)
    assert list(rows) == [i["code"] for i in snap["items"]]  # every item, in document order
    S, E, F, G, H, J = _L["score"], _L["done"], _L["numerator"], _L["denominator"], _L["level"], _L["score_input"]
    r = rows["1.1.1"]
    assert ws[f"{E}{r}"].value == "Có"
    assert ws[f"{S}{r}"].value.startswith(f'=IF(OR(TRIM({E}{r})="có",')
    r = rows["1.1.2"]
    assert (ws[f"{F}{r}"].value, ws[f"{G}{r}"].value) == (9, 10)
    assert "ISNUMBER" in ws[f"{S}{r}"].value and f"{F}{r}*100>=100*{G}{r}" in ws[f"{S}{r}"].value
    assert ws[f"{H}{rows['1.1.3']}"].value == "Có điều chỉnh nhưng chậm"  # the level's name, not its id
    assert ws[f"{J}{rows['2.2.2']}"].value == 1.75
    # subtotals are SUM formulas over the children's score cells
    crit = ws[f"{S}{rows['1.1']}"].value
    assert crit == f"=ROUND(SUM({S}{rows['1.1.1']},{S}{rows['1.1.2']},{S}{rows['1.1.3']}),2)"
    assert ws[f"{S}{rows['1.3']}"].value == f"=ROUND(SUM({S}{rows['1.3.1']},{S}{rows['1.3.2']}),2)"
    assert ws[f"{S}{rows['1']}"].value.startswith("=ROUND(SUM(")
    # the not-applicable item says so in words and adds nothing to the unit's maximum
    assert ws[f"{S}{rows['1.3.2']}"].value == "Không áp dụng"
    assert ws[f"{_L['max_applicable']}{rows['1.3.2']}"].value == 0
    assert "Không áp dụng" in ws[f"{_L['explanation']}{rows['1.3.2']}"].value
    # survey item carries the province's score as a value; its maximum counts only once scored
    assert ws[f"{S}{rows['3.1.1']}"].value == 3.5
    assert ws[f"{S}{rows['3.1.2']}"].value is None
    assert ws[f"{_L['max_applicable']}{rows['3.1.2']}"].value == f"=IF(ISNUMBER({S}{rows['3.1.2']}),4,0)"
    # totals at the bottom
    labels = {ws.cell(r, _COL["title"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    total_row = labels["TỔNG ĐIỂM TỰ ĐÁNH GIÁ"]
    assert ws[f"{S}{total_row}"].value.startswith("=MAX(0,")
    assert ws[f"{S}{labels['Tự xếp loại']}"].value.startswith("=IF(")
    assert ws[f"{S}{labels['Điểm thưởng (đã áp dụng mức tối đa)']}"].value.startswith("=")
    bonus_head = next(r for t, r in labels.items() if t and t.startswith("Điểm thưởng ("))
    assert ws[f"{S}{bonus_head}"].value.startswith("=MIN(2,ROUND(SUM(")


def test_export_styles_and_print_setup(book):
    wb = load_workbook(book)
    ws = wb[SHEET_SCORES]
    rows = rows_by_code(ws)
    assert ws.cell(rows["1"], _COL["title"]).font.b  # area bold
    assert ws.cell(rows["1.1"], _COL["title"]).font.b  # criterion bold
    assert not ws.cell(rows["1.1.1"], _COL["title"]).font.b  # leaf plain
    assert ws.cell(rows["1"], _COL["title"]).fill.fgColor.rgb.endswith("D9D9D9")
    assert ws.cell(rows["1.1.1"], _COL["title"]).alignment.wrap_text
    assert ws.cell(rows["1.1.1"], _COL["done"]).fill.fgColor.rgb.endswith("FFF2CC")  # an input cell
    assert ws.freeze_panes == f"C{FIRST_ROW}"
    assert ws.print_title_rows.replace("$", "") == "7:8"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["B"].width >= 40
    assert ws.row_dimensions[6].hidden  # the machine keys
    assert ws.oddHeader.center.text == "&P" and ws.HeaderFooter.differentFirst
    assert ws.data_validations.dataValidation  # drop-downs for yes/no and levels
    labels = {ws.cell(r, _COL["title"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    assert ws.cell(labels["Tỷ lệ đạt (%)"], _COL["score"]).number_format == "0.00"


def test_evidence_sheet(book, snap):
    ws = load_workbook(book)[SHEET_EVIDENCE]
    docs = [(i["code"], d) for i in snap["items"] for d in i.get("evidence", [])]
    assert ws.max_row == len(docs) + 1
    assert ws["A1"].value == "STT" and ws.freeze_panes == "A2" and ws.auto_filter.ref
    for r, (code, doc) in enumerate(docs, start=2):
        assert ws.cell(r, 2).value == code
        assert ws.cell(r, 4).value == doc["number"]
        assert ws.cell(r, 11).value == doc["sha256"]
        assert ws.cell(r, 5).number_format == "DD/MM/YYYY"


def test_export_is_reproducible(tmp_path, fw, snap):
    a = export_xlsx(snap, tmp_path / "a.xlsx", fw).path.read_bytes()
    b = export_xlsx(snap, tmp_path / "b.xlsx", fw).path.read_bytes()
    assert a == b


def test_export_refuses_another_framework(tmp_path, snap):
    other = shipped_framework("tiny-test.json")
    if other is None:
        pytest.skip("tiny-test.json not shipped")
    with pytest.raises(ParDeskError) as exc:
        export_xlsx(snap, tmp_path / "x.xlsx", other)
    assert exc.value.key == "xl.framework_mismatch"


# ---------------------------------------------------------------------------
# Import of answers


def test_round_trip_reads_back_exactly_the_snapshot_inputs(book, fw, snap):
    changes, errors = read_answers_xlsx(book, fw)
    assert errors == []
    expected = [(i["code"], normalize_inputs(fw.leaf(i["code"]), i["inputs"]))
                for i in snap["items"] if i["kind"] == "leaf" and i.get("inputs")]
    assert changes == expected
    # with parDesk's current inputs nothing would change
    changes, errors = read_answers_xlsx(book, fw, current=current_inputs(snap))
    assert (changes, errors) == ([], [])


def test_dry_run_reads_without_writing_and_lists_the_changes(book, fw, snap):
    before = book.read_bytes()
    wb = load_workbook(book)
    ws = wb[SHEET_SCORES]
    rows = rows_by_code(ws)
    ws[f"{_L['done']}{rows['1.1.1']}"] = "Không"
    ws[f"{_L['numerator']}{rows['1.1.2']}"] = 10
    ws[f"{_L['level']}{rows['1.1.3']}"] = "a"
    ws[f"{_L['score_input']}{rows['2.2.2']}"] = "1,5"  # Vietnamese decimal typed as text
    ws[f"{_L['violations']}{rows['1.2.2']}"] = 0
    ws[f"{_L['done']}{rows['T2']}"] = "có"
    wb.save(book)
    edited = book.read_bytes()
    assert edited != before
    current = current_inputs(snap)
    changes, errors = read_answers_xlsx(book, fw, current=current)
    assert errors == []
    assert changes == [
        ("1.1.1", {"done": False}), ("1.1.2", {"numerator": 10, "denominator": 10}), ("1.1.3", {"level": "a"}),
        ("1.2.2", {"violations": 0}), ("2.2.2", {"score": "1.5"}), ("T2", {"done": True}),
    ]
    assert book.read_bytes() == edited  # reading never writes
    assert read_answers_xlsx(book, fw, current=current) == (changes, errors)  # and is repeatable
    lines = describe_changes(changes, current)
    assert lines[0] == "1.1.1: done=Có → done=Không"
    assert lines[-1] == "T2: (trống) → done=Có"


def _edit(book: Path, edits: dict[str, object], extra_rows: list[list[object]] = ()) -> dict[str, int]:
    wb = load_workbook(book)
    ws = wb[SHEET_SCORES]
    rows = rows_by_code(ws)
    for ref, value in edits.items():
        code, key = ref.split("@")
        ws[f"{_L[key]}{rows[code]}"] = value
    for values in extra_rows:
        ws.append(values)
    wb.save(book)
    return rows


def test_every_bad_cell_is_reported_with_its_sheet_and_cell(book, fw):
    rows = _edit(book, {
        "2.2.2@score_input": 3,          # over the maximum 2
        "1.2.1@score_input": 0.7,        # off the 0.5 step
        "2.1.1@numerator": "nhiều",      # text where a count belongs
        "2.1.2@numerator": 1300,         # numerator over denominator (1234)
        "1.3.1.2@denominator": None,     # numerator without denominator
        "1.1.1@numerator": 5,            # a column the yes/no item does not use
        "1.1.3@level": "z",              # unknown level
        "3.1.2@done": "Có",              # the province scores survey items
        "1.1@done": "Có",                # a subtotal row
        "1.2.2@violations": -1,          # negative count
        "T1@score": 1,                   # the computed score overwritten by hand
        "1.3.1.1@done": "chắc chắn",     # not yes/no
    }, extra_rows=[["9.9.9", "Mục lạ", None, 1, "Có"], ["1.1.1", "Trùng", None, 1, "Có"]])
    _changes, errors = read_answers_xlsx(book, fw)
    where = {e.where: e.key for e in errors}
    S = SHEET_SCORES

    def at(code: str, key: str) -> str:
        return f"{S}!{_L[key]}{rows[code]}"

    assert where[at("2.2.2", "score_input")] == "in.score_range"
    assert where[at("1.2.1", "score_input")] == "in.score_step"
    assert where[at("2.1.1", "numerator")] == "xl.not_count"
    assert where[at("2.1.2", "numerator")] == "xl.num_over_den"
    assert where[at("1.3.1.2", "denominator")] == "xl.incomplete"
    assert where[at("1.1.1", "numerator")] == "xl.unused_cell"
    assert where[at("1.1.3", "level")] == "xl.level"
    assert where[at("3.1.2", "done")] == "xl.survey_input"
    assert where[at("1.1", "done")] == "xl.node_input"
    assert where[at("1.2.2", "violations")] == "xl.not_count"
    assert where[at("T1", "score")] == "xl.score_overwritten"
    assert where[at("1.3.1.1", "done")] == "xl.not_yes_no"
    last = load_workbook(book)[S].max_row
    assert where[f"{S}!A{last - 1}"] == "xl.unknown_code"
    assert where[f"{S}!A{last}"] == "xl.duplicate_code"
    assert len(errors) == 14
    # Messages read well in both languages and start with the cell.
    msg = next(e for e in errors if e.key == "xl.num_over_den")
    assert msg.message("vi") == f"{at('2.1.2', 'numerator')}: tử số 1300 lớn hơn mẫu số 1234"
    assert "numerator 1300 is larger" in msg.message("en")
    unused = next(e for e in errors if e.key == "xl.unused_cell")
    assert "1.1.1" in unused.message("vi") and "Có: 1" in unused.message("vi")


def test_formula_in_an_input_cell(book, fw):
    rows = _edit(book, {"2.1.1@numerator": "=1200+25"})
    _changes, errors = read_answers_xlsx(book, fw)
    assert [(e.where, e.key) for e in errors] == [(f"{SHEET_SCORES}!{_L['numerator']}{rows['2.1.1']}",
                                                   "xl.formula_input")]


def test_workbook_for_another_framework_is_refused(book):
    other = shipped_framework("tiny-test.json")
    if other is None:
        pytest.skip("tiny-test.json not shipped")
    _changes, errors = read_answers_xlsx(book, other)
    assert errors[0].key == "xl.hash_mismatch" and errors[0].where == f"{SHEET_SCORES}!C4"


def test_not_a_parDesk_workbook(tmp_path, fw):
    p = tmp_path / "x.xlsx"
    write_framework_template(p)
    changes, errors = read_answers_xlsx(p, fw)
    assert changes == [] and errors[0].key == "xl.no_sheet"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    changes, errors = read_answers_xlsx(bad, fw)
    assert errors[0].key == "xl.not_xlsx" and errors[0].where == "bad.xlsx"
    assert "không phải bảng tính Excel" in errors[0].message()


# ---------------------------------------------------------------------------
# Framework template


def test_shipped_templates(tmp_path):
    empty = TEMPLATES / "bo-chi-so-mau.xlsx"
    example = TEMPLATES / "bo-chi-so-vi-du.xlsx"
    assert empty.exists() and example.exists()
    wb = load_workbook(empty)
    assert wb.sheetnames == ["Hướng dẫn", "Thông tin", "Xếp loại", "Chỉ số", "Điểm thưởng", "Điểm trừ"]
    assert "HƯỚNG DẪN" in wb["Hướng dẫn"]["A1"].value
    fw = framework_from_xlsx(example)
    sample = shipped_framework("sample-xa-2025.json")
    assert fw.id == "mau-xa-2025"
    if sample is not None:
        assert fw.hash == sample.hash, "regenerate with: python resources/templates/build_templates.py"
    # The empty template is refused with errors naming cells, not crashes.
    with pytest.raises(ValidationErrors) as exc:
        framework_from_xlsx(empty)
    wheres = {e.where for e in exc.value.errors}
    assert "Thông tin!C2" in wheres  # id
    assert all("!" in w for w in wheres), wheres


def test_template_generation_is_reproducible(tmp_path):
    script = TEMPLATES / "build_templates.py"
    out1, out2 = tmp_path / "a", tmp_path / "b"
    for out in (out1, out2):
        subprocess.run([str(Path(__import__("sys").executable)), str(script), "--out", str(out)], check=True,
                       capture_output=True)
    for name in ("bo-chi-so-mau.xlsx", "bo-chi-so-vi-du.xlsx"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
        # The committed template is current. openpyxl writes the same XML with or without lxml
        # installed, only spaced differently, so compare it canonicalised.
        assert _xlsx_content(out1 / name) == _xlsx_content(TEMPLATES / name), name


def _xlsx_content(path: Path) -> dict[str, bytes]:
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: ET.canonicalize(z.read(n).decode("utf-8")).encode() if n.endswith((".xml", ".rels"))
                else z.read(n) for n in sorted(z.namelist())}


@pytest.mark.parametrize("name", ["small", "tiny-test.json", "sample-xa-2025.json"])
def test_framework_round_trip_keeps_the_hash(tmp_path, name):
    fw = small_framework() if name == "small" else shipped_framework(name)
    if fw is None:
        pytest.skip(f"{name} not shipped")
    path = framework_to_xlsx(fw, tmp_path / "fw.xlsx").path
    back = framework_from_xlsx(path)
    assert back.hash == fw.hash
    assert back.to_dict() == fw.to_dict()


def _fw_sheet_edit(path: Path, sheet: str, cell: str, value: object) -> None:
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


def _tree_row(path: Path, code: str) -> int:
    ws = load_workbook(path)["Chỉ số"]
    return next(r for r in range(3, ws.max_row + 1) if str(ws.cell(r, 1).value) == code)


@pytest.mark.parametrize("edit, expect_col, key", [
    (("1.1.1", "D", "một"), "D", "fw.decimal"),              # text where the maximum belongs
    (("1.1.1", "D", 3), "D", "fw.sum_mismatch"),              # children no longer add up (reported on the parent)
    (("1.1.1", "E", "Bốc thăm"), "E", "xl.fw_kind"),          # unknown scoring kind
    (("1.1.2", "I", "100 điểm 2"), "I", "xl.fw_pairs"),       # unreadable tiers
    (("1.1.2", "I", "80: 1; 100: 2"), "I", "fw.thresholds_order"),
    (("1.1.3", "L", "a: Đạt = 5"), "L", "fw.points_over_max"),
    (("1.2.1", "M", "0,4"), "M", "fw.step"),                  # step does not divide 1.5
    (("1.1.2", "B", "7.7"), "B", "xl.fw_parent"),             # parent not defined above
    (("1.3.2", "S", "có lẽ"), "S", "xl.fw_bool"),
])
def test_framework_template_errors_name_the_cell(tmp_path, edit, expect_col, key):
    fw = small_framework()
    path = framework_to_xlsx(fw, tmp_path / "fw.xlsx").path
    code, col, value = edit
    row = _tree_row(path, code)
    _fw_sheet_edit(path, "Chỉ số", f"{col}{row}", value)
    with pytest.raises(ValidationErrors) as exc:
        framework_from_xlsx(path)
    found = {(e.where, e.key) for e in exc.value.errors}
    if key == "fw.sum_mismatch":
        assert (f"Chỉ số!D{_tree_row(path, '1.1')}", key) in found, found
    else:
        assert (f"Chỉ số!{expect_col}{row}", key) in found, found
    text = exc.value.message("vi")
    assert "Chỉ số!" in text


def test_framework_template_info_and_band_errors(tmp_path):
    path = framework_to_xlsx(small_framework(), tmp_path / "fw.xlsx").path
    _fw_sheet_edit(path, "Thông tin", "C4", "hai nghìn")  # year
    _fw_sheet_edit(path, "Xếp loại", "A3", 95)  # bands no longer decrease
    with pytest.raises(ValidationErrors) as exc:
        framework_from_xlsx(path)
    found = {(e.where, e.key) for e in exc.value.errors}
    assert ("Thông tin!C4", "fw.type") in found
    assert ("Xếp loại!A2", "fw.bands") in found


def test_vietnamese_decimals_and_labels_in_the_template(tmp_path):
    fw = small_framework()
    path = framework_to_xlsx(fw, tmp_path / "fw.xlsx").path
    ws = load_workbook(path)["Chỉ số"]
    r = _tree_row(path, "1.1.3")
    assert ws[f"E{r}"].value == "Chọn mức"
    assert ws[f"L{r}"].value.splitlines()[1] == "b: Có điều chỉnh nhưng chậm = 0,5"
    # A province may write decimals with a comma and the kind in English.
    _fw_sheet_edit(path, "Chỉ số", f"D{_tree_row(path, '1.2.1')}", "1,5")
    _fw_sheet_edit(path, "Chỉ số", f"E{_tree_row(path, '1.2.1')}", "manual")
    assert framework_from_xlsx(path).hash == fw.hash


# ---------------------------------------------------------------------------
# LibreOffice recalculates the exported sheet to parDesk's numbers


def _recalc(src: Path, out_dir: Path) -> Path:
    profile = out_dir / "lo-profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "xlsx", "--outdir", str(out_dir), str(src)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / src.name


def _random_inputs(leaf: Leaf, rnd: random.Random) -> dict | None:
    kind = leaf.rule.kind
    if kind == "survey":
        return None
    if kind == "yes_no":
        return {"done": rnd.random() < 0.6}
    if kind in ("ratio_tiers", "proportional"):
        den = rnd.choice([0, 1, 3, 7, 8, 10, 32, 100, 800, 1234, rnd.randint(1, 5000)])
        num = den if rnd.random() < 0.3 else rnd.randint(0, den)
        return {"numerator": num, "denominator": den}
    if kind == "levels":
        return {"level": rnd.choice(leaf.rule.levels).id}
    if kind == "manual":
        steps = int(leaf.max / leaf.rule.step)
        return {"score": str(leaf.rule.step * rnd.randint(0, steps))}
    return {"violations": rnd.randint(0, 6)}


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("name", ["small", "sample-xa-2025.json"])
def test_libreoffice_recalculation_matches_parDesk(tmp_path, name):
    fw = small_framework() if name == "small" else shipped_framework(name)
    if fw is None:
        pytest.skip(f"{name} not shipped")
    snap = build_snapshot(fw)
    book = export_xlsx(snap, tmp_path / "in" / "bang.xlsx", fw).path

    # Then an officer changes inputs in the sheet: the formulas must follow.
    rnd = random.Random(2026)
    na = {i["code"] for i in snap["items"] if i.get("not_applicable")}
    answers = {i["code"]: i.get("inputs") for i in snap["items"] if i["kind"] == "leaf"}
    wb = load_workbook(book)
    ws = wb[SHEET_SCORES]
    rows = rows_by_code(ws)
    for leaf in fw.all_leaves():
        if leaf.code in na or rnd.random() < 0.25:
            continue
        new = _random_inputs(leaf, rnd)
        if new is None:
            continue
        answers[leaf.code] = new
        r = rows[leaf.code]
        for key in ("done", "numerator", "denominator", "level", "violations", "score_input"):
            ws[f"{_L[key]}{r}"] = None
        for k, v in new.items():
            col = {"done": "done", "score": "score_input"}.get(k, k)
            ws[f"{_L[col]}{r}"] = ("Có" if v else "Không") if k == "done" else (
                float(Decimal(v)) if k == "score" else v)
    wb.save(book)

    out = _recalc(book, tmp_path / "out")
    calc = load_workbook(out, data_only=True)[SHEET_SCORES]
    states = {}
    for i in snap["items"]:
        if i["kind"] != "leaf":
            continue
        appraised = i["score"] if i["rule_kind"] == "survey" and i["score"] is not None else None
        states[i["code"]] = LeafState(inputs=answers.get(i["code"]), not_applicable=i.get("not_applicable", False),
                                      appraised=Decimal(appraised) if appraised else None)
    totals = compute_totals(fw, states)

    def num(v) -> Decimal | None:
        return None if v in (None, "") else Decimal(repr(v)).quantize(Decimal("0.0001"))

    for leaf in fw.all_leaves():
        if leaf.code in na:
            assert calc[f"{_L['score']}{rows[leaf.code]}"].value == "Không áp dụng"
            continue
        got = num(calc[f"{_L['score']}{rows[leaf.code]}"].value)
        want = totals.leaf_scores.get(leaf.code)
        assert got == (None if want is None else want.quantize(Decimal("0.0001"))), (leaf.code, leaf.rule.kind,
                                                                                     answers.get(leaf.code))
    for code, nt in totals.nodes.items():
        assert num(calc[f"{_L['score']}{rows[code]}"].value) == nt.score.quantize(Decimal("0.0001")), code
    labels = {calc.cell(r, _COL["title"]).value: r for r in range(FIRST_ROW, calc.max_row + 1)}

    def total(label: str) -> object:
        return calc[f"{_L['score']}{labels[label]}"].value

    assert num(total("Cộng điểm các lĩnh vực")) == totals.base.quantize(Decimal("0.0001"))
    assert num(total("Điểm thưởng (đã áp dụng mức tối đa)")) == totals.bonus.quantize(Decimal("0.0001"))
    assert num(total("Điểm trừ (đã áp dụng mức tối đa)")) == totals.penalty.quantize(Decimal("0.0001"))
    assert num(total("TỔNG ĐIỂM TỰ ĐÁNH GIÁ")) == totals.total.quantize(Decimal("0.0001"))
    assert num(total("Điểm tối đa của đơn vị (trừ tiêu chí không áp dụng)")) == \
        totals.max_applicable.quantize(Decimal("0.0001"))
    assert num(total("Tỷ lệ đạt (%)")) == totals.percent.quantize(Decimal("0.0001"))
    assert total("Tự xếp loại") == totals.rating
    # And the unchanged export recalculates to the snapshot's own totals.
    out0 = _recalc(export_xlsx(snap, tmp_path / "in0" / "bang.xlsx", fw).path, tmp_path / "out0")
    calc0 = load_workbook(out0, data_only=True)[SHEET_SCORES]
    assert num(calc0[f"{_L['score']}{labels['TỔNG ĐIỂM TỰ ĐÁNH GIÁ']}"].value) == \
        Decimal(snap["totals"]["total"]).quantize(Decimal("0.0001"))
    assert num(calc0[f"{_L['score']}{labels['Tỷ lệ đạt (%)']}"].value) == \
        Decimal(snap["totals"]["percent"]).quantize(Decimal("0.0001"))
    # A workbook saved by LibreOffice still imports (cached values, same keys and hash).
    _changes, errors = read_answers_xlsx(out, fw)
    assert errors == []


def test_level_column_offers_the_level_names_and_the_import_takes_name_or_id(book, fw):
    wb = load_workbook(book)
    ws = wb[SHEET_SCORES]
    rows = rows_by_code(ws)
    cell = f"{_L['level']}{rows['1.1.3']}"
    dv = next(dv for dv in ws.data_validations.dataValidation if cell in str(dv.sqref))
    assert dv.type == "list"
    sheet, rng = dv.formula1.rsplit("!", 1)
    lists = wb[sheet.strip("'")]
    assert lists.sheet_state == "hidden" and wb.sheetnames[-1] == lists.title
    names = [c.value for row in lists[rng.replace("$", "")] for c in row]
    assert names == [lv.label for lv in fw.leaf("1.1.3").rule.levels]
    for typed, want in (("Điều chỉnh kịp thời, đầy đủ", "a"), ("  KHÔNG điều chỉnh ", "c"), ("b", "b"), ("B", "b")):
        ws[cell] = typed
        wb.save(book)
        changes, errors = read_answers_xlsx(book, fw)
        assert errors == []
        assert dict(changes)["1.1.3"] == {"level": want}, typed
    ws[cell] = "Điều chỉnh"
    wb.save(book)
    _, errors = read_answers_xlsx(book, fw)
    assert [e.where for e in errors] == [f"{SHEET_SCORES}!{cell}"]
    assert "Có điều chỉnh nhưng chậm" in errors[0].message()  # the valid names are listed


def test_load_framework_any_reads_json_or_xlsx_and_refuses_the_rest_with_a_sentence(tmp_path, fw):
    import zipfile

    from parDesk.reports import load_framework_any

    xlsx = framework_to_xlsx(fw, tmp_path / "bo.xlsx").path
    js = tmp_path / "bo.json"
    js.write_bytes(fw.canonical_bytes())
    renamed = tmp_path / "bo-that-la-xlsx.json"  # the kind comes from the content, not the name
    renamed.write_bytes(xlsx.read_bytes())
    for path in (xlsx, js, renamed):
        assert load_framework_any(path).hash == fw.hash, path.name
    odd_zip = tmp_path / "khong-phai-bang-tinh.xlsx"
    with zipfile.ZipFile(odd_zip, "w") as z:
        z.writestr("readme.txt", "xin chào")
    cases = {
        "latin1.json": ("Bộ chỉ số".encode("cp1258", errors="replace") + b"\xff\xfe", "xl.fw_not_text"),
        "cu.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xl.old_xls"),
        "van-ban.xlsx": ("đây là văn bản".encode(), "xl.not_xlsx"),
        "tai-lieu.pdf": (b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n", "xl.fw_not_text"),
        "rong.json": (b"", "fw.bad_json"),
        "hong.json": (b'{"format": "pardesk-framework/1", ', "fw.bad_json"),
    }
    for name, (data, key) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(ParDeskError) as exc:
            load_framework_any(p)
        assert exc.value.key == key, name
        text = exc.value.message()
        assert "codec" not in text and "Traceback" not in text and "0x" not in text, (name, text)
    with pytest.raises(ParDeskError) as exc:
        load_framework_any(odd_zip)
    assert exc.value.key == "xl.not_xlsx" or isinstance(exc.value, ValidationErrors)
    with pytest.raises(ParDeskError) as exc:
        load_framework_any(tmp_path / "khong-co.json")
    assert exc.value.key == "fw.unreadable"


def test_rows_are_tall_enough_for_their_wrapped_text(book, snap):
    ws = load_workbook(book)[SHEET_SCORES]
    rows = rows_by_code(ws)
    for item in snap["items"]:
        if item["kind"] != "leaf":
            continue
        r = rows[item["code"]]
        assert ws.cell(r, _COL["level"]).alignment.wrap_text and ws.cell(r, _COL["score"]).alignment.wrap_text
        lines = max(1, len(item.get("evidence") or []))
        assert ws.row_dimensions[r].height >= 15 * lines, item["code"]
