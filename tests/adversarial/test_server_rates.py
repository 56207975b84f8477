"""Issue 13 §11: rate limits per authenticated unit key, not per address.

The whole province's communes may arrive through one gateway address, so all
units here come from 127.0.0.1. The server runs with small limits (a burst
of 5 per unit, 20 per address for unauthenticated requests) so the test can
cross them: many units together far exceed any per-address budget and are all
served; one unit over its own budget is refused (429 ``auth.rate`` with
Retry-After) while the others go on; the per-address limit touches only
unauthenticated endpoints.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from server_proc import ServerProcess, prepare, signed

from parDesk.sync import protocol

UNITS = 30
BURST_UNIT = 5
BURST_IP = 20


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    setup = prepare(tmp_path_factory.mktemp("rates"), n_units=UNITS)
    with ServerProcess(setup.data, "--burst-per-unit", str(BURST_UNIT), "--rate-per-unit", "0.05",
                       "--burst-per-ip", str(BURST_IP), "--rate-per-ip", "0.05") as srv:
        srv.setup = setup
        yield srv
        srv.assert_clean_log()


def _feed(server, unit) -> int:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        return signed(http, unit, "GET", "/v1/feed", query="after=0").status_code


def test_many_units_from_one_address_are_all_served(server):
    units = server.setup.units[:25]
    with ThreadPoolExecutor(25) as pool:
        statuses = list(pool.map(lambda u: [_feed(server, u) for _ in range(BURST_UNIT - 1)], units))
    assert all(s == 200 for row in statuses for s in row), statuses  # 100 requests, 5x the address budget


def test_one_unit_over_its_budget_alone_is_refused(server):
    greedy, other = server.setup.units[25], server.setup.units[26]
    with httpx.Client(base_url=server.url, timeout=30) as http:
        answers = [signed(http, greedy, "GET", "/v1/feed", query="after=0") for _ in range(BURST_UNIT + 3)]
        assert [a.status_code for a in answers[:BURST_UNIT]] == [200] * BURST_UNIT
        refused = answers[BURST_UNIT:]
        assert all(a.status_code == 429 for a in refused)
        assert all(a.json()["error"]["key"] == "auth.rate" and a.headers.get("retry-after") for a in refused)
        assert signed(http, other, "GET", "/v1/feed", query="after=0").status_code == 200


def test_session_token_requests_count_per_unit(server):
    """Plain tus clients (a bearer token) are limited by the unit the token belongs to."""
    unit, other = server.setup.units[27], server.setup.units[28]
    with httpx.Client(base_url=server.url, timeout=30) as http:
        token = signed(http, unit, "POST", "/v1/session", body=b"{}").json()["token"]
        statuses = []
        for _ in range(BURST_UNIT + 2):
            r = http.post("/v1/uploads", headers={"Authorization": "Bearer " + token, "Upload-Length": "10",
                                                  "Tus-Resumable": protocol.TUS_VERSION})
            statuses.append(r.status_code)
            if r.status_code == 201:
                http.delete(r.headers["location"], headers={"Authorization": "Bearer " + token,
                                                            "Tus-Resumable": protocol.TUS_VERSION})
        assert 429 in statuses and statuses.count(429) >= 2
        assert signed(http, other, "GET", "/v1/feed", query="after=0").status_code == 200


def test_unauthenticated_limit_is_per_address_and_only_there(server):
    last = server.setup.units[29]
    with httpx.Client(base_url=server.url, timeout=30) as http:
        statuses = [http.get("/v1/hello").status_code for _ in range(BURST_IP + 5)]
        assert 429 in statuses
        assert statuses.count(200) <= BURST_IP
        refused = http.get("/v1/hello")
        assert refused.status_code == 429 and refused.json()["error"]["key"] == "auth.rate"
        # the address is out of its unauthenticated budget; a signed unit request from it is still served
        assert signed(http, last, "GET", "/v1/feed", query="after=0").status_code == 200
