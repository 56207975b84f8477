"""The issue's end-to-end test, in a real browser (Debian's Chromium through Playwright) over real sockets.

Two communes submit through the real sync client; two appraisers of
different agencies appraise their areas in the browser; round 1 is closed;
the communes' workspaces receive the scores and requests; one commune answers
with v2 and the desk shows the difference, requested item first; round 2,
final lock; results published and received by the communes' sync; the
ranking XLSX and PDF open and their figures equal an independent sum.
"""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal
from pathlib import Path

from browser import appraise, chromium, item, login, off_loop
from desk_harness import PASSWORD, Desk
from harness import sign
from helpers import make_pdf_bytes

from parDesk.numfmt import fmt_percent, fmt_score
from parDesk.package.submission import reopen
from parDesk.sync.worker import SyncWorker

SNV_SCORES = {"1.1.1": "2", "1.1.2": "1", "1.1.3": "1,5", "1.2.1": "2", "1.2.2": "1,5", "T.1": "0", "T.2": "1",
              "TR.1": "0", "TR.2": "0"}
STP_SCORES = {"2.1.1": "3", "2.1.2": "1"}


def _d(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def expected_total(scores: dict[str, str], fw) -> tuple[Decimal, Decimal]:
    """Appraised total and percent by plain arithmetic over the framework (not the desk's code path)."""
    main = sum((_d(v) for k, v in scores.items() if not k.startswith("T")), Decimal(0))
    bonus = min(sum((_d(v) for k, v in scores.items() if k.startswith("T.")), Decimal(0)), fw.bonus.cap)
    penalty = min(sum((_d(v) for k, v in scores.items() if k.startswith("TR.")), Decimal(0)), fw.penalty.cap)
    maximum = sum((lf.max for lf in fw.leaves() if lf.rule.kind != "survey"), Decimal(0))
    total = main + bonus - penalty
    return total, (total * 100 / maximum).quantize(Decimal("0.01"))


def test_two_communes_two_agencies_two_rounds_results(tmp_path):
    d = Desk(tmp_path)
    try:
        _run(d, tmp_path)
    finally:
        d.close()


def _run(d: Desk, tmp_path) -> None:
    url = d.url
    with chromium() as browser:
        snv = login(browser, url, "snv", PASSWORD)
        stp = login(browser, url, "stp", PASSWORD)
        for unit in ("11111", "22222"):
            snv.goto(f"{url}/desk/unit/{unit}")
            for code, score in SNV_SCORES.items():
                request = unit == "11111" and code == "1.1.2"
                appraise(snv, code, score, "Thiếu 5 hồ sơ" if request else "", request=request)
            stp.goto(f"{url}/desk/unit/{unit}")
            assert stp.locator('[id="item-1.1.1"]').count() == 0  # not this agency's area
            for code, score in STP_SCORES.items():
                appraise(stp, code, score)
            # round 1 closed by each agency
            snv.goto(f"{url}/desk/unit/{unit}")
            snv.click("#close-1")
            snv.wait_for_selector("#close-2")
            stp.goto(f"{url}/desk/unit/{unit}")
            stp.click("#close-1")
            stp.wait_for_selector("#close-2")

        # the communes receive round 1 through the existing feed
        for unit, ws in d.workspaces.items():
            SyncWorker(ws).run_once()
            aps = ws.appraisals()
            assert aps["1.1.1"][0].score == "2" and aps["2.1.1"][0].score == "3"
            assert bool(aps["1.1.2"][0].request_explanation) == (unit == "11111")
        ws = d.workspaces["11111"]
        assert aps["1.1.2"][0].comment == "" and ws.appraisals()["1.1.2"][0].comment == "Thiếu 5 hồ sơ"

        # dashboard: the state of each unit
        admin = login(browser, url, "admin", PASSWORD)
        admin.goto(f"{url}/desk/")
        assert "Đã yêu cầu giải trình" in admin.inner_text('tr[data-code="11111"]')

        # commune 11111 answers with v2: a new explanation and one more document
        reopen(ws)
        ws.set_explanation("1.1.2", "Bổ sung: 5 hồ sơ trễ do mất điện diện rộng, có biên bản kèm theo")
        doc = tmp_path / "bien-ban.pdf"
        doc.write_bytes(make_pdf_bytes("biên bản", 3))
        ws.attach("1.1.2", doc, number="03/BB-UBND", issuer="UBND xã", subject="Biên bản mất điện",
                  issued_date="2026-01-12")
        pkg2 = off_loop(sign, ws)
        assert pkg2.version == 2
        SyncWorker(ws).run_once()
        admin.goto(f"{url}/desk/")
        assert "Đã giải trình (v2)" in admin.inner_text('tr[data-code="11111"]')

        snv.goto(f"{url}/desk/unit/11111")
        snv.click("#diff-link")
        rows = snv.locator("#diff tbody tr")
        first = rows.nth(0)
        assert first.get_attribute("data-code") == "1.1.2" and "requested" in (first.get_attribute("class") or "")
        text = first.inner_text()
        assert "03/BB-UBND" in text and "mất điện diện rộng" in text

        # round 2: the requested item is scored again, both agencies close round 2
        snv.goto(f"{url}/desk/unit/11111")
        appraise(snv, "1.1.2", "2", "Đã giải trình đủ", round_=2)
        snv.click("#close-2")
        snv.wait_for_load_state()
        stp.goto(f"{url}/desk/unit/11111")
        stp.click("#close-2")
        stp.wait_for_load_state()
        for unit in ("11111", "22222"):
            admin.goto(f"{url}/desk/unit/{unit}")
            admin.click("#final")
            admin.wait_for_selector("#reopen")
        snv.goto(f"{url}/desk/unit/11111")
        assert item(snv, "1.1.2", 2).locator("input[name=score]").is_disabled()
        SyncWorker(ws).run_once()
        assert any(a.round == 2 and a.score == "2" for a in ws.appraisals()["1.1.2"])

        # results: published, received by each commune's sync
        admin.goto(f"{url}/desk/results")
        admin.click("#publish")
        admin.wait_for_selector("text=Đã công bố")
        received = {}
        for unit, w in d.workspaces.items():
            worker = SyncWorker(w)
            original = worker.apply_event

            def capture(client, event, _unit=unit, _orig=original):
                if event.get("kind") == "results":
                    received[_unit] = event["data"]
                return _orig(client, event)
            worker.apply_event = capture  # type: ignore[method-assign]
            worker.run_once()
        assert set(received) == {"11111", "22222"}

        fw = ws.framework
        scores = {"11111": {**SNV_SCORES, **STP_SCORES, "1.1.2": "2"}, "22222": {**SNV_SCORES, **STP_SCORES}}
        expected = {u: expected_total(s, fw) for u, s in scores.items()}
        for unit, (total, percent) in expected.items():
            assert Decimal(received[unit]["total"]) == total and Decimal(received[unit]["percent"]) == percent
        assert received["11111"]["rank"] == 1 and received["22222"]["rank"] == 2

        # exports open, and their figures equal the sums above
        with admin.expect_download() as dl:
            admin.click("#xlsx")
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes()))
        sheet = wb.worksheets[0]
        rows_x = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
        for unit, (total, percent) in expected.items():
            assert Decimal(str(rows_x[unit][4])) == total and Decimal(str(rows_x[unit][5])) == percent
        pdf = admin.request.get(f"{url}/desk/results.pdf").body()
        assert pdf.startswith(b"%PDF")
        (tmp_path / "r.pdf").write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        for unit, (total, percent) in expected.items():
            line = next(x for x in text.splitlines() if unit in x).split()
            assert fmt_score(total) in line and fmt_percent(percent) in " ".join(line), line
        sheet_pdf = admin.request.get(f"{url}/desk/unit/11111/sheet.pdf").body()
        (tmp_path / "s.pdf").write_bytes(sheet_pdf)
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "PHIẾU KẾT QUẢ THẨM ĐỊNH" in text and "Đã giải trình đủ" in text
