"""tus 1.0 resumable uploads: creation, HEAD offset, PATCH, checksum, expiration, termination.

Our own implementation of the protocol's core (tuspyserver 4.4 was evaluated
and not used: no checksum extension, blocking file writes on the event loop,
an auth hook that cannot see the body, a partial write left in the file after
an over-length PATCH, and its own JSON sidecar files instead of our database;
see docs/sync.md).

Memory is bounded per request: the body is streamed in the server's
``write_buffer_bytes`` batches, written and hashed on a worker thread. A PATCH
that carries a checksum (``Upload-Checksum``) or a signed body hash is all or
nothing: if the connection breaks, stalls longer than ``body_idle_timeout_s``,
or the hash differs (460), the file is cut back to the old offset, so a break
costs at most the one chunk in flight. A PATCH without either keeps what
arrived (plain tus behaviour).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import errno
import fcntl
import hashlib
import json
import os
import time
from email.utils import formatdate
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.requests import ClientDisconnect

from parDesk.i18n import register
from parDesk.sync import protocol, strict
from parDesk.sync.server.auth import ApiError, authenticate_uploader, call, content_length
from parDesk.sync.server.service import ServerService
from parDesk.sync.server.uploads import TooManyUploads

register({
    "tus.version": ("phiên bản giao thức tus không được hỗ trợ (cần {version})",
                    "unsupported tus version (need {version})"),
    "tus.length": ("thiếu hoặc sai tiêu đề Upload-Length", "missing or invalid Upload-Length"),
    "tus.too_large": ("gói quá lớn: {size} byte, tỉnh nhận tối đa {limit} byte",
                      "the package is too large: {size} bytes, the province accepts at most {limit} bytes"),
    "tus.metadata": ("tiêu đề Upload-Metadata không hợp lệ", "invalid Upload-Metadata"),
    "tus.not_found": ("không có lượt tải lên này (đã hết hạn hoặc không phải của đơn vị)",
                      "no such upload (expired, or not this unit's)"),
    "tus.gone": ("lượt tải lên đã hết hạn; hãy tải lại từ đầu", "the upload expired; upload again"),
    "tus.offset": ("vị trí tải lên không khớp (máy chủ đang ở {offset})",
                   "upload offset mismatch (the server is at {offset})"),
    "tus.content_type": ("cần Content-Type: application/offset+octet-stream",
                         "Content-Type must be application/offset+octet-stream"),
    "tus.past_end": ("dữ liệu vượt quá độ dài đã khai báo", "the data goes past the declared length"),
    "tus.chunk_too_large": ("một lần gửi quá lớn (tối đa {limit} byte)",
                            "one request is too large (at most {limit} bytes)"),
    "tus.checksum_alg": ("thuật toán kiểm tra không được hỗ trợ: {alg}", "unsupported checksum algorithm: {alg}"),
    "tus.checksum": ("dữ liệu nhận được không khớp mã kiểm tra; hãy gửi lại phần này",
                     "the data received does not match its checksum; send this part again"),
    "tus.locked": ("lượt tải lên này đang được ghi bởi một yêu cầu khác",
                   "this upload is being written by another request"),
    "tus.too_many": ("đơn vị đang có {count} lượt tải lên dở dang (tối đa {limit}); hãy gửi tiếp hoặc hủy một lượt "
                     "trước khi bắt đầu lượt mới",
                     "the unit has {count} unfinished uploads (at most {limit}); finish or cancel one before "
                     "starting another"),
    "tus.stalled": ("kết nối ngừng gửi dữ liệu quá lâu", "the connection stopped sending data for too long"),
})

CHECKSUMS = {"sha256": hashlib.sha256, "sha1": hashlib.sha1}
LOCK_WAIT_S = 10.0


def _expires(ts: int) -> str:
    return formatdate(ts, usegmt=True)


def tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": protocol.TUS_VERSION, "Cache-Control": "no-store", **extra}


def make_router(service: ServerService) -> APIRouter:
    router = APIRouter()
    cfg = service.config
    base = "/v1/uploads"

    def check_version(request: Request) -> None:
        if request.headers.get("tus-resumable") != protocol.TUS_VERSION:
            raise ApiError(412, "tus.version", headers={"Tus-Version": protocol.TUS_VERSION},
                           version=protocol.TUS_VERSION)

    @router.options(base)
    @router.options(base + "/{upload_id}")
    async def options(upload_id: str = "") -> Response:
        return Response(status_code=204, headers=tus_headers(**{
            "Tus-Version": protocol.TUS_VERSION, "Tus-Extension": protocol.TUS_EXTENSIONS,
            "Tus-Max-Size": str(cfg.max_package_bytes), "Tus-Checksum-Algorithm": protocol.TUS_CHECKSUMS}))

    @router.post(base)
    async def create(request: Request) -> Response:
        check_version(request)
        unit = await authenticate_uploader(service, request)
        try:
            length = strict.ascii_uint(request.headers.get("upload-length"))
        except ValueError:
            raise ApiError(400, "tus.length") from None
        if length > cfg.max_package_bytes:
            raise ApiError(413, "tus.too_large", size=length, limit=cfg.max_package_bytes)
        try:
            meta = protocol.decode_metadata(request.headers.get("upload-metadata", ""))
        except ValueError:
            raise ApiError(400, "tus.metadata") from None
        if len(json.dumps(meta)) > 4096:
            raise ApiError(400, "tus.metadata")
        try:
            up = await call(service.uploads.create, unit.code, length, meta)
        except TooManyUploads as exc:
            raise ApiError(429, "tus.too_many", headers={"Retry-After": "60"}, retry=True, count=exc.count,
                           limit=exc.limit) from None
        location = str(request.url_for("tus_head", upload_id=up.id).path)
        return Response(status_code=201, headers=tus_headers(Location=location, **{
            "Upload-Expires": _expires(up.expires), "Upload-Offset": "0"}))

    async def owned(request: Request, upload_id: str) -> Any:
        check_version(request)
        unit = await authenticate_uploader(service, request)
        up = await call(service.uploads.get, unit.code, upload_id)
        if up is None:
            raise ApiError(404, "tus.not_found", headers=tus_headers())
        if up.expires < time.time() and up.status in ("open", "complete"):
            raise ApiError(410, "tus.gone", headers=tus_headers())
        return up

    @router.head(base + "/{upload_id}", name="tus_head")
    async def head(upload_id: str, request: Request) -> Response:
        up = await owned(request, upload_id)
        return Response(status_code=200, headers=tus_headers(**{
            "Upload-Offset": str(up.offset), "Upload-Length": str(up.length),
            "Upload-Expires": _expires(up.expires)}))

    @router.delete(base + "/{upload_id}")
    async def terminate(upload_id: str, request: Request) -> Response:
        up = await owned(request, upload_id)
        await call(service.uploads.delete, up.unit_code, up.id)
        return Response(status_code=204, headers=tus_headers())

    @router.patch(base + "/{upload_id}")
    async def patch(upload_id: str, request: Request) -> Response:
        up = await owned(request, upload_id)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/offset+octet-stream":
            raise ApiError(415, "tus.content_type")
        try:
            offset = strict.ascii_uint(request.headers.get("upload-offset"))
        except ValueError:
            raise ApiError(400, "tus.offset", offset=up.offset) from None
        if up.status != "open" or offset != up.offset:
            raise ApiError(409, "tus.offset", headers=tus_headers(**{"Upload-Offset": str(up.offset)}),
                           offset=up.offset)
        declared = request.headers.get("content-length")
        if declared is not None:
            if content_length(declared) > cfg.max_chunk_bytes:
                raise ApiError(413, "tus.chunk_too_large", limit=cfg.max_chunk_bytes)
            if offset + content_length(declared) > up.length:
                raise ApiError(400, "tus.past_end")
        checksum: tuple[str, bytes] | None = None
        if request.headers.get("upload-checksum"):
            alg, _, value = request.headers["upload-checksum"].partition(" ")
            if alg not in CHECKSUMS:
                raise ApiError(400, "tus.checksum_alg", alg=alg)
            try:
                checksum = (alg, base64.b64decode(value.strip(), validate=True))
            except ValueError:
                raise ApiError(400, "tus.checksum_alg", alg=alg) from None
        signed_body = request.headers.get(protocol.H_BODY) if request.headers.get(protocol.H_SIG) else None
        atomic = checksum is not None or signed_body is not None
        path = service.storage.partial_path(upload_id)
        try:
            fh = open(path, "r+b")  # noqa: SIM115 - closed by the finally below, after the lock wait
        except FileNotFoundError:
            raise ApiError(404, "tus.not_found") from None
        try:
            # A PATCH cut by a broken connection may still hold the lock for a moment (until the
            # server notices the disconnect and cuts the file back): wait for it rather than make
            # the client send its chunk again.
            deadline = time.monotonic() + LOCK_WAIT_S
            while True:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if time.monotonic() > deadline:
                        raise ApiError(423, "tus.locked", retry=True) from None
                    await asyncio.sleep(0.02)
            # under the lock, the offset in the database is the truth (an earlier PATCH may have moved it)
            current = await call(service.uploads.get, up.unit_code, upload_id)
            if current is None or current.status != "open" or current.offset != offset:
                now_at = current.offset if current is not None else 0
                raise ApiError(409, "tus.offset", headers=tus_headers(**{"Upload-Offset": str(now_at)}),
                               offset=now_at)
            return await _receive(request, fh, current, offset, checksum, signed_body, atomic)
        finally:
            fh.close()

    async def _receive(request: Request, fh: Any, up: Any, offset: int, checksum: tuple[str, bytes] | None,
                       signed_body: str | None, atomic: bool) -> Response:
        chk = CHECKSUMS[checksum[0]]() if checksum else None
        # our client's signed body hash and its sha256 Upload-Checksum are the same digest: hash once
        same = checksum is not None and checksum[0] == "sha256" and signed_body is not None
        body_hash = hashlib.sha256() if signed_body is not None and not same else None
        received = 0
        parts: list[bytes] = []
        pending = 0

        def write(data: bytes) -> None:
            fh.write(data)
            for h in (chk, body_hash):
                if h is not None:
                    h.update(data)

        def cut_back() -> None:
            fh.truncate(offset)
            fh.flush()

        def sync() -> None:
            fh.flush()
            os.fdatasync(fh.fileno())

        await call(lambda: (fh.seek(offset), fh.truncate(offset)))
        loop = asyncio.get_running_loop()
        # writing + hashing one batch overlaps with receiving the next (one batch in flight: memory stays bounded)
        writing: asyncio.Future | None = None

        async def settle() -> None:
            nonlocal writing
            if writing is not None:
                w, writing = writing, None
                await w

        try:
            # one timer, pushed forward on every piece of data: a stalled sender is cut after
            # body_idle_timeout_s of silence, however long the whole body takes
            async with asyncio.timeout(cfg.body_idle_timeout_s) as idle:
                async for chunk in request.stream():
                    idle.reschedule(loop.time() + cfg.body_idle_timeout_s)
                    if not chunk:
                        continue
                    received += len(chunk)
                    if offset + received > up.length or received > cfg.max_chunk_bytes:
                        raise ApiError(400 if offset + received > up.length else 413,
                                       "tus.past_end" if offset + received > up.length else "tus.chunk_too_large",
                                       limit=cfg.max_chunk_bytes)
                    parts.append(chunk)
                    pending += len(chunk)
                    if pending >= cfg.write_buffer_bytes:
                        data, parts, pending = b"".join(parts), [], 0
                        await settle()
                        writing = asyncio.ensure_future(call(write, data))
            await settle()
        except (ClientDisconnect, TimeoutError, OSError, ApiError) as exc:
            with contextlib.suppress(OSError):
                await settle()
            if isinstance(exc, ApiError):
                await call(cut_back)
                raise
            if atomic or isinstance(exc, OSError):
                await call(cut_back)
            else:  # plain tus: keep what arrived
                if parts:
                    await call(write, b"".join(parts))
                await call(sync)
                if not await call(service.uploads.advance, up.id, offset, offset + received, up.length):
                    await call(cut_back)
            if isinstance(exc, TimeoutError):
                raise ApiError(408, "tus.stalled", headers={"Connection": "close"}) from None
            raise ApiError(400, "tus.stalled", headers={"Connection": "close"}) from None
        if parts:
            await call(write, b"".join(parts))
        checksum_ok = chk is None or checksum is None or chk.digest() == checksum[1]
        signed_hash = chk if same else body_hash  # the digest the signed body hash is checked against
        ok = checksum_ok and (signed_body is None
                              or (signed_hash is not None and signed_hash.hexdigest() == signed_body))
        if not ok:
            await call(cut_back)
            raise ApiError(460, "tus.checksum", headers=tus_headers(**{"Upload-Offset": str(offset)}), retry=True)
        await call(sync)
        new_offset = offset + received
        if not await call(service.uploads.advance, up.id, offset, new_offset, up.length):
            await call(cut_back)
            raise ApiError(409, "tus.offset", offset=offset)
        return Response(status_code=204, headers=tus_headers(**{
            "Upload-Offset": str(new_offset), "Upload-Expires": _expires(int(time.time()) + cfg.upload_expiry_s)}))

    return router
