"""Trust by certificate chain: anchors, path validation, revocation (CRL / OCSP), with a cache.

What "trusted" means here (docs/architecture.md, "Trust model"): the signer certificate

1. chains to one of the anchors (the national root, the Government CA, the
   licensed public CAs the province accepts) through certificates the
   signature carries or the anchors folder holds;
2. every certificate of the path was valid at ``moment`` — the signing time
   for ``pardesk verify``, the receipt time on the server;
3. has signing key usage (digitalSignature or nonRepudiation);
4. is not revoked: every certificate of the path below the anchor is
   checked by CRL (from its distribution point) or OCSP (from its AIA).

Path building, signature checks at every step, name chaining, basic
constraints, validity and CRL/OCSP validation are **pyhanko-certvalidator**'s
(a maintained descendant of wbond's certvalidator, the library pyHanko's own
PAdES validation uses) — not chain logic of ours.

Revocation is asked for in the "require" mode: a certificate without a
reachable CRL or OCSP answer is never "not revoked". When the answer cannot
be had (offline, responder down, no pointer in the certificate) the result
is :attr:`TrustState.REVOCATION_UNKNOWN` — "không xác định được trạng thái
thu hồi" — and only the caller's policy (the province's
``accept_unknown_revocation``) may accept such a package, provisionally.

Cache: CRLs and OCSP responses fetched are kept as DER files in
``cache_dir`` (``crl-<sha256>.der``, ``ocsp-<sha256>.der``). A validation
first runs offline on the cached answers; only if they do not settle it is
the network used, and what was fetched is added to the cache. Answers whose
``nextUpdate`` has passed are dropped from the cache when it is read.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import threading
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parDesk.i18n import ParDeskError, register
from parDesk.signing.loops import outside_event_loop

if TYPE_CHECKING:
    from pyhanko_certvalidator.path import ValidationPath

T = TypeVar("T")

register({
    "trust.revocation_unknown": ("không xác định được trạng thái thu hồi của chứng thư số {subject} "
                                 "(không tải được CRL/OCSP: {detail})",
                                 "the revocation status of certificate {subject} is unknown "
                                 "(CRL/OCSP could not be obtained: {detail})"),
    "trust.revoked": ("chứng thư số {subject} đã bị thu hồi (ngày {date})",
                      "certificate {subject} has been revoked (on {date})"),
    "trust.no_path": ("chứng thư số {subject} không được cấp bởi tổ chức nào trong danh sách tin cậy",
                      "certificate {subject} was not issued by any trusted authority"),
    "trust.expired": ("chứng thư số trong chuỗi của {subject} không có hiệu lực vào thời điểm {time}: {detail}",
                      "a certificate in the chain of {subject} was not valid at {time}: {detail}"),
    "trust.invalid": ("chuỗi chứng thư số của {subject} không hợp lệ: {detail}",
                      "the certificate chain of {subject} is not valid: {detail}"),
    "trust.key_usage": ("chứng thư số {subject} không cho phép ký số (cần digitalSignature hoặc nonRepudiation)",
                        "certificate {subject} does not allow signing (digitalSignature or nonRepudiation needed)"),
    "trust.no_anchors": ("chưa có chứng thư gốc tin cậy nào trong {folder}", "no trust anchors in {folder}"),
    "trust.bad_anchor": ("tệp {name} không phải chứng thư số của tổ chức cấp (CA)",
                         "{name} is not a certification authority's certificate"),
})


class TrustState(StrEnum):
    """The chain's verdict (str values, stable for JSON and the database)."""

    TRUSTED = "trusted"                          # chains, valid, usage ok, not revoked
    REVOCATION_UNKNOWN = "revocation_unknown"    # all else holds; CRL/OCSP unobtainable
    UNTRUSTED = "untrusted"                      # no path, expired, revoked, wrong usage…


@dataclass
class TrustResult:
    state: TrustState
    problems: list[ParDeskError] = field(default_factory=list)
    path: list[x509.Certificate] = field(default_factory=list)   # leaf first, anchor last
    anchor: x509.Certificate | None = None
    revocation_checked_online: bool = False

    @property
    def trusted(self) -> bool:
        return self.state is TrustState.TRUSTED


def _subject(cert: x509.Certificate) -> str:
    from parDesk.signing.cms import subject_text
    return subject_text(cert)


