"""Results, publication, exports, survey data, field inspection and the year's settings."""

from __future__ import annotations

import random
import secrets
from decimal import Decimal
from typing import IO, Any

from sqlmodel import select

from parDesk.i18n import Num, ParDeskError, register
from parDesk.sync.server.desk import views
from parDesk.sync.server.desk.accounts import DeskPrincipal
from parDesk.sync.server.desk.core import DeskCore, j
from parDesk.sync.server.models import DeskSurvey, DeskUnitYear, Event

register({
    "desk.bad_action": ("Thao tác không hợp lệ: {action}", "Unknown action: {action}"),
    "desk.bad_date": ("Ngày không hợp lệ (cần YYYY-MM-DD): {value}", "Invalid date (expected YYYY-MM-DD): {value}"),
    "desk.bad_share": ("Tỷ lệ phải từ 0 đến 100", "The share must be between 0 and 100"),
    "desk.survey_range": ("Điểm {value} của mục {code} ngoài khoảng 0–{max}",
                          "Score {value} for {code} is outside 0–{max}"),
    "desk.survey_not_number": ("Điểm của mục {code} phải là một số, không phải «{value}»",
                               "The score of item {code} must be a number, not “{value}”"),
    "desk.not_survey": ("Mục {code} không phải mục điểm điều tra", "Item {code} is not a survey item"),
})


def survey_of(core: DeskCore, unit_code: str, year: int) -> dict[str, str]:
    with core.session() as s:
        return {r.code: r.score for r in s.exec(select(DeskSurvey).where(DeskSurvey.unit_code == unit_code,
                                                                         DeskSurvey.year == year))}


def verification(core: DeskCore, unit_code: str, year: int) -> dict[str, Any]:
    """The package verified again with the core's verifier (cached per hash): signer, time, hashes, scores."""
    view = core.latest_view(unit_code, year)
    key = f"verify2:{view.sha256}"  # 2: the signer summarised (name, subject, issuer, serial)
    cached = views.get_setting(core, key)
    if cached:
        return cached
    from parDesk.package.checks import verify_submission

    sub = core.submissions(unit_code, year)[-1]
    with core.service.storage.local_copy(sub.storage_key) as path:
        report = verify_submission(path)
    st = views.self_totals(view, {})
    claimed = (view.snapshot.get("totals") or {}).get("total")
    from parDesk.sync.server.desk.present import certificate_summary

    signer = certificate_summary(report.signer) if report.signer is not None else {}
    data = {"valid": report.valid, "package_sha256": report.package_sha256,
            "signer": signer.get("name", ""), "signer_subject": signer.get("subject", ""),
            "issuer": signer.get("issuer", ""), "serial": signer.get("serial", ""),
            "signing_time": report.signing_time.isoformat() if report.signing_time else "",
            "payload_files": report.payload_files, "payload_bytes": report.payload_bytes,
            "problems": [p.message("vi") for p in report.problems],
            "recomputed_total": str(st.total), "claimed_total": claimed,
            "scores_match": claimed is not None and Decimal(str(claimed)) == st.total}
    views.put_setting(core, key, data)
    return data


def publish_results(core: DeskCore, who: DeskPrincipal, year: int) -> int:
    """The ranking to every unit through the feed (one ``results`` event per unit, its own line)."""
    core.require_admin(who)
    data = views.ranking(core, year)
    from parDesk.sync.server.service import utc_iso

    stamp = utc_iso()
    bands = [{"label": b[0], "label_en": b[1], "count": b[3]} for b in data["bands"]]
    with core.session() as s:
        for r in data["rows"]:
            s.add(Event(unit_code=r["code"], kind="results", created_at=stamp,
                        data_json=j({"year": year, "rank": r["rank"], "of": len(data["rows"]),
                                     "total": str(r["appraised"]), "percent": str(r["percent"]),
                                     "rating": r["rating"], "rating_en": r.get("rating_en", ""), "bands": bands})))
        core._audit(s, who, "publish_results", new={"year": year, "units": len(data["rows"])})
        s.commit()
    views.put_setting(core, f"published:{year}", stamp)
    return len(data["rows"])


