"""uvicorn's HTTP protocol with the two limits it lacks: request-head size and request-head time.

uvicorn (with httptools) accepts a request head of any size and waits for it
forever: 32 MB of headers were accepted (issue 13 §7), and a client sending
one header byte every few seconds holds a connection indefinitely (slowloris).
``timeout_keep_alive`` only covers the silence *between* requests. So the
server is safe without a reverse proxy, this subclass:

- counts the bytes received while a request's head is incomplete and answers
  **431** and closes once they pass ``max_head_bytes`` (memory stays bounded
  by that plus one socket read);
- starts a timer when a head begins (a new connection, or the first byte of
  the next request on a kept-alive one) and answers **408** and closes if the
  head is not complete within ``head_timeout_s``.

Bodies are not limited here (tus PATCH bodies are long and slow by design);
the app bounds them (``max_chunk_bytes``, ``body_idle_timeout_s``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

REASONS = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    max_head_bytes = 32 * 1024
    head_timeout_s = 20.0

    # uvicorn's HttpToolsProtocol narrows BaseTransport to Transport the same way; this mirrors its signature
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_bytes = 0
        self._in_head = True
        self._head_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout_s, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _refuse(self, status: int) -> None:
        self._disarm()
        if self.transport.is_closing():
            return
        body = REASONS[status]
        self.transport.write(b"HTTP/1.1 %d %s\r\ncontent-type: text/plain\r\ncontent-length: %d\r\n"
                             b"connection: close\r\n\r\n%s" % (status, body, len(body), body))
        self.transport.close()
        self._in_head = False

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._in_head:
            self.logger.info("request head not complete within %.0f s: closed (408)", self.head_timeout_s)
            self._refuse(408)

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._arm()
            self._head_bytes += len(data)
            if self._head_bytes > self.max_head_bytes + len(data):  # already over before this read
                self._refuse(431)
                return
        super().data_received(data)
        if self._in_head and self._head_bytes > self.max_head_bytes:
            self.logger.info("request head over %d bytes: refused (431)", self.max_head_bytes)
            self._refuse(431)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._head_bytes = 0
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._in_head = True  # the next request's head; its timer starts with its first byte
        self._head_bytes = 0


def guarded_protocol(max_head_bytes: int, head_timeout_s: float) -> type[GuardedHttpToolsProtocol]:
    """A protocol class for ``uvicorn.run(http=...)`` with these limits."""
    attrs: dict[str, Any] = {"max_head_bytes": max_head_bytes, "head_timeout_s": head_timeout_s}
    return type("PardeskHttpProtocol", (GuardedHttpToolsProtocol,), attrs)
