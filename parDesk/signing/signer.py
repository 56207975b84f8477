"""One signer interface for every place the unit's key lives.

A signature is made in three places in parDesk — the package's CMS
(``signature.p7s``), the PAdES signatures on the printed forms, and the
registration statement — and the key can live in three places:

* a key made by parDesk, kept passphrase-encrypted in the workspace
  (:meth:`parDesk.identity.IdentityStore.signer`);
* a PKCS#12 file (.p12/.pfx) issued by a CA (:func:`pkcs12_signer`);
* the leader's PKCS#11 USB token (:class:`parDesk.signing.pkcs11_token.TokenSigner`).

All three are a :class:`BaseSigner`: a certificate, its chain, the signature
algorithm, and one primitive, :meth:`BaseSigner.sign_message` — "sign these
bytes with SHA-256". Everything else (the CMS structure, the PAdES CMS via
pyHanko, the pre-signing checks) is written once here on top of it, so a
token signature and a file signature of the same data differ only in the
signature value.

Why the primitive is "sign the message", not "sign this digest": a key in
memory signs the message directly (deterministic ECDSA needs the message),
while the token implementation hashes on our side and sends only the
32-byte digest to the token (``CKM_ECDSA``, ``CKM_RSA_PKCS`` over a
DigestInfo, ``CKM_RSA_PKCS_PSS``) — the document never goes through the
vendor's driver, and the key never leaves the token.

Before every signature the certificate's validity period and key usage
(digitalSignature or nonRepudiation) are checked
(:func:`parDesk.identity.check_can_sign`); the 30-day warning is
:func:`parDesk.identity.cert_info`'s ``warning``.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from parDesk.i18n import ParDeskError
from parDesk.identity import CertInfo, PrivateKey, cert_info, check_can_sign, check_key_allowed, load_pkcs12, same_key
from parDesk.pubkey import public_key_der
from parDesk.signing.cms import DETERMINISTIC_ECDSA, build_signed_data, pss_padding

Algorithm = Literal["ecdsa", "rsa-pss", "rsa-pkcs1"]
ALGORITHMS: tuple[Algorithm, ...] = ("ecdsa", "rsa-pss", "rsa-pkcs1")


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class BaseSigner(ABC):
    """The one signer interface (package CMS, PAdES, registration).

    Subclasses set ``algorithm`` and implement :meth:`sign_message`; they may
    override :meth:`close` to release a token session. ``kind`` names the
    implementation for the window and the audit log ("file", "pkcs12",
    "token"), never anything secret.
    """

    kind: str = "file"
    algorithm: Algorithm

    def __init__(self, cert: x509.Certificate, chain: Sequence[x509.Certificate] = (), *,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self._cert = cert
        self._chain = list(chain)
        self._clock = clock or _utcnow

    # -- what the signer is -------------------------------------------------
    def certificate(self) -> x509.Certificate:
        return self._cert

    def chain(self) -> list[x509.Certificate]:
        return list(self._chain)

    def info(self) -> CertInfo:
        """What the window shows: owner, issuer, validity, the 30-day warning."""
        return cert_info(self._cert, self._clock())

    def check(self) -> None:
        """Refuse before signing: expired, not yet valid, no signing key usage, weak key."""
        check_can_sign(self._cert, self._clock())

    # -- the primitive ---------------------------------------------------------
    @abstractmethod
    def sign_message(self, message: bytes) -> bytes:
        """The signature value over ``message`` with SHA-256 and :attr:`algorithm`.

        ECDSA values are DER ``ECDSA-Sig-Value``; RSA values are the raw
        signature block. Raises :class:`ParDeskError` for anything a person
        must act on (wrong PIN, token removed…).
        """

    def signature_size(self) -> int:
        """An upper bound of a signature value's length (pyHanko's dry run reserves it)."""
        key = self._cert.public_key()
        if isinstance(key, rsa.RSAPublicKey):
            return (key.key_size + 7) // 8
        if isinstance(key, ec.EllipticCurvePublicKey):
            return 2 * ((key.curve.key_size + 7) // 8) + 9
        return 512

    def close(self) -> None:  # noqa: B027  (an optional hook, not abstract: only a token has a session to release)
        """Release what the signer holds (a token session); harmless to call twice."""

    def __enter__(self) -> BaseSigner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what is built on it ---------------------------------------------------
    def sign_detached_cms(self, data: bytes, *, signing_time: dt.datetime | None = None) -> bytes:
        """A detached CMS SignedData, DER, over ``data`` (the package's ``signature.p7s``).

        The signing time inside the CMS is ``signing_time`` when given (a
        package's frozen time, for reproducible packages), else the clock. The
        clock also drives the validity check: the certificate must be valid
        *now*.
        """
        self.check()
        return build_signed_data(data, self.sign_message, self.algorithm, self._cert, self._chain,
                                 signing_time=signing_time)

    def pyhanko_signer(self) -> Any:  # a pyhanko.sign.signers.Signer (pyHanko is imported only when needed)
        """This signer as a pyHanko signer, for PAdES (imported lazily: the server needs no pyHanko here)."""
        from parDesk.signing.pades import PyHankoAdapter
        return PyHankoAdapter(self)


class KeySigner(BaseSigner):
    """A private key held in memory: the key parDesk made, or one taken from a PKCS#12.

    EC keys sign with deterministic ECDSA (RFC 6979) where available, so a
    package signed twice from the same frozen state is the same bytes; RSA
    keys sign with RSASSA-PSS (Circular 15/2025/TT-BKHCN).
    """

    def __init__(self, key: PrivateKey, cert: x509.Certificate, chain: Sequence[x509.Certificate] = (),
                 *, clock: Callable[[], dt.datetime] | None = None, kind: str = "file") -> None:
        check_key_allowed(key)
        if not same_key(key, cert):
            raise ParDeskError("identity.cert_key_mismatch")
        super().__init__(cert, chain, clock=clock)
        self._key = key
        self.kind = kind
        self.algorithm = "ecdsa" if isinstance(key, ec.EllipticCurvePrivateKey) else "rsa-pss"

    def sign_message(self, message: bytes) -> bytes:
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            if DETERMINISTIC_ECDSA:
                alg = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
            else:
                alg = ec.ECDSA(hashes.SHA256())
            return self._key.sign(message, alg)
        return self._key.sign(message, pss_padding(), hashes.SHA256())


def pkcs12_signer(data: bytes, password: str, *, clock: Callable[[], dt.datetime] | None = None) -> KeySigner:
    """Sign straight from a .p12/.pfx file (the key is only ever in memory)."""
    ident = load_pkcs12(data, password)
    return KeySigner(ident.key, ident.certificate, ident.chain, clock=clock, kind="pkcs12")


def public_key_matches(signer: BaseSigner, cert: x509.Certificate) -> bool:
    """Does ``cert`` carry this signer's public key (e.g. a renewed certificate on the same token)?"""
    return public_key_der(signer.certificate()) == public_key_der(cert)


def verify_message(cert: x509.Certificate, algorithm: Algorithm, message: bytes, signature: bytes) -> None:
    """Raise ``InvalidSignature`` unless ``signature`` is ``algorithm`` over ``message`` by ``cert``'s key."""
    key = cert.public_key()
    if algorithm == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
    elif algorithm == "rsa-pss" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, message, pss_padding(), hashes.SHA256())
    elif algorithm == "rsa-pkcs1" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    else:
        raise ValueError(f"{algorithm} does not fit a {type(key).__name__}")


__all__ = ["ALGORITHMS", "Algorithm", "BaseSigner", "KeySigner", "pkcs12_signer", "public_key_matches",
           "verify_message"]
