"""Reading a CMS SignedData strictly (RFC 5652 §5.1–5.4): the structure the judge (:mod:`.verify`) checks.

Nothing here decides whether a signature is good; it turns DER into
:class:`SignedData` and :class:`SignerInfo` or refuses the bytes: a
:class:`der.DerError` for damaged DER, :class:`Refused` for well-formed DER
that parDesk does not accept (attached content, another content type, a
repeated attribute…), each becoming a reason for the person.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from parDesk.i18n import ParDeskError
from parDesk.signing import der
from parDesk.signing.cms.common import (
    DIGESTS,
    OID_CONTENT_TYPE,
    OID_DATA,
    OID_MESSAGE_DIGEST,
    OID_MGF1,
    OID_SIGNED_DATA,
    OID_SIGNING_TIME,
)


def cert_parts(cert_der: bytes) -> tuple[bytes, int]:
    """(raw issuer Name DER, serial) from a certificate, as encoded on the wire.

    IssuerAndSerialNumber must be compared with the certificate's *encoded*
    issuer; re-encoding a parsed Name may change string types.
    """
    tbs = der.parse(cert_der).children()[0].children()
    i = 1 if tbs[0].is_(0, der.CONTEXT) else 0
    return tbs[i + 2].raw, der.as_int(tbs[i])


def algorithm_id(node: der.Node) -> tuple[str, der.Node | None]:
    """AlgorithmIdentifier → (OID, parameters or None)."""
    parts = node.expect(der.SEQUENCE, what="AlgorithmIdentifier").children()
    if not parts or len(parts) > 2:
        raise der.DerError("bad AlgorithmIdentifier")
    return der.as_oid(parts[0]), (parts[1] if len(parts) == 2 else None)


def null_or_absent(params: der.Node | None) -> bool:
    """Parameters absent or an empty NULL (both are seen for SHA-2 and RSA PKCS#1, RFC 5754 §2)."""
    return params is None or (params.is_(der.NULL) and params.length == 0)


def pss_params(params: der.Node | None) -> tuple[type[hashes.HashAlgorithm], type[hashes.HashAlgorithm], int]:
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
            hash_oid, hp = algorithm_id(inner[0])
            if not null_or_absent(hp):
                raise der.DerError("bad hash parameters")
        elif item.tag == 1:
            mgf_oid, mgf_params = algorithm_id(inner[0])
            if mgf_oid != OID_MGF1 or mgf_params is None:
                raise der.DerError("unsupported mask generation function")
            mgf_hash_oid, hp = algorithm_id(mgf_params)
            if not null_or_absent(hp):
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


@dataclass
class SignedData:
    """The parts of a SignedData the checks need (RFC 5652 §5.1), read strictly."""

    version: int
    digest_algs: list[der.Node]
    content_type: str
    cert_nodes: list[der.Node]
    signer_infos: list[der.Node]


@dataclass
class SignerInfo:
    """One SignerInfo, resolved: its certificate, algorithms and signed attributes."""

    signer: x509.Certificate | None
    hash_cls: type[hashes.HashAlgorithm]
    sig_oid: str
    sig_params: der.Node | None
    sig_value: bytes
    signed_bytes: bytes
    message_digest: bytes | None = None
    signing_time: dt.datetime | None = None


class Refused(Exception):
    """A check that ends verification early, with its message key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def parse_signed_data(signature: bytes) -> SignedData:
    """ContentInfo → SignedData; detached id-data only. Raises DerError or Refused."""
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
        raise Refused("cms.attached")
    if content_type != OID_DATA:
        raise Refused("cms.content_type")
    return SignedData(version, digest_algs, content_type, cert_nodes, signer_infos)


def load_certificates(nodes: list[der.Node]) -> tuple[list[x509.Certificate], list[tuple[bytes, int]]]:
    """Every certificate the CMS carries, fully parsed now (damage is reported here, not later)."""
    certs: list[x509.Certificate] = []
    keys: list[tuple[bytes, int]] = []
    for node in nodes:
        if not node.is_(der.SEQUENCE):
            raise Refused("cms.bad_cert", detail="unsupported certificate choice")
        try:
            with warnings.catch_warnings():  # e.g. "negative serial number": judged below, not warned about
                warnings.simplefilter("ignore")
                cert = x509.load_der_x509_certificate(node.raw)
            # cryptography parses some parts lazily; touch them now so a damaged
            # certificate is reported here rather than raising somewhere later.
            cert.public_key()
            _ = (cert.extensions, cert.subject, cert.issuer, cert.not_valid_before_utc, cert.not_valid_after_utc)
            keys.append(cert_parts(node.raw))
        except Exception as exc:  # InvalidVersion, ValueError, UnsupportedAlgorithm, DerError…
            raise Refused("cms.bad_cert", detail=f"{type(exc).__name__}: {exc}"[:200]) from None
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
        for cert, (issuer_raw, cert_serial) in zip(certs, cert_keys, strict=True):
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
            raise Refused("cms.attr_repeated", attr=attr_oid)
        found[attr_oid] = parts[1].expect(der.SET, what="attribute values").children()
    for required, name in ((OID_CONTENT_TYPE, "contentType"), (OID_MESSAGE_DIGEST, "messageDigest")):
        if required not in found:
            raise Refused("cms.attr_missing", attr=name)
        if len(found[required]) != 1:
            raise Refused("cms.attr_repeated", attr=name)
    if der.as_oid(found[OID_CONTENT_TYPE][0]) != content_type:
        raise Refused("cms.content_type")
    signing_time = None
    if OID_SIGNING_TIME in found:
        if len(found[OID_SIGNING_TIME]) != 1:
            raise Refused("cms.attr_repeated", attr="signingTime")
        signing_time = der.as_time(found[OID_SIGNING_TIME][0])
    return der.as_octets(found[OID_MESSAGE_DIGEST][0]), signing_time


def parse_signer_info(node: der.Node, sd: SignedData, certs: list[x509.Certificate],
                      cert_keys: list[tuple[bytes, int]], content: bytes) -> SignerInfo:
    """The one SignerInfo, resolved against the certificates. Raises DerError, Refused or ParDeskError."""
    si = node.expect(der.SEQUENCE, what="SignerInfo").children()
    si_version = der.as_int(si[0])
    sid = si[1]
    digest_oid, digest_params = algorithm_id(si[2])
    digest_alg_raw = si[2].raw
    pos = 3
    signed_attrs: der.Node | None = None
    if pos < len(si) and si[pos].is_(0, der.CONTEXT):
        signed_attrs = si[pos]
        pos += 1
    sig_oid, sig_params = algorithm_id(si[pos])
    sig_value = der.as_octets(si[pos + 1])
    pos += 2
    if pos < len(si) and si[pos].is_(1, der.CONTEXT):
        pos += 1  # unsigned attributes (e.g. a timestamp token): not relied on
    if pos != len(si):
        raise der.DerError("unexpected fields in SignerInfo")
    signer = _find_signer(sid, si_version, sd.version, certs, cert_keys)
    if digest_oid not in DIGESTS or not null_or_absent(digest_params):
        raise Refused("cms.unsupported_alg", alg=digest_oid)
    if [n.raw for n in sd.digest_algs] != [digest_alg_raw]:
        raise der.DerError("digestAlgorithms does not match the signer")
    out = SignerInfo(signer, DIGESTS[digest_oid], sig_oid, sig_params, sig_value, content)
    if signed_attrs is not None:
        out.message_digest, out.signing_time = _read_signed_attributes(signed_attrs, sd.content_type)
        # What was signed is the attributes re-tagged as a universal SET (RFC 5652 §5.4).
        out.signed_bytes = b"\x31" + signed_attrs.raw[1:]
    return out
