"""Register → approve → submit → receipt → appraisal back → second version, over real sockets."""

from __future__ import annotations

import json

import pytest
from harness import PASSPHRASE, ServerThread, make_service, make_unit_workspace, sign
from helpers import TINY

from parDesk.identity import IdentityStore
from parDesk.package.submission import reopen
from parDesk.sync import outbox
from parDesk.sync.client import ServerSaid
from parDesk.sync.receipts import verify_receipt
from parDesk.sync.registration import check_registration, pinned_server_cert, register_unit
from parDesk.sync.worker import SyncWorker


@pytest.fixture
def server(tmp_path):
    service = make_service(tmp_path)
    service.frameworks.publish(TINY.read_bytes())
    with ServerThread(service) as srv:
        yield srv
    service.close()


def test_register_approve_submit_receipt_appraisal_second_version(tmp_path, server):
    service = server.service
    ws = make_unit_workspace(tmp_path)
    # before registering, the worker says what to do, it does not crash
    result = register_unit(ws, server.url, PASSPHRASE, expected_fingerprint=service.fingerprint)
    assert result["status"] == "pending"
    assert pinned_server_cert(ws).public_bytes  # pinned

    pkg = sign(ws)
    worker = SyncWorker(ws)
    with pytest.raises(ServerSaid) as info:  # not approved yet: a permanent, clear stop
        worker.run_once()
    assert info.value.server_key == "auth.pending"
    assert outbox.items(ws)[0].state == "stopped"

    service.registry.approve("12345", by="test")  # self-signed + CSR: the province issues a certificate
    reg = check_registration(ws)
    assert reg["status"] == "approved"
    issued = IdentityStore(ws.folder / "identity").certificate()
    assert issued.issuer == service.cert.subject  # the issued certificate was installed

    outbox.restart_stopped(ws)
    events = []
    worker = SyncWorker(ws, progress=events.append, chunk_size=64 * 1024)
    report = worker.run_once()
    item = outbox.items(ws)[0]
    assert item.state == "accepted", item
    assert report.accepted == [item.id]
    fields = verify_receipt(item.receipt, pinned_server_cert(ws))
    assert fields["package_sha256"] == pkg.sha256 and fields["unit"] == "12345" and fields["version"] == 1
    assert fields["verdict"] == "accepted"
    states = [e.state for e in events]
    assert "uploading" in states and "verifying" in states and states[-1] == "accepted"
    hist = [h.state for h in outbox.history(ws, item.id)]
    assert hist[0] == "waiting" and "uploading" in hist and "verifying" in hist and hist[-1] == "accepted"

    # the province appraises: round 1 with a request for supplementary explanation
    code = next(iter(ws.framework.all_leaves())).code
    leaf_max = ws.framework.leaf(code).max
    service.appraisals.import_rows([{"unit_code": "12345", "code": code, "round": 1, "score": str(leaf_max / 2),
                                "comment": "Thiếu quyết định ban hành kế hoạch", "request_explanation": True}])
    SyncWorker(ws).run_once()
    aps = ws.appraisals()[code]
    assert len(aps) == 1 and aps[0].request_explanation and aps[0].comment.startswith("Thiếu")
    assert any(e.action == "appraisal" and e.entity_key == code for e in ws.audit(limit=20))
    SyncWorker(ws).run_once()  # applying the feed again changes nothing
    assert len(ws.appraisals()[code]) == 1

    # version 2 after the request
    reopen(ws)
    ws.set_explanation(code, "Bổ sung: kế hoạch số 15/KH-UBND ngày 10/01/2026")
    pkg2 = sign(ws)
    assert pkg2.version == 2 and pkg2.previous_sha256 == pkg.sha256
    SyncWorker(ws).run_once()
    items = {i.version: i for i in outbox.items(ws)}
    assert items[2].state == "accepted"
    rows = {r.unit_code: r for r in service.registry.units_status()}
    assert rows["12345"].version == 2 and rows["12345"].submitted

    # sending version 1 again is harmless: same receipt, still two submissions
    again = service.intake.process_package("12345", pkg.path, channel="tus")
    assert again.receipt["receipt"]["receipt_id"] == fields["receipt_id"]
    with service.session() as s:
        from sqlmodel import func, select

        from parDesk.sync.server.models import Submission

        assert s.exec(select(func.count()).select_from(Submission)).one() == 2
    ws.close()


def test_usb_path_receipt_file_imported(tmp_path, server):
    from parDesk.sync.worker import apply_receipt

    service = server.service
    ws = make_unit_workspace(tmp_path, "23456")
    register_unit(ws, server.url, PASSPHRASE)
    service.registry.approve("23456", by="test")
    check_registration(ws)
    pkg = sign(ws)
    result = service.intake.import_usb(pkg.path)
    assert result.status == "accepted"
    receipt_file = tmp_path / "receipt.json"
    receipt_file.write_text(json.dumps(result.receipt), encoding="utf-8")
    item = apply_receipt(ws, json.loads(receipt_file.read_text(encoding="utf-8")), via="usb")
    assert item.state == "accepted"
    # a later online sync does not upload it again
    report = SyncWorker(ws).run_once()
    assert report.bytes_sent == 0
    ws.close()
