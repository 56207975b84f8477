"""A package accepted because the province's policy accepts an unknown revocation status says so in its
signed receipt — and only such a package.

Real: the province's ServerService behind uvicorn on 127.0.0.1, a real commune workspace registered with it,
its package (forms included) signed by a CA-issued certificate bound to the unit, the CRL and the OCSP
responder on 127.0.0.1 switched off, the commune's sync worker and `pardesk outbox` / `pardesk sync` as
processes, the receipt's CMS signature checked on the commune side with the pinned server certificate.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pki
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from harness import PASSPHRASE, ServerThread, make_service, registered_workspace
from helpers import TINY

from parDesk.i18n import ParDeskError
from parDesk.package.submission import build_submission, reopen
from parDesk.signing.signer import KeySigner
from parDesk.sync import outbox
from parDesk.sync.receipts import provisional_text, receipt_text, sign_receipt, verify_receipt
from parDesk.sync.registration import pinned_server_cert
from parDesk.sync.server.certtrust import (
    ACCEPT_PROVISIONALLY,
    REFUSE,
    Bindings,
    TrustStore,
    set_unknown_revocation_policy,
)
from parDesk.sync.worker import SyncWorker

MARK_VI = "CHẤP NHẬN TẠM THỜI"
MARK_EN = "accepted PROVISIONALLY"


@pytest.fixture()
def province(tmp_path, revocation_server):
    import secrets
    slug = secrets.token_hex(3)
    root = pki.root_authority(base_url=revocation_server.url, slug="pr" + slug)
    ca = root.sub_authority("VNPT-CA thử nghiệm", "pv" + slug)
    revocation_server.add(root)
    revocation_server.add(ca)
    service = make_service(tmp_path)
    service.frameworks.publish(TINY.read_bytes())
    TrustStore(service.config.data_dir / "trust").add(pki.pem(root.cert))
    with ServerThread(service) as server:
        ws = registered_workspace(tmp_path, server)
        yield server, ws, ca, revocation_server
    service.close()


def _ca_signer(ws, ca, revocation_server, *, crl: bool, ocsp: bool) -> KeySigner:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = ca.issue(pki.unit_name(ws.unit().name, ws.unit().admin_code), key.public_key(), crl=crl, ocsp=ocsp)
    revocation_server.issued[cert.serial_number] = cert
    return KeySigner(key, cert, [ca.cert], kind="token")


def _send(ws, server, signer, *, via_cli: str = ""):
    """Build and sign the next version with ``signer`` (a token's certificate bound to the unit), sync it
    (with the worker, or with ``pardesk sync`` as a process in the language ``via_cli``: then its output)."""
    Bindings(server.service).bind(ws.unit().admin_code, cert=signer.certificate(), by="test")
    pkg = build_submission(ws, signer, allow_problems=True)
    report = _cli(ws, "sync", lang=via_cli) if via_cli else SyncWorker(ws).run_once()
    item = next(i for i in outbox.items(ws) if i.sha256 == pkg.sha256)
    return item, report


def _desk_page(server, unit_code: str, lang: str) -> str:
    """The desk's unit page over HTTP, as an administrator (created once), in ``lang``."""
    import httpx

    from parDesk.sync.server.desk import accounts
    if not any(u.username == "admin-p" for u in accounts.list_users(server.service.session)):
        accounts.create_user(server.service.session, "admin-p", "mat khau du dai 123", "admin", display_name="QT")
    with httpx.Client(base_url=server.url, follow_redirects=False, timeout=30) as http:
        r = http.post("/desk/login", data={"username": "admin-p", "password": "mat khau du dai 123"})
        assert r.status_code == 303, r.text
        page = http.get(f"/desk/unit/{unit_code}", params={"lang": lang})
        assert page.status_code == 200, page.text[:500]
        return page.text


def _cli(ws, *args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.getcwd(), PARDESK_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, "-m", "parDesk", "--lang", lang, *args, "--workspace", str(ws.folder)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("pointers", ["crl", "ocsp", "crl+ocsp"])
def test_accepted_provisionally_is_marked_in_the_signed_receipt_and_shown(province, pointers):
    server, ws, ca, revocation = province
    data = server.service.config.data_dir
    signer = _ca_signer(ws, ca, revocation, crl="crl" in pointers, ocsp="ocsp" in pointers)
    set_unknown_revocation_policy(data, ACCEPT_PROVISIONALLY)
    revocation.down = True  # CRL and OCSP unreachable
    lang = {"crl": "", "ocsp": "vi", "crl+ocsp": "en"}[pointers]  # the worker, or `pardesk sync` in vi / en
    try:
        item, report = _send(ws, server, signer, via_cli=lang)
    finally:
        revocation.down = False
    assert item.state == "accepted", item
    if lang:
        assert report.returncode == 0 and (MARK_VI if lang == "vi" else MARK_EN) in report.stdout, report.stdout
        assert f"{item.version}" in report.stdout and "Traceback" not in report.stderr, report.stderr
    else:
        assert report.accepted == [item.id]
    # the commune checks the server's CMS signature over the body that carries the mark
    fields = verify_receipt(item.receipt, pinned_server_cert(ws))
    mark = fields["provisional"]
    assert mark["revocation"] == "unknown"
    assert [r["key"] for r in mark["reasons"]] == ["trust.revocation_unknown"]
    assert "không xác định được trạng thái thu hồi" in mark["reasons"][0]["vi"]
    assert "revocation status" in mark["reasons"][0]["en"]
    # stripping the mark breaks the signature: it cannot be made to look ordinary
    stripped = json.loads(json.dumps(item.receipt))
    del stripped["receipt"]["provisional"]
    with pytest.raises(ParDeskError) as e:
        verify_receipt(stripped, pinned_server_cert(ws))
    assert e.value.key == "receipt.bad_signature"
    # in words, both languages: the receipt line, the outbox label, the window's receipt row
    assert MARK_VI in receipt_text(fields, "vi") and MARK_EN in receipt_text(fields, "en")
    assert "không xác định được trạng thái thu hồi" in provisional_text(fields, "vi")
    assert MARK_VI in item.label("vi") and MARK_EN in item.label("en")
    from parDesk.package.submission import packages
    from parDesk.ui.models.appraisals import receipt_rows
    row = next(r for r in receipt_rows(packages(ws), outbox.items(ws)) if r.sha256 == item.sha256)
    assert row.state == "accepted" and (MARK_VI in row.provisional or MARK_EN in row.provisional)
    # the CLI: `pardesk outbox` in both languages
    out_vi, out_en = _cli(ws, "outbox"), _cli(ws, "outbox", lang="en")
    assert MARK_VI in out_vi.stdout, out_vi.stdout + out_vi.stderr
    assert MARK_EN in out_en.stdout, out_en.stdout + out_en.stderr
    # the server's own copy (the desk's submission, the feed event) carries the same signed mark
    from sqlmodel import select

    from parDesk.sync.server.models import Submission
    with server.service.read_session() as s:
        sub = s.exec(select(Submission).where(Submission.package_sha256 == item.sha256)).one()
    assert json.loads(sub.receipt_json)["receipt"]["provisional"] == mark
    # and the desk's submission page says it, in the reader's language
    import html
    code = ws.unit().admin_code
    assert MARK_VI in html.unescape(_desk_page(server, code, "vi"))
    assert MARK_EN in html.unescape(_desk_page(server, code, "en"))


def test_the_same_package_without_provisional_policy_is_refused_and_unmarked(province):
    server, ws, ca, revocation = province
    set_unknown_revocation_policy(server.service.config.data_dir, REFUSE)
    signer = _ca_signer(ws, ca, revocation, crl=True, ocsp=True)
    revocation.down = True
    try:
        item, _report = _send(ws, server, signer)
    finally:
        revocation.down = False
    assert item.state == "refused"
    fields = verify_receipt(item.receipt, pinned_server_cert(ws))
    assert "provisional" not in fields and provisional_text(fields) == ""
    assert [r["key"] for r in fields["reasons"]] == ["trust.revocation_unknown"]
    assert MARK_VI not in item.label("vi") and MARK_EN not in item.label("en")


@pytest.mark.parametrize("policy", [ACCEPT_PROVISIONALLY, REFUSE])
def test_a_package_whose_revocation_is_settled_gets_an_ordinary_receipt_under_either_policy(province, policy):
    server, ws, ca, revocation = province
    set_unknown_revocation_policy(server.service.config.data_dir, policy)
    signer = _ca_signer(ws, ca, revocation, crl=True, ocsp=True)  # CRL and OCSP up: status "good"
    item, _report = _send(ws, server, signer)
    assert item.state == "accepted", item
    fields = verify_receipt(item.receipt, pinned_server_cert(ws))
    assert "provisional" not in fields
    assert MARK_VI not in receipt_text(fields, "vi") and MARK_EN not in receipt_text(fields, "en")
    assert item.label("vi") == "tỉnh đã chấp nhận" and item.label("en") == "accepted by the province"
    page = _desk_page(server, ws.unit().admin_code, "vi")
    assert 'id="provisional"' not in page and MARK_VI not in page
    # and the unit's own pinned key, with revocation down and the lenient policy, is ordinary too
    revocation.down = True
    try:
        set_unknown_revocation_policy(server.service.config.data_dir, ACCEPT_PROVISIONALLY)
        reopen(ws)
        from parDesk.identity import IdentityStore
        pkg = build_submission(ws, IdentityStore(ws.folder / "identity").signer(PASSPHRASE), allow_problems=True)
        SyncWorker(ws).run_once()
    finally:
        revocation.down = False
    pinned = next(i for i in outbox.items(ws) if i.sha256 == pkg.sha256)
    assert pinned.state == "accepted" and "provisional" not in verify_receipt(pinned.receipt, pinned_server_cert(ws))


def test_a_receipt_from_before_the_mark_still_reads(province):
    """A server that never wrote the field: its receipts verify and read as ordinary, accepted or refused."""
    server, ws, *_ = province
    service = server.service
    base = {"receipt_id": "r1", "unit": ws.unit().admin_code, "unit_name": ws.unit().name, "package_sha256": "ab" * 32,
            "size": 1, "version": 1, "year": 2026, "submission_id": "", "framework_hash": "", "previous_sha256": "",
            "received_at": "2026-01-01T00:00:00Z", "channel": "tus"}
    for verdict in ("accepted", "refused"):
        old = sign_receipt(dict(base, verdict=verdict, reasons=[]), service.key, service.cert)
        fields = verify_receipt(json.dumps(old), pinned_server_cert(ws))
        assert provisional_text(fields, "vi") == provisional_text(fields, "en") == ""
        assert MARK_VI not in receipt_text(fields, "vi")
    # a field that is not the mark's shape is not read as one
    odd = sign_receipt(dict(base, verdict="accepted", reasons=[], provisional="yes"), service.key, service.cert)
    assert provisional_text(verify_receipt(odd, pinned_server_cert(ws))) == ""


def _server_cli(data, *args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.run([sys.executable, "-m", "parDesk.sync.server.cli", *args, "--data", str(data), "--lang", lang],
                          capture_output=True, text=True, env=env, timeout=180)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_on_usb_the_server_says_provisional_and_the_commune_reads_it_from_the_receipt_file(province, lang):
    """`pardesk-server usb import` (a process) with CRL and OCSP down, then `pardesk receipt import` (a process)."""
    server, ws, ca, revocation = province
    data = server.service.config.data_dir
    signer = _ca_signer(ws, ca, revocation, crl=True, ocsp=True)
    Bindings(server.service).bind(ws.unit().admin_code, cert=signer.certificate(), by="test")
    set_unknown_revocation_policy(data, ACCEPT_PROVISIONALLY)
    pkg = build_submission(ws, signer, allow_problems=True)
    revocation.down = True
    try:
        out = _server_cli(data, "usb", "import", str(pkg.path), lang=lang)
    finally:
        revocation.down = False
    mark = MARK_VI if lang == "vi" else MARK_EN
    assert out.returncode == 0 and mark in out.stdout, out.stdout + out.stderr
    receipt_file = pkg.path.with_suffix(".receipt.json")
    assert json.loads(receipt_file.read_text(encoding="utf-8"))["receipt"]["provisional"]["revocation"] == "unknown"
    back = _cli(ws, "receipt", "import", str(receipt_file), lang=lang)
    assert back.returncode == 0 and mark in back.stdout, back.stdout + back.stderr
    item = next(i for i in outbox.items(ws) if i.sha256 == pkg.sha256)
    assert item.state == "accepted" and mark in item.label(lang)
