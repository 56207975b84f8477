"""The wire protocol shared by the sync client and the provincial server.

Everything both ends must agree on byte for byte lives here: header names,
the strings that are signed, how keys are fingerprinted, and the error body.
``docs/sync.md`` describes the protocol for people; this module is its
executable form.

Authentication (see docs/sync.md, "Authentication"): every unit request is
signed with the unit's *sync key* (ECDSA P-256), whose public key the province
pinned when it approved the unit's registration. The signed string covers the
method, path, query, unit, key, a timestamp, a one-time nonce, the SHA-256 of
the body and the tus headers, so a request can be neither altered nor
replayed. Every answer to a request that carried a nonce is signed by the
server's key over that nonce, the status, the body's SHA-256 and the tus
headers, and the client checks it against the server certificate it pinned
at registration: a captive portal, a proxy error page or a forged "offset"
can never be taken for the server.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from parDesk.pubkey import public_key_der

PROTOCOL = "pardesk-sync/1"
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,expiration,checksum,termination"
TUS_CHECKSUMS = "sha256,sha1"

H_PROTOCOL = "Pardesk-Protocol"
H_UNIT = "Pardesk-Unit"
H_KEY = "Pardesk-Key"
H_TIME = "Pardesk-Time"
H_NONCE = "Pardesk-Nonce"
H_BODY = "Pardesk-Content-Sha256"
H_SIG = "Pardesk-Signature"
H_RESP_SIG = "Pardesk-Response-Signature"

# tus headers that change what a request or an answer means: all are signed.
SIGNED_REQUEST_HEADERS = ("upload-offset", "upload-length", "upload-metadata", "upload-checksum")
SIGNED_RESPONSE_HEADERS = ("upload-offset", "upload-length", "location", "upload-expires", "tus-resumable")

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def new_nonce() -> str:
    return secrets.token_hex(16)


def request_string(method: str, path: str, query: str, unit: str, key_fp: str, timestamp: str,
                   nonce: str, body_sha256: str, headers: Mapping[str, str]) -> bytes:
    """The exact bytes a unit signs for one request."""
    lower = {k.lower(): v for k, v in headers.items()}
    lines = ["pardesk-request-v1", method.upper(), path, query, unit, key_fp, timestamp, nonce, body_sha256]
    lines += [f"{name}:{lower.get(name, '')}" for name in SIGNED_REQUEST_HEADERS]
    return "\n".join(lines).encode("utf-8")


def response_string(nonce: str, status: int, body_sha256: str, headers: Mapping[str, str]) -> bytes:
    """The exact bytes the server signs for one answer."""
    lower = {k.lower(): v for k, v in headers.items()}
    lines = ["pardesk-response-v1", nonce, str(status), body_sha256]
    lines += [f"{name}:{lower.get(name, '')}" for name in SIGNED_RESPONSE_HEADERS]
    return "\n".join(lines).encode("utf-8")


def sign(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, data: bytes) -> str:
    if isinstance(key, rsa.RSAPrivateKey):
        sig = key.sign(data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    else:
        sig = key.sign(data, ec.ECDSA(hashes.SHA256()))
    return base64.b64encode(sig).decode("ascii")


def verify(public_key: object, signature_b64: str, data: bytes) -> bool:
    try:
        sig = base64.b64decode(signature_b64.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return False
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(sig, data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
                              hashes.SHA256())
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(sig, data, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except InvalidSignature:
        return False
    return True


def key_fingerprint(key: object) -> str:
    """Lowercase hex SHA-256 of the SubjectPublicKeyInfo: how keys are pinned."""
    return hashlib.sha256(public_key_der(key)).hexdigest()


def public_pem(key: object) -> str:
    """PEM SubjectPublicKeyInfo of a private or public key: the same key bytes that are pinned."""
    public = serialization.load_der_public_key(public_key_der(key))
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def load_public_pem(text: str | bytes) -> object:
    data = text.encode("ascii") if isinstance(text, str) else text
    return serialization.load_pem_public_key(data)


def binding_statement(unit_code: str, sync_key_fp: str, server_fp: str) -> bytes:
    """What the unit's signing key signs to endorse its sync key for one server."""
    from parDesk.models.framework import canonical_json

    return canonical_json({"purpose": "pardesk-sync-key/1", "unit_code": unit_code, "sync_key": sync_key_fp,
                           "server": server_fp})


def sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def encode_metadata(meta: Mapping[str, str]) -> str:
    """tus ``Upload-Metadata``: ``key base64(value)`` pairs, comma separated."""
    return ",".join(f"{k} {base64.b64encode(v.encode('utf-8')).decode('ascii')}" for k, v in meta.items())


def decode_metadata(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in header.split(","):
        part = part.strip()
        if not part:
            continue
        key, _, value = part.partition(" ")
        try:
            out[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8") if value else ""
        except (ValueError, UnicodeDecodeError):
            raise ValueError(f"bad Upload-Metadata value for {key!r}") from None
    return out
