"""Identity: keys at rest, CSR and certificates, PKCS#12 and the store.

CMS signing and verification are in test_identity_cms.py; the test CA is in identity_factories.py.
"""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import unicodedata
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from identity_factories import OPENSSL, UNIT, UTC, issue, make_ca, pem

from parDesk import identity as I
from parDesk.i18n import ParDeskError
from parDesk.signing import der
from parDesk.signing.cms import verify_detached_cms

PASS = "mật khẩu đủ dài"


@pytest.fixture(scope="module")
def ec_ident() -> tuple[I.PrivateKey, x509.Certificate]:
    key = I.generate_key("ec-p256")
    return key, I.self_signed_certificate(key, UNIT)


@pytest.fixture(scope="module")
def rsa_ident() -> tuple[I.PrivateKey, x509.Certificate]:
    key = I.generate_key("rsa-3072")
    return key, I.self_signed_certificate(key, UNIT)


# --- keys at rest ------------------------------------------------------------

@pytest.mark.parametrize("key_type", I.KEY_TYPES)
def test_store_create_round_trip(tmp_path, key_type):
    store = I.IdentityStore(tmp_path / "identity")
    info = store.create(UNIT, PASS, key_type=key_type)
    assert info.unit_code == "12345"
    assert info.unit_name == "Ủy ban nhân dân xã Tân Lập"
    assert "CN=Ủy ban nhân dân xã Tân Lập" in info.subject and "ST=Tỉnh Lào Cai" in info.subject
    assert info.self_signed and info.subject == info.issuer
    assert 728 <= info.expires_in_days <= 730 and info.warning is None
    assert info.key_description == {"ec-p256": "ECDSA P-256", "rsa-3072": "RSA 3072"}[key_type]
    assert len(info.fingerprint_sha256) == 64 and int(info.serial, 16) > 0

    for name in ("key.pem", "public.pem", "cert.pem", "csr.pem"):
        assert (store.folder / name).is_file()
    assert not list(store.folder.glob("*.partial"))
    if hasattr(__import__("os"), "getuid"):
        assert stat.S_IMODE((store.folder / "key.pem").stat().st_mode) == 0o600

    key = store.load_key(PASS)
    assert I.same_key(key, store.certificate())
    # the same passphrase typed in decomposed Unicode (another input method) opens it too
    assert I.same_key(store.load_key(unicodedata.normalize("NFD", PASS)), key)
    signer = store.signer(PASS)
    assert isinstance(signer, I.Signer)
    assert verify_detached_cms(signer.sign_detached_cms(b"x"), b"x").valid


def test_key_file_is_strong_standard_pkcs8(tmp_path):
    key = I.generate_key()
    data = I.encrypt_private_key(key, PASS)
    assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
    body = b"".join(data.splitlines()[1:-1])
    import base64
    info = der.parse(base64.b64decode(body)).children()
    alg = info[0].children()
    assert der.as_oid(alg[0]) == "1.2.840.113549.1.5.13"  # PBES2
    kdf, scheme = alg[1].children()
    kdf_oid, kdf_params = kdf.children()
    assert der.as_oid(kdf_oid) == "1.2.840.113549.1.5.12"  # PBKDF2
    _salt, iterations, prf = kdf_params.children()
    assert der.as_int(iterations) == I.PBKDF2_ITERATIONS >= 600_000
    assert der.as_oid(prf.children()[0]) == "1.2.840.113549.2.9"  # HMAC-SHA256
    assert der.as_oid(scheme.children()[0]) == "2.16.840.1.101.3.4.1.42"  # AES-256-CBC
    # cryptography's own loader reads it
    loaded = serialization.load_pem_private_key(data, PASS.encode())
    assert I.same_key(loaded, key)
    if OPENSSL:
        path = tmp_path / "k.pem"
        path.write_bytes(data)
        subprocess.run([OPENSSL, "pkey", "-in", str(path), "-passin", f"pass:{PASS}", "-noout"], check=True)


