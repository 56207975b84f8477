"""The desk's HTTP face: pages, inline saving, evidence; authentication, CSRF and headers on every request.

``mount_desk(app, service)`` adds ``/desk/…`` to the server's FastAPI app.
Every handler starts from :func:`principal` (the session cookie) and hands
it to the desk operations, which check what it may read or write. Every
state-changing request is a POST carrying the session's CSRF token (form
field ``csrf`` or header ``X-CSRF-Token``), and its ``Origin``, when sent,
must be this server. Responses carry a strict Content-Security-Policy (no
inline script, no third-party origin), ``nosniff``, ``no-store`` and
``frame-ancestors 'none'``.
"""

from __future__ import annotations

import hmac
import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import RedirectResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from parDesk.i18n import ParDeskError, ValidationErrors, t
from parDesk.sync.server.auth import call
from parDesk.sync.server.desk import (
    accounts,
    evidence,
    messages,  # noqa: F401 - registers the desk's words
    views,
)
from parDesk.sync.server.desk.accounts import DeskPrincipal
from parDesk.sync.server.desk.core import DeskCore
from parDesk.sync.server.desk.errors import DeskError, EntryConflict
from parDesk.sync.server.desk.present import Presenter

HERE = Path(__file__).parent
log = logging.getLogger("parDesk.server")
COOKIE = "pardesk_desk"
LANG_COOKIE = "pardesk_lang"
STATIC = {"desk.js": "text/javascript; charset=utf-8", "desk.css": "text/css; charset=utf-8"}
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; frame-src 'self'")
EVIDENCE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'"
MAX_FORM = 256 * 1024


def security_headers(resp: Response, csp: str = PAGE_CSP) -> Response:
    resp.headers["Content-Security-Policy"] = csp
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes Chrome send Origin: null on POST
    resp.headers.setdefault("Cache-Control", "no-store")
    if "frame-ancestors 'none'" in csp:
        resp.headers["X-Frame-Options"] = "DENY"
    return resp


