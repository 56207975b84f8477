"""Open the demo workspace offscreen and save a PNG of each main screen to docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang vi|en] [--out DIR] [--scale 2]
        [--sizes 1366x820,1024x600,1920x1080]

The first size makes the README's set (main.png, library.png, …). Each further
size is a screen of that size (Qt's offscreen platform with a screen config):
the window opens there as it would for an officer, inside the screen's
available area, and main-WxH.png, submit-WxH.png … show whether anything is cut.

The demo workspace is built in a temporary folder (never the user's data).
The totals bar is drawn as on 20/12/2025, a working day inside the sample
framework's self-assessment window, so the deadline figure reads as it would
for an officer at that time; everything else is the live window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOWN_DAY = dt.date(2025, 12, 20)


def appraise_demo(ctx, settle) -> None:
    """Sign the temporary demo and record what a province would send back: scores, comments, two requests."""
    from decimal import Decimal

    from parDesk.identity import IdentityStore, UnitSubject
    from parDesk.package.submission import build_submission

    ws = ctx.workspace
    store = IdentityStore(ws.folder / "identity")
    unit = ws.unit()
    if store.certificate() is None:
        store.create(UnitSubject(unit.name, unit.admin_code, unit.province), "demo passphrase")
    build_submission(ws, store.signer("demo passphrase"), allow_problems=True)
    scores = ws.summary().totals.leaf_scores
    scored = [leaf for leaf in ws.framework.leaves() if leaf.self_scored and scores.get(leaf.code) is not None]
    comments = ["Đạt yêu cầu, tài liệu kiểm chứng đầy đủ.", "Thống nhất điểm tự chấm.",
                "Báo cáo quý IV chưa có chữ ký, dấu của UBND xã; đề nghị bổ sung.",
                "Số liệu hồ sơ trễ hạn không khớp với Hệ thống thông tin giải quyết TTHC; đề nghị giải trình.",
                "Thống nhất điểm tự chấm.", "Đạt yêu cầu."]
    for i, leaf in enumerate(scored[:6]):
        score = scores[leaf.code] or Decimal(0)
        request = i in (2, 3)
        given = (score / 2).quantize(Decimal("0.25")) if request else score
        ws.record_appraisal(leaf.code, 1, str(given), comment=comments[i], request_explanation=request,
                            source="screenshot")
        if i == 0:
            ws.record_appraisal(leaf.code, 2, str(score), comment=comments[i], source="screenshot")
    ctx.refresh()
    settle()


def shot_intake(window, ctx, settle, shot, tmp: Path, code: str) -> None:
    """Three Decree 30 documents dropped on an item: the proposals read from them, before accepting."""
    sys.path.insert(0, str(ROOT / "tests"))
    import intake_corpus as corpus
    from PySide6.QtCore import QEventLoop, QTimer

    src = tmp / "intake"
    src.mkdir()
    from dataclasses import replace

    specs = [s for s in corpus.specs(40, seed=21) if s.number and s.date][:3]
    specs[2] = replace(specs[2], date=None)  # a date left blank for the pen: the panel's note on that field
    paths = [corpus.render(s, src / f"{s.doc_type} {s.number.replace('/', '-')}.pdf") for s in specs]
    window.tabs.setCurrentIndex(0)
    window.show_leaf(code)
    settle()
    panel = window.leaf.evidence.proposals
    window.leaf.evidence.attach_paths(paths)
    for _ in range(200):
        settle()
        if panel.isVisible() and panel.rows and panel._task is None and panel.table.rowCount() == len(paths):
            break
        loop = QEventLoop()
        QTimer.singleShot(100, loop.quit)
        loop.exec()
    panel.table.setFocus()
    evidence = window.leaf.evidence
    evidence.resize(max(evidence.width(), 900), evidence.sizeHint().height())
    shot("intake", evidence)
    panel.accept_all()
    settle()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=("vi", "en"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--scale", default="", help="QT_SCALE_FACTOR for a high-DPI check, e.g. 2")
    ap.add_argument("--workspace", help="use this workspace instead of a fresh demo")
    ap.add_argument("--sizes", default="1366x820,1024x600,1920x1080",
                    help="window sizes; the first is the README's main set, each other one adds "
                         "main-WxH.png (and submit-WxH.png) to check the layout on that screen")
    ap.add_argument("--screen", help=argparse.SUPPRESS)  # internal: this run is one screen size
    args = ap.parse_args()
    if not args.screen:
        sizes = [s for s in args.sizes.split(",") if s]
        for size in sizes[1:]:
            cmd = [sys.executable, __file__, "--lang", args.lang, "--out", args.out, "--screen", size]
            if args.workspace:
                cmd += ["--workspace", args.workspace]
            subprocess.run(cmd, check=True)
        if sizes:
            args.screen = sizes[0] + ":main"
    screen, _, role = (args.screen or "1366x820:main").partition(":")
    width, height = (int(v) for v in screen.lower().split("x"))
    suffix = "" if role == "main" else f"-{width}x{height}"
    tmp = Path(tempfile.mkdtemp(prefix="pardesk-shots-"))
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    if role == "main":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    import parDesk.ui  # noqa: F401 - binding work-around first
    from parDesk.demo import ensure_demo_workspace
    from parDesk.ui.context import AppContext
    from parDesk.ui.language import LanguageManager
    from parDesk.ui.main_window import MainWindow
    from parDesk.ui.theme import apply_theme
    from parDesk.ui.wizard import FirstRunWizard

    folder = Path(args.workspace) if args.workspace else ensure_demo_workspace(tmp / "demo")
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    language = LanguageManager(app)
    language.set_language(args.lang)
    settings = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
    ctx = AppContext.open(folder, language=language, settings=settings, is_demo=not args.workspace)
    window = MainWindow(ctx)
    window.totals._today = SHOWN_DAY
    if role == "main":
        window.resize(width, height)
    window.show()

    def settle() -> None:
        for _ in range(3):
            if not ctx.runner.is_idle():
                loop = QEventLoop()
                ctx.runner.idle.connect(loop.quit)
                QTimer.singleShot(10_000, loop.quit)
                loop.exec()
            for _ in range(10):
                app.processEvents()

    def shot(name: str, widget=None) -> None:
        if suffix and name not in ("main", "submit", "losing", "after", "wizard"):
            return
        settle()
        path = out / f"{name}{suffix}.png"
        (widget or window).grab().save(str(path))
        print(path)

    ctx.refresh()
    settle()
    summary = ctx.hub.summary
    assert summary is not None
    fw = ctx.workspace.framework
    showcase = next((leaf.code for leaf in fw.leaves() if leaf.rule.kind == "ratio_tiers"
                     and summary.evidence_count.get(leaf.code) and summary.statuses[leaf.code].status == "complete"),
                    next(fw.leaves()).code)
    window.show_leaf(showcase)
    window.tree.view.setFocus()
    shot("main")
    window.tabs.setCurrentIndex(1)
    shot("library")
    window.tabs.setCurrentIndex(2)
    shot("losing")
    window.tabs.setCurrentIndex(3)
    shot("submit")
    window.tabs.setCurrentIndex(0)
    window.tree.search.setText("thu tuc")  # without diacritics, in either language
    window.tree._apply_search()
    shot("search")
    window.tree.search.clear()
    if not suffix and not args.workspace:
        shot_intake(window, ctx, settle, shot, tmp, showcase)
    if not args.workspace:  # only the temporary demo is signed and appraised, never a real workspace
        appraise_demo(ctx, settle)
        window.tabs.setCurrentIndex(4)
        shot("after")

    wizard = FirstRunWizard(language, tmp / "new")
    wizard.resize(760, 600)
    wizard.show()
    wizard.next()
    page = wizard.unit_page
    for name, value in (("admin_code", "1010"), ("name", "Ủy ban nhân dân xã Tân Lập"), ("province", "Tỉnh Phú Thọ"),
                        ("leader_name", "Nguyễn Văn An"), ("place", "Tân Lập")):
        page.fields[name].setText(value)
    wizard.button(QWizard.WizardButton.NextButton).click()  # a four-digit code: the page says why
    shot("wizard", wizard)
    wizard.reject()
    window.close()
    ctx.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
