"""Registering the unit with the province server, from the app's side.

1. ``hello``: fetch the server certificate, check its key fingerprint against
   the one the province published (if the officer typed it), pin it;
2. make (once) the unit's *sync key*: ECDSA P-256 in ``<workspace>/sync/``,
   unencrypted (0600) because the background worker signs every request
   without asking for a passphrase; it can do nothing but talk to the server
   — packages are signed by the unit's signing key, which stays encrypted;
3. sign a binding statement (unit code, sync key, server) with the unit's
   signing key: the passphrase is needed this once;
4. send certificate, CSR (if any), sync key and binding; the province approves
   with ``pardesk-server units approve``; :func:`check_registration` then
   installs the certificate the province issued from the CSR, if it did.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from parDesk.fsutil import atomic_write_bytes
from parDesk.i18n import ParDeskError, register
from parDesk.sync import outbox, protocol
from parDesk.sync.client import SyncClient, Transient
from parDesk.workspace import Workspace

register({
    "sync.not_registered": ("Đơn vị chưa đăng ký với máy chủ của tỉnh: hãy đăng ký với máy chủ của tỉnh trước khi gửi.",
                            "The unit is not registered with the province's server: register with it before sending."),
    "sync.no_identity": ("chưa có khóa ký số của đơn vị; hãy tạo hoặc nhập khóa trước khi đăng ký",
                         "the unit has no signing key yet; create or import one before registering"),
})

SYNC_DIR = "sync"
SYNC_KEY = "sync-key.pem"


def sync_key_path(ws: Workspace) -> Path:
    return ws.folder / SYNC_DIR / SYNC_KEY


def load_or_create_sync_key(ws: Workspace) -> ec.EllipticCurvePrivateKey:
    path = sync_key_path(ws)
    if path.is_file():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):  # we only ever write P-256: never overwrite a stranger
            raise ValueError(f"{path}: the sync key is not an elliptic-curve key")
        return key
    key = ec.generate_private_key(ec.SECP256R1())
    atomic_write_bytes(path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()), private=True)
    return key


def pinned_server_cert(ws: Workspace) -> x509.Certificate | None:
    pem = outbox.get_state(ws, "server_cert")
    return x509.load_pem_x509_certificate(pem.encode("ascii")) if pem else None


def make_client(ws: Workspace, **kw: Any) -> SyncClient:
    url = outbox.get_state(ws, "server_url")
    cert = pinned_server_cert(ws)
    if not url or cert is None or not sync_key_path(ws).is_file():
        raise ParDeskError("sync.not_registered")
    offset = float(outbox.get_state(ws, "clock_offset", "0") or 0)
    return SyncClient(url, ws.unit().admin_code, load_or_create_sync_key(ws), cert, clock_offset=offset, **kw)


def register_unit(ws: Workspace, server_url: str, passphrase: str, *, expected_fingerprint: str | None = None,
                  contact: str = "", **client_kw: Any) -> dict[str, Any]:
    store = ws.identity
    cert = store.certificate()
    if cert is None or not store.has_key():
        raise ParDeskError("sync.no_identity")
    key = load_or_create_sync_key(ws)
    probe = SyncClient(server_url, ws.unit().admin_code, key, None, **client_kw)
    try:
        hello = probe.hello()
        server_cert = x509.load_pem_x509_certificate(hello["server_cert"].encode("ascii"))
        fp = protocol.key_fingerprint(server_cert)
        if expected_fingerprint and expected_fingerprint.replace(":", "").lower() != fp:
            raise ParDeskError("sync.fingerprint", got=fp, expected=expected_fingerprint)
        outbox.set_state(ws, server_url=server_url.rstrip("/"),
                         server_cert=server_cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                         server_fingerprint=fp)
        offset = float(hello.get("time", 0)) - time.time() if hello.get("time") else 0.0
        if abs(offset) > 60:
            outbox.set_state(ws, clock_offset=offset)
    finally:
        probe.close()
    signer = store.signer(passphrase)
    statement = protocol.binding_statement(ws.unit().admin_code, protocol.key_fingerprint(key), fp)
    binding = base64.b64encode(signer.sign_detached_cms(statement)).decode("ascii")
    unit = ws.unit()
    csr = store.csr_pem()
    payload = {"unit_code": unit.admin_code, "unit_name": unit.name, "province": unit.province, "contact": contact,
               "certificate": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
               "csr": csr.decode("ascii") if csr else "", "sync_key": protocol.public_pem(key), "binding": binding}
    client = make_client(ws, **client_kw)
    try:
        result = client.register(payload)
    finally:
        client.close()
    outbox.set_state(ws, registration_status=result.get("status", ""),
                     registration_id=result.get("registration_id", ""))
    return result


def check_registration(ws: Workspace, **client_kw: Any) -> dict[str, Any] | None:
    """Ask the server how the registration stands; install an issued certificate."""
    client = make_client(ws, **client_kw)
    try:
        reg = client.registration()
    finally:
        client.close()
    if reg is None:
        return None
    outbox.set_state(ws, registration_status=reg.get("status", ""))
    if reg.get("status") == "approved" and reg.get("issued_certificate"):
        install_issued_certificate(ws, reg["issued_certificate"])
    return reg


def install_issued_certificate(ws: Workspace, pem: str) -> bool:
    store = ws.identity
    current = store.certificate()
    try:
        from parDesk.identity import load_certificates

        issued = load_certificates(pem.encode("ascii"))
    except ParDeskError:
        return False
    if current is not None and any(c == current for c in issued):
        return False
    if current is not None and not any(protocol.key_fingerprint(c) == protocol.key_fingerprint(current)
                                       for c in issued):
        return False
    store.install_certificate(pem.encode("ascii"))
    return True


def is_offline_error(exc: BaseException) -> bool:
    return isinstance(exc, Transient)


__all__ = ["check_registration", "install_issued_certificate", "load_or_create_sync_key", "make_client",
           "pinned_server_cert", "register_unit", "sync_key_path"]
