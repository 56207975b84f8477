"""Authenticating requests: units by signed requests, tus clients by session tokens, admins by token.

See :mod:`parDesk.sync.protocol` for the signed string. Checks, in order:
headers present and well-formed → the key is a pinned, approved unit key
(else *unregistered* / *awaiting approval* / *wrong key*) → the unit header
names that key's unit → the timestamp is within the clock window → the
signature verifies → the unit is within its rate → the nonce was never used
(else *replay*). Every refusal is an :class:`ApiError` whose body says why in
Vietnamese and English.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

import anyio
from starlette.requests import Request

from parDesk.i18n import ParDeskError, register
from parDesk.sync import protocol, strict
from parDesk.sync.server.ratelimit import RateLimiter
from parDesk.sync.server.service import AuthedUnit, ServerService

register({
    "auth.missing": ("yêu cầu thiếu chữ ký của đơn vị (tiêu đề {header})",
                     "the request lacks the unit's signature (header {header})"),
    "auth.malformed": ("tiêu đề {header} không hợp lệ", "header {header} is malformed"),
    "auth.unknown_key": ("khóa này chưa được đăng ký với tỉnh: đơn vị chưa đăng ký, hoặc dùng sai khóa; hãy chạy "
                         "'pardesk sync register'",
                         "this key is not registered with the province: the unit is not registered, or the wrong key "
                         "is used; run 'pardesk sync register'"),
    "auth.pending": ("đơn vị đã gửi đăng ký nhưng tỉnh chưa phê duyệt; hãy liên hệ Sở Nội vụ",
                     "the unit's registration has not been approved by the province yet; contact the Department of "
                     "Home Affairs"),
    "auth.revoked": ("khóa của đơn vị đã bị tỉnh thu hồi; hãy đăng ký lại",
                     "the unit's key was revoked by the province; register again"),
    "auth.unit_mismatch": ("khóa đã ký thuộc đơn vị {owner}, không phải đơn vị {claimed}",
                           "the signing key belongs to unit {owner}, not to unit {claimed}"),
    "auth.clock_skew": ("đồng hồ máy tính lệch {seconds} giây so với máy chủ; hãy chỉnh ngày giờ máy tính",
                        "the computer's clock is {seconds} seconds off the server's; correct the computer's date and "
                        "time"),
    "auth.bad_signature": ("chữ ký của yêu cầu không hợp lệ (sai khóa, hoặc yêu cầu bị sửa trên đường truyền)",
                           "the request's signature is not valid (wrong key, or the request was altered in transit)"),
    "auth.replay": ("yêu cầu này đã được gửi trước đó (phát lại) nên bị từ chối",
                    "this request was already sent before (a replay) and is refused"),
    "auth.rate": ("quá nhiều yêu cầu; thử lại sau {seconds} giây", "too many requests; try again in {seconds} seconds"),
    "auth.admin": ("cần quyền quản trị (mã truy cập quản trị không đúng hoặc thiếu)",
                   "administrator credentials required (admin token missing or wrong)"),
    "auth.session": ("phiên tải lên không hợp lệ hoặc đã hết hạn", "the upload session is invalid or expired"),
    "http.bad_header": ("tiêu đề {header} không hợp lệ", "header {header} is invalid"),
    "srv.bad_json": ("JSON không hợp lệ: {detail}", "invalid JSON: {detail}"),
    "http.too_large": ("nội dung yêu cầu quá lớn (tối đa {limit} byte)",
                       "the request body is too large (at most {limit} bytes)"),
})

_NONCE = re.compile(r"^[0-9a-f]{16,64}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class ApiError(Exception):
    def __init__(self, status: int, key: str, headers: dict[str, str] | None = None, where: str | None = None,
                 retry: bool = False, extra: dict[str, Any] | None = None, **params: Any) -> None:
        self.status = status
        self.error = ParDeskError(key, where=where, **params)
        self.headers = headers or {}
        self.retry = retry
        self.extra = extra or {}
        super().__init__(self.error.message("en"))

    @classmethod
    def from_error(cls, status: int, error: ParDeskError, **kw: Any) -> ApiError:
        exc = cls(status, error.key, where=error.where, **kw, **error.params)
        exc.error = error
        return exc

    def body_bytes(self) -> bytes:
        return json.dumps(self.body(), ensure_ascii=False, sort_keys=True).encode("utf-8")

    def body(self) -> dict[str, Any]:
        e = self.error
        errors = getattr(e, "errors", None)
        out = {"error": {"key": e.key, "where": e.where, "params": {k: str(v) for k, v in e.params.items()},
                         "vi": e.message("vi"), "en": e.message("en")}, "retry": self.retry}
        if errors:
            out["errors"] = [{"key": x.key, "where": x.where, "vi": x.message("vi"), "en": x.message("en")}
                             for x in errors]
        out.update(self.extra)
        return out


@dataclass
class SignedHeaders:
    unit: str
    key_fp: str
    timestamp: int
    nonce: str
    body_sha256: str
    signature: str


def signed_headers(request: Request) -> SignedHeaders:
    h = request.headers
    for name in (protocol.H_UNIT, protocol.H_KEY, protocol.H_TIME, protocol.H_NONCE, protocol.H_BODY, protocol.H_SIG):
        if not h.get(name):
            raise ApiError(401, "auth.missing", header=name)
    try:
        ts = strict.ascii_uint(h[protocol.H_TIME], maximum=2**40)
    except ValueError:
        raise ApiError(401, "auth.malformed", header=protocol.H_TIME) from None
    nonce, key_fp, body = h[protocol.H_NONCE], h[protocol.H_KEY], h[protocol.H_BODY]
    if not _NONCE.match(nonce):
        raise ApiError(401, "auth.malformed", header=protocol.H_NONCE)
    if not _HEX64.match(key_fp):
        raise ApiError(401, "auth.malformed", header=protocol.H_KEY)
    if not _HEX64.match(body):
        raise ApiError(401, "auth.malformed", header=protocol.H_BODY)
    unit = h[protocol.H_UNIT]
    if len(unit) > 32:
        raise ApiError(401, "auth.malformed", header=protocol.H_UNIT)
    return SignedHeaders(unit, key_fp, ts, nonce, body, h[protocol.H_SIG])


def signed_string(request: Request, sh: SignedHeaders) -> bytes:
    return protocol.request_string(request.method, request.url.path, request.url.query, sh.unit, sh.key_fp,
                                   str(sh.timestamp), sh.nonce, sh.body_sha256, request.headers)


def check_clock(service: ServerService, ts: int) -> None:
    now = int(time.time())
    if abs(now - ts) > service.config.clock_skew_s:
        raise ApiError(401, "auth.clock_skew", seconds=ts - now, extra={"server_time": now})


async def call(fn: Any, *args: Any, **kw: Any) -> Any:
    return await anyio.to_thread.run_sync(partial(fn, *args, **kw))


def rate_limit(limiter: RateLimiter, key: str) -> None:
    """429 with Retry-After when ``key`` is over its rate."""
    wait = limiter.take(key)
    if wait:
        raise ApiError(429, "auth.rate", headers={"Retry-After": str(int(wait) + 1)}, retry=True, seconds=int(wait) + 1)


def address_limit(service: ServerService, request: Request) -> None:
    """The generous per-address limit, for requests before authentication only (see ratelimit)."""
    rate_limit(service.limits.address, request.client.host if request.client else "?")


def content_length(raw: str) -> int:
    """A Content-Length header: ASCII digits only, else 400."""
    try:
        return strict.ascii_uint(raw)
    except ValueError:
        raise ApiError(400, "http.bad_header", header="Content-Length") from None


def json_object(raw: bytes, limit: int) -> dict[str, Any]:
    """A request body that must be one JSON object: bounded size, depth and numbers; else 400 with why."""
    try:
        return strict.loads_object(raw, max_bytes=limit) if raw else {}
    except ValueError as exc:
        raise ApiError(400, "srv.bad_json", detail=str(exc)[:120]) from None


async def authenticate_unit(service: ServerService, request: Request, body_sha256: str | None) -> AuthedUnit:
    """A signed unit request. ``body_sha256``: the body's hash if already read (None for streamed PATCH)."""
    sh = signed_headers(request)
    if body_sha256 is not None and body_sha256 != sh.body_sha256:
        raise ApiError(401, "auth.bad_signature")
    unit = await call(service.registry.unit_for_key, sh.key_fp)
    if unit is None:
        reg = await call(service.registry.registration_status, sh.key_fp)
        if reg is not None and reg.status == "pending":
            raise ApiError(403, "auth.pending")
        raise ApiError(401, "auth.unknown_key")
    if unit.code != sh.unit:
        raise ApiError(401, "auth.unit_mismatch", owner=unit.code, claimed=sh.unit)
    if unit.status != "approved":
        raise ApiError(403, "auth.revoked")
    check_clock(service, sh.timestamp)
    if not protocol.verify(protocol.load_public_pem(unit.sync_key_pem), sh.signature, signed_string(request, sh)):
        raise ApiError(401, "auth.bad_signature")
    rate_limit(service.limits.unit, unit.code)
    if not await call(service.tokens.use_nonce, unit.code, sh.nonce, int(time.time())):
        raise ApiError(401, "auth.replay")
    return AuthedUnit(unit.code, unit.name, unit.signing_key_fp, unit.cert_pem)


