"""Small HTTP helpers the routers share: JSON answers and strict query numbers."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request, Response

from parDesk.sync import strict
from parDesk.sync.server.auth import ApiError


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON, UTF-8, sorted keys, never cached."""
    return Response(content=json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                    status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def query_uint(request: Request, name: str, default: int | None, maximum: int = 2**62) -> int | None:
    """A query parameter that must be a plain non-negative number (ASCII digits), else 400 naming it."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return strict.ascii_uint(raw, maximum=maximum)
    except ValueError:
        raise ApiError(400, "http.bad_query", param=name) from None
