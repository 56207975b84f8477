"""One public-key encoding for the whole program: SubjectPublicKeyInfo DER.

Keys are compared (identity: "is this certificate for my key?") and pinned
(sync: the SHA-256 of this DER is a key's fingerprint) by this one function,
so the two can never disagree about what "the same key" means.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import serialization


@runtime_checkable
class _PublicKey(Protocol):
    def public_bytes(self, encoding: serialization.Encoding, format: serialization.PublicFormat) -> bytes: ...


@runtime_checkable
class _PrivateKey(Protocol):
    """A private key of any algorithm ``cryptography`` knows: it can give its public half."""

    def private_bytes(self, encoding: serialization.Encoding, format: serialization.PrivateFormat,
                      encryption_algorithm: serialization.KeySerializationEncryption) -> bytes: ...

    def public_key(self) -> object: ...


def public_key_der(key: object) -> bytes:
    """SubjectPublicKeyInfo DER of a private key, public key, certificate or CSR."""
    if isinstance(key, (x509.Certificate, x509.CertificateSigningRequest, _PrivateKey)):
        key = key.public_key()
    if not isinstance(key, _PublicKey):
        raise TypeError(f"not a key, certificate or CSR: {type(key).__name__}")
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
