"""Broken connections, stalls, 5xx and captive portals between the app and the server."""

from __future__ import annotations

import pytest
from faultproxy import FaultProxy, Faults
from harness import ServerThread, make_service, registered_workspace, sign
from helpers import TINY
from sqlmodel import func, select

from parDesk.sync import outbox
from parDesk.sync.client import Transient
from parDesk.sync.registration import make_client
from parDesk.sync.server.models import Submission
from parDesk.sync.worker import SyncWorker

CHUNK = 64 * 1024


@pytest.fixture
def server(tmp_path):
    service = make_service(tmp_path, body_idle_timeout_s=1.0)
    service.frameworks.publish(TINY.read_bytes())
    with ServerThread(service) as srv:
        yield srv
    service.close()


def run_until_done(ws, url, *, timeout=10.0, max_runs=200):
    outbox.set_state(ws, server_url=url)
    sent, errors = 0, []
    for _ in range(max_runs):
        worker = SyncWorker(ws, chunk_size=CHUNK, client_factory=lambda: make_client(ws, timeout=timeout),
                            verify_poll_s=0.1)
        try:
            worker.run_once()
            sent += worker.report.bytes_sent
            return sent, errors
        except Transient as exc:
            sent += worker.report.bytes_sent
            errors.append(exc.key)
    raise AssertionError(f"never finished: {errors[-5:]}")


def submissions(service):
    with service.session() as s:
        return s.exec(select(func.count()).select_from(Submission)).one()


def test_cut_connections_resume_without_resending_more_than_a_chunk_per_break(tmp_path, server):
    ws = registered_workspace(tmp_path, server, evidence_bytes=1_200_000)
    pkg = sign(ws)
    faults = Faults(cut_every=100_000, max_cuts=10)
    with FaultProxy(server.port, faults) as proxy:
        sent, errors = run_until_done(ws, proxy.url)
    assert faults.cuts == 10
    item = outbox.items(ws)[0]
    assert item.state == "accepted" and item.receipt["receipt"]["package_sha256"] == pkg.sha256
    resent = sent - pkg.size
    assert 0 <= resent <= faults.cuts * CHUNK, (resent, faults.cuts)
    assert submissions(server.service) == 1
    assert not list((server.service.config.data_dir / "storage" / "incoming").glob("*.part"))
    assert all(e in ("sync.offline", "sync.server_busy", "sync.unexpected") for e in errors), errors
    ws.close()


def test_stall_then_resume(tmp_path, server):
    ws = registered_workspace(tmp_path, server, evidence_bytes=400_000)
    pkg = sign(ws)
    faults = Faults(stall_after=250_000, stall_seconds=3.0)
    with FaultProxy(server.port, faults) as proxy:
        sent, errors = run_until_done(ws, proxy.url, timeout=1.0)
    assert faults.stalls == 1 and "sync.offline" in errors
    assert outbox.items(ws)[0].state == "accepted"
    assert sent - pkg.size <= 2 * CHUNK
    assert submissions(server.service) == 1
    ws.close()


def test_5xx_and_captive_portal_are_not_the_server(tmp_path, server):
    ws = registered_workspace(tmp_path, server, evidence_bytes=100_000)
    sign(ws)
    faults = Faults(answer_status=[500, 503], portal=2)
    with FaultProxy(server.port, faults) as proxy:
        _sent, errors = run_until_done(ws, proxy.url)
    assert errors == ["sync.server_busy", "sync.server_busy", "sync.not_server", "sync.not_server"]
    item = outbox.items(ws)[0]
    assert item.state == "accepted"
    assert submissions(server.service) == 1
    ws.close()


def test_portal_answer_mid_upload_never_moves_the_offset(tmp_path, server):
    """A login page claiming 'Upload-Offset: 999999999' with 200 must not be believed."""
    ws = registered_workspace(tmp_path, server, evidence_bytes=300_000)
    pkg = sign(ws)
    faults = Faults(cut_every=120_000, max_cuts=1)
    with FaultProxy(server.port, faults) as proxy:
        outbox.set_state(ws, server_url=proxy.url)
        worker = SyncWorker(ws, chunk_size=CHUNK, client_factory=lambda: make_client(ws, timeout=5))
        with pytest.raises(Transient):
            worker.run_once()
        before = outbox.items(ws)[0].offset
        faults.portal = 3
        for _ in range(3):
            with pytest.raises(Transient) as info:
                SyncWorker(ws, chunk_size=CHUNK, client_factory=lambda: make_client(ws, timeout=5)).run_once()
            assert info.value.key == "sync.not_server"
        assert outbox.items(ws)[0].offset == before < pkg.size
        run_until_done(ws, proxy.url)
    assert outbox.items(ws)[0].state == "accepted"
    ws.close()
