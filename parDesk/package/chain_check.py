"""The chain-of-trust check of a package's signer, as one :data:`~parDesk.package.verify.ExtraCheck`.

Used by ``pardesk verify --trust DIR|FILE`` and by the provincial server
(with the receipt time as the moment). The CMS verifier has already checked
the signature itself; this check asks :func:`parDesk.signing.trust.validate_chain`
whether the signer certificate chains to an anchor, was valid at the moment,
has signing key usage and is not revoked, and records the verdict on the
report (``report.chain``) so every face can show the three states:
trusted, revocation unknown (accepted only when the policy says so,
provisionally), untrusted.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from cryptography import x509

from parDesk.i18n import ParDeskError
from parDesk.package.bag import SIGNATURE, TAGMANIFEST
from parDesk.package.verify import ExtraCheck, VerifyContext
from parDesk.signing.cms import verify_detached_cms
from parDesk.signing.trust import RevocationCache, TrustState, validate_chain


def signature_certificates(ctx: VerifyContext) -> list[x509.Certificate]:
    """The certificates the package's CMS carries (the chain the signer sent along)."""
    try:
        return verify_detached_cms(ctx.read(SIGNATURE), ctx.read(TAGMANIFEST)).certificates
    except (KeyError, ParDeskError):
        return []


def chain_check(anchors: Sequence[x509.Certificate], *, moment: dt.datetime | None = None, online: bool = True,
                cache: RevocationCache | None = None, accept_unknown_revocation: bool = False,
                timeout: float = 10.0) -> ExtraCheck:
    """A check validating the signer against ``anchors`` at ``moment`` (default: the signing time)."""

    def check(ctx: VerifyContext) -> list[ParDeskError]:
        report = ctx.report
        if report.signer is None:
            return []
        when = moment or report.signing_time or ctx.now or dt.datetime.now(dt.timezone.utc)
        result = validate_chain(report.signer, anchors, moment=when, intermediates=signature_certificates(ctx),
                                online=online, cache=cache, timeout=timeout)
        report.chain = result
        if result.state is TrustState.TRUSTED:
            return []
        if result.state is TrustState.REVOCATION_UNKNOWN and accept_unknown_revocation:
            return []  # provisionally accepted by policy; report.chain still says "unknown"
        report.trusted = False
        return list(result.problems)

    return check


__all__ = ["chain_check", "signature_certificates"]
