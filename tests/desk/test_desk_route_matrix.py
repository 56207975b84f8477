"""Every desk route against every kind of caller it must refuse, taken from the app's own route table.

The security tests in test_desk_security.py walk chosen examples. This file walks the class: the list of
routes comes from the running app's OpenAPI table, so a route added later is covered without anyone
remembering to add it here. For each refusal the whole database (less the session and cache tables, which
a read may legitimately touch) is compared before and after: a refused request changes nothing.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import sqlalchemy as sa
from desk_harness import Client

from parDesk.sync.server.desk.admin_pages import ACCOUNT_OPS

# Reachable without a session: the login page and the static files the login page needs.
PUBLIC = {("get", "/desk/login"), ("post", "/desk/login"), ("get", "/desk/static/{name}")}
# Tables a request may write without changing anything a person decided: sessions and computed caches.
VOLATILE = {"desk_session", "desk_setting", "srv_session", "srv_nonce", "desk_unit_year"}
ADMIN_ACTIONS = ("area", "deadline", "extension", "sample", "inspection", "survey", "no-such-action")
# A body that would be a real change if it were accepted (every route reads what it needs from it).
BODY = {"round": "1", "reason": "Lý do kiểm thử", "deadline": "2026-02-01", "unit": "11111", "code": "1.1.1",
        "score": "0", "comment": "x", "username": "moi", "password": "mật khẩu đủ dài 456", "role": "viewer",
        "agency": "Sở Tư pháp", "area": "1", "days": "5", "share": "70", "seed": "1", "units": "11111",
        "date": "2026-01-10", "team": "Đoàn 1", "findings": "Đúng", "sipas": "1", "dtxhh": "1"}


def _routes(desk: Any) -> list[tuple[str, str]]:
    app = desk.server.server.config.app
    while not hasattr(app, "openapi"):  # through the server's ASGI wrappers to the FastAPI app
        app = app.app
    return sorted((method, path) for path, ops in app.openapi()["paths"].items() if path.startswith("/desk")
                  for method in ops)


def _expand(path: str, sha: str) -> list[str]:
    """Concrete URLs for a route template: every admin action and account operation, real unit and item."""
    out = [path.replace("{unit_code}", "11111").replace("{code}", "1.1.1").replace("{sha256}", sha)
           .replace("{username}", "stp").replace("{binding_id}", "1").replace("{name}", "desk.js")]
    if "{action}" in path:
        out = [u.replace("{action}", a) for u in out for a in ADMIN_ACTIONS]
    if "{op}" in path:
        out = [u.replace("{op}", op) for u in out for op in (*ACCOUNT_OPS, "no-such-op")]
    return out


def _fingerprint(desk: Any) -> str:
    digest = hashlib.sha256()
    with desk.service.engine.connect() as conn:
        for table in sorted(sa.inspect(conn).get_table_names()):
            if table in VOLATILE:
                continue
            rows = conn.execute(sa.text(f'SELECT * FROM "{table}"')).fetchall()
            digest.update(f"{table}:{sorted(map(repr, rows))}".encode())
    return digest.hexdigest()


def _evidence_sha(desk: Any) -> str:
    (sha,) = desk.desk.latest_view("11111", 2025).evidence
    return str(sha)


def _send(client: Client, method: str, url: str, *, csrf: bool = True) -> int:
    if method == "get":
        return client.http.get(url).status_code
    if url == "/desk/api/entry":
        body = {"unit": "11111", "code": "1.1.1", "round": 1, "score": "0", "version": 0}
        headers = {"X-CSRF-Token": client.csrf} if csrf else {}
        return client.http.post(url, json=body, headers=headers).status_code
    return client.post(url, dict(BODY), csrf=csrf).status_code


def test_the_route_table_is_the_one_these_tests_expect(desk):
    """A guard on the walk itself: it must see the desk's pages, writes, admin pages and evidence."""
    routes = _routes(desk)
    for want in (("get", "/desk/"), ("post", "/desk/api/entry"), ("post", "/desk/admin/{action}"),
                 ("post", "/desk/admin/accounts/{username}/{op}"), ("get", "/desk/evidence/{unit_code}/{sha256}"),
                 ("post", "/desk/results/publish"), ("post", "/desk/unit/{unit_code}/reopen")):
        assert want in routes, routes
    assert len(routes) >= 25


def test_no_route_but_the_login_answers_without_a_session(desk):
    sha, before = _evidence_sha(desk), _fingerprint(desk)
    anon = Client(desk.url)
    try:
        for method, path in _routes(desk):
            if (method, path) in PUBLIC:
                continue
            for url in _expand(path, sha):
                code = _send(anon, method, url, csrf=False)
                assert code in (303, 401, 403), (method, url, code)
                if method == "get" and code == 303:
                    assert anon.http.get(url).headers["location"] == "/desk/login", url
    finally:
        anon.close()
    assert _fingerprint(desk) == before


@pytest.mark.parametrize("username", ["admin", "snv", "lanhdao"])
def test_no_write_without_the_csrf_token(desk, username):
    sha, before = _evidence_sha(desk), _fingerprint(desk)
    client = desk.client(username)
    for method, path in _routes(desk):
        if method != "post" or (method, path) in PUBLIC:
            continue
        for url in _expand(path, sha):
            code = _send(client, method, url, csrf=False)
            assert code == 403, (username, url, code)
    assert _fingerprint(desk) == before


def test_the_viewer_writes_nothing_anywhere(desk):
    sha, before = _evidence_sha(desk), _fingerprint(desk)
    viewer = desk.client("lanhdao")
    for method, path in _routes(desk):
        if method != "post" or (method, path) in PUBLIC or path == "/desk/logout":
            continue
        for url in _expand(path, sha):
            code = _send(viewer, method, url)
            assert code == 403, (url, code)
    assert _fingerprint(desk) == before


@pytest.mark.parametrize("username", ["snv", "stp", "lanhdao"])
def test_only_the_administrator_reaches_the_administration(desk, username):
    """Admin pages, publishing, the final lock and reopening: read or write, nobody else gets through."""
    sha, before = _evidence_sha(desk), _fingerprint(desk)
    client = desk.client(username)
    admin_only = [(m, p) for m, p in _routes(desk)
                  if p.startswith("/desk/admin") or p.endswith(("/final", "/reopen", "/publish"))]
    assert len(admin_only) >= 9
    for method, path in admin_only:
        for url in _expand(path, sha):
            code = _send(client, method, url)
            assert code == 403, (username, method, url, code)
    assert _fingerprint(desk) == before
