"""S3Storage against a real S3-compatible HTTP server (moto's ThreadedMotoServer) on 127.0.0.1.

Unit tests of the storage (commit, idempotent re-commit, multipart, streaming,
local copies, scratch files) and one upload end to end: tus through the real
server app into the bucket, the stored object named by its SHA-256, the same
receipt when the package is sent again (by tus or on a USB stick).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid

import pytest

moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed (pip install 'pardesk[test]')")
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed (pip install 'pardesk[s3]')")

from harness import (  # noqa: E402 - after the importorskip lines: no boto3, no module
    ServerThread,
    build_fast_package,
    client_for,
    make_fast_unit,
    register_fast,
    template_snapshot,
)
from helpers import TINY  # noqa: E402
from sqlmodel import select  # noqa: E402

from parDesk.i18n import ParDeskError  # noqa: E402
from parDesk.sync.receipts import verify_receipt  # noqa: E402
from parDesk.sync.server.config import ServerConfig  # noqa: E402
from parDesk.sync.server.models import Submission  # noqa: E402
from parDesk.sync.server.service import ServerService  # noqa: E402
from parDesk.sync.server.storage import FolderStorage, S3Storage, make_storage  # noqa: E402

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def s3_endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch, tmp_path):
    """Credentials through the standard AWS variables (as a province would set them), nothing from ~/.aws."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def bucket(s3_endpoint, aws_env):
    """A fresh bucket on the moto server; a boto3 client to look into it independently of S3Storage."""
    name = f"pardesk-{uuid.uuid4().hex[:12]}"
    raw = boto3.session.Session().client("s3", endpoint_url=s3_endpoint)
    raw.create_bucket(Bucket=name)
    return name, raw


def make_s3(tmp_path, s3_endpoint, name, prefix="tinh-mau", **kw):
    return S3Storage(name, tmp_path / "scratch", prefix, endpoint_url=s3_endpoint, **kw)


def put_partial(storage, data: bytes) -> str:
    upload_id = uuid.uuid4().hex
    storage.create_partial(upload_id)
    with open(storage.partial_path(upload_id), "r+b") as fh:  # tus appends at offsets, on local scratch
        for off in range(0, len(data), 4096):
            fh.seek(off)
            fh.write(data[off:off + 4096])
    return upload_id


def count_calls(storage, operation: str) -> list:
    calls: list = []
    storage.client.meta.events.register(f"before-call.s3.{operation}", lambda **kw: calls.append(1))
    return calls


def test_commit_sends_to_bucket_under_sha_and_deletes_scratch(tmp_path, s3_endpoint, bucket):
    name, raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name)
    data = os.urandom(70_000)
    sha = hashlib.sha256(data).hexdigest()
    upload_id = put_partial(st, data)
    assert st.partial_ids() == [upload_id]

    key = st.commit(upload_id, sha)
    assert key == f"packages/{sha}.zip"  # the database key does not depend on the bucket or prefix
    obj = raw.get_object(Bucket=name, Key=f"tinh-mau/packages/{sha}.zip")
    assert obj["Body"].read() == data
    assert obj["ContentType"] == "application/zip" and obj["Metadata"]["sha256"] == sha
    assert not st.partial_path(upload_id).exists() and st.partial_ids() == []
    assert st.has_package(key)
    assert not st.has_package(f"packages/{'0' * 64}.zip")
    with pytest.raises(ValueError):
        st.has_package("packages/../../etc/passwd.zip")


def test_recommit_same_content_is_idempotent(tmp_path, s3_endpoint, bucket):
    name, raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name)
    data = os.urandom(50_000)
    sha = hashlib.sha256(data).hexdigest()
    key = st.commit(put_partial(st, data), sha)
    puts = count_calls(st, "PutObject")
    again = put_partial(st, data)
    assert st.commit(again, sha) == key  # the key is the content hash: nothing sent again
    assert puts == []
    assert not st.partial_path(again).exists()  # the scratch file goes all the same
    usb = tmp_path / "usb.zip"
    usb.write_bytes(data)
    assert st.import_file(usb, sha) == key and puts == [] and usb.exists()  # USB import: the file is not ours to delete
    listed = raw.list_objects_v2(Bucket=name)["Contents"]
    assert [o["Key"] for o in listed] == [f"tinh-mau/packages/{sha}.zip"]


