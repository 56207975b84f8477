"""The sync commands from a terminal: pardesk sync / outbox / receipt import, and pardesk-server administration."""

from __future__ import annotations

import json

import pytest
from harness import PASSPHRASE, ServerThread, make_service, make_unit_workspace, sign
from helpers import TINY
from openpyxl import Workbook, load_workbook

from parDesk.cli import main as pardesk
from parDesk.sync.server.cli import main as server_cli


@pytest.fixture
def server(tmp_path):
    service = make_service(tmp_path)
    with ServerThread(service) as srv:
        yield srv
    service.close()


def test_cli_round_trip(tmp_path, server, capsys, monkeypatch):
    data = str(server.service.config.data_dir)
    monkeypatch.setenv("PARDESK_PASSPHRASE", PASSPHRASE)
    assert server_cli(["framework", "publish", str(TINY), "--data", data]) == 0
    ws = make_unit_workspace(tmp_path, "71001")
    w = ["-w", str(ws.folder), "--lang", "en"]
    assert pardesk(["sync", "register", "--server", server.url, "--fingerprint", server.service.fingerprint, *w]) == 0
    assert "pending" in capsys.readouterr().out
    assert server_cli(["units", "pending", "--data", data, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["unit_code"] == "71001"
    assert server_cli(["units", "approve", "71001", "--data", data]) == 0
    assert pardesk(["sync", "status", *w]) == 0
    assert "approved" in capsys.readouterr().out
    pkg = sign(ws)
    assert pardesk(["outbox", *w]) == 0
    assert "waiting" in capsys.readouterr().out
    assert pardesk(["sync", *w, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accepted"] == 1
    assert pardesk(["outbox", *w, "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries[0]["state"] == "accepted" and entries[0]["sha256"] == pkg.sha256
    assert pardesk(["outbox", "--history", str(entries[0]["id"]), *w]) == 0
    assert "accepted" in capsys.readouterr().out

    # appraisal results from the province's spreadsheet
    code = next(iter(ws.framework.all_leaves())).code
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị", "Mã tiêu chí", "Vòng", "Điểm", "Nhận xét", "Yêu cầu giải trình"])
    sheet.append(["71001", code, 1, 0, "Chưa có tài liệu kiểm chứng", "x"])
    book.save(tmp_path / "appraisal.xlsx")
    assert server_cli(["appraisals", "import", str(tmp_path / "appraisal.xlsx"), "--data", data]) == 0
    assert pardesk(["sync", *w]) == 0
    assert ws.appraisals()[code][0].request_explanation

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"unit_code": "71001", "code": "no-such", "round": 1, "score": 1}]))
    assert server_cli(["appraisals", "import", str(bad), "--data", data]) == 2
    assert "no-such" in capsys.readouterr().err

    assert server_cli(["export", "totals", str(tmp_path / "totals.xlsx"), "--data", data]) == 0
    rows = list(load_workbook(tmp_path / "totals.xlsx").active.iter_rows(values_only=True))
    assert rows[1][0] == "71001" and rows[1][4] == 1
    assert server_cli(["units", "list", "--data", data]) == 0
    assert "71001" in capsys.readouterr().out
    ws.close()


def test_cli_usb_import_and_receipt_file(tmp_path, server, capsys):
    from parDesk.sync.registration import check_registration, register_unit

    data = str(server.service.config.data_dir)
    server.service.frameworks.publish(TINY.read_bytes())
    ws = make_unit_workspace(tmp_path, "71002")
    register_unit(ws, server.url, PASSPHRASE)
    server.service.registry.approve("71002", by="test")
    check_registration(ws)
    pkg = sign(ws)
    receipt = tmp_path / "usb" / "receipt.json"
    receipt.parent.mkdir()
    assert server_cli(["usb", "import", str(pkg.path), "--receipt", str(receipt), "--data", data]) == 0
    assert pardesk(["receipt", "import", str(receipt), "-w", str(ws.folder)]) == 0
    assert "chấp nhận" in capsys.readouterr().out
    # offline pardesk sync: exit 3, the outbox untouched
    from parDesk.sync import outbox

    outbox.set_state(ws, server_url="http://127.0.0.1:9")
    assert pardesk(["sync", "-w", str(ws.folder)]) == 3
    assert "thử lại" in capsys.readouterr().err
    assert outbox.items(ws)[0].state == "accepted"
    ws.close()
