"""Signature plumbing below :mod:`parDesk.identity`: a strict DER reader and CMS.

Kept apart from identity (keys, certificates, the on-disk store) so the
provincial server can verify packages without any of the key-handling code.
Qt-free, like the whole core.
"""

from parDesk.signing.cms import CmsVerifyResult, sign_detached, verify_detached_cms

__all__ = ["CmsVerifyResult", "sign_detached", "verify_detached_cms"]
