"""What the desk pages show, computed from the database and the packages with the core's scoring.

The appraised total is the core's :func:`~parDesk.scoring.compute_totals` over
the framework with each item's appraised value (round 2, else round 1, else
the self score; survey items from the province's survey data), so totals,
caps on bonus and penalty, not-applicable items and the rating band are the
core's, never a second implementation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import unicodedata
from decimal import Decimal
from typing import Any, NamedTuple

from sqlmodel import col, select

from parDesk.models.framework import Framework, Leaf, Node
from parDesk.scoring import LeafState, compute_totals
from parDesk.sync.server.desk.core import FINAL_ROUND, DeskCore
from parDesk.sync.server.desk.packages import PackageView, area_map, dec
from parDesk.sync.server.models import (
    DeskEntry,
    DeskLock,
    DeskSetting,
    DeskSurvey,
    DeskUnitYear,
    Registration,
    Submission,
    Unit,
)

STATES = ("not_submitted", "submitted", "round1", "requested", "answered", "round2", "final")


def fold(text: str) -> str:
    """Lowercase without diacritics (đ → d): what the search box compares."""
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


_APPRAISAL_FW: dict[str, Framework] = {}


def appraisal_framework(fw: Framework) -> Framework:
    """The same framework with every item scored from the appraised value (the core's survey path)."""
    cached = _APPRAISAL_FW.get(fw.hash)
    if cached is not None:
        return cached

    def leaf(x: Leaf) -> Leaf:
        return dataclasses.replace(x, self_scored=False)

    def node(n: Node) -> Node:
        return dataclasses.replace(n, children=tuple(leaf(c) if isinstance(c, Leaf) else node(c) for c in n.children))

    out = dataclasses.replace(fw, areas=tuple(node(a) for a in fw.areas),
                              bonus=dataclasses.replace(fw.bonus, items=tuple(leaf(i) for i in fw.bonus.items)),
                              penalty=dataclasses.replace(fw.penalty, items=tuple(leaf(i) for i in fw.penalty.items)),
                              _index={})
    _APPRAISAL_FW[fw.hash] = out
    return out


_AREA_OF: dict[str, dict[str, str]] = {}


def area_map_of(fw: Framework) -> dict[str, str]:
    """Leaf code → area code, once per framework (every unit of a round shares one)."""
    out = _AREA_OF.get(fw.hash)
    if out is None:
        out = _AREA_OF[fw.hash] = area_map(fw)
    return out


def appraised_values(view: PackageView, entries: dict[tuple[str, int], Any],
                     survey: dict[str, str]) -> dict[str, Decimal | None]:
    out: dict[str, Decimal | None] = {}
    for leaf in view.framework.all_leaves():
        item = view.items.get(leaf.code, {})
        if leaf.rule.kind == "survey" or not leaf.self_scored:
            out[leaf.code] = dec(survey.get(leaf.code))
            continue
        e2, e1 = entries.get((leaf.code, 2)), entries.get((leaf.code, 1))
        if e2 is not None and e2.score is not None:
            out[leaf.code] = Decimal(e2.score)
        elif e1 is not None and e1.score is not None:
            out[leaf.code] = Decimal(e1.score)
        else:
            self_score = dec(item.get("score"))
            out[leaf.code] = self_score if self_score is not None or leaf.block != "main" else Decimal(0)
    return out


def appraised_totals(view: PackageView, entries: dict[tuple[str, int], Any], survey: dict[str, str]) -> Any:
    values = appraised_values(view, entries, survey)
    fw = appraisal_framework(view.framework)
    states = {code: LeafState(not_applicable=bool(view.items.get(code, {}).get("not_applicable")), appraised=v)
              for code, v in values.items()}
    return compute_totals(fw, states)


def self_totals(view: PackageView, survey: dict[str, str]) -> Any:
    """The self score recomputed by the core from the package's inputs (never the claimed number)."""
    states = {}
    for leaf in view.framework.all_leaves():
        it = view.items.get(leaf.code, {})
        states[leaf.code] = LeafState(inputs=it.get("inputs") or None, not_applicable=bool(it.get("not_applicable")),
                                      appraised=dec(survey.get(leaf.code)))
    return compute_totals(view.framework, states)


class LiteEntry(NamedTuple):
    """An entry's fields the dashboard needs, without an ORM object per row."""

    score: str | None
    request_explanation: bool
    version: int


class UnitTotals(NamedTuple):
    """What the dashboard shows of one unit's scores: few enough fields to keep across restarts."""

    self_total: Decimal
    appraised: Decimal
    percent: Decimal
    rating: str
    rating_en: str

    def to_json(self) -> dict[str, str]:
        return {"self": str(self.self_total), "appraised": str(self.appraised), "percent": str(self.percent),
                "rating": self.rating, "rating_en": self.rating_en}

    @classmethod
    def of_json(cls, d: dict[str, str]) -> UnitTotals:
        return cls(Decimal(d["self"]), Decimal(d["appraised"]), Decimal(d["percent"]), d["rating"], d["rating_en"])


@functools.cache
def _code_tag() -> str:
    """The scoring code's own hash (once per process): totals kept by an older server are recomputed after an
    upgrade."""
    import hashlib
    import inspect

    from parDesk import scoring

    h = hashlib.sha256(inspect.getsource(scoring).encode())
    for fn in (appraised_values, appraised_totals, self_totals, appraisal_framework):
        h.update(inspect.getsource(fn).encode())
    return h.hexdigest()[:16]


def totals_key(sub: Submission, entries: dict[tuple[str, int], Any], survey: dict[str, str]) -> str:
    """Everything a unit's totals depend on: the (unchanging) package, its entries, its survey points, the code."""
    import hashlib

    parts = (_code_tag(), sub.package_sha256, sorted((c, r, e.version, e.score) for (c, r), e in entries.items()),
             sorted(survey.items()))
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def unit_totals(core: DeskCore, sub: Submission, entries: dict[tuple[str, int], Any], survey: dict[str, str],
                stored: dict[str, Any], writes: dict[str, Any]) -> UnitTotals:
    """A unit's totals, computed by the core's scoring once per package, entries and survey points.

    Kept in memory, and in the database (one row per unit and year, ``stored``): the first
    dashboard after a restart then reads 170 small rows instead of opening and scoring every
    package. A miss computes from the package and queues the row in ``writes``.
    """
    key = totals_key(sub, entries, survey)
    hit = core.totals_cache.get(key)
    if hit is not None:
        return hit
    kept = stored.get(sub.unit_code)
    if isinstance(kept, dict) and kept.get("key") == key:
        hit = UnitTotals.of_json(kept["totals"])
    else:
        view = core.view(sub)
        st, at = self_totals(view, survey), appraised_totals(view, entries, survey)
        hit = UnitTotals(st.total, at.total, at.percent, at.rating, at.rating_en)
        writes[sub.unit_code] = {"key": key, "totals": hit.to_json()}
    if len(core.totals_cache) > 4096:
        core.totals_cache.clear()
    core.totals_cache[key] = hit
    return hit


def refresh_totals(core: DeskCore, unit_code: str, year: int) -> UnitTotals | None:
    """Score the unit's latest package now and keep the figures the dashboard shows (``totals:<year>:<unit>``).

    Called when a package is accepted (server intake) and when the unit's
    entries or survey points change, so a dashboard — even the first one in
    a new process — reads kept figures and never scores a package. The same
    key and scoring as :func:`unit_totals`; the dashboard still checks the key,
    so figures kept by a write that lost a race are recomputed, never shown.
    """
    with core.session() as s:
        sub = s.exec(select(Submission).where(Submission.unit_code == unit_code, Submission.year == year)
                     .order_by(col(Submission.version).desc(), col(Submission.id).desc())).first()
        if sub is None:
            return None
        entries: dict[tuple[str, int], Any] = {
            (e.code, e.round): LiteEntry(e.score, bool(e.request_explanation), e.version)
            for e in s.exec(select(DeskEntry).where(DeskEntry.unit_code == unit_code, DeskEntry.year == year))}
        survey = {sv.code: sv.score for sv in
                  s.exec(select(DeskSurvey).where(DeskSurvey.unit_code == unit_code, DeskSurvey.year == year))}
    core.framework_for(sub)
    writes: dict[str, Any] = {}
    totals = unit_totals(core, sub, entries, survey, {}, writes)
    if not writes:  # this process computed the same figures a moment ago: store them all the same
        writes[unit_code] = {"key": totals_key(sub, entries, survey), "totals": totals.to_json()}
    store_totals(core, year, writes)
    return totals


def store_totals(core: DeskCore, year: int, writes: dict[str, Any]) -> None:
    """Upsert kept figures; two writers racing on one unit's row: the loser's figures are simply not kept."""
    from sqlalchemy.exc import IntegrityError

    with core.session() as s:
        for unit, value in writes.items():
            setting = s.get(DeskSetting, f"totals:{year}:{unit}") or DeskSetting(key=f"totals:{year}:{unit}",
                                                                                value="")
            setting.value = json.dumps(value, ensure_ascii=False)
            s.add(setting)
        try:
            s.commit()
        except IntegrityError:  # another writer inserted the row first; its figures carry their own key
            s.rollback()


def get_setting(core: DeskCore, key: str, default: Any = None) -> Any:
    with core.session() as s:
        row = s.get(DeskSetting, key)
        return json.loads(row.value) if row else default


def put_setting(core: DeskCore, key: str, value: Any) -> None:
    with core.session() as s:
        row = s.get(DeskSetting, key) or DeskSetting(key=key, value="")
        row.value = json.dumps(value, ensure_ascii=False)
        s.add(row)
        s.commit()


def unit_state(subs: list[Submission], locks: list[DeskLock], entries: dict[tuple[str, int], DeskEntry],
               agencies_needed: set[str]) -> tuple[str, int]:
    if not subs:
        return "not_submitted", 0
    latest = subs[-1].version
    if any(lk.round == FINAL_ROUND for lk in locks):
        return "final", latest
    r1 = [lk for lk in locks if lk.round == 1]
    r1_agencies = {lk.agency for lk in r1}
    if any(r == 2 for (_c, r) in entries) or any(lk.round == 2 for lk in locks):
        return "round2", latest
    if r1 and agencies_needed and agencies_needed <= r1_agencies:
        lock_version = max(lk.version for lk in r1)
        if latest > lock_version:
            return "answered", latest
        if any(e.request_explanation for (c, r), e in entries.items() if r == 1):
            return "requested", latest
        return "round2", latest
    if entries or r1:
        return "round1", latest
    return "submitted", latest


def deadline_for(core: DeskCore, year: int, fw: Framework | None) -> str:
    value = get_setting(core, f"deadline:{year}")
    if value:
        return str(value)
    return fw.deadline if fw is not None and fw.deadline else ""


def days_left(deadline: str, today: dt.date | None = None) -> int | None:
    if not deadline:
        return None
    try:
        d = dt.date.fromisoformat(deadline[:10])
    except ValueError:
        return None
    return (d - (today or dt.date.today())).days


def dashboard(core: DeskCore, year: int) -> dict[str, Any]:
    """Every unit with state, scores, rating, days left; each agency's progress; inspection coverage."""
    agencies = core.area_agencies()
    with core.session() as s:
        units = {u.code: u for u in s.exec(select(Unit))}
        pending = {r.unit_code: r for r in s.exec(select(Registration).where(Registration.status == "pending"))}
        subs: dict[str, list[Submission]] = {}
        for sub in s.exec(select(Submission).where(Submission.year == year)
                          .order_by(col(Submission.version), col(Submission.id))):
            subs.setdefault(sub.unit_code, []).append(sub)
        locks: dict[str, list[DeskLock]] = {}
        for lk in s.exec(select(DeskLock).where(DeskLock.year == year)):
            locks.setdefault(lk.unit_code, []).append(lk)
        entries: dict[str, dict[tuple[str, int], Any]] = {}
        # six columns: sqlmodel's select() is typed for at most four, so mypy finds no overload (it runs fine)
        for u_, c_, r_, sc_, rq_, v_ in s.exec(select(DeskEntry.unit_code, DeskEntry.code, DeskEntry.round,  # type: ignore[call-overload]
                                                      DeskEntry.score, DeskEntry.request_explanation,
                                                      DeskEntry.version).where(DeskEntry.year == year)):
            entries.setdefault(u_, {})[(c_, r_)] = LiteEntry(sc_, bool(rq_), v_)
        survey: dict[str, dict[str, str]] = {}
        for sv in s.exec(select(DeskSurvey).where(DeskSurvey.year == year)):
            survey.setdefault(sv.unit_code, {})[sv.code] = sv.score
        extras = {x.unit_code: x for x in s.exec(select(DeskUnitYear).where(DeskUnitYear.year == year))}
        prefix = f"totals:{year}:"
        stored = {r.key[len(prefix):]: json.loads(r.value)
                  for r in s.exec(select(DeskSetting).where(col(DeskSetting.key).startswith(prefix)))}
    writes: dict[str, Any] = {}
    rows = []
    progress: dict[str, list[int]] = {ag: [0, 0] for ag in sorted(set(agencies.values()))}
    inspected = sampled = 0
    fw_any: Framework | None = None
    for code in sorted(set(units) | set(pending) | set(subs)):
        u, reg = units.get(code), pending.get(code)
        usubs = subs.get(code, [])
        ulocks = locks.get(code, [])
        uentries = entries.get(code, {})
        row: dict[str, Any] = {"code": code, "name": u.name if u else reg.unit_name if reg else code,
                               "self": None, "appraised": None, "percent": None, "rating": "", "version": 0}
        fw: Framework | None = None
        totals: UnitTotals | None = None
        if usubs:
            try:  # a package that cannot be read shows as submitted, without scores
                fw = core.framework_for(usubs[-1])
                totals = unit_totals(core, usubs[-1], uentries, survey.get(code, {}), stored, writes)
            except Exception:
                fw = totals = None
        needed: set[str] = set()
        if fw is not None and totals is not None:
            fw_any = fw_any or fw
            area_of = area_map_of(fw)
            needed = {agencies[a] for a in set(area_of.values()) if a in agencies}
            row.update(self=totals.self_total, appraised=totals.appraised, percent=totals.percent,
                       rating=totals.rating, rating_en=totals.rating_en)
            for leaf in fw.all_leaves():
                ag = agencies.get(area_of.get(leaf.code, ""))
                if ag is None or leaf.rule.kind == "survey" or not leaf.self_scored:
                    continue
                progress[ag][1] += 1
                closed = {lk.round for lk in ulocks if lk.agency == ag}
                if (leaf.code, 1) in uentries or 1 in closed:
                    progress[ag][0] += 1
        state, version = unit_state(usubs, ulocks, uentries, needed)
        row["state"], row["version"] = state, version
        x = extras.get(code)
        row["extension"] = x.extension_until if x else ""
        row["inspect"] = bool(x and x.inspect)
        if x and x.inspect:
            sampled += 1
            inspected += bool(x.inspect_date)
        row["search"] = fold(f"{code} {row['name']}")
        rows.append(row)
    if writes:  # the fallback: figures no intake or write kept (an older server, a failed refresh)
        store_totals(core, year, writes)
    deadline = deadline_for(core, year, fw_any)
    for row in rows:
        row["days_left"] = days_left(row["extension"] or deadline)
    share = Decimal(str(get_setting(core, f"inspect_share:{year}", "70")))
    return {"rows": rows, "progress": progress, "deadline": deadline, "year": year,
            "inspection": {"sampled": sampled, "inspected": inspected, "units": len(rows), "share": share,
                           "required": int((share * len(rows) / 100).to_integral_value(rounding="ROUND_CEILING"))}}


def diff_versions(old: PackageView, new: PackageView, requested: set[str]) -> list[dict[str, Any]]:
    """What changed from vN to vN+1, per item: inputs, explanation, documents added or removed; requested first."""
    out = []
    order = {lf.code: i for i, lf in enumerate(new.framework.all_leaves())}
    for code in sorted(set(old.items) | set(new.items), key=lambda c: (order.get(c, len(order)), c)):
        a, b = old.items.get(code, {}), new.items.get(code, {})
        ea = {e["sha256"]: e for e in a.get("evidence") or []}
        eb = {e["sha256"]: e for e in b.get("evidence") or []}
        change = {"code": code, "title": b.get("title") or a.get("title", ""), "requested": code in requested,
                  "inputs": (a.get("inputs"), b.get("inputs")) if a.get("inputs") != b.get("inputs") else None,
                  "score": (a.get("score"), b.get("score")) if a.get("score") != b.get("score") else None,
                  "explanation": (a.get("explanation", ""), b.get("explanation", ""))
                  if a.get("explanation", "") != b.get("explanation", "") else None,
                  "added": [eb[k] for k in eb if k not in ea], "removed": [ea[k] for k in ea if k not in eb],
                  "only": "new" if not a else "old" if not b else ""}
        changed = any(change[k] for k in ("inputs", "score", "explanation", "added", "removed", "only"))
        if changed or code in requested:
            change["changed"] = changed
            out.append(change)
    out.sort(key=lambda c: not c["requested"])
    return out


def ranking(core: DeskCore, year: int) -> dict[str, Any]:
    """Every submitted unit's appraised result, ranked, with the count per rating band (the core's bands)."""
    data = dashboard(core, year)
    ranked = [r for r in data["rows"] if r["appraised"] is not None]
    ranked.sort(key=lambda r: (-r["percent"], -r["appraised"], r["code"]))
    rank = 0
    last: tuple | None = None
    for i, r in enumerate(ranked, start=1):
        key = (r["percent"], r["appraised"])
        if key != last:
            rank, last = i, key
        r["rank"] = rank
    bands: dict[str, int] = {}
    fw = None
    for r in ranked:
        bands[r["rating"]] = bands.get(r["rating"], 0) + 1
    for sub_rows in (ranked[:1],):
        if sub_rows:
            subs = core.submissions(sub_rows[0]["code"], year)
            fw = core.view(subs[-1]).framework if subs else None
    band_list = [(b.label, b.label_en, b.min_percent, bands.get(b.label, 0)) for b in fw.bands] if fw else \
        [(k, k, Decimal(0), v) for k, v in bands.items()]
    return {"rows": ranked, "bands": band_list, "year": year, "published": get_setting(core, f"published:{year}")}
