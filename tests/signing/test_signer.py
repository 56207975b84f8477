"""One signer interface: the key parDesk made, a PKCS#12 file, (the token: test_token.py)."""

from __future__ import annotations

import datetime as dt

import pki
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from parDesk import identity as I
from parDesk.i18n import ParDeskError
from parDesk.signing.cms import verify_detached_cms
from parDesk.signing.signer import BaseSigner, KeySigner, pkcs12_signer, verify_message

UNIT = I.UnitSubject("Ủy ban nhân dân xã Tân Lập", "12345", "Tỉnh Lào Cai")


@pytest.mark.parametrize("kind", ["ec-p256", "rsa-3072"])
def test_file_key_signer(tmp_path, kind):
    store = I.IdentityStore(tmp_path / "identity")
    store.create(UNIT, "mật khẩu đủ dài", key_type=kind)
    s = store.signer("mật khẩu đủ dài")
    assert isinstance(s, BaseSigner) and isinstance(s, I.SoftwareSigner) and s.kind == "file"
    assert s.algorithm == ("ecdsa" if kind == "ec-p256" else "rsa-pss")
    r = verify_detached_cms(s.sign_detached_cms(b"data"), b"data")
    assert r.valid, r.problems
    verify_message(s.certificate(), s.algorithm, b"m", s.sign_message(b"m"))


@pytest.mark.parametrize("make_key", [lambda: ec.generate_private_key(ec.SECP256R1()),
                                      lambda: rsa.generate_private_key(65537, 2048)])
def test_pkcs12_signer_chains_to_the_ca(make_key):
    root = pki.root_authority()
    mid = root.sub_authority("CA trung gian", "mid")
    key = make_key()
    cert = mid.issue(pki.unit_name(), key.public_key())
    p12 = pkcs12.serialize_key_and_certificates(b"u", key, cert, [mid.cert],
                                                serialization.BestAvailableEncryption(b"mat khau p12"))
    s = pkcs12_signer(p12, "mat khau p12")
    assert s.kind == "pkcs12" and s.chain() == [mid.cert]
    r = verify_detached_cms(s.sign_detached_cms(b"x"), b"x", trusted=[root.cert])
    assert r.valid and r.trusted, r.problems
    with pytest.raises(ParDeskError):
        pkcs12_signer(p12, "sai")


def test_checked_before_signing_validity_and_key_usage():
    root = pki.root_authority()
    key = ec.generate_private_key(ec.SECP256R1())
    cases = {
        "identity.cert_expired": root.issue(pki.unit_name(), key.public_key(),
                                            not_before=pki.now() - dt.timedelta(days=100), days=10),
        "identity.cert_not_yet_valid": root.issue(pki.unit_name(), key.public_key(),
                                                  not_before=pki.now() + dt.timedelta(days=3)),
        "identity.cert_no_signing": root.issue(pki.unit_name(), key.public_key(), signing=False,
                                               non_repudiation=False),
    }
    for expected, cert in cases.items():
        with pytest.raises(ParDeskError) as e:
            KeySigner(key, cert).sign_detached_cms(b"x")
        assert e.value.key == expected
    # nonRepudiation alone is enough (many issued certificates carry only it)
    only_nr = root.issue(pki.unit_name(), key.public_key(), signing=False, non_repudiation=True)
    assert verify_detached_cms(KeySigner(key, only_nr).sign_detached_cms(b"x"), b"x").signer == only_nr
    soon = root.issue(pki.unit_name(), key.public_key(), days=20)
    assert KeySigner(key, soon).info().warning.key == "identity.cert_expiring"
