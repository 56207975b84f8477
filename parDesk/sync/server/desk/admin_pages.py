"""The administrator's pages for accounts and certificate bindings (added by :func:`routes.mount_desk`).

Every page and every write is the administrator's alone (403 for appraisers and
viewers, on reads too); every write is a POST with the session's CSRF token,
through ``writer``, and is audited by :mod:`.administration`.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from parDesk.sync.server.desk import administration as adm
from parDesk.sync.server.desk.accounts import ROLES, DeskPrincipal
from parDesk.sync.server.desk.core import DeskCore
from parDesk.sync.server.desk.errors import DeskError

ACCOUNT_OPS = ("disable", "enable", "password", "role")


def add_admin_pages(router: APIRouter, core: DeskCore, *, principal: Callable, writer: Callable, render: Callable,
                    domain: Callable, security_headers: Callable) -> None:

    def back(url: str) -> Response:
        return security_headers(RedirectResponse(url, status_code=303))

    def admin_only(who: DeskPrincipal) -> None:
        if who.role != "admin":
            raise DeskError(403, "desk.forbidden")

    @router.get("/admin/accounts")
    async def accounts_page(request: Request) -> Response:
        who = await principal(request)
        admin_only(who)
        rows = await domain(request, adm.list_accounts, core, who)
        return render(request, "accounts.html", who, rows=rows, roles=ROLES)

    @router.post("/admin/accounts/create")
    async def account_create(request: Request) -> Response:
        who, data = await writer(request)
        admin_only(who)
        await domain(request, adm.create_account, core, who, data)
        return back("/desk/admin/accounts")

    @router.post("/admin/accounts/{username}/{op}")
    async def account_change(username: str, op: str, request: Request) -> Response:
        who, data = await writer(request)
        admin_only(who)
        if op not in ACCOUNT_OPS:
            raise DeskError(404, "dk.not_found")
        if op in ("disable", "enable"):
            await domain(request, adm.set_account_disabled, core, who, username, op == "disable")
        elif op == "password":
            await domain(request, adm.reset_account_password, core, who, username, str(data.get("password") or ""))
        else:
            await domain(request, adm.set_account_role, core, who, username, str(data.get("role") or ""),
                         str(data.get("agency") or ""))
        return back("/desk/admin/accounts")

    @router.get("/admin/certificates")
    async def certificates_page(request: Request) -> Response:
        who = await principal(request)
        admin_only(who)
        rows = await domain(request, adm.certificate_rows, core, who)
        return render(request, "certificates.html", who, rows=rows)

    @router.post("/admin/certificates/{binding_id}/bind")
    async def certificate_bind(binding_id: int, request: Request) -> Response:
        who, data = await writer(request)
        admin_only(who)
        await domain(request, adm.bind_certificate, core, who, binding_id, str(data.get("unit") or ""))
        return back("/desk/admin/certificates")

