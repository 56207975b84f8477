"""One public-key encoding for the whole program: SubjectPublicKeyInfo DER.

Keys are compared (identity: "is this certificate for my key?") and pinned
(sync: the SHA-256 of this DER is a key's fingerprint) by this one function,
so the two can never disagree about what "the same key" means.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization


def public_key_der(key: object) -> bytes:
    """SubjectPublicKeyInfo DER of a private key, public key, certificate or CSR."""
    if isinstance(key, (x509.Certificate, x509.CertificateSigningRequest)):
        key = key.public_key()
    if hasattr(key, "private_bytes"):
        key = key.public_key()
    return key.public_bytes(serialization.Encoding.DER,  # type: ignore[attr-defined]
                            serialization.PublicFormat.SubjectPublicKeyInfo)
