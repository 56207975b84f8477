"""Sync benchmark: upload throughput vs plain curl, bytes re-sent across breaks, server memory.

    .venv/bin/python bench/bench_sync.py [--mb 500] [--chunk-mib 8] [--breaks 10]

1. Builds a signed package of about ``--mb`` MB (one incompressible evidence
   file, stored), registers a unit, publishes the framework.
2. Starts ``pardesk-server serve`` in a subprocess (SQLite, folder storage).
3. Uploads the package with the sync client (tus, signed requests, sha256 per
   chunk) and times it; then finalises (verification) and times that; samples
   the server's RSS from /proc every 20 ms during both.
4. ``curl -T`` PUTs the same file to a trivial server (reads the body, writes
   it to disk, fsyncs) in the same run: the ratio is ours / curl's time.
5. Uploads again through a fault-injecting proxy that cuts the connection
   ``--breaks`` times, resuming from the server's offset after each break, and
   counts the bytes sent beyond the package size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "sync"))

TRIVIAL_SERVER = r"""
import os, socket, sys
sock = socket.socket(); sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("127.0.0.1", 0)); sock.listen(8)
print(sock.getsockname()[1], flush=True)
dest = sys.argv[1]
while True:
    conn, _ = sock.accept()
    f = conn.makefile("rb")
    length, expect = 0, False
    while True:
        line = f.readline()
        if line in (b"\r\n", b""):
            break
        k, _, v = line.decode().partition(":")
        if k.lower() == "content-length":
            length = int(v)
        if k.lower() == "expect":
            expect = True
    if expect:
        conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
    with open(dest, "wb") as out:
        left = length
        while left:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                break
            out.write(chunk); left -= len(chunk)
        out.flush(); os.fsync(out.fileno())
    conn.sendall(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    conn.close()
"""


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Sampler:
    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.02)

    def __enter__(self) -> Sampler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def build(tmp: Path, mb: int):
    from harness import make_fast_unit, template_snapshot

    from parDesk.models.framework import parse_framework_bytes
    from parDesk.package.bag import PayloadEntry, build_package
    from parDesk.snapshot import snapshot_bytes

    unit = make_fast_unit("90001")
    snap, fw_bytes = template_snapshot(tmp)
    fw = parse_framework_bytes(fw_bytes)
    snap["unit"]["code"], snap["unit"]["name"] = unit.code, unit.name
    scan = tmp / "scan.pdf"
    with open(scan, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        for _ in range(mb):
            fh.write(os.urandom(1 << 20))
    payload = [PayloadEntry("assessment.json", snapshot_bytes(snap)), PayloadEntry("framework.json", fw_bytes),
               PayloadEntry("evidence/scan.pdf", scan)]
    bag_info = [("Source-Organization", unit.name), ("Unit-Code", unit.code), ("Unit-Province", "Tỉnh Mẫu"),
                ("Framework-Id", fw.id), ("Framework-SHA256", fw.hash), ("Assessment-Year", str(fw.year)),
                ("Submission-Id", "bench"), ("Submission-Version", "1"), ("Previous-Package-SHA256", "none")]
    pkg = build_package(tmp / "package.zip", payload, bag_info, unit.signer, bagging_date=dt.date(2026, 1, 5))
    scan.unlink()
    return unit, pkg, fw_bytes


def upload(client, path: Path, size: int, chunk: int, url: str | None = None) -> tuple[str, int, int]:
    """Upload, resuming from the server's offset after any failure; (url, bytes sent, failures)."""
    from parDesk.sync.client import ChunkReader, Transient

    sent = failures = 0
    with ChunkReader(path, chunk) as reader:
        while True:
            try:
                if url is None:
                    url = client.create_upload(size, {"filename": path.name})
                offset = client.head(url)[0]
                while offset < size:
                    data, digest = reader.get(offset)
                    sent += len(data)
                    status, new = client.patch(url, offset, data, digest)
                    offset = new if status == 204 else client.head(url)[0]
                return url, sent, failures
            except Transient:
                failures += 1
                if failures > 1000:
                    raise


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=500)
    ap.add_argument("--chunk-mib", type=int, default=8)
    ap.add_argument("--breaks", type=int, default=10)
    args = ap.parse_args()
    from faultproxy import FaultProxy, Faults
    from harness import client_for, register_fast

    from parDesk.sync.server.config import ServerConfig
    from parDesk.sync.server.service import ServerService

    tmp = Path(tempfile.mkdtemp(prefix="pardesk-bench-sync-"))
    procs: list[subprocess.Popen] = []
    try:
        t0 = time.perf_counter()
        unit, pkg, fw_bytes = build(tmp, args.mb)
        print(f"package: {pkg.size / 1e6:.0f} MB built in {time.perf_counter() - t0:.1f} s")
        data = tmp / "server"
        service = ServerService(ServerConfig(data_dir=data, province="Tỉnh Mẫu"))
        service.frameworks.publish(fw_bytes)
        register_fast(service, unit)
        service.close()
        port = _free_port()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        server = subprocess.Popen([sys.executable, "-m", "parDesk.sync.server.cli", "serve", "--data", str(data),
                                   "--port", str(port), "--log-level", "warning", "--max-package-mb", "4096"], env=env)
        procs.append(server)
        url = f"http://127.0.0.1:{port}"
        service = ServerService(ServerConfig(data_dir=data))  # only for its certificate and key paths
        _wait_http(url)
        base_rss = rss_mb(server.pid)
        chunk = args.chunk_mib << 20
        with client_for(url, unit, service, timeout=120) as c, Sampler(server.pid) as up_mem:
            t0 = time.perf_counter()
            up_url, _sent, _ = upload(c, pkg.path, pkg.size, chunk)
            t_ours = time.perf_counter() - t0
        with client_for(url, unit, service, timeout=600) as c, Sampler(server.pid) as ver_mem:
            t0 = time.perf_counter()
            while True:
                status, result = c.finalise(up_url)
                if status == 200:
                    break
                time.sleep(0.2)
            t_verify = time.perf_counter() - t0
        assert result["status"] == "accepted", result

        # plain curl PUT of the same file to a trivial server
        trivial = subprocess.Popen([sys.executable, "-c", TRIVIAL_SERVER, str(tmp / "curl-copy")],
                                   stdout=subprocess.PIPE, text=True)
        procs.append(trivial)
        tport = int(trivial.stdout.readline())  # type: ignore[union-attr]
        t_curl = None
        if shutil.which("curl"):
            t0 = time.perf_counter()
            subprocess.run(["curl", "-s", "-o", "/dev/null", "-T", str(pkg.path), f"http://127.0.0.1:{tport}/p"],
                           check=True)
            t_curl = time.perf_counter() - t0

        # forced breaks through the proxy (a new upload of the same package)
        faults = Faults(cut_every=pkg.size // (args.breaks + 1), max_cuts=args.breaks)
        with FaultProxy(port, faults) as proxy, client_for(proxy.url, unit, service, timeout=120) as c:
            t0 = time.perf_counter()
            _u, sent_b, failures = upload(c, pkg.path, pkg.size, chunk)
            t_breaks = time.perf_counter() - t0
        service.close()

        mb = pkg.size / 1e6
        print(f"upload (tus, signed, sha256 per {args.chunk_mib} MiB chunk): {t_ours:.2f} s = {mb / t_ours:.0f} MB/s")
        if t_curl:
            print(f"curl -T PUT to a trivial server (write + fsync):     {t_curl:.2f} s = {mb / t_curl:.0f} MB/s")
            print(f"ratio ours / curl: {t_ours / t_curl:.2f}x")
        print(f"verification (finalise: bag, signature, scores, receipt): {t_verify:.2f} s = {mb / t_verify:.0f} MB/s")
        print(f"{faults.cuts} forced breaks: {failures} failed requests, {sent_b - pkg.size:,} bytes re-sent "
              f"({(sent_b - pkg.size) / max(faults.cuts, 1) / 2**20:.2f} MiB per break; chunk {args.chunk_mib} MiB), "
              f"{t_breaks:.1f} s")
        print(f"server RSS: idle {base_rss:.0f} MB, peak while receiving {up_mem.peak:.0f} MB, "
              f"peak while verifying {ver_mem.peak:.0f} MB")
        return 0
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str) -> None:
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/hello").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


if __name__ == "__main__":
    sys.exit(main())
