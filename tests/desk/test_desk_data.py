"""Survey points (desk form and XLSX with dry run), field inspection sample, item history, both languages."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from openpyxl import Workbook

from parDesk.i18n import _catalog


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Điểm điều tra"])
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_survey_points_form_and_xlsx_dry_run(desk):
    admin = desk.client("admin")
    r = admin.post("/desk/admin/survey", {"unit": "11111", "code": "2.2.1", "score": "3,5"})
    assert r.status_code == 303, r.text
    page = admin.http.get("/desk/unit/11111").text
    assert "3,5" in page
    # XLSX: one bad cell per kind; all or nothing, each error names its row
    bad = _xlsx([("11111", "2.2.1", "9"), ("22222", "1.1.1", "1"), ("22222", "2.2.1", "abc"), ("99999", "2.2.1", 1)])
    r = admin.http.post("/desk/admin/survey-import?dry_run=1", content=bad,
                        headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/octet-stream"})
    assert r.status_code == 422
    msg = r.json()["error"]["message"]
    for where in ("Sheet!C2", "Sheet!3:3", "Sheet!C4", "Sheet!5:5"):  # the score's cell, or the row
        assert where in msg, msg
    good = _xlsx([("11111", "2.2.1", 4), ("22222", "2.2.1", "2,5")])
    r = admin.http.post("/desk/admin/survey-import?dry_run=1", content=good,
                        headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json() == {"rows": 2, "dry_run": True}
    from parDesk.sync.server.desk.results import survey_of

    assert survey_of(desk.desk, "22222", 2025) == {}  # the dry run wrote nothing
    r = admin.http.post("/desk/admin/survey-import", content=good,
                        headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json()["rows"] == 2
    assert survey_of(desk.desk, "22222", 2025) == {"2.2.1": "2.5"}
    # the survey points count in the appraised total (core totals, survey path)
    from parDesk.sync.server.desk import views

    row = {r["code"]: r for r in views.dashboard(desk.desk, 2025)["rows"]}["22222"]
    self_wo = views.self_totals(desk.desk.latest_view("22222", 2025), {}).total
    assert row["self"] == self_wo + Decimal("2.5")
    # no CSRF token, or not the administrator: refused
    assert admin.http.post("/desk/admin/survey-import", content=good).status_code == 403
    snv = desk.client("snv")
    assert snv.http.post("/desk/admin/survey-import", content=good,
                         headers={"X-CSRF-Token": snv.csrf}).status_code == 403


def test_field_inspection_sample_seeded_and_coverage(desk):
    admin = desk.client("admin")
    r = admin.post("/desk/admin/sample", {"share": "50", "seed": "hat-giong-2025"})
    assert r.status_code == 303
    from parDesk.sync.server.desk import views

    d1 = views.dashboard(desk.desk, 2025)
    chosen = sorted(r["code"] for r in d1["rows"] if r["inspect"])
    assert len(chosen) == 1 and d1["inspection"]["required"] == 1
    admin.post("/desk/admin/sample", {"share": "50", "seed": "hat-giong-2025"})
    assert sorted(r["code"] for r in views.dashboard(desk.desk, 2025)["rows"] if r["inspect"]) == chosen  # same seed
    assert "hat-giong-2025" in admin.http.get("/desk/admin").text  # the seed is recorded and shown
    r = admin.post("/desk/admin/inspection", {"unit": chosen[0], "date": "2026-01-20", "team": "Đoàn số 1",
                                              "findings": "Hồ sơ khớp với tự chấm"})
    assert r.status_code == 303
    assert views.dashboard(desk.desk, 2025)["inspection"]["inspected"] == 1
    assert admin.post("/desk/admin/inspection", {"unit": chosen[0], "date": "20/01/2026"}).status_code == 422
    admin.post("/desk/admin/sample", {"units": "11111 22222"})  # by hand
    d2 = views.dashboard(desk.desk, 2025)
    assert all(r["inspect"] for r in d2["rows"])
    text = admin.http.get("/desk/").text
    assert "yêu cầu tối thiểu 50%" in text


def test_item_history_shows_who_when_old_new(desk):
    snv = desk.client("snv")
    assert snv.entry("11111", "1.2.2", 1, "1").status_code == 200
    assert snv.entry("11111", "1.2.2", 1, "1,5", version=1, comment="sửa lại").status_code == 200
    page = snv.http.get("/desk/unit/11111/history/1.2.2").text
    assert page.count("snv · entry") == 2
    assert "&#34;score&#34;: &#34;1&#34;" in page and "&#34;score&#34;: &#34;1.5&#34;" in page
    rows = desk.desk.audit("11111", "1.2.2")
    assert rows[0].new_json and rows[0].old_json  # the newest has old and new


def test_english_is_complete_and_pages_render_in_english(desk):
    keys = [k for k in _catalog if k.startswith(("dk.", "desk.", "ar."))]
    assert len(keys) > 100
    for k in keys:
        assert _catalog[k]["en"].strip() and _catalog[k]["vi"].strip(), k
    c = desk.client("admin")
    for path in ("/desk/?lang=en", "/desk/unit/11111", "/desk/results", "/desk/admin",
                 "/desk/unit/11111/history/1.1.1"):
        r = c.http.get(path)
        assert r.status_code == 200, path
        text = re.sub(r"<[^>]+>", " ", r.text)
        assert not re.search(r"\b(dk|desk|ar)\.[a-z_]+", text), (path, re.findall(r"\b(?:dk|desk)\.[a-z_.]+", text))
    assert "Dashboard" in c.http.get("/desk/").text and "Bảng theo dõi" not in c.http.get("/desk/").text
    assert "Bảng theo dõi" in c.http.get("/desk/?lang=vi").text


@pytest.mark.parametrize("query,expected", [("tan lap 11111", {"11111"}), ("TÂN LẬP", {"11111", "22222"}),
                                            ("22222", {"22222"}), ("uy ban nhan dan xa", {"11111", "22222"}),
                                            ("khong co", set())])
def test_dashboard_search_without_diacritics_in_the_browser(desk, query, expected):
    from browser import chromium, login
    from desk_harness import PASSWORD

    with chromium() as browser:
        page = login(browser, desk.url, "lanhdao", PASSWORD)
        page.keyboard.press("/")
        page.keyboard.type(query)
        shown = {r.get_attribute("data-code") for r in page.locator("#units tbody tr:not([hidden])").all()}
        assert shown == expected


def test_dashboard_keyboard_sort_and_open(desk):
    from browser import chromium, login
    from desk_harness import PASSWORD

    desk.desk.save_entry(desk.principal("snv"), "22222", 2025, "1.1.1", 1, score="0")  # 22222 now scores lower
    with chromium() as browser:
        page = login(browser, desk.url, "lanhdao", PASSWORD)
        header = page.locator('#units th[data-key="appraised"]')
        header.focus()
        page.keyboard.press("Enter")  # ascending
        codes = [r.get_attribute("data-code") for r in page.locator("#units tbody tr").all()]
        assert codes == ["22222", "11111"]
        page.keyboard.press("Enter")  # descending
        codes = [r.get_attribute("data-code") for r in page.locator("#units tbody tr").all()]
        assert codes == ["11111", "22222"]
        page.locator("body").focus()
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("Enter")
        page.wait_for_url("**/desk/unit/22222*")
        page.select_option  # noqa: B018 - the state filter is exercised below
        page.goto(desk.url + "/desk/")
        page.select_option("#state-filter", "round1")
        shown = {r.get_attribute("data-code") for r in page.locator("#units tbody tr:not([hidden])").all()}
        assert shown == {"22222"}
