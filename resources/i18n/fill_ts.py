"""Fill the unfinished entries of the .ts files after ``pyside6-lupdate`` and compile them.

The .ts files are the source of the translations (open them in Qt Linguist);
this script only fills entries that are still unfinished, from the table
in ``vi_texts.py``, so a fresh ``lupdate`` never loses work. English is the source
language: ``pardesk_en.ts`` gets the source text itself, with proper plural
forms for ``%n``.

    cd <repo> && .venv/bin/pyside6-lupdate $(find parDesk/ui -name '*.py') parDesk/app.py \\
        -ts resources/i18n/pardesk_vi.ts resources/i18n/pardesk_en.ts
    .venv/bin/python resources/i18n/fill_ts.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE))  # the table beside this script, however it is started
from vi_texts import VI  # noqa: E402



def english_plural(source: str, plural: bool) -> str:
    """"%n day(s)" → "%n day" / "%n days"; "%n place(s)" likewise."""
    return re.sub(r"\(s\)", "s" if plural else "", source)


def fill(path: Path, lang: str) -> tuple[int, list[str]]:
    tree = ET.parse(path)
    filled, missing = 0, []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if (lang == "en" and msg.get("numerus") != "yes" and "(s)" in source and tr.get("type") is None
                and tr.text != source):
            tr.text = source  # one form only (lupdate did not see a plural): text.plural() resolves "(s)"
            filled += 1
            continue
        if tr.get("type") not in ("unfinished",):
            continue
        if msg.get("numerus") == "yes":
            forms = tr.findall("numerusform")
            if lang == "en":
                values = [english_plural(source, False), english_plural(source, True)]
            elif source in VI:
                values = [VI[source]]  # Vietnamese has one plural form
            else:
                missing.append(source)
                continue
            for f in forms:
                tr.remove(f)
            for v in values:
                ET.SubElement(tr, "numerusform").text = v
        else:
            if lang == "en":
                tr.text = source
            elif source in VI:
                tr.text = VI[source]
            else:
                missing.append(source)
                continue
        del tr.attrib["type"]
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, missing


def main() -> int:
    bin_dir = Path(sys.executable).parent
    status = 0
    for lang in ("vi", "en"):
        ts = HERE / f"pardesk_{lang}.ts"
        filled, missing = fill(ts, lang)
        print(f"{ts.name}: filled {filled}; still unfinished {len(missing)}")
        for m in missing:
            print("   ", repr(m))
            status = 1
    for ts in sorted(HERE.glob("*.ts")):
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
