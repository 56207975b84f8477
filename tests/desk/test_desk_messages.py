"""Refusals the desk shows name what to fix in the reader's own terms, in Vietnamese and in English.

Two classes of slip are covered: a location written in one language only (the survey import said "dòng 4"
to an English reader), and a hint that belongs to another interface (the accounts page told a person in a
browser to pass ``--agency``). The command line keeps its own hint.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from openpyxl import Workbook

# Words that only appear in Vietnamese text (diacritics), and English words our messages use.
VI_ONLY = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def _xlsx(rows: list[tuple[object, ...]], title: str = "Điều tra") -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Ghi chú", "Điểm điều tra"])  # the score in column D
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _import(client, data: bytes, lang: str):
    return client.http.post(f"/desk/admin/survey-import?dry_run=1&lang={lang}", content=data,
                            headers={"X-CSRF-Token": client.csrf, "Content-Type": "application/octet-stream"})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_survey_import_errors_point_at_cells_in_either_language(desk, lang):
    admin = desk.client("admin")
    bad = _xlsx([("11111", "2.2.1", "", "9"),        # out of range: the score cell
                 ("22222", "1.1.1", "", "1"),        # not a survey item: the row
                 ("22222", "2.2.1", "", "abc"),      # not a number: the score cell
                 ("99999", "2.2.1", "", 1),          # no such unit: the row
                 ("11111", "2.2.1", "", None)])      # blank score: the score cell
    r = _import(admin, bad, lang)
    assert r.status_code == 422
    msg = r.json()["error"]["message"]
    for where in ("Điều tra!D2", "Điều tra!3:3", "Điều tra!D4", "Điều tra!5:5", "Điều tra!D6"):
        assert where in msg, (where, msg)
    assert "dòng" not in msg and "row " not in msg.lower().replace("rows", "")
    if lang == "en":
        # the sheet's own name is the person's text; nothing else may be Vietnamese
        assert not VI_ONLY.search(msg.replace("Điều tra", "")), msg
        assert "must be a number" in msg and "“abc”" in msg
    else:
        assert "phải là một số" in msg and "«abc»" in msg
    from parDesk.sync.server.desk.results import survey_of

    assert survey_of(desk.desk, "11111", 2025) == {}  # a dry run, and refused: nothing written


@pytest.mark.parametrize("lang,box", [("vi", "«Cơ quan»"), ("en", "“Agency”")])
@pytest.mark.parametrize("how", ["create", "role"])
def test_the_accounts_page_names_its_own_box_not_a_command_line_option(desk, lang, box, how):
    admin = desk.client("admin")
    if how == "create":
        r = admin.http.post(f"/desk/admin/accounts/create?lang={lang}",
                            data={"csrf": admin.csrf, "username": "moi", "password": "mật khẩu đủ dài 456",
                                  "role": "appraiser", "agency": "  "})
    else:
        r = admin.http.post(f"/desk/admin/accounts/lanhdao/role?lang={lang}",
                            data={"csrf": admin.csrf, "role": "appraiser", "agency": ""})
    assert r.status_code == 422, r.text
    msg = r.json()["error"]["message"] if "json" in r.headers["content-type"] else r.text
    assert box in msg and "--agency" not in msg, msg
    if lang == "en":
        assert not VI_ONLY.search(msg), msg
    from parDesk.sync.server.desk import accounts

    users = {u.username: u for u in accounts.list_users(desk.service.session)}
    assert "moi" not in users and users["lanhdao"].role == "viewer"


@pytest.mark.parametrize("lang,text", [("vi", "Thẩm định viên phải thuộc một cơ quan"),
                                       ("en", "An appraiser must belong to an agency")])
def test_the_command_line_names_its_option(tmp_path, lang, text):
    env = dict(os.environ, PYTHONPATH=os.getcwd(), PARDESK_DESK_PASSWORD="mật khẩu đủ dài 456")
    data = tmp_path / "server"
    run = [sys.executable, "-m", "parDesk.sync.server.cli"]
    subprocess.run([*run, "init", "--data", str(data)], env=env, capture_output=True, timeout=120, check=True)
    out = subprocess.run([*run, "users", "add", "moi", "--role", "appraiser", "--data", str(data), "--lang", lang],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert f"--agency: {text}" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    listed = subprocess.run([*run, "users", "list", "--data", str(data), "--json"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert "moi" not in listed.stdout
