"""`pardesk verify --trust DIR|FILE` on real submissions signed on the token or with a CA-issued key."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pki
import pytest
import softhsm
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.package.submission import build_submission
from parDesk.signing import pkcs11_token as T
from parDesk.signing.signer import KeySigner


def prepare(ws):
    ws.set_inputs("1.1.1", {"done": True})
    ws.set_inputs("T.1", {"done": True})


def run_verify(path, *args):
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    out = subprocess.run([sys.executable, "-m", "parDesk", "verify", str(path), "--json", *map(str, args)],
                         capture_output=True, text=True, env=env, timeout=120)
    return out.returncode, json.loads(out.stdout) if out.stdout.strip().startswith("{") else out.stdout + out.stderr


@pytest.fixture()
def anchors(tmp_path, world):
    folder = tmp_path / "anchors"
    folder.mkdir()
    (folder / "root-ca.pem").write_bytes(pki.pem(world.root.cert))
    return folder


def test_token_signed_submission_trusted_through_the_chain(tiny_ws, world, anchors, tmp_path):
    prepare(tiny_ws)
    with T.open_signer(world.module, token_label=world.token_label, pin=softhsm.PIN,
                       fingerprint=T.cert_info(world.ec_cert).fingerprint_sha256, chain=[world.mid.cert]) as s:
        rec = build_submission(tiny_ws, s, allow_problems=True)
    code, out = run_verify(rec.path, "--trust", anchors)
    assert code == 0, out
    assert out["valid"] and out["chain"] == "trusted" and out["trusted"] is True
    # the same package against an unknown CA: refused with the reason
    other = tmp_path / "other.pem"
    other.write_bytes(pki.pem(pki.root_authority("Root lạ").cert))
    code, out = run_verify(rec.path, "--trust", other)
    assert code == 1 and not out["valid"]
    assert any(p["key"] in ("trust.no_path", "cms.untrusted") for p in out["problems"])


def test_revoked_and_unknown_revocation(tiny_ws, world, anchors, revocation_server):
    prepare(tiny_ws)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = world.mid.issue(pki.unit_name(), key.public_key())
    rec = build_submission(tiny_ws, KeySigner(key, cert, [world.mid.cert], kind="pkcs12"), allow_problems=True)
    revocation_server.down = True
    try:
        code, out = run_verify(rec.path, "--trust", anchors)
        assert code == 1 and out["chain"] == "revocation_unknown"
        assert any(p["key"] == "trust.revocation_unknown" for p in out["problems"])
        code, out = run_verify(rec.path, "--trust", anchors, "--accept-unknown-revocation")
        assert code == 0 and out["chain"] == "revocation_unknown" and out["valid"]
        code, out = run_verify(rec.path, "--trust", anchors, "--offline")
        assert code == 1 and out["chain"] == "revocation_unknown"
    finally:
        revocation_server.down = False
    code, out = run_verify(rec.path, "--trust", anchors)
    assert code == 0 and out["chain"] == "trusted"
    world.mid.revoke(cert)
    code, out = run_verify(rec.path, "--trust", anchors)
    assert code == 1 and out["chain"] == "untrusted"
    assert any(p["key"] == "trust.revoked" for p in out["problems"])
