"""The province's server: trust anchors, CA-issued certificates bound to units, renewals, refusals.

Real ServerService (SQLite in a temp folder), real packages signed with CA-issued keys, the real
CRL served on 127.0.0.1, the `pardesk-server` CLI as a process for trust and bind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

import pki
from harness import build_fast_package, make_fast_unit, make_service, register_fast, template_snapshot

from parDesk.signing.signer import KeySigner
from parDesk.sync.server.certtrust import Bindings


def server_cli(data: Path, *args: str) -> tuple[int, object]:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run([sys.executable, "-m", "parDesk.sync.server.cli", *args, "--data", str(data), "--json"],
                         capture_output=True, text=True, env=env, timeout=120)
    try:
        return out.returncode, json.loads(out.stdout)
    except json.JSONDecodeError:
        return out.returncode, out.stdout + out.stderr


@pytest.fixture()
def province(tmp_path, revocation_server):
    import secrets
    slug = secrets.token_hex(3)
    root = pki.root_authority(base_url=revocation_server.url, slug="sr" + slug)
    ca = root.sub_authority("VNPT-CA thử nghiệm", "sv" + slug)
    revocation_server.add(root)
    revocation_server.add(ca)
    service = make_service(tmp_path)
    snap, fw = template_snapshot(tmp_path)
    service.frameworks.publish(fw, source="fw.json")
    units = {code: make_fast_unit(code) for code in ("11111", "22222")}
    for u in units.values():
        register_fast(service, u)  # CSR-path registration: pinned self-signed keys
    yield service, root, ca, units, snap, fw
    service.close()


def ca_signer(ca, unit_name: str, *, other_ca=None):
    key = ec.generate_private_key(ec.SECP256R1())
    issuer = other_ca or ca
    cert = issuer.issue(pki.unit_name(unit_name), key.public_key())
    return KeySigner(key, cert, [issuer.cert], kind="token")


_versions: dict[str, int] = {}


def send(service, tmp_path, unit, snap, fw, signer, name):
    """A new version each time (a version number is never reused with other content)."""
    key = f"{tmp_path}/{unit.code}"
    _versions[key] = _versions.get(key, 0) + 1
    pkg = build_fast_package(tmp_path / f"{name}.zip", unit, snap, fw, signer=signer, version=_versions[key])
    return service.intake.process_package(unit.code, pkg.path, channel="tus")


def reasons(result) -> list[str]:
    return [r.get("key", "") for r in result.receipt["receipt"].get("reasons", [])]


def test_trust_add_list_remove_by_cli(tmp_path, province):
    service, root, ca, *_ = province
    data = service.config.data_dir
    (tmp_path / "root.pem").write_bytes(pki.pem(root.cert))
    code, out = server_cli(data, "trust", "add", str(tmp_path / "root.pem"))
    assert code == 0, out
    code, listed = server_cli(data, "trust", "list")
    assert code == 0 and len(listed) == 1 and "Root CA" in listed[0]["subject"]
    (tmp_path / "unit.pem").write_bytes(pki.pem(ca_signer(ca, "X").certificate()))
    code, out = server_cli(data, "trust", "add", str(tmp_path / "unit.pem"))
    assert code != 0  # a unit's certificate is never an anchor
    code, out = server_cli(data, "trust", "remove", listed[0]["fingerprint"][:16])
    assert code == 0
    assert server_cli(data, "trust", "list")[1] == []


def test_first_package_waits_for_binding_then_renewal_follows_other_unit_refused(tmp_path, province):
    service, root, ca, units, snap, fw = province
    data = service.config.data_dir
    a, b = units["11111"], units["22222"]
    # no anchors yet: a CA-issued signer is refused with the reason
    s1 = ca_signer(ca, a.name)
    r = send(service, tmp_path, a, snap, fw, s1, "a0")
    assert r.status == "refused" and "bind.no_anchors" in reasons(r)
    (tmp_path / "root.pem").write_bytes(pki.pem(root.cert))
    assert server_cli(data, "trust", "add", str(tmp_path / "root.pem"))[0] == 0

    r = send(service, tmp_path, a, snap, fw, s1, "a1")
    assert r.status == "refused" and reasons(r) == ["bind.not_bound"]
    code, pending = server_cli(data, "units", "certs", "--pending")
    assert code == 0 and len(pending) == 1
    p = pending[0]
    assert p["unit_code"] == a.code and p["serial"] and "VNPT-CA" in p["issuer"] and "Thử 11111" in p["subject"]
    code, out = server_cli(data, "units", "bind", a.code, "--pending", str(p["id"]))
    assert code == 0, out

    r = send(service, tmp_path, a, snap, fw, s1, "a2")
    assert r.status == "accepted", reasons(r) or r.receipt

    # renewed certificate: new key, same subject, same CA -> accepted automatically and recorded
    renewed = ca_signer(ca, a.name)
    r = send(service, tmp_path, a, snap, fw, renewed, "a3")
    assert r.status == "accepted", reasons(r) or r.receipt
    rows = Bindings(service).list(a.code, "bound")
    assert {row.how for row in rows} == {"admin", "renewal"}

    # same subject from another CA (also trusted): not a renewal -> waits for the administrator
    other_ca = root.sub_authority("Viettel-CA thử nghiệm", "ov" + ca.slug)
    r = send(service, tmp_path, a, snap, fw, ca_signer(ca, a.name, other_ca=other_ca), "a4")
    assert r.status == "refused"

    # unit B's certificate, bound to B, used for A's package: refused with the reason
    sb = ca_signer(ca, b.name)
    (tmp_path / "b.pem").write_bytes(pki.pem(sb.certificate()))
    assert server_cli(data, "units", "bind", b.code, "--cert", str(tmp_path / "b.pem"))[0] == 0
    r = send(service, tmp_path, a, snap, fw, sb, "a5")
    assert r.status == "refused" and "bind.other_unit" in reasons(r)
    # and the bind of an already-bound certificate to another unit is refused
    code, out = server_cli(data, "units", "bind", a.code, "--cert", str(tmp_path / "b.pem"))
    assert code != 0


def _root_trusted_and_unit_bound(tmp_path, data, root, ca, unit):
    """The test root as the province's anchor and a CA-issued certificate bound to ``unit``: its signer."""
    (tmp_path / "root.pem").write_bytes(pki.pem(root.cert))
    assert server_cli(data, "trust", "add", str(tmp_path / "root.pem"))[0] == 0
    signer = ca_signer(ca, unit.name)
    (tmp_path / "a.pem").write_bytes(pki.pem(signer.certificate()))
    assert server_cli(data, "units", "bind", unit.code, "--cert", str(tmp_path / "a.pem"))[0] == 0
    return signer


