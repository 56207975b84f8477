"""Every way in that must be refused, each with the right, actionable reason."""

from __future__ import annotations

import io
import time
import zipfile

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from harness import (
    FastUnit,
    ServerThread,
    build_fast_package,
    client_for,
    make_fast_unit,
    make_service,
    register_fast,
    registration_payload,
    template_snapshot,
)
from helpers import TINY

from parDesk.identity import UnitSubject, self_signed_certificate
from parDesk.sync import protocol
from parDesk.sync.client import ServerSaid, SyncClient


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("refusals")
    service = make_service(tmp, max_package_bytes=3_000_000, rate_per_unit=1000, burst_per_unit=1000)
    service.frameworks.publish(TINY.read_bytes())
    snap, fw = template_snapshot(tmp)
    a, b = make_fast_unit("31001"), make_fast_unit("31002")
    register_fast(service, a)
    register_fast(service, b)
    with ServerThread(service) as srv:
        yield srv, service, tmp, snap, fw, a, b
    service.close()


def upload(client: SyncClient, data: bytes, chunk: int = 256 * 1024) -> dict:
    url = client.create_upload(len(data), {"filename": "p.zip"})
    offset = 0
    while offset < len(data):
        status, new = client.patch(url, offset, data[offset:offset + chunk])
        assert status == 204, status
        offset = new
    for _ in range(100):
        status, result = client.finalise(url)
        if status == 200:
            return result
        time.sleep(0.05)
    raise AssertionError("no verdict")


def reason_keys(result: dict) -> list[str]:
    return [r["key"] for r in result["receipt"]["receipt"]["reasons"]]


def test_valid_package_accepted_and_resend_gives_same_receipt(env):
    srv, service, tmp, snap, fw, a, _b = env
    pkg = build_fast_package(tmp / "a1.zip", a, snap, fw)
    with client_for(srv.url, a, service) as c:
        first = upload(c, pkg.path.read_bytes())
        again = upload(c, pkg.path.read_bytes())
        assert c.receipt_for(pkg.sha256)["receipt"]["receipt_id"] == first["receipt"]["receipt"]["receipt_id"]
    assert first["status"] == "accepted" and again["status"] == "accepted"
    assert again["receipt"]["receipt"]["receipt_id"] == first["receipt"]["receipt"]["receipt_id"]


def test_wrong_key_request(env):
    srv, service, *_rest, a, _b = env
    stranger = FastUnit(a.code, a.name, a.key, a.cert, ec.generate_private_key(ec.SECP256R1()))
    with client_for(srv.url, stranger, service) as c, pytest.raises(ServerSaid) as info:
        c.feed(0)
    assert info.value.server_key == "auth.unknown_key" and info.value.status == 401
    assert "pardesk sync register" in info.value.message("en")


def test_key_of_another_unit_cannot_speak_for_it(env):
    srv, service, *_rest, a, b = env
    impostor = FastUnit(b.code, b.name, b.key, b.cert, a.sync_key)  # a's key, claiming to be b
    with client_for(srv.url, impostor, service) as c, pytest.raises(ServerSaid) as info:
        c.feed(0)
    assert info.value.server_key == "auth.unit_mismatch"


def test_package_signed_with_unregistered_key_refused(env):
    srv, service, tmp, snap, fw, a, _b = env
    other_key = ec.generate_private_key(ec.SECP256R1())
    other_cert = self_signed_certificate(other_key, UnitSubject(a.name, a.code, "Tỉnh Mẫu"))
    rogue = FastUnit(a.code, a.name, other_key, other_cert, a.sync_key)
    pkg = build_fast_package(tmp / "rogue.zip", rogue, snap, fw, version=7)
    with client_for(srv.url, a, service) as c:
        result = upload(c, pkg.path.read_bytes())
    assert result["status"] == "refused" and reason_keys(result) == ["pkg.wrong_key"]
    reason = result["receipt"]["receipt"]["reasons"][0]
    assert "khóa" in reason["vi"] and "registered" in reason["en"]


def test_another_units_package_refused(env):
    srv, service, tmp, snap, fw, a, b = env
    pkg = build_fast_package(tmp / "a-for-b.zip", a, snap, fw, version=3)
    with client_for(srv.url, b, service) as c:
        result = upload(c, pkg.path.read_bytes())
    assert result["status"] == "refused" and "pkg.other_unit" in reason_keys(result)
    with client_for(srv.url, b, service) as c:  # and b cannot see a's receipts or uploads
        assert all(e["data"]["receipt"]["unit"] == "31002" for e in c.feed(0)["events"] if e["kind"] == "receipt")
        assert c.receipt_for(build_fast_package(tmp / "a1b.zip", a, snap, fw).sha256) is None
    with client_for(srv.url, a, service) as ca:
        url = ca.create_upload(10, {})
    with client_for(srv.url, b, service) as cb:
        assert cb.head(url) is None  # 404: not b's upload
        status, _ = cb.patch(url, 0, b"0123456789")
        assert status == 404


def test_replayed_request_refused(env):
    srv, service, *_rest, a, _b = env
    captured = []
    with client_for(srv.url, a, service) as c:
        c.http.event_hooks["request"] = [lambda r: captured.append(r)]
        c.feed(0)
    req = captured[-1]
    r = httpx.request(req.method, str(req.url), headers=dict(req.headers))
    assert r.status_code == 401 and r.json()["error"]["key"] == "auth.replay"
    # and a request altered in transit (another cursor, same signature) is refused too
    r = httpx.request(req.method, str(req.url).replace("after=0", "after=5"), headers=dict(req.headers))
    assert r.status_code == 401 and r.json()["error"]["key"] == "auth.bad_signature"


