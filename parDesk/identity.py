"""The unit's signing identity: key pair, certificate, CSR, PKCS#12, signer.

Three ways in (docs/architecture.md, "Identity and signing"):

1. generate a key here (ECDSA P-256 by default, or RSA 3072), keep it
   encrypted with a passphrase, make a self-signed certificate to work with
   before registration and a CSR for the province to certify;
2. import a PKCS#12 (.p12/.pfx) from a Vietnamese CA;
3. the leader's PKCS#11 USB token (:mod:`parDesk.signing.pkcs11_token`); all three
   are one signer interface, :mod:`parDesk.signing.signer`.

Algorithms follow Circular 15/2025/TT-BKHCN: ECDSA P-256 or RSA ≥ 2048 with
RSASSA-PSS, SHA-256. The certificate's validity is checked before every
signature (:func:`check_can_sign`).

This module is the identity's one import: it holds the store on disk
(:class:`IdentityStore`) and the :class:`Signer` contract, and re-exports the
two halves it stands on, kept apart so each is short enough to audit:
:mod:`parDesk.identity_keys` (the private key, its encryption at rest, the
passphrase) and :mod:`parDesk.identity_certs` (names, CSR, certificates,
PKCS#12, validity). Import from here.

No Qt here: the window, the CLI and the server share this module.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parDesk.fsutil import atomic_write_bytes, fsync_dir
from parDesk.i18n import ParDeskError, register
from parDesk.identity_certs import (
    CLOCK_SKEW,
    DEFAULT_CERT_DAYS,
    EXPIRY_WARNING_DAYS,
    CertInfo,
    Pkcs12Identity,
    UnitSubject,
    aware,
    build_csr,
    cert_info,
    check_can_sign,
    load_certificates,
    load_pkcs12,
    name_text,
    self_signed_certificate,
    subject_name,
    unit_code_of,
    utc_now,
)
from parDesk.identity_keys import (
    KEY_TYPES,
    MIN_PASSPHRASE,
    PBKDF2_ITERATIONS,
    KeyType,
    PrivateKey,
    check_key_allowed,
    check_passphrase,
    describe_key,
    encrypt_private_key,
    generate_key,
    load_private_key,
    same_key,
)
from parDesk.pubkey import public_key_der
from parDesk.signing.cms import CmsVerifyResult, subject_text, verify_detached_cms

if TYPE_CHECKING:
    from parDesk.signing.signer import KeySigner

register({
    "identity.no_key": ("chưa có khóa ký số trong {folder}", "no signing key in {folder} yet"),
    "identity.no_cert": ("chưa có chứng thư số trong {folder}", "no certificate in {folder} yet"),
    "identity.exists": ("đã có khóa ký số; việc thay thế phải được xác nhận",
                        "a signing key already exists; replacing it must be confirmed"),
})


# --- signers ------------------------------------------------------------------

@runtime_checkable
class Signer(Protocol):
    """What the package builder needs from whoever holds the key.

    The implementations are :class:`parDesk.signing.signer.BaseSigner`'s: a
    key made here or taken from a PKCS#12 (``KeySigner``, also importable as
    ``SoftwareSigner`` from this module), and the leader's PKCS#11 USB token
    (:class:`parDesk.signing.pkcs11_token.TokenSigner`). This protocol stays
    the narrow contract the package builder relies on.
    """

    def certificate(self) -> x509.Certificate:
        """The signer certificate (checked with :func:`check_can_sign` before signing)."""
        ...

    def sign_detached_cms(self, data: bytes, *, signing_time: dt.datetime | None = None) -> bytes:
        """A detached CMS SignedData, DER, over ``data``, carrying the signer certificate.

        ``signing_time`` (optional, timezone-aware) is the signingTime to record
        instead of the clock; callers pass it only when they have one, so
        signers that do not take it keep working with them.
        """
        ...


def __getattr__(name: str) -> object:
    """``SoftwareSigner`` lives in :mod:`parDesk.signing.signer` (as ``KeySigner``); imported lazily
    because that module builds on this one."""
    if name == "SoftwareSigner":
        from parDesk.signing.signer import KeySigner
        return KeySigner
    raise AttributeError(name)

# --- the store on disk --------------------------------------------------------

def _pem_certs(certs: Sequence[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


class IdentityStore:
    """The unit's identity folder, e.g. ``<workspace>/identity/``.

    ``key.pem``     the private key, PKCS#8 encrypted (see module docstring), 0600
    ``public.pem``  its public key, so certificates can be matched without the passphrase
    ``cert.pem``    the certificate in use (self-signed, province-issued, or from a .p12)
    ``chain.pem``   issuing CA certificates, if any
    ``csr.pem``     the last certificate signing request

    Every file is written atomically. Replacing an identity never deletes the
    old one: its files move to ``replaced-<UTC time>/`` first, since a lost
    key means packages already sent can no longer be matched to their signer.
    """

    KEY, PUBLIC, CERT, CHAIN, CSR = "key.pem", "public.pem", "cert.pem", "chain.pem", "csr.pem"

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def has_key(self) -> bool:
        return self.path(self.KEY).is_file()

    def _read(self, name: str) -> bytes | None:
        p = self.path(name)
        return p.read_bytes() if p.is_file() else None

    def _retire_current(self) -> None:
        present = [n for n in (self.KEY, self.PUBLIC, self.CERT, self.CHAIN, self.CSR) if self.path(n).exists()]
        if not present:
            return
        stamp = utc_now().strftime("%Y%m%dT%H%M%S%fZ")
        backup = self.folder / f"replaced-{stamp}"
        backup.mkdir(parents=True)
        for n in present:
            os.replace(self.path(n), backup / n)
        fsync_dir(backup)
        fsync_dir(self.folder)

    def _save_identity(self, key: PrivateKey, passphrase: str, cert: x509.Certificate,
                       chain: Sequence[x509.Certificate], csr: x509.CertificateSigningRequest | None,
                       overwrite: bool) -> None:
        if self.has_key() and not overwrite:
            raise ParDeskError("identity.exists", where=str(self.folder))
        key_pem = encrypt_private_key(key, passphrase)  # validates the passphrase before touching disk
        self._retire_current()
        # key.pem last: a crash before it leaves "no identity", never a key without its certificate
        atomic_write_bytes(self.path(self.PUBLIC), key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        atomic_write_bytes(self.path(self.CERT), cert.public_bytes(serialization.Encoding.PEM))
        if chain:
            atomic_write_bytes(self.path(self.CHAIN), _pem_certs(chain))
        if csr is not None:
            atomic_write_bytes(self.path(self.CSR), csr.public_bytes(serialization.Encoding.PEM))
        atomic_write_bytes(self.path(self.KEY), key_pem, private=True)

    def create(self, unit: UnitSubject, passphrase: str, *, key_type: str = "ec-p256",
               cert_days: int = DEFAULT_CERT_DAYS, now: dt.datetime | None = None,
               overwrite: bool = False) -> CertInfo:
        """Generate a key, a self-signed certificate and a CSR; store them."""
        if self.has_key() and not overwrite:
            raise ParDeskError("identity.exists", where=str(self.folder))
        check_passphrase(passphrase)
        key = generate_key(key_type)
        cert = self_signed_certificate(key, unit, days=cert_days, now=now)
        csr = build_csr(key, unit)
        self._save_identity(key, passphrase, cert, (), csr, overwrite)
        return cert_info(cert, now)

    def import_pkcs12(self, data: bytes, password: str, passphrase: str, *,
                      overwrite: bool = False, now: dt.datetime | None = None) -> CertInfo:
        """Take key + certificate + chain from a .p12; the key is re-encrypted with ``passphrase``."""
        ident = load_pkcs12(data, password)
        self._save_identity(ident.key, passphrase, ident.certificate, ident.chain, None, overwrite)
        return cert_info(ident.certificate, now)

    def load_key(self, passphrase: str) -> PrivateKey:
        pem = self._read(self.KEY)
        if pem is None:
            raise ParDeskError("identity.no_key", folder=str(self.folder))
        return load_private_key(pem, passphrase, where=self.KEY)

    def change_passphrase(self, old: str, new: str) -> None:
        key = self.load_key(old)
        atomic_write_bytes(self.path(self.KEY), encrypt_private_key(key, new), private=True)

    def public_key_pem(self) -> bytes:
        for name in (self.PUBLIC,):
            data = self._read(name)
            if data is not None:
                return data
        cert = self.certificate()
        if cert is None:
            raise ParDeskError("identity.no_key", folder=str(self.folder))
        return cert.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo)

    def certificate(self) -> x509.Certificate | None:
        data = self._read(self.CERT)
        return load_certificates(data, where=self.CERT)[0] if data else None

    def chain(self) -> list[x509.Certificate]:
        data = self._read(self.CHAIN)
        return load_certificates(data, where=self.CHAIN) if data else []

    def csr(self) -> x509.CertificateSigningRequest | None:
        data = self._read(self.CSR)
        return x509.load_pem_x509_csr(data) if data else None

    def csr_pem(self) -> bytes | None:
        """The CSR file's bytes, to hand to the province."""
        return self._read(self.CSR)

    def install_certificate(self, data: bytes, *, now: dt.datetime | None = None) -> CertInfo:
        """Install the certificate the province issued for our CSR (PEM/DER/.p7b, chain allowed).

        Refused unless one certificate's public key is ours; if its issuer
        came along, the issuer's signature on it must verify.
        """
        certs = load_certificates(data)
        public = serialization.load_pem_public_key(self.public_key_pem())
        ours = [c for c in certs if same_key(c, public)]
        if not ours:
            raise ParDeskError("identity.cert_key_mismatch")
        leaf = ours[0]
        chain = [c for c in certs if c is not leaf and not same_key(c, public)]
        issuers = [c for c in chain if c.subject == leaf.issuer]
        if issuers:
            ok = False
            for issuer in issuers:
                try:
                    leaf.verify_directly_issued_by(issuer)
                    ok = True
                    break
                except Exception:
                    continue
            if not ok:
                raise ParDeskError("identity.cert_bad_issuer_sig")
        atomic_write_bytes(self.path(self.CERT), leaf.public_bytes(serialization.Encoding.PEM))
        if chain:
            atomic_write_bytes(self.path(self.CHAIN), _pem_certs(chain))
        else:
            self.path(self.CHAIN).unlink(missing_ok=True)
        return cert_info(leaf, now)

    def info(self, now: dt.datetime | None = None) -> CertInfo | None:
        cert = self.certificate()
        return cert_info(cert, now) if cert is not None else None

    def signer(self, passphrase: str, *, now: dt.datetime | None = None) -> KeySigner:
        """Decrypt the key and return a signer; refuses an unusable certificate up front."""
        from parDesk.signing.signer import KeySigner
        cert = self.certificate()
        if cert is None:
            raise ParDeskError("identity.no_cert", folder=str(self.folder))
        check_can_sign(cert, now)
        key = self.load_key(passphrase)
        return KeySigner(key, cert, self.chain(), clock=(lambda: aware(now)) if now else None)


__all__ = [
    "CLOCK_SKEW", "DEFAULT_CERT_DAYS", "EXPIRY_WARNING_DAYS", "KEY_TYPES", "MIN_PASSPHRASE", "PBKDF2_ITERATIONS",
    "CertInfo", "CmsVerifyResult", "IdentityStore", "KeyType", "Pkcs12Identity", "PrivateKey", "Signer",
    "UnitSubject", "build_csr", "cert_info", "check_can_sign", "check_key_allowed", "describe_key",
    "encrypt_private_key", "generate_key", "load_certificates", "load_pkcs12", "load_private_key", "name_text",
    "public_key_der", "same_key", "self_signed_certificate", "subject_name", "subject_text", "unit_code_of",
    "verify_detached_cms",
]
