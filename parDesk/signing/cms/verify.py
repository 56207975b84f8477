"""Judging a detached CMS signature: digest, signature value, signer certificate, times, anchors.

``cryptography`` has no CMS verification API, so the checks of RFC 5652
§5.4/§5.6 are made here on what :mod:`.read` parsed; every problem is a
:class:`ParDeskError` in the result, never an exception (see the package
docstring, :mod:`parDesk.signing.cms`, for what is checked and what is not).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from parDesk.i18n import ParDeskError
from parDesk.signing import der
from parDesk.signing.cms.chain import chain_to_anchor, issued_by
from parDesk.signing.cms.common import (
    ALLOWED_CURVES,
    ECDSA_WITH,
    FUTURE_TOLERANCE,
    MAX_SIGNATURE_BYTES,
    OID_EC_PUBLIC_KEY,
    OID_RSA,
    OID_RSA_PSS,
    RSA_PKCS1_WITH,
    fmt_time,
    subject_text,
    valid_at,
)
from parDesk.signing.cms.read import (
    Refused,
    SignerInfo,
    load_certificates,
    null_or_absent,
    parse_signed_data,
    parse_signer_info,
    pss_params,
)


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


def _check_signature_value(si: SignerInfo, signer: x509.Certificate, where: str | None) -> list[ParDeskError]:
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
            if not null_or_absent(sig_params) or alg_hash is not hash_cls or not isinstance(key, rsa.RSAPublicKey):
                raise ParDeskError("cms.unsupported_alg", alg=sig_oid)
            key.verify(si.sig_value, si.signed_bytes, padding.PKCS1v15(), hash_cls())
        elif sig_oid == OID_RSA_PSS:
            pss_hash, mgf_hash, salt = pss_params(sig_params)
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
        if not issued_by(signer, signer):
            problems.append(ParDeskError("cms.cert_tampered", where=where))
    else:
        # CA-issued: if the issuer travels in the CMS, its signature on the signer must hold
        # (whether that issuer is *trusted* is the anchors' business).
        issuers = [c for c in certs if c.subject == signer.issuer and c is not signer]
        if issuers and not any(issued_by(signer, c) for c in issuers):
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
            problems.append(ParDeskError("cms.future_time", where=where, time=fmt_time(signing_time)))
    span = {"start": fmt_time(signer.not_valid_before_utc), "end": fmt_time(signer.not_valid_after_utc)}
    if not valid_at(signer, when):
        problems.append(ParDeskError("cms.cert_not_valid_at", where=where, subject=subject_text(signer),
                                     time=fmt_time(when), **span))
    elif not valid_at(signer, now):
        # The signing time is the signer's own claim (no trusted timestamp): a certificate
        # that has expired by the reference time cannot be saved by a backdated claim.
        problems.append(ParDeskError("cms.cert_not_valid_at_reference", where=where, subject=subject_text(signer),
                                     now=fmt_time(now), time=fmt_time(when), **span))
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
        sd = parse_signed_data(signature)
        certs, cert_keys = load_certificates(sd.cert_nodes)
        result.certificates = certs
        if len(sd.signer_infos) != 1:
            raise Refused("cms.signer_count", count=len(sd.signer_infos))
        si = parse_signer_info(sd.signer_infos[0], sd, certs, cert_keys, content)
    except Refused as exc:
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


def _judge_signer(result: CmsVerifyResult, si: SignerInfo, certs: list[x509.Certificate], content: bytes,
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
        ok, chain_problems = chain_to_anchor(signer, certs, trusted, chain_time, where)
        result.trusted = ok
        if not ok:
            problems.extend(chain_problems)
            problems.append(ParDeskError("cms.untrusted", where=where, subject=subject_text(signer)))
