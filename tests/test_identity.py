"""Identity: keys at rest, CSR and certificates, PKCS#12, the store, CMS signing and verification.

The CMS signatures are checked three ways: by our own verifier, by the
``openssl cms`` command line (what anyone at the province can run), and our
verifier is fed signatures made by ``openssl cms -sign``.
"""

from __future__ import annotations

import datetime as dt
import shutil
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

from parDesk import identity as I
from parDesk.i18n import ParDeskError
from parDesk.signing import der
from parDesk.signing.cms import sign_detached, verify_detached_cms

UNIT = I.UnitSubject("Ủy ban nhân dân xã Tân Lập", "12345", "Tỉnh Lào Cai")
PASS = "mật khẩu đủ dài"
UTC = dt.UTC
OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl CLI not installed")


# --- small factories, shared with test_bag -------------------------------------

def make_ca(name: str = "CA thử nghiệm Sở Nội vụ", *, key_type: str = "ec-p256",
            issuer: tuple[x509.Certificate, I.PrivateKey] | None = None) -> tuple[x509.Certificate, I.PrivateKey]:
    """A CA certificate (self-signed root, or an intermediate when ``issuer`` is given)."""
    key = I.generate_key(key_type)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(UTC)
    issuer_cert, issuer_key = issuer if issuer else (None, key)
    cert = (x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer_cert.subject if issuer_cert else subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(issuer_key, hashes.SHA256()))
    return cert, key


def issue(ca: tuple[x509.Certificate, I.PrivateKey], csr_or_key: object, unit: I.UnitSubject = UNIT, *,
          not_before: dt.datetime | None = None, days: int = 365) -> x509.Certificate:
    """What the province's CA does with our CSR."""
    ca_cert, ca_key = ca
    public = csr_or_key.public_key()  # type: ignore[attr-defined]
    start = not_before or dt.datetime.now(UTC) - dt.timedelta(hours=1)
    return (x509.CertificateBuilder()
            .subject_name(I.subject_name(unit))
            .issuer_name(ca_cert.subject)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(ca_key, hashes.SHA256()))


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


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


# --- CMS: our verifier -------------------------------------------------------

@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_cms_round_trip_and_tamper(request, which):
    key, cert = request.getfixturevalue(which)
    data = "bảng kê\r\n\x00 binary".encode()
    sig = I.SoftwareSigner(key, cert).sign_detached_cms(data)
    res = verify_detached_cms(sig, data)
    assert res.valid, [str(p) for p in res.problems]
    assert res.signer == cert and res.trusted is None
    assert abs(res.signing_time - dt.datetime.now(UTC)) < dt.timedelta(minutes=2)
    assert verify_detached_cms(sig, data, trusted=[cert]).trusted is True

    bad = verify_detached_cms(sig, data + b"!")
    assert not bad.valid and [p.key for p in bad.problems] == ["cms.digest_mismatch"]

    other_key, other_cert = I.generate_key(), None
    other_cert = I.self_signed_certificate(other_key, UNIT)
    res = verify_detached_cms(sig, data, trusted=[other_cert])
    assert not res.valid and res.trusted is False and "cms.untrusted" in [p.key for p in res.problems]


def test_rsa_signatures_use_pss(rsa_ident):
    key, cert = rsa_ident
    sig = I.SoftwareSigner(key, cert).sign_detached_cms(b"x")
    assert der.oid("1.2.840.113549.1.1.10")[2:] in sig  # id-RSASSA-PSS


