"""The server's service layer: every operation, for the HTTP API, the CLI and the tests.

Like the app's :class:`~parDesk.workspace.Workspace`, it owns short sessions
(one per operation, committed once) and returns plain values. Errors a
person can act on are :class:`~parDesk.i18n.ParDeskError` with a message key.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
import threading
import time
import uuid
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from cryptography import x509
from sqlalchemy import delete, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from parDesk.i18n import ParDeskError, ValidationErrors, register
from parDesk.identity import load_certificates, unit_code_of
from parDesk.models.framework import parse_framework_bytes
from parDesk.signing.cms import verify_detached_cms
from parDesk.sync import protocol
from parDesk.sync.receipts import reason_dicts, sign_receipt
from parDesk.sync.server import database
from parDesk.sync.server.config import ServerConfig
from parDesk.sync.server.keys import create_server_identity, issue_certificate, load_server_identity
from parDesk.sync.server.models import (AdminToken, Appraisal, Event, Framework, Nonce, Registration, SessionToken,
                                        Submission, Unit, Upload)
from parDesk.sync.server.storage import FolderStorage, PackageStorage

register({
    "srv.reg_bad_key": ("khóa đồng bộ trong yêu cầu đăng ký không khớp khóa đã ký yêu cầu",
                        "the sync key in the registration does not match the key that signed the request"),
    "srv.reg_no_cert": ("yêu cầu đăng ký phải kèm chứng thư số của đơn vị", "the registration must carry the unit's certificate"),
    "srv.reg_bad_binding": ("khóa đồng bộ không được khóa ký số của đơn vị xác nhận (chữ ký liên kết không hợp lệ)",
                            "the sync key is not endorsed by the unit's signing key (binding signature invalid)"),
    "srv.reg_unit_code": ("chứng thư số ghi mã đơn vị {cert_code}, không phải {unit_code}",
                          "the certificate names unit {cert_code}, not {unit_code}"),
    "srv.reg_bad_field": ("trường {field} không hợp lệ", "field {field} is invalid"),
    "srv.no_registration": ("không có yêu cầu đăng ký nào đang chờ cho đơn vị {unit}",
                            "no pending registration for unit {unit}"),
    "srv.unknown_unit": ("đơn vị {unit} chưa được đăng ký với tỉnh", "unit {unit} is not registered with the province"),
    "pkg.other_unit": ("gói này là của đơn vị {bag_unit}, không phải của đơn vị đang gửi ({unit})",
                       "this package belongs to unit {bag_unit}, not to the sending unit ({unit})"),
    "pkg.wrong_key": ("gói được ký bằng khóa khác với khóa của đơn vị đã đăng ký với tỉnh; hãy ký lại bằng khóa đã đăng ký "
                      "hoặc đăng ký lại khóa mới",
                      "the package is signed with a key other than the one the unit registered; sign it with the "
                      "registered key or register the new key"),
    "pkg.framework_unpublished": ("gói dùng bộ chỉ số {fw} chưa được tỉnh ban hành; hãy dùng bộ chỉ số tỉnh đã công bố",
                                  "the package uses framework {fw}, which the province has not published; use a "
                                  "published framework"),
    "pkg.version_exists": ("tỉnh đã nhận phiên bản {version} với nội dung khác; hãy mở phiên bản mới rồi ký lại",
                           "the province already holds version {version} with different content; open a new version "
                           "and sign again"),
    "pkg.bad_field": ("trường {label} trong bag-info.txt không hợp lệ: {value!r}", "bag-info.txt field {label} is invalid: {value!r}"),
    "pkg.too_large": ("gói quá lớn ({size} byte, tối đa {limit})", "the package is too large ({size} bytes, at most {limit})"),
    "srv.appraisal_unit": ("đơn vị {unit} chưa có hồ sơ được chấp nhận năm {year}", "unit {unit} has no accepted package for {year}"),
    "srv.appraisal_code": ("mã {code} không có trong bộ chỉ số của đơn vị {unit}", "code {code} is not in unit {unit}'s framework"),
    "srv.appraisal_round": ("vòng thẩm định phải là 1 hoặc 2", "the appraisal round must be 1 or 2"),
    "srv.appraisal_score": ("điểm {score} ngoài khoảng 0–{max} của mục {code}", "score {score} is outside 0–{max} for {code}"),
    "srv.bad_json": ("JSON không hợp lệ: {detail}", "invalid JSON: {detail}"),
})


def utc_iso(ts: float | None = None) -> str:
    return dt.datetime.fromtimestamp(ts if ts is not None else time.time(), dt.timezone.utc) \
        .isoformat(timespec="seconds").replace("+00:00", "Z")


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass
class AuthedUnit:
    code: str
    name: str
    signing_key_fp: str
    cert_pem: str


class _Bucket:
    __slots__ = ("tokens", "stamp")

    def __init__(self, tokens: float) -> None:
        self.tokens = tokens
        self.stamp = time.monotonic()


class RateLimiter:
    """Token buckets in memory, per key. Bounded: idle buckets are dropped."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if allowed, else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            b = self._buckets.get(key)
            if b is None:
                if len(self._buckets) > 50_000:
                    self._buckets = {k: v for k, v in self._buckets.items() if now - v.stamp < 60}
                b = self._buckets[key] = _Bucket(self.burst)
            b.tokens = min(self.burst, b.tokens + (now - b.stamp) * self.rate)
            b.stamp = now
            if b.tokens >= 1:
                b.tokens -= 1
                return 0.0
            return (1 - b.tokens) / self.rate


