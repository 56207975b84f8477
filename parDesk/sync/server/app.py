"""The FastAPI application: unit API, tus uploads, admin API, signed answers.

``create_app(service)`` builds the app over one :class:`ServerService`;
``pardesk-server serve`` runs it with uvicorn. Every answer to a request that
carried a ``Pardesk-Nonce`` is signed by :class:`SignResponses` (see
:mod:`parDesk.sync.protocol`).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import re
import time
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parDesk.i18n import ParDeskError, ValidationErrors
from parDesk.sync import protocol
from parDesk.sync.server.auth import (ApiError, authenticate_admin, authenticate_self_signed, authenticate_unit,
                                      call, read_body)
from parDesk.sync.server.service import ServerService
from parDesk.sync.server.tus import make_router

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
MAX_SIGNED_BODY = 32 * 1024 * 1024


class SignResponses:
    """ASGI middleware: sign (nonce, status, body hash, tus headers) with the server key."""

    def __init__(self, app: ASGIApp, service: ServerService) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = ""
        for k, v in scope.get("headers", []):
            if k == b"pardesk-nonce":
                nonce = v.decode("latin-1")
                break
        if not nonce or len(nonce) > 64:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body = bytearray()
        passthrough = False

        async def wrapped(message: Message) -> None:
            nonlocal start, passthrough
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if len(body) > MAX_SIGNED_BODY:  # never buffer without bound: send unsigned
                    passthrough = True
                    await send(start)  # type: ignore[arg-type]
                    await send({"type": "http.response.body", "body": bytes(body), "more_body": True})
                    return
                if not message.get("more_body", False):
                    assert start is not None
                    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in start.get("headers", [])}
                    text = protocol.response_string(nonce, start["status"], hashlib.sha256(bytes(body)).hexdigest(),
                                                    headers)
                    sig = protocol.sign(self.service.key, text)
                    start = dict(start)
                    start["headers"] = list(start.get("headers", [])) + [
                        (protocol.H_RESP_SIG.lower().encode(), sig.encode()),
                        (protocol.H_PROTOCOL.lower().encode(), protocol.PROTOCOL.encode())]
                    await send(start)
                    await send({"type": "http.response.body", "body": bytes(body)})
                return
            await send(message)

        await self.app(scope, receive, wrapped)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(content=json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                    status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def create_app(service: ServerService, *, gc_interval_s: float = 600) -> FastAPI:
    async def gc_loop() -> None:
        while True:
            await asyncio.sleep(gc_interval_s)
            try:
                await call(service.gc)
            except Exception:  # noqa: BLE001 - never let housekeeping kill the server
                pass

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202
        task = asyncio.create_task(gc_loop())
        try:
            yield
        finally:
            task.cancel()

    app = FastAPI(title="parDesk provincial server", version=protocol.PROTOCOL, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service
    cfg = service.config

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> Response:
        headers = dict(exc.headers)
        if _request.url.path.startswith("/v1/uploads"):
            headers.setdefault("Tus-Resumable", protocol.TUS_VERSION)
        if _request.method == "HEAD":
            return Response(status_code=exc.status, headers=headers)
        return _json(exc.body(), exc.status, headers)

    @app.exception_handler(ParDeskError)
    async def domain_error(_request: Request, exc: ParDeskError) -> Response:
        return await api_error(_request, ApiError.from_error(400, exc))

    async def json_body(request: Request) -> tuple[dict[str, Any], str]:
        raw = await read_body(request, cfg.max_json_bytes)
        sha = hashlib.sha256(raw).hexdigest()
        try:
            data = json.loads(raw.decode("utf-8")) if raw else {}
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "srv.bad_json", detail=str(exc)[:120]) from None
        if not isinstance(data, dict):
            raise ApiError(400, "srv.bad_json", detail="expected an object")
        return data, sha

    def ip_limit(request: Request) -> None:
        wait = service.ip_limiter.take(request.client.host if request.client else "?")
        if wait:
            raise ApiError(429, "auth.rate", headers={"Retry-After": str(int(wait) + 1)}, retry=True,
                           seconds=int(wait) + 1)

    # -------------------------------------------------------------- unit API

    @app.get("/v1/hello")
    async def hello(request: Request) -> Response:
        ip_limit(request)
        return _json(service.hello())

    @app.post("/v1/register")
    async def register(request: Request) -> Response:
        ip_limit(request)
        raw = await read_body(request, cfg.max_json_bytes)
        sha = hashlib.sha256(raw).hexdigest()
        try:
            body = json.loads(raw.decode("utf-8"))
            assert isinstance(body, dict)
        except (ValueError, UnicodeDecodeError, AssertionError):
            raise ApiError(400, "srv.bad_json", detail="registration") from None
        sh = await authenticate_self_signed(service, request, sha, str(body.get("sync_key", "")))
        result = await call(service.register, body, sh.key_fp)
        return _json(result, 202 if result["status"] == "pending" else 200)

    @app.get("/v1/registration")
    async def registration(request: Request) -> Response:
        from parDesk.sync.server.auth import check_clock, signed_headers, signed_string

        sh = signed_headers(request)
        check_clock(service, sh.timestamp)
        reg = await call(service.registration_status, sh.key_fp)
        if reg is None:
            raise ApiError(404, "auth.unknown_key")
        unit = await call(service.unit_for_key, sh.key_fp)
        pem = unit.sync_key_pem if unit is not None else None
        if pem is None:
            from sqlmodel import select

            from parDesk.sync.server.models import Registration

            def load() -> str:
                with service.session() as s:
                    row = s.exec(select(Registration).where(Registration.sync_key_fp == sh.key_fp)).first()
                    return row.sync_key_pem if row else ""
            pem = await call(load)
        if not protocol.verify(protocol.load_public_pem(pem), sh.signature, signed_string(request, sh)) \
                or sh.body_sha256 != protocol.EMPTY_SHA256:
            raise ApiError(401, "auth.bad_signature")
        if not await call(service.use_nonce, "reg:" + sh.key_fp[:24], sh.nonce, int(time.time())):
            raise ApiError(401, "auth.replay")
        return _json(reg)

    @app.post("/v1/session")
    async def new_session(request: Request) -> Response:
        _, sha = await json_body(request)
        unit = await authenticate_unit(service, request, sha)
        token, expires = await call(service.new_session_token, unit.code)
        return _json({"token": token, "expires": expires, "unit": unit.code})

    @app.post("/v1/uploads/{upload_id}/finalise")
    async def finalise(upload_id: str, request: Request) -> Response:
        _, sha = await json_body(request)
        unit = await authenticate_unit(service, request, sha)
        result = await call(service.finalise, unit.code, upload_id)
        status = result.get("status")
        if status == "not_found":
            raise ApiError(404, "tus.not_found")
        if status in ("verifying",):
            return _json(result, 202, {"Retry-After": "2"})
        if status == "incomplete":
            return _json(result, 409)
        return _json(result, 200)

    @app.get("/v1/submissions/{sha256}")
    async def submission(sha256: str, request: Request) -> Response:
        unit = await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        if not _HEX64.match(sha256):
            raise ApiError(404, "tus.not_found")
        sub = await call(service.submission_for_unit, unit.code, sha256)
        if sub is None:
            return _json({"status": "unknown"}, 404)
        return _json({"status": "accepted", "receipt": json.loads(sub.receipt_json)})

    @app.get("/v1/feed")
    async def feed(request: Request, after: int = 0, limit: int = 100) -> Response:
        unit = await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        return _json(await call(service.feed, unit.code, after, limit))

    @app.get("/v1/frameworks/{fw_hash}")
    async def framework(fw_hash: str, request: Request) -> Response:
        await authenticate_unit(service, request, protocol.EMPTY_SHA256)
        data = await call(service.framework_bytes, fw_hash) if _HEX64.match(fw_hash) else None
        if data is None:
            raise ApiError(404, "tus.not_found")
        return Response(content=data, media_type="application/json", headers={"Cache-Control": "no-store"})

    app.include_router(make_router(service))

    # -------------------------------------------------------------- admin API

    @app.get("/admin/v1/units")
    async def admin_units(request: Request, year: int | None = None) -> Response:
        await authenticate_admin(service, request)
        return _json({"units": await call(service.units_status, year)})

    @app.post("/admin/v1/units/{code}/approve")
    async def admin_approve(code: str, request: Request) -> Response:
        who = await authenticate_admin(service, request)
        unit = await call(service.approve, code, who)
        return _json({"unit": unit.code, "status": unit.status, "signing_key": unit.signing_key_fp})

    @app.post("/admin/v1/frameworks")
    async def admin_publish(request: Request) -> Response:
        await authenticate_admin(service, request)
        raw = await read_body(request, 16 * 1024 * 1024)
        row = await call(service.publish_framework, raw)
        return _json({"hash": row.hash, "id": row.fw_id, "year": row.year})

    @app.post("/admin/v1/appraisals")
    async def admin_appraisals(request: Request) -> Response:
        await authenticate_admin(service, request)
        raw = await read_body(request, 16 * 1024 * 1024)
        try:
            rows = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, "srv.bad_json", detail=str(exc)[:120]) from None
        if isinstance(rows, dict):
            rows = rows.get("results", [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ApiError(400, "srv.bad_json", detail="expected a list of objects")
        try:
            counts = await call(service.import_appraisals, rows)
        except ValidationErrors as exc:
            raise ApiError.from_error(422, exc) from None
        return _json({"imported": counts})

    @app.get("/admin/v1/export.xlsx")
    async def admin_export(request: Request, year: int | None = None) -> Response:
        await authenticate_admin(service, request)
        from parDesk.sync.server.sheets import export_totals

        buf = io.BytesIO()
        await call(export_totals, service, buf, year)
        return Response(content=buf.getvalue(),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.exception_handler(404)
    async def not_found(_request: Request, _exc: Exception) -> Response:
        return JSONResponse({"error": {"key": "http.not_found", "vi": "không tìm thấy", "en": "not found"}},
                            status_code=404)

    from parDesk.sync.server.desk import mount_desk

    mount_desk(app, service)  # the appraisal desk's pages under /desk
    return SignResponses(app, service)  # type: ignore[return-value]
