"""The checks a parDesk submission must pass beyond a valid signed bag.

:func:`verify_submission` is the one verification the app, `pardesk verify`
and the provincial server all run: zip safety and parDesk's canonical zip
shape and layout, bag validity, the CMS signature over the tag manifest, the
signer's unit code against bag-info (all in
:func:`parDesk.package.verify.verify_package`), plus what only a submission has:

* bag-info carries every field the verifier and the server rely on, each
  exactly once, in its format, and no field parDesk does not write
  (:func:`check_bag_info`);
* ``assessment.json`` and ``framework.json`` are strictly what parDesk writes,
  and every score recomputes (:mod:`parDesk.package.recompute`);
* every ``data/evidence/<sha256>.<ext>`` hashes to its own name and to the
  hash ``assessment.json`` records for that document, and no evidence file
  rides along unreferenced (:func:`check_evidence`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.models.snapshot import Snapshot, SnapshotEvidence
from parDesk.package.bag import BAG_INFO
from parDesk.package.recompute import ASSESSMENT, FRAMEWORK, check_parsed, load_assessment_strict, load_framework_strict
from parDesk.package.signed_forms import check_signed_forms
from parDesk.package.trust import TrustStep
from parDesk.package.verify import ExtraCheck, VerifyContext, VerifyReport, verify_package
from parDesk.package.zipsafe import EVIDENCE_RE, pardesk_layout

JSON_LIMIT = 32 * 1024 * 1024
FRAMEWORK_LIMIT = 8 * 1024 * 1024
FIELD_LIMIT = 1024

_HEX64 = r"[0-9a-f]{64}"
_TEXT = r"[^\x00-\x1f\x7f]{1,300}"
#: Every bag-info field a submission has, with its format. ``True``: required.
BAG_FIELDS: dict[str, tuple[bool, str]] = {
    "Source-Organization": (True, _TEXT),
    "Unit-Code": (True, r"[0-9A-Za-z._-]{1,32}"),
    "Unit-Province": (False, _TEXT),
    "Framework-Id": (True, r"[0-9A-Za-z._-]{1,100}"),
    "Framework-SHA256": (True, _HEX64),
    "Assessment-Year": (True, r"(19|20|21)[0-9]{2}"),
    "Submission-Id": (True, r"[0-9A-Za-z._-]{1,64}"),
    "Submission-Version": (True, r"[1-9][0-9]{0,3}"),
    "Previous-Package-SHA256": (True, _HEX64 + "|none"),
    "Frozen-At": (False, r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,15}([+-][0-9]{2}:[0-9]{2}|Z)?"),
    "External-Description": (False, _TEXT),
    "Bagging-Date": (True, r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    "Payload-Oxum": (True, r"[0-9]{1,15}\.[0-9]{1,6}"),
    "Signer-Certificate-SHA256": (True, _HEX64),
}

register({
    "sub.missing_entry": ("thiếu {name} trong gói", "{name} is missing from the package"),
    "sub.field_missing": ("thiếu trường bắt buộc {label}", "the required field {label} is missing"),
    "sub.field_unknown": ("trường {label} không thuộc gói parDesk", "field {label} is not part of a parDesk package"),
    "sub.field_format": ("trường {label} không đúng định dạng: {value}", "field {label} is malformed: {value}"),
    "sub.field_too_long": ("trường {label} quá dài ({size} byte, tối đa {limit})",
                           "field {label} is too long ({size} bytes, at most {limit})"),
    "sub.evidence_name": ("tệp minh chứng có nội dung SHA-256 {actual}, không khớp tên tệp",
                          "the evidence file's content has SHA-256 {actual}, which does not match its name"),
    "sub.evidence_unlisted": ("tệp minh chứng không được mục nào trong assessment.json nhắc tới",
                              "no item in assessment.json refers to this evidence file"),
    "sub.evidence_missing": ("tài liệu “{doc}” của mục {code}: tệp {file} không có trong gói",
                             "document “{doc}” of item {code}: the file {file} is not in the package"),
    "sub.evidence_hash": ("tài liệu “{doc}” của mục {code}: nội dung tệp (SHA-256 {actual}) khác mã ghi trong "
                          "assessment.json ({recorded})",
                          "document “{doc}” of item {code}: the file's content (SHA-256 {actual}) differs from the "
                          "hash assessment.json records ({recorded})"),
    "sub.evidence_file": ("tài liệu “{doc}” của mục {code}: tên tệp {file} không khớp mã SHA-256 ghi kèm",
                          "document “{doc}” of item {code}: the file name {file} does not match its recorded SHA-256"),
    "sub.evidence_size": ("tài liệu “{doc}” của mục {code}: kích thước {actual} byte khác {recorded} byte đã ghi",
                          "document “{doc}” of item {code}: size {actual} bytes differs from the recorded {recorded}"),
})


def check_bag_info(items: Sequence[tuple[str, str]]) -> list[ParDeskError]:
    """Every field a submission relies on present, each in its format; nothing else (repeats: verify.py)."""
    problems: list[ParDeskError] = []
    seen: set[str] = set()
    for label, value in items:
        spec = BAG_FIELDS.get(label)
        if spec is None:
            problems.append(ParDeskError("sub.field_unknown", where=BAG_INFO, label=label[:60]))
            continue
        size = len(value.encode("utf-8"))
        if size > FIELD_LIMIT:
            problems.append(ParDeskError("sub.field_too_long", where=BAG_INFO, label=label, size=size,
                                         limit=FIELD_LIMIT))
        elif not re.fullmatch(spec[1], value):
            problems.append(ParDeskError("sub.field_format", where=BAG_INFO, label=label, value=value[:70]))
        seen.add(label)
    for label, (required, _) in BAG_FIELDS.items():
        if required and label not in seen:
            problems.append(ParDeskError("sub.field_missing", where=BAG_INFO, label=label))
    return problems


def _doc_label(entry: SnapshotEvidence) -> str:
    """The document as the officer sees it: số, ký hiệu — trích yếu (or the file's original name)."""
    parts = [p for p in (entry.get("number"), entry.get("subject")) if isinstance(p, str) and p.strip()]
    return " — ".join(parts)[:120] or str(entry.get("original_name"))[:120]


def check_evidence(snap: Snapshot, payload: Iterable[str],
                   hashes: dict[str, tuple[str, int]]) -> list[ParDeskError]:
    """Evidence files against their names and against what assessment.json records for each document."""
    problems: list[ParDeskError] = []
    files = [n for n in payload if n.startswith("data/evidence/")]
    for name in files:
        m = EVIDENCE_RE.fullmatch(name)
        if m and name in hashes and hashes[name][0] != m.group(1):
            problems.append(ParDeskError("sub.evidence_name", where=name, actual=hashes[name][0][:16]))
    present = set(files)
    referenced: set[str] = set()
    for i, item in enumerate(snap["items"]):
        if item["kind"] != "leaf":
            continue
        for j, entry in enumerate(item["evidence"]):
            where = f"{ASSESSMENT}.items[{i}].evidence[{j}]"
            doc, code, file, sha = _doc_label(entry), item["code"], entry["file"], entry["sha256"]
            m = EVIDENCE_RE.fullmatch(file)
            if m is None or m.group(1) != sha:
                problems.append(ParDeskError("sub.evidence_file", where=where, doc=doc, code=code, file=file[:120]))
                continue
            referenced.add(file)
            if file not in present:
                problems.append(ParDeskError("sub.evidence_missing", where=where, doc=doc, code=code, file=file))
            elif file in hashes:
                actual, size = hashes[file]
                if actual != sha:
                    problems.append(ParDeskError("sub.evidence_hash", where=where, doc=doc, code=code,
                                                 actual=actual[:16], recorded=sha[:16]))
                elif size != entry["size"]:
                    problems.append(ParDeskError("sub.evidence_size", where=where, doc=doc, code=code, actual=size,
                                                 recorded=entry["size"]))
    for name in sorted(present - referenced):
        problems.append(ParDeskError("sub.evidence_unlisted", where=name))
    return problems


def check_submission(ctx: VerifyContext) -> Iterable[ParDeskError]:
    """bag-info fields, strict framework and assessment, recomputed scores, evidence hashes."""
    problems = check_bag_info(ctx.report.bag_info_items)
    names = set(ctx.payload_names)
    missing = [n for n in (ASSESSMENT, FRAMEWORK) if n not in names]
    if missing:
        return problems + [ParDeskError("sub.missing_entry", where=n, name=n) for n in missing]
    fw, fw_problems = load_framework_strict(ctx.read(FRAMEWORK, FRAMEWORK_LIMIT))
    snap, snap_problems = load_assessment_strict(ctx.read(ASSESSMENT, JSON_LIMIT))
    problems += fw_problems + snap_problems
    if snap is not None:
        problems += check_evidence(snap, ctx.payload_names, ctx.hashes)
    if fw is not None and snap is not None:
        problems += check_parsed(fw, snap, ctx.report.bag_info)
    return problems


#: kept for callers of the former name
check_scores = check_submission


def verify_submission(source: Path | str | BinaryIO, *, trusted: Sequence[x509.Certificate] | None = None,
                      pinned: Sequence[x509.Certificate] | None = None, trust_steps: Sequence[TrustStep] = (),
                      extra_checks: Sequence[ExtraCheck] = (), now: dt.datetime | None = None,
                      reference_time: dt.datetime | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> VerifyReport:
    """Verify a parDesk submission package; see :func:`parDesk.package.verify.verify_package`.

    ``reference_time``: the time the package is judged at — on the server, its
    receipt time; by default now. ``pinned``: the unit's registered
    certificate(s); ``trusted``: trust anchors. Without either, a package whose
    every check passes has the verdict "integrity verified, signer not verified".
    """
    return verify_package(source, trusted=trusted, pinned=pinned, trust_steps=trust_steps,
                          extra_checks=[check_submission, check_signed_forms, *extra_checks], now=reference_time or now,
                          progress=progress, cancelled=cancelled, names=pardesk_layout)
