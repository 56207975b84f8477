"""Screenshots of the appraisal desk in Debian's Chromium: dashboard, one submission, the round diff, results,
the administrator's accounts page.

A real server on 127.0.0.1 with communes that submitted through the real sync
client, two agencies appraising in the browser, one commune answering v2.
Writes docs/screenshots/desk-*.png.

Run: PYTHONPATH=. .venv/bin/python scripts/desk_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "sync"), str(ROOT / "tests" / "desk")]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from browser import appraise, chromium, login, off_loop
    from desk_harness import PASSWORD, Desk
    from harness import sign
    from helpers import make_pdf_bytes

    from parDesk.package.submission import reopen
    from parDesk.sync.worker import SyncWorker

    tmp = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    d = Desk(tmp, units=("10101", "10102", "10103", "10104"))
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with chromium() as browser:
            size = {"viewport": {"width": 1280, "height": 860}}
            snv = login(browser, d.url, "snv", PASSWORD, **size)
            stp = login(browser, d.url, "stp", PASSWORD, **size)
            scores = {"1.1.1": "2", "1.1.2": "1", "1.1.3": "1,5", "1.2.1": "2", "1.2.2": "1,5", "T.1": "0",
                      "T.2": "1", "TR.1": "0", "TR.2": "0"}
            for unit in ("10101", "10102", "10103"):
                snv.goto(f"{d.url}/desk/unit/{unit}")
                for code, score in scores.items():
                    req = code == "1.1.2" and unit == "10101"
                    appraise(snv, code, score, "Thiếu 5 hồ sơ, đề nghị giải trình" if req else "Đạt", request=req)
                snv.click("#close-1")
                snv.wait_for_selector("#close-2")
                if unit != "10103":
                    stp.goto(f"{d.url}/desk/unit/{unit}")
                    appraise(stp, "2.1.1", "3", "Có 1 vi phạm")
                    appraise(stp, "2.1.2", "1")
                    stp.click("#close-1")
                    stp.wait_for_selector("#close-2")
            ws = d.workspaces["10101"]
            SyncWorker(ws).run_once()
            reopen(ws)
            ws.set_explanation("1.1.2", "Bổ sung: 5 hồ sơ trễ do mất điện diện rộng ngày 12/10, có biên bản kèm theo")
            doc = tmp / "bien-ban.pdf"
            doc.write_bytes(make_pdf_bytes("biên bản", 3))
            ws.attach("1.1.2", doc, number="03/BB-UBND", issuer="UBND xã", subject="Biên bản mất điện",
                      issued_date="2026-01-12")
            off_loop(sign, ws)
            SyncWorker(ws).run_once()
            admin = login(browser, d.url, "admin", PASSWORD, **size)
            for unit in ("10102",):
                admin.goto(f"{d.url}/desk/unit/{unit}")
                admin.click("#final")
                admin.wait_for_selector("#reopen")
            admin.goto(f"{d.url}/desk/")
            admin.screenshot(path=str(OUT / "desk-dashboard.png"), full_page=True)
            snv.goto(f"{d.url}/desk/unit/10101")
            appraise(snv, "1.1.2", "2", "Đã giải trình đủ", round_=2)
            snv.goto(f"{d.url}/desk/unit/10101")
            snv.click("#verification summary")
            snv.wait_for_selector("[data-f=valid]:not(:empty)")
            snv.click("#signer-details summary")  # the signer's subject, issuer and serial, on demand
            snv.screenshot(path=str(OUT / "desk-submission.png"))
            snv.goto(f"{d.url}/desk/unit/10101/diff")
            snv.screenshot(path=str(OUT / "desk-diff.png"), full_page=True)
            admin.goto(f"{d.url}/desk/results")
            admin.click("#publish")
            admin.wait_for_selector("text=Đã công bố")
            admin.screenshot(path=str(OUT / "desk-results.png"), full_page=True)
            admin.goto(f"{d.url}/desk/admin/accounts")
            admin.screenshot(path=str(OUT / "desk-accounts.png"), full_page=True)
    finally:
        d.close()
    for name in ("dashboard", "submission", "diff", "results", "accounts"):
        print(OUT / f"desk-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
