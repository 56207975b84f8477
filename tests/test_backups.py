"""Backups: consistent copies through SQLite's backup API, thinned by age."""

from __future__ import annotations

import datetime as dt
import sqlite3

from parDesk.maintenance import backup, list_backups, maybe_scheduled_backup, thin


def test_backup_is_a_consistent_readable_copy(tiny_ws):
    tiny_ws.set_inputs("1.1.1", {"done": True})
    path = backup(tiny_ws.folder)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT inputs FROM answer WHERE code = '1.1.1'").fetchone()[0] == '{"done": true}'
    con.close()
    assert not list(path.parent.glob("*.partial"))


def test_scheduled_backup_once_a_day(tiny_ws):
    now = dt.datetime.now()
    n = len(list_backups(tiny_ws.folder))  # opening took the first daily backup
    assert n >= 1
    assert maybe_scheduled_backup(tiny_ws.folder, now + dt.timedelta(hours=2)) is None
    assert maybe_scheduled_backup(tiny_ws.folder, now + dt.timedelta(hours=25)) is not None


def test_thinning_keeps_recent_then_daily_weekly_monthly(tmp_path):
    folder = tmp_path / "ws"
    (folder / "backups").mkdir(parents=True)
    now = dt.datetime(2026, 12, 31, 12, 0, 0)
    for hours in range(0, 24 * 200, 6):  # a backup every 6 hours for 200 days
        when = now - dt.timedelta(hours=hours)
        (folder / "backups" / f"pardesk-{when:%Y%m%dT%H%M%S}-daily.sqlite").write_bytes(b"x")
    thin(folder / "backups", now)
    kept = [when for when, _ in list_backups(folder)]
    recent = [w for w in kept if now - w <= dt.timedelta(hours=48)]
    assert len(recent) == 9  # every one of the last 48 hours
    days = {w.date() for w in kept if dt.timedelta(hours=48) < now - w <= dt.timedelta(days=14)}
    assert len([w for w in kept if dt.timedelta(hours=48) < now - w <= dt.timedelta(days=14)]) == len(days)
    old = [w for w in kept if now - w > dt.timedelta(days=62)]
    assert len(old) == len({(w.year, w.month) for w in old})
    assert len(kept) < 40  # instead of 800
    assert (kept[0].year, kept[0].month) == (2026, 6)  # the oldest month is still represented
