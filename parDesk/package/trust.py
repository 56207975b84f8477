"""What a verification *means*: integrity alone is not "valid"; the signer must be known.

A package signed by any self-made key is intact by itself — the signature
holds over the tag manifest — but that says nothing about *who* signed. So a
verification has three outcomes (:class:`Verdict`), each with its own exit
status for ``pardesk verify``:

=====================  ====  ==========================================================
verdict                exit  meaning
=====================  ====  ==========================================================
``TRUSTED``            0     every check passed **and** a trust step verified the signer
                             (the unit's pinned certificate/key, or a chain to a trust
                             anchor the province configured)
``INVALID``            1     something is wrong: the reasons are listed
``SIGNER_UNVERIFIED``  3     every check passed, but nothing verified the signer
                             (no anchor, no pinned key): "integrity verified, signer
                             not verified" — never shown as valid
=====================  ====  ==========================================================

(exit 2 stays the CLI's "could not run": bad arguments, unreadable trust file.)

Trust steps plug in here: a :data:`TrustStep` is called with the signer's
certificate, the certificates the CMS carried, the signing time the signer
claims and the reference time (the server's receipt time, or "now"), and
answers :class:`TrustOutcome` — ``True`` (verified, by what), ``False`` (refused:
the problems say why) or ``None`` (this step cannot tell). The package
verifier runs its built-in steps (anchors in :mod:`parDesk.signing.cms`, pinned
certificates: :func:`pinned_step`) and then the caller's, e.g. a
certificate-path validator with revocation (issue 11). One ``False`` makes the
package invalid; otherwise one ``True`` makes it trusted.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.pubkey import public_key_der

register({
    "trust.not_pinned": ("người ký không phải chứng thư/khóa đã đăng ký của đơn vị (khóa SHA-256 {actual})",
                         "the signer is not the unit's registered certificate/key (key SHA-256 {actual})"),
    "trust.step_failed": ("bước xác minh người ký không chạy được: {detail}",
                          "a signer verification step failed to run: {detail}"),
})


class Verdict(enum.StrEnum):
    TRUSTED = "trusted"
    SIGNER_UNVERIFIED = "signer_unverified"
    INVALID = "invalid"


EXIT_TRUSTED, EXIT_INVALID, EXIT_SIGNER_UNVERIFIED = 0, 1, 3
EXIT_CODES = {Verdict.TRUSTED: EXIT_TRUSTED, Verdict.INVALID: EXIT_INVALID,
              Verdict.SIGNER_UNVERIFIED: EXIT_SIGNER_UNVERIFIED}


@dataclass(frozen=True)
class TrustInput:
    signer: x509.Certificate
    certificates: Sequence[x509.Certificate]   # every certificate the CMS carried
    signing_time: dt.datetime | None           # the signer's own claim
    reference_time: dt.datetime                # receipt time on the server, else now


@dataclass
class TrustOutcome:
    trusted: bool | None
    method: str = ""                           # "pinned", "anchor", …: shown to the person
    problems: list[ParDeskError] = field(default_factory=list)


TrustStep = Callable[[TrustInput], TrustOutcome]


def key_sha256(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's SubjectPublicKeyInfo (survives a renewal with the same key)."""
    return hashlib.sha256(public_key_der(cert)).hexdigest()


def pinned_step(pinned: Sequence[x509.Certificate], where: str | None = None) -> TrustStep:
    """Trusted iff the signer's key is one of the pinned certificates' keys; refused otherwise."""
    keys = {key_sha256(c) for c in pinned}

    def step(data: TrustInput) -> TrustOutcome:
        actual = key_sha256(data.signer)
        if actual in keys:
            return TrustOutcome(True, "pinned")
        return TrustOutcome(False, "pinned", [ParDeskError("trust.not_pinned", where=where, actual=actual[:16])])
    return step


def run_trust_steps(steps: Sequence[TrustStep], data: TrustInput,
                    where: str | None = None) -> TrustOutcome:
    """Combine the steps: any refusal refuses; else any verification verifies; else unknown."""
    combined = TrustOutcome(None)
    methods: list[str] = []
    for step in steps:
        try:
            outcome = step(data)
        except ParDeskError as exc:
            outcome = TrustOutcome(False, problems=[exc])
        except Exception as exc:  # a broken step must never read as "trusted"
            outcome = TrustOutcome(False, problems=[ParDeskError("trust.step_failed", where=where,
                                                                 detail=f"{type(exc).__name__}: {exc}"[:200])])
        combined.problems.extend(outcome.problems)
        if outcome.trusted is False:
            combined.trusted = False
        elif outcome.trusted is True and combined.trusted is not False:
            combined.trusted = True
            methods.append(outcome.method)
    combined.method = ", ".join(m for m in methods if m)
    return combined


def verdict_of(problems: Sequence[ParDeskError], trusted: bool | None) -> Verdict:
    if problems or trusted is False:
        return Verdict.INVALID
    return Verdict.TRUSTED if trusted else Verdict.SIGNER_UNVERIFIED
