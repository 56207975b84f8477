"""The package's verification as the desk shows it: the signer as a person reads it, times in Vietnam time."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.x509.oid import NameOID

from parDesk.numfmt import fmt_score
from parDesk.package.checks import verify_submission
from parDesk.sync.server.desk.present import vietnam_time


@pytest.mark.parametrize(("stored", "vi", "en"), [
    ("2026-12-01T20:05:09Z", "03:05:09 02/12/2026 (UTC+07:00)", "2 Dec 2026, 03:05:09 (UTC+07:00)"),
    ("2026-12-01T20:05:09+00:00", "03:05:09 02/12/2026 (UTC+07:00)", "2 Dec 2026, 03:05:09 (UTC+07:00)"),
    ("2026-12-02T03:05:09+07:00", "03:05:09 02/12/2026 (UTC+07:00)", "2 Dec 2026, 03:05:09 (UTC+07:00)"),
    ("2026-12-31T17:00:00", "00:00:00 01/01/2027 (UTC+07:00)", "1 Jan 2027, 00:00:00 (UTC+07:00)"),  # naive = UTC
    ("2026-06-15T09:30:00-05:00", "21:30:00 15/06/2026 (UTC+07:00)", "15 Jun 2026, 21:30:00 (UTC+07:00)"),
])
def test_times_are_shown_in_vietnam_time(stored, vi, en):
    assert vietnam_time(stored) == vi
    assert vietnam_time(stored, "en") == en
    assert vietnam_time(dt.datetime.fromisoformat(stored.replace("Z", "+00:00")), "en") == en


def test_not_an_instant_is_shown_as_written():
    assert vietnam_time("") == "" and vietnam_time(None) == ""
    assert vietnam_time("hôm qua") == "hôm qua"


def _name(cert, oid):
    return ", ".join(str(a.value) for a in cert.subject.get_attributes_for_oid(oid))


@pytest.mark.parametrize("unit", ["11111", "22222"])
def test_verification_names_the_signer_and_the_vietnam_time(desk, unit):
    report = verify_submission(desk.packages[unit].path)  # the core's verifier, beside the desk
    cert = report.signer
    expected = " / ".join(x for x in (_name(cert, NameOID.COMMON_NAME), _name(cert, NameOID.ORGANIZATION_NAME)) if x)
    utc = report.signing_time.astimezone(dt.UTC)
    local = utc + dt.timedelta(hours=7)
    c = desk.client("snv")
    for lang, when in (("vi", f"{local:%H:%M:%S} {local:%d/%m/%Y} (UTC+07:00)"),
                       ("en", f"{local.day} {local:%b %Y}, {local:%H:%M:%S} (UTC+07:00)")):
        j = c.http.get(f"/desk/unit/{unit}/verify?lang={lang}").json()
        assert j["signer"] == expected and "=" not in j["signer"]  # a name, not a DN
        assert "CN=" in j["signer_subject"] and j["issuer"] and j["serial"] == format(cert.serial_number, "X")
        assert j["signing_time_text"] == when, j
        assert j["recomputed_text"] == fmt_score(j["recomputed_total"], lang=lang)  # "12", never "12.00"
        assert j["valid"] is True


def test_history_shows_vietnam_time(desk):
    snv = desk.client("snv")
    assert snv.entry("11111", "1.1.1", 1, "1").status_code == 200
    stamp = desk.desk.audit("11111", "1.1.1")[0].at
    for lang in ("vi", "en"):
        page = snv.http.get(f"/desk/unit/11111/history/1.1.1?lang={lang}").text
        assert vietnam_time(stamp, lang) in page and "(UTC+07:00)" in page
        assert stamp not in page  # never the raw UTC stamp
