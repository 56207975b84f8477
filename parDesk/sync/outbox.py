"""The outbox in the workspace database: packages waiting to reach the province.

States: ``waiting`` → ``uploading`` (offset / size = n %) → ``verifying`` →
``accepted`` (with the signed receipt) or ``refused`` (with the reason);
``stopped`` when a permanent error (authentication, registration) halted the
queue — the next ``pardesk sync`` puts it back to ``waiting``. Every change
appends a row to ``outbox_history``; accepted and refused also go to the
audit log. Also here: sync's small key/value facts (server URL, pinned server
certificate, feed cursor, clock offset), kept in the workspace's settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from parDesk.i18n import register
from parDesk.models.kinds import OutboxState
from parDesk.models.tables import AuditEntry, Outbox, OutboxHistory, Package
from parDesk.workspace import Workspace, now_iso

STATES = ("waiting", "uploading", "verifying", "accepted", "refused", "stopped")
ACTIVE = ("waiting", "uploading", "verifying")

register({
    "outbox.waiting": ("chờ gửi", "waiting"),
    "outbox.uploading": ("đang tải lên {percent} %", "uploading {percent} %"),
    "outbox.verifying": ("tỉnh đang kiểm tra", "the province is verifying"),
    "outbox.accepted": ("tỉnh đã chấp nhận", "accepted by the province"),
    "outbox.refused": ("tỉnh từ chối: {reason}", "refused by the province: {reason}"),
    "outbox.stopped": ("đã dừng: {reason}", "stopped: {reason}"),
})


@dataclass(frozen=True)
class OutboxItem:
    id: int
    package_id: int
    version: int
    path: Path
    sha256: str
    size: int
    state: str
    offset: int
    upload_url: str
    attempts: int
    last_error: str
    refused_reason: str
    receipt: dict[str, Any] | None
    updated_at: str

    @property
    def percent(self) -> int:
        if self.state in ("accepted", "refused", "verifying"):
            return 100
        return int(self.offset * 100 / self.size) if self.size else 0

    def label(self, lang: str | None = None) -> str:
        from parDesk.i18n import t

        reason = self.refused_reason if self.state == "refused" else self.last_error
        text = t(f"outbox.{self.state}", lang, percent=self.percent, reason=reason)
        return f"{text} — {self.provisional(lang)}" if self.provisional(lang) else text

    def provisional(self, lang: str | None = None) -> str:
        """The signed receipt's "accepted provisionally (revocation unknown)" mark, or ""."""
        from parDesk.sync.receipts import provisional_text

        body = self.receipt.get("receipt") if isinstance(self.receipt, dict) else None
        return provisional_text(body, lang) if isinstance(body, dict) and self.state == "accepted" else ""


def _item(ws: Workspace, box: Outbox, pkg: Package) -> OutboxItem:
    return OutboxItem(box.id or 0, pkg.id or 0, pkg.version, ws.folder / pkg.path, pkg.sha256, pkg.size, box.state,
                      box.offset, box.upload_url, box.attempts, box.last_error, box.refused_reason,
                      json.loads(box.receipt) if box.receipt else None, box.updated_at)


def items(ws: Workspace) -> list[OutboxItem]:
    with ws.reader() as s:
        rows = s.exec(select(Outbox, Package).where(Outbox.package_id == Package.id).order_by(col(Outbox.id)))
        return [_item(ws, box, pkg) for box, pkg in rows]


def item(ws: Workspace, outbox_id: int) -> OutboxItem:
    with ws.reader() as s:
        box = s.get(Outbox, outbox_id)
        assert box is not None
        pkg = s.get(Package, box.package_id)
        assert pkg is not None
        return _item(ws, box, pkg)


def by_package_sha(ws: Workspace, sha256: str) -> OutboxItem | None:
    with ws.reader() as s:
        row = s.exec(select(Outbox, Package).where(Outbox.package_id == Package.id, Package.sha256 == sha256)).first()
        return _item(ws, row[0], row[1]) if row else None


def history(ws: Workspace, outbox_id: int) -> list[OutboxHistory]:
    with ws.reader() as s:
        return list(s.exec(select(OutboxHistory).where(OutboxHistory.outbox_id == outbox_id)
                           .order_by(col(OutboxHistory.id))))


def update(ws: Workspace, outbox_id: int, state: OutboxState | None = None, detail: str = "", *,
           record: bool = True, **fields: Any) -> None:
    """Change an outbox row; a state change (or ``record``) is written to its history."""
    stamp = now_iso()
    with ws.session() as s:
        box = s.get(Outbox, outbox_id)
        assert box is not None
        changed = state is not None and state != box.state
        if state is not None:
            box.state = state
        for k, v in fields.items():
            setattr(box, k, v)
        box.updated_at = stamp
        s.add(box)
        if changed or (record and detail):
            s.add(OutboxHistory(outbox_id=outbox_id, at=stamp, state=box.state, detail=detail[:2000]))
        if changed and state in ("accepted", "refused"):
            pkg = s.get(Package, box.package_id)
            s.add(AuditEntry(at=stamp, actor=ws.actor, action=f"sync.{state}", entity="package",
                             entity_key=pkg.sha256 if pkg else "", assessment_id=pkg.assessment_id if pkg else None,
                             old="", new=json.dumps({"detail": detail[:500]}, ensure_ascii=False)))
        s.commit()


def pending(ws: Workspace) -> list[OutboxItem]:
    return [i for i in items(ws) if i.state in ACTIVE]


def restart_stopped(ws: Workspace) -> int:
    n = 0
    for i in items(ws):
        if i.state == "stopped":
            update(ws, i.id, "waiting", "restarted by the officer")
            n += 1
    return n


def get_state(ws: Workspace, key: str, default: str | None = None) -> str | None:
    return ws.get_setting(key, default)


def set_state(ws: Workspace, **values: str | int | float | None) -> None:
    ws.set_settings(False, **values)  # machine state: not an audited change
