"""The worker: cancel and resume, backoff with jitter, permanent errors stop, expired uploads start over."""

from __future__ import annotations

import threading
import time

import pytest
from harness import ServerThread, make_service, registered_workspace, sign
from helpers import TINY

from parDesk.sync import outbox
from parDesk.sync.client import Permanent, Transient
from parDesk.sync.registration import make_client
from parDesk.sync.worker import Cancelled, SyncWorker, backoff_delay

CHUNK = 64 * 1024


@pytest.fixture
def server(tmp_path):
    service = make_service(tmp_path, upload_expiry_s=2)
    service.frameworks.publish(TINY.read_bytes())
    with ServerThread(service) as srv:
        yield srv
    service.close()


def test_cancel_mid_upload_then_resume_from_server_offset(tmp_path, server):
    ws = registered_workspace(tmp_path, server, evidence_bytes=600_000)
    pkg = sign(ws)
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p)
        if p.state == "uploading" and p.done >= 3 * CHUNK:
            cancel.set()

    worker = SyncWorker(ws, progress=progress, cancel=cancel, chunk_size=CHUNK)
    with pytest.raises(Cancelled):
        worker.run_once()
    item = outbox.items(ws)[0]
    assert item.state == "uploading" and item.offset == 3 * CHUNK and 0 < item.percent < 100
    resumed = SyncWorker(ws, chunk_size=CHUNK)
    resumed.run_once()
    assert outbox.items(ws)[0].state == "accepted"
    assert resumed.report.bytes_sent == pkg.size - 3 * CHUNK  # nothing sent twice
    ws.close()


def test_expired_upload_is_recreated(tmp_path, server):
    ws = registered_workspace(tmp_path, server, evidence_bytes=200_000)
    sign(ws)
    cancel = threading.Event()
    worker = SyncWorker(ws, cancel=cancel, chunk_size=CHUNK,
                        progress=lambda p: cancel.set() if p.state == "uploading" and p.done else None)
    with pytest.raises(Cancelled):
        worker.run_once()
    old_url = outbox.items(ws)[0].upload_url
    time.sleep(3.1)
    assert server.service.gc() == 1  # tus expiration: the abandoned upload and its file are gone
    assert not list((server.service.config.data_dir / "storage" / "incoming").glob("*.part"))
    SyncWorker(ws, chunk_size=CHUNK).run_once()
    item = outbox.items(ws)[0]
    assert item.state == "accepted" and item.upload_url != old_url
    ws.close()


def test_watch_backs_off_while_offline_and_is_cancellable(tmp_path, server):
    ws = registered_workspace(tmp_path, server)
    sign(ws)
    outbox.set_state(ws, server_url="http://127.0.0.1:9")  # nothing listens there
    cancel = threading.Event()
    errors = []

    def on_error(exc):
        errors.append((time.monotonic(), exc.key))
        if len(errors) == 4:
            cancel.set()

    worker = SyncWorker(ws, cancel=cancel, client_factory=lambda: make_client(ws, timeout=1))
    t0 = time.monotonic()
    worker.watch(base_s=0.05, cap_s=0.4, on_error=on_error)
    assert [k for _, k in errors] == ["sync.offline"] * 4
    assert time.monotonic() - t0 < 5
    assert outbox.items(ws)[0].state == "waiting"  # nothing lost, nothing stopped
    ws.close()


def test_permanent_error_stops_watch_with_a_clear_message(tmp_path, server):
    ws = registered_workspace(tmp_path, server)
    sign(ws)
    server.service.registry.revoke(ws.unit().admin_code)
    worker = SyncWorker(ws)
    with pytest.raises(Permanent) as info:
        worker.watch(base_s=0.01, cap_s=0.01)
    assert "thu hồi" in info.value.message("vi") and "revoked" in info.value.message("en")
    item = outbox.items(ws)[0]
    assert item.state == "stopped" and "thu hồi" in item.last_error
    ws.close()


def test_backoff_delay_grows_with_jitter_and_honours_retry_after():
    delays = [backoff_delay(n, 2, 900) for n in range(1, 12)]
    for n, d in enumerate(delays, start=1):
        ceiling = min(900, 2 * 2 ** (n - 1))
        assert ceiling / 2 <= d <= ceiling
    assert len({round(backoff_delay(5, 2, 900), 6) for _ in range(20)}) > 1  # jittered
    assert backoff_delay(1, 2, 900, retry_after=60) == 60
    assert isinstance(Transient("sync.offline", detail="x"), Exception)
