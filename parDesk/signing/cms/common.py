"""What the maker, the reader and the judge of CMS signatures share: OIDs, algorithm tables, limits.

Also the two small certificate helpers other signing modules use in their
messages (:func:`subject_text`) and checks (:func:`valid_at`).
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.signing.cms import messages as _messages  # noqa: F401  (registers the message keys)

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


def fmt_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M:%S UTC")


def subject_text(cert: x509.Certificate) -> str:
    """The subject's common name (or whole DN) for messages, Vietnamese intact."""
    cns = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    if cns:
        return str(cns[0].value)
    return cert.subject.rfc4514_string()


def valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc
