"""The background sync worker: send the outbox, collect receipts, pull the feed.

Runs on one thread (the window's database pool, or the CLI's main thread);
:meth:`SyncWorker.run_once` does one pass, :meth:`SyncWorker.watch` loops with
exponential backoff and jitter until cancelled or a permanent error stops it.
Every step is resumable: the upload URL and offset are in the outbox row, the
server's offset (signed HEAD) is always the truth, finalising is idempotent,
the feed cursor moves only after an event was applied, and an applied
appraisal is recognised by its source so applying twice is harmless.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parDesk.errors import Cancelled as Cancelled  # re-exported: the one cancel (parDesk.errors)
from parDesk.i18n import ParDeskError, register
from parDesk.sync import outbox
from parDesk.sync.client import ChunkReader, Permanent, SyncClient, SyncError, Transient
from parDesk.sync.receipts import verify_receipt
from parDesk.sync.registration import install_issued_certificate, make_client, pinned_server_cert
from parDesk.workspace import Workspace

register({
    "sync.package_missing": ("không tìm thấy tệp gói {path}", "package file {path} not found"),
    "sync.checksum_loop": ("dữ liệu liên tục bị hỏng trên đường truyền; sẽ thử lại sau",
                           "data keeps arriving damaged; will retry later"),
    "sync.verify_slow": ("tỉnh vẫn đang kiểm tra gói; sẽ hỏi lại sau",
                         "the province is still verifying; will ask again later"),
    "sync.receipt_mismatch": ("biên nhận không khớp gói đã gửi", "the receipt does not match the package sent"),
})

DEFAULT_CHUNK = 2 * 1024 * 1024


@dataclass
class SyncProgress:
    """What the window shows: which package, its state, bytes confirmed by the server."""

    outbox_id: int | None
    state: str
    done: int = 0
    total: int = 0
    message: str = ""


@dataclass
class SyncReport:
    accepted: list[int] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)
    events: int = 0
    appraisals: int = 0
    bytes_sent: int = 0
    chunks_resent: int = 0


class SyncWorker:
    def __init__(self, ws: Workspace, *, progress: Callable[[SyncProgress], None] | None = None,
                 cancel: threading.Event | None = None, chunk_size: int = DEFAULT_CHUNK,
                 client_factory: Callable[[], SyncClient] | None = None, verify_poll_s: float = 1.0,
                 verify_timeout_s: float = 600.0) -> None:
        self.ws = ws
        self.progress = progress or (lambda _p: None)
        self.cancel = cancel or threading.Event()
        self.chunk_size = chunk_size
        self.client_factory = client_factory or (lambda: make_client(ws))
        self.verify_poll_s = verify_poll_s
        self.verify_timeout_s = verify_timeout_s
        self.report = SyncReport()

    # ------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def run_once(self) -> SyncReport:
        """One pass: every pending package, then the feed. Raises Transient / Permanent."""
        self.report = SyncReport()
        client = self.client_factory()
        try:
            client.hello()  # connectivity + the server is who we pinned (signed answer)
            for entry in outbox.pending(self.ws):
                self._check_cancel()
                try:
                    self._send(client, entry)
                except Permanent as exc:
                    outbox.update(self.ws, entry.id, "stopped", exc.message("en"), last_error=exc.message())
                    self.progress(SyncProgress(entry.id, "stopped", message=exc.message()))
                    raise
                except Transient as exc:
                    outbox.update(self.ws, entry.id, None, exc.message("en"), record=False,
                                  last_error=exc.message(), attempts=outbox.item(self.ws, entry.id).attempts + 1)
                    raise
            self.pull_feed(client)
        finally:
            outbox.set_state(self.ws, clock_offset=client.clock_offset if abs(client.clock_offset) > 1 else None)
            client.close()
        return self.report

    def watch(self, *, interval_s: float = 300.0, base_s: float = 2.0, cap_s: float = 900.0,
              max_rounds: int | None = None, on_error: Callable[[SyncError], None] | None = None) -> None:
        """Loop until cancelled; back off exponentially with jitter on transient errors.

        A permanent error (authentication, registration) ends the loop by raising it.
        """
        failures = 0
        rounds = 0
        while not self.cancel.is_set():
            rounds += 1
            try:
                self.run_once()
                failures = 0
                delay = interval_s
            except Cancelled:
                return
            except Transient as exc:
                failures += 1
                delay = backoff_delay(failures, base_s, cap_s, exc.retry_after)
                self.progress(SyncProgress(None, "retrying", message=exc.message()))
                if on_error:
                    on_error(exc)
            if max_rounds is not None and rounds >= max_rounds:
                return
            self.cancel.wait(delay)

    # ------------------------------------------------------------------ upload

    def _send(self, client: SyncClient, entry: outbox.OutboxItem) -> None:
        ws = self.ws
        if not entry.path.is_file():
            raise Permanent("sync.package_missing", path=str(entry.path))
        if not entry.upload_url:
            receipt = client.receipt_for(entry.sha256)
            if receipt is not None:  # sent before (or by USB): same receipt, nothing to upload
                self._store_result(entry, {"status": "accepted", "receipt": receipt})
                return
        url = entry.upload_url
        offset = 0
        for _attempt in range(3):
            if not url:
                url = client.create_upload(entry.size, {"filename": entry.path.name, "sha256": entry.sha256,
                                                        "version": str(entry.version)})
                outbox.update(ws, entry.id, "uploading", f"upload created {url}", upload_url=url, offset=0)
            state = client.head(url)
            if state is None:  # expired or deleted on the server: start a new upload
                outbox.update(ws, entry.id, None, "upload gone on the server; new upload", upload_url="", offset=0)
                url = ""
                continue
            offset, length = state
            if length != entry.size:
                client.delete_upload(url)
                url = ""
                continue
            break
        else:
            raise Transient("sync.unexpected", status=404)
        if entry.state != "uploading" or offset != entry.offset:
            outbox.update(ws, entry.id, "uploading", record=False, offset=offset)
        self.progress(SyncProgress(entry.id, "uploading", offset, entry.size))
        checksum_failures = 0
        with ChunkReader(entry.path, self.chunk_size) as reader:
            while offset < entry.size:
                self._check_cancel()
                chunk, digest = reader.get(offset)
                status, new = client.patch(url, offset, chunk, digest)
                self.report.bytes_sent += len(chunk)
                if status == 204 and new == offset + len(chunk):
                    offset = new
                    outbox.update(ws, entry.id, None, record=False, offset=offset, last_error="")
                    self.progress(SyncProgress(entry.id, "uploading", offset, entry.size))
                    continue
                if status == 460:
                    checksum_failures += 1
                    self.report.chunks_resent += 1
                    if checksum_failures > 3:
                        raise Transient("sync.checksum_loop")
                    continue
                if status in (404, 410):
                    outbox.update(ws, entry.id, None, "upload gone on the server", upload_url="", offset=0)
                    raise Transient("sync.unexpected", status=status)
                head = client.head(url)  # 409 or an odd offset: the server's offset is the truth
                if head is None:
                    outbox.update(ws, entry.id, None, "upload gone on the server", upload_url="", offset=0)
                    raise Transient("sync.unexpected", status=410)
                offset = head[0]
        outbox.update(ws, entry.id, "verifying", "all bytes received by the server", offset=offset)
        self.progress(SyncProgress(entry.id, "verifying", entry.size, entry.size))
        deadline = time.monotonic() + self.verify_timeout_s
        while True:
            self._check_cancel()
            status, result = client.finalise(url)
            if status == 200 and result.get("status") in ("accepted", "refused"):
                self._store_result(entry, result)
                return
            if status == 404:
                outbox.update(ws, entry.id, "waiting", "upload gone before verification", upload_url="", offset=0)
                raise Transient("sync.unexpected", status=404)
            if status == 409:  # not complete after all: resume
                outbox.update(ws, entry.id, "uploading", "server says incomplete", offset=int(result.get("offset", 0)))
                raise Transient("sync.unexpected", status=409)
            if time.monotonic() > deadline:
                raise Transient("sync.verify_slow")
            self.cancel.wait(self.verify_poll_s)

    def _store_result(self, entry: outbox.OutboxItem, result: dict[str, Any]) -> None:
        import json

        cert = pinned_server_cert(self.ws)
        assert cert is not None
        fields = verify_receipt(result["receipt"], cert)
        if fields.get("package_sha256") != entry.sha256:
            raise Transient("sync.receipt_mismatch")
        text = json.dumps(result["receipt"], ensure_ascii=False, sort_keys=True)
        if fields.get("verdict") == "accepted":
            note = f"receipt {fields.get('receipt_id')} at {fields.get('received_at')}"
            if fields.get("provisional"):
                note += " (accepted provisionally: revocation status unknown)"
            outbox.update(self.ws, entry.id, "accepted", note, receipt=text, refused_reason="", last_error="",
                          offset=entry.size)
            self.report.accepted.append(entry.id)
            self.progress(SyncProgress(entry.id, "accepted", entry.size, entry.size))
        else:
            reasons = fields.get("reasons") or []
            reason_vi = "; ".join(r.get("vi", "") for r in reasons)
            reason_en = "; ".join(r.get("en", "") for r in reasons)
            from parDesk.i18n import get_language

            outbox.update(self.ws, entry.id, "refused", reason_en, receipt=text,
                          refused_reason=reason_vi if get_language() == "vi" else reason_en, upload_url="")
            self.report.refused.append(entry.id)
            self.progress(SyncProgress(entry.id, "refused", message=reason_vi if get_language() == "vi" else reason_en))

    # ------------------------------------------------------------------ feed

    def pull_feed(self, client: SyncClient) -> int:
        cursor = int(outbox.get_state(self.ws, "feed_cursor", "0") or 0)
        applied = 0
        while True:
            self._check_cancel()
            page = client.feed(cursor)
            for event in page.get("events", []):
                self.apply_event(client, event)
                cursor = int(event["id"])
                outbox.set_state(self.ws, feed_cursor=cursor)
                applied += 1
            if not page.get("more"):
                break
        self.report.events += applied
        return applied

    def apply_event(self, client: SyncClient | None, event: dict[str, Any]) -> None:
        kind, data = event.get("kind"), event.get("data") or {}
        if kind == "receipt":
            apply_receipt(self.ws, data)
        elif kind == "appraisal":
            self.report.appraisals += apply_appraisal(self.ws, int(event["id"]), data)
        elif kind == "framework" and client is not None:
            apply_framework(self.ws, client, data)
        elif kind == "results":
            apply_results(self.ws, data)
        elif kind == "certificate":
            if data.get("issued") and data.get("certificate"):
                install_issued_certificate(self.ws, data["certificate"])
            outbox.set_state(self.ws, registration_status=data.get("status", "approved"))


def backoff_delay(failures: int, base_s: float, cap_s: float, retry_after: float | None = None) -> float:
    """Exponential backoff with jitter: half fixed, half random, capped; honours Retry-After."""
    ceiling = min(cap_s, base_s * (2 ** min(failures - 1, 30)))
    delay = ceiling / 2 + random.uniform(0, ceiling / 2)
    return max(delay, retry_after or 0.0)


def apply_receipt(ws: Workspace, receipt_doc: dict[str, Any], via: str = "feed") -> outbox.OutboxItem:
    """Store a receipt (from the feed or a USB file) on its outbox entry, after checking its signature."""
    import json

    cert = pinned_server_cert(ws)
    if cert is None:
        raise ParDeskError("sync.not_registered")
    fields = verify_receipt(receipt_doc, cert)
    if fields.get("unit") != ws.unit().admin_code:
        raise ParDeskError("receipt.wrong_unit", other=fields.get("unit"), unit=ws.unit().admin_code)
    entry = outbox.by_package_sha(ws, str(fields.get("package_sha256")))
    if entry is None:
        raise ParDeskError("receipt.unknown_package", sha=str(fields.get("package_sha256"))[:12])
    if entry.state == "accepted" or (entry.state == "refused" and fields.get("verdict") != "accepted"):
        return entry
    text = json.dumps(receipt_doc, ensure_ascii=False, sort_keys=True)
    if fields.get("verdict") == "accepted":
        outbox.update(ws, entry.id, "accepted", f"receipt via {via} at {fields.get('received_at')}", receipt=text,
                      refused_reason="", last_error="", offset=entry.size)
    else:
        reasons = fields.get("reasons") or []
        outbox.update(ws, entry.id, "refused", "; ".join(r.get("en", "") for r in reasons), receipt=text,
                      refused_reason="; ".join(r.get("vi", "") for r in reasons), upload_url="")
    return outbox.item(ws, entry.id)


RESULTS_KEY = "published_results"


def apply_results(ws: Workspace, data: dict[str, Any]) -> None:
    """The province's published ranking for this unit: kept (bounded, typed) for the After-submission tab."""
    import json

    def text(key: str, limit: int = 64) -> str:
        return str(data.get(key) or "")[:limit]

    try:
        kept = {"year": int(data.get("year") or 0), "rank": int(data.get("rank") or 0), "of": int(data.get("of") or 0),
                "total": text("total"), "percent": text("percent"), "rating": text("rating"),
                "rating_en": text("rating_en")}
    except (TypeError, ValueError):
        return  # a malformed event is ignored rather than shown
    outbox.set_state(ws, **{RESULTS_KEY: json.dumps(kept, ensure_ascii=False)})


