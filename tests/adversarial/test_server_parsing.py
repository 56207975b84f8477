"""Issue 13 §8: hostile numbers and JSON get 400 with a reason, never 500, and the log has no traceback.

Every place the server reads a number from a header, a query or a body, and
every JSON body (before and after authentication), is sent the forms Python's
own parsers mishandle: superscript and non-ASCII digits (``isdigit()`` true,
``int()`` fails or accepts them), thousands of digits, signs, spaces,
exponents, and JSON nested deeper than any recursion limit. One real server
process serves the whole module; its log is checked at the end.
"""

from __future__ import annotations

import json

import httpx
import pytest
from server_proc import ServerProcess, prepare, signed, tus_create

from parDesk.sync import protocol

BAD_NUMBERS = ["²", "³", "١٢", "１２", "1 2", "1_000", "-1", "+5", "1e3", "0x10", "9" * 5000, "9" * 20, ""]
DEEP_JSON = [b"[" * 200_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000, b"[" * 33 + b"]" * 33,
             b'{"unit_code": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"]
HUGE_INTS = [b'{"unit_code": ' + b"9" * 5000 + b"}", b"[" + b"1" * 5000 + b"]", b'{"a": 1e999999}',
             b'{"a": NaN}', b'{"a": -Infinity}']


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    setup = prepare(tmp_path_factory.mktemp("parsing"), n_units=2)
    with ServerProcess(setup.data, "--burst-per-ip", "100000", "--burst-per-unit", "100000") as srv:
        srv.setup = setup
        yield srv
        srv.assert_clean_log()


@pytest.fixture()
def http(server):
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def _reason(resp: httpx.Response) -> dict:
    assert resp.status_code < 500, (resp.status_code, resp.text[:300])
    body = resp.json()
    err = body["error"]
    assert err["key"] and err["vi"] and err["en"], body
    return err


@pytest.mark.parametrize("body", DEEP_JSON + HUGE_INTS, ids=lambda b: f"{len(b)}B-{b[:6]!r}")
@pytest.mark.parametrize("path", ["/v1/register", "/v1/session", "/v1/uploads/abc/finalise"])
def test_hostile_json_before_authentication(http, path, body):
    resp = http.post(path, content=body, headers={"Content-Type": "application/json"})
    assert resp.status_code == 400, (resp.status_code, resp.text[:300])
    assert _reason(resp)["key"] == "srv.bad_json"


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
def test_upload_length_strict(server, http, value):
    resp = tus_create(http, server.setup.units[0], value)
    assert resp.status_code == 400
    assert _reason(resp)["key"] == "tus.length"


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
def test_upload_offset_strict(server, http, value):
    unit = server.setup.units[1]
    created = tus_create(http, unit, 10)
    assert created.status_code == 201
    url = created.headers["location"]
    resp = signed(http, unit, "PATCH", url, body=b"0123456789", headers={
        "Tus-Resumable": protocol.TUS_VERSION, "Upload-Offset": value,
        "Content-Type": "application/offset+octet-stream"})
    assert resp.status_code == 400
    assert _reason(resp)["key"] == "tus.offset"
    assert signed(http, unit, "DELETE", url, headers={"Tus-Resumable": protocol.TUS_VERSION}).status_code == 204


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
def test_timestamp_header_strict(server, http, value):
    unit = server.setup.units[0]
    fp = protocol.key_fingerprint(unit.sync_key)
    resp = http.get("/v1/feed", headers={protocol.H_UNIT: unit.code, protocol.H_KEY: fp,
                                         protocol.H_TIME: (value or "x").encode("utf-8"),
                                         protocol.H_NONCE: protocol.new_nonce(), protocol.H_BODY: protocol.EMPTY_SHA256,
                                         protocol.H_SIG: "AAAA"})
    assert resp.status_code == 401
    assert _reason(resp)["key"] in ("auth.malformed", "auth.missing")


@pytest.mark.parametrize("param", ["after", "limit"])
@pytest.mark.parametrize("value", [v for v in BAD_NUMBERS if v and v.strip() == v], ids=repr)
def test_feed_query_numbers_strict(server, http, param, value):
    resp = signed(http, server.setup.units[0], "GET", "/v1/feed", query=f"{param}={value}")
    assert resp.status_code == 400, resp.text[:200]
    assert _reason(resp)["key"] == "http.bad_query"


@pytest.mark.parametrize("value", ["²", "9" * 5000, "-1", "１２"], ids=repr)
def test_content_length_strict(server, http, value):
    """A hostile Content-Length never reaches the app as a number (the HTTP parser or the app refuses it)."""
    import socket

    host, port = "127.0.0.1", server.port
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(b"POST /v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: " + value.encode("utf-8") + b"\r\n\r\n{}")
        answer = s.recv(4096)
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500, answer[:200]


def test_valid_requests_still_work(server, http):
    """The strict parsers refuse only what is malformed: the ordinary client path is unaffected."""
    unit = server.setup.units[0]
    resp = signed(http, unit, "GET", "/v1/feed", query="after=0&limit=10")
    assert resp.status_code == 200 and "events" in resp.json()
    ok = signed(http, unit, "POST", "/v1/session", body=json.dumps({"a": [1, 2, {"b": 3}]}).encode())
    assert ok.status_code == 200 and ok.json()["unit"] == unit.code
