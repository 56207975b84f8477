"""Every point of the desk's security section, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import zipfile

import pytest
from desk_harness import PASSWORD, SNV, Client

from parDesk.sync.server.desk import accounts
from parDesk.sync.server.models import DeskAudit, DeskUser


def _evidence(desk, unit="11111"):
    view = desk.desk.latest_view(unit, 2025)
    (sha, ref), = view.evidence.items()
    with zipfile.ZipFile(desk.packages[unit].path) as zf:
        data = zf.read(ref.member)
    return sha, ref, data


def test_passwords_are_argon2id_and_cookies_strict(desk):
    with desk.service.session() as s:
        users = list(s.exec(__import__("sqlmodel").select(DeskUser)))
    assert users and all(u.password_hash.startswith("$argon2id$") for u in users)
    assert all(PASSWORD not in u.password_hash for u in users)
    c = Client(desk.url)
    r = c.login("snv")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/desk" in cookie
    assert "secure" not in cookie  # plain HTTP on loopback
    c.close()


def test_secure_cookie_behind_tls(tmp_path):
    from desk_harness import Desk

    d = Desk(tmp_path, units=(), extra={"desk_secure_cookies": True})
    try:
        r = Client(d.url).login("admin")
        assert "secure" in r.headers["set-cookie"].lower()
    finally:
        d.close()


def test_csrf_on_every_state_changing_request(desk):
    c = desk.client("snv")
    # JSON entry: no token, wrong token, token of another session
    other = desk.client("stp")
    for headers in ({}, {"X-CSRF-Token": "x" * 43}, {"X-CSRF-Token": other.csrf}):
        r = c.http.post("/desk/api/entry", json={"unit": "11111", "code": "1.1.1", "round": 1, "score": "1"},
                        headers=headers)
        assert r.status_code == 403, (headers, r.text)
    # form posts: close round, logout, admin actions
    admin = desk.client("admin")
    for client, path, data in ((c, "/desk/unit/11111/close", {"round": "1"}), (c, "/desk/logout", {}),
                               (admin, "/desk/admin/deadline", {"deadline": "2026-02-01"}),
                               (admin, "/desk/results/publish", {}), (admin, "/desk/unit/11111/final", {})):
        r = client.post(path, data, csrf=False)
        assert r.status_code == 403, (path, r.text)
    # a right token from a foreign origin is refused too
    r = c.http.post("/desk/api/entry", json={"unit": "11111", "code": "1.1.1", "round": 1, "score": "1"},
                    headers={"X-CSRF-Token": c.csrf, "Origin": "http://evil.example"})
    assert r.status_code == 403
    with desk.service.session() as s:
        assert s.exec(__import__("sqlmodel").select(DeskAudit).where(DeskAudit.action == "entry")).first() is None
    r = c.entry("11111", "1.1.1", 1, "1")
    assert r.status_code == 200, r.text


def test_lockout_after_wrong_passwords_and_ip_throttling(tmp_path):
    from desk_harness import Desk

    d = Desk(tmp_path, units=(), extra={"desk_login_burst": 12, "desk_login_rate": 0.01})
    try:
        c = Client(d.url)
        for _ in range(accounts.MAX_FAILURES):
            assert c.login("snv", "wrong password!").status_code == 401
        r = c.login("snv")  # the right password, but the account is locked now
        assert r.status_code == 423 and "khóa" in r.text
        assert c.login("nobody", "whatever123").status_code == 401  # unknown user: same answer
        codes = [c.login("stp", "wrong password!").status_code for _ in range(10)]
        assert 429 in codes  # the address is throttled
    finally:
        d.close()


def test_authorization_by_area_role_and_final_lock(desk):
    snv, stp, viewer, admin = (desk.client(u) for u in ("snv", "stp", "lanhdao", "admin"))
    page = stp.http.get("/desk/unit/11111").text
    assert 'id="item-2.1.1"' in page and 'id="item-1.1.1"' not in page and 'id="item-T.1"' not in page
    # area 1 cannot be written by the agency of area 2, for any unit
    for unit in ("11111", "22222"):
        for code in ("1.1.1", "1.2.2", "T.1"):
            r = stp.entry(unit, code, 1, "0")
            assert r.status_code == 403, r.text
    assert stp.http.get("/desk/unit/11111/history/1.1.1").status_code == 404
    sha, _ref, _ = _evidence(desk)
    assert stp.http.get(f"/desk/evidence/11111/{sha}").status_code == 404  # linked to 1.1.1 only
    assert snv.http.get(f"/desk/evidence/11111/{sha}").status_code == 200
    # the viewer reads everything, writes nothing
    assert 'id="item-1.1.1"' in viewer.http.get("/desk/unit/11111").text
    assert viewer.entry("11111", "1.1.1", 1, "1").status_code == 403
    assert viewer.post("/desk/unit/11111/close", {"round": "1"}).status_code == 403
    assert viewer.post("/desk/admin/deadline", {"deadline": "2026-02-01"}).status_code == 403
    assert viewer.post("/desk/results/publish").status_code == 403
    assert stp.http.get("/desk/admin").status_code == 403
    # nobody logged in: pages go to the login, API calls are 401
    anon = Client(desk.url)
    assert anon.http.get("/desk/").status_code == 303
    assert anon.http.get(f"/desk/evidence/11111/{sha}").headers["location"] == "/desk/login"
    assert anon.http.post("/desk/api/entry", json={}).status_code == 401
    anon.close()
    # round 1 by both agencies, then the final lock: nobody writes any more
    for client, codes in ((snv, ("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "T.1", "T.2", "TR.1", "TR.2")),
                          (stp, ("2.1.1", "2.1.2"))):
        for code in codes:
            assert client.entry("11111", code, 1, "0").status_code == 200
        assert client.post("/desk/unit/11111/close", {"round": "1"}).status_code == 303
    assert snv.entry("11111", "1.1.1", 1, "1").status_code == 409  # round 1 closed for SNV
    assert admin.post("/desk/unit/11111/final").status_code == 303
    for client, code in ((snv, "1.1.1"), (stp, "2.1.1")):
        r = client.entry("11111", code, 2, "0")
        assert r.status_code == 409 and "chốt" in r.json()["error"]["message"]
    assert snv.post("/desk/unit/11111/reopen", {"reason": "sai"}).status_code == 403
    assert admin.post("/desk/unit/11111/reopen", {"reason": ""}).status_code == 422
    assert admin.post("/desk/unit/11111/reopen", {"reason": "Sai sót nhập điểm mục 2.1.1"}).status_code == 303
    assert stp.entry("11111", "2.1.1", 2, "3").status_code == 200
    rows = desk.desk.audit("11111")
    reopen = [a for a in rows if a.action == "reopen"]
    assert reopen and reopen[0].username == "admin" and "2.1.1" in reopen[0].reason


def test_evidence_by_hash_with_ranges_and_strict_headers(desk):
    c = desk.client("snv")
    sha, _ref, data = _evidence(desk)
    r = c.http.get(f"/desk/evidence/11111/{sha}")
    assert r.status_code == 200 and r.content == data
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["accept-ranges"] == "bytes"
    for rng, part in (("bytes=0-99", data[:100]), ("bytes=100-", data[100:]), ("bytes=-50", data[-50:]),
                      (f"bytes=10-{len(data) + 500}", data[10:])):
        r = c.http.get(f"/desk/evidence/11111/{sha}", headers={"Range": rng})
        assert r.status_code == 206 and r.content == part, rng
        assert r.headers["content-range"].endswith(f"/{len(data)}")
    assert c.http.get(f"/desk/evidence/11111/{sha}", headers={"Range": f"bytes={len(data)}-"}).status_code == 416
    # nothing but a hash of a document in the unit's verified package reaches a file
    other_sha = _evidence(desk, "22222")[0]
    for bad in ("../../server-key.pem", "..%2F..%2Fserver.sqlite", sha.upper(), sha[:-1], "0" * 64,
                desk.packages["11111"].sha256, "%2e%2e%2fetc%2fpasswd"):
        assert c.http.get(f"/desk/evidence/11111/{bad}").status_code in (404, 422), bad
    assert c.http.get(f"/desk/evidence/11111/{other_sha}").status_code == 404  # another unit's document
    assert c.http.get(f"/desk/evidence/22222/{other_sha}").status_code == 200


@pytest.mark.parametrize("path", ["/desk/", "/desk/unit/11111", "/desk/results", "/desk/login"])
def test_pages_carry_a_strict_policy(desk, path):
    c = desk.client("admin")
    r = c.http.get(path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert r.headers["cache-control"] == "no-store"
    assert "<script>" not in r.text  # no inline script for the policy to allow


def test_two_appraisers_same_item_get_a_conflict_not_an_overwrite(desk):
    accounts.create_user(desk.service.session, "snv2", PASSWORD, "appraiser", agency=SNV, display_name="Lê Văn Hai")
    a, b = desk.client("snv"), desk.client("snv2")
    r = a.entry("11111", "1.2.2", 1, "1,5", comment="đủ")
    assert r.status_code == 200 and r.json()["version"] == 1
    r = b.entry("11111", "1.2.2", 1, "0.5", comment="thiếu", version=0)  # b saw the empty item
    assert r.status_code == 409
    body = r.json()
    assert "Nguyễn Văn Nội" in body["error"]["message"] or "snv" in body["error"]["message"]
    assert body["current"]["score"] == "1.5" and body["current"]["version"] == 1
    r = b.entry("11111", "1.2.2", 1, "0.5", comment="thiếu", version=1)  # after looking again
    assert r.status_code == 200 and r.json()["version"] == 2
    r = a.entry("11111", "1.2.2", 1, "2", version=1)  # a's stale version
    assert r.status_code == 409
    e = desk.desk.entries("11111", 2025)[("1.2.2", 1)]
    assert e.score == "0.5" and e.version == 2 and e.updated_by == "snv2"


@pytest.mark.parametrize("code,score,inputs,ok", [
    ("1.2.2", "0.3", None, False),   # not on the rule's step (0.25? tiny's manual step)
    ("1.2.2", "9", None, False),     # above max
    ("1.2.2", "-1", None, False),
    ("1.2.2", "abc", None, False),
    ("1.1.2", None, {"numerator": 100, "denominator": 100}, True),
    ("1.1.2", None, {"numerator": 101, "denominator": 100}, False),
    ("1.1.1", None, {"done": False}, True),
    ("1.2.1", None, {"level": "nope"}, False),
])
def test_scores_checked_by_the_core(desk, code, score, inputs, ok):
    from parDesk.models.framework import load_framework
    from parDesk.scoring import score_leaf

    c = desk.client("snv")
    r = c.entry("11111", code, 1, score, inputs=inputs)
    assert (r.status_code == 200) == ok, r.text
    if ok and inputs:
        fw = load_framework(__import__("helpers").TINY)
        expected = score_leaf(fw, fw.leaf(code), inputs)
        assert __import__("decimal").Decimal(r.json()["score"]) == expected
    if not ok:
        assert r.status_code == 422 and r.json()["error"]["message"]
