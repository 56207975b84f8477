"""The chain-of-trust step for a package's signer, as a :data:`parDesk.package.trust.TrustStep`.

Used by ``pardesk verify --trust DIR|FILE`` and by the provincial server. The
package verifier has already checked the CMS signature; this step asks
:func:`parDesk.signing.trust.validate_chain` whether the signer certificate
chains to an anchor, was valid at the moment (the signing time for
``pardesk verify``; the receipt time on the server, ``moment="reference"``),
has signing key usage and is not revoked. It answers the verifier's
three-valued outcome:

* chain valid, not revoked → ``True`` ("chain");
* revocation unobtainable → ``False`` with "không xác định được trạng thái
  thu hồi", or — when the policy accepts it provisionally —
  ``True`` with method "chain, revocation unknown (provisional)", never
  plain "chain";
* anything else → ``False`` with the reasons.

The full :class:`~parDesk.signing.trust.TrustResult` of the last run is kept
on the step (``step.last``) for faces that show the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from cryptography import x509

from parDesk.package.trust import TrustInput, TrustOutcome
from parDesk.signing.trust import RevocationCache, TrustResult, TrustState, validate_chain

METHOD_CHAIN = "chain"
METHOD_PROVISIONAL = "chain, revocation unknown (provisional)"


class ChainStep:
    """Callable trust step; ``last`` holds the latest :class:`TrustResult` (or None)."""

    def __init__(self, anchors: Sequence[x509.Certificate], *, moment: Literal["signing", "reference"] = "signing",
                 online: bool = True, cache: RevocationCache | None = None,
                 accept_unknown_revocation: bool = False, timeout: float = 10.0) -> None:
        self.anchors = list(anchors)
        self.moment = moment
        self.online = online
        self.cache = cache
        self.accept_unknown_revocation = accept_unknown_revocation
        self.timeout = timeout
        self.last: TrustResult | None = None

    def __call__(self, data: TrustInput) -> TrustOutcome:
        when = data.reference_time if self.moment == "reference" else (data.signing_time or data.reference_time)
        result = validate_chain(data.signer, self.anchors, moment=when, intermediates=list(data.certificates),
                                online=self.online, cache=self.cache, timeout=self.timeout)
        self.last = result
        if result.state is TrustState.TRUSTED:
            return TrustOutcome(True, METHOD_CHAIN)
        if result.state is TrustState.REVOCATION_UNKNOWN and self.accept_unknown_revocation:
            return TrustOutcome(True, METHOD_PROVISIONAL)
        return TrustOutcome(False, METHOD_CHAIN, list(result.problems))


def chain_state(step: ChainStep | None) -> str | None:
    """"trusted" / "revocation_unknown" / "untrusted" of the last run, for JSON output."""
    return step.last.state.value if step is not None and step.last is not None else None


__all__ = ["METHOD_CHAIN", "METHOD_PROVISIONAL", "ChainStep", "chain_state"]
