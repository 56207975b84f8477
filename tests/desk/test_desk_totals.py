"""The dashboard's totals kept across restarts: the same figures as scoring every package, never stale."""

from __future__ import annotations

from sqlmodel import col, select

from parDesk.sync.server.desk import views
from parDesk.sync.server.desk.core import DeskCore
from parDesk.sync.server.models import DeskSetting

FIELDS = ("self", "appraised", "percent", "rating", "rating_en", "state")


def figures(core):
    return {r["code"]: tuple(r.get(k) for k in FIELDS) for r in views.dashboard(core, 2025)["rows"]}


def recomputed(service):
    """Every package opened and scored, nothing kept (what the first dashboard ever does)."""
    with service.session() as s:
        for row in s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:"))):
            s.delete(row)
        s.commit()
    return figures(DeskCore(service))


def test_kept_totals_equal_recomputed_ones_and_follow_every_change(desk):
    service = desk.service
    first = recomputed(service)
    assert all(v[0] is not None for v in first.values())
    restarted = DeskCore(service)  # a new process: nothing in memory, the rows in the database
    restarted.view = None  # a kept total must not need the package at all
    assert figures(restarted) == first
    snv, stp, admin = desk.client("snv"), desk.client("stp"), desk.client("admin")
    changes = [lambda: snv.entry("11111", "1.1.1", 1, "0"),                       # an entry
               lambda: snv.entry("11111", "1.1.1", 1, "1", version=1),            # the same entry again
               lambda: stp.entry("22222", "2.1.1", 1, "0"),                       # another unit, another area
               lambda: admin.post("/desk/admin/survey", {"unit": "11111", "code": "2.2.1", "score": "3,5"})]
    previous = first
    for change in changes:
        assert change().status_code in (200, 303)
        after_restart = figures(DeskCore(service))
        assert after_restart == recomputed(service)  # never a stale kept total
        assert after_restart != previous
        previous = after_restart


def test_totals_of_an_older_scoring_code_are_recomputed(desk, monkeypatch):
    service = desk.service
    right = recomputed(service)
    with service.session() as s:  # rows that an older server kept: same package, other figures
        for row in s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:"))):
            row.value = row.value.replace('"rating": "', '"rating": "cũ ')
            s.add(row)
        s.commit()
    monkeypatch.setattr(views, "_code_tag", lambda: "another-scoring-code")
    assert figures(DeskCore(service)) == right