async def authenticate_self_signed(service: ServerService, request: Request, body_sha256: str,
                                   public_pem: str) -> SignedHeaders:
    """A request signed by a key that is not pinned yet (registration), or by any registration's key."""
    sh = signed_headers(request)
    if body_sha256 != sh.body_sha256:
        raise ApiError(401, "auth.bad_signature")
    check_clock(service, sh.timestamp)
    try:
        key = protocol.load_public_pem(public_pem)
    except ValueError:
        raise ApiError(400, "srv.reg_bad_field", field="sync_key") from None
    if protocol.key_fingerprint(key) != sh.key_fp or \
            not protocol.verify(key, sh.signature, signed_string(request, sh)):
        raise ApiError(401, "auth.bad_signature")
    if not await call(service.tokens.use_nonce, "reg:" + sh.key_fp[:24], sh.nonce, int(time.time())):
        raise ApiError(401, "auth.replay")
    return sh


async def authenticate_uploader(service: ServerService, request: Request) -> AuthedUnit:
    """tus endpoints: a signed request, or a session bearer token (for plain tus clients such as tuspy)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer ") and not request.headers.get(protocol.H_SIG):
        unit = await call(service.tokens.unit_for_session, auth[7:].strip()[:128])
        if unit is None:
            raise ApiError(401, "auth.session")
        rate_limit(service.limits.unit, unit.code)
        return AuthedUnit(unit.code, unit.name, unit.signing_key_fp, unit.cert_pem)
    return await authenticate_unit(service, request, None)


async def authenticate_admin(service: ServerService, request: Request) -> str:
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise ApiError(401, "auth.admin")
    name = await call(service.tokens.admin_for, auth[7:].strip()[:128])
    if name is None:
        raise ApiError(401, "auth.admin")
    return name


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and content_length(declared) > limit:
        raise ApiError(413, "http.too_large", limit=limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "http.too_large", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)