def load_anchors(source: str | os.PathLike[str] | Iterable[x509.Certificate]) -> list[x509.Certificate]:
    """Anchors from a folder of certificate files, one file (PEM bundle, DER, .p7b), or certificates.

    Every anchor must be a CA certificate (basicConstraints cA=TRUE): a unit's
    own certificate put in the folder by mistake must not become a root.
    """
    from parDesk.identity import load_certificates
    if not isinstance(source, (str, os.PathLike)):
        return list(source)
    path = Path(source)
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")) if path.is_dir() \
        else [path]
    anchors: list[x509.Certificate] = []
    for f in files:
        for cert in load_certificates(f.read_bytes(), where=f.name):
            try:
                ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
            except x509.ExtensionNotFound:
                ca = False
            if not ca:
                raise ParDeskError("trust.bad_anchor", name=f.name)
            if cert not in anchors:
                anchors.append(cert)
    if not anchors:
        raise ParDeskError("trust.no_anchors", folder=str(path))
    return anchors


class RevocationCache:
    """CRLs and OCSP responses on disk (DER), so a second check needs no network."""

    def __init__(self, folder: str | os.PathLike[str] | None) -> None:
        self.folder = Path(folder) if folder else None
        self._lock = threading.Lock()

    def load(self, now: dt.datetime) -> tuple[list[bytes], list[bytes]]:
        if self.folder is None or not self.folder.is_dir():
            return [], []
        from cryptography.x509 import ocsp
        crls, ocsps = [], []
        for f in sorted(self.folder.glob("*.der")):
            data = f.read_bytes()
            try:
                if f.name.startswith("crl-"):
                    nxt = x509.load_der_x509_crl(data).next_update_utc
                    (crls.append(data) if nxt is None or nxt > now else f.unlink(missing_ok=True))
                elif f.name.startswith("ocsp-"):
                    nxt = ocsp.load_der_ocsp_response(data).next_update_utc
                    (ocsps.append(data) if nxt is None or nxt > now else f.unlink(missing_ok=True))
            except ValueError:
                f.unlink(missing_ok=True)  # damaged: fetch again
        return crls, ocsps

    def store(self, kind: str, items: Iterable[bytes]) -> None:
        if self.folder is None:
            return
        from parDesk.fsutil import atomic_write_bytes as _write_atomic
        with self._lock:
            for data in items:
                name = f"{kind}-{hashlib.sha256(data).hexdigest()}.der"
                if not (self.folder / name).exists():
                    _write_atomic(self.folder / name, data)


def _asn1(cert: x509.Certificate) -> Any:  # an asn1crypto Certificate (asn1crypto ships no types)
    from asn1crypto import x509 as ax509
    return ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _crypto(cert: Any) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


async def _validate(cert: x509.Certificate, others: Sequence[x509.Certificate], anchors: Sequence[x509.Certificate],
                    moment: dt.datetime, *, mode: str, fetch: bool, crls: list[bytes], ocsps: list[bytes],
                    timeout: float) -> tuple[ValidationPath, list[bytes], list[bytes]]:
    """One validation by pyhanko-certvalidator: the path, and the CRLs / OCSP responses it fetched."""
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend
    vc = ValidationContext(
        trust_roots=[_asn1(a) for a in anchors], other_certs=[_asn1(c) for c in others], moment=moment,
        allow_fetching=fetch, crls=crls, ocsps=ocsps, revocation_mode=mode, retroactive_revinfo=True,
        fetcher_backend=RequestsFetcherBackend(per_request_timeout=timeout) if fetch else None)
    validator = CertificateValidator(_asn1(cert), intermediate_certs=[_asn1(c) for c in others],
                                     validation_context=vc)
    path = await validator.async_validate_path()
    fetched_crls: list[bytes] = []
    fetched_ocsps: list[bytes] = []
    if fetch:
        fetched_crls = [c.dump() for c in vc.revinfo_manager.crls] if hasattr(vc.revinfo_manager, "crls") else []
        fetched_ocsps = [o.dump() for o in vc.revinfo_manager.ocsps] if hasattr(vc.revinfo_manager, "ocsps") else []
    return path, fetched_crls, fetched_ocsps


