"""Desk accounts: argon2id password hashes, sessions, login throttling and lockout.

Why the choices: argon2id (argon2-cffi's defaults, memory-hard) so a stolen
database does not give passwords away cheaply; the session cookie carries a
random token whose SHA-256 alone is stored (a database read does not yield
live sessions); a per-session CSRF token; after ``MAX_FAILURES`` wrong
passwords an account is locked for ``LOCK_SECONDS`` whatever the source
address, and each address is rate limited, so guessing is slow both ways.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete
from sqlmodel import col, select

from parDesk.i18n import ParDeskError, register
from parDesk.sync.server.models import DeskSession, DeskUser

ROLES = ("admin", "appraiser", "viewer")
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
SESSION_SECONDS = 12 * 3600
_hasher = PasswordHasher()
# a hash to verify against when the user does not exist (same time for both answers)
_DUMMY = _hasher.hash("not a password " + secrets.token_hex(8))

register({
    "desk.bad_login": ("Tên đăng nhập hoặc mật khẩu không đúng", "Wrong user name or password"),
    "desk.locked": ("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau {minutes} phút",
                    "The account is locked after too many wrong passwords; try again in {minutes} minutes"),
    "desk.bad_role": ("Vai trò phải là một trong: {roles}", "The role must be one of: {roles}"),
    "desk.user_exists": ("Tài khoản {username} đã có", "Account {username} already exists"),
    "desk.no_user": ("Không có tài khoản {username}", "No account {username}"),
    "desk.weak_password": ("Mật khẩu phải có ít nhất 10 ký tự", "The password must have at least 10 characters"),
    # Said without naming a field: the CLI puts "--agency" in front, the desk says which box to fill.
    "desk.agency_needed": ("Thẩm định viên phải thuộc một cơ quan", "An appraiser must belong to an agency"),
    "desk.agency_needed_field": ("Thẩm định viên phải thuộc một cơ quan: hãy điền ô «Cơ quan»",
                                 "An appraiser must belong to an agency: fill in the “Agency” box"),
})


@dataclass(frozen=True)
class DeskPrincipal:
    """Who is asking: what every authorization check reads."""

    user_id: int
    username: str
    display_name: str
    role: str
    agency: str
    csrf: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _now() -> int:
    return int(time.time())


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def create_user(session_factory, username: str, password: str, role: str, agency: str = "",
                display_name: str = "") -> DeskUser:
    from parDesk.sync.server.service import utc_iso

    username = username.strip().lower()
    if role not in ROLES:
        raise ParDeskError("desk.bad_role", roles=", ".join(ROLES))
    if len(password) < 10:
        raise ParDeskError("desk.weak_password", where="password")
    if role == "appraiser" and not agency.strip():
        raise ParDeskError("desk.agency_needed")
    with session_factory() as s:
        if s.exec(select(DeskUser).where(DeskUser.username == username)).first() is not None:
            raise ParDeskError("desk.user_exists", username=username)
        user = DeskUser(username=username, display_name=display_name or username, role=role, agency=agency.strip(),
                        password_hash=_hasher.hash(password), created_at=utc_iso())
        s.add(user)
        s.commit()
        return user


def set_password(session_factory, username: str, password: str) -> None:
    if len(password) < 10:
        raise ParDeskError("desk.weak_password", where="password")
    with session_factory() as s:
        user = s.exec(select(DeskUser).where(DeskUser.username == username.strip().lower())).first()
        if user is None:
            raise ParDeskError("desk.no_user", username=username)
        user.password_hash = _hasher.hash(password)
        user.failed_logins, user.locked_until = 0, 0
        s.add(user)
        s.exec(delete(DeskSession).where(col(DeskSession.user_id) == user.id))
        s.commit()


def set_disabled(session_factory, username: str, disabled: bool) -> None:
    with session_factory() as s:
        user = s.exec(select(DeskUser).where(DeskUser.username == username.strip().lower())).first()
        if user is None:
            raise ParDeskError("desk.no_user", username=username)
        user.disabled = disabled
        s.add(user)
        if disabled:
            s.exec(delete(DeskSession).where(col(DeskSession.user_id) == user.id))
        s.commit()


def set_role(session_factory, username: str, role: str, agency: str = "") -> None:
    """Change an account's role and agency (an appraiser must have one); its sessions end."""
    if role not in ROLES:
        raise ParDeskError("desk.bad_role", roles=", ".join(ROLES))
    if role == "appraiser" and not agency.strip():
        raise ParDeskError("desk.agency_needed")
    with session_factory() as s:
        user = s.exec(select(DeskUser).where(DeskUser.username == username.strip().lower())).first()
        if user is None:
            raise ParDeskError("desk.no_user", username=username)
        user.role, user.agency = role, agency.strip()
        s.add(user)
        s.exec(delete(DeskSession).where(col(DeskSession.user_id) == user.id))  # the old rights end now
        s.commit()


def list_users(session_factory) -> list[DeskUser]:
    with session_factory() as s:
        return list(s.exec(select(DeskUser).order_by(DeskUser.username)))


def login(session_factory, username: str, password: str) -> tuple[str, DeskPrincipal]:
    """Check the password; on success a new session token (for the cookie) and the principal."""
    username = (username or "").strip().lower()[:200]
    now = _now()
    with session_factory() as s:
        user = s.exec(select(DeskUser).where(DeskUser.username == username)).first()
        if user is None or user.disabled:
            with contextlib.suppress(VerificationError, InvalidHashError):
                _hasher.verify(_DUMMY, password or "")  # same work as a real check: no user-probing by timing
            raise ParDeskError("desk.bad_login")
        if user.locked_until > now:
            raise ParDeskError("desk.locked", minutes=(user.locked_until - now) // 60 + 1)
        try:
            _hasher.verify(user.password_hash, password or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until, user.failed_logins = now + LOCK_SECONDS, 0
            s.add(user)
            s.commit()
            raise ParDeskError("desk.bad_login") from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        s.add(user)
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        s.add(DeskSession(token_sha256=_sha(token), user_id=user.id, csrf=csrf, created=now,
                          expires=now + SESSION_SECONDS))
        s.exec(delete(DeskSession).where(col(DeskSession.expires) < now))
        s.commit()
        return token, DeskPrincipal(user.id or 0, user.username, user.display_name, user.role, user.agency, csrf)


def principal_for(session_factory, token: str) -> DeskPrincipal | None:
    if not token or len(token) > 100:
        return None
    with session_factory() as s:
        row = s.get(DeskSession, _sha(token))
        if row is None or row.expires < _now():
            return None
        user = s.get(DeskUser, row.user_id)
        if user is None or user.disabled:
            return None
        return DeskPrincipal(user.id or 0, user.username, user.display_name, user.role, user.agency, row.csrf)


def logout(session_factory, token: str) -> None:
    with session_factory() as s:
        s.exec(delete(DeskSession).where(col(DeskSession.token_sha256) == _sha(token)))
        s.commit()