def ranking_xlsx(core: DeskCore, year: int, out: IO[bytes], lang: str = "vi") -> int:
    from openpyxl import Workbook

    from parDesk.i18n import t

    data = views.ranking(core, year)
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook has exactly one sheet
    ws.title = "Xep hang" if lang == "vi" else "Ranking"
    ws.append([t("dk.rank", lang), t("dk.code", lang), t("dk.unit", lang), t("dk.self_score", lang),
               t("dk.appraised", lang), t("dk.percent", lang), t("dk.rating", lang)])
    for r in data["rows"]:
        ws.append([r["rank"], r["code"], r["name"], float(r["self"]) if r["self"] is not None else None,
                   float(r["appraised"]), float(r["percent"]), r["rating"] if lang == "vi" else r.get("rating_en")])
    ws2 = wb.create_sheet("Xep loai" if lang == "vi" else "Bands")
    ws2.append([t("dk.rating", lang), t("dk.band_count", lang)])
    for b in data["bands"]:
        ws2.append([b[0] if lang == "vi" else b[1], b[3]])
    wb.save(out)
    return len(data["rows"])


def ranking_pdf(core: DeskCore, year: int, lang: str = "vi") -> bytes:
    from parDesk.reports.appraisal_results import results_report_pdf

    data = views.ranking(core, year)
    return results_report_pdf(data, province=core.service.config.province, lang=lang)


def unit_sheet_pdf(core: DeskCore, unit_code: str, year: int, lang: str = "vi") -> bytes:
    from parDesk.reports.appraisal_results import unit_sheet_pdf as build

    view = core.latest_view(unit_code, year)
    entries = core.entries(unit_code, year)
    survey = survey_of(core, unit_code, year)
    rows = []
    for leaf in view.framework.all_leaves():
        it = view.items.get(leaf.code, {})
        e1, e2 = entries.get((leaf.code, 1)), entries.get((leaf.code, 2))
        rows.append({"code": leaf.code, "title": leaf.title, "max": leaf.max, "self": it.get("score"),
                     "r1": e1.score if e1 else survey.get(leaf.code), "r2": e2.score if e2 else None,
                     "comment": "; ".join(x for x in ((e1.comment if e1 else ""), (e2.comment if e2 else "")) if x)})
    at = views.appraised_totals(view, entries, survey)
    return build(view.snapshot.get("unit", {}), rows, at, province=core.service.config.province, year=year, lang=lang)


def admin_context(core: DeskCore, year: int) -> dict[str, Any]:
    from parDesk.sync.server.desk.packages import area_titles

    dash = views.dashboard(core, year)
    fw = None
    for r in dash["rows"]:
        if r["version"]:
            fw = core.latest_view(r["code"], year).framework
            break
    with core.session() as s:
        extras = {x.unit_code: x for x in s.exec(select(DeskUnitYear).where(DeskUnitYear.year == year))}
    return {"dash": dash, "areas": area_titles(fw) if fw else {}, "agencies": core.area_agencies(), "extras": extras,
            "seed": views.get_setting(core, f"inspect_seed:{year}", ""),
            "share": views.get_setting(core, f"inspect_share:{year}", "70"),
            "survey_codes": [lf.code for lf in fw.all_leaves() if lf.rule.kind == "survey" or not lf.self_scored]
            if fw else []}


def _date(value: Any) -> str:
    import datetime as dt

    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ParDeskError("desk.bad_date", where="date", value=text) from None


def _unit_year(s: Any, unit_code: str, year: int) -> DeskUnitYear:
    return s.get(DeskUnitYear, (unit_code, year)) or DeskUnitYear(unit_code=unit_code, year=year)