def published_results(ws: Workspace) -> dict[str, Any] | None:
    """The last published result the feed brought (year, rank, of, total, percent, rating), or None."""
    import json

    raw = outbox.get_state(ws, RESULTS_KEY)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def apply_appraisal(ws: Workspace, event_id: int, data: dict[str, Any]) -> int:
    """Record each leaf's appraisal result via the service layer (audited); skip ones already applied."""
    from sqlmodel import col, select

    from parDesk.models.tables import Appraisal

    n = 0
    prefix = f"sync:{event_id}:"
    with ws.reader() as s:
        done = set(s.exec(select(Appraisal.source).where(col(Appraisal.source).like(prefix + "%"))))
    for r in data.get("results", []):
        source = f"{prefix}{r.get('code')}:{r.get('round')}"
        if source in done:
            continue
        try:
            ws.record_appraisal(str(r.get("code")), int(r.get("round") or 1), r.get("score"),
                                comment=str(r.get("comment") or ""),
                                request_explanation=bool(r.get("request_explanation")), source=source)
            n += 1
        except ParDeskError:
            continue  # a code this workspace's framework does not have: nothing to attach it to
    return n


def apply_framework(ws: Workspace, client: SyncClient, data: dict[str, Any]) -> bool:
    from parDesk.models.framework import parse_framework_bytes

    fw_hash = str(data.get("hash") or "")
    if any(row.hash == fw_hash for row in ws.frameworks()):
        return False
    raw = client.framework(fw_hash)
    fw = parse_framework_bytes(raw)
    if fw.hash != fw_hash or hashlib.sha256(fw.canonical_bytes()).hexdigest() != fw_hash:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{fw.id}.json"
        path.write_bytes(raw)
        ws.import_framework(path)
    return True
