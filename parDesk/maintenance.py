"""Backups, integrity checks and garbage collection of a workspace.

Backups use SQLite's online backup API (consistent while the window writes),
are taken on demand, before every schema migration and once a day, and are
thinned so a year of daily work costs a few dozen files: keep every backup of
the last 48 hours, then one per day for two weeks, one per week for two
months, one per month after that.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from parDesk import db
from parDesk.i18n import ParDeskError, register

if TYPE_CHECKING:
    from parDesk.workspace import Workspace

BACKUP_DIR = "backups"
SCHEDULE = dt.timedelta(hours=24)

register({
    "chk.sqlite": ("kiểm tra toàn vẹn SQLite: {detail}", "SQLite integrity check: {detail}"),
    "chk.fk": ("khóa ngoại hỏng: bảng {table}, dòng {rowid}", "broken foreign key: table {table}, row {rowid}"),
    "chk.missing_file": ("thiếu tệp tài liệu {sha} ({name})", "evidence file {sha} is missing ({name})"),
    "chk.bad_hash": ("tệp tài liệu {sha} ({name}) không khớp mã băm: tệp đã bị hỏng hoặc bị sửa",
                     "evidence file {sha} ({name}) does not match its hash: damaged or modified"),
    "chk.temp_left": ("còn tệp tạm chưa hoàn tất: {name}", "an unfinished temporary file remains: {name}"),
    "chk.temps_removed": ("đã dọn {count} tệp tạm do một thao tác bị ngắt giữa chừng để lại (không mất dữ liệu)",
                          "removed {count} temporary files left by an interrupted operation (no data lost)"),
    "chk.orphan": ("{count} tệp trong kho không còn được dùng (chạy 'pardesk gc' để xóa)",
                   "{count} stored files are no longer used (run 'pardesk gc' to remove them)"),
})


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S")


def backup(folder: Path, reason: str = "manual", now: dt.datetime | None = None) -> Path:
    """Take a consistent backup of the workspace database; thin the old ones."""
    now = now or dt.datetime.now()
    dest_dir = folder / BACKUP_DIR
    dest_dir.mkdir(exist_ok=True)
    safe_reason = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in reason)
    dest = dest_dir / f"pardesk-{_stamp(now)}-{safe_reason}.sqlite"
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"pardesk-{_stamp(now)}-{safe_reason}-{n}.sqlite"
    db.backup_to(folder / "pardesk.sqlite", dest)
    thin(dest_dir, now)
    return dest


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    out = []
    for p in (folder / BACKUP_DIR).glob("pardesk-*.sqlite"):
        try:
            when = dt.datetime.strptime(p.name.split("-")[1], "%Y%m%dT%H%M%S")
        except (IndexError, ValueError):
            continue
        out.append((when, p))
    return sorted(out)


def thin(dest_dir: Path, now: dt.datetime) -> list[Path]:
    """Remove backups that the retention policy no longer needs; return them."""
    backups = list_backups(dest_dir.parent)
    keep: set[Path] = set()
    buckets: set[tuple[str, int]] = set()
    for when, path in sorted(backups, reverse=True):  # newest first: keep the newest of each bucket
        age = now - when
        if age <= dt.timedelta(hours=48):
            keep.add(path)
            continue
        if age <= dt.timedelta(days=14):
            bucket = ("day", when.toordinal())
        elif age <= dt.timedelta(days=62):
            bucket = ("week", when.toordinal() // 7)
        else:
            bucket = ("month", when.year * 12 + when.month)
        if bucket not in buckets:
            buckets.add(bucket)
            keep.add(path)
    removed = []
    for _, path in backups:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def maybe_scheduled_backup(folder: Path, now: dt.datetime | None = None) -> Path | None:
    now = now or dt.datetime.now()
    backups = list_backups(folder)
    if backups and now - backups[-1][0] < SCHEDULE:
        return None
    return backup(folder, reason="daily", now=now)


@dataclass
class CheckReport:
    problems: list[ParDeskError] = field(default_factory=list)
    notes: list[ParDeskError] = field(default_factory=list)
    files_checked: int = 0
    bytes_checked: int = 0
    temps_removed: int = 0  # left by a killed process, removed when the workspace was opened

    @property
    def ok(self) -> bool:
        return not self.problems


def check(ws: Workspace, verify_hashes: bool = True) -> CheckReport:
    """SQLite's own integrity check, foreign keys, and every evidence file against its hash."""
    report = CheckReport()
    con = ws.read_engine.raw_connection()  # read-only when the folder is (a full disk, a read-only mount)
    try:
        for (detail,) in con.execute("PRAGMA integrity_check"):
            if detail != "ok":
                report.problems.append(ParDeskError("chk.sqlite", detail=detail))
        for table, rowid, _parent, _fk in con.execute("PRAGMA foreign_key_check"):
            report.problems.append(ParDeskError("chk.fk", table=table, rowid=rowid))
        docs = con.execute("SELECT sha256, original_name, size FROM document").fetchall()
    finally:
        con.close()
    for sha, name, size in docs:
        path = ws.evidence.path_for(sha)
        if not path.is_file():
            report.problems.append(ParDeskError("chk.missing_file", sha=sha[:12], name=name))
            continue
        if verify_hashes and not ws.evidence.verify(sha):
            report.problems.append(ParDeskError("chk.bad_hash", sha=sha[:12], name=name))
        report.files_checked += 1
        report.bytes_checked += size
    for tmp in ws.evidence.leftover_temps():
        report.problems.append(ParDeskError("chk.temp_left", name=tmp.name))
    report.temps_removed = ws.stale_temps_removed
    if ws.stale_temps_removed:
        report.notes.append(ParDeskError("chk.temps_removed", count=ws.stale_temps_removed))
    orphans = ws.evidence.all_hashes() - {d[0] for d in docs}
    if orphans:
        report.notes.append(ParDeskError("chk.orphan", count=len(orphans)))
    return report


def gc(ws: Workspace) -> list[str]:
    """Remove stored evidence files that no document row refers to."""
    if ws.read_only is not None:
        raise ws.read_only
    con = sqlite3.connect(ws.db_path)
    try:
        referenced = {row[0] for row in con.execute("SELECT sha256 FROM document")}
    finally:
        con.close()
    return ws.evidence.gc(referenced)