def test_large_package_goes_multipart_and_streams_back(tmp_path, s3_endpoint, bucket):
    name, raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name, multipart_threshold=5 * MiB, part_size=5 * MiB, max_concurrency=2)
    data = os.urandom(11 * MiB)
    sha = hashlib.sha256(data).hexdigest()
    parts = count_calls(st, "UploadPart")
    key = st.commit(put_partial(st, data), sha)
    assert len(parts) == 3  # 5 + 5 + 1 MiB parts, never the whole file at once
    assert raw.head_object(Bucket=name, Key=f"tinh-mau/packages/{sha}.zip")["ETag"].strip('"').endswith("-3")

    h = hashlib.sha256()
    with st.open_package(key) as fh:  # streamed from the bucket in pieces
        first = fh.read(1000)
        assert first == data[:1000]
        h.update(first)
        while chunk := fh.read(256 * 1024):
            h.update(chunk)
    assert h.hexdigest() == sha


def test_open_missing_package_is_file_not_found(tmp_path, s3_endpoint, bucket):
    name, _raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name)
    with pytest.raises(FileNotFoundError):
        st.open_package(f"packages/{'a' * 64}.zip")


def test_local_copy_downloads_to_scratch_and_cleans_up(tmp_path, s3_endpoint, bucket):
    name, _raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name, prefix="")
    data = os.urandom(30_000)
    sha = hashlib.sha256(data).hexdigest()
    key = st.commit(put_partial(st, data), sha)
    with st.local_copy(key) as path:
        assert path.parent == tmp_path / "scratch" / "cache"
        assert path.read_bytes() == data
    assert not path.exists() and list((tmp_path / "scratch" / "cache").iterdir()) == []
    with pytest.raises(FileNotFoundError), st.local_copy(f"packages/{'b' * 64}.zip"):
        pass
    assert list((tmp_path / "scratch" / "cache").iterdir()) == []


def test_partials_stay_on_scratch_and_delete(tmp_path, s3_endpoint, bucket):
    name, raw = bucket
    st = make_s3(tmp_path, s3_endpoint, name)
    a, b = put_partial(st, b"x" * 10), put_partial(st, b"y" * 10)
    assert sorted(st.partial_ids()) == sorted([a, b])
    assert st.partial_path(a) == tmp_path / "scratch" / "incoming" / f"{a}.part"
    st.delete_partial(a)
    st.delete_partial(a)  # twice is harmless
    assert st.partial_ids() == [b]
    with pytest.raises(ValueError):
        st.partial_path("../x")
    assert raw.list_objects_v2(Bucket=name).get("KeyCount") == 0  # nothing in progress touches the bucket


def test_failed_send_keeps_scratch_file(tmp_path, s3_endpoint, aws_env):
    st = make_s3(tmp_path, s3_endpoint, f"missing-{uuid.uuid4().hex[:8]}")
    data = b"package bytes"
    upload_id = put_partial(st, data)
    with pytest.raises(boto3.exceptions.S3UploadFailedError):  # the bucket is missing
        st.commit(upload_id, hashlib.sha256(data).hexdigest())
    assert st.partial_path(upload_id).read_bytes() == data  # nothing lost: finalise can try again
    with pytest.raises(ParDeskError) as info:
        st.check()
    assert info.value.key == "srv.storage_unreachable"


def test_make_storage_from_url(tmp_path, s3_endpoint, aws_env):
    assert isinstance(make_storage("", tmp_path / "a"), FolderStorage)
    st = make_storage("s3://bucket-name/tinh/lao-cai/", tmp_path / "b", endpoint_url=s3_endpoint)
    assert isinstance(st, S3Storage) and st.bucket == "bucket-name" and st.prefix == "tinh/lao-cai"
    assert st.object_name(f"packages/{'c' * 64}.zip") == f"tinh/lao-cai/packages/{'c' * 64}.zip"
    for bad in ("s3://", "http://bucket/x", "/srv/packages", "s3://bucket/x?y=1"):
        with pytest.raises(ParDeskError) as info:
            make_storage(bad, tmp_path / "c")
        assert info.value.key == "srv.storage_bad_url"


def upload(client, data: bytes, chunk: int = 64 * 1024) -> dict:
    url = client.create_upload(len(data), {"filename": "p.zip"})
    offset = 0
    while offset < len(data):
        status, new = client.patch(url, offset, data[offset:offset + chunk])
        assert status == 204, status
        offset = new
    for _ in range(200):
        status, result = client.finalise(url)
        if status == 200:
            return result
        time.sleep(0.05)
    raise AssertionError("no verdict")


