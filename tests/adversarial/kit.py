"""Shared tools of the adversarial suite: a real signed package and ways to forge variants of it.

Every forgery is what a hostile unit can do with its own key: take its real
package apart, change what it likes, recompute the manifests and re-sign with
:func:`parDesk.package.bag.build_package` — so each variant is intact as a bag
and correctly signed, and only parDesk's own rules can refuse it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from helpers import ROOT, TINY, make_pdf_bytes

PASS = "mật khẩu thử nghiệm 2025"
RESERVED = ("Bagging-Date", "Payload-Oxum", "Signer-Certificate-SHA256")


@dataclass
class Base:
    ws: Any
    store: Any
    path: Path          # the genuine package
    entries: dict[str, bytes]
    signer: Any

    @property
    def snap(self) -> dict[str, Any]:
        return json.loads(self.entries["data/assessment.json"])

    @property
    def bag_info(self) -> list[tuple[str, str]]:
        out = []
        for line in self.entries["bag-info.txt"].decode().splitlines():
            k, _, v = line.partition(": ")
            out.append((k, v))
        return out

    @property
    def cert_pem(self) -> Path:
        return self.ws.folder / "identity" / "cert.pem"


def make_base(folder: Path) -> Base:
    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.package.submission import build_submission
    from parDesk.workspace import UnitInfo, Workspace

    unit = UnitInfo(admin_code="12345", name="Ủy ban nhân dân xã Tân Lập", province="Tỉnh Mẫu",
                    leader_name="Nguyễn Văn An", place="Tân Lập")
    ws = Workspace.create(folder / "ws", unit, TINY)
    pdf = folder / "Kế hoạch 15-KH-UBND.pdf"
    pdf.write_bytes(make_pdf_bytes("kế hoạch", 30_000))
    other = folder / "Báo cáo 20-BC-UBND.pdf"
    other.write_bytes(make_pdf_bytes("báo cáo", 12_000))
    for code, value in {"1.1.1": {"done": True}, "1.1.2": {"numerator": 9, "denominator": 10},
                        "1.2.2": {"score": "1,5"}, "2.1.1": {"violations": 1}}.items():
        ws.set_inputs(code, value)
    ws.attach_many([("1.1.1", pdf), ("1.1.2", pdf)], number="15/KH-UBND", issued_date="2025-01-10",
                   issuer="UBND xã Tân Lập", subject="Kế hoạch CCHC năm 2025")
    ws.attach_many([("1.2.2", other)], number="20/BC-UBND", issued_date="2025-06-10",
                   issuer="UBND xã Tân Lập", subject="Báo cáo tuyên truyền")
    store = IdentityStore(ws.folder / "identity")
    store.create(UnitSubject(unit.name, unit.admin_code, unit.province), PASS)
    signer = store.signer(PASS)
    rec = build_submission(ws, signer, allow_problems=True)
    with zipfile.ZipFile(rec.path) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    return Base(ws, store, rec.path, entries, signer)


def snapshot_bytes(snap: Any) -> bytes:
    from parDesk.models.framework import canonical_json

    return canonical_json(snap)


def resign(base: Base, dest: Path, *, files: dict[str, bytes | None] | None = None,
           bag_info: list[tuple[str, str]] | None = None) -> Path:
    """A correctly signed bag (the unit's own key) whose payload and bag-info are the caller's."""
    from parDesk.package.bag import PayloadEntry, build_package

    payload = {n[len("data/"):]: b for n, b in base.entries.items() if n.startswith("data/")}
    for name, data in (files or {}).items():
        key = name[len("data/"):]
        if data is None:
            payload.pop(key, None)
        else:
            payload[key] = data
    info = [(k, v) for k, v in (bag_info if bag_info is not None else base.bag_info) if k not in RESERVED]
    build_package(dest, [PayloadEntry(k, v) for k, v in payload.items()], info, base.signer,
                  bagging_date=dt.date(2026, 1, 5), overwrite=True)
    return dest


def consistent(snap: dict[str, Any], appraised: dict[str, Decimal] | None = None) -> dict[str, Any]:
    """Make every score and total in ``snap`` agree with its inputs (and with ``appraised`` points),
    as an attacker who recomputes before re-signing would."""
    from parDesk.scoring import LeafState, compute_totals
    from parDesk.scoring import decimal_text as _dec

    fw = _framework()
    snap = copy.deepcopy(snap)
    states = {}
    for item in snap["items"]:
        if item["kind"] == "leaf":
            states[item["code"]] = LeafState(inputs=item["inputs"] or None, not_applicable=item["not_applicable"],
                                             appraised=(appraised or {}).get(item["code"]))
    t = compute_totals(fw, states)
    for item in snap["items"]:
        if item["kind"] == "leaf":
            v = t.leaf_scores.get(item["code"])
            item["score"] = None if v is None else _dec(v)
        else:
            item["score"] = _dec(t.nodes[item["code"]].score)
            item["max_applicable"] = _dec(t.nodes[item["code"]].max_applicable)
    snap["totals"].update(base=_dec(t.base), bonus=_dec(t.bonus), penalty=_dec(t.penalty), total=_dec(t.total),
                          max=_dec(t.max), max_applicable=_dec(t.max_applicable), percent=_dec(t.percent),
                          rating=t.rating, rating_en=t.rating_en, completed=t.completed, to_score=t.to_score)
    return snap


def _framework() -> Any:
    from parDesk.models.framework import load_framework

    return load_framework(TINY)


def verify(path: Path, **kw: Any) -> Any:
    from parDesk.package.checks import verify_submission

    return verify_submission(path, **kw)


def server_verify(path: Path) -> Any:
    """The very call the provincial server makes (Intake._verify without a test double)."""
    import types

    from parDesk.sync.server.intake import Intake

    return Intake._verify(types.SimpleNamespace(_verifier=None), path)  # type: ignore[arg-type]


def cli_verify(path: Path, *args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "parDesk", "verify", str(path), "--lang", lang, *args],
                          capture_output=True, text=True, env=env, timeout=120)


def assert_refused(report: Any, *, where: str | None = None, key: str | None = None,
                   mention: str | None = None) -> None:
    """Refused, with reasons in both languages, none of them an internal exception text."""
    assert not report.valid and report.verdict.value == "invalid", "accepted a forged package"
    messages = [p.message("vi") + " | " + p.message("en") for p in report.problems]
    for m in messages:
        assert "Traceback" not in m and "InvalidOperation" not in m and "<class" not in m, m
    if key is not None:
        assert key in [p.key for p in report.problems], messages
    if where is not None:
        assert any(where in (p.where or "") for p in report.problems), messages
    if mention is not None:
        assert any(mention in m for m in messages), messages


def assert_cli_refused(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr[-3000:]
    assert "KHÔNG HỢP LỆ" in proc.stdout or "NOT VALID" in proc.stdout
    assert "  - " in proc.stdout  # at least one reason is listed


def raw_bag(base: Base, dest: Path, *, files: dict[str, bytes | None] | None = None,
            bag_info_text: str | None = None, extra_tags: dict[str, bytes] | None = None) -> Path:
    """Like :func:`resign`, but bag-info is written verbatim (no builder checks): signed with the unit's key."""
    import hashlib

    from parDesk.package.bag import compress_type_for

    payload = {n: b for n, b in base.entries.items() if n.startswith("data/")}
    for name, data in (files or {}).items():
        if data is None:
            payload.pop(name, None)
        else:
            payload[name] = data
    if bag_info_text is None:
        bag_info_text = base.entries["bag-info.txt"].decode()
    manifest = "".join(f"{hashlib.sha256(b).hexdigest()}  {n}\n" for n, b in payload.items()).encode()
    tags = {"bagit.txt": base.entries["bagit.txt"], "bag-info.txt": bag_info_text.encode(),
            "manifest-sha256.txt": manifest, **(extra_tags or {})}
    tagmanifest = "".join(f"{hashlib.sha256(b).hexdigest()}  {n}\n" for n, b in tags.items()).encode()
    signature = base.signer.sign_detached_cms(tagmanifest)
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in (*payload.items(), *tags.items(), ("tagmanifest-sha256.txt", tagmanifest),
                           ("signature.p7s", signature)):
            info = zipfile.ZipInfo(name, (2026, 1, 5, 0, 0, 0))
            info.compress_type = compress_type_for(name)
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return dest


def oxum_fixed(base: Base, lines: list[str], files: dict[str, bytes | None] | None = None) -> str:
    """bag-info text from ``lines`` with the reserved fields recomputed for the payload."""
    payload = {n: b for n, b in base.entries.items() if n.startswith("data/")}
    payload.update({k: v for k, v in (files or {}).items() if v is not None})
    reserved = [f"{k}: {v}" for k, v in base.bag_info if k in RESERVED and k != "Payload-Oxum"]
    oxum = f"Payload-Oxum: {sum(len(b) for b in payload.values())}.{len(payload)}"
    return "\n".join(lines + reserved + [oxum]) + "\n"
