"""Test harness: a real uvicorn server on 127.0.0.1 in a thread, units and packages made quickly."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.identity import SoftwareSigner, UnitSubject, build_csr, self_signed_certificate
from parDesk.package.bag import PayloadEntry, build_package
from parDesk.sync import protocol
from parDesk.sync.client import SyncClient
from parDesk.sync.server.app import create_app
from parDesk.sync.server.config import ServerConfig
from parDesk.sync.server.service import ServerService

PASSPHRASE = "mật khẩu thử nghiệm"


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class ServerThread:
    """uvicorn serving ``create_app(service)`` on a free loopback port, in a background thread."""

    def __init__(self, service: ServerService, **uvicorn_kw: Any) -> None:
        self.service = service
        self.sock = free_socket()
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(service), log_level="warning", timeout_keep_alive=30,
                                limit_concurrency=2000, backlog=2048, **uvicorn_kw)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()


def make_service(tmp: Path, **overrides: Any) -> ServerService:
    cfg = ServerConfig(data_dir=tmp / "server", province="Tỉnh Mẫu", **overrides)
    return ServerService(cfg)


@dataclass
class FastUnit:
    code: str
    name: str
    key: Any
    cert: x509.Certificate
    sync_key: Any

    @property
    def signer(self) -> SoftwareSigner:
        return SoftwareSigner(self.key, self.cert)


def make_fast_unit(code: str, name: str | None = None) -> FastUnit:
    name = name or f"Ủy ban nhân dân xã Thử {code}"
    key = ec.generate_private_key(ec.SECP256R1())
    cert = self_signed_certificate(key, UnitSubject(name, code, "Tỉnh Mẫu"))
    return FastUnit(code, name, key, cert, ec.generate_private_key(ec.SECP256R1()))


def registration_payload(unit: FastUnit, server_fp: str, with_csr: bool = False) -> dict[str, Any]:
    statement = protocol.binding_statement(unit.code, protocol.key_fingerprint(unit.sync_key), server_fp)
    csr = build_csr(unit.key, UnitSubject(unit.name, unit.code, "Tỉnh Mẫu")) if with_csr else None
    return {"unit_code": unit.code, "unit_name": unit.name, "province": "Tỉnh Mẫu",
            "certificate": unit.cert.public_bytes(serialization.Encoding.PEM).decode(),
            "csr": csr.public_bytes(serialization.Encoding.PEM).decode() if csr else "",
            "sync_key": protocol.public_pem(unit.sync_key),
            "binding": base64.b64encode(unit.signer.sign_detached_cms(statement)).decode()}


def register_fast(service: ServerService, unit: FastUnit, approve: bool = True) -> None:
    service.registry.register(registration_payload(unit, service.fingerprint), protocol.key_fingerprint(unit.sync_key))
    if approve:
        service.registry.approve(unit.code, by="test", issue=False)


def client_for(url: str, unit: FastUnit, service: ServerService, **kw: Any) -> SyncClient:
    return SyncClient(url, unit.code, unit.sync_key, service.cert, **kw)


def template_snapshot(tmp: Path) -> tuple[dict[str, Any], bytes]:
    """A real snapshot and framework from a workspace on the tiny framework (built once per test)."""
    from helpers import TINY

    from parDesk.snapshot import build_snapshot
    from parDesk.workspace import UnitInfo, Workspace

    ws = Workspace.create(tmp / "template-ws", UnitInfo(admin_code="10000", name="Ủy ban nhân dân xã Mẫu",
                                                        province="Tỉnh Mẫu"), TINY)
    try:
        snap = build_snapshot(ws, frozen_at="2026-01-05T08:00:00+07:00")
        return snap, ws.framework.canonical_bytes()
    finally:
        ws.close()


def build_fast_package(dest: Path, unit: FastUnit, snapshot: dict[str, Any], framework: bytes, *, version: int = 1,
                       evidence_bytes: int = 0, previous: str | None = None, signer: Any = None) -> Any:
    from parDesk.models.framework import parse_framework_bytes
    from parDesk.snapshot import snapshot_bytes

    fw = parse_framework_bytes(framework)
    snap = copy.deepcopy(snapshot)
    snap["unit"]["code"] = unit.code
    snap["unit"]["name"] = unit.name
    snap["assessment"]["version"] = version
    snap["assessment"]["previous_package_hash"] = previous
    extra: list[PayloadEntry] = []
    if evidence_bytes:
        import hashlib
        import os

        # the package layout and the verifier want data/evidence/<sha256>.<ext>, referenced by an item
        data = os.urandom(evidence_bytes)
        sha = hashlib.sha256(data).hexdigest()
        extra.append(PayloadEntry(f"evidence/{sha}.bin", data))
        leaf = next(i for i in snap["items"] if i["kind"] == "leaf" and i["self_scored"])
        leaf["evidence"].append({"sha256": sha, "file": f"data/evidence/{sha}.bin", "original_name": "scan.bin",
                                 "media_type": "application/octet-stream", "size": len(data), "number": None,
                                 "date": None, "issuer": None, "subject": None, "page_ref": None})
    payload = [PayloadEntry("assessment.json", snapshot_bytes(snap)), PayloadEntry("framework.json", framework),
               *extra]
    bag_info = [("Source-Organization", unit.name), ("Unit-Code", unit.code), ("Unit-Province", "Tỉnh Mẫu"),
                ("Framework-Id", fw.id), ("Framework-SHA256", fw.hash), ("Assessment-Year", str(fw.year)),
                ("Submission-Id", f"sub-{unit.code}"), ("Submission-Version", str(version)),
                ("Previous-Package-SHA256", previous or "none")]
    return build_package(dest, payload, bag_info, signer or unit.signer, bagging_date=dt.date(2026, 1, 5),
                         overwrite=True)


def make_unit_workspace(tmp_path: Path, code: str = "12345", evidence_bytes: int = 0) -> Any:
    """A real workspace on the tiny framework with a real (encrypted) identity; optional evidence file."""
    from helpers import TINY, make_pdf_bytes

    from parDesk.identity import IdentityStore
    from parDesk.workspace import UnitInfo, Workspace

    ws = Workspace.create(tmp_path / f"ws-{code}", UnitInfo(admin_code=code, name=f"Ủy ban nhân dân xã Tân Lập {code}",
                                                            province="Tỉnh Mẫu", officer_name="Lê Thị Cán Bộ"), TINY)
    IdentityStore(ws.folder / "identity").create(UnitSubject(ws.unit().name, code, "Tỉnh Mẫu"), PASSPHRASE)
    if evidence_bytes:
        import os

        doc = tmp_path / f"scan-{code}.pdf"
        doc.write_bytes(make_pdf_bytes("quyết định", 16) + os.urandom(evidence_bytes))
        ws.attach(next(iter(ws.framework.all_leaves())).code, doc, number="15/KH-UBND", issuer="UBND xã",
                  subject="Kế hoạch CCHC", issued_date="2026-01-10")
    return ws


def sign(ws: Any) -> Any:
    from parDesk.identity import IdentityStore
    from parDesk.package.submission import build_submission

    signer = IdentityStore(ws.folder / "identity").signer(PASSPHRASE)
    return build_submission(ws, signer, allow_problems=True)


def registered_workspace(tmp_path: Path, server: ServerThread, code: str = "12345", evidence_bytes: int = 0) -> Any:
    from parDesk.sync.registration import check_registration, register_unit

    ws = make_unit_workspace(tmp_path, code, evidence_bytes)
    register_unit(ws, server.url, PASSPHRASE)
    server.service.registry.approve(code, by="test")
    check_registration(ws)
    return ws
