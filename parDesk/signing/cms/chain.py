"""The offline chain walk of :func:`parDesk.signing.cms.verify_detached_cms`'s ``trusted`` argument.

Only for parDesk's own anchors (a province key that issued unit
certificates): is the signer an anchor, or issued by one through
certificates the CMS carries, each a CA valid at the given time? Chains to
the national PKI, with revocation, are judged by pyhanko-certvalidator in
:mod:`parDesk.signing.trust`, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from parDesk.i18n import ParDeskError
from parDesk.signing.cms.common import MAX_CHAIN, fmt_time, subject_text, valid_at


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Does ``issuer``'s key verify ``cert``'s signature (and do the names chain)? Any failure is "no"."""
    try:
        cert.verify_directly_issued_by(issuer)
        return True
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False


def is_ca(cert: x509.Certificate) -> bool:
    """basicConstraints cA=TRUE (absent means not a CA)."""
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def chain_to_anchor(signer: x509.Certificate, pool: Sequence[x509.Certificate],
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
            if not issued_by(cert, issuer):
                continue
            if not is_ca(issuer):
                problems.append(ParDeskError("cms.not_ca", where=where, subject=subject_text(issuer)))
                continue
            if not valid_at(issuer, when):
                problems.append(ParDeskError(
                    "cms.cert_not_valid_at", where=where, subject=subject_text(issuer), time=fmt_time(when),
                    start=fmt_time(issuer.not_valid_before_utc), end=fmt_time(issuer.not_valid_after_utc)))
                continue
            if walk(issuer, depth + 1, seen | {issuer_der}):
                return True
        return False

    ok = walk(signer, 0, {signer.public_bytes(serialization.Encoding.DER)})
    return ok, ([] if ok else problems)
