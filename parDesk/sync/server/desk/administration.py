"""The administrator's accounts and certificate bindings, as desk operations (each checked and audited).

The same account functions serve ``pardesk-server users …``; the binding is
:meth:`parDesk.sync.server.certtrust.Bindings.bind`, which ``pardesk-server
units bind`` calls. Here each operation first checks that the person is an
administrator, then writes one audit row (who, when, what, old → new; never a
password).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from parDesk.i18n import ParDeskError, register
from parDesk.sync.server.desk import accounts
from parDesk.sync.server.desk.accounts import DeskPrincipal
from parDesk.sync.server.desk.core import DeskCore

register({
    "desk.not_yourself": ("Không thể khóa hoặc hạ quyền chính tài khoản đang dùng",
                          "You cannot disable or demote the account you are using"),
    "desk.bind_needs_unit": ("Hãy nhập mã đơn vị để gắn chứng thư số",
                             "Enter the unit code to bind the certificate to"),
})


def _audit(core: DeskCore, who: DeskPrincipal, action: str, unit: str = "", old: Any = "", new: Any = "") -> None:
    with core.session() as s:
        core._audit(s, who, action, unit, old=old, new=new)
        s.commit()


def _account(core: DeskCore, username: str) -> Any:
    name = username.strip().lower()
    for user in accounts.list_users(core.session):
        if user.username == name:
            return user
    raise ParDeskError("desk.no_user", username=username)


def _shown(user: Any) -> dict[str, Any]:
    return {"username": user.username, "display_name": user.display_name, "role": user.role,
            "agency": user.agency, "disabled": bool(user.disabled)}


def list_accounts(core: DeskCore, who: DeskPrincipal) -> list[dict[str, Any]]:
    core.require_admin(who)
    return [_shown(u) for u in accounts.list_users(core.session)]


@contextmanager
def _agency_box() -> Iterator[None]:
    """The account rules name no field; on the accounts page the missing agency is the "Cơ quan" box."""
    try:
        yield
    except ParDeskError as exc:
        if exc.key == "desk.agency_needed":
            raise ParDeskError("desk.agency_needed_field") from None
        raise


def create_account(core: DeskCore, who: DeskPrincipal, data: dict[str, Any]) -> None:
    core.require_admin(who)
    with _agency_box():
        user = accounts.create_user(core.session, str(data.get("username") or ""), str(data.get("password") or ""),
                                    str(data.get("role") or ""), agency=str(data.get("agency") or ""),
                                    display_name=str(data.get("display_name") or "").strip())
    _audit(core, who, "account_create", new=_shown(user))


def set_account_disabled(core: DeskCore, who: DeskPrincipal, username: str, disabled: bool) -> None:
    core.require_admin(who)
    user = _account(core, username)
    if disabled and user.username == who.username:
        raise ParDeskError("desk.not_yourself")
    accounts.set_disabled(core.session, user.username, disabled)
    _audit(core, who, "account_disable" if disabled else "account_enable", old=_shown(user),
           new={**_shown(user), "disabled": disabled})


def reset_account_password(core: DeskCore, who: DeskPrincipal, username: str, password: str) -> None:
    core.require_admin(who)
    user = _account(core, username)
    accounts.set_password(core.session, user.username, password)  # also ends the account's sessions
    _audit(core, who, "account_password", new={"username": user.username})


def set_account_role(core: DeskCore, who: DeskPrincipal, username: str, role: str, agency: str) -> None:
    core.require_admin(who)
    user = _account(core, username)
    if user.username == who.username and role != "admin":
        raise ParDeskError("desk.not_yourself")
    with _agency_box():
        accounts.set_role(core.session, user.username, role, agency)
    _audit(core, who, "account_role", old=_shown(user), new={**_shown(user), "role": role, "agency": agency.strip()})


def certificate_rows(core: DeskCore, who: DeskPrincipal) -> list[Any]:
    """Every certificate seen for a unit, waiting ones first (subject, issuer, serial, validity)."""
    from parDesk.sync.server.certtrust import Bindings

    core.require_admin(who)
    rows = Bindings(core.service).list()
    return sorted(rows, key=lambda r: (r.state != "pending", r.unit_code, -(r.id or 0)))


def bind_certificate(core: DeskCore, who: DeskPrincipal, pending_id: int, unit_code: str) -> None:
    """Bind a waiting certificate to a unit: its packages are then accepted (issue 11 §2)."""
    from parDesk.sync.server.certtrust import Bindings, CertBinding

    core.require_admin(who)
    unit_code = unit_code.strip()
    if not unit_code:
        raise ParDeskError("desk.bind_needs_unit", where="unit")
    with core.session() as s:
        before = s.get(CertBinding, pending_id)
        seen = {"unit": before.unit_code, "subject": before.subject, "serial": before.serial} if before else ""
    row = Bindings(core.service).bind(unit_code, pending_id=pending_id, by=who.username)
    _audit(core, who, "cert_bind", unit_code, old=seen,
           new={"unit": row.unit_code, "subject": row.subject, "issuer": row.issuer, "serial": row.serial})
