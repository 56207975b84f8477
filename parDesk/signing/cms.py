"""Detached CMS (PKCS#7) signatures: making them and checking them.

Making: :func:`sign_detached` DER-encodes the SignedData itself with the small
writer in :mod:`parDesk.signing.der` (``cryptography``'s
``PKCS7SignatureBuilder`` always stamps "now" as the signing time and uses
random ECDSA nonces, so two signatures of the same frozen package differed).
The content is hashed byte for byte (never canonicalised as S/MIME text). The
signed attributes are contentType, signingTime (given by the caller — for a
package, its frozen time — whole seconds, UTC) and messageDigest; the signer
certificate and chain are included. EC keys sign with deterministic ECDSA
(RFC 6979) where the installed ``cryptography``/OpenSSL supports it
(:data:`DETERMINISTIC_ECDSA`), so an EC signature is a function of data,
time, key and certificates. RSA keys sign with RSASSA-PSS (SHA-256,
MGF1-SHA-256, salt = 32 bytes) as Circular 15/2025/TT-BKHCN asks; PSS is
salted, so RSA signatures still differ from one signing to the next.
``openssl cms -verify`` accepts both.

Checking: ``cryptography`` has no CMS verification API, so
:func:`verify_detached_cms` walks the SignedData with the strict DER reader in
:mod:`parDesk.signing.der` and checks it itself (RFC 5652 §5.4, §5.6):

* exactly one SignerInfo; its certificate is found in the CMS by issuer and
  serial number (or subject key identifier);
* messageDigest equals the digest of the content we were given, contentType is
  id-data, signingTime is present and read;
* the signature verifies over the DER SET OF signed attributes (ECDSA, RSA
  PKCS#1 v1.5 or RSA-PSS with its parameters);
* the signer certificate was valid at the signing time, allows digital
  signatures, and (if self-issued) its own signature verifies, so a changed
  byte anywhere in the certificate is seen even without trust anchors;
* with trust anchors: the signer is one of them or chains to one through
  certificates in the CMS (issuer signature verified at each step, CA flag,
  validity at signing time).

Certificate substitution: without trust anchors, nothing in a plain CMS
binds *which* certificate was meant (parDesk's signatures do not carry the
ESS signingCertificateV2 attribute), so a certificate altered to no longer
look self-issued, or swapped for another one with the same key, still
"verifies" — ``trusted`` is None then, and callers must pin. The package
format closes this: bag-info carries the signer certificate's SHA-256 under
the signature (see :mod:`parDesk.package.bag`).

What is *not* checked, by design, and documented for the appraiser: the
signing time is the signer's own claim (no RFC 3161 timestamp), and
revocation is not checked offline (``trusted`` means "chains to an anchor",
never "not revoked"). Without anchors ``trusted`` is ``None`` ("unknown"),
which the UI must never present as valid identity.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from parDesk.i18n import ParDeskError, register
from parDesk.signing import der

register({
    "cms.malformed": ("chữ ký số bị hỏng hoặc không đúng định dạng CMS/PKCS#7 ({detail})",
                      "the signature is damaged or not a CMS/PKCS#7 signature ({detail})"),
    "cms.signer_count": ("chữ ký phải có đúng một người ký, ở đây có {count}",
                         "the signature must have exactly one signer, it has {count}"),
    "cms.no_signer_cert": ("không tìm thấy chứng thư số của người ký trong chữ ký",
                           "the signer's certificate is not included in the signature"),
    "cms.bad_cert": ("chứng thư số trong chữ ký bị hỏng: {detail}",
                     "a certificate in the signature is damaged: {detail}"),
    "cms.unsupported_alg": ("thuật toán không được hỗ trợ hoặc không được phép: {alg}",
                            "unsupported or disallowed algorithm: {alg}"),
    "cms.weak_key": ("khóa của người ký quá yếu ({detail}); cần RSA ≥ 2048 bit hoặc ECDSA ≥ 256 bit",
                     "the signer's key is too weak ({detail}); RSA ≥ 2048 bits or ECDSA ≥ 256 bits is required"),
    "cms.digest_mismatch": ("nội dung đã bị thay đổi sau khi ký (mã băm không khớp)",
                            "the content was changed after signing (digest does not match)"),
    "cms.bad_signature": ("chữ ký không hợp lệ: nội dung hoặc chữ ký đã bị thay đổi, hoặc ký bằng khóa khác",
                          "the signature is not valid: content or signature changed, or signed with another key"),
    "cms.attr_missing": ("chữ ký thiếu thuộc tính bắt buộc: {attr}", "the signature lacks a required attribute: {attr}"),
    "cms.attr_repeated": ("thuộc tính {attr} xuất hiện nhiều lần", "attribute {attr} appears more than once"),
    "cms.content_type": ("loại nội dung được ký không phải dữ liệu (id-data)",
                         "the signed content type is not data (id-data)"),
    "cms.attached": ("chữ ký phải tách rời (detached) nhưng lại chứa nội dung",
                     "the signature must be detached but it carries content"),
    "cms.no_signing_time": ("chữ ký không ghi thời điểm ký", "the signature does not record a signing time"),
    "cms.future_time": ("thời điểm ký {time} ở tương lai (đồng hồ máy ký sai?)",
                        "the signing time {time} is in the future (wrong clock on the signing computer?)"),
    "cms.cert_not_valid_at": ("chứng thư số {subject} không có hiệu lực vào thời điểm ký {time} (hiệu lực {start} – {end})",
                              "certificate {subject} was not valid at the signing time {time} (valid {start} – {end})"),
    "cms.cert_not_valid_at_reference": (
        "chứng thư số {subject} không còn hiệu lực vào thời điểm nhận/kiểm tra {now} (hiệu lực {start} – {end}); "
        "thời điểm ký {time} chỉ do người ký tự khai (không có dấu thời gian tin cậy) nên không được dùng thay",
        "certificate {subject} is not valid at the time of receipt/verification {now} (valid {start} – {end}); "
        "the signing time {time} is only the signer's own claim (no trusted timestamp), so it cannot stand in"),
    "cms.key_usage": ("chứng thư số của người ký không cho phép ký số", "the signer's certificate does not allow digital signatures"),
    "cms.cert_tampered": ("chứng thư số của người ký đã bị sửa (chữ ký trên chứng thư không hợp lệ)",
                          "the signer's certificate was altered (its own signature does not verify)"),
    "cms.untrusted": ("người ký ({subject}) không thuộc danh sách chứng thư tin cậy và không được cấp bởi tổ chức tin cậy",
                      "the signer ({subject}) is not a trusted certificate and was not issued by a trusted authority"),
    "cms.not_ca": ("chứng thư {subject} không phải của tổ chức cấp chứng thư (CA) nhưng đứng trong chuỗi",
                   "certificate {subject} is in the chain but is not a certification authority (CA)"),
})

OID_DATA = "1.2.840.113549.1.7.1"
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SIGNING_TIME = "1.2.840.113549.1.9.5"

DIGESTS: dict[str, type[hashes.HashAlgorithm]] = {
    "2.16.840.1.101.3.4.2.1": hashes.SHA256,
    "2.16.840.1.101.3.4.2.2": hashes.SHA384,
    "2.16.840.1.101.3.4.2.3": hashes.SHA512,
}
ECDSA_WITH = {
    "1.2.840.10045.4.3.2": hashes.SHA256,
    "1.2.840.10045.4.3.3": hashes.SHA384,
    "1.2.840.10045.4.3.4": hashes.SHA512,
}
RSA_PKCS1_WITH = {
    "1.2.840.113549.1.1.11": hashes.SHA256,
    "1.2.840.113549.1.1.12": hashes.SHA384,
    "1.2.840.113549.1.1.13": hashes.SHA512,
}
OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
OID_RSA = "1.2.840.113549.1.1.1"
OID_RSA_PSS = "1.2.840.113549.1.1.10"
OID_MGF1 = "1.2.840.113549.1.1.8"
ALLOWED_CURVES = (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)
MAX_SIGNATURE_BYTES = 1 << 20
FUTURE_TOLERANCE = dt.timedelta(days=1)
MAX_CHAIN = 6


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


@dataclass
class CmsVerifyResult:
    """What a detached CMS signature says, and everything wrong with it.

    ``valid`` is True only when ``problems`` is empty. ``trusted`` is None when
    no trust anchors were given (unknown, not "yes").
    """

    valid: bool
    signer: x509.Certificate | None = None
    signing_time: dt.datetime | None = None
    certificates: list[x509.Certificate] = field(default_factory=list)
    trusted: bool | None = None
    problems: list[ParDeskError] = field(default_factory=list)


def _fmt_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M:%S UTC")


def subject_text(cert: x509.Certificate) -> str:
    """The subject's common name (or whole DN) for messages, Vietnamese intact."""
    cns = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    if cns:
        return str(cns[0].value)
    return cert.subject.rfc4514_string()


