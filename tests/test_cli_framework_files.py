"""`pardesk framework show` and `pardesk init` take the province's filled XLSX template too, say clearly
when a file is no framework, and warn when the framework is another province's (issue 9, point 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parDesk.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "frameworks" / "sample-xa-2025.json"
TINY = ROOT / "resources" / "frameworks" / "tiny-test.json"


@pytest.fixture
def book(tmp_path):
    from parDesk.models.framework import load_framework
    from parDesk.reports import framework_to_xlsx

    path = tmp_path / "bo-chi-so.xlsx"
    framework_to_xlsx(load_framework(SAMPLE), path)
    return path


@pytest.mark.parametrize("name", ["bo-chi-so.xlsx", "doi-ten-nham.json"])
def test_framework_show_reads_the_xlsx_template(book, capsys, name):
    path = book if name.endswith(".xlsx") else book.rename(book.with_name(name))
    assert main(["framework", "show", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["leaves"] == json.loads(_show(SAMPLE, capsys))["leaves"]


def _show(path, capsys):
    assert main(["framework", "show", str(path), "--json"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4])
def test_a_file_that_is_no_framework_is_said_so(tmp_path, capsys, content):
    bad = tmp_path / "khong-phai.json"
    bad.write_bytes(content)
    for lang, words in (("vi", "không phải tệp bộ chỉ số"), ("en", "not a framework file")):
        assert main(["--lang", lang, "framework", "show", str(bad)]) == 2
        err = capsys.readouterr().err
        assert words in err and "codec" not in err and "utf-8" not in err.lower(), err


def test_init_takes_the_xlsx_template(book, tmp_path, capsys):
    folder = tmp_path / "ws"
    assert main(["-w", str(folder), "init", "--unit-code", "12345", "--unit-name", "Ủy ban nhân dân xã Tân Lập",
                 "--province", "Tỉnh Mẫu", "--framework", str(book)]) == 0
    capsys.readouterr()
    assert main(["-w", str(folder), "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["to_score"] > 0


@pytest.mark.parametrize("unit_province, warned", [("Tỉnh Lào Cai", True), ("Tỉnh Phú Thọ", False),
                                                   ("phú thọ", False)])
def test_init_warns_about_another_provinces_framework(tmp_path, capsys, unit_province, warned):
    data = json.loads(TINY.read_text(encoding="utf-8"))
    data["sample"], data["province"] = False, "Tỉnh Phú Thọ"
    fw = tmp_path / "phu-tho.json"
    fw.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["init", "-w", str(tmp_path / "ws"), "--unit-code", "12345", "--unit-name", "Xã A",
                 "--province", unit_province, "--framework", str(fw)]) == 0
    err = capsys.readouterr().err
    if warned:
        assert "Tỉnh Phú Thọ" in err and unit_province in err and "Lưu ý" in err
    else:
        assert "Lưu ý" not in err