def admin_action(core: DeskCore, who: DeskPrincipal, year: int, action: str, data: dict[str, Any]) -> Any:
    core.require_admin(who)
    if action == "area":
        core.assign_area(who, str(data.get("area") or ""), str(data.get("agency") or "").strip())
        return None
    if action == "deadline":
        value = _date(data.get("deadline"))
        old = views.get_setting(core, f"deadline:{year}")
        views.put_setting(core, f"deadline:{year}", value)
        core.record(who, "deadline", old=old, new=value)
        return None
    if action == "extension":
        unit, value = str(data.get("unit") or ""), _date(data.get("until"))
        with core.session() as s:
            row = _unit_year(s, unit, year)
            old, row.extension_until = row.extension_until, value
            s.add(row)
            core._audit(s, who, "extension", unit, old=old, new=value)
            s.commit()
        return None
    if action == "sample":
        return sample(core, who, year, data)
    if action == "inspection":
        unit = str(data.get("unit") or "")
        with core.session() as s:
            row = _unit_year(s, unit, year)
            old = {"date": row.inspect_date, "team": row.inspect_team, "findings": row.inspect_findings}
            row.inspect_date = _date(data.get("date"))
            row.inspect_team = str(data.get("team") or "")[:500]
            row.inspect_findings = str(data.get("findings") or "")[:10000]
            s.add(row)
            core._audit(s, who, "inspection", unit, old=old,
                        new={"date": row.inspect_date, "team": row.inspect_team, "findings": row.inspect_findings})
            s.commit()
        return None
    if action == "survey":
        return save_survey(core, who, year, [{"unit_code": data.get("unit"), "code": data.get("code"),
                                              "score": data.get("score")}])
    raise ParDeskError("desk.bad_action", action=action)


def sample(core: DeskCore, who: DeskPrincipal, year: int, data: dict[str, Any]) -> list[str]:
    """Random (seeded, the seed recorded) or by hand: the units to inspect in the field."""
    try:
        share = Decimal(str(data.get("share") or views.get_setting(core, f"inspect_share:{year}", "70")))
    except Exception:
        raise ParDeskError("desk.bad_share", where="share") from None
    if not (0 <= share <= 100):
        raise ParDeskError("desk.bad_share", where="share")
    codes = sorted(r["code"] for r in views.dashboard(core, year)["rows"])
    if data.get("units"):
        chosen = sorted(set(str(data["units"]).replace(",", " ").split()) & set(codes))
        seed = ""
    else:
        seed = str(data.get("seed") or secrets.token_hex(8))
        n = int((share * len(codes) / 100).to_integral_value(rounding="ROUND_CEILING"))
        chosen = sorted(random.Random(seed).sample(codes, min(n, len(codes))))
    with core.session() as s:
        for code in codes:
            row = _unit_year(s, code, year)
            row.inspect = code in chosen
            row.inspect_seed = seed
            s.add(row)
        core._audit(s, who, "inspection_sample", new={"seed": seed, "share": str(share), "units": chosen})
        s.commit()
    views.put_setting(core, f"inspect_share:{year}", str(share))
    views.put_setting(core, f"inspect_seed:{year}", seed)
    return chosen