def _cert_parts(cert_der: bytes) -> tuple[bytes, int]:
    """(raw issuer Name DER, serial) from a certificate, as encoded on the wire.

    IssuerAndSerialNumber must be compared with the certificate's *encoded*
    issuer; re-encoding a parsed Name may change string types.
    """
    tbs = der.parse(cert_der).children()[0].children()
    i = 1 if tbs[0].is_(0, der.CONTEXT) else 0
    return tbs[i + 2].raw, der.as_int(tbs[i])


def _alg(node: der.Node) -> tuple[str, der.Node | None]:
    parts = node.expect(der.SEQUENCE, what="AlgorithmIdentifier").children()
    if not parts or len(parts) > 2:
        raise der.DerError("bad AlgorithmIdentifier")
    return der.as_oid(parts[0]), (parts[1] if len(parts) == 2 else None)


def _null_or_absent(params: der.Node | None) -> bool:
    return params is None or (params.is_(der.NULL) and params.length == 0)


def _pss_params(params: der.Node | None) -> tuple[type[hashes.HashAlgorithm], type[hashes.HashAlgorithm], int]:
    """RSASSA-PSS-params → (hash, mgf1 hash, salt length); SHA-1 defaults refused."""
    if params is None:
        raise der.DerError("RSASSA-PSS without parameters")
    hash_oid = mgf_hash_oid = "1.3.14.3.2.26"  # the SHA-1 defaults
    salt, trailer = 20, 1
    for item in params.expect(der.SEQUENCE).children():
        if item.cls != der.CONTEXT or not item.constructed:
            raise der.DerError("bad RSASSA-PSS parameters")
        inner = item.children()
        if len(inner) != 1:
            raise der.DerError("bad RSASSA-PSS parameters")
        if item.tag == 0:
            hash_oid, hp = _alg(inner[0])
            if not _null_or_absent(hp):
                raise der.DerError("bad hash parameters")
        elif item.tag == 1:
            mgf_oid, mgf_params = _alg(inner[0])
            if mgf_oid != OID_MGF1 or mgf_params is None:
                raise der.DerError("unsupported mask generation function")
            mgf_hash_oid, hp = _alg(mgf_params)
            if not _null_or_absent(hp):
                raise der.DerError("bad MGF1 hash parameters")
        elif item.tag == 2:
            salt = der.as_int(inner[0])
        elif item.tag == 3:
            trailer = der.as_int(inner[0])
        else:
            raise der.DerError("bad RSASSA-PSS parameters")
    if hash_oid not in DIGESTS or mgf_hash_oid not in DIGESTS:
        raise ParDeskError("cms.unsupported_alg", alg=f"RSASSA-PSS/{hash_oid}/{mgf_hash_oid}")
    if trailer != 1 or salt < 0:
        raise der.DerError("bad RSASSA-PSS trailer or salt")
    return DIGESTS[hash_oid], DIGESTS[mgf_hash_oid], salt