def test_old_timestamp_refused_and_client_corrects_its_clock(env):
    srv, service, *_rest, a, _b = env
    with client_for(srv.url, a, service, clock_offset=-3600) as c:
        c.feed(0)  # the first answer says "clock_skew" with the server time; the client retries once
        assert abs(c.clock_offset) < 5


def test_unregistered_and_pending_units(env):
    srv, service, *_rest = env
    nobody = make_fast_unit("39999")
    with client_for(srv.url, nobody, service) as c, pytest.raises(ServerSaid) as info:
        c.create_upload(100, {})
    assert info.value.server_key == "auth.unknown_key"
    pending = make_fast_unit("39998")
    register_fast(service, pending, approve=False)
    with client_for(srv.url, pending, service) as c, pytest.raises(ServerSaid) as info:
        c.feed(0)
    assert info.value.server_key == "auth.pending" and info.value.status == 403


def test_tampered_package_refused(env):
    srv, service, tmp, snap, fw, a, _b = env
    pkg = build_fast_package(tmp / "tamper.zip", a, snap, fw, version=4, evidence_bytes=50_000)
    data = bytearray(pkg.path.read_bytes())
    i = data.find(b"data/evidence/scan.bin") + 200
    data[i] ^= 0xFF
    with client_for(srv.url, a, service) as c:
        result = upload(c, bytes(data))
    assert result["status"] == "refused"
    assert any(k.startswith(("verify.", "cms.", "zip.")) for k in reason_keys(result)), reason_keys(result)


def _bag_with(extra: list[tuple[str, bytes, int]], a: FastUnit, snap, fw, tmp) -> bytes:
    pkg = build_fast_package(tmp / "base.zip", a, snap, fw, version=5)
    out = io.BytesIO()
    with zipfile.ZipFile(pkg.path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for name, payload, method in extra:
            dst.writestr(zipfile.ZipInfo(name), payload, compress_type=method)
    return out.getvalue()


def test_zip_bomb_refused(env):
    srv, service, tmp, snap, fw, a, _b = env
    data = _bag_with([("data/evidence/zeros.pdf", b"\0" * (60 * 1024 * 1024), zipfile.ZIP_DEFLATED)], a, snap, fw, tmp)
    assert len(data) < 1_000_000
    with client_for(srv.url, a, service) as c:
        result = upload(c, data)
    assert result["status"] == "refused" and "zip.bomb" in reason_keys(result)


def test_zip_with_parent_paths_refused(env):
    srv, service, tmp, snap, fw, a, _b = env
    data = _bag_with([("../../etc/cron.d/evil", b"* * * * * root rm -rf /", zipfile.ZIP_STORED)], a, snap, fw, tmp)
    with client_for(srv.url, a, service) as c:
        result = upload(c, data)
    assert result["status"] == "refused" and "zip.bad_name" in reason_keys(result)
    assert not (service.config.data_dir.parent / "etc").exists()


def test_over_size_cap_refused(env):
    srv, service, *_rest, a, _b = env
    with client_for(srv.url, a, service) as c:
        with pytest.raises(ServerSaid) as info:
            c.create_upload(3_000_001, {})
        assert info.value.server_key == "tus.too_large" and info.value.status == 413
        url = c.create_upload(100, {})
        with pytest.raises(ServerSaid) as info:
            c.patch(url, 0, b"x" * 101)  # more than declared
        assert info.value.server_key == "tus.past_end"
        c.delete_upload(url)


def test_checksum_mismatch_is_460_and_cut_back(env):
    srv, service, *_rest, a, _b = env
    with client_for(srv.url, a, service) as c:
        url = c.create_upload(20, {})
        good = c.request("PATCH", url, body=b"0123456789", headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + protocol.sha256_b64(b"something else")})
        assert good.status == 460
        assert c.head(url) == (0, 20)
        c.delete_upload(url)


def test_malformed_json_refused(env):
    srv, service, *_rest, a, _b = env
    r = httpx.post(srv.url + "/v1/register", content=b"{not json")
    assert r.status_code == 400 and r.json()["error"]["key"] == "srv.bad_json"
    with client_for(srv.url, a, service) as c:
        ans = c.request("POST", "/v1/session", body=b"[1, 2", headers={"Content-Type": "application/json"})
        assert ans.status == 400 and ans.json()["error"]["key"] == "srv.bad_json"
    r = httpx.post(srv.url + "/v1/register", content=b"{}" * 600_000)
    assert r.status_code == 413


def test_registration_with_forged_binding_refused(env):
    srv, service, *_rest = env
    victim, attacker = make_fast_unit("38001"), make_fast_unit("38002")
    payload = registration_payload(attacker, service.fingerprint)
    payload["certificate"] = registration_payload(victim, service.fingerprint)["certificate"]
    payload["unit_code"] = victim.code
    with SyncClient(srv.url, victim.code, attacker.sync_key, service.cert) as c, pytest.raises(ServerSaid) as info:
        c.register(payload)
    assert info.value.server_key == "srv.reg_bad_binding"


def test_admin_operations_need_admin_credentials(env):
    srv, service, *_rest, a, _b = env
    assert httpx.get(srv.url + "/admin/v1/units").status_code == 401
    assert httpx.get(srv.url + "/admin/v1/units", headers={"Authorization": "Bearer nope"}).status_code == 401
    with client_for(srv.url, a, service) as c:  # a unit's valid signature is not admin rights
        with pytest.raises(ServerSaid) as info:
            c.request("GET", "/admin/v1/units")
        assert info.value.server_key == "auth.admin"
    token = service.tokens.create_admin("test")
    r = httpx.get(srv.url + "/admin/v1/units", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and any(u["unit_code"] == a.code for u in r.json()["units"])
