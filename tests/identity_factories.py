"""Test CAs and certificates, shared by the identity, CMS and package tests.

What a province's CA does with a commune's CSR, made here with ``cryptography`` so that the tests
never depend on a CA being reachable.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from parDesk import identity as I

UNIT = I.UnitSubject("Ủy ban nhân dân xã Tân Lập", "12345", "Tỉnh Lào Cai")
UTC = dt.UTC
OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="openssl CLI not installed")

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