@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_every_single_byte_change_in_a_signature_is_detected(request, which):
    """Exhaustive: flip each byte of the CMS (two ways); never a crash, never unnoticed.

    With the signer pinned (trust anchor = its certificate) every change is
    caught. Without anchors, a change inside the certificate that makes it
    stop looking self-issued cannot be caught by CMS alone (nothing signed
    names the certificate); then the verifier must at least report a
    *different* signer certificate, which the package's signed
    Signer-Certificate-SHA256 field catches (test_bag).
    """
    key, cert = request.getfixturevalue(which)
    data = b"tagmanifest"
    sig = I.SoftwareSigner(key, cert).sign_detached_cms(data)
    for pos in range(len(sig)):
        for mask in (0x01, 0x80):
            forged = bytearray(sig)
            forged[pos] ^= mask
            pinned = verify_detached_cms(bytes(forged), data, trusted=[cert])
            assert not pinned.valid, f"flip at {pos} ^ {mask:#x} went unnoticed"
            assert pinned.problems and all(isinstance(p, ParDeskError) for p in pinned.problems)
            loose = verify_detached_cms(bytes(forged), data)
            assert not loose.valid or loose.signer != cert, f"flip at {pos} ^ {mask:#x} went unnoticed"


# --- CMS: our encoder, reproducible signatures -------------------------------

