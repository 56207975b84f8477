"""Issue 13 §7/§10: the server itself bounds request heads in size and time (safe even without nginx).

Real sockets against a real ``pardesk-server serve`` with a 2-second head
timeout: every oversized head gets 431 and every head that is not finished in
time gets 408, the connection is closed, and ordinary requests keep working.
"""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
from server_proc import ServerProcess, prepare

HEAD_TIMEOUT = 2.0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    setup = prepare(tmp_path_factory.mktemp("headers"), n_units=1)
    with ServerProcess(setup.data, "--header-timeout", str(HEAD_TIMEOUT), "--max-header-kb", "32",
                       "--burst-per-ip", "100000") as srv:
        yield srv
        srv.assert_clean_log()


def _send_head(port: int, head: bytes) -> bytes:
    """Send ``head`` (errors ignored: the server may close mid-way) and return what it answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        def push() -> None:
            try:
                for i in range(0, len(head), 1 << 16):
                    s.sendall(head[i:i + (1 << 16)])
            except OSError:
                pass
        t = threading.Thread(target=push, daemon=True)
        t.start()
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except OSError:
            pass
        t.join(5)
    return data


def _status(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1.1 "), answer[:100]
    return int(answer.split(b" ", 2)[1])


HUGE_HEADS = {
    "one 32 MB header": b"GET /v1/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (32 << 20) + b"\r\n\r\n",
    "20,000 small headers": (b"GET /v1/hello HTTP/1.1\r\nHost: x\r\n"
                             + b"".join(b"X-%d: v\r\n" % i for i in range(20000)))
    + b"\r\n",
    "a 1 MB URL": b"GET /v1/hello?" + b"q" * (1 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "a 64 KB cookie": b"GET /v1/hello HTTP/1.1\r\nHost: x\r\nCookie: " + b"c=" * (1 << 15) + b"\r\n\r\n",
    "a never-ending head (8 MB, no blank line)": b"GET /v1/hello HTTP/1.1\r\n" + b"X: y\r\n" * (8 << 17),
}


@pytest.mark.parametrize("name", list(HUGE_HEADS))
def test_huge_heads_get_431(server, name):
    before = server.rss_mb()
    answer = _send_head(server.port, HUGE_HEADS[name])
    assert _status(answer) == 431
    assert server.rss_mb() < before + 30


def _slow(port: int, pieces: list[bytes], gap: float) -> tuple[bytes, float]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        t0 = time.monotonic()
        try:
            for p in pieces:
                s.sendall(p)
                time.sleep(gap)
        except OSError:
            pass
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except OSError:
            pass
        return data, time.monotonic() - t0


SLOW_HEADS = {
    "silent connection": ([], 0),
    "one byte a second": ([bytes([b]) for b in b"GET /v1/hello HTTP/1.1\r\nHost: x\r\nX-Slow: 1234567890\r\n\r\n"],
                          0.5),
    "request line, then silence": ([b"GET /v1/hello HTTP/1.1\r\n"], 0),
    "headers trickled forever": ([b"X-%d: v\r\n" % i for i in range(40)], 0.3),
}


@pytest.mark.parametrize("name", list(SLOW_HEADS))
def test_slow_heads_get_408(server, name):
    pieces, gap = SLOW_HEADS[name]
    if name != "silent connection" and not name.startswith("request line"):
        pieces = [b"GET /v1/hello HTTP/1.1\r\nHost: x\r\n"] + pieces if name.startswith("headers") else pieces
    answer, elapsed = _slow(server.port, pieces, gap)
    assert elapsed < HEAD_TIMEOUT + 15
    assert answer == b"" or _status(answer) == 408, answer[:200]
    if answer:
        assert b"connection: close" in answer.lower()


def test_kept_alive_connection_slow_second_request(server):
    """The head timer restarts for the next request on a kept-alive connection."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(b"GET /v1/hello HTTP/1.1\r\nHost: x\r\n\r\n")
        first = b""
        while b"\r\n\r\n" not in first:
            first += s.recv(65536)
        head, _, body = first.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length")))
        while len(body) < length:
            body += s.recv(65536)
        assert _status(head) == 200
        s.sendall(b"GET /v1/hello HTTP/1.1\r\n")  # then nothing
        t0 = time.monotonic()
        data = body[length:]
        while chunk := s.recv(65536):
            data += chunk
        assert _status(data) == 408 and time.monotonic() - t0 < HEAD_TIMEOUT + 5


def test_ordinary_requests_unaffected(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        for _ in range(20):
            assert c.get("/v1/hello", headers={"X-Ok": "v" * 8000}).status_code == 200
