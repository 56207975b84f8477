"""The desk under test: server thread, accounts, areas assigned, communes submitting by real sync, HTTP clients."""

from __future__ import annotations

import re
import weakref
from pathlib import Path
from typing import Any

import httpx
from harness import ServerThread, make_service, registered_workspace, sign
from helpers import TINY

from parDesk.sync.server.desk import accounts
from parDesk.sync.server.desk.accounts import DeskPrincipal
from parDesk.sync.worker import SyncWorker

PASSWORD = "mật khẩu đủ dài 123"
SNV, STP = "Sở Nội vụ", "Sở Tư pháp"


def fill(ws: Any) -> None:
    """Answer every self-scored item of the tiny framework (scores < max, so appraisal can change them)."""
    ws.set_inputs("1.1.1", {"done": True})
    ws.set_inputs("1.1.2", {"numerator": 95, "denominator": 100})
    ws.set_inputs("1.1.3", {"numerator": 3, "denominator": 4})
    ws.set_inputs("1.2.1", {"level": next(iter(ws.framework.leaf("1.2.1").rule.levels)).id})
    ws.set_inputs("1.2.2", {"score": "1.5"})
    ws.set_inputs("2.1.1", {"violations": 1})
    ws.set_inputs("2.1.2", {"numerator": 1, "denominator": 2})
    ws.set_explanation("1.1.2", "Có 5 hồ sơ trễ hạn do mất điện")


class Client:
    """One browser-less desk session over real HTTP (cookies, CSRF token from the page)."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
        self.csrf = ""

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        r = self.http.post("/desk/login", data={"username": username, "password": password})
        if r.status_code == 303:
            page = self.http.get("/desk/")
            m = re.search(r'data-csrf="([^"]+)"', page.text)
            self.csrf = m.group(1) if m else ""
        return r

    def entry(self, unit: str, code: str, round_: int = 1, score: Any = None, version: int = 0,
              **kw: Any) -> httpx.Response:
        body = {"unit": unit, "code": code, "round": round_, "score": score, "version": version, **kw}
        return self.http.post("/desk/api/entry", json=body, headers={"X-CSRF-Token": self.csrf})

    def post(self, path: str, data: dict[str, Any] | None = None, csrf: bool = True) -> httpx.Response:
        data = dict(data or {})
        if csrf:
            data["csrf"] = self.csrf
        return self.http.post(path, data=data)

    def close(self) -> None:
        self.http.close()


class Desk:
    def __init__(self, tmp: Path, units: tuple[str, ...] = ("11111", "22222"), evidence_bytes: int = 4096,
                 database_url: str = "", template: Desk | None = None, storage: Any = None, **config: Any) -> None:
        overrides: dict[str, Any] = {"extra": {"desk_login_burst": 200, **config.pop("extra", {})}}
        if database_url:
            overrides["database_url"] = database_url
        self.tmp = tmp
        if template is not None:  # a copy of a desk built once: its data folder, packages and accounts
            import shutil

            template.service.engine.dispose()
            shutil.copytree(template.tmp / "server", tmp / "server")
            self.service = make_service(tmp, **overrides, **config)
            self.server = ServerThread(self.service).__enter__()
            self.url = self.server.url
            self.workspaces, self.packages, self.clients = {}, dict(template.packages), []
            return
        if storage is not None:  # e.g. an S3Storage: accepted packages live in a bucket
            from parDesk.sync.server.config import ServerConfig
            from parDesk.sync.server.service import ServerService

            self.service = ServerService(ServerConfig(data_dir=tmp / "server", province="Tỉnh Mẫu", **overrides,
                                                      **config), storage=storage)
        else:
            self.service = make_service(tmp, **overrides, **config)
        self.service.frameworks.publish(TINY.read_bytes())
        self.server = ServerThread(self.service).__enter__()
        self.url = self.server.url
        self.core = self.server.service  # the ServerService; the desk core is on the app state
        s = self.service.session
        accounts.create_user(s, "admin", PASSWORD, "admin", display_name="Quản trị Sở Nội vụ")
        accounts.create_user(s, "snv", PASSWORD, "appraiser", agency=SNV, display_name="Nguyễn Văn Nội")
        accounts.create_user(s, "stp", PASSWORD, "appraiser", agency=STP, display_name="Trần Thị Pháp")
        accounts.create_user(s, "lanhdao", PASSWORD, "viewer", display_name="Lãnh đạo tỉnh")
        self.workspaces: dict[str, Any] = {}
        self.packages: dict[str, Any] = {}
        for code in units:
            ws = registered_workspace(tmp, self.server, code, evidence_bytes=evidence_bytes)
            fill(ws)
            self.packages[code] = sign(ws)
            SyncWorker(ws).run_once()
            self.workspaces[code] = ws
        self.clients: list[Client] = []
        for area, agency in (("1", SNV), ("bonus", SNV), ("penalty", SNV), ("2", STP)):
            self.desk.assign_area(self.principal("admin"), area, agency)

    @property
    def desk(self) -> Any:
        """A desk core over the same database (the operations the pages call)."""
        return _desk_core(self.service)

    def client(self, username: str | None = None) -> Client:
        c = Client(self.url)
        self.clients.append(c)
        if username:
            r = c.login(username)
            assert r.status_code == 303, r.text
        return c

    def principal(self, username: str) -> DeskPrincipal:
        for u in accounts.list_users(self.service.session):
            if u.username == username:
                return DeskPrincipal(u.id or 0, u.username, u.display_name, u.role, u.agency)
        raise KeyError(username)

    def close(self) -> None:
        for c in self.clients:
            c.close()
        for ws in self.workspaces.values():
            ws.close()
        self.server.__exit__(None, None, None)
        self.service.close()


_CORES: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _desk_core(service: Any) -> Any:
    from parDesk.sync.server.desk.core import DeskCore

    core = _CORES.get(service)
    if core is None:
        core = _CORES[service] = DeskCore(service)
    return core
