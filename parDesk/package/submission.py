"""Freezing an assessment into a signed submission package, and its versions.

The package is built from the workspace's *frozen state*: the snapshot, the
framework, the audit log and the linked evidence files, stamped with the time of
the assessment's last change (not the time of the build). The CMS signing time is
that frozen time too (raised to the certificate's notBefore if the certificate is
newer), so building again from an unchanged state produces the same payload,
manifests and tag manifest, and with an EC key (deterministic ECDSA) the same
signature: the same package bytes and SHA-256. Still, a locked assessment returns
its existing package instead of signing a second time.

Signing locks the assessment. :func:`reopen` starts version n+1, which names
version n's package hash; every version stays on disk and in the database.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from parDesk.i18n import ParDeskError, register
from parDesk.identity import Signer
from parDesk.models.snapshot import Snapshot
from parDesk.models.tables import Assessment, AuditEntry, Outbox, OutboxHistory, Package
from parDesk.package.bag import BuildResult, PayloadEntry, build_package
from parDesk.snapshot import build_snapshot, evidence_file, snapshot_bytes
from parDesk.workspace import Change, Workspace, now_iso

PACKAGES_DIR = "packages"
SUBMISSION_NS = uuid.UUID("5b0f2c4e-8a51-4d0e-9a39-7d1f0c2b6a10")

register({
    "sub.problems": ("Chưa thể ký nộp: còn {count} nội dung cần hoàn thiện (xem danh sách các nội dung còn thiếu).",
                     "Cannot sign yet: {count} things still need finishing (see the list of what is missing)."),
    "sub.changed": ("bản tự đánh giá đã thay đổi trong khi đóng gói; hãy ký lại",
                    "the assessment changed while it was being packaged; sign again"),
    "sub.reopened": ("đã mở phiên bản {version}", "opened version {version}"),
})

# Printed forms included under data/reports/, rendered from the frozen snapshot.
ReportHook = Callable[[Snapshot, Path], list[Path]]


def render_forms(snapshot: Snapshot, folder: Path) -> list[Path]:
    """The checklist, the scoring table and the letter, dated with the frozen date (deterministic PDFs)."""
    from parDesk import reports

    frozen_at = snapshot["frozen_at"]
    day = dt.datetime.fromisoformat(frozen_at).date() if frozen_at else None
    out = [folder / "danh-muc-tai-lieu-kiem-chung.pdf", folder / "bang-tong-hop-tu-cham-diem.pdf",
           folder / "van-ban-de-nghi-tham-dinh.pdf"]
    reports.render_checklist(snapshot, out[0], date=day)
    reports.render_table(snapshot, out[1], date=day)
    letter = reports.render_letter(snapshot, out[2], date=day)
    from parDesk.package.signed_forms import ROOMS
    if letter.signature_box is not None:  # where the PAdES signature goes (parDesk.package.signed_forms)
        ROOMS[str(out[2])] = letter.signature_box
    return out


REPORT_HOOKS: list[ReportHook] = [render_forms]


@dataclass(frozen=True)
class PackageRecord:
    id: int
    version: int
    path: Path
    sha256: str
    size: int
    previous_sha256: str | None
    submission_id: str
    signer_fingerprint: str
    created_at: str


def _record(ws: Workspace, row: Package) -> PackageRecord:
    return PackageRecord(row.id or 0, row.version, ws.folder / row.path, row.sha256, row.size, row.previous_sha256,
                         row.submission_id, row.signer_fingerprint, row.created_at)


def packages(ws: Workspace) -> list[PackageRecord]:
    with ws.reader() as s:
        return [_record(ws, r) for r in s.exec(select(Package).order_by(col(Package.id)))]


def previous_package(ws: Workspace, assessment: Assessment) -> PackageRecord | None:
    if assessment.previous_id is None:
        return None
    with ws.reader() as s:
        row = s.exec(select(Package).where(Package.assessment_id == assessment.previous_id)
                     .order_by(Package.id.desc())).first()  # type: ignore[union-attr]
        return _record(ws, row) if row else None


def submission_id(ws: Workspace) -> str:
    """Stable across versions: one submission per unit, framework and year."""
    a = ws.assessment()
    return str(uuid.uuid5(SUBMISSION_NS, f"{ws.unit().admin_code}:{a.framework_hash}:{a.year}"))


def last_change(ws: Workspace) -> tuple[int, dt.datetime]:
    """The assessment's last audit entry (id, time): the frozen state's identity and timestamp."""
    with ws.reader() as s:
        last = s.exec(select(AuditEntry).where(AuditEntry.assessment_id == ws.assessment_id)
                      .order_by(AuditEntry.id.desc())).first()  # type: ignore[union-attr]
    if last is None:
        return 0, dt.datetime.fromisoformat(ws.assessment().created_at)
    return int(last.id or 0), dt.datetime.fromisoformat(last.at)


def audit_jsonl(ws: Workspace, assessment_ids: list[int]) -> bytes:
    lines = []
    for aid in assessment_ids:
        for e in ws.iter_audit(aid):
            lines.append(json.dumps({"id": e.id, "at": e.at, "actor": e.actor, "action": e.action,
                                     "entity": e.entity, "key": e.entity_key, "assessment": e.assessment_id,
                                     "old": e.old, "new": e.new}, ensure_ascii=False, sort_keys=True))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def package_name(ws: Workspace) -> str:
    a = ws.assessment()
    return f"{ws.unit().admin_code}-{a.year}-v{a.version}.zip"


def document_label(doc: Any) -> str:
    """The document as the officer sees it: "số, ký hiệu — trích yếu (tên tệp)"."""
    head = " — ".join(p for p in (doc.number, doc.subject) if p and str(p).strip())
    return f"{head} ({doc.original_name})" if head else str(doc.original_name)


def _evidence_entry(ws: Workspace, doc: Any) -> PayloadEntry:
    """A stored evidence file, streamed without following symlinks and checked against its recorded hash."""
    label = document_label(doc)
    return PayloadEntry(evidence_file(doc.sha256, doc.ext)[len("data/"):], ws.evidence.path_for(doc.sha256),
                        sha256=doc.sha256, size=doc.size, label=label,
                        opener=lambda: ws.evidence.open_stored(doc.sha256, where=label))


@dataclass(frozen=True)
class Frozen:
    """Everything a package is built from; equal frozen states give equal packages.

    ``frozen_at`` (the assessment's last change) is the package's Frozen-At,
    its Bagging-Date (as a date) and its CMS signing time.
    """

    payload: list[PayloadEntry]
    bag_info: list[tuple[str, str]]
    bagging_date: dt.date
    dest: Path
    last_audit_id: int
    frozen_at: dt.datetime


def freeze(ws: Workspace, reports_dir: Path | None = None) -> Frozen:
    """The payload and bag-info of the current assessment, stamped with its last change."""
    a = ws.assessment()
    last_id, frozen = last_change(ws)
    prev = previous_package(ws, a)
    snap = build_snapshot(ws, frozen_at=frozen.isoformat(), previous_package_hash=prev.sha256 if prev else None)
    fw = ws.framework
    unit = ws.unit()
    ids = list(reversed(ws.version_chain()))  # oldest first
    payload: list[PayloadEntry] = [
        PayloadEntry("assessment.json", snapshot_bytes(snap)),
        PayloadEntry("audit.jsonl", audit_jsonl(ws, ids)),
        PayloadEntry("framework.json", fw.canonical_bytes()),
    ]
    seen: set[str] = set()
    for doc in sorted(ws.documents(), key=lambda d: d.sha256):
        if not doc.codes or doc.sha256 in seen:
            continue
        seen.add(doc.sha256)
        payload.append(_evidence_entry(ws, doc))
    if reports_dir is not None:
        for hook in REPORT_HOOKS:
            for path in sorted(hook(snap, reports_dir)):
                payload.append(PayloadEntry(f"reports/{path.name}", path))
    bag_info = [
        ("Source-Organization", unit.name),
        ("Unit-Code", unit.admin_code),
        ("Unit-Province", unit.province),
        ("Framework-Id", fw.id),
        ("Framework-SHA256", fw.hash),
        ("Assessment-Year", str(a.year)),
        ("Submission-Id", submission_id(ws)),
        ("Submission-Version", str(a.version)),
        ("Previous-Package-SHA256", prev.sha256 if prev else "none"),
        ("Frozen-At", frozen.isoformat()),
        ("External-Description", "parDesk: hồ sơ tự đánh giá, chấm điểm Chỉ số CCHC"),
    ]
    return Frozen(payload, bag_info, frozen.date(), ws.folder / PACKAGES_DIR / package_name(ws), last_id, frozen)


def build_submission(ws: Workspace, signer: Signer, *, progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, allow_problems: bool = False,
                     reports_dir: Path | None = None, tsa_url: str | None = None) -> PackageRecord:
    """Freeze, sign and record the current assessment; lock it; queue it in the outbox.

    With a :class:`parDesk.signing.signer.BaseSigner` (file key, PKCS#12, token) the printed
    forms are PAdES-signed first, by the same signer, at the package's signing time
    (:mod:`parDesk.package.signed_forms`); ``tsa_url`` (default: the workspace's setting, ``""``
    for none) adds an RFC 3161 timestamp (B-T).
    """
    a = ws.assessment()
    if a.status == "locked":  # already signed: the package is its identity
        with ws.reader() as s:
            row = s.exec(select(Package).where(Package.assessment_id == a.id)).first()
        if row is not None:
            return _record(ws, row)
    if ws.read_only is not None:  # a read-only folder or a full disk: say so before writing anything
        raise ws.read_only
    from parDesk.diskerrors import check_room

    check_room(ws.folder, sum(d.size for d in ws.documents()) + (1 << 20))  # the evidence, the forms, the tags
    problems = ws.validate()
    if problems and not allow_problems:
        raise ParDeskError("sub.problems", count=len(problems))
    import tempfile

    from parDesk.package import signed_forms
    if tsa_url is None:  # the workspace's own setting (``pardesk package tsa URL``); "" given means none
        tsa_url = ws.get_setting(signed_forms.TSA_SETTING)
    tsa_url = signed_forms.clean_tsa_url(tsa_url or "")
    with tempfile.TemporaryDirectory(prefix="pardesk-forms-") as tmp:
        frozen = freeze(ws, reports_dir or Path(tmp))
        if signed_forms.can_sign_forms(signer):
            cert = signer.certificate()
            when = max(frozen.frozen_at, cert.not_valid_before_utc)  # as build_package clamps the CMS time
            signed_forms.sign_forms(frozen.payload, signer, org_name=ws.unit().name, when=when,
                                    images=signed_forms.SignatureImages(ws.identity_dir).load(),
                                    tsa_url=tsa_url)
        prev = previous_package(ws, a)
        result: BuildResult = build_package(frozen.dest, frozen.payload, frozen.bag_info, signer,
                                            bagging_date=frozen.bagging_date, progress=progress,
                                            cancelled=cancelled, overwrite=True,
                                            signing_time=frozen.frozen_at)
    stamp = now_iso()
    with ws.session() as s:
        newer = s.exec(select(AuditEntry.id).where(AuditEntry.assessment_id == ws.assessment_id,
                                                   col(AuditEntry.id) > frozen.last_audit_id)).first()
        if newer is not None:  # edited while the package was being built: it no longer says what is true
            result.path.unlink(missing_ok=True)
            raise ParDeskError("sub.changed")
        row = Package(assessment_id=ws.assessment_id, version=a.version,
                      path=str(result.path.relative_to(ws.folder)), sha256=result.sha256, size=result.size,
                      previous_sha256=prev.sha256 if prev else None, submission_id=submission_id(ws),
                      signer_fingerprint=result.signer_fingerprint, created_at=stamp)
        s.add(row)
        s.flush()
        assert row.id is not None
        box = Outbox(package_id=row.id, state="waiting", updated_at=stamp)
        s.add(box)
        s.flush()
        assert box.id is not None
        s.add(OutboxHistory(outbox_id=box.id, at=stamp, state="waiting"))
        ws.lock(s, {"version": a.version, "path": row.path, "signer": result.signer_fingerprint,
                    "size": result.size}, key=result.sha256)
        s.commit()
        return _record(ws, row)


def reopen(ws: Workspace) -> Change:
    """Start version n+1 from a locked version n (``Workspace.reopen``)."""
    return ws.reopen()
