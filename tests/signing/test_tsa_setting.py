"""The officer turns PAdES B-T on: the workspace keeps the province's timestamp server (``pardesk package tsa``),
and every package built afterwards — from the CLI or the window, both through ``build_submission`` — carries
forms timestamped by it. A bad address is refused naming the field, before anything is stored or signed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pki
import pytest
from helpers import make_pdf_bytes
from tsa import TimestampAuthority

from parDesk.i18n import ParDeskError
from parDesk.identity import IdentityStore, UnitSubject
from parDesk.package import signed_forms
from parDesk.package.submission import build_submission

PASS = "mật khẩu thử 2025"


def _cli(folder, *args, lang="vi"):
    env = dict(os.environ, PARDESK_LANG=lang)
    return subprocess.run([sys.executable, "-m", "parDesk", "-w", str(folder), *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _timestamped(pdf: bytes) -> list[bool]:
    """For each signature of a PDF: whether it carries an RFC 3161 signature-time-stamp token."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    out = []
    for sig in PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures:
        attrs = sig.signer_info["unsigned_attrs"]
        out.append("signature_time_stamp_token" in [a["type"].native for a in attrs] if attrs else False)
    return out


@pytest.fixture
def ready_ws(tiny_ws, tmp_path):
    ws = tiny_ws
    pdf = tmp_path / "Kế hoạch.pdf"
    pdf.write_bytes(make_pdf_bytes("kế hoạch", 5_000))
    ws.attach_many([("1.1.1", pdf)], number="15/KH-UBND", issued_date="2025-01-10", issuer="UBND xã Tân Lập",
                   subject="Kế hoạch CCHC năm 2025")
    ws.set_inputs("1.1.1", {"done": True})
    store = IdentityStore(ws.identity_dir)
    u = ws.unit()
    store.create(UnitSubject(u.name, u.admin_code, u.province), PASS)
    return ws, store


def test_the_cli_sets_shows_and_clears_the_timestamp_server(tiny_ws):
    folder = tiny_ws.folder
    tiny_ws.close()
    shown = _cli(folder, "package", "tsa")
    assert shown.returncode == 0 and "Chưa đặt máy chủ dấu thời gian" in shown.stdout, shown.stderr
    assert _cli(folder, "package", "tsa", "http://127.0.0.1:3180/tsa").returncode == 0
    as_json = json.loads(_cli(folder, "--json", "package", "tsa").stdout)
    assert as_json == {"tsa_url": "http://127.0.0.1:3180/tsa"}
    english = _cli(folder, "package", "tsa", lang="en").stdout
    assert "PAdES B-T" in english and "http://127.0.0.1:3180/tsa" in english
    assert _cli(folder, "package", "tsa", "--clear").returncode == 0
    assert json.loads(_cli(folder, "--json", "package", "tsa").stdout) == {"tsa_url": None}


@pytest.mark.parametrize("bad", ["ftp://tsa.example.vn/", "tsa.example.vn", "http://", "http://host:port/x",
                                 "http://tsa example.vn/", "javascript:alert(1)", "http://[::1/tsa"])
def test_a_bad_address_is_refused_naming_the_field_and_nothing_is_kept(tiny_ws, bad):
    folder = tiny_ws.folder
    tiny_ws.close()
    assert _cli(folder, "package", "tsa", "http://127.0.0.1:3180/tsa").returncode == 0
    for lang, field in (("vi", "máy chủ dấu thời gian"), ("en", "Timestamp server")):
        proc = _cli(folder, "package", "tsa", bad, lang=lang)
        assert proc.returncode != 0
        assert field in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    kept = json.loads(_cli(folder, "--json", "package", "tsa").stdout)
    assert kept == {"tsa_url": "http://127.0.0.1:3180/tsa"}  # the earlier good value is untouched


def test_a_package_built_with_the_setting_has_timestamped_forms(ready_ws):
    ws, store = ready_ws
    root = pki.root_authority()
    with TimestampAuthority(root) as tsa:
        ws.set_setting(signed_forms.TSA_SETTING, tsa.url)
        rec = build_submission(ws, store.signer(PASS), allow_problems=True)
        assert tsa.requests >= 3  # the letter, the scoring table and the checklist
    with zipfile.ZipFile(rec.path) as z:
        forms = [n for n in z.namelist() if n.startswith("data/reports/") and n.endswith(".pdf")]
        assert len(forms) >= 3
        for name in forms:
            assert _timestamped(z.read(name)) == [True], name


def test_without_the_setting_forms_are_b_b_and_an_explicit_empty_url_overrides_it(ready_ws):
    ws, store = ready_ws
    ws.set_setting(signed_forms.TSA_SETTING, "http://127.0.0.1:9/never-asked")
    rec = build_submission(ws, store.signer(PASS), allow_problems=True, tsa_url="")  # '' = none, this time
    with zipfile.ZipFile(rec.path) as z:
        forms = [n for n in z.namelist() if n.startswith("data/reports/") and n.endswith(".pdf")]
        assert forms and all(_timestamped(z.read(n)) == [False] for n in forms)


def test_an_unreachable_server_stops_the_build_and_nothing_is_locked(ready_ws):
    ws, store = ready_ws
    ws.set_setting(signed_forms.TSA_SETTING, "http://127.0.0.1:9/tsa")  # the discard port: nobody answers
    with pytest.raises(ParDeskError) as e:
        build_submission(ws, store.signer(PASS), allow_problems=True)
    assert e.value.key == "pades.tsa"
    assert ws.assessment().status != "locked"
    assert not list((ws.folder).rglob("*.zip"))
