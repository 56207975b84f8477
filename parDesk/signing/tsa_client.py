"""The RFC 3161 timestamp request of PAdES B-T, with every way it fails told apart by type.

pyHanko's own HTTP timestamper reports a refused connection, a non-timestamp
answer and an HTTP error page alike as ``TimestampRequestError`` with an
English sentence, and an answer that is not DER at all surfaces later as a
bare ``ValueError`` from asn1crypto. Telling them apart by reading the words
of those messages breaks with the next pyHanko release and cannot be
translated. So the request is made here, with the standard library
(``urllib``: no extra dependency, fully typed), and each failure is raised
as a :class:`TimestampFailed` carrying a *reason* — a core message key with
its Vietnamese and English text — and the original exception as its cause.
:func:`parDesk.signing.pades.sign_pdf` finds a :class:`TimestampFailed` in
the exception's cause chain (pyHanko may wrap what it calls) and turns it
into the person's message "pades.tsa", naming the server and the reason.

What is checked, in order: the server answers (``tsa.unreachable``), with
HTTP 2xx (``tsa.http_status``), with a body that parses as a DER
``TimeStampResp`` (``tsa.garbage``), whose status is *granted* and whose
nonce is ours (``tsa.refused``, from pyHanko's ``handle_tsp_response``).
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from typing import Any, ClassVar

from parDesk.i18n import Msg, register

register({
    "tsa.unreachable": ("không kết nối được máy chủ ({detail})", "the server cannot be reached ({detail})"),
    "tsa.http_status": ("máy chủ trả lời lỗi HTTP {status}", "the server answered with HTTP error {status}"),
    "tsa.garbage": ("máy chủ trả lời không phải là dấu thời gian RFC 3161",
                    "the server's answer is not an RFC 3161 timestamp"),
    "tsa.refused": ("máy chủ từ chối cấp dấu thời gian", "the server refused to issue a timestamp"),
})

TIMEOUT_S = 10.0


class TimestampFailed(Exception):
    """No timestamp: ``reason`` is the person's explanation (a :class:`Msg`), ``__cause__`` the original."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.key)
        self.reason = reason


def _post(url: str, body: bytes, timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/timestamp-query"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as exc:  # before URLError: it is one
        raise TimestampFailed(Msg("tsa.http_status", status=exc.code)) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TimestampFailed(Msg("tsa.unreachable", detail=type(reason).__name__ if not str(reason)
                                  else str(reason)[:120])) from exc


def make_timestamper(url: str, *, timeout: float = TIMEOUT_S) -> Any:  # a pyhanko TimeStamper
    """A pyHanko ``TimeStamper`` for ``url`` whose every failure is a :class:`TimestampFailed`."""
    from asn1crypto import cms, core, tsp
    from pyhanko.sign.timestamps.api import TimeStamper
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError, handle_tsp_response

    class _StatusFirst(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
        """RFC 3161 §2.4.2 makes the token OPTIONAL (absent on a refusal); asn1crypto's TimeStampResp requires it."""

        _fields: ClassVar[list[Any]] = [("status", tsp.PKIStatusInfo),
                                        ("time_stamp_token", cms.ContentInfo, {"optional": True})]

    class _Stamper(TimeStamper):
        async def async_request_tsa_response(self, req: Any) -> Any:
            data = await asyncio.to_thread(_post, url, req.dump(), timeout)
            try:
                status = _StatusFirst.load(data)["status"]["status"].native  # forces the lazy parse
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise TimestampFailed(Msg("tsa.garbage")) from exc
            if status not in ("granted", "granted_with_mods"):
                raise TimestampFailed(Msg("tsa.refused"))
            try:
                response = tsp.TimeStampResp.load(data)
                response["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed.native  # noqa: B018
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise TimestampFailed(Msg("tsa.garbage")) from exc
            return response

        async def async_timestamp(self, message_digest: Any, md_algorithm: Any) -> Any:
            # TimeStamper's methods and constructor are unannotated in pyHanko 0.38, and mypy's
            # untyped_calls_exclude does not reach them through a subclass
            nonce, req = self.request_cms(message_digest, md_algorithm)  # type: ignore[no-untyped-call]
            response = await self.async_request_tsa_response(req)
            try:
                return handle_tsp_response(response, nonce)
            except TimestampRequestError as exc:  # not granted, or another request's nonce
                raise TimestampFailed(Msg("tsa.refused")) from exc

    return _Stamper()  # type: ignore[no-untyped-call]  # see above


def timestamp_failure(exc: BaseException) -> TimestampFailed | None:
    """The :class:`TimestampFailed` behind ``exc`` (itself, or in its cause/context chain), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, TimestampFailed):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


__all__ = ["TIMEOUT_S", "TimestampFailed", "make_timestamper", "timestamp_failure"]
