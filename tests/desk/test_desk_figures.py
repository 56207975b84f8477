"""The dashboard's figures are kept when they change (intake, entries, survey points), so no dashboard scores a package.

A dashboard in a fresh desk core (as in a new process) must not open one
package; the figures it shows must equal a full recomputation by the core's
scoring; and when the kept figures are missing or stale the dashboard still
computes them (the fallback).
"""

from __future__ import annotations

import json
from decimal import Decimal

from sqlmodel import col, delete, select

from parDesk.sync.server.desk import results, views
from parDesk.sync.server.desk.core import DeskCore
from parDesk.sync.server.models import DeskSetting


def _fresh(desk):
    """A desk core with empty memory (a restarted server) that counts the packages it opens."""
    core = DeskCore(desk.service)
    opened: list[str] = []
    view = core.view

    def counting(sub):
        opened.append(sub.unit_code)
        return view(sub)

    core.view = counting  # type: ignore[method-assign]
    return core, opened


def _figures(board):
    return {r["code"]: (r["self"], r["appraised"], r["percent"], r["rating"]) for r in board["rows"] if r["version"]}


def _recomputed(desk):
    """The same dashboard with no kept figures at all: every package scored now."""
    with desk.service.session() as s:
        kept = list(s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:"))))
        s.exec(delete(DeskSetting).where(col(DeskSetting.key).startswith("totals:")))  # type: ignore[call-overload]
        s.commit()
    core, opened = _fresh(desk)
    board = views.dashboard(core, 2025)
    assert sorted(opened) == ["11111", "22222"]  # the fallback: no figures kept, the dashboard scores
    with desk.service.session() as s:  # the fallback kept them again
        assert len(list(s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:"))))) == len(kept)
    return _figures(board)


def test_intake_keeps_figures_so_the_first_dashboard_opens_no_package(desk):
    with desk.service.session() as s:
        rows = {r.key: json.loads(r.value) for r in
                s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:2025:")))}
    assert set(rows) == {"totals:2025:11111", "totals:2025:22222"}  # kept at intake, before any page was seen
    core, opened = _fresh(desk)
    board = views.dashboard(core, 2025)
    assert opened == []
    figures = _figures(board)
    assert figures == _recomputed(desk)
    assert all(isinstance(v, Decimal) for f in figures.values() for v in f[:3])


def test_entries_over_http_keep_figures_current(desk):
    snv, stp = desk.client("snv"), desk.client("stp")
    for client, unit, code, score in ((snv, "11111", "1.1.2", "0.5"), (stp, "11111", "2.1.2", "0"),
                                      (snv, "22222", "1.1.1", "0")):
        r = client.entry(unit, code, 1, score, year=2025)
        assert r.status_code == 200, r.text
    r = snv.entry("11111", "1.1.2", 1, "0.25", version=1, year=2025)  # a second version of one entry
    assert r.status_code == 200, r.text
    core, opened = _fresh(desk)
    figures = _figures(views.dashboard(core, 2025))
    assert opened == []
    assert figures == _recomputed(desk)
    before = _figures(views.dashboard(DeskCore(desk.service), 2025))
    assert before == figures


def test_survey_points_keep_figures_current(desk):
    admin = desk.principal("admin")
    core0, _ = _fresh(desk)
    old = _figures(views.dashboard(core0, 2025))
    results.save_survey(desk.desk, admin, 2025, [{"unit_code": "11111", "code": "2.2.1", "score": "0.5"}])
    core, opened = _fresh(desk)
    figures = _figures(views.dashboard(core, 2025))
    assert opened == []
    assert figures["11111"] != old["11111"] and figures["22222"] == old["22222"]
    assert figures == _recomputed(desk)


def test_stale_figures_are_recomputed_not_shown(desk):
    """A kept row whose key no longer matches (an older server's code, a lost race) is never shown."""
    with desk.service.session() as s:
        row = s.get(DeskSetting, "totals:2025:11111")
        value = json.loads(row.value)
        value["totals"]["appraised"] = "999"
        value["key"] = "an older key"
        row.value = json.dumps(value)
        s.add(row)
        s.commit()
    core, opened = _fresh(desk)
    figures = _figures(views.dashboard(core, 2025))
    assert opened == ["11111"]
    assert figures["11111"][1] != Decimal("999")
    assert figures == _recomputed(desk)


def test_serve_warm_up_keeps_figures_no_intake_kept(desk):
    """``serve`` warms the desk before listening: templates compiled, and figures an older server never kept
    are computed then, not at the first appraiser's view."""
    with desk.service.session() as s:
        s.exec(delete(DeskSetting).where(col(DeskSetting.key).startswith("totals:")))  # type: ignore[call-overload]
        s.commit()
    desk.service.desk().warm_up()  # what cmd_serve calls between create_app and listening
    with desk.service.session() as s:
        keys = {r.key for r in s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith("totals:")))}
    assert keys == {"totals:2025:11111", "totals:2025:22222"}
    core, opened = _fresh(desk)
    views.dashboard(core, 2025)
    assert opened == []