def mount_desk(app: FastAPI, service: Any, *, secure_cookies: bool | None = None) -> DeskCore:
    core: DeskCore = service.desk() if hasattr(service, "desk") else DeskCore(service)
    app.state.desk = core
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    router = APIRouter(prefix="/desk")
    from parDesk.sync.server.service import RateLimiter

    login_limiter = RateLimiter(float(service.config.extra.get("desk_login_rate", 1.0)),
                                int(service.config.extra.get("desk_login_burst", 30)))
    secure = secure_cookies if secure_cookies is not None else bool(service.config.extra.get("desk_secure_cookies"))

    def lang_of(request: Request) -> str:
        lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "vi"
        return lang if lang in ("vi", "en") else "vi"

    def is_secure(request: Request) -> bool:
        return secure or request.url.scheme == "https"

    async def principal(request: Request) -> DeskPrincipal:
        who = await call(accounts.principal_for, service.session, request.cookies.get(COOKIE, ""))
        if who is None:
            raise DeskError(401, "dk.need_login")
        return who

    async def form_of(request: Request) -> dict[str, Any]:
        from parDesk.sync.server.auth import read_body

        raw = await read_body(request, MAX_FORM)
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("application/json"):
            try:
                data = json.loads(raw.decode("utf-8") or "{}")
            except (ValueError, UnicodeDecodeError):
                raise DeskError(400, "srv.bad_json", detail="") from None
            return data if isinstance(data, dict) else {}
        from urllib.parse import parse_qs

        try:
            parsed = parse_qs(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=500)
        except (ValueError, UnicodeDecodeError):
            raise DeskError(400, "srv.bad_json", detail="") from None
        return {k: (v[0] if len(v) == 1 else v) for k, v in parsed.items()}

    def check_origin(request: Request) -> None:
        origin = request.headers.get("origin")
        if origin and origin != "null":
            o = urlparse(origin)
            if o.netloc != request.headers.get("host", ""):
                raise DeskError(403, "dk.csrf")
        elif origin == "null":
            raise DeskError(403, "dk.csrf")

    async def writer(request: Request, raw: bool = False) -> tuple[DeskPrincipal, Any]:
        """Who posts, and the posted fields (``raw``: the body bytes, token in the header only), once the
        CSRF token and origin are checked."""
        who = await principal(request)
        check_origin(request)
        if raw:
            from parDesk.sync.server.auth import read_body

            data: Any = await read_body(request, 32 * 1024 * 1024)
            token = request.headers.get("x-csrf-token") or ""
            if not token or not hmac.compare_digest(token, who.csrf):
                raise DeskError(403, "dk.csrf")
            return who, data
        data = await form_of(request)
        token = request.headers.get("x-csrf-token") or str(data.get("csrf") or "")
        if not token or not hmac.compare_digest(token, who.csrf):
            raise DeskError(403, "dk.csrf")
        return who, data

    def render(request: Request, name: str, who: DeskPrincipal | None, status: int = 200, **ctx: Any) -> Response:
        lang = lang_of(request)
        p = Presenter(lang)
        html = env.get_template(name).render(_=p.t, p=p, who=who, lang=lang, csrf=who.csrf if who else "",
                                             path=request.url.path, **ctx)
        resp = Response(html, status_code=status, media_type="text/html; charset=utf-8")
        if request.query_params.get("lang") in ("vi", "en"):
            resp.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="strict", secure=is_secure(request),
                            path="/desk", max_age=365 * 86400)
        return security_headers(resp)

    def year_of(request: Request) -> int:
        value = request.query_params.get("year")
        if value and value.isdigit():
            return int(value)
        return int(views.get_setting(core, "year", 0) or 0) or _latest_year(core)

    def wants_json(request: Request) -> bool:
        return "application/json" in request.headers.get("accept", "") or \
            request.headers.get("content-type", "").startswith("application/json")

    @app.exception_handler(DeskError)
    async def desk_error(request: Request, exc: DeskError) -> Response:
        lang = lang_of(request)
        if exc.status == 401 and request.method == "GET" and not wants_json(request):
            return security_headers(RedirectResponse("/desk/login", status_code=303))
        msg = t(exc.key, lang, **exc.params)
        if wants_json(request) or request.method != "GET":
            resp = Response(json.dumps({"error": {"key": exc.key, "message": msg}}, ensure_ascii=False),
                            status_code=exc.status, media_type="application/json")
            return security_headers(resp)
        return render(request, "error.html", None, status=exc.status, message=msg)

    async def domain(request: Request, fn: Any, *args: Any, **kw: Any) -> Any:
        """Run a desk operation; its refusals become 403 / 409 / 422 answers in the reader's language."""
        try:
            return await call(fn, *args, **kw)
        except ValidationErrors as exc:
            raise DeskError(422, "desk.invalid_rows", detail=exc.message(lang_of(request))) from None
        except ParDeskError as exc:
            status = {"desk.forbidden": 403, "desk.not_your_area": 403, "desk.conflict": 409,
                      "desk.final_locked": 409, "desk.round_locked": 409, "desk.no_package": 404}.get(exc.key, 422)
            err = DeskError(status, exc.key, **exc.params)
            err.current = exc.current if isinstance(exc, EntryConflict) else None
            err.where = exc.where
            raise err from None

    # ---------------------------------------------------------------- static

    @router.get("/static/{name}")
    async def static(name: str) -> Response:
        if name not in STATIC:
            raise DeskError(404, "dk.not_found")
        resp = Response((HERE / "static" / name).read_bytes(), media_type=STATIC[name])
        resp.headers["Cache-Control"] = "max-age=3600"
        return security_headers(resp)

    # ---------------------------------------------------------------- login

    @router.get("/login")
    async def login_page(request: Request) -> Response:
        return render(request, "login.html", None, error="")

    @router.post("/login")
    async def login_post(request: Request) -> Response:
        check_origin(request)
        ip = request.client.host if request.client else "?"
        wait = login_limiter.take(ip)
        if wait:
            raise DeskError(429, "dk.too_many", seconds=int(wait) + 1)
        data = await form_of(request)
        try:
            token, _who = await call(accounts.login, service.session, str(data.get("username") or ""),
                                     str(data.get("password") or ""))
        except ParDeskError as exc:
            return render(request, "login.html", None, status=401 if exc.key == "desk.bad_login" else 423,
                          error=exc.message(lang_of(request)))
        resp = RedirectResponse("/desk/", status_code=303)
        resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=is_secure(request), path="/desk",
                        max_age=accounts.SESSION_SECONDS)
        return security_headers(resp)

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        await writer(request)
        await call(accounts.logout, service.session, request.cookies.get(COOKIE, ""))
        resp = RedirectResponse("/desk/login", status_code=303)
        resp.delete_cookie(COOKIE, path="/desk")
        return security_headers(resp)

    # ---------------------------------------------------------------- pages

    from parDesk.sync.server.desk import pages

    pages.add_pages(router, core, principal=principal, writer=writer, render=render, domain=domain,
                    year_of=year_of, lang_of=lang_of, security_headers=security_headers)
    from parDesk.sync.server.desk import admin_pages

    admin_pages.add_admin_pages(router, core, principal=principal, writer=writer, render=render, domain=domain,
                                security_headers=security_headers)

    # ---------------------------------------------------------------- evidence

    @router.get("/evidence/{unit_code}/{sha256}")
    async def serve_evidence(unit_code: str, sha256: str, request: Request) -> Response:
        who = await principal(request)
        year = year_of(request)
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise DeskError(404, "dk.not_found")
        view = await domain(request, core.latest_view, unit_code, year)
        ref = view.evidence.get(sha256)
        areas = core.readable_areas(who)
        if ref is None or not any(core.can_read_code(who, view, c, areas) for c in ref.codes):
            raise DeskError(404, "dk.not_found")
        sub = (await call(core.submissions, unit_code, year))[-1]
        fh = await call(evidence.open_seekable, service.storage, sub.storage_key)
        try:
            start, size, compress = await call(evidence.cached_member_span, fh, sub.storage_key, ref.member)
        except BaseException:
            fh.close()
            raise
        ctype = evidence.content_type(ref.media_type)
        disposition = "inline" if ctype in evidence.INLINE_TYPES else "attachment"
        headers = {"Accept-Ranges": "bytes", "Content-Disposition": f'{disposition}; filename="{sha256[:16]}"',
                   "ETag": f'"{sha256}"', "Cache-Control": "private, max-age=3600"}
        if compress != 0:
            return security_headers(StreamingResponse(evidence.iter_inflated(fh, ref.member), media_type=ctype,
                                                      headers=headers), EVIDENCE_CSP)
        rng = evidence.parse_range(request.headers.get("range"), size)
        if isinstance(rng, str):  # "bad": a range this file cannot satisfy
            fh.close()
            return security_headers(Response(status_code=416, headers={"Content-Range": f"bytes */{size}"}),
                                    EVIDENCE_CSP)
        if rng is None:
            headers["Content-Length"] = str(size)
            return security_headers(StreamingResponse(evidence.iter_span(fh, start, size), media_type=ctype,
                                                      headers=headers), EVIDENCE_CSP)
        a, b = rng
        headers["Content-Range"] = f"bytes {a}-{b}/{size}"
        headers["Content-Length"] = str(b - a + 1)
        return security_headers(StreamingResponse(evidence.iter_span(fh, start + a, b - a + 1), status_code=206,
                                                  media_type=ctype, headers=headers), EVIDENCE_CSP)

    def warm_up() -> None:
        """Pay at start what the first view would pay once per process (``serve`` calls it before listening).

        Every template compiled; the latest year's dashboard built once — its frameworks parsed, its queries
        compiled, the scoring code's tag taken, and figures no intake kept (an older server's data) computed
        and kept now rather than at the first appraiser's view.
        """
        try:
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)
            year = _latest_year(core)
            if year:
                views.dashboard(core, year)
        except Exception as exc:  # a slower first view, nothing worse
            log.warning("desk warm-up: %s: %s", type(exc).__name__, exc)

    core.warm_up = warm_up
    app.include_router(router)
    return core


def _latest_year(core: DeskCore) -> int:
    from sqlalchemy import func
    from sqlmodel import select

    from parDesk.sync.server.models import Submission

    with core.session() as s:
        y = s.exec(select(func.max(Submission.year))).one()
    return int(y or 0)
