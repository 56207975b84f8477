"""The unit API (``/v1``): hello, registration, sessions, finalise, submissions, feed, frameworks.

Every endpoint but ``hello`` and ``register`` is a signed request from a
pinned unit key (:mod:`~parDesk.sync.server.auth`); those two, and the
registration status, are limited per address, generously. JSON bodies are
parsed with explicit limits (:mod:`parDesk.sync.strict`) *before* any
authentication, so nothing in them can cost more than their size.
"""

from __future__ import annotations

import hashlib
import json
import re
import time

from fastapi import APIRouter, Request, Response

from parDesk.sync import protocol
from parDesk.sync.server.auth import (
    ApiError,
    address_limit,
    authenticate_self_signed,
    authenticate_unit,
    call,
    check_clock,
    json_object,
    read_body,
    signed_headers,
    signed_string,
)
from parDesk.sync.server.service import ServerService
from parDesk.sync.server.web import json_response, query_uint

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def make_router(service: ServerService) -> APIRouter:
    router = APIRouter()
    cfg = service.config

    async def json_body(request: Request) -> tuple[dict, str]:
        raw = await read_body(request, cfg.max_json_bytes)
        return json_object(raw, cfg.max_json_bytes), hashlib.sha256(raw).hexdigest()

    @router.get("/v1/hello")
    async def hello(request: Request) -> Response:
        address_limit(service, request)
        return json_response(service.hello())

    @router.post("/v1/register")
    async def register(request: Request) -> Response:
        address_limit(service, request)
        body, sha = await json_body(request)
        sync_key = body.get("sync_key", "")
        sh = await authenticate_self_signed(service, request, sha, sync_key if isinstance(sync_key, str) else "")
        result = await call(service.registry.register, body, sh.key_fp)
        return json_response(result.to_json(), 202 if result.status == "pending" else 200)

    @router.get("/v1/registration")
    async def registration(request: Request) -> Response:
        address_limit(service, request)
        sh = signed_headers(request)
        check_clock(service, sh.timestamp)
        reg = await call(service.registry.registration_status, sh.key_fp)
        if reg is None:
            raise ApiError(404, "auth.unknown_key")
        pem = await call(service.registry.registration_key_pem, sh.key_fp)
        if not pem or not protocol.verify(protocol.load_public_pem(pem), sh.signature, signed_string(request, sh)) \
                or sh.body_sha256 != protocol.EMPTY_SHA256:
            raise ApiError(401, "auth.bad_signature")
        if not await call(service.tokens.use_nonce, "reg:" + sh.key_fp[:24], sh.nonce, int(time.time())):
            raise ApiError(401, "auth.replay")
        return json_response(reg.to_json())

    @router.post("/v1/session")
    async def new_session(request: Request) -> Response:
        _, sha = await json_body(request)
        unit = await authenticate_unit(service, request, sha)
        token, expires = await call(service.tokens.new_session, unit.code)
        return json_response({"token": token, "expires": expires, "unit": unit.code})

    @router.post("/v1/uploads/{upload_id}/finalise")
    async def finalise(upload_id: str, request: Request) -> Response:
        _, sha = await json_body(request)
        unit = await authenticate_unit(service, request, sha)
        result = await call(service.intake.finalise, unit.code, upload_id)
        if result.status == "not_found":
            raise ApiError(404, "tus.not_found")
        if result.status == "verifying":
            return json_response(result.to_json(), 202, {"Retry-After": "2"})
        if result.status == "incomplete":
            return json_response(result.to_json(), 409)
        return json_response(result.to_json(), 200)

    @router.get("/v1/submissions/{sha256}")
    async def submission(sha256: str, request: Request) -> Response:
        unit = await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        if not _HEX64.match(sha256):
            raise ApiError(404, "tus.not_found")
        sub = await call(service.intake.submission_for_unit, unit.code, sha256)
        if sub is None:
            return json_response({"status": "unknown"}, 404)
        return json_response({"status": "accepted", "receipt": json.loads(sub.receipt_json)})

    @router.get("/v1/feed")
    async def feed(request: Request) -> Response:
        after = query_uint(request, "after", 0)
        limit = query_uint(request, "limit", 100, maximum=10_000)
        unit = await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        return json_response((await call(service.feed.page, unit.code, after, limit)).to_json())

    @router.get("/v1/frameworks/{fw_hash}")
    async def framework(fw_hash: str, request: Request) -> Response:
        await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        data = await call(service.frameworks.canonical_bytes, fw_hash) if _HEX64.match(fw_hash) else None
        if data is None:
            raise ApiError(404, "tus.not_found")
        return Response(content=data, media_type="application/json", headers={"Cache-Control": "no-store"})

    return router