def _sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion from sync code, even on a thread that already runs a loop."""
    return outside_event_loop(lambda: asyncio.run(coro))


def _key_usage_ok(cert: x509.Certificate) -> bool:
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool(ku.digital_signature or ku.content_commitment)


def _problem(exc: Exception, cert: x509.Certificate, moment: dt.datetime) -> ParDeskError:
    from pyhanko_certvalidator import errors as E
    subject = _subject(cert)
    detail = str(exc)[:300]
    if isinstance(exc, E.RevokedError):
        date = getattr(exc, "revocation_dt", None)
        return ParDeskError("trust.revoked", subject=subject,
                            date=date.strftime("%d/%m/%Y") if isinstance(date, dt.datetime) else "?")
    if isinstance(exc, (E.ExpiredError, E.NotYetValidError)):
        return ParDeskError("trust.expired", subject=subject, time=moment.strftime("%d/%m/%Y %H:%M UTC"),
                            detail=detail)
    if isinstance(exc, E.PathBuildingError):
        return ParDeskError("trust.no_path", subject=subject)
    return ParDeskError("trust.invalid", subject=subject, detail=detail)


def validate_chain(cert: x509.Certificate, anchors: Sequence[x509.Certificate], *,
                   moment: dt.datetime, intermediates: Sequence[x509.Certificate] = (),
                   online: bool = True, cache: RevocationCache | None = None,
                   timeout: float = 10.0) -> TrustResult:
    """Validate ``cert`` against ``anchors`` at ``moment``; never raises for a bad certificate.

    ``intermediates``: certificates the signature carried (untrusted, used
    only to build the path). ``online=False`` never touches the network
    (revocation then comes from the cache or is unknown).
    """
    from pyhanko_certvalidator import errors as E
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    if not anchors:
        return TrustResult(TrustState.UNTRUSTED, [ParDeskError("trust.no_path", subject=_subject(cert))])
    if not _key_usage_ok(cert):
        return TrustResult(TrustState.UNTRUSTED, [ParDeskError("trust.key_usage", subject=_subject(cert))])
    cache = cache or RevocationCache(None)
    crls, ocsps = cache.load(dt.datetime.now(dt.UTC))
    others = [c for c in intermediates if c != cert]

    def done(path: ValidationPath, online_used: bool) -> TrustResult:
        certs = [_crypto(c) for c in path]
        certs.reverse()  # leaf first
        return TrustResult(TrustState.TRUSTED, path=certs, anchor=certs[-1] if certs else None,
                           revocation_checked_online=online_used)

    unknown: Exception | None = None
    attempts = [False, True] if online else [False]
    for fetch in attempts:
        try:
            path, new_crls, new_ocsps = _sync(_validate(cert, others, anchors, moment, mode="require", fetch=fetch,
                                                        crls=crls, ocsps=ocsps, timeout=timeout))
            if fetch:
                cache.store("crl", new_crls)
                cache.store("ocsp", new_ocsps)
            return done(path, fetch)
        except E.InsufficientRevinfoError as exc:
            unknown = exc
            continue
        except (E.PathValidationError, E.PathBuildingError, E.ValidationError) as exc:
            return TrustResult(TrustState.UNTRUSTED, [_problem(exc, cert, moment)])
        except Exception as exc:
            return TrustResult(TrustState.UNTRUSTED, [ParDeskError("trust.invalid", subject=_subject(cert),
                                                                    detail=f"{type(exc).__name__}: {exc}"[:300])])
    # Revocation could not be settled: is everything else right? (soft-fail, offline, cached answers)
    try:
        path, _c, _o = _sync(_validate(cert, others, anchors, moment, mode="soft-fail", fetch=False,
                                       crls=crls, ocsps=ocsps, timeout=timeout))
    except (E.PathValidationError, E.PathBuildingError, E.ValidationError) as exc:
        return TrustResult(TrustState.UNTRUSTED, [_problem(exc, cert, moment)])
    result = done(path, False)
    result.state = TrustState.REVOCATION_UNKNOWN
    result.problems = [ParDeskError("trust.revocation_unknown", subject=_subject(cert),
                                    detail=(str(unknown) or type(unknown).__name__)[:200])]
    return result


__all__ = ["RevocationCache", "TrustResult", "TrustState", "load_anchors", "validate_chain"]