FIXED = dt.datetime(2025, 11, 3, 8, 15, 42, 987654, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_der_writer_round_trips():
    for v in (0, 1, 127, 128, 255, 256, 65535, 2**159, -1, -127, -128, -129, -256, -(2**159)):
        enc = der.integer(v)
        assert der.as_int(der.parse(enc)) == v, v  # the strict reader refuses non-minimal INTEGERs
    for when, tag in ((dt.datetime(1950, 1, 1, tzinfo=UTC), der.UTC_TIME),
                      (dt.datetime(2049, 12, 31, 23, 59, 59, tzinfo=UTC), der.UTC_TIME),
                      (dt.datetime(1949, 12, 31, 23, 59, 59, tzinfo=UTC), der.GENERALIZED_TIME),
                      (dt.datetime(2050, 1, 1, tzinfo=UTC), der.GENERALIZED_TIME)):
        node = der.parse(der.time(when))
        assert node.is_(tag) and der.as_time(node) == when
    assert der.as_time(der.parse(der.time(FIXED))) == dt.datetime(2025, 11, 3, 1, 15, 42, tzinfo=UTC)
    with pytest.raises(ValueError):
        der.time(dt.datetime(2025, 1, 1))  # naive: refused, never guessed
    # SET OF is sorted whatever the argument order
    a, b, c = der.integer(5), der.octets(b"zz"), der.oid("1.2.3")
    assert der.set_of(b, c, a) == der.set_of(a, b, c) == der.encode(0x31, a + b + c)


def test_ec_signature_is_reproducible(ec_ident):
    from parDesk.signing import cms
    if not cms.DETERMINISTIC_ECDSA:
        pytest.skip("this cryptography/OpenSSL has no deterministic ECDSA (needs cryptography >= 44, OpenSSL >= 3.2)")
    key, cert = ec_ident
    data = "tagmanifest: bảng kê".encode()
    when = cert.not_valid_before_utc + dt.timedelta(seconds=90, microseconds=1234)  # inside the validity
    one = sign_detached(data, key, cert, signing_time=when)
    assert sign_detached(data, key, cert, signing_time=when) == one
    assert sign_detached(data, key, cert, signing_time=when.replace(microsecond=0)) == one  # whole seconds
    assert I.SoftwareSigner(key, cert).sign_detached_cms(data, signing_time=when) == one
    assert sign_detached(data, key, cert, signing_time=when + dt.timedelta(seconds=1)) != one
    assert sign_detached(data + b"!", key, cert, signing_time=when) != one
    # random nonces on request (same attributes, different signature value)
    assert sign_detached(data, key, cert, signing_time=when, deterministic=False) != one
    res = verify_detached_cms(one, data, trusted=[cert])
    assert res.valid and res.trusted, [str(p) for p in res.problems]


@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_signing_time_is_the_given_time(request, which):
    key, cert = request.getfixturevalue(which)
    when = max(FIXED, cert.not_valid_before_utc + dt.timedelta(seconds=1))  # the certificate is fresh
    when = when.replace(microsecond=654321)
    sig = I.SoftwareSigner(key, cert).sign_detached_cms(b"payload", signing_time=when)
    res = verify_detached_cms(sig, b"payload", trusted=[cert])
    assert res.valid and res.trusted, [str(p) for p in res.problems]
    assert res.signing_time == when.replace(microsecond=0)  # whole seconds, UTC
    assert res.signing_time.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_cms_structure(request, which):
    """Exactly the RFC 5652 shape documented in sign_detached: v1, issuerAndSerialNumber, three attributes."""
    key, cert = request.getfixturevalue(which)
    root = make_ca()
    sig = sign_detached(b"d", key, cert, [root[0], root[0]], signing_time=dt.datetime.now(UTC))
    info = der.parse(sig).children()
    sd = info[1].children()[0].children()
    assert der.as_int(sd[0]) == 1 and len(sd) == 5
    assert [n.raw for n in sd[1].children()] == [der.seq(der.oid("2.16.840.1.101.3.4.2.1"), der.null())]
    assert [der.as_oid(n) for n in sd[2].children()] == ["1.2.840.113549.1.7.1"]  # id-data, no content
    certs = [n.raw for n in sd[3].children()]
    ders = [c.public_bytes(serialization.Encoding.DER) for c in (cert, root[0])]
    assert sorted(certs) == sorted(ders) and certs == sorted(certs)  # duplicates dropped, DER order
    (si,) = sd[4].children()
    si = si.children()
    assert der.as_int(si[0]) == 1 and len(si) == 6
    attrs = si[3]
    assert attrs.is_(0, der.CONTEXT)
    assert [der.as_oid(a.children()[0]) for a in attrs.children()] == [
        "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.5", "1.2.840.113549.1.9.4"]
    raws = [a.raw for a in attrs.children()]
    assert raws == sorted(raws)
    expected = "1.2.840.10045.4.3.2" if which == "ec_ident" else "1.2.840.113549.1.1.10"
    assert der.as_oid(si[4].children()[0]) == expected


def test_key_must_match_certificate(ec_ident):
    key, _cert = ec_ident
    other = I.generate_key()
    with pytest.raises(ValueError):
        sign_detached(b"x", key, I.self_signed_certificate(other, UNIT))


def test_garbage_signatures_are_reported_not_raised():
    for junk in (b"", b"\x30", b"\x30\x80\x00\x00", b"\x30\x03\x02\x01", b"hello", b"\x30" + b"\x84\xff\xff\xff\xff"):
        res = verify_detached_cms(junk, b"x")
        assert not res.valid and res.problems[0].key == "cms.malformed"


def test_signer_expired_at_signing_time_is_reported():
    key = I.generate_key()
    past = dt.datetime.now(UTC) - dt.timedelta(days=400)
    old = I.self_signed_certificate(key, UNIT, days=30, now=past)
    sig = sign_detached(b"x", key, old)  # bypasses check_can_sign on purpose
    res = verify_detached_cms(sig, b"x")
    assert not res.valid and "cms.cert_not_valid_at" in [p.key for p in res.problems]


def test_chain_with_intermediate_to_trusted_root():
    root = make_ca("Root CA quốc gia")
    mid = make_ca("CA trung gian", issuer=root)
    key = I.generate_key()
    cert = issue(mid, key)
    sig = I.SoftwareSigner(key, cert, [mid[0]]).sign_detached_cms(b"x")
    res = verify_detached_cms(sig, b"x", trusted=[root[0]])
    assert res.valid and res.trusted, [str(p) for p in res.problems]
    # without the intermediate in the CMS there is no path
    sig = I.SoftwareSigner(key, cert).sign_detached_cms(b"x")
    assert verify_detached_cms(sig, b"x", trusted=[root[0]]).trusted is False
    # a leaf (non-CA) cannot act as an issuer
    fake_mid = (issue(root, mid[1], I.UnitSubject("CA trung gian", "1", "X")), mid[1])
    leaf = issue((fake_mid[0], mid[1]), key)
    sig = I.SoftwareSigner(key, leaf, [fake_mid[0]]).sign_detached_cms(b"x")
    res = verify_detached_cms(sig, b"x", trusted=[root[0]])
    assert not res.valid and res.trusted is False


# --- CMS: the openssl command line agrees --------------------------------------

@needs_openssl
@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_openssl_verifies_our_signature(tmp_path, request, which):
    key, cert = request.getfixturevalue(which)
    content = tmp_path / "tagmanifest-sha256.txt"
    content.write_bytes("abc  data/tài liệu.pdf\n".encode())
    sig = tmp_path / "signature.p7s"
    sig.write_bytes(I.SoftwareSigner(key, cert).sign_detached_cms(content.read_bytes()))
    (tmp_path / "cert.pem").write_bytes(pem(cert))
    base = [OPENSSL, "cms", "-verify", "-binary", "-inform", "DER", "-content", str(content), "-in", str(sig),
            "-out", str(tmp_path / "out")]
    subprocess.run(base + ["-noverify"], check=True, capture_output=True)
    subprocess.run(base + ["-CAfile", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    content.write_bytes(b"tampered")
    assert subprocess.run(base + ["-noverify"], capture_output=True).returncode != 0


@needs_openssl
@pytest.mark.parametrize("which", ["ec_ident", "rsa_ident"])
def test_openssl_verifies_signature_with_given_time(tmp_path, request, which):
    key, cert = request.getfixturevalue(which)
    content = tmp_path / "tagmanifest-sha256.txt"
    content.write_bytes(b"abc  data/x.pdf\n")
    sig = tmp_path / "signature.p7s"
    when = cert.not_valid_before_utc + dt.timedelta(seconds=30)
    sig.write_bytes(I.SoftwareSigner(key, cert).sign_detached_cms(content.read_bytes(), signing_time=when))
    (tmp_path / "cert.pem").write_bytes(pem(cert))
    base = [OPENSSL, "cms", "-verify", "-binary", "-inform", "DER", "-content", str(content), "-in", str(sig),
            "-out", str(tmp_path / "out")]
    subprocess.run(base + ["-noverify"], check=True, capture_output=True)
    subprocess.run(base + ["-CAfile", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    content.write_bytes(b"tampered")
    assert subprocess.run(base + ["-noverify"], capture_output=True).returncode != 0


@needs_openssl
def test_openssl_verifies_chain_signature(tmp_path):
    root = make_ca()
    key = I.generate_key("rsa-3072")
    cert = issue(root, key)
    content = tmp_path / "c.txt"
    content.write_bytes(b"payload")
    (tmp_path / "sig.p7s").write_bytes(I.SoftwareSigner(key, cert, [root[0]]).sign_detached_cms(b"payload"))
    (tmp_path / "ca.pem").write_bytes(pem(root[0]))
    subprocess.run([OPENSSL, "cms", "-verify", "-binary", "-inform", "DER", "-content", str(content),
                    "-in", str(tmp_path / "sig.p7s"), "-CAfile", str(tmp_path / "ca.pem"), "-out", "/dev/null"],
                   check=True, capture_output=True)


@needs_openssl
@pytest.mark.parametrize("which,opts", [("ec_ident", []), ("rsa_ident", ["-keyopt", "rsa_padding_mode:pss"]),
                                        ("rsa_ident", [])])
def test_we_verify_openssl_signatures(tmp_path, request, which, opts):
    key, cert = request.getfixturevalue(which)
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(pem(cert))
    (tmp_path / "data").write_bytes(b"signed by openssl")
    subprocess.run([OPENSSL, "cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER", "-signer",
                    str(tmp_path / "cert.pem"), "-inkey", str(tmp_path / "key.pem"), *opts,
                    "-in", str(tmp_path / "data"), "-out", str(tmp_path / "sig")], check=True, capture_output=True)
    sig = (tmp_path / "sig").read_bytes()
    res = verify_detached_cms(sig, b"signed by openssl", trusted=[cert])
    assert res.valid and res.trusted, [str(p) for p in res.problems]
    assert not verify_detached_cms(sig, b"signed by openssl!").valid


def test_identity_never_imports_qt():
    import sys
    code = ("import sys, parDesk.identity, parDesk.signing.cms, parDesk.package; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(I.__file__).parent.parent)
