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


@pytest.mark.parametrize("make_key", [lambda: ec.generate_private_key(ec.SECP256R1()),
                                      lambda: ec.generate_private_key(ec.SECP384R1()),
                                      lambda: rsa.generate_private_key(65537, 2048)])
def test_one_public_key_encoding_for_matching_pinning_and_trust(make_key):
    """The signer's "same key?", the package trust's key hash and the sync pin are one SPKI DER (parDesk.pubkey)."""
    import hashlib

    from parDesk.package.trust import key_sha256
    from parDesk.pubkey import public_key_der
    from parDesk.signing.signer import public_key_matches
    from parDesk.sync.protocol import key_fingerprint
    root = pki.root_authority()
    key, other = make_key(), make_key()
    cert = root.issue(pki.unit_name(), key.public_key())
    renewed = root.issue(pki.unit_name(), key.public_key(), days=700)  # same key, new certificate
    stranger = root.issue(pki.unit_name(), other.public_key())
    s = KeySigner(key, cert, [root.cert])
    assert public_key_matches(s, renewed) and not public_key_matches(s, stranger)
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert public_key_der(cert) == public_key_der(key) == spki
    assert key_sha256(cert) == key_sha256(renewed) == key_fingerprint(key) == hashlib.sha256(spki).hexdigest()
    assert key_sha256(stranger) != key_sha256(cert)


def test_no_second_subject_public_key_info_der_builder():
    """Only parDesk/pubkey.py turns a key into SPKI DER; everything else calls it (PEM for files is separate)."""
    import re
    from pathlib import Path

    import parDesk
    root = Path(parDesk.__file__).parent
    pattern = re.compile(r"Encoding\.DER,\s*(serialization\.)?PublicFormat\.SubjectPublicKeyInfo")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "pubkey.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