class ServerService:
    def __init__(self, config: ServerConfig, storage: PackageStorage | None = None,
                 verifier: Callable[..., Any] | None = None) -> None:
        self.config = config
        config.data_dir.mkdir(parents=True, exist_ok=True)
        if not config.key_path.exists():
            create_server_identity(config.key_path, config.cert_path, config.province)
        self.key, self.cert = load_server_identity(config.key_path, config.cert_path)
        self.fingerprint = protocol.key_fingerprint(self.cert)
        self.engine = database.make_engine(config.database_url)
        database.init_db(self.engine)
        self.storage: PackageStorage = storage or FolderStorage(config.data_dir / "storage")
        self._verifier = verifier
        self._executor = ThreadPoolExecutor(max_workers=config.verify_workers, thread_name_prefix="verify")
        self._futures: dict[str, Future] = {}
        self._futures_lock = threading.Lock()
        self.unit_limiter = RateLimiter(config.rate_per_unit, config.burst_per_unit)
        self.ip_limiter = RateLimiter(config.rate_per_ip, config.burst_per_ip)
        self._nonce_inserts = 0
        with self.session() as s:  # a restart interrupted verification: verify again on the next finalise
            s.exec(update(Upload).where(Upload.status == "verifying").values(status="complete"))  # type: ignore[call-overload]
            s.commit()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.engine.dispose()

    def session(self):  # noqa: ANN201
        return database.session(self.engine)

    # ------------------------------------------------------------------
    # Server identity

    def hello(self) -> dict[str, Any]:
        from cryptography.hazmat.primitives import serialization

        return {"protocol": protocol.PROTOCOL, "tus_version": protocol.TUS_VERSION,
                "server_fingerprint": self.fingerprint,
                "server_cert": self.cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                "province": self.config.province, "time": int(time.time()),
                "max_package_bytes": self.config.max_package_bytes}

    # ------------------------------------------------------------------
    # Units and registration

    def register(self, body: dict[str, Any], request_key_fp: str) -> dict[str, Any]:
        def field(name: str, required: bool = True) -> str:
            value = body.get(name, "")
            if not isinstance(value, str) or (required and not value.strip()) or len(value) > 20000:
                raise ParDeskError("srv.reg_bad_field", where=name, field=name)
            return value.strip()

        unit_code = field("unit_code")
        unit_name = field("unit_name")
        province = field("province", required=False)
        contact = field("contact", required=False)
        sync_pem = field("sync_key")
        cert_pem = field("certificate")
        csr_pem = field("csr", required=False)
        binding = field("binding")
        try:
            sync_key = protocol.load_public_pem(sync_pem)
        except ValueError:
            raise ParDeskError("srv.reg_bad_field", where="sync_key", field="sync_key") from None
        sync_fp = protocol.key_fingerprint(sync_key)
        if sync_fp != request_key_fp:
            raise ParDeskError("srv.reg_bad_key")
        cert = load_certificates(cert_pem.encode("utf-8"), where="certificate")[0]
        if unit_code_of(cert) != unit_code:
            raise ParDeskError("srv.reg_unit_code", cert_code=unit_code_of(cert), unit_code=unit_code)
        csr = None
        if csr_pem:
            try:
                csr = x509.load_pem_x509_csr(csr_pem.encode("utf-8"))
            except ValueError:
                raise ParDeskError("srv.reg_bad_field", where="csr", field="csr") from None
            if protocol.key_fingerprint(csr) != protocol.key_fingerprint(cert) or not csr.is_signature_valid:
                raise ParDeskError("srv.reg_bad_field", where="csr", field="csr")
        statement = protocol.binding_statement(unit_code, sync_fp, self.fingerprint)
        try:
            sig = base64.b64decode(binding, validate=True)
        except ValueError:
            raise ParDeskError("srv.reg_bad_binding") from None
        result = verify_detached_cms(sig, statement)
        if not result.valid or result.signer is None or \
                protocol.key_fingerprint(result.signer) != protocol.key_fingerprint(cert):
            raise ParDeskError("srv.reg_bad_binding")
        with self.session() as s:
            existing = s.exec(select(Registration).where(Registration.sync_key_fp == sync_fp)
                              .order_by(Registration.id.desc())).first()  # type: ignore[union-attr]
            if existing is not None and existing.unit_code == unit_code and existing.status in ("pending", "approved"):
                return self._registration_view(existing)
            for old in s.exec(select(Registration).where(Registration.unit_code == unit_code,
                                                         Registration.status == "pending")):
                old.status = "superseded"
                s.add(old)
            reg = Registration(unit_code=unit_code, unit_name=unit_name, province=province, contact=contact,
                               cert_pem=cert_pem, csr_pem=csr_pem, signing_key_fp=protocol.key_fingerprint(cert),
                               sync_key_pem=sync_pem, sync_key_fp=sync_fp, created_at=utc_iso())
            s.add(reg)
            s.commit()
            return self._registration_view(reg)

    @staticmethod
    def _registration_view(reg: Registration) -> dict[str, Any]:
        return {"registration_id": reg.id, "unit_code": reg.unit_code, "status": reg.status,
                "created_at": reg.created_at, "decided_at": reg.decided_at,
                "issued_certificate": reg.issued_cert_pem or None}

    def registration_status(self, sync_key_fp: str) -> dict[str, Any] | None:
        with self.session() as s:
            reg = s.exec(select(Registration).where(Registration.sync_key_fp == sync_key_fp)
                         .order_by(Registration.id.desc())).first()  # type: ignore[union-attr]
            return self._registration_view(reg) if reg else None

    def pending_registrations(self) -> list[Registration]:
        with self.session() as s:
            return list(s.exec(select(Registration).where(Registration.status == "pending").order_by(Registration.id)))

    def approve(self, unit_code: str, by: str = "admin", registration_id: int | None = None,
                issue: bool | None = None) -> Unit:
        """Pin the unit's pending registration: its certificate (or one issued from its CSR) and sync key."""
        from cryptography.hazmat.primitives import serialization

        with self.session() as s:
            q = select(Registration).where(Registration.unit_code == unit_code, Registration.status == "pending")
            if registration_id is not None:
                q = q.where(Registration.id == registration_id)
            reg = s.exec(q.order_by(Registration.id.desc())).first()  # type: ignore[union-attr]
            if reg is None:
                raise ParDeskError("srv.no_registration", unit=unit_code)
            cert = load_certificates(reg.cert_pem.encode("utf-8"))[0]
            self_signed = cert.issuer == cert.subject
            if reg.csr_pem and (issue if issue is not None else self_signed):
                csr = x509.load_pem_x509_csr(reg.csr_pem.encode("utf-8"))
                cert = issue_certificate(csr, self.key, self.cert)
                reg.issued_cert_pem = (cert.public_bytes(serialization.Encoding.PEM)
                                       + self.cert.public_bytes(serialization.Encoding.PEM)).decode("ascii")
            cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
            stamp = utc_iso()
            reg.status, reg.decided_at, reg.decided_by = "approved", stamp, by
            s.add(reg)
            # one unit per sync key: a key moved to another unit would let it speak for both
            for other in s.exec(select(Unit).where(Unit.sync_key_fp == reg.sync_key_fp, Unit.code != unit_code)):
                s.delete(other)
            unit = s.get(Unit, unit_code)
            values = dict(name=reg.unit_name, province=reg.province, status="approved", cert_pem=cert_pem,
                          signing_key_fp=reg.signing_key_fp, sync_key_pem=reg.sync_key_pem,
                          sync_key_fp=reg.sync_key_fp, registration_id=reg.id, approved_at=stamp, approved_by=by)
            if unit is None:
                unit = Unit(code=unit_code, **values)
            else:
                for k, v in values.items():
                    setattr(unit, k, v)
            s.add(unit)
            s.flush()
            s.add(Event(unit_code=unit_code, kind="certificate", created_at=stamp,
                        data_json=_j({"status": "approved", "certificate": cert_pem,
                                      "issued": bool(reg.issued_cert_pem)})))
            s.commit()
            return unit

    def revoke(self, unit_code: str) -> None:
        with self.session() as s:
            unit = s.get(Unit, unit_code)
            if unit is None:
                raise ParDeskError("srv.unknown_unit", unit=unit_code)
            unit.status = "revoked"
            s.add(unit)
            s.commit()

    def unit_for_key(self, sync_key_fp: str) -> Unit | None:
        with self.session() as s:
            return s.exec(select(Unit).where(Unit.sync_key_fp == sync_key_fp)).first()

    def units(self) -> list[Unit]:
        with self.session() as s:
            return list(s.exec(select(Unit).order_by(Unit.code)))

    def units_status(self, year: int | None = None) -> list[dict[str, Any]]:
        """Every unit known (approved or pending) with its latest accepted submission for ``year``."""
        with self.session() as s:
            units = {u.code: u for u in s.exec(select(Unit))}
            pending = {r.unit_code: r for r in s.exec(select(Registration).where(Registration.status == "pending"))}
            q = select(Submission).order_by(Submission.id)
            if year is not None:
                q = q.where(Submission.year == year)
            latest: dict[str, Submission] = {}
            for sub in s.exec(q):
                latest[sub.unit_code] = sub
            appraisals: dict[str, int] = {}
            requests: dict[str, int] = {}
            aq = select(Appraisal)
            if year is not None:
                aq = aq.where(Appraisal.year == year)
            for ap in s.exec(aq):
                appraisals[ap.unit_code] = appraisals.get(ap.unit_code, 0) + 1
                if ap.request_explanation:
                    requests[ap.unit_code] = requests.get(ap.unit_code, 0) + 1
        rows = []
        for code in sorted(set(units) | set(pending)):
            u, reg, sub = units.get(code), pending.get(code), latest.get(code)
            totals = json.loads(sub.totals_json) if sub else {}
            rows.append({
                "unit_code": code, "name": u.name if u else reg.unit_name if reg else "",
                "status": u.status if u else "pending",
                "pending_registration": reg.id if reg else None,
                "submitted": sub is not None, "version": sub.version if sub else None,
                "received_at": sub.received_at if sub else None, "channel": sub.channel if sub else None,
                "package_sha256": sub.package_sha256 if sub else None, "year": sub.year if sub else year,
                "total": totals.get("total"), "max_applicable": totals.get("max_applicable"),
                "percent": totals.get("percent"), "rating": totals.get("rating"),
                "appraised_items": appraisals.get(code, 0), "explanation_requests": requests.get(code, 0),
            })
        return rows

    # ------------------------------------------------------------------
    # Request authentication helpers

    def use_nonce(self, unit_code: str, nonce: str, now: int) -> bool:
        """Record a nonce; False when it was already used (a replay)."""
        try:
            with self.session() as s:
                s.add(Nonce(unit_code=unit_code, nonce=nonce, seen=now))
                s.commit()
        except IntegrityError:
            return False
        self._nonce_inserts += 1
        if self._nonce_inserts % 1000 == 0:
            self.purge_nonces(now)
        return True

    def purge_nonces(self, now: int | None = None) -> None:
        now = int(now or time.time())
        with self.session() as s:
            s.exec(delete(Nonce).where(Nonce.seen < now - 2 * self.config.clock_skew_s - 60))  # type: ignore[call-overload]
            s.exec(delete(SessionToken).where(SessionToken.expires < now))  # type: ignore[call-overload]
            s.commit()

    def new_session_token(self, unit_code: str) -> tuple[str, int]:
        token = secrets.token_urlsafe(32)
        expires = int(time.time()) + self.config.session_ttl_s
        with self.session() as s:
            s.add(SessionToken(token_sha256=hashlib.sha256(token.encode()).hexdigest(), unit_code=unit_code,
                               expires=expires))
            s.commit()
        return token, expires

    def unit_for_session(self, token: str) -> Unit | None:
        with self.session() as s:
            row = s.get(SessionToken, hashlib.sha256(token.encode()).hexdigest())
            if row is None or row.expires < time.time():
                return None
            unit = s.get(Unit, row.unit_code)
            return unit if unit is not None and unit.status == "approved" else None

    def create_admin_token(self, name: str) -> str:
        token = "pda_" + secrets.token_urlsafe(32)
        with self.session() as s:
            s.add(AdminToken(token_sha256=hashlib.sha256(token.encode()).hexdigest(), name=name, created_at=utc_iso()))
            s.commit()
        return token

    def admin_for_token(self, token: str) -> str | None:
        with self.session() as s:
            row = s.get(AdminToken, hashlib.sha256(token.encode()).hexdigest())
            return row.name if row else None

    # ------------------------------------------------------------------
    # tus uploads

    def create_upload(self, unit_code: str, length: int, metadata: dict[str, str]) -> Upload:
        now = int(time.time())
        with self.session() as s:
            open_count = s.exec(select(func.count()).select_from(Upload).where(
                Upload.unit_code == unit_code, Upload.status.in_(("open", "complete", "verifying")))).one()  # type: ignore[attr-defined]
            if open_count >= self.config.max_open_uploads_per_unit:
                self.gc(now)
                open_count = s.exec(select(func.count()).select_from(Upload).where(
                    Upload.unit_code == unit_code, Upload.status.in_(("open", "complete")))).one()  # type: ignore[attr-defined]
                if open_count >= self.config.max_open_uploads_per_unit:
                    raise TooManyUploads()
            up = Upload(id=uuid.uuid4().hex, unit_code=unit_code, length=length, metadata_json=_j(metadata),
                        created=now, expires=now + self.config.upload_expiry_s, updated=now)
            self.storage.create_partial(up.id)
            s.add(up)
            s.commit()
            return up

    def get_upload(self, unit_code: str, upload_id: str) -> Upload | None:
        """The upload, only if it belongs to ``unit_code`` and has not expired (else None: 404)."""
        if not upload_id.isalnum() or len(upload_id) > 64:
            return None
        with self.session() as s:
            up = s.get(Upload, upload_id)
        if up is None or up.unit_code != unit_code:
            return None
        return up

    def advance_upload(self, upload_id: str, old_offset: int, new_offset: int, length: int) -> bool:
        """Record the new offset if nobody else moved it (conditional update)."""
        now = int(time.time())
        values: dict[str, Any] = {"offset": new_offset, "updated": now,
                                  "expires": now + self.config.upload_expiry_s}
        if new_offset == length:
            values["status"] = "complete"
        with self.session() as s:
            res = s.exec(update(Upload).where(Upload.id == upload_id, Upload.offset == old_offset,  # type: ignore[call-overload]
                                              Upload.status == "open").values(**values))
            s.commit()
            return res.rowcount == 1

    def delete_upload(self, unit_code: str, upload_id: str) -> bool:
        with self.session() as s:
            up = s.get(Upload, upload_id)
            if up is None or up.unit_code != unit_code or up.status in ("verifying",):
                return False
            s.delete(up)
            s.commit()
        self.storage.delete_partial(upload_id)
        return True

    def gc(self, now: int | None = None) -> int:
        """Delete expired unfinished uploads (tus expiration) and stale nonces/tokens."""
        now = int(now or time.time())
        removed = 0
        with self.session() as s:
            expired = list(s.exec(select(Upload).where(Upload.expires <= now,
                                                       Upload.status.in_(("open", "complete")))))  # type: ignore[attr-defined]
            for up in expired:
                s.delete(up)
            s.commit()
        for up in expired:
            self.storage.delete_partial(up.id)
            removed += 1
        self.purge_nonces(now)
        return removed

    # ------------------------------------------------------------------
    # Finalising: verification and receipts

    def finalise(self, unit_code: str, upload_id: str, wait: float | None = None) -> dict[str, Any]:
        """Start (once) or report the verification of a complete upload.

        Returns ``{"status": "incomplete"|"verifying"|"accepted"|"refused", ...}``;
        accepted and refused carry the signed receipt. Idempotent.
        """
        up = self.get_upload(unit_code, upload_id)
        if up is None:
            return {"status": "not_found"}
        if up.status in ("accepted", "refused"):
            return json.loads(up.result_json)
        if up.status == "open":
            return {"status": "incomplete", "offset": up.offset, "length": up.length}
        with self._futures_lock:
            fut = self._futures.get(upload_id)
            if fut is None:
                with self.session() as s:
                    res = s.exec(update(Upload).where(Upload.id == upload_id, Upload.status == "complete")  # type: ignore[call-overload]
                                 .values(status="verifying", updated=int(time.time())))
                    s.commit()
                if res.rowcount == 1:
                    fut = self._executor.submit(self._finish_upload, unit_code, upload_id)
                    self._futures[upload_id] = fut
        if fut is not None:
            try:
                return fut.result(timeout=self.config.finalise_wait_s if wait is None else wait)
            except TimeoutError:
                return {"status": "verifying"}
        up = self.get_upload(unit_code, upload_id)
        if up is not None and up.status in ("accepted", "refused"):
            return json.loads(up.result_json)
        return {"status": "verifying"}

    def _finish_upload(self, unit_code: str, upload_id: str) -> dict[str, Any]:
        try:
            path = self.storage.partial_path(upload_id)
            result = self.process_package(unit_code, path, channel="tus", upload_id=upload_id)
            with self.session() as s:
                row = s.get(Upload, upload_id)
                if row is not None:
                    row.status = result["status"]
                    row.result_json = _j(result)
                    row.package_sha256 = result["receipt"]["receipt"].get("package_sha256") or ""
                    row.updated = int(time.time())
                    s.add(row)
                    s.commit()
            self.storage.delete_partial(upload_id)
            return result
        except BaseException:
            with self.session() as s:
                s.exec(update(Upload).where(Upload.id == upload_id, Upload.status == "verifying")  # type: ignore[call-overload]
                       .values(status="complete"))
                s.commit()
            raise
        finally:
            with self._futures_lock:
                self._futures.pop(upload_id, None)

    def _verify(self, path: Path) -> Any:
        if self._verifier is not None:
            return self._verifier(path)
        # the one verification the app, `pardesk verify` and the server share (not a copy):
        # zip safety, bag, CMS signature, signer's unit code, recomputed scores
        from parDesk.package.checks import verify_submission

        return verify_submission(path)

    def existing_submission(self, sha256: str) -> Submission | None:
        with self.session() as s:
            return s.exec(select(Submission).where(Submission.package_sha256 == sha256)).first()

    def submission_for_unit(self, unit_code: str, sha256: str) -> Submission | None:
        sub = self.existing_submission(sha256)
        return sub if sub is not None and sub.unit_code == unit_code else None

    def process_package(self, unit_code: str | None, path: Path, channel: str, known_sha256: str | None = None,
                        upload_id: str | None = None) -> dict[str, Any]:
        """Verify a package file and accept or refuse it; returns {status, receipt}.

        ``unit_code`` None (a USB import): the unit is the one the package names,
        which must be an approved unit; the same checks apply.
        """
        if known_sha256:
            sub = self.existing_submission(known_sha256)
            if sub is not None and (unit_code is None or sub.unit_code == unit_code):
                return {"status": "accepted", "receipt": json.loads(sub.receipt_json), "duplicate": True}
        size = path.stat().st_size
        problems: list[ParDeskError] = []
        report = None
        if size > self.config.max_package_bytes:
            problems.append(ParDeskError("pkg.too_large", size=size, limit=self.config.max_package_bytes))
            sha = known_sha256 or _sha256_file(path)
        else:
            report = self._verify(path)
            sha = report.package_sha256 or known_sha256 or _sha256_file(path)
            problems.extend(report.problems)
        bag = dict(report.bag_info) if report is not None else {}
        bag_unit = bag.get("Unit-Code", "")
        who = unit_code or bag_unit
        sub = self.existing_submission(sha)
        if sub is not None and sub.unit_code == who:
            return {"status": "accepted", "receipt": json.loads(sub.receipt_json), "duplicate": True}
        with self.session() as s:
            unit = s.get(Unit, who) if who else None
            published = s.get(Framework, bag.get("Framework-SHA256", "")) if bag.get("Framework-SHA256") else None
        if report is not None and report.package_sha256 is not None and not problems:
            if unit is None or unit.status != "approved":
                problems.append(ParDeskError("srv.unknown_unit", unit=who or "?"))
            if unit_code is not None and bag_unit != unit_code:
                problems.append(ParDeskError("pkg.other_unit", bag_unit=bag_unit, unit=unit_code))
            if unit is not None and report.signer is not None and \
                    protocol.key_fingerprint(report.signer) != unit.signing_key_fp:
                problems.append(ParDeskError("pkg.wrong_key"))
            if published is None:
                problems.append(ParDeskError("pkg.framework_unpublished",
                                             fw=bag.get("Framework-Id", "") + " " + bag.get("Framework-SHA256", "")[:12]))
        version = _int_field(bag, "Submission-Version", problems)
        year = _int_field(bag, "Assessment-Year", problems)
        totals: dict[str, Any] = {}
        if not problems and report is not None:
            totals = _read_totals(path)
            with self.session() as s:
                clash = s.exec(select(Submission).where(Submission.unit_code == who, Submission.year == year,
                                                        Submission.version == version,
                                                        Submission.package_sha256 != sha)).first()
            if clash is not None:
                problems.append(ParDeskError("pkg.version_exists", version=version))
        stamp = utc_iso()
        fields: dict[str, Any] = {
            "receipt_id": uuid.uuid4().hex, "unit": who, "unit_name": (unit.name if unit else bag.get("Source-Organization", "")),
            "package_sha256": sha, "size": size, "version": version, "year": year,
            "submission_id": bag.get("Submission-Id", ""), "framework_hash": bag.get("Framework-SHA256", ""),
            "previous_sha256": bag.get("Previous-Package-SHA256", ""), "received_at": stamp, "channel": channel,
        }
        if problems:
            fields.update(verdict="refused", reasons=reason_dicts(problems))
            receipt = sign_receipt(fields, self.key, self.cert)
            if unit is not None and unit_code is not None:
                with self.session() as s:
                    s.add(Event(unit_code=unit.code, kind="receipt", created_at=stamp, data_json=_j(receipt)))
                    s.commit()
            return {"status": "refused", "receipt": receipt}
        assert unit is not None
        fields.update(verdict="accepted", reasons=[])
        receipt = sign_receipt(fields, self.key, self.cert)
        key = self.storage.commit(upload_id, sha) if upload_id else self.storage.import_file(path, sha)
        try:
            with self.session() as s:
                s.add(Submission(unit_code=who, package_sha256=sha, size=size, year=year, version=version,
                                 submission_id=fields["submission_id"], previous_sha256=fields["previous_sha256"],
                                 framework_hash=fields["framework_hash"], channel=channel, received_at=stamp,
                                 storage_key=key, totals_json=_j(totals), receipt_json=_j(receipt)))
                s.add(Event(unit_code=who, kind="receipt", created_at=stamp, data_json=_j(receipt)))
                s.commit()
        except IntegrityError:  # the same package finished at the same moment elsewhere: its receipt
            sub = self.existing_submission(sha)
            assert sub is not None
            return {"status": "accepted", "receipt": json.loads(sub.receipt_json), "duplicate": True}
        return {"status": "accepted", "receipt": receipt}

    def import_usb(self, path: Path) -> dict[str, Any]:
        """A package carried on a USB stick: same verification; the receipt goes back as a file."""
        return self.process_package(None, Path(path), channel="usb")

    # ------------------------------------------------------------------
    # Feed, frameworks, appraisals

    def feed(self, unit_code: str, after: int, limit: int = 100) -> dict[str, Any]:
        limit = max(1, min(limit, 500))
        with self.session() as s:
            rows = list(s.exec(select(Event).where(or_(Event.unit_code == unit_code, Event.unit_code == "*"),
                                                   Event.id > after)
                               .order_by(Event.id).limit(limit + 1)))  # type: ignore[arg-type]
        more = len(rows) > limit
        rows = rows[:limit]
        events = [{"id": e.id, "kind": e.kind, "at": e.created_at, "data": json.loads(e.data_json)} for e in rows]
        return {"events": events, "cursor": rows[-1].id if rows else after, "more": more}

    def publish_framework(self, data: bytes, source: str = "framework.json") -> Framework:
        fw = parse_framework_bytes(data, source=source)
        stamp = utc_iso()
        with self.session() as s:
            row = s.get(Framework, fw.hash)
            if row is not None:
                return row
            row = Framework(hash=fw.hash, fw_id=fw.id, year=fw.year, title=fw.title,
                            canonical=fw.canonical_bytes(), published_at=stamp)
            s.add(row)
            s.add(Event(unit_code="*", kind="framework", created_at=stamp,
                        data_json=_j({"hash": fw.hash, "id": fw.id, "title": fw.title, "year": fw.year})))
            s.commit()
            return row

    def framework_bytes(self, fw_hash: str) -> bytes | None:
        with self.session() as s:
            row = s.get(Framework, fw_hash)
            return bytes(row.canonical) if row else None

    def import_appraisals(self, rows: Iterable[dict[str, Any]], year: int | None = None) -> dict[str, int]:
        """Appraisal results per leaf, for many units at once; all or nothing.

        Each row: unit_code, code, round (1|2), score (blank = none), comment,
        request_explanation (bool). Applied to the unit's latest accepted package.
        """
        from decimal import Decimal, InvalidOperation

        errors: list[ParDeskError] = []
        by_unit: dict[str, list[dict[str, Any]]] = {}
        latest: dict[str, Submission] = {}
        frameworks: dict[str, Any] = {}
        with self.session() as s:
            for i, raw in enumerate(rows, start=1):
                where = f"#{i}"
                unit = str(raw.get("unit_code") or raw.get("unit") or "").strip()
                code = str(raw.get("code") or "").strip()
                if unit not in latest:
                    q = select(Submission).where(Submission.unit_code == unit)
                    if year is not None:
                        q = q.where(Submission.year == year)
                    sub = s.exec(q.order_by(Submission.id.desc())).first()  # type: ignore[union-attr]
                    if sub is None:
                        errors.append(ParDeskError("srv.appraisal_unit", where=where, unit=unit, year=year or ""))
                        continue
                    latest[unit] = sub
                sub = latest[unit]
                if sub.framework_hash not in frameworks:
                    fw_row = s.get(Framework, sub.framework_hash)
                    frameworks[sub.framework_hash] = parse_framework_bytes(bytes(fw_row.canonical)) if fw_row else None
                fw = frameworks[sub.framework_hash]
                try:
                    leaf = fw.leaf(code)
                except (ParDeskError, KeyError, AttributeError):
                    errors.append(ParDeskError("srv.appraisal_code", where=where, code=code, unit=unit))
                    continue
                try:
                    rnd = int(raw.get("round") or 1)
                except (TypeError, ValueError):
                    rnd = 0
                if rnd not in (1, 2):
                    errors.append(ParDeskError("srv.appraisal_round", where=where))
                    continue
                score_raw = raw.get("score")
                score: str | None = None
                if score_raw not in (None, ""):
                    try:
                        value = Decimal(str(score_raw).replace(",", "."))
                    except InvalidOperation:
                        value = Decimal(-1)
                    if not (0 <= value <= leaf.max):
                        errors.append(ParDeskError("srv.appraisal_score", where=where, score=score_raw, max=leaf.max,
                                                   code=code))
                        continue
                    score = format(value.normalize(), "f")
                req = raw.get("request_explanation")
                req_b = str(req).strip().lower() in ("1", "true", "yes", "x", "có", "co") if req is not None else False
                by_unit.setdefault(unit, []).append({"code": code, "round": rnd, "score": score,
                                                     "comment": str(raw.get("comment") or ""),
                                                     "request_explanation": req_b})
        if errors:
            raise ValidationErrors(errors)
        stamp = utc_iso()
        with self.session() as s:
            for unit, results in by_unit.items():
                sub = latest[unit]
                ev = Event(unit_code=unit, kind="appraisal", created_at=stamp,
                           data_json=_j({"package_sha256": sub.package_sha256, "version": sub.version,
                                         "year": sub.year, "results": results}))
                s.add(ev)
                s.flush()
                for r in results:
                    s.add(Appraisal(unit_code=unit, year=sub.year, code=r["code"], round=r["round"], score=r["score"],
                                    comment=r["comment"], request_explanation=r["request_explanation"],
                                    package_sha256=sub.package_sha256, created_at=stamp, event_id=ev.id or 0))
            s.commit()
        return {u: len(r) for u, r in by_unit.items()}


class TooManyUploads(Exception):
    pass


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _int_field(bag: dict[str, str], label: str, problems: list[ParDeskError]) -> int:
    value = bag.get(label, "")
    if not value:
        return 0
    try:
        return int(value)
    except ValueError:
        problems.append(ParDeskError("pkg.bad_field", where="bag-info.txt", label=label, value=value))
        return 0


def _read_totals(path: Path) -> dict[str, Any]:
    """The claimed totals from data/assessment.json (already verified against the manifest)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("data/assessment.json")
            if info.file_size > 64 * 1024 * 1024:
                return {}
            data = json.loads(zf.read(info))
        totals = data.get("totals") or {}
        return {k: totals.get(k) for k in ("total", "max", "max_applicable", "percent", "rating", "base", "bonus",
                                           "penalty")}
    except (KeyError, ValueError, zipfile.BadZipFile, OSError):
        return {}
