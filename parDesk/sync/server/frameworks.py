"""Frameworks the province publishes: a package must use one of these (by its hash)."""

from __future__ import annotations

from parDesk.models.framework import Framework as ParsedFramework
from parDesk.models.framework import parse_framework_bytes
from parDesk.sync.server.base import ServerContext, dumps, utc_iso
from parDesk.sync.server.models import Event, Framework


class Frameworks:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def publish(self, data: bytes, source: str = "framework.json") -> Framework:
        """Publish a framework (idempotent); every unit's feed announces it."""
        fw = parse_framework_bytes(data, source=source)
        stamp = utc_iso()
        with self.ctx.session() as s:
            row = s.get(Framework, fw.hash)
            if row is not None:
                return row
            row = Framework(hash=fw.hash, fw_id=fw.id, year=fw.year, title=fw.title,
                            canonical=fw.canonical_bytes(), published_at=stamp)
            s.add(row)
            s.add(Event(unit_code="*", kind="framework", created_at=stamp,
                        data_json=dumps({"hash": fw.hash, "id": fw.id, "title": fw.title, "year": fw.year})))
            s.commit()
            return row

    def get(self, fw_hash: str) -> Framework | None:
        with self.ctx.read_session() as s:
            return s.get(Framework, fw_hash) if fw_hash else None

    def canonical_bytes(self, fw_hash: str) -> bytes | None:
        row = self.get(fw_hash)
        return bytes(row.canonical) if row else None

    def parsed(self, fw_hash: str) -> ParsedFramework | None:
        data = self.canonical_bytes(fw_hash)
        return parse_framework_bytes(data) if data is not None else None