def _check_key_strength(cert: x509.Certificate, where: str | None) -> ParDeskError | None:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < 2048:
            return ParDeskError("cms.weak_key", where=where, detail=f"RSA {key.key_size}")
        return None
    if isinstance(key, ec.EllipticCurvePublicKey):
        if not isinstance(key.curve, ALLOWED_CURVES):
            return ParDeskError("cms.weak_key", where=where, detail=key.curve.name)
        return None
    return ParDeskError("cms.unsupported_alg", where=where, alg=type(key).__name__)


def valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _verify_issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
        return True
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _chain_to_anchor(signer: x509.Certificate, pool: Sequence[x509.Certificate],
                     anchors: Sequence[x509.Certificate], when: dt.datetime,
                     where: str | None) -> tuple[bool, list[ParDeskError]]:
    """Is ``signer`` an anchor, or issued (via ``pool``) by one? Depth-first, bounded."""
    anchor_ders = {a.public_bytes(serialization.Encoding.DER) for a in anchors}
    candidates = list(anchors) + [c for c in pool if c.public_bytes(serialization.Encoding.DER) not in anchor_ders]
    problems: list[ParDeskError] = []

    def walk(cert: x509.Certificate, depth: int, seen: set[bytes]) -> bool:
        cert_der = cert.public_bytes(serialization.Encoding.DER)
        if cert_der in anchor_ders:
            return True
        if depth >= MAX_CHAIN:
            return False
        for issuer in candidates:
            issuer_der = issuer.public_bytes(serialization.Encoding.DER)
            if issuer_der in seen or issuer.subject != cert.issuer:
                continue
            if not _verify_issued_by(cert, issuer):
                continue
            if not _is_ca(issuer):
                problems.append(ParDeskError("cms.not_ca", where=where, subject=subject_text(issuer)))
                continue
            if not valid_at(issuer, when):
                problems.append(ParDeskError(
                    "cms.cert_not_valid_at", where=where, subject=subject_text(issuer), time=_fmt_time(when),
                    start=_fmt_time(issuer.not_valid_before_utc), end=_fmt_time(issuer.not_valid_after_utc)))
                continue
            if walk(issuer, depth + 1, seen | {issuer_der}):
                return True
        return False

    ok = walk(signer, 0, {signer.public_bytes(serialization.Encoding.DER)})
    return ok, ([] if ok else problems)


