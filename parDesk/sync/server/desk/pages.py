"""The desk's pages and their write endpoints (added to the router by :func:`routes.mount_desk`)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from parDesk.sync.server.auth import call
from parDesk.sync.server.desk import results, views
from parDesk.sync.server.desk.core import DeskCore
from parDesk.sync.server.desk.errors import DeskError
from parDesk.sync.server.desk.packages import area_titles
from parDesk.sync.server.desk.present import Presenter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _provisional(sub: Any) -> dict[str, str]:
    """The signed receipt's "accepted provisionally (revocation unknown)" mark in both languages, or {}."""
    from parDesk.sync.receipts import provisional_text

    try:
        fields = json.loads(sub.receipt_json).get("receipt") or {}
    except (ValueError, AttributeError):
        return {}
    marks = {lang: provisional_text(fields, lang) for lang in ("vi", "en")}
    return marks if marks["vi"] else {}


def add_pages(router: APIRouter, core: DeskCore, *, principal: Callable, writer: Callable, render: Callable,
              domain: Callable, year_of: Callable, lang_of: Callable,
              security_headers: Callable) -> None:

    def back(url: str) -> Response:
        return security_headers(RedirectResponse(url, status_code=303))

    @router.get("/")
    async def dashboard(request: Request) -> Response:
        who = await principal(request)
        year = year_of(request)
        data = await call(views.dashboard, core, year)
        return render(request, "dashboard.html", who, data=data, states=views.STATES)

    def unit_context(who: Any, unit_code: str, year: int) -> dict[str, Any]:
        subs = core.submissions(unit_code, year)
        if not subs:
            raise DeskError(404, "desk.no_package", unit=unit_code, year=year)
        view = core.view(subs[-1])
        agencies = core.area_agencies()
        areas = core.readable_areas(who, agencies)
        entries = core.entries(unit_code, year)
        locks = core.locks(unit_code, year)
        survey = results.survey_of(core, unit_code, year)
        fw = view.framework
        titles = area_titles(fw)
        groups = []
        for area_code, leaves in _by_area(fw):
            if areas is not None and area_code not in areas:
                continue
            rows = []
            for leaf in leaves:
                item = view.items.get(leaf.code, {})
                rows.append({"leaf": leaf, "item": item, "e1": entries.get((leaf.code, 1)),
                             "e2": entries.get((leaf.code, 2)),
                             "survey": leaf.rule.kind == "survey" or not leaf.self_scored,
                             "survey_score": survey.get(leaf.code)})
            groups.append({"code": area_code, "title": titles.get(area_code, area_code),
                           "agency": agencies.get(area_code, ""), "rows": rows})
        mine = {lk.round for lk in locks if lk.agency == getattr(who, "agency", "")}
        final = any(lk.round == 3 for lk in locks)
        st = views.self_totals(view, survey)
        at = views.appraised_totals(view, entries, survey)
        return {"view": view, "subs": subs, "groups": groups, "unit_code": unit_code, "year": year,
                "mine_closed": mine, "final": final, "self_totals": st, "appraised_totals": at,
                "unit_name": view.snapshot.get("unit", {}).get("name", unit_code), "locks": locks,
                "round_now": 2 if 1 in mine else 1, "provisional": _provisional(subs[-1])}

    @router.get("/unit/{unit_code}")
    async def unit_page(unit_code: str, request: Request) -> Response:
        who = await principal(request)
        ctx = await call(unit_context, who, unit_code, year_of(request))
        return render(request, "unit.html", who, **ctx)

    @router.post("/api/entry")
    async def save_entry(request: Request) -> Response:
        who, data = await writer(request)
        inputs = data.get("inputs") if isinstance(data.get("inputs"), dict) else None
        try:
            version = int(data.get("version") or 0)
            year = int(data.get("year") or year_of(request))
            round_ = int(data.get("round") or 1)
        except (TypeError, ValueError):
            raise DeskError(422, "desk.bad_round") from None
        try:
            res = await domain(request, core.save_entry, who, str(data.get("unit") or ""), year,
                               str(data.get("code") or ""), round_, score=data.get("score"), inputs=inputs,
                               comment=str(data.get("comment") or ""),
                               request_explanation=bool(data.get("request_explanation")), expected_version=version)
        except DeskError as exc:
            from parDesk.i18n import t

            body = {"error": {"key": exc.key, "message": t(exc.key, lang_of(request), **exc.params),
                              "where": exc.where},
                    "current": exc.current}
            return security_headers(Response(json.dumps(body, ensure_ascii=False), status_code=exc.status,
                                             media_type="application/json"))
        return security_headers(Response(json.dumps(res.__dict__, ensure_ascii=False), media_type="application/json"))

    @router.post("/unit/{unit_code}/close")
    async def close_round(unit_code: str, request: Request) -> Response:
        who, data = await writer(request)
        year = year_of(request)
        await domain(request, core.close_round, who, unit_code, year, int(data.get("round") or 1))
        return back(f"/desk/unit/{unit_code}?year={year}")

    @router.post("/unit/{unit_code}/final")
    async def final_lock(unit_code: str, request: Request) -> Response:
        who, _data = await writer(request)
        year = year_of(request)
        await domain(request, core.final_lock, who, unit_code, year)
        return back(f"/desk/unit/{unit_code}?year={year}")

    @router.post("/unit/{unit_code}/reopen")
    async def reopen(unit_code: str, request: Request) -> Response:
        who, data = await writer(request)
        year = year_of(request)
        await domain(request, core.reopen, who, unit_code, year, str(data.get("reason") or ""))
        return back(f"/desk/unit/{unit_code}?year={year}")

    @router.get("/unit/{unit_code}/diff")
    async def diff(unit_code: str, request: Request) -> Response:
        who = await principal(request)
        year = year_of(request)

        def build() -> dict[str, Any]:
            subs = core.submissions(unit_code, year)
            if len(subs) < 2:
                raise DeskError(404, "dk.not_found")
            old, new = core.view(subs[-2]), core.view(subs[-1])
            areas = core.readable_areas(who)
            requested = {c for (c, r), e in core.entries(unit_code, year).items() if r == 1 and e.request_explanation}
            rows = [d for d in views.diff_versions(old, new, requested)
                    if core.can_read_code(who, new, d["code"], areas)]
            return {"rows": rows, "old": old, "new": new, "unit_code": unit_code, "year": year,
                    "unit_name": new.snapshot.get("unit", {}).get("name", unit_code)}
        return render(request, "diff.html", who, **await call(build))

    @router.get("/unit/{unit_code}/verify")
    async def verify(unit_code: str, request: Request) -> Response:
        await principal(request)
        data = dict(await domain(request, results.verification, core, unit_code, year_of(request)))
        p = Presenter(lang_of(request))
        data["signing_time_text"] = p.time(data.get("signing_time"))
        data["recomputed_text"], data["claimed_text"] = p.score(data.get("recomputed_total")), p.score(
            data.get("claimed_total"))
        return security_headers(Response(json.dumps(data, ensure_ascii=False), media_type="application/json"))

    @router.get("/unit/{unit_code}/history/{code}")
    async def history(unit_code: str, code: str, request: Request) -> Response:
        who = await principal(request)
        year = year_of(request)
        view = await domain(request, core.latest_view, unit_code, year)
        if code not in view.area_of or not core.can_read_code(who, view, code):
            raise DeskError(404, "dk.not_found")
        rows = await call(core.audit, unit_code, code)
        return render(request, "history.html", who, rows=rows, unit_code=unit_code, code=code, year=year)

    @router.get("/unit/{unit_code}/sheet.pdf")
    async def sheet(unit_code: str, request: Request) -> Response:
        who = await principal(request)
        if who.role == "appraiser":
            raise DeskError(403, "desk.forbidden")
        pdf = await domain(request, results.unit_sheet_pdf, core, unit_code, year_of(request), lang_of(request))
        return security_headers(Response(pdf, media_type="application/pdf",
                                         headers={"Content-Disposition": f'inline; filename="phieu-{unit_code}.pdf"'}))

    # ------------------------------------------------------------ results

    @router.get("/results")
    async def results_page(request: Request) -> Response:
        who = await principal(request)
        data = await call(views.ranking, core, year_of(request))
        return render(request, "results.html", who, data=data)

    @router.post("/results/publish")
    async def publish(request: Request) -> Response:
        who, _data = await writer(request)
        year = year_of(request)
        await domain(request, results.publish_results, core, who, year)
        return back(f"/desk/results?year={year}")

    @router.get("/results.xlsx")
    async def results_xlsx(request: Request) -> Response:
        await principal(request)
        buf = io.BytesIO()
        await call(results.ranking_xlsx, core, year_of(request), buf, lang_of(request))
        return security_headers(Response(buf.getvalue(), media_type=XLSX,
                                         headers={"Content-Disposition": 'attachment; filename="xep-hang.xlsx"'}))

    @router.get("/results.pdf")
    async def results_pdf(request: Request) -> Response:
        await principal(request)
        pdf = await domain(request, results.ranking_pdf, core, year_of(request), lang_of(request))
        return security_headers(Response(pdf, media_type="application/pdf",
                                         headers={"Content-Disposition": 'inline; filename="ket-qua-tham-dinh.pdf"'}))

    # ------------------------------------------------------------ administration

    @router.get("/admin")
    async def admin_page(request: Request) -> Response:
        who = await principal(request)
        if who.role != "admin":
            raise DeskError(403, "desk.forbidden")
        year = year_of(request)
        ctx = await call(results.admin_context, core, year)
        return render(request, "admin.html", who, year=year, **ctx)

    @router.post("/admin/survey-import")
    async def survey_import(request: Request) -> Response:
        """The XLSX of survey points, as the request body; ``?dry_run=1`` checks every cell and writes nothing."""
        who, raw = await writer(request, raw=True)
        if who.role != "admin":
            raise DeskError(403, "desk.forbidden")
        dry = request.query_params.get("dry_run") in ("1", "true", "yes")
        res = await domain(request, results.import_survey_xlsx, core, who, year_of(request), raw, dry)
        return security_headers(Response(json.dumps(res), media_type="application/json"))

    @router.post("/admin/{action}")
    async def admin_post(action: str, request: Request) -> Response:
        who, data = await writer(request)
        if who.role != "admin":
            raise DeskError(403, "desk.forbidden")
        year = year_of(request)
        await domain(request, results.admin_action, core, who, year, action, data)
        if request.headers.get("content-type", "").startswith("application/json"):
            return security_headers(Response('{"ok": true}', media_type="application/json"))
        return back(f"/desk/admin?year={year}")


def _by_area(fw: Any) -> list[tuple[str, list[Any]]]:
    out = [(a.code, list(a.leaves())) for a in fw.areas]
    if fw.bonus.items:
        out.append(("bonus", list(fw.bonus.items)))
    if fw.penalty.items:
        out.append(("penalty", list(fw.penalty.items)))
    return out
