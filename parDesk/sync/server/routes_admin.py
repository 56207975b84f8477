"""The admin API (``/admin/v1``): the unit list, approval, publishing frameworks, appraisals, the export.

Every endpoint needs an admin token (``pardesk-server admin token``).
"""

from __future__ import annotations

import io

from fastapi import APIRouter, Request, Response

from parDesk.i18n import ValidationErrors
from parDesk.sync import strict
from parDesk.sync.server.auth import ApiError, authenticate_admin, call, read_body
from parDesk.sync.server.service import ServerService
from parDesk.sync.server.web import json_response, query_uint

MAX_ADMIN_BODY = 16 * 1024 * 1024


def make_router(service: ServerService) -> APIRouter:
    router = APIRouter(prefix="/admin/v1")

    @router.get("/units")
    async def admin_units(request: Request) -> Response:
        year = query_uint(request, "year", None, maximum=9999)
        await authenticate_admin(service, request)
        rows = await call(service.registry.units_status, year)
        return json_response({"units": [r.to_json() for r in rows]})

    @router.post("/units/{code}/approve")
    async def admin_approve(code: str, request: Request) -> Response:
        who = await authenticate_admin(service, request)
        unit = await call(service.registry.approve, code[:64], who)
        return json_response({"unit": unit.code, "status": unit.status, "signing_key": unit.signing_key_fp})

    @router.post("/frameworks")
    async def admin_publish(request: Request) -> Response:
        await authenticate_admin(service, request)
        raw = await read_body(request, MAX_ADMIN_BODY)
        try:
            strict.loads(raw, max_bytes=MAX_ADMIN_BODY)  # the framework parser then reads a bounded document
        except ValueError as exc:
            raise ApiError(400, "srv.bad_json", detail=str(exc)[:120]) from None
        row = await call(service.frameworks.publish, raw)
        return json_response({"hash": row.hash, "id": row.fw_id, "year": row.year})

    @router.post("/appraisals")
    async def admin_appraisals(request: Request) -> Response:
        await authenticate_admin(service, request)
        raw = await read_body(request, MAX_ADMIN_BODY)
        try:
            rows = strict.loads(raw, max_bytes=MAX_ADMIN_BODY)
        except ValueError as exc:
            raise ApiError(400, "srv.bad_json", detail=str(exc)[:120]) from None
        if isinstance(rows, dict):
            rows = rows.get("results", [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ApiError(400, "srv.bad_json", detail="expected a list of objects")
        try:
            counts = await call(service.appraisals.import_rows, rows)
        except ValidationErrors as exc:
            raise ApiError.from_error(422, exc) from None
        return json_response({"imported": counts})

    @router.get("/export.xlsx")
    async def admin_export(request: Request) -> Response:
        year = query_uint(request, "year", None, maximum=9999)
        await authenticate_admin(service, request)
        from parDesk.sync.server.sheets import export_totals

        buf = io.BytesIO()
        await call(export_totals, service, buf, year)
        return Response(content=buf.getvalue(),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    return router