def test_wrong_passphrase_is_a_clear_error(tmp_path):
    store = I.IdentityStore(tmp_path)
    store.create(UNIT, PASS)
    for wrong in ("sai mật khẩu", "", PASS.upper()):
        with pytest.raises(ParDeskError) as err:
            store.load_key(wrong)
        assert err.value.key == "identity.wrong_passphrase"
        assert "sai cụm mật khẩu" in err.value.message("vi").lower()
        assert "wrong passphrase" in err.value.message("en").lower()
    with pytest.raises(ParDeskError) as err:
        store.signer("nope nope nope")
    assert err.value.key == "identity.wrong_passphrase"
    with pytest.raises(ParDeskError) as err:
        I.load_private_key(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", PASS)
    assert err.value.key == "identity.bad_key_file"


def test_passphrase_rules_and_change(tmp_path):
    store = I.IdentityStore(tmp_path)
    with pytest.raises(ParDeskError) as err:
        store.create(UNIT, "ngắn")
    assert err.value.key == "identity.passphrase_short"
    assert not store.has_key() and not list(tmp_path.iterdir())
    store.create(UNIT, PASS)
    store.change_passphrase(PASS, "mật khẩu mới hoàn toàn")
    store.load_key("mật khẩu mới hoàn toàn")
    with pytest.raises(ParDeskError):
        store.load_key(PASS)


def test_replacing_an_identity_keeps_the_old_one(tmp_path):
    store = I.IdentityStore(tmp_path)
    first = store.create(UNIT, PASS)
    with pytest.raises(ParDeskError) as err:
        store.create(UNIT, PASS)
    assert err.value.key == "identity.exists"
    second = store.create(UNIT, PASS, overwrite=True)
    assert first.fingerprint_sha256 != second.fingerprint_sha256
    backups = list(tmp_path.glob("replaced-*"))
    assert len(backups) == 1
    old_cert = x509.load_pem_x509_certificate((backups[0] / "cert.pem").read_bytes())
    assert old_cert.fingerprint(hashes.SHA256()).hex() == first.fingerprint_sha256
    assert (backups[0] / "key.pem").is_file()


def test_bad_key_type_and_weak_keys():
    with pytest.raises(ParDeskError) as err:
        I.generate_key("dsa-1024")
    assert err.value.key == "identity.key_type"
    with pytest.raises(ParDeskError) as err:
        I.check_key_allowed(rsa.generate_private_key(65537, 1024))
    assert err.value.key == "identity.weak_key"
    with pytest.raises(ParDeskError):
        I.check_key_allowed(ec.generate_private_key(ec.SECP192R1()))


# --- names, CSR, certificates ------------------------------------------------

def test_csr_subject_keeps_vietnamese(tmp_path):
    store = I.IdentityStore(tmp_path)
    store.create(UNIT, PASS, key_type="ec-p256")
    csr = store.csr()
    assert csr is not None and csr.is_signature_valid
    subj = csr.subject
    assert subj.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Ủy ban nhân dân xã Tân Lập"
    assert subj.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Ủy ban nhân dân xã Tân Lập"
    assert subj.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "12345"
    assert subj.get_attributes_for_oid(NameOID.STATE_OR_PROVINCE_NAME)[0].value == "Tỉnh Lào Cai"
    assert subj.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "VN"
    # UTF8String on the wire, not a lossy transliteration
    assert "Ủy ban nhân dân xã Tân Lập".encode() in csr.public_bytes(serialization.Encoding.DER)
    assert I.same_key(csr, store.load_key(PASS))
    if OPENSSL:
        out = subprocess.run([OPENSSL, "req", "-in", str(tmp_path / "csr.pem"), "-noout", "-verify",
                              "-subject", "-nameopt", "utf8,sep_comma_plus"],
                             check=True, capture_output=True)
        assert "Ủy ban nhân dân xã Tân Lập" in out.stdout.decode("utf-8")


def test_unit_subject_normalises_and_requires_fields():
    decomposed = I.UnitSubject(unicodedata.normalize("NFD", " Ủy ban nhân dân xã Tân Lập "), "12345", "Tỉnh Lào Cai")
    assert decomposed.validated().unit_name == "Ủy ban nhân dân xã Tân Lập"
    with pytest.raises(ParDeskError) as err:
        I.subject_name(I.UnitSubject("", "12345", "X"))
    assert err.value.key == "identity.field_empty" and err.value.where == "unit_name"


def test_self_signed_validity_configurable():
    key = I.generate_key()
    now = dt.datetime(2025, 3, 1, tzinfo=UTC)
    cert = I.self_signed_certificate(key, UNIT, days=90, now=now)
    assert cert.not_valid_after_utc == now + dt.timedelta(days=90)
    assert cert.not_valid_before_utc <= now
    with pytest.raises(ParDeskError):
        I.self_signed_certificate(key, UNIT, days=0)


def test_expired_and_future_certificates_cannot_sign(tmp_path, ec_ident):
    key, cert = ec_ident
    later = cert.not_valid_after_utc + dt.timedelta(seconds=1)
    with pytest.raises(ParDeskError) as err:
        I.check_can_sign(cert, later)
    assert err.value.key == "identity.cert_expired"
    assert "hết hạn" in err.value.message("vi") and "expired" in err.value.message("en")
    with pytest.raises(ParDeskError) as err:
        I.check_can_sign(cert, cert.not_valid_before_utc - dt.timedelta(days=1))
    assert err.value.key == "identity.cert_not_yet_valid"
    I.check_can_sign(cert)  # fine today

    signer = I.SoftwareSigner(key, cert, clock=lambda: later)
    with pytest.raises(ParDeskError) as err:
        signer.sign_detached_cms(b"data")
    assert err.value.key == "identity.cert_expired"

    store = I.IdentityStore(tmp_path)
    store.create(UNIT, PASS, cert_days=10)
    with pytest.raises(ParDeskError) as err:
        store.signer(PASS, now=dt.datetime.now(UTC) + dt.timedelta(days=11))
    assert err.value.key == "identity.cert_expired"


def test_cert_info_warns_before_expiry(ec_ident):
    _, cert = ec_ident
    near = cert.not_valid_after_utc - dt.timedelta(days=10, hours=1)
    info = I.cert_info(cert, near)
    assert info.expires_in_days == 10
    assert info.warning is not None and info.warning.key == "identity.cert_expiring"
    assert "10" in info.warning.message("vi")
    gone = I.cert_info(cert, cert.not_valid_after_utc + dt.timedelta(days=3))
    assert gone.expires_in_days < 0 and gone.warning.key == "identity.cert_expired"


def test_cert_key_mismatch_is_refused():
    key = I.generate_key()
    other = I.self_signed_certificate(I.generate_key(), UNIT)
    with pytest.raises(ParDeskError) as err:
        I.SoftwareSigner(key, other)
    assert err.value.key == "identity.cert_key_mismatch"


# --- the province answers a CSR ------------------------------------------------

def test_install_issued_certificate(tmp_path):
    store = I.IdentityStore(tmp_path)
    store.create(UNIT, PASS)
    ca = make_ca()
    issued = issue(ca, store.csr())
    info = store.install_certificate(pem(issued) + pem(ca[0]))
    assert not info.self_signed and "CA thử nghiệm Sở Nội vụ" in info.issuer
    assert store.certificate() == issued and store.chain() == [ca[0]]
    # DER alone works too
    store.install_certificate(issued.public_bytes(serialization.Encoding.DER))
    assert store.chain() == []
    signer = store.signer(PASS)
    sig = signer.sign_detached_cms(b"hello")
    assert verify_detached_cms(sig, b"hello", trusted=[ca[0]]).trusted is True  # issued directly by the anchor
    assert verify_detached_cms(sig, b"hello", trusted=[make_ca()[0]]).trusted is False
    store.install_certificate(pem(issued) + pem(ca[0]))
    sig = store.signer(PASS).sign_detached_cms(b"hello")
    res = verify_detached_cms(sig, b"hello", trusted=[ca[0]])
    assert res.valid and res.trusted


def test_install_certificate_for_another_key_is_refused(tmp_path):
    store = I.IdentityStore(tmp_path)
    store.create(UNIT, PASS)
    before = (tmp_path / "cert.pem").read_bytes()
    ca = make_ca()
    foreign = issue(ca, I.generate_key())
    with pytest.raises(ParDeskError) as err:
        store.install_certificate(pem(foreign))
    assert err.value.key == "identity.cert_key_mismatch"
    assert "không khớp" in err.value.message("vi")
    assert (tmp_path / "cert.pem").read_bytes() == before
    # a forged "issuer" in the bundle whose signature does not hold is refused too
    impostor = make_ca("CA thử nghiệm Sở Nội vụ")
    with pytest.raises(ParDeskError) as err:
        store.install_certificate(pem(issue(ca, store.csr())) + pem(impostor[0]))
    assert err.value.key == "identity.cert_bad_issuer_sig"
    with pytest.raises(ParDeskError) as err:
        store.install_certificate(b"not a certificate")
    assert err.value.key == "identity.bad_cert_file"


# --- PKCS#12 -----------------------------------------------------------------

@pytest.mark.parametrize("key_type", I.KEY_TYPES)
def test_import_pkcs12(tmp_path, key_type):
    ca = make_ca()
    key = I.generate_key(key_type)
    cert = issue(ca, key)
    p12 = pkcs12.serialize_key_and_certificates(b"don vi", key, cert, [ca[0]],
                                                serialization.BestAvailableEncryption(b"p12-pass"))
    store = I.IdentityStore(tmp_path / key_type)
    with pytest.raises(ParDeskError) as err:
        store.import_pkcs12(p12, "sai", PASS)
    assert err.value.key == "identity.p12_wrong_password"
    assert "sai mật khẩu" in err.value.message("vi").lower() and "wrong password" in err.value.message("en").lower()
    assert not store.has_key()

    info = store.import_pkcs12(p12, "p12-pass", PASS)
    assert info.unit_code == "12345" and not info.self_signed
    assert store.chain() == [ca[0]]
    assert I.same_key(store.load_key(PASS), cert)  # re-encrypted under our passphrase
    res = verify_detached_cms(store.signer(PASS).sign_detached_cms(b"d"), b"d", trusted=[ca[0]])
    assert res.valid and res.trusted


def test_pkcs12_without_key_is_refused():
    ca = make_ca()
    p12 = pkcs12.serialize_key_and_certificates(b"x", None, None, [ca[0]],
                                                serialization.BestAvailableEncryption(b"pw"))
    with pytest.raises(ParDeskError) as err:
        I.load_pkcs12(p12, "pw")
    assert err.value.key == "identity.p12_incomplete"
    with pytest.raises(ParDeskError) as err:
        I.load_pkcs12(b"garbage", "pw")
    assert err.value.key == "identity.p12_wrong_password"


def test_identity_never_imports_qt():
    import sys
    code = ("import sys, parDesk.identity, parDesk.signing.cms, parDesk.package; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(I.__file__).parent.parent)
