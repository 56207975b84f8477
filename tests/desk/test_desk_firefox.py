"""The desk's core path in Firefox ESR (Debian's firefox-esr, headless, through Marionette).

Province PCs run Chrome, Edge, Cốc Cốc (all three Chromium: the Playwright
tests cover their engine) and Firefox (this test): log in, the dashboard,
search without diacritics from the keyboard, open a submission, enter a
score from the keyboard (saved inline, shown after a reload), and an
evidence document opening inline.
"""

from __future__ import annotations

import pytest

pytest.importorskip("marionette_driver", reason="marionette-driver is not installed (pip install 'pardesk[test]')")

from desk_harness import PASSWORD
from firefox import firefox, firefox_binary, press, wait_for

pytestmark = pytest.mark.skipif(firefox_binary() is None,
                                reason="Firefox is not installed (apt-get install firefox-esr)")

ENTER, ARROW_DOWN = "\ue007", "\ue015"


def _visible_rows(ff):
    return ff.execute_script(
        "return Array.from(document.querySelectorAll('#units tbody tr')).filter(r => !r.hidden)"
        ".map(r => r.getAttribute('data-code'))")


def test_core_path_in_firefox(desk, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    url = desk.url
    with firefox(downloads) as ff:
        assert ff.session_capabilities["browserName"] == "firefox"
        # log in
        ff.navigate(url + "/desk/login")
        ff.find_element("css selector", "input[name=username]").send_keys("snv")
        ff.find_element("css selector", "input[name=password]").send_keys(PASSWORD + ENTER)
        wait_for(lambda: ff.get_url().endswith("/desk/"), 20, "the dashboard after logging in")
        # the dashboard: both units, with state and scores
        assert sorted(_visible_rows(ff)) == ["11111", "22222"]
        row = ff.find_element("css selector", 'tr[data-code="11111"]').text
        assert "11111" in row and "Tân Lập" in row
        # search without diacritics, from the keyboard: "/" focuses the box
        ff.find_element("css selector", "h1, body").click()
        press(ff, "/")
        assert ff.execute_script("return document.activeElement.id") == "search"
        press(ff, "tan lap 11111")
        wait_for(lambda: _visible_rows(ff) == ["11111"], 5, "the search to leave one unit")
        press(ff, "\ue003" * len("tan lap 11111") + "TÂN LẬP")  # backspaces, then with diacritics and capitals
        wait_for(lambda: sorted(_visible_rows(ff)) == ["11111", "22222"], 5, "the search to match both")
        press(ff, "\ue003" * len("TÂN LẬP") + "khong co")
        wait_for(lambda: _visible_rows(ff) == [], 5, "the search to match none")
        press(ff, "\ue003" * len("khong co") + "22222")
        wait_for(lambda: _visible_rows(ff) == ["22222"], 5, "the search to leave 22222")
        # open the submission from the keyboard: ArrowDown to the row, Enter
        press(ff, ARROW_DOWN)
        assert ff.execute_script("return document.activeElement.getAttribute('data-code')") == "22222"
        press(ff, ENTER)
        wait_for(lambda: "/desk/unit/22222" in ff.get_url(), 20, "the submission page")
        assert ff.find_element("css selector", '[id="item-1.1.2"]').is_displayed()

        # a score from the keyboard: type it, Tab to the comment, type, Enter saves inline
        score = ff.find_element("css selector", '[id="item-1.1.2"] form[data-round="1"] input[name=score]')
        score.click()
        press(ff, "0,5\ue004Thiếu hồ sơ tháng 3" + ENTER)
        form = '[id="item-1.1.2"] form[data-round="1"]'
        saved = wait_for(lambda: ff.find_elements("css selector", f"{form} output.msg.ok"), 10,
                         "the inline 'saved' mark")
        assert saved[0].text
        entry = desk.desk.entries("22222", 2025)[("1.1.2", 1)]
        assert entry.score == "0.5" and entry.comment == "Thiếu hồ sơ tháng 3" and entry.updated_by == "snv"
        # Enter moved the focus to the next item's score: the appraiser goes on typing
        assert ff.execute_script("return document.activeElement.name") == "score"
        # shown after a reload
        ff.refresh()
        assert ff.find_element("css selector", f"{form} input[name=score]").get_property("value") in ("0,5", "0.5")
        assert ff.find_element("css selector", f"{form} input[name=comment]").get_property("value") == \
            "Thiếu hồ sơ tháng 3"

        # evidence opens inline (Firefox's own PDF viewer), in a new tab as the link asks, nothing downloaded
        link = ff.find_element("css selector", '[id="item-1.1.1"] ul.ev a')
        href = link.get_attribute("href")
        assert "/desk/evidence/22222/" in href
        before = set(ff.window_handles)
        link.click()
        new = wait_for(lambda: set(ff.window_handles) - before, 10, "the evidence tab")
        ff.switch_to_window(new.pop())
        wait_for(lambda: "/desk/evidence/22222/" in ff.get_url(), 10, "the evidence URL")
        wait_for(lambda: ff.execute_script("return document.readyState") == "complete", 20, "the PDF viewer")
        kind = ff.execute_script("return document.contentType")
        assert kind == "application/pdf", kind
        assert list(downloads.iterdir()) == []  # shown in the browser, not saved as a file
