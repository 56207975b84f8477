"""A real ``pardesk-server serve`` process on 127.0.0.1 for the adversarial server tests.

The server runs as its own process (the way a province runs it), its log goes
to a file the tests read (no traceback may ever appear in it), and its memory
is read from ``/proc/<pid>/status``. Units are registered and approved in the
data folder before the process starts (the same SQLite database).
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "sync"))

from harness import build_fast_package, make_fast_unit, make_service, register_fast, template_snapshot  # noqa: E402
from helpers import TINY  # noqa: E402

from parDesk.sync import protocol  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Setup:
    data: Path
    units: list[Any]
    cert: Any
    snapshot: dict[str, Any]
    framework: bytes


def prepare(tmp: Path, n_units: int = 3, first_code: int = 60000, **config: Any) -> Setup:
    """A server data folder with a published framework and ``n_units`` approved units."""
    service = make_service(tmp, **config)
    service.frameworks.publish(TINY.read_bytes())
    units = [make_fast_unit(str(first_code + i)) for i in range(n_units)]
    for u in units:
        register_fast(service, u)
    cert = service.cert
    service.close()
    snap, fw = template_snapshot(tmp)
    return Setup(tmp / "server", units, cert, snap, fw)


class ServerProcess:
    def __init__(self, data: Path, *args: str, serve_args: list[str] | None = None, port: int | None = None) -> None:
        """``serve_args``: the whole argument list after ``pardesk-server`` (e.g. from the systemd unit)."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = data.parent / f"server-{self.port}.log"
        if serve_args is None:
            serve_args = ["serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(self.port),
                          "--log-level", "info", *args]
        self.cmd = [sys.executable, "-m", "parDesk.sync.server.cli", *serve_args]
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServerProcess:
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(self.cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.log())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start: " + self.log())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def rss_mb(self) -> float:
        """Resident memory now (VmRSS), MB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def assert_clean_log(self) -> None:
        text = self.log()
        assert "Traceback" not in text, text[-4000:]
        assert "internal error" not in text, text[-4000:]
        assert " 500 " not in text, text[-4000:]


class RssSampler:
    """The peak of a process's VmRSS while the ``with`` block runs (sampled every 20 ms)."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.peak = 0.0
        self._stop = threading.Event()

    def __enter__(self) -> RssSampler:
        self.peak = self.server.rss_mb()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            try:
                self.peak = max(self.peak, self.server.rss_mb())
            except (OSError, RuntimeError):
                return

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def signed(client: httpx.Client, unit: Any, method: str, path: str, *, body: bytes = b"",
           headers: Mapping[str, str] | None = None, query: str = "") -> httpx.Response:
    """One request signed by ``unit``'s sync key, with any headers the caller wants (hostile ones too)."""
    # what the server sees: header bytes decoded as latin-1 ('²' is one latin-1 byte; '١٢' arrives as UTF-8)
    hdrs = {k: _wire(v) for k, v in (headers or {}).items()}
    nonce = protocol.new_nonce()
    ts = str(int(time.time()))
    body_sha = hashlib.sha256(body).hexdigest()
    hdrs[protocol.H_NONCE] = nonce
    key_fp = protocol.key_fingerprint(unit.sync_key)
    text = protocol.request_string(method, path, query, unit.code, key_fp, ts, nonce, body_sha, hdrs)
    hdrs.update({protocol.H_UNIT: unit.code, protocol.H_KEY: key_fp, protocol.H_TIME: ts, protocol.H_BODY: body_sha,
                 protocol.H_SIG: protocol.sign(unit.sync_key, text)})
    url = path + ("?" + query if query else "")
    raw = {k: v.encode("latin-1") for k, v in hdrs.items()}
    return client.request(method, url, content=body if body or method in ("POST", "PATCH") else None, headers=raw)


def _wire(value: str) -> str:
    try:
        value.encode("latin-1")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8").decode("latin-1")


def tus_create(client: httpx.Client, unit: Any, length: int | str) -> httpx.Response:
    return signed(client, unit, "POST", "/v1/uploads", headers={"Tus-Resumable": protocol.TUS_VERSION,
                                                                   "Upload-Length": str(length)})


def send_package(client: httpx.Client, unit: Any, data: bytes, chunk: int = 256 * 1024) -> httpx.Response:
    """Create, PATCH every chunk, finalise until a verdict; the final answer."""
    created = tus_create(client, unit, len(data))
    assert created.status_code == 201, created.text
    url = created.headers["location"]
    offset = 0
    while offset < len(data):
        part = data[offset:offset + chunk]
        r = signed(client, unit, "PATCH", url, body=part, headers={
            "Tus-Resumable": protocol.TUS_VERSION, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream"})
        assert r.status_code == 204, r.text
        offset += len(part)
    deadline = time.monotonic() + 120
    while True:
        r = signed(client, unit, "POST", url + "/finalise", body=b"{}")
        if r.status_code != 202 or time.monotonic() > deadline:
            return r
        time.sleep(0.2)


__all__ = ["RssSampler", "ServerProcess", "Setup", "build_fast_package", "prepare", "send_package", "signed",
           "tus_create"]
