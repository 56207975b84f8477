"""The HTTP side of the sync client: signed requests, checked answers, classified failures.

Every request is signed with the unit's sync key; every answer must carry the
server's signature over our nonce (checked against the server certificate
pinned at registration). An answer without it is *not the server* — a
captive portal, a hotel login page, a proxy's error page — and is treated as
"no connection yet", never as data.

Failures come in two kinds: :class:`Transient` (offline, timeouts, 5xx, 429,
not the server: retry later with backoff) and :class:`Permanent` (the server
refused us: wrong key, not approved, revoked — retrying cannot help; the
queue stops with the server's own message).
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Mapping
from typing import Any

import httpx
from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.sync import protocol, strict

register({
    "sync.offline": ("không kết nối được máy chủ tỉnh ({detail}); sẽ thử lại",
                     "cannot reach the province server ({detail}); will retry"),
    "sync.not_server": ("câu trả lời không phải từ máy chủ tỉnh đã đăng ký (mạng đòi đăng nhập, proxy hoặc trang "
                        "lỗi?); sẽ thử lại",
                        "the answer did not come from the registered province server (login page, proxy or error "
                        "page?); will retry"),
    "sync.server_busy": ("máy chủ tỉnh đang bận hoặc lỗi (HTTP {status}); sẽ thử lại",
                         "the province server is busy or failing (HTTP {status}); will retry"),
    "sync.unexpected": ("máy chủ trả lời không như mong đợi (HTTP {status})",
                        "unexpected answer from the server (HTTP {status})"),
    "sync.fingerprint": ("dấu vân tay khóa máy chủ {got} không khớp dấu vân tay tỉnh công bố {expected}",
                         "the server key fingerprint {got} does not match the one the province published {expected}"),
})


class SyncError(ParDeskError):
    permanent = False

    def __init__(self, key: str, where: str | None = None, retry_after: float | None = None, **params: Any) -> None:
        super().__init__(key, where=where, **params)
        self.retry_after = retry_after


class Transient(SyncError):
    pass


class Permanent(SyncError):
    permanent = True


class ServerSaid(Permanent):
    """A refusal worded by the server, in both languages."""

    def __init__(self, body: dict[str, Any], status: int) -> None:
        err = body.get("error") or {}
        self.texts = {"vi": str(err.get("vi") or ""), "en": str(err.get("en") or "")}
        self.server_key = str(err.get("key") or "")
        self.status = status
        self.body = body
        super().__init__("sync.unexpected", status=status)

    def message(self, lang: str | None = None) -> str:
        from parDesk.i18n import get_language

        return self.texts.get(lang or get_language()) or self.texts["en"] or super().message(lang)


MAX_ANSWER_JSON = 64 * 1024 * 1024  # a feed page of receipts is far smaller


class Answer:
    def __init__(self, resp: httpx.Response) -> None:
        self.status = resp.status_code
        self.headers = {k.lower(): v for k, v in resp.headers.items()}
        self.content = resp.content

    def json(self) -> dict[str, Any]:
        try:
            return strict.loads_object(self.content, max_bytes=MAX_ANSWER_JSON) if self.content else {}
        except ValueError:
            raise Transient("sync.not_server") from None


def _uint(text: str | None) -> int | None:
    """A header number from the server, strictly (ASCII digits); None if absent or malformed."""
    try:
        return strict.ascii_uint(text) if text is not None else None
    except ValueError:
        return None


class SyncClient:
    """One server, one unit, one sync key. Thread-confined (one per worker)."""

    def __init__(self, base_url: str, unit_code: str, sync_key: Any, server_cert: x509.Certificate | None,
                 *, clock_offset: float = 0.0, timeout: float = 60.0, connect_timeout: float = 15.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.unit_code = unit_code
        self.key = sync_key
        self.key_fp = protocol.key_fingerprint(sync_key)
        self.server_cert = server_cert
        self.clock_offset = clock_offset
        self.http = httpx.Client(timeout=httpx.Timeout(timeout, connect=connect_timeout), transport=transport,
                                 follow_redirects=False)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def request(self, method: str, path: str, *, body: bytes = b"", headers: Mapping[str, str] | None = None,
                params: Mapping[str, Any] | None = None, signed: bool = True, body_sha256: str | None = None,
                _retried: bool = False) -> Answer:
        url = httpx.URL(self.url(path), params=params) if params else httpx.URL(self.url(path))
        hdrs = dict(headers or {})
        nonce = protocol.new_nonce()
        hdrs[protocol.H_NONCE] = nonce
        if signed:
            body_sha = body_sha256 or hashlib.sha256(body).hexdigest()
            ts = str(int(time.time() + self.clock_offset))
            query = url.query.decode("ascii") if isinstance(url.query, bytes) else str(url.query)
            text = protocol.request_string(method, url.path, query, self.unit_code, self.key_fp, ts, nonce,
                                           body_sha, hdrs)
            hdrs.update({protocol.H_UNIT: self.unit_code, protocol.H_KEY: self.key_fp, protocol.H_TIME: ts,
                         protocol.H_BODY: body_sha, protocol.H_SIG: protocol.sign(self.key, text)})
        try:
            resp = self.http.request(method, url, content=body if body or method in ("POST", "PATCH") else None,
                                     headers=hdrs)
        except httpx.TransportError as exc:
            raise Transient("sync.offline", detail=type(exc).__name__) from None
        answer = Answer(resp)
        self._check_signature(answer, nonce)
        if answer.status == 401 and not _retried:
            body_json = _safe_json(answer)
            if (body_json.get("error") or {}).get("key") == "auth.clock_skew" and "server_time" in body_json:
                self.clock_offset = float(body_json["server_time"]) - time.time()
                return self.request(method, path, body=body, headers=headers, params=params, signed=signed,
                                    body_sha256=body_sha256, _retried=True)
        if answer.status in (429, 503, 423) or answer.status >= 500:
            retry = answer.headers.get("retry-after")
            raise Transient("sync.server_busy", status=answer.status,
                            retry_after=_uint(retry))
        if answer.status in (401, 403):
            raise ServerSaid(_safe_json(answer), answer.status)
        return answer

    def _check_signature(self, answer: Answer, nonce: str) -> None:
        if self.server_cert is None:
            return
        sig = answer.headers.get(protocol.H_RESP_SIG.lower())
        if not sig:
            if answer.status >= 500:  # a proxy's own error page: busy, not an impostor
                raise Transient("sync.server_busy", status=answer.status)
            raise Transient("sync.not_server")
        text = protocol.response_string(nonce, answer.status, hashlib.sha256(answer.content).hexdigest(),
                                        answer.headers)
        if not protocol.verify(self.server_cert.public_key(), sig, text):
            raise Transient("sync.not_server")

    # ------------------------------------------------------------------ calls

    def hello(self) -> dict[str, Any]:
        ans = self.request("GET", "/v1/hello", signed=False)
        if ans.status != 200:
            raise Transient("sync.unexpected", status=ans.status)
        return ans.json()

    def receipt_for(self, sha256: str) -> dict[str, Any] | None:
        ans = self.request("GET", f"/v1/submissions/{sha256}")
        if ans.status == 404:
            return None
        if ans.status != 200:
            raise Transient("sync.unexpected", status=ans.status)
        return ans.json().get("receipt")

    def create_upload(self, length: int, metadata: Mapping[str, str]) -> str:
        ans = self.request("POST", "/v1/uploads", headers={
            "Tus-Resumable": protocol.TUS_VERSION, "Upload-Length": str(length),
            "Upload-Metadata": protocol.encode_metadata(metadata)})
        if ans.status != 201 or not ans.headers.get("location"):
            raise _refusal(ans)
        return ans.headers["location"]

    def head(self, url: str) -> tuple[int, int] | None:
        """(offset, length), or None if the upload is gone (404/410)."""
        ans = self.request("HEAD", url, headers={"Tus-Resumable": protocol.TUS_VERSION})
        if ans.status in (404, 410):
            return None
        offset, length = _uint(ans.headers.get("upload-offset")), _uint(ans.headers.get("upload-length"))
        if ans.status != 200 or offset is None:
            raise Transient("sync.unexpected", status=ans.status)
        return offset, -1 if length is None else length

    def patch(self, url: str, offset: int, chunk: bytes, digest: bytes | None = None) -> tuple[int, int | None]:
        """Send one chunk; (status, new offset or None). ``digest``: its SHA-256 if already computed."""
        digest = digest or hashlib.sha256(chunk).digest()  # once: the signed body hash and the tus checksum
        ans = self.request("PATCH", url, body=chunk, body_sha256=digest.hex(), headers={
            "Tus-Resumable": protocol.TUS_VERSION, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + base64.b64encode(digest).decode("ascii")})
        new = _uint(ans.headers.get("upload-offset"))
        if ans.status == 204:
            if new is None:
                raise Transient("sync.not_server")
            return 204, new
        if ans.status in (404, 409, 410, 460):
            return ans.status, new
        raise _refusal(ans)

    def delete_upload(self, url: str) -> None:
        self.request("DELETE", url, headers={"Tus-Resumable": protocol.TUS_VERSION})

    def finalise(self, url: str) -> tuple[int, dict[str, Any]]:
        ans = self.request("POST", url.rstrip("/") + "/finalise", body=b"{}",
                           headers={"Content-Type": "application/json"})
        if ans.status in (200, 202, 404, 409):
            return ans.status, ans.json()
        raise _refusal(ans)

    def feed(self, after: int, limit: int = 100) -> dict[str, Any]:
        ans = self.request("GET", "/v1/feed", params={"after": after, "limit": limit})
        if ans.status != 200:
            raise _refusal(ans)
        return ans.json()

    def framework(self, fw_hash: str) -> bytes:
        ans = self.request("GET", f"/v1/frameworks/{fw_hash}")
        if ans.status != 200:
            raise _refusal(ans)
        return ans.content

    def registration(self) -> dict[str, Any] | None:
        ans = self.request("GET", "/v1/registration")
        if ans.status == 404:
            return None
        if ans.status != 200:
            raise _refusal(ans)
        return ans.json()

    def register(self, payload: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        ans = self.request("POST", "/v1/register", body=body, headers={"Content-Type": "application/json"})
        if ans.status not in (200, 202):
            raise _refusal(ans)
        return ans.json()

    def session_token(self) -> str:
        ans = self.request("POST", "/v1/session", body=b"{}", headers={"Content-Type": "application/json"})
        if ans.status != 200:
            raise _refusal(ans)
        return str(ans.json()["token"])


class ChunkReader:
    """Reads and hashes the next chunk of a file on a helper thread while the current one is sent."""

    def __init__(self, path: Any, chunk_size: int) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.fh = open(path, "rb")  # noqa: SIM115 - held for the reader's life; close() closes it
        self.chunk_size = chunk_size
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chunk")
        self.ahead: tuple[int, Any] | None = None

    def _read(self, offset: int) -> tuple[bytes, bytes]:
        self.fh.seek(offset)
        data = self.fh.read(self.chunk_size)
        return data, hashlib.sha256(data).digest()

    def get(self, offset: int) -> tuple[bytes, bytes]:
        """(chunk, sha256) at ``offset``; starts reading the following chunk in the background."""
        if self.ahead is not None and self.ahead[0] == offset:
            data, digest = self.ahead[1].result()
        else:
            if self.ahead is not None:
                self.ahead[1].result()
            data, digest = self._read(offset)
        nxt = offset + len(data)
        self.ahead = (nxt, self.pool.submit(self._read, nxt)) if data else None
        return data, digest

    def close(self) -> None:
        if self.ahead is not None:
            self.ahead[1].result()
        self.pool.shutdown(wait=True)
        self.fh.close()

    def __enter__(self) -> ChunkReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _safe_json(answer: Answer) -> dict[str, Any]:
    try:
        return answer.json()
    except SyncError:
        return {}


def _refusal(answer: Answer) -> SyncError:
    body = _safe_json(answer)
    if body.get("error"):
        return ServerSaid(body, answer.status)
    return Transient("sync.unexpected", status=answer.status)
