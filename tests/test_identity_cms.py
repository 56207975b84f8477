"""CMS signing and verification of the package signature, checked three ways.

By our own verifier, by the ``openssl cms`` command line (what anyone at the province can run),
and our verifier is fed signatures made by ``openssl cms -sign``. Split from test_identity.py,
which covers keys at rest, CSRs, certificates and PKCS#12.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from identity_factories import OPENSSL, UNIT, UTC, issue, make_ca, needs_openssl, pem

from parDesk import identity as I
from parDesk.i18n import ParDeskError
from parDesk.signing import der
from parDesk.signing.cms import sign_detached, verify_detached_cms


@pytest.fixture(scope="module")
def ec_ident() -> tuple[I.PrivateKey, x509.Certificate]:
    key = I.generate_key("ec-p256")
    return key, I.self_signed_certificate(key, UNIT)


@pytest.fixture(scope="module")
def rsa_ident() -> tuple[I.PrivateKey, x509.Certificate]:
    key = I.generate_key("rsa-3072")
    return key, I.self_signed_certificate(key, UNIT)


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