def test_revoked_ca_certificate_refused_and_pinned_path_unchanged(tmp_path, province):
    service, root, ca, units, snap, fw = province
    data = service.config.data_dir
    a = units["11111"]
    s1 = _root_trusted_and_unit_bound(tmp_path, data, root, ca, a)
    ca.revoke(s1.certificate())
    r = send(service, tmp_path, a, snap, fw, s1, "rev")
    assert r.status == "refused" and "trust.revoked" in reasons(r)
    # the unit's own pinned key still works (CSR registration path)
    r = send(service, tmp_path, a, snap, fw, None, "pinned")
    assert r.status == "accepted", reasons(r) or r.receipt


def test_unknown_revocation_policy_is_a_server_setting_both_ways(tmp_path, province, revocation_server):
    service, root, ca, units, snap, fw = province
    data = service.config.data_dir
    a = units["11111"]
    s1 = _root_trusted_and_unit_bound(tmp_path, data, root, ca, a)
    assert server_cli(data, "trust", "policy")[1] == {"unknown_revocation": "refuse"}  # the default
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    listed = subprocess.run([sys.executable, "-m", "parDesk.sync.server.cli", "trust", "list", "--data", str(data)],
                            capture_output=True, text=True, env=env, timeout=120).stdout
    assert "không xác định được trạng thái thu hồi" in listed and "từ chối" in listed, listed
    revocation_server.down = True  # CRL and OCSP unreachable (nothing cached yet for this CA)
    try:
        r = send(service, tmp_path, a, snap, fw, s1, "unknown-refused")
        assert r.status == "refused" and reasons(r) == ["trust.revocation_unknown"], reasons(r)
        code, out = server_cli(data, "trust", "policy", "--unknown-revocation", "accept-provisionally")
        assert code == 0 and out == {"unknown_revocation": "accept-provisionally"}
        assert (data / "trust-policy.json").is_file()
        listed = subprocess.run([sys.executable, "-m", "parDesk.sync.server.cli", "trust", "list", "--data",
                                 str(data), "--lang", "en"], capture_output=True, text=True, env=env, timeout=120)
        assert "accept provisionally" in listed.stdout or "nhận tạm" in listed.stdout, listed.stdout + listed.stderr
        r = send(service, tmp_path, a, snap, fw, s1, "unknown-accepted")
        assert r.status == "accepted", reasons(r)
        assert server_cli(data, "trust", "policy", "--unknown-revocation", "refuse")[0] == 0
        r = send(service, tmp_path, a, snap, fw, s1, "unknown-refused-again")
        assert r.status == "refused" and reasons(r) == ["trust.revocation_unknown"], reasons(r)
        assert server_cli(data, "trust", "policy", "--unknown-revocation", "maybe")[0] != 0
    finally:
        revocation_server.down = False
