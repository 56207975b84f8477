"""The official tus client (tuspy) uploads to our server: creation, PATCH with checksum, HEAD resume."""

from __future__ import annotations

import time

import pytest
from harness import (
    ServerThread,
    build_fast_package,
    client_for,
    make_fast_unit,
    make_service,
    register_fast,
    template_snapshot,
)
from helpers import TINY
from tusclient import client as tus_client
from tusclient.exceptions import TusCommunicationError


@pytest.fixture
def env(tmp_path):
    service = make_service(tmp_path)
    service.frameworks.publish(TINY.read_bytes())
    snap, fw = template_snapshot(tmp_path)
    unit = make_fast_unit("51001")
    register_fast(service, unit)
    pkg = build_fast_package(tmp_path / "p.zip", unit, snap, fw, evidence_bytes=300_000)
    with ServerThread(service) as srv:
        yield srv, service, unit, pkg
    service.close()


def finalise(srv, service, unit, url):
    with client_for(srv.url, unit, service) as c:
        for _ in range(100):
            status, result = c.finalise(url)
            if status == 200:
                return result
            time.sleep(0.05)
    raise AssertionError("no verdict")


def test_tuspy_uploads_with_checksum_and_resumes(env):
    srv, service, unit, pkg = env
    with client_for(srv.url, unit, service) as c:
        token = c.session_token()  # a signed request buys a short-lived token for plain tus clients
    tus = tus_client.TusClient(srv.url + "/v1/uploads", headers={"Authorization": f"Bearer {token}"})
    up = tus.uploader(file_path=str(pkg.path), chunk_size=64 * 1024, upload_checksum=True,
                      metadata={"filename": pkg.path.name})
    up.upload(stop_at=128 * 1024)  # a first session stops part-way
    assert up.offset == 128 * 1024
    url = up.url
    again = tus.uploader(file_path=str(pkg.path), url=url, chunk_size=64 * 1024, upload_checksum=True)
    assert again.offset == 128 * 1024  # learnt with HEAD
    again.upload()
    assert again.offset == pkg.size
    result = finalise(srv, service, unit, url)
    assert result["status"] == "accepted"
    assert result["receipt"]["receipt"]["package_sha256"] == pkg.sha256


def test_tuspy_without_token_is_refused(env):
    srv, _service, _unit, pkg = env
    tus = tus_client.TusClient(srv.url + "/v1/uploads")
    with pytest.raises(TusCommunicationError):
        tus.uploader(file_path=str(pkg.path), chunk_size=64 * 1024).upload()
