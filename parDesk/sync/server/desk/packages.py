"""Reading a verified package for the desk: its assessment, framework and evidence, cached by hash.

Only packages the server accepted (rows of ``srv_submission``) are read, and
only through the package storage: a document is found by its SHA-256 inside
the package's ``data/assessment.json``, never by a name from a request.
"""

from __future__ import annotations

import json
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parDesk.models.framework import Framework, Leaf, parse_framework_bytes


@dataclass
class EvidenceRef:
    sha256: str
    member: str
    media_type: str
    size: int
    original_name: str
    meta: dict[str, Any]
    codes: set[str] = field(default_factory=set)


@dataclass
class PackageView:
    sha256: str
    unit_code: str
    version: int
    year: int
    snapshot: dict[str, Any]
    framework: Framework
    items: dict[str, dict[str, Any]]  # leaf code -> snapshot item
    evidence: dict[str, EvidenceRef]  # sha256 -> reference
    area_of: dict[str, str]  # leaf code -> area code ("bonus" / "penalty" for the blocks)


def area_map(fw: Framework) -> dict[str, str]:
    out: dict[str, str] = {}
    for area in fw.areas:
        for leaf in area.leaves():
            out[leaf.code] = area.code
    for leaf in fw.bonus.items:
        out[leaf.code] = "bonus"
    for leaf in fw.penalty.items:
        out[leaf.code] = "penalty"
    return out


def area_titles(fw: Framework) -> dict[str, str]:
    out = {a.code: a.title for a in fw.areas}
    out["bonus"] = fw.bonus.title or "Điểm thưởng"
    out["penalty"] = fw.penalty.title or "Điểm trừ"
    return out


def leaves_in_order(fw: Framework) -> list[Leaf]:
    return list(fw.all_leaves())


class PackageCache:
    """Parsed packages by hash (an accepted package never changes), bounded LRU."""

    def __init__(self, storage: Any, size: int = 512) -> None:
        self.storage = storage
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[str, PackageView] = OrderedDict()
        self._frameworks: dict[str, Framework] = {}

    def cached_framework(self, fw_hash: str) -> Framework | None:
        return self._frameworks.get(fw_hash)

    def framework(self, fw_hash: str, canonical: bytes) -> Framework:
        fw = self._frameworks.get(fw_hash)
        if fw is None:
            fw = self._frameworks[fw_hash] = parse_framework_bytes(canonical)
        return fw

    def get(self, sub: Any, framework: Framework) -> PackageView:
        with self._lock:
            view = self._items.get(sub.package_sha256)
            if view is not None:
                self._items.move_to_end(sub.package_sha256)
                return view
        with self.storage.open_seekable(sub.storage_key) as fh, zipfile.ZipFile(fh) as zf:  # S3: ranged GETs
            snap = json.loads(zf.read("data/assessment.json"))
        items = {it["code"]: it for it in snap.get("items", []) if it.get("kind") == "leaf"}
        evidence: dict[str, EvidenceRef] = {}
        for code, it in items.items():
            for ev in it.get("evidence") or []:
                sha = str(ev.get("sha256") or "")
                ref = evidence.get(sha)
                if ref is None:
                    ref = evidence[sha] = EvidenceRef(sha, str(ev.get("file") or ""), str(ev.get("media_type") or ""),
                                                      int(ev.get("size") or 0), str(ev.get("original_name") or ""),
                                                      {k: ev.get(k) for k in ("number", "date", "issuer", "subject")})
                ref.codes.add(code)
        view = PackageView(sub.package_sha256, sub.unit_code, sub.version, sub.year, snap, framework, items, evidence,
                           area_map(framework))
        with self._lock:
            self._items[sub.package_sha256] = view
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return view


def dec(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))
