"""The frozen assessment: one plain dict that says everything that was claimed.

Its shape is :class:`parDesk.models.snapshot.Snapshot` (TypedDicts, so it stays
the plain JSON dict it is on disk).

It is written into the submission package as ``data/assessment.json`` and it is
what the printed forms render from, so the province can print the same forms
from the package it received. Decimals are strings with a dot; keys are sorted
when serialised (:func:`snapshot_bytes`), so the same state gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from parDesk.models.framework import Framework, Leaf, Node, canonical_json
from parDesk.models.snapshot import (
    SNAPSHOT_FORMAT,
    Snapshot,
    SnapshotAppraisal,
    SnapshotEvidence,
    SnapshotItem,
    SnapshotLeaf,
    SnapshotNode,
)
from parDesk.scoring import compute_totals
from parDesk.scoring import decimal_text as _dec
from parDesk.workspace import Workspace

FORMAT = SNAPSHOT_FORMAT


_EXT = re.compile(r"[a-z0-9]{1,10}")


def evidence_file(sha256: str, ext: str | None) -> str:
    """``data/evidence/<sha256>.<ext>``: the one name a document has in a package.

    The extension is kept only if it fits the package layout (lower-case ASCII
    letters and digits, as :data:`parDesk.package.zipsafe.LAYOUT_RE` allows).
    """
    ext = (ext or "").lower()
    return f"data/evidence/{sha256}" + (f".{ext}" if _EXT.fullmatch(ext) else "")


def _d(value: Decimal | None) -> str | None:
    return None if value is None else _dec(value)


def build_snapshot(ws: Workspace, frozen_at: str | None = None,
                   previous_package_hash: str | None = None, *, claims_only: bool = True) -> Snapshot:
    """The assessment as one dict.

    ``claims_only`` (the default, and what a package carries): the unit's own
    claims and nothing else. No ``appraisal`` entries, no score for items the
    province scores (survey, appraisal-only), totals computed without them —
    the verifier refuses a package that says anything about the province's
    points (:mod:`parDesk.package.recompute`). ``claims_only=False`` adds the
    appraisals received from the province and counts them, for the unit's own
    prints of an appraised assessment.
    """
    fw: Framework = ws.framework
    unit = ws.unit()
    a = ws.assessment()
    answers = ws.answers()
    summary = ws.summary()
    totals = summary.totals
    appraisals = {} if claims_only else ws.appraisals()
    if claims_only:
        states = {code: dataclasses.replace(st, appraised=None) for code, st in ws.leaf_states(answers).items()}
        totals = compute_totals(fw, states)
    docs = {d.id: d for d in ws.documents()}
    links: dict[str, list[tuple[int, str]]] = {}
    for lk in sorted(ws.links(), key=lambda lk: (lk.code, lk.document_id)):
        links.setdefault(lk.code, []).append((lk.document_id, lk.page_ref))

    items: list[SnapshotItem] = []

    def leaf_item(leaf: Leaf, depth: int, parent: str | None) -> SnapshotLeaf:
        ans = answers[leaf.code]
        evidence: list[SnapshotEvidence] = []
        for doc_id, page_ref in links.get(leaf.code, []):
            d = docs[doc_id]
            evidence.append({
                "sha256": d.sha256, "file": evidence_file(d.sha256, d.ext),
                "original_name": d.original_name, "media_type": d.media_type, "size": d.size,
                "number": d.number, "date": d.issued_date, "issuer": d.issuer, "subject": d.subject,
                "page_ref": page_ref or d.page_ref,
            })
        item: SnapshotLeaf = {
            "code": leaf.code, "title": leaf.title, "kind": "leaf", "block": leaf.block, "depth": depth,
            "parent": parent, "max": _dec(leaf.max), "score": _d(totals.leaf_scores.get(leaf.code)),
            "max_applicable": "0" if (ans.not_applicable and leaf.can_be_na) else _dec(leaf.max),
            "rule_kind": leaf.rule.kind, "self_scored": leaf.self_scored,
            "not_applicable": bool(ans.not_applicable and leaf.can_be_na), "inputs": ans.inputs,
            "explanation": ans.explanation, "status": summary.statuses[leaf.code].status,
            "requires_evidence": leaf.requires_evidence, "evidence": evidence,
        }
        if not claims_only:
            appraisal: list[SnapshotAppraisal] = [
                {"round": ap.round, "score": ap.score, "comment": ap.comment,
                 "request_explanation": bool(ap.request_explanation)}
                for ap in appraisals.get(leaf.code, [])]
            item["appraisal"] = appraisal
        return item

    def walk(node: Node, depth: int, parent: str | None) -> None:
        nt = totals.nodes[node.code]
        row: SnapshotNode = {
            "code": node.code, "title": node.title,
            "kind": "area" if depth == 0 else "criterion" if depth == 1 else "group", "block": "main",
            "depth": depth, "parent": parent, "max": _dec(node.max), "score": _dec(nt.score),
            "max_applicable": _dec(nt.max_applicable)}
        items.append(row)
        for child in node.children:
            if isinstance(child, Leaf):
                items.append(leaf_item(child, depth + 1, node.code))
            else:
                walk(child, depth + 1, node.code)

    for area in fw.areas:
        walk(area, 0, None)
    for item in fw.bonus.items:
        items.append(leaf_item(item, 0, None))
    for item in fw.penalty.items:
        items.append(leaf_item(item, 0, None))

    assert a.id is not None, "an assessment read from the database has its id"
    return {
        "format": FORMAT,
        "unit": {"code": unit.admin_code, "name": unit.name, "short_name": unit.short_name,
                 "province": unit.province, "governing_body": unit.governing_body, "place": unit.place,
                 "leader_name": unit.leader_name, "leader_title": unit.leader_title},
        "framework": {"id": fw.id, "title": fw.title, "year": fw.year, "hash": fw.hash,
                      "decision": {"number": fw.decision.number, "date": fw.decision.date,
                                   "issuer": fw.decision.issuer}},
        "assessment": {"id": a.id, "year": a.year, "version": a.version, "status": a.status,
                       "previous_package_hash": previous_package_hash},
        "items": items,
        "totals": {"base": _dec(totals.base), "bonus": _dec(totals.bonus), "penalty": _dec(totals.penalty),
                   "total": _dec(totals.total), "max": _dec(totals.max),
                   "max_applicable": _dec(totals.max_applicable), "percent": _dec(totals.percent),
                   "rating": totals.rating, "rating_en": totals.rating_en,
                   "completed": totals.completed, "to_score": totals.to_score},
        "frozen_at": frozen_at,
    }


def snapshot_bytes(snapshot: Snapshot) -> bytes:
    return canonical_json(snapshot)