@dataclass
class _SignedData:
    """The parts of a SignedData the checks need (RFC 5652 §5.1), read strictly."""

    version: int
    digest_algs: list[der.Node]
    content_type: str
    cert_nodes: list[der.Node]
    signer_infos: list[der.Node]


@dataclass
class _SignerInfo:
    """One SignerInfo, resolved: its certificate, algorithms and signed attributes."""

    signer: x509.Certificate | None
    hash_cls: type[hashes.HashAlgorithm]
    sig_oid: str
    sig_params: der.Node | None
    sig_value: bytes
    signed_bytes: bytes
    message_digest: bytes | None = None
    signing_time: dt.datetime | None = None


class _Refused(Exception):
    """A check that ends verification early, with its message key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _parse_signed_data(signature: bytes) -> _SignedData:
    """ContentInfo → SignedData; detached id-data only. Raises DerError or _Refused."""
    info = der.parse(signature).expect(der.SEQUENCE).children()
    if len(info) != 2 or der.as_oid(info[0]) != OID_SIGNED_DATA or not info[1].is_(0, der.CONTEXT):
        raise der.DerError("not a SignedData ContentInfo")
    wrapped = info[1].children()
    if len(wrapped) != 1:
        raise der.DerError("bad [0] wrapper")
    sd = wrapped[0].expect(der.SEQUENCE, what="SignedData").children()
    if len(sd) < 4:
        raise der.DerError("SignedData too short")
    version = der.as_int(sd[0])
    digest_algs = sd[1].expect(der.SET, what="digestAlgorithms").children()
    encap = sd[2].expect(der.SEQUENCE, what="EncapsulatedContentInfo").children()
    rest = sd[3:]
    cert_nodes: list[der.Node] = []
    if rest and rest[0].is_(0, der.CONTEXT):
        cert_nodes = rest[0].children()
        rest = rest[1:]
    if rest and rest[0].is_(1, der.CONTEXT):  # CRLs: carried, not used offline
        rest = rest[1:]
    if len(rest) != 1:
        raise der.DerError("unexpected fields in SignedData")
    signer_infos = rest[0].expect(der.SET, what="signerInfos").children()
    if not encap or len(encap) > 2:
        raise der.DerError("bad EncapsulatedContentInfo")
    content_type = der.as_oid(encap[0])
    if len(encap) == 2:
        raise _Refused("cms.attached")
    if content_type != OID_DATA:
        raise _Refused("cms.content_type")
    return _SignedData(version, digest_algs, content_type, cert_nodes, signer_infos)


def _load_certificates(nodes: list[der.Node]) -> tuple[list[x509.Certificate], list[tuple[bytes, int]]]:
    """Every certificate the CMS carries, fully parsed now (damage is reported here, not later)."""
    certs: list[x509.Certificate] = []
    keys: list[tuple[bytes, int]] = []
    for node in nodes:
        if not node.is_(der.SEQUENCE):
            raise _Refused("cms.bad_cert", detail="unsupported certificate choice")
        try:
            with warnings.catch_warnings():  # e.g. "negative serial number": judged below, not warned about
                warnings.simplefilter("ignore")
                cert = x509.load_der_x509_certificate(node.raw)
            # cryptography parses some parts lazily; touch them now so a damaged
            # certificate is reported here rather than raising somewhere later.
            cert.public_key()
            _ = (cert.extensions, cert.subject, cert.issuer, cert.not_valid_before_utc, cert.not_valid_after_utc)
            keys.append(_cert_parts(node.raw))
        except Exception as exc:  # InvalidVersion, ValueError, UnsupportedAlgorithm, DerError…
            raise _Refused("cms.bad_cert", detail=f"{type(exc).__name__}: {exc}"[:200]) from None
        certs.append(cert)
    return certs, keys


def _find_signer(sid: der.Node, si_version: int, sd_version: int, certs: list[x509.Certificate],
                 cert_keys: list[tuple[bytes, int]]) -> x509.Certificate | None:
    """sid → certificate; versions must agree with the sid form (RFC 5652 §5.1, §5.3)."""
    if sid.is_(der.SEQUENCE):
        if si_version != 1 or sd_version != 1:
            raise der.DerError("version does not match issuerAndSerialNumber")
        issuer_node, serial_node = sid.children()
        serial = der.as_int(serial_node)
        for cert, (issuer_raw, cert_serial) in zip(certs, cert_keys):
            if issuer_raw == issuer_node.raw and cert_serial == serial:
                return cert
        return None
    if sid.is_(0, der.CONTEXT, constructed=False):
        if si_version != 3 or sd_version != 3:
            raise der.DerError("version does not match subjectKeyIdentifier")
        for cert in certs:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if ski == sid.content:
                return cert
        return None
    raise der.DerError("bad SignerIdentifier")


def _read_signed_attributes(signed_attrs: der.Node, content_type: str) -> tuple[bytes, dt.datetime | None]:
    """(messageDigest, signingTime) from the signed attributes, each required attribute exactly once."""
    found: dict[str, list[der.Node]] = {}
    for attr in signed_attrs.children():
        parts = attr.expect(der.SEQUENCE, what="Attribute").children()
        if len(parts) != 2:
            raise der.DerError("bad Attribute")
        attr_oid = der.as_oid(parts[0])
        if attr_oid in found:
            raise _Refused("cms.attr_repeated", attr=attr_oid)
        found[attr_oid] = parts[1].expect(der.SET, what="attribute values").children()
    for required, name in ((OID_CONTENT_TYPE, "contentType"), (OID_MESSAGE_DIGEST, "messageDigest")):
        if required not in found:
            raise _Refused("cms.attr_missing", attr=name)
        if len(found[required]) != 1:
            raise _Refused("cms.attr_repeated", attr=name)
    if der.as_oid(found[OID_CONTENT_TYPE][0]) != content_type:
        raise _Refused("cms.content_type")
    signing_time = None
    if OID_SIGNING_TIME in found:
        if len(found[OID_SIGNING_TIME]) != 1:
            raise _Refused("cms.attr_repeated", attr="signingTime")
        signing_time = der.as_time(found[OID_SIGNING_TIME][0])
    return der.as_octets(found[OID_MESSAGE_DIGEST][0]), signing_time


def _parse_signer_info(node: der.Node, sd: _SignedData, certs: list[x509.Certificate],
                       cert_keys: list[tuple[bytes, int]], content: bytes) -> _SignerInfo:
    """The one SignerInfo, resolved against the certificates. Raises DerError, _Refused or ParDeskError."""
    si = node.expect(der.SEQUENCE, what="SignerInfo").children()
    si_version = der.as_int(si[0])
    sid = si[1]
    digest_oid, digest_params = _alg(si[2])
    digest_alg_raw = si[2].raw
    pos = 3
    signed_attrs: der.Node | None = None
    if pos < len(si) and si[pos].is_(0, der.CONTEXT):
        signed_attrs = si[pos]
        pos += 1
    sig_oid, sig_params = _alg(si[pos])
    sig_value = der.as_octets(si[pos + 1])
    pos += 2
    if pos < len(si) and si[pos].is_(1, der.CONTEXT):
        pos += 1  # unsigned attributes (e.g. a timestamp token): not relied on
    if pos != len(si):
        raise der.DerError("unexpected fields in SignerInfo")
    signer = _find_signer(sid, si_version, sd.version, certs, cert_keys)
    if digest_oid not in DIGESTS or not _null_or_absent(digest_params):
        raise _Refused("cms.unsupported_alg", alg=digest_oid)
    if [n.raw for n in sd.digest_algs] != [digest_alg_raw]:
        raise der.DerError("digestAlgorithms does not match the signer")
    out = _SignerInfo(signer, DIGESTS[digest_oid], sig_oid, sig_params, sig_value, content)
    if signed_attrs is not None:
        out.message_digest, out.signing_time = _read_signed_attributes(signed_attrs, sd.content_type)
        # What was signed is the attributes re-tagged as a universal SET (RFC 5652 §5.4).
        out.signed_bytes = b"\x31" + signed_attrs.raw[1:]
    return out


def _check_signature_value(si: _SignerInfo, signer: x509.Certificate, where: str | None) -> list[ParDeskError]:
    """The signature algorithm → the verification call; any failure is a reason, never an exception."""
    key = signer.public_key()
    hash_cls, sig_oid, sig_params = si.hash_cls, si.sig_oid, si.sig_params
    try:
        if sig_oid in ECDSA_WITH or sig_oid == OID_EC_PUBLIC_KEY:
            alg_hash = ECDSA_WITH.get(sig_oid, hash_cls)
            if sig_params is not None or alg_hash is not hash_cls or not isinstance(key, ec.EllipticCurvePublicKey):
                raise ParDeskError("cms.unsupported_alg", alg=sig_oid)
            key.verify(si.sig_value, si.signed_bytes, ec.ECDSA(hash_cls()))
        elif sig_oid in RSA_PKCS1_WITH or sig_oid == OID_RSA:
            alg_hash = RSA_PKCS1_WITH.get(sig_oid, hash_cls)
            if not _null_or_absent(sig_params) or alg_hash is not hash_cls or not isinstance(key, rsa.RSAPublicKey):
                raise ParDeskError("cms.unsupported_alg", alg=sig_oid)
            key.verify(si.sig_value, si.signed_bytes, padding.PKCS1v15(), hash_cls())
        elif sig_oid == OID_RSA_PSS:
            pss_hash, mgf_hash, salt = _pss_params(sig_params)
            if pss_hash is not hash_cls or not isinstance(key, rsa.RSAPublicKey):
                raise ParDeskError("cms.unsupported_alg", alg=f"RSASSA-PSS/{pss_hash.name}")
            key.verify(si.sig_value, si.signed_bytes, padding.PSS(mgf=padding.MGF1(mgf_hash()), salt_length=salt),
                       pss_hash())
        else:
            raise ParDeskError("cms.unsupported_alg", alg=sig_oid)
    except InvalidSignature:
        return [ParDeskError("cms.bad_signature", where=where)]
    except ParDeskError as exc:
        exc.where = where
        return [exc]
    except der.DerError as exc:
        return [ParDeskError("cms.malformed", where=where, detail=str(exc))]
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        return [ParDeskError("cms.malformed", where=where, detail=str(exc)[:200])]
    return []


def _check_signer_certificate(signer: x509.Certificate, certs: list[x509.Certificate],
                              where: str | None) -> list[ParDeskError]:
    """The certificate itself: not altered (its issuer's signature holds where checkable), may sign."""
    problems: list[ParDeskError] = []
    if signer.issuer == signer.subject:
        # Self-issued: its own signature must hold, so no byte of it can change unseen.
        if not _verify_issued_by(signer, signer):
            problems.append(ParDeskError("cms.cert_tampered", where=where))
    else:
        # CA-issued: if the issuer travels in the CMS, its signature on the signer must hold
        # (whether that issuer is *trusted* is the anchors' business).
        issuers = [c for c in certs if c.subject == signer.issuer and c is not signer]
        if issuers and not any(_verify_issued_by(signer, c) for c in issuers):
            problems.append(ParDeskError("cms.cert_tampered", where=where))
    try:
        ku = signer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            problems.append(ParDeskError("cms.key_usage", where=where))
    except x509.ExtensionNotFound:
        pass
    except ValueError as exc:
        problems.append(ParDeskError("cms.bad_cert", where=where, detail=str(exc)[:200]))
    return problems


def _check_times(signer: x509.Certificate, signing_time: dt.datetime | None, now: dt.datetime,
                 where: str | None) -> tuple[list[ParDeskError], dt.datetime]:
    """Validity at the claimed signing time and at the reference time; returns the time the chain is judged at."""
    problems: list[ParDeskError] = []
    if signing_time is None:
        problems.append(ParDeskError("cms.no_signing_time", where=where))
        when = now
    else:
        when = signing_time
        if signing_time > now + FUTURE_TOLERANCE:
            problems.append(ParDeskError("cms.future_time", where=where, time=_fmt_time(signing_time)))
    span = dict(start=_fmt_time(signer.not_valid_before_utc), end=_fmt_time(signer.not_valid_after_utc))
    if not valid_at(signer, when):
        problems.append(ParDeskError("cms.cert_not_valid_at", where=where, subject=subject_text(signer),
                                     time=_fmt_time(when), **span))
    elif not valid_at(signer, now):
        # The signing time is the signer's own claim (no trusted timestamp): a certificate
        # that has expired by the reference time cannot be saved by a backdated claim.
        problems.append(ParDeskError("cms.cert_not_valid_at_reference", where=where, subject=subject_text(signer),
                                     now=_fmt_time(now), time=_fmt_time(when), **span))
    return problems, now


def verify_detached_cms(signature: bytes, content: bytes, *,
                        trusted: Sequence[x509.Certificate] | None = None,
                        now: dt.datetime | None = None,
                        where: str | None = None) -> CmsVerifyResult:
    """Check a detached CMS signature over ``content``; never raises for bad input.

    Every problem found is returned as a :class:`ParDeskError` carrying
    ``where`` (the file the signature came from), so the caller can list them
    in Vietnamese or English. ``now`` is the reference time (on the server:
    the receipt time): the signer certificate must be valid both at the
    signing time it claims and then, and the chain is checked at ``now``.
    """
    now = now or dt.datetime.now(dt.UTC)
    result = CmsVerifyResult(valid=False)
    if len(signature) > MAX_SIGNATURE_BYTES:
        result.problems.append(ParDeskError("cms.malformed", where=where, detail="too large"))
        return result
    try:
        sd = _parse_signed_data(signature)
        certs, cert_keys = _load_certificates(sd.cert_nodes)
        result.certificates = certs
        if len(sd.signer_infos) != 1:
            raise _Refused("cms.signer_count", count=len(sd.signer_infos))
        si = _parse_signer_info(sd.signer_infos[0], sd, certs, cert_keys, content)
    except _Refused as exc:
        result.problems.append(ParDeskError(exc.key, where=where, **exc.params))
        return result
    except der.DerError as exc:
        result.problems.append(ParDeskError("cms.malformed", where=where, detail=str(exc)))
        return result
    except ParDeskError as exc:
        exc.where = where
        result.problems.append(exc)
        return result
    except (ValueError, IndexError) as exc:
        result.problems.append(ParDeskError("cms.malformed", where=where, detail=str(exc)[:200]))
        return result
    _judge_signer(result, si, certs, content, trusted, now, where)
    result.valid = not result.problems
    return result


def _judge_signer(result: CmsVerifyResult, si: _SignerInfo, certs: list[x509.Certificate], content: bytes,
                  trusted: Sequence[x509.Certificate] | None, now: dt.datetime, where: str | None) -> None:
    """Digest, signature, the signer certificate, its times and (with anchors) its chain."""
    problems = result.problems
    signer = si.signer
    if signer is None:
        problems.append(ParDeskError("cms.no_signer_cert", where=where))
        return
    result.signer = signer
    result.signing_time = si.signing_time
    weak = _check_key_strength(signer, where)
    if weak is not None:
        problems.append(weak)
        return
    if si.message_digest is not None:
        actual = hashlib.new(si.hash_cls().name, content).digest()
        if not hmac.compare_digest(actual, si.message_digest):
            problems.append(ParDeskError("cms.digest_mismatch", where=where))
    problems.extend(_check_signature_value(si, signer, where))
    problems.extend(_check_signer_certificate(signer, certs, where))
    time_problems, chain_time = _check_times(signer, si.signing_time, now, where)
    problems.extend(time_problems)
    if trusted is not None:
        ok, chain_problems = _chain_to_anchor(signer, certs, trusted, chain_time, where)
        result.trusted = ok
        if not ok:
            problems.extend(chain_problems)
            problems.append(ParDeskError("cms.untrusted", where=where, subject=subject_text(signer)))
