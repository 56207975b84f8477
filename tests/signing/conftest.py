"""Fixtures for the signing tests: a SoftHSM2 token with EC P-256 and RSA 2048 keys, a test PKI
(root → intermediate → unit) with its CRL and OCSP served on 127.0.0.1."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509

sys.path.insert(0, str(Path(__file__).parent))

import pki
import softhsm
from revocation import RevocationServer

TOKEN = "Chu tich UBND xa"


@dataclass
class TokenWorld:
    module: str
    token_label: str
    root: pki.Authority
    mid: pki.Authority
    ec_cert: x509.Certificate
    rsa_cert: x509.Certificate
    server: RevocationServer
    folder: Path


@pytest.fixture(scope="session")
def revocation_server():
    server = RevocationServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def world(tmp_path_factory, revocation_server) -> TokenWorld:
    if not softhsm.available():
        pytest.skip("softhsm2 is not installed")
    folder = tmp_path_factory.mktemp("softhsm")
    softhsm.configure(folder)
    softhsm.init_token(TOKEN)
    ec_key = softhsm.generate_key(TOKEN, "ky so EC", b"\x01", "ec")
    rsa_key = softhsm.generate_key(TOKEN, "ky so RSA", b"\x02", "rsa")
    root = pki.root_authority(base_url=revocation_server.url)
    mid = root.sub_authority("CA trung gian thử nghiệm", "mid")
    revocation_server.add(root)
    revocation_server.add(mid)
    ec_cert = mid.issue(pki.unit_name(), ec_key.public_key, ocsp=True)
    rsa_cert = mid.issue(pki.unit_name(), rsa_key.public_key)
    revocation_server.issued[ec_cert.serial_number] = ec_cert
    revocation_server.issued[rsa_cert.serial_number] = rsa_cert
    softhsm.store_certificate(TOKEN, ec_cert, b"\x01", "chung thu EC")
    softhsm.store_certificate(TOKEN, rsa_cert, b"\x02", "chung thu RSA")
    return TokenWorld(softhsm.MODULE, TOKEN, root, mid, ec_cert, rsa_cert, revocation_server, folder)
