"""The server's own key and certificate, and certificates it issues from units' CSRs.

One ECDSA P-256 key signs receipts, answers and the unit certificates the
province issues from registration CSRs; its self-signed certificate is a CA
(pathlen 0) so units can chain their issued certificate to it. The key file is
unencrypted and 0600: the server starts unattended. Protect the data folder
(docs/sync.md); an HSM or a separate offline CA is the upgrade path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from parDesk.fsutil import atomic_write_bytes
from parDesk.i18n import ParDeskError
from parDesk.identity import check_key_allowed


def create_server_identity(key_path: Path, cert_path: Path, province: str, days: int = 3650) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province or "Tỉnh"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"Sở Nội vụ {province}".strip()),
        x509.NameAttribute(NameOID.COMMON_NAME, f"parDesk — máy chủ tiếp nhận {province}".strip()),
    ])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    atomic_write_bytes(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()), private=True)
    atomic_write_bytes(cert_path, cert.public_bytes(serialization.Encoding.PEM))


def load_server_identity(key_path: Path, cert_path: Path) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):  # init makes a P-256 key; anything else was swapped in
        raise ValueError(f"{key_path}: the server key is not an elliptic-curve key")
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return key, cert


def issue_certificate(csr: x509.CertificateSigningRequest, ca_key: ec.EllipticCurvePrivateKey,
                      ca_cert: x509.Certificate, days: int = 730) -> x509.Certificate:
    """A signing certificate for a unit's CSR: same subject, key usage for signing, 2 years."""
    if not csr.is_signature_valid:
        raise ValueError("CSR signature invalid")
    public = csr.public_key()
    if not isinstance(public, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)):  # Ed25519, DSA…: not allowed
        raise ParDeskError("identity.weak_key", detail=type(public).__name__)
    check_key_allowed(public)
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder().subject_name(csr.subject).issuer_name(ca_cert.subject)
            .public_key(csr.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(csr.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
