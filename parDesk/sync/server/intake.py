"""Receiving packages: finalising an upload, verifying it, accepting or refusing it with a signed receipt.

One verification for the app, ``pardesk verify`` and the server (not a copy):
:func:`parDesk.package.checks.verify_submission`. On top of it the server
checks what only it knows: the unit is approved, the package is the sending
unit's and signed with its pinned key, the framework is one the province
published, and a version number is never reused with other content.

Every bag-info field the server copies into a receipt (and so into the feed)
is checked against a pattern and a length first (issue 13 §7): a package
cannot make every receipt and feed answer megabytes long.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from parDesk.fsutil import file_sha256 as _sha256_file
from parDesk.i18n import ParDeskError, register
from parDesk.sync import protocol
from parDesk.sync.receipts import provisional_mark, reason_dicts, sign_receipt
from parDesk.sync.server.base import ServerContext, dumps, utc_iso
from parDesk.sync.server.models import Event, Framework, Submission, Unit
from parDesk.sync.server.uploads import Uploads

register({
    "pkg.other_unit": ("gói này là của đơn vị {bag_unit}, không phải của đơn vị đang gửi ({unit})",
                       "this package belongs to unit {bag_unit}, not to the sending unit ({unit})"),
    "pkg.wrong_key": ("gói được ký bằng khóa khác với khóa của đơn vị đã đăng ký với tỉnh; hãy ký lại bằng khóa đã "
                      "đăng ký "
                      "hoặc đăng ký lại khóa mới",
                      "the package is signed with a key other than the one the unit registered; sign it with the "
                      "registered key or register the new key"),
    "pkg.framework_unpublished": ("gói dùng bộ chỉ số {fw} chưa được tỉnh ban hành; hãy dùng bộ chỉ số tỉnh đã công bố",
                                  "the package uses framework {fw}, which the province has not published; use a "
                                  "published framework"),
    "pkg.version_exists": ("tỉnh đã nhận phiên bản {version} với nội dung khác; hãy mở phiên bản mới rồi ký lại",
                           "the province already holds version {version} with different content; open a new version "
                           "and sign again"),
    "pkg.bad_field": ("trường {label} trong bag-info.txt không hợp lệ: {value!r}",
                      "bag-info.txt field {label} is invalid: {value!r}"),
    "pkg.field_long": ("trường {label} trong bag-info.txt quá dài ({size} ký tự, tối đa {limit})",
                       "bag-info.txt field {label} is too long ({size} characters, at most {limit})"),
    "pkg.too_large": ("gói quá lớn ({size} byte, tối đa {limit})",
                      "the package is too large ({size} bytes, at most {limit})"),
})

Verdict = Literal["accepted", "refused"]
FinaliseState = Literal["not_found", "incomplete", "verifying", "accepted", "refused"]
Receipt = dict[str, Any]  # the signed wire document of :mod:`parDesk.sync.receipts`

_HEX64 = r"[0-9a-f]{64}"
# bag-info fields the server reads: (pattern, at most this many characters)
BAG_FIELDS: dict[str, tuple[re.Pattern[str], int]] = {
    "Unit-Code": (re.compile(r"[0-9A-Za-z._-]{1,32}"), 32),
    "Source-Organization": (re.compile(r"[^\x00-\x1f\x7f]*"), 300),
    "Framework-Id": (re.compile(r"[^\x00-\x1f\x7f]*"), 120),
    "Framework-SHA256": (re.compile(_HEX64), 64),
    "Submission-Id": (re.compile(r"[\x21-\x7e]{0,128}"), 128),
    "Submission-Version": (re.compile(r"[0-9]{1,9}"), 9),
    "Assessment-Year": (re.compile(r"[0-9]{4}"), 4),
    "Previous-Package-SHA256": (re.compile(_HEX64 + r"|none|"), 64),
}
ANY_FIELD_LIMIT = 4096  # any other field the verifier let through is still bounded before it is copied


@dataclass(frozen=True)
class IntakeResult:
    """The verdict on one package, with its signed receipt."""

    status: Verdict
    receipt: Receipt
    duplicate: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "receipt": self.receipt}
        if self.duplicate:
            out["duplicate"] = True
        return out


@dataclass(frozen=True)
class FinaliseResult:
    """What ``POST /v1/uploads/<id>/finalise`` answers."""

    status: FinaliseState
    receipt: Receipt | None = None
    duplicate: bool = False
    offset: int | None = None
    length: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, result: IntakeResult) -> FinaliseResult:
        return cls(result.status, result.receipt, result.duplicate)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FinaliseResult:
        return cls(data["status"], data.get("receipt"), bool(data.get("duplicate")))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status}
        if self.receipt is not None:
            out["receipt"] = self.receipt
        if self.duplicate:
            out["duplicate"] = True
        if self.offset is not None:
            out["offset"], out["length"] = self.offset, self.length
        return out


def bounded_bag(bag: dict[str, str], problems: list[ParDeskError]) -> dict[str, str]:
    """The bag-info fields the server uses, each checked; a bad or oversized one becomes a problem and ''."""
    out: dict[str, str] = {}
    for label, value in bag.items():
        rule = BAG_FIELDS.get(label)
        limit = rule[1] if rule else ANY_FIELD_LIMIT
        if len(value) > limit:
            problems.append(ParDeskError("pkg.field_long", where="bag-info.txt", label=label[:64], size=len(value),
                                         limit=limit))
            continue
        if rule is not None and not rule[0].fullmatch(value):
            problems.append(ParDeskError("pkg.bad_field", where="bag-info.txt", label=label, value=value[:80]))
            continue
        out[label] = value
    return out


class Intake:
    def __init__(self, ctx: ServerContext, uploads: Uploads, verifier: Callable[..., Any] | None = None) -> None:
        self.ctx = ctx
        self.uploads = uploads
        self._verifier = verifier
        self._executor = ThreadPoolExecutor(max_workers=ctx.config.verify_workers, thread_name_prefix="verify")
        self._futures: dict[str, Future[IntakeResult]] = {}
        self._futures_lock = threading.Lock()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    # ------------------------------------------------------------------ finalising an upload

    def finalise(self, unit_code: str, upload_id: str, wait: float | None = None) -> FinaliseResult:
        """Start (once) or report the verification of a complete upload. Idempotent."""
        up = self.uploads.get(unit_code, upload_id)
        if up is None:
            return FinaliseResult("not_found")
        if up.status in ("accepted", "refused"):
            return FinaliseResult.from_json(json.loads(up.result_json))
        if up.status == "open":
            return FinaliseResult("incomplete", offset=up.offset, length=up.length)
        with self._futures_lock:
            fut = self._futures.get(upload_id)
        if fut is None and self.uploads.set_status(upload_id, "verifying", old="complete"):
            # this call moved it to verifying (a conditional update: only one caller can, and it waits
            # for nothing under a lock); the task's own clean-up takes the lock, so it cannot run before
            # the future is recorded
            with self._futures_lock:
                fut = self._executor.submit(self._finish_upload, unit_code, upload_id)
                self._futures[upload_id] = fut
        if fut is not None:
            try:
                return FinaliseResult.of(fut.result(timeout=self.ctx.config.finalise_wait_s if wait is None else wait))
            except TimeoutError:
                return FinaliseResult("verifying")
        up = self.uploads.get(unit_code, upload_id)
        if up is not None and up.status in ("accepted", "refused"):
            return FinaliseResult.from_json(json.loads(up.result_json))
        return FinaliseResult("verifying")

    def _finish_upload(self, unit_code: str, upload_id: str) -> IntakeResult:
        try:
            path = self.ctx.storage.partial_path(upload_id)
            result = self.process_package(unit_code, path, channel="tus", upload_id=upload_id)
            self.uploads.set_status(upload_id, result.status, result_json=dumps(result.to_json()),
                                    package_sha256=result.receipt["receipt"].get("package_sha256") or "")
            self.ctx.storage.delete_partial(upload_id)
            return result
        except BaseException:
            self.uploads.set_status(upload_id, "complete", old="verifying")
            raise
        finally:
            with self._futures_lock:
                self._futures.pop(upload_id, None)

    # ------------------------------------------------------------------ verifying a package

    def _verify(self, path: Path) -> Any:
        if self._verifier is not None:
            return self._verifier(path)
        # the one verification the app, `pardesk verify` and the server share (not a copy):
        # zip safety, bag, CMS signature, signer's unit code, recomputed scores
        from parDesk.package.checks import verify_submission

        return verify_submission(path)

    def existing_submission(self, sha256: str) -> Submission | None:
        with self.ctx.read_session() as s:
            return s.exec(select(Submission).where(Submission.package_sha256 == sha256)).first()

    def submission_for_unit(self, unit_code: str, sha256: str) -> Submission | None:
        sub = self.existing_submission(sha256)
        return sub if sub is not None and sub.unit_code == unit_code else None

    def _duplicate(self, sub: Submission) -> IntakeResult:
        return IntakeResult("accepted", json.loads(sub.receipt_json), duplicate=True)

    def process_package(self, unit_code: str | None, path: Path, channel: str, known_sha256: str | None = None,
                        upload_id: str | None = None) -> IntakeResult:
        """Verify a package file and accept or refuse it.

        ``unit_code`` None (a USB import): the unit is the one the package names,
        which must be an approved unit; the same checks apply.
        """
        if known_sha256:
            sub = self.existing_submission(known_sha256)
            if sub is not None and (unit_code is None or sub.unit_code == unit_code):
                return self._duplicate(sub)
        size = path.stat().st_size
        problems: list[ParDeskError] = []
        report = None
        if size > self.ctx.config.max_package_bytes:
            problems.append(ParDeskError("pkg.too_large", size=size, limit=self.ctx.config.max_package_bytes))
            sha = known_sha256 or _sha256_file(path)
        else:
            report = self._verify(path)
            sha = report.package_sha256 or known_sha256 or _sha256_file(path)
            problems.extend(report.problems)
        bag = bounded_bag(dict(report.bag_info), problems) if report is not None else {}
        bag_unit = bag.get("Unit-Code", "")
        who = unit_code or bag_unit
        sub = self.existing_submission(sha)
        if sub is not None and sub.unit_code == who:
            return self._duplicate(sub)
        with self.ctx.read_session() as s:
            unit = s.get(Unit, who) if who else None
            published = s.get(Framework, bag["Framework-SHA256"]) if bag.get("Framework-SHA256") else None
        provisional: list[ParDeskError] = []  # accepted only because the policy allows an unknown revocation
        if report is not None and report.package_sha256 is not None and not problems:
            problems.extend(self._server_checks(
                unit, unit_code, who, bag, report, published,
                ca_signer=lambda cert: self._check_ca_signer(who, cert, path, provisional)))
        version = int(bag.get("Submission-Version") or 0)
        year = int(bag.get("Assessment-Year") or 0)
        totals: dict[str, Any] = {}
        if not problems and report is not None:
            totals = _read_totals(path)
            with self.ctx.read_session() as s:
                clash = s.exec(select(Submission).where(Submission.unit_code == who, Submission.year == year,
                                                        Submission.version == version,
                                                        Submission.package_sha256 != sha)).first()
            if clash is not None:
                problems.append(ParDeskError("pkg.version_exists", version=version))
        stamp = utc_iso()
        fields: dict[str, Any] = {
            "receipt_id": uuid.uuid4().hex, "unit": who,
            "unit_name": unit.name if unit else bag.get("Source-Organization", ""),
            "package_sha256": sha, "size": size, "version": version, "year": year,
            "submission_id": bag.get("Submission-Id", ""), "framework_hash": bag.get("Framework-SHA256", ""),
            "previous_sha256": bag.get("Previous-Package-SHA256", ""), "received_at": stamp, "channel": channel,
        }
        if problems:
            fields.update(verdict="refused", reasons=reason_dicts(problems))
            receipt = sign_receipt(fields, self.ctx.key, self.ctx.cert)
            if unit is not None and unit_code is not None:
                with self.ctx.session() as s:
                    s.add(Event(unit_code=unit.code, kind="receipt", created_at=stamp, data_json=dumps(receipt)))
                    s.commit()
            return IntakeResult("refused", receipt)
        assert unit is not None
        fields.update(verdict="accepted", reasons=[])
        if provisional:
            fields["provisional"] = provisional_mark(provisional)
        receipt = sign_receipt(fields, self.ctx.key, self.ctx.cert)
        key = self.ctx.storage.commit(upload_id, sha) if upload_id else self.ctx.storage.import_file(path, sha)
        try:
            with self.ctx.session() as s:
                s.add(Submission(unit_code=who, package_sha256=sha, size=size, year=year, version=version,
                                 submission_id=fields["submission_id"], previous_sha256=fields["previous_sha256"],
                                 framework_hash=fields["framework_hash"], channel=channel, received_at=stamp,
                                 storage_key=key, totals_json=dumps(totals), receipt_json=dumps(receipt)))
                s.add(Event(unit_code=who, kind="receipt", created_at=stamp, data_json=dumps(receipt)))
                s.commit()
        except IntegrityError:  # the same package finished at the same moment elsewhere: its receipt
            sub = self.existing_submission(sha)
            assert sub is not None
            return self._duplicate(sub)
        self.ctx.after_accept(who, year)
        return IntakeResult("accepted", receipt)

    def _check_ca_signer(self, who: str, cert: Any, path: Path, provisional: list[ParDeskError]) -> list[ParDeskError]:
        """A CA-issued signer (a token's certificate): chain at the receipt time + binding (certtrust)."""
        import datetime as dt

        from parDesk.sync.server.certtrust import check_ca_signer, signature_certificates
        return check_ca_signer(self.ctx, who, cert, signature_certificates(path), dt.datetime.now(dt.UTC),
                               provisional=provisional)

    @staticmethod
    def _server_checks(unit: Unit | None, unit_code: str | None, who: str, bag: dict[str, str], report: Any,
                       published: Framework | None,
                       ca_signer: Callable[[Any], list[ParDeskError]] | None = None) -> list[ParDeskError]:
        """What only the server knows: the unit, its pinned key, the published frameworks."""
        problems: list[ParDeskError] = []
        bag_unit = bag.get("Unit-Code", "")
        if unit is None or unit.status != "approved":
            problems.append(ParDeskError("srv.unknown_unit", unit=who or "?"))
        if unit_code is not None and bag_unit != unit_code:
            problems.append(ParDeskError("pkg.other_unit", bag_unit=bag_unit, unit=unit_code))
        if unit is not None and report.signer is not None and \
                protocol.key_fingerprint(report.signer) != unit.signing_key_fp:
            if ca_signer is not None and report.signer.issuer != report.signer.subject:
                problems.extend(ca_signer(report.signer))  # not the pinned key: a CA-issued certificate?
            else:
                problems.append(ParDeskError("pkg.wrong_key"))
        if published is None:
            problems.append(ParDeskError("pkg.framework_unpublished",
                                         fw=bag.get("Framework-Id", "") + " " + bag.get("Framework-SHA256", "")[:12]))
        return problems

    def import_usb(self, path: Path) -> IntakeResult:
        """A package carried on a USB stick: same verification; the receipt goes back as a file."""
        return self.process_package(None, Path(path), channel="usb")


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
