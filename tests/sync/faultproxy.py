"""A fault-injecting TCP proxy for tests: cut after N bytes, stall, answer 5xx or a captive-portal page."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Faults:
    cut_every: int = 0            # close the connection after this many client→server bytes (0: never)
    max_cuts: int = 0             # stop cutting after this many
    stall_after: int = 0          # stop forwarding after this many client→server bytes …
    stall_seconds: float = 0.0    # … for this long (once)
    answer_status: list[int] = field(default_factory=list)  # answer the next connections with these, unsigned
    portal: int = 0               # answer this many connections with a 200 HTML login page
    cuts: int = 0
    stalls: int = 0
    upstream_bytes: int = 0


class FaultProxy:
    def __init__(self, target_port: int, faults: Faults | None = None) -> None:
        self.target_port = target_port
        self.faults = faults or Faults()
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._since_cut = 0
        self._ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self.loop.run_forever()
        server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        f = self.faults
        if f.answer_status or f.portal:
            await reader.read(65536)
            if f.answer_status:
                status = f.answer_status.pop(0)
                body = b"<html>Service Unavailable</html>"
                writer.write(f"HTTP/1.1 {status} Oops\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n"
                             f"Connection: close\r\n\r\n".encode() + body)
            else:
                f.portal -= 1
                body = b"<html><body>Dang nhap Wi-Fi / Wi-Fi login</body></html>"
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nUpload-Offset: 999999999\r\n"
                             + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            await writer.drain()
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        done = asyncio.Event()

        async def client_to_server() -> None:
            try:
                while not done.is_set():
                    data = await reader.read(16384)
                    if not data:
                        break
                    if f.cut_every and f.cuts < f.max_cuts and self._since_cut + len(data) >= f.cut_every:
                        part = f.cut_every - self._since_cut
                        up_writer.write(data[:part])
                        f.upstream_bytes += part
                        await up_writer.drain()
                        self._since_cut = 0
                        f.cuts += 1
                        break
                    self._since_cut += len(data)
                    if f.stall_seconds and not f.stalls and f.upstream_bytes + len(data) >= f.stall_after:
                        f.stalls += 1
                        await asyncio.sleep(f.stall_seconds)
                        break
                    f.upstream_bytes += len(data)
                    up_writer.write(data)
                    await up_writer.drain()
            except (ConnectionError, OSError):
                pass
            done.set()

        async def server_to_client() -> None:
            try:
                while not done.is_set():
                    data = await up_reader.read(16384)
                    if not data:
                        break
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            done.set()

        tasks = [asyncio.ensure_future(client_to_server()), asyncio.ensure_future(server_to_client())]
        await done.wait()
        for t in tasks:
            t.cancel()
        for w in (writer, up_writer):
            with contextlib.suppress(Exception):  # already closed by the other side: nothing to abort
                w.transport.abort()


def wait_until(pred, timeout: float = 30.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return False
