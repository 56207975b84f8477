"""The .ts sources parse, keep every placeholder, are complete, and their .qm files are shipped."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_shipped_and_current(ts: Path):
    qm = ts.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_size > 100, f"run resources/i18n/fill_ts.py to compile {ts.name}"


def test_vietnamese_catalogue_loads(themed_app):
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(I18N / "pardesk_vi.qm"))
    assert tr.translate("MainWindow", "&Assessment") == "&Chấm điểm"
