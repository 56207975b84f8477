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

Modules: :mod:`.make` (building), :mod:`.read` (strict parsing),
:mod:`.verify` (the checks), :mod:`.chain` (the offline anchor walk),
:mod:`.common` (OIDs, tables, limits), :mod:`.messages`. The names below are
the public surface; import them from here.
"""

from __future__ import annotations

from parDesk.signing.cms.common import (
    DIGESTS,
    MAX_SIGNATURE_BYTES,
    OID_DATA,
    OID_SIGNED_DATA,
    subject_text,
    valid_at,
)
from parDesk.signing.cms.make import (
    DETERMINISTIC_ECDSA,
    SIGNATURE_ALGORITHMS,
    build_signed_data,
    pss_padding,
    sign_detached,
    signed_attributes,
)
from parDesk.signing.cms.verify import CmsVerifyResult, verify_detached_cms

__all__ = [
    "DETERMINISTIC_ECDSA",
    "DIGESTS",
    "MAX_SIGNATURE_BYTES",
    "OID_DATA",
    "OID_SIGNED_DATA",
    "SIGNATURE_ALGORITHMS",
    "CmsVerifyResult",
    "build_signed_data",
    "pss_padding",
    "sign_detached",
    "signed_attributes",
    "subject_text",
    "valid_at",
    "verify_detached_cms",
]