def test_end_to_end_tus_upload_into_bucket(tmp_path, s3_endpoint, bucket):
    from parDesk.package.checks import verify_submission
    from parDesk.sync.server.cli import main as server_cli

    name, raw = bucket
    data_dir = tmp_path / "server"
    cfg = ServerConfig(data_dir=data_dir, province="Tỉnh Mẫu")
    storage = make_storage(f"s3://{name}/tinh-mau", data_dir / "storage", endpoint_url=s3_endpoint)
    service = ServerService(cfg, storage=storage)
    try:
        service.frameworks.publish(TINY.read_bytes())
        snap, fw = template_snapshot(tmp_path)
        unit = make_fast_unit("52001")
        register_fast(service, unit)
        pkg = build_fast_package(tmp_path / "52001-v1.zip", unit, snap, fw, evidence_bytes=150_000)
        payload = pkg.path.read_bytes()
        with ServerThread(service) as srv, client_for(srv.url, unit, service) as c:
            first = upload(c, payload)
            assert first["status"] == "accepted", first
            fields = verify_receipt(first["receipt"], service.cert)
            assert fields["package_sha256"] == pkg.sha256 and fields["unit"] == "52001"

            obj = raw.get_object(Bucket=name, Key=f"tinh-mau/packages/{pkg.sha256}.zip")
            assert obj["Body"].read() == payload  # in the bucket, under its SHA-256
            assert list((data_dir / "storage" / "incoming").glob("*.part")) == []  # scratch cleaned
            assert not (data_dir / "storage" / "packages").exists()  # nothing accepted kept on local disk

            again = upload(c, payload)  # re-sending: the same receipt, nothing stored twice
            assert again["status"] == "accepted"
            assert again["receipt"]["receipt"]["receipt_id"] == first["receipt"]["receipt"]["receipt_id"]
            assert c.receipt_for(pkg.sha256)["receipt"]["receipt_id"] == first["receipt"]["receipt"]["receipt_id"]
        with service.session() as s:
            subs = list(s.exec(select(Submission)))
        assert [s.storage_key for s in subs] == [f"packages/{pkg.sha256}.zip"]
        assert service.storage.has_package(subs[0].storage_key)
        with service.storage.local_copy(subs[0].storage_key) as copy:  # re-verification from the bucket
            report = verify_submission(copy)
            assert report.package_sha256 == pkg.sha256 and not report.problems
        assert raw.list_objects_v2(Bucket=name)["KeyCount"] == 1
    finally:
        service.close()

    # the CLI selects the same storage: a USB copy of the package gets the original receipt
    receipt_file = tmp_path / "bien-nhan.json"
    rc = server_cli(["usb", "import", str(pkg.path), "--receipt", str(receipt_file), "--data", str(data_dir),
                     "--storage", f"s3://{name}/tinh-mau", "--s3-endpoint", s3_endpoint, "--json"])
    assert rc == 0
    assert json.loads(receipt_file.read_text("utf-8"))["receipt"]["receipt_id"] == \
        first["receipt"]["receipt"]["receipt_id"]
    # … and a new version carried on a USB stick is accepted into the bucket
    pkg2 = build_fast_package(tmp_path / "52001-v2.zip", unit, snap, fw, version=2, previous=pkg.sha256)
    rc = server_cli(["usb", "import", str(pkg2.path), "--receipt", str(tmp_path / "v2.json"), "--data", str(data_dir),
                     "--storage", f"s3://{name}/tinh-mau", "--s3-endpoint", s3_endpoint, "--json"])
    assert rc == 0
    assert raw.get_object(Bucket=name, Key=f"tinh-mau/packages/{pkg2.sha256}.zip")["Body"].read() == \
        pkg2.path.read_bytes()
    assert pkg2.path.exists()  # the officer's file is left alone


def test_serve_refuses_to_start_without_the_bucket(tmp_path, s3_endpoint, aws_env, capsys):
    from parDesk.sync.server.cli import main as server_cli

    rc = server_cli(["serve", "--data", str(tmp_path / "server"), "--storage", f"s3://missing-{uuid.uuid4().hex[:8]}/x",
                     "--s3-endpoint", s3_endpoint, "--lang", "en"])
    assert rc == 2
    assert "Cannot reach the S3 bucket" in capsys.readouterr().err
