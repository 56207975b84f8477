"""`pardesk self-check`: can this installation (or PyInstaller build) do its job?

Checks that the shipped resources are there and usable — the fonts, the
frameworks (loaded and validated), the translations — and runs a real
workspace end to end in a temporary folder: the demo is built, scored,
validated, integrity-checked. With ``--gui`` it also opens the main window
offscreen on that workspace. Used by CI on the built program.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from parDesk import __version__
from parDesk.i18n import register, t
from parDesk.resources import resources_dir

register({
    "self.ok": ("tốt", "ok"),
    "self.fail": ("LỖI", "FAILED"),
})


def run_self_check(gui: bool = False) -> list[tuple[str, bool, str]]:
    results: list[tuple[str, bool, str]] = []

    def step(name: str, fn: Callable[[], object]) -> None:
        try:
            detail = fn() or ""
            results.append((name, True, str(detail)))
        except Exception as exc:
            results.append((name, False, f"{type(exc).__name__}: {exc}"))

    res = resources_dir()
    step("version", lambda: __version__)
    step("resources", lambda: str(res) if res.is_dir() else (_ for _ in ()).throw(FileNotFoundError(str(res))))

    def fonts() -> str:
        from reportlab.pdfbase.ttfonts import TTFont

        names = ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                 "LiberationSerif-BoldItalic.ttf"]
        for name in names:
            TTFont(name, str(res / "fonts" / name))
        return ", ".join(names)

    step("fonts", fonts)

    def frameworks() -> str:
        from parDesk.models.framework import load_framework

        loaded = [load_framework(p) for p in sorted((res / "frameworks").glob("*.json"))]
        if not loaded:
            raise FileNotFoundError("resources/frameworks/*.json")
        return ", ".join(f"{fw.id} ({sum(1 for _ in fw.leaves())})" for fw in loaded)

    step("frameworks", frameworks)
    step("translations", lambda: ", ".join(sorted(p.name for p in (res / "i18n").glob("*.qm"))) or "—")

    with tempfile.TemporaryDirectory(prefix="pardesk-selfcheck-") as tmp:
        folder = Path(tmp) / "demo"

        def demo() -> str:
            from parDesk.demo import build_demo
            from parDesk.maintenance import check

            ws = build_demo(folder)
            s = ws.summary()
            report = check(ws)
            ws.close()
            if not report.ok:
                raise RuntimeError("; ".join(p.message() for p in report.problems))
            return f"{s.totals.total} / {s.totals.max_applicable}, {s.documents} documents"

        step("workspace", demo)
        if gui:
            def window() -> str:
                import os

                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                import contextlib
                import io

                from parDesk.app import main as gui_main

                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    code = gui_main(["--self-check", str(folder)])
                if code != 0:
                    raise RuntimeError(f"window self-check exited {code}: {out.getvalue().strip()}")
                return out.getvalue().strip()

            step("window", window)
    return results


def main_self_check(gui: bool) -> int:
    results = run_self_check(gui)
    width = max(len(name) for name, _, _ in results)
    for name, ok, detail in results:
        print(f"{name.ljust(width)}  {t('self.ok') if ok else t('self.fail')}  {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1
