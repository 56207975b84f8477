"""The .ts sources parse, keep every placeholder, are complete, and their .qm files are shipped."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))
PLACEHOLDER = re.compile(r"%(?:\d+|n|p)")


def test_there_are_vietnamese_and_english_sources():
    names = {p.name for p in TS_FILES}
    assert {"pardesk_vi.ts", "pardesk_en.ts"} <= names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_ts_parses_keeps_placeholders_and_is_complete(ts: Path):
    root = ET.parse(ts).getroot()
    assert root.tag == "TS"
    count = 0
    for msg in root.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None, source
        if tr.get("type") in ("vanished", "obsolete"):
            continue
        assert tr.get("type") != "unfinished", f"untranslated: {source!r}"
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        for form in forms:
            assert form.strip(), f"empty translation of {source!r}"
            assert sorted(set(PLACEHOLDER.findall(form))) == sorted(set(PLACEHOLDER.findall(source))), \
                f"{ts.name}: placeholders differ: {source!r} → {form!r}"
            assert form.count("&") <= max(1, source.count("&")), f"{ts.name}: extra accelerators in {form!r}"
        count += 1
    assert count > 0


def lrelease() -> Path:
    """The venv's own ``pyside6-lrelease`` (PySide6 is a base dependency, so it is always there)."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = beside if beside.is_file() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease not found beside the interpreter nor on PATH"
    return Path(found)


def compile_ts(ts: Path, out: Path) -> Path:
    """A fresh compilation of ``ts`` into ``out``, the way resources/i18n/fill_ts.py compiles it."""
    subprocess.run([str(lrelease()), str(ts), "-qm", str(out)], check=True, capture_output=True, timeout=120)
    assert out.is_file(), f"lrelease wrote no {out.name}"
    return out


def translations(qm: Path, ts: Path) -> dict[tuple[str, str, str, int], str]:
    """What ``qm`` answers for every live message of ``ts`` (plural messages for n = 1, 2 and 5)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm} does not load"
    out: dict[tuple[str, str, str, int], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            source = msg.findtext("source") or ""
            comment = msg.findtext("comment") or None
            for n in (1, 2, 5) if msg.get("numerus") == "yes" else (-1,):
                out[(name, source, comment or "", n)] = translator.translate(name, source, comment, n)
    return out


def qm_is_current(ts: Path, qm: Path, scratch: Path) -> str | None:
    """``None`` when ``qm`` is what compiling ``ts`` gives now, else what differs (for the failure message)."""
    if not qm.is_file():
        return f"{qm.name} is missing"
    fresh = compile_ts(ts, scratch / qm.name)
    if fresh.read_bytes() == qm.read_bytes():
        return None
    # Another lrelease version may lay the file out differently: what must agree is every translation.
    shipped, wanted = translations(qm, ts), translations(fresh, ts)
    stale = [key for key in wanted if shipped.get(key) != wanted[key]]
    if not stale:
        return None
    ctx, source, _comment, _n = stale[0]
    return (f"{qm.name} is not the compilation of {ts.name}: {len(stale)} message(s) differ, e.g. {ctx}: {source!r} "
            f"→ shipped {shipped.get(stale[0])!r}, the .ts says {wanted[stale[0]]!r}")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_shipped_and_current(ts: Path, tmp_path: Path):
    """The shipped .qm equals a fresh lrelease of the .ts: an edit of a .ts that was not recompiled fails here."""
    problem = qm_is_current(ts, ts.with_suffix(".qm"), tmp_path)
    assert problem is None, problem + " (run resources/i18n/fill_ts.py to compile)"


@pytest.mark.parametrize("edit", ["changed translation", "new message", "changed plural form"])
def test_a_ts_edit_not_recompiled_is_caught(edit: str, tmp_path: Path):
    """The check above is real: a copy of the Vietnamese .ts, edited, beside its old .qm, fails it."""
    src = tmp_path / "src"
    src.mkdir()
    ts_copy = src / "pardesk_vi.ts"
    shutil.copy(I18N / "pardesk_vi.ts", ts_copy)
    old_qm = compile_ts(ts_copy, src / "pardesk_vi.qm")
    assert qm_is_current(ts_copy, old_qm, tmp_path) is None  # freshly compiled: current
    tree = ET.parse(ts_copy)
    context = next(c for c in tree.getroot().iter("context") if c.findtext("name") == "MainWindow")
    if edit == "changed translation":
        msg = next(m for m in context.iter("message") if m.findtext("source") == "&Assessment")
        tr = msg.find("translation")
        assert tr is not None
        tr.text = "&Tự chấm điểm"
    elif edit == "new message":
        new = ET.SubElement(context, "message")
        ET.SubElement(new, "source").text = "A string added to the source and translated"
        ET.SubElement(new, "translation").text = "Một chuỗi mới đã được dịch"
    else:
        msg = next(m for m in tree.getroot().iter("message") if m.get("numerus") == "yes")
        form = msg.find("translation/numerusform")
        assert form is not None and form.text
        form.text = form.text + " (sửa)"
    tree.write(ts_copy, encoding="utf-8", xml_declaration=True)
    problem = qm_is_current(ts_copy, old_qm, tmp_path)
    assert problem is not None and "pardesk_vi.qm is not the compilation of pardesk_vi.ts" in problem
    compile_ts(ts_copy, old_qm)  # recompiled: current again
    assert qm_is_current(ts_copy, old_qm, tmp_path) is None


def test_vietnamese_catalogue_loads(themed_app):
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(I18N / "pardesk_vi.qm"))
    assert tr.translate("MainWindow", "&Assessment") == "&Chấm điểm"
