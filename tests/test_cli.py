"""The `pardesk` command line, run as a real process: output, exit codes, languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import TINY, make_pdf_bytes


def run(*args, ws=None, check=None):
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "parDesk", *args]
    if ws is not None:
        cmd += ["-w", str(ws)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


@pytest.fixture
def ws(tmp_path):
    folder = tmp_path / "ws"
    run("init", "--unit-code", "12345", "--unit-name", "Ủy ban nhân dân xã Tân Lập", "--province", "Tỉnh Mẫu",
        "--framework", str(TINY), ws=folder, check=0)
    return folder


def test_whole_self_assessment_from_the_terminal(ws, tmp_path):
    run("set", "1.1.2", "numerator=95", "denominator=100", ws=ws, check=0)
    out = run("score", "1.2.2", "1,5", ws=ws, check=0).stdout
    assert "1,5" in out
    pdf = tmp_path / "Kế hoạch.pdf"
    pdf.write_bytes(make_pdf_bytes())
    out = run("evidence", "attach", "1.1.2", str(pdf), "--number", "15/KH-UBND", "--date", "10/01/2025",
              "--issuer", "UBND xã Tân Lập", "--subject", "Kế hoạch CCHC", ws=ws, check=0).stdout
    assert "Kế hoạch.pdf" in out
    listing = json.loads(run("evidence", "list", "--json", ws=ws, check=0).stdout)
    assert listing[0]["number"] == "15/KH-UBND" and listing[0]["codes"] == ["1.1.2"]
    run("evidence", "link", "1.2.2", str(listing[0]["id"]), ws=ws, check=0)
    run("explain", "1.1.1", "Đang trình ký", ws=ws, check=0)
    run("na", "1.2.2", ws=ws, check=0)
    status = json.loads(run("status", "--json", ws=ws, check=0).stdout)
    assert status["documents"] == 1 and status["losing"][0]["at_stake"]
    human = run("status", ws=ws, check=0).stdout
    assert "Tổng điểm" in human and "Đang mất điểm" in human
    assert "Total" in run("status", "--lang", "en", ws=ws, check=0).stdout
    shown = json.loads(run("show", "1.1.2", "--json", ws=ws, check=0).stdout)
    assert shown["score"] == "1" and shown["documents"] == [listing[0]["id"]]


def test_validate_exit_codes(ws):
    proc = run("validate", ws=ws, check=1)
    assert "1.1.1" in proc.stdout and "chưa có điểm" in proc.stdout
    proc = run("validate", "--json", "--lang", "en", ws=ws, check=1)
    problems = json.loads(proc.stdout)["problems"]
    assert any(p["code"] == "1.1.1" and "no self-score" in p["message"] for p in problems)


def test_bad_input_exit_2_with_a_clear_message(ws, tmp_path):
    proc = run("score", "1.2.2", "0,3", ws=ws, check=2)
    assert "1.2.2" in proc.stderr and "bước" in proc.stderr
    proc = run("score", "1.2.2", "0,3", "--lang", "en", ws=ws, check=2)
    assert "step" in proc.stderr
    assert "9.9.9" in run("set", "9.9.9", "done=true", ws=ws, check=2).stderr
    missing = tmp_path / "không-có.pdf"
    assert str(missing) in run("evidence", "attach", "1.1.1", str(missing), ws=ws, check=2).stderr
    run("set", "1.1.1", ws=ws, check=2)  # usage error
    run("nonsense", ws=ws, check=2)
    assert "pardesk init" in run("status", ws=tmp_path / "nowhere", check=2).stderr


def test_framework_commands(ws, tmp_path):
    shown = json.loads(run("framework", "show", "--json", ws=ws, check=0).stdout)
    assert shown["leaves"] == 8
    assert json.loads(run("framework", "show", "sample", "--json", check=0).stdout)["sample"] is True
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": 1}', encoding="utf-8")
    err = run("framework", "import", str(bad), ws=ws, check=2).stderr
    assert "bad.json" in err and "$.id" in err


def test_backup_check_gc_audit(ws):
    assert "backups" in run("backup", ws=ws, check=0).stdout
    assert json.loads(run("check", "--json", ws=ws, check=0).stdout)["ok"] is True
    run("gc", ws=ws, check=0)
    run("set", "1.1.1", "done=true", ws=ws, check=0)
    audit = json.loads(run("audit", "--json", ws=ws, check=0).stdout)
    assert audit[0]["action"] == "set_inputs"


def test_demo_builds_a_partly_finished_workspace(tmp_path):
    folder = tmp_path / "demo"
    status = json.loads(run("demo", "--path", str(folder), "--json", check=0).stdout)
    assert 0 < status["completed"] < status["to_score"]
    assert status["documents"] > 10 and status["losing"]
    pdfs = list((folder / "evidence").rglob("*"))
    assert any(p.is_file() and p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert json.loads(run("check", "--json", ws=folder, check=0).stdout)["ok"] is True


def _cell_for(path, code, key):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Chấm điểm"]
    key_row = next(r for r in range(1, 41) if ws.cell(r, 1).value == "pd:code")
    cols = {ws.cell(key_row, c).value: c for c in range(1, ws.max_column + 1)}
    code_col = next(c for c in range(1, ws.max_column + 1)
                    if any(ws.cell(r, c).value == code for r in range(key_row + 1, ws.max_row + 1)))
    row = next(r for r in range(key_row + 1, ws.max_row + 1) if ws.cell(r, code_col).value == code)
    return wb, ws, row, cols["pd:" + key]


def test_reports_and_spreadsheet_round_trip(ws, tmp_path):
    for form in ("checklist", "table", "letter"):
        out = tmp_path / f"{form}.pdf"
        run("report", form, "--out", str(out), ws=ws, check=0)
        assert out.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "bang-diem.xlsx"
    run("export", "xlsx", "--out", str(xlsx), ws=ws, check=0)
    wb, sheet, row, col = _cell_for(xlsx, "1.2.2", "score_input")
    sheet.cell(row, col).value = "1,5"
    wb.save(xlsx)
    dry = json.loads(run("import", "xlsx", str(xlsx), "--dry-run", "--json", ws=ws, check=0).stdout)
    assert dry["dry_run"] and dry["changes"] == [{"code": "1.2.2", "inputs": {"score": "1.5"}}]
    assert json.loads(run("show", "1.2.2", "--json", ws=ws, check=0).stdout)["score"] is None  # dry run
    run("import", "xlsx", str(xlsx), ws=ws, check=0)
    assert json.loads(run("show", "1.2.2", "--json", ws=ws, check=0).stdout)["score"] == "1.5"
    # one bad cell: nothing imported, the cell named
    wb, sheet, row, col = _cell_for(xlsx, "1.2.2", "score_input")
    sheet.cell(row, col).value = "0,3"
    row2, col2 = _cell_for(xlsx, "1.1.1", "done")[2:]
    sheet.cell(row2, col2).value = "có"
    wb.save(xlsx)
    proc = run("import", "xlsx", str(xlsx), ws=ws, check=2)
    assert "Chấm điểm!" in proc.stdout
    assert json.loads(run("show", "1.1.1", "--json", ws=ws, check=0).stdout)["score"] is None
