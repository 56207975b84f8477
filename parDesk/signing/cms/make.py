"""Making a detached CMS SignedData (RFC 5652), DER, byte for byte deterministic where the key allows.

Written with the small DER writer in :mod:`parDesk.signing.der` rather than
``cryptography``'s ``PKCS7SignatureBuilder``, which always stamps "now" as
the signing time and cannot use deterministic ECDSA (see the package
docstring, :mod:`parDesk.signing.cms`). :func:`build_signed_data` takes the
signature as a callable, so a key in memory and a USB token build the same
structure (:mod:`parDesk.signing.signer`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from parDesk.signing import der
from parDesk.signing.cms.common import (
    OID_CONTENT_TYPE,
    OID_DATA,
    OID_MESSAGE_DIGEST,
    OID_MGF1,
    OID_RSA_PSS,
    OID_SIGNED_DATA,
    OID_SIGNING_TIME,
)


def pss_padding() -> padding.PSS:
    """The one RSA padding parDesk signs with (RFC 4056 defaults for SHA-256)."""
    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


def _deterministic_ecdsa_supported() -> bool:
    """Can this ``cryptography`` + OpenSSL do RFC 6979 ECDSA (cryptography ≥ 44, OpenSSL ≥ 3.2)?"""
    try:
        ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
        return True
    except (TypeError, UnsupportedAlgorithm):
        return False


#: Whether EC signatures are deterministic here (checked once, at import). When
#: False, :func:`sign_detached` falls back to random nonces: signatures stay
#: valid, but two signatures over the same bytes differ.
DETERMINISTIC_ECDSA = _deterministic_ecdsa_supported()

_SHA256_ALG = der.seq(der.oid("2.16.840.1.101.3.4.2.1"), der.null())
_ECDSA_SHA256_ALG = der.seq(der.oid("1.2.840.10045.4.3.2"))  # parameters absent (RFC 5758 §3.2)
_RSA_PSS_SHA256_ALG = der.seq(
    der.oid(OID_RSA_PSS),
    der.seq(der.context(0, _SHA256_ALG),
            der.context(1, der.seq(der.oid(OID_MGF1), _SHA256_ALG)),
            der.context(2, der.integer(32))))  # trailerField 1 is the DEFAULT, so omitted


def _cert_sid(cert_der: bytes) -> bytes:
    """IssuerAndSerialNumber, copied byte for byte from the certificate's TBS.

    Copying (not re-encoding) keeps the issuer's string types and the serial's
    exact encoding, which is what verifiers compare against.
    """
    tbs = der.parse(cert_der).children()[0].children()
    i = 1 if tbs[0].is_(0, der.CONTEXT) else 0
    serial, issuer = tbs[i].expect(der.INTEGER, what="serialNumber"), tbs[i + 2].expect(der.SEQUENCE, what="issuer")
    return der.seq(issuer.raw, serial.raw)


#: sha256WithRSAEncryption (RSA PKCS#1 v1.5), parameters NULL (RFC 4055 §5): what most issued tokens do.
_RSA_PKCS1_SHA256_ALG = der.seq(der.oid("1.2.840.113549.1.1.11"), der.null())

#: The signature algorithms a :func:`build_signed_data` caller may name, as DER AlgorithmIdentifiers.
SIGNATURE_ALGORITHMS: dict[str, bytes] = {
    "ecdsa": _ECDSA_SHA256_ALG,
    "rsa-pss": _RSA_PSS_SHA256_ALG,
    "rsa-pkcs1": _RSA_PKCS1_SHA256_ALG,
}


def signed_attributes(data: bytes, signing_time: dt.datetime) -> bytes:
    """The DER SET OF signed attributes over ``data`` (what the private key signs, RFC 5652 §5.4)."""
    return der.set_of(
        der.seq(der.oid(OID_CONTENT_TYPE), der.set_of(der.oid(OID_DATA))),
        der.seq(der.oid(OID_SIGNING_TIME), der.set_of(der.time(signing_time))),
        der.seq(der.oid(OID_MESSAGE_DIGEST), der.set_of(der.octets(hashlib.sha256(data).digest()))),
    )


def build_signed_data(data: bytes, sign: Callable[[bytes], bytes], algorithm: str,
                      cert: x509.Certificate, chain: Sequence[x509.Certificate] = (), *,
                      signing_time: dt.datetime | None = None) -> bytes:
    """Detached CMS SignedData (RFC 5652, DER) over ``data`` with SHA-256, whoever holds the key.

    ``sign`` receives the DER signed attributes and returns the signature
    value for ``algorithm`` (``"ecdsa"``: DER ECDSA-Sig-Value; ``"rsa-pss"``:
    RSASSA-PSS SHA-256/MGF1-SHA-256/salt 32; ``"rsa-pkcs1"``: PKCS#1 v1.5
    SHA-256). It may be a key in memory or a USB token
    (:mod:`parDesk.signing.signer`). Structure::

        ContentInfo { id-signedData, [0] SignedData {
          version 1, digestAlgorithms { sha256 }, encapContentInfo { id-data } (no content: detached),
          certificates [0] { signer certificate, chain… } (DER as given, sorted as a DER SET OF),
          signerInfos { SignerInfo {
            version 1, sid issuerAndSerialNumber, digestAlgorithm sha256,
            signedAttrs [0] { contentType id-data, signingTime, messageDigest },
            signatureAlgorithm ecdsa-with-SHA256 | RSASSA-PSS(…) | sha256WithRSAEncryption,
            signature over the DER SET OF signedAttrs } } } }

    ``signing_time`` (timezone-aware; default: now) is written in whole seconds
    UTC. It is the signer's claim, as in any CMS without a timestamp token.

    The signature is verified with the certificate's public key before it is
    returned, so a key that does not match the certificate, a token that
    answered garbage, or a faulty computation never leaves here
    (``ValueError``).
    """
    if algorithm not in SIGNATURE_ALGORITHMS:
        raise ValueError(f"unsupported signature algorithm {algorithm!r}")
    if signing_time is None:
        signing_time = dt.datetime.now(dt.UTC)
    cert_der = cert.public_bytes(serialization.Encoding.DER)
    cert_ders = list(dict.fromkeys([cert_der] + [c.public_bytes(serialization.Encoding.DER) for c in chain]))
    signed_attrs = signed_attributes(data, signing_time)
    signature = sign(signed_attrs)
    public = cert.public_key()
    try:
        if algorithm == "ecdsa" and isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, signed_attrs, ec.ECDSA(hashes.SHA256()))
        elif algorithm == "rsa-pss" and isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, signed_attrs, pss_padding(), hashes.SHA256())
        elif algorithm == "rsa-pkcs1" and isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, signed_attrs, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise InvalidSignature
    except InvalidSignature:
        raise ValueError("the private key does not match the certificate") from None

    signer_info = der.seq(
        der.integer(1),
        _cert_sid(cert_der),
        _SHA256_ALG,
        der.context(0, der.contents(signed_attrs)),  # [0] IMPLICIT SET OF Attribute
        SIGNATURE_ALGORITHMS[algorithm],
        der.octets(signature),
    )
    signed_data = der.seq(
        der.integer(1),
        der.set_of(_SHA256_ALG),
        der.seq(der.oid(OID_DATA)),
        der.context(0, der.contents(der.set_of(*cert_ders))),  # [0] IMPLICIT CertificateSet
        der.set_of(signer_info),
    )
    return der.seq(der.oid(OID_SIGNED_DATA), der.context(0, signed_data))


def sign_detached(data: bytes, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
                  cert: x509.Certificate, chain: Sequence[x509.Certificate] = (), *,
                  signing_time: dt.datetime | None = None, deterministic: bool = True) -> bytes:
    """Detached CMS over ``data`` with a private key in memory (see :func:`build_signed_data`).

    Built here, not with ``PKCS7SignatureBuilder``, so that the output is a
    function of its inputs: the builder always stamps "now" as the signing
    time and cannot use deterministic ECDSA.

    Determinism: with an EC key, ``deterministic=True`` and
    :data:`DETERMINISTIC_ECDSA`, the nonce is derived from key and message
    (RFC 6979), so the same data, time, key and certificates give the same
    bytes. RSA keys sign with RSASSA-PSS, which is salted (a random 32-byte
    salt), so an RSA signature differs every time; everything else in an
    RSA-signed package is still deterministic.

    The chain certificates are included so a verifier holding only the root
    can build the path. Callers check the certificate's validity first
    (:func:`parDesk.identity.check_can_sign`).
    """
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if deterministic and DETERMINISTIC_ECDSA:
            ecdsa = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
        else:
            ecdsa = ec.ECDSA(hashes.SHA256())
        ec_key = key
        return build_signed_data(data, lambda attrs: ec_key.sign(attrs, ecdsa), "ecdsa", cert, chain,
                                 signing_time=signing_time)
    if isinstance(key, rsa.RSAPrivateKey):
        rsa_key = key
        return build_signed_data(data, lambda attrs: rsa_key.sign(attrs, pss_padding(), hashes.SHA256()),
                                 "rsa-pss", cert, chain, signing_time=signing_time)
    raise TypeError(f"unsupported key type {type(key).__name__}")
