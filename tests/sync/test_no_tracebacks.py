"""An unexpected exception in a handler: a 500 JSON answer with a reason, one log line, no traceback anywhere."""

from __future__ import annotations

import logging

import httpx
from fastapi import APIRouter
from harness import free_socket, make_service

from parDesk.sync.server.app import create_app


def test_unexpected_exception_is_one_log_line(tmp_path, caplog):
    import threading
    import time

    import uvicorn

    router = APIRouter()

    @router.get("/v1/boom")
    async def boom() -> None:
        raise ZeroDivisionError("secret detail from inside")

    @router.get("/v1/boom-sync")
    def boom_sync() -> None:
        empty: dict[str, int] = {}
        empty["missing"]

    service = make_service(tmp_path)
    sock = free_socket()
    server = uvicorn.Server(uvicorn.Config(create_app(service, routers=[router]), log_level="info"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    caplog.set_level(logging.INFO)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        for path in ("/v1/boom", "/v1/boom-sync"):
            resp = httpx.get(url + path, timeout=30)
            assert resp.status_code == 500
            err = resp.json()["error"]
            assert err["key"] == "http.internal" and err["vi"] and err["en"]
            assert "secret" not in resp.text
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
        service.close()
    text = "\n".join(r.getMessage() + (str(r.exc_info) if r.exc_info else "") for r in caplog.records)
    assert "Traceback" not in caplog.text and "Traceback" not in text
    lines = [r.getMessage() for r in caplog.records if r.name == "parDesk.server"]
    assert len(lines) == 2 and "ZeroDivisionError" in lines[0] and "KeyError" in lines[1], lines
    assert all(r.exc_info is None for r in caplog.records)