def save_survey(core: DeskCore, who: DeskPrincipal, year: int, rows: list[dict[str, Any]],
                dry_run: bool = False) -> dict[str, Any]:
    """Survey points per unit and item, validated per cell (all or nothing); ``dry_run`` writes nothing."""
    from parDesk.i18n import ValidationErrors
    from parDesk.scoring import parse_decimal

    errors: list[ParDeskError] = []
    clean = []
    for r in rows:
        unit, code = str(r.get("unit_code") or "").strip(), str(r.get("code") or "").strip()
        where = f"{r['where']} · {unit} {code}" if r.get("where") else f"{unit} · {code}"
        try:
            view = core.latest_view(unit, year)
            leaf = view.framework.leaf(code)
            if leaf.rule.kind != "survey" and leaf.self_scored:
                raise ParDeskError("desk.not_survey", where=where, code=code)
            cell = str(r.get("score_where") or where)
            raw = r.get("score")
            try:
                value = parse_decimal(str(raw if raw is not None else "").replace(",", "."))
            except ParDeskError:
                raise ParDeskError("desk.survey_not_number", where=cell, code=code, value=str(raw or "")) from None
            if not (0 <= value <= leaf.max):
                raise ParDeskError("desk.survey_range", where=cell, value=Num(value), code=code, max=Num(leaf.max))
            clean.append((unit, code, format(value.normalize(), "f")))
        except ParDeskError as exc:
            exc.where = exc.where or where
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    if dry_run:
        return {"rows": len(clean), "dry_run": True}
    from parDesk.sync.server.service import utc_iso

    with core.session() as s:
        for unit, code, score_text in clean:
            row = s.get(DeskSurvey, (unit, year, code))
            old = row.score if row else None
            row = row or DeskSurvey(unit_code=unit, year=year, code=code, score=score_text)
            row.score, row.updated_by, row.updated_at = score_text, who.username, utc_iso()
            s.add(row)
            core._audit(s, who, "survey", unit, code, old=old, new=score_text)
        s.commit()
    for unit in sorted({unit for unit, _code, _score in clean}):
        core.refresh_figures(unit, year)
    return {"rows": len(clean), "dry_run": False}


SURVEY_ALIASES = {
    "unit_code": ("unit_code", "unit", "mã đơn vị", "ma don vi", "mã xã"),
    "code": ("code", "mã", "mã tiêu chí", "ma tieu chi", "tiêu chí"),
    "score": ("score", "điểm", "diem", "điểm điều tra"),
}


def read_survey_xlsx(data: bytes) -> list[dict[str, Any]]:
    """Rows of a survey-points sheet: a header row naming unit, item and score (Vietnamese or English)."""
    import io

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from parDesk.sync.server import sheets  # noqa: F401 - registers the sheet messages

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ParDeskError("sheet.unreadable", where="xlsx", detail=str(exc)[:120]) from None
    sheet = wb.active  # the sheet the person left open when saving
    if sheet is None:
        raise ParDeskError("sheet.no_header", where="xlsx", columns=", ".join(SURVEY_ALIASES))
    rows: list[dict[str, Any]] = []
    columns: dict[int, str] | None = None
    for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if columns is None:
            found = {}
            for i, v in enumerate(values):
                text = str(v or "").strip().lower()
                for fld, names in SURVEY_ALIASES.items():
                    if text in names:
                        found[i] = fld
            if set(found.values()) == set(SURVEY_ALIASES):
                columns = found
            continue
        if not any(v not in (None, "") for v in values):
            continue
        row = {fld: values[i] if i < len(values) else None for i, fld in columns.items()}
        row["unit_code"] = str(row.get("unit_code") or "").strip()
        # Where each error points, as a spreadsheet user reads it in any language: the row, and the score's cell.
        score_col = next(i for i, fld in columns.items() if fld == "score")
        row["where"] = f"{sheet.title}!{n}:{n}"
        row["score_where"] = f"{sheet.title}!{get_column_letter(score_col + 1)}{n}"
        rows.append(row)
    if columns is None:
        raise ParDeskError("sheet.no_header", where="xlsx", columns=", ".join(SURVEY_ALIASES))
    return rows


def import_survey_xlsx(core: DeskCore, who: DeskPrincipal, year: int, data: bytes, dry_run: bool) -> dict[str, Any]:
    """The XLSX import, validated per cell (each error names its row and column), all or nothing."""
    core.require_admin(who)
    rows = read_survey_xlsx(data)
    return save_survey(core, who, year, rows, dry_run=dry_run)
