"""The FastAPI application: the routers assembled, errors as JSON, signed answers.

``create_app(service)`` builds the app over one :class:`ServerService` from
routers, each made by a ``make_router(service)``: the unit API
(:mod:`.routes_unit`), tus uploads (:mod:`.tus`), the admin API
(:mod:`.routes_admin`), and any ``routers`` the caller adds (the appraisal
desk mounts itself this way). ``pardesk-server serve`` runs it with uvicorn.

Every answer to a request that carried a ``Pardesk-Nonce`` is signed by
:class:`SignResponses` (see :mod:`parDesk.sync.protocol`). No request ever
answers with a traceback or writes one to the log: :class:`NoTracebacks`
turns an unexpected exception into a 500 JSON answer and one log line.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import traceback
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parDesk.i18n import ParDeskError, register
from parDesk.sync import protocol
from parDesk.sync.server import routes_admin, routes_unit, tus
from parDesk.sync.server.auth import ApiError, call
from parDesk.sync.server.service import ServerService
from parDesk.sync.server.web import json_response

register({
    "http.internal": ("lỗi nội bộ của máy chủ; đã ghi nhật ký, hãy thử lại sau",
                      "internal server error; it was logged, try again later"),
    "http.bad_request": ("yêu cầu không hợp lệ: {detail}", "invalid request: {detail}"),
    "http.bad_query": ("tham số {param} không hợp lệ (cần một số)",
                       "parameter {param} is invalid (a number is needed)"),
})
log = logging.getLogger("parDesk.server")
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
                    assert start is not None  # ASGI: the response start always precedes its body
                    await send(start)
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


def _error_body(key: str, **params: Any) -> bytes:
    return ApiError(500, key, **params).body_bytes()


class NoTracebacks:
    """ASGI middleware, outermost: an exception no handler took becomes a 500 JSON answer and one log line.

    The line names the exception and the innermost frame (file:line), enough to find the bug;
    never a traceback, which would put request data and internals in the log.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else "?"
            log.error("internal error on %s %s: %s at %s", scope.get("method"), scope.get("path", "")[:200],
                      type(exc).__name__, where)
            if not started:
                body = _error_body("http.internal")
                await send({"type": "http.response.start", "status": 500,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})


def create_app(service: ServerService, *, gc_interval_s: float = 600,
               routers: Sequence[APIRouter] = ()) -> ASGIApp:
    """The whole server as one ASGI app; ``routers`` are mounted after the built-in ones."""
    async def gc_loop() -> None:
        while True:
            await asyncio.sleep(gc_interval_s)
            try:
                await call(service.gc)
            except Exception as exc:
                log.warning("housekeeping failed: %s", type(exc).__name__)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(gc_loop())
        try:
            yield
        finally:
            task.cancel()

    app = FastAPI(title="parDesk provincial server", version=protocol.PROTOCOL, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        headers = dict(exc.headers)
        if request.url.path.startswith("/v1/uploads"):
            headers.setdefault("Tus-Resumable", protocol.TUS_VERSION)
        if request.method == "HEAD":
            return Response(status_code=exc.status, headers=headers)
        return json_response(exc.body(), exc.status, headers)

    @app.exception_handler(ParDeskError)
    async def domain_error(request: Request, exc: ParDeskError) -> Response:
        return await api_error(request, ApiError.from_error(400, exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors()[:5])
        return await api_error(request, ApiError(400, "http.bad_request", detail=fields[:120]))

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, _exc: Exception) -> Response:
        # the answer; Starlette then re-raises and NoTracebacks writes the one log line
        return Response(_error_body("http.internal"), status_code=500, media_type="application/json")

    @app.exception_handler(404)
    async def not_found(_request: Request, _exc: Exception) -> Response:
        return JSONResponse({"error": {"key": "http.not_found", "vi": "không tìm thấy", "en": "not found"}},
                            status_code=404)

    app.include_router(routes_unit.make_router(service))
    app.include_router(tus.make_router(service))
    app.include_router(routes_admin.make_router(service))
    for router in routers:
        app.include_router(router)
    from parDesk.sync.server.desk import mount_desk

    mount_desk(app, service)  # the appraisal desk's pages under /desk
    return NoTracebacks(SignResponses(app, service))
