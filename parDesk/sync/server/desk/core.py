"""The desk's operations: areas, entries with optimistic concurrency, rounds, locks, audit.

Every operation takes the :class:`DeskPrincipal` asking and checks it here, so
the HTTP layer cannot forget a check: an appraiser reads and writes only the
areas assigned to their agency, a viewer writes nothing, nobody writes after
the final lock. Scores are checked by the core's own scoring code
(:func:`parDesk.scoring.normalize_inputs` / :func:`score_rule` for corrected
inputs, :func:`check_manual` for a score on the rule's step).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from parDesk.i18n import Num, ParDeskError, register
from parDesk.models.framework import Framework as ParsedFramework
from parDesk.scoring import check_manual, decimal_text, normalize_inputs, parse_decimal, score_rule
from parDesk.sync.server.desk.accounts import DeskPrincipal
from parDesk.sync.server.desk.errors import EntryConflict
from parDesk.sync.server.desk.packages import PackageCache, PackageView
from parDesk.sync.server.desk.present import VietnamTime
from parDesk.sync.server.models import Appraisal, DeskArea, DeskAudit, DeskEntry, DeskLock, Event, Framework, Submission

log = logging.getLogger("parDesk.server")

FINAL_ROUND = 3
FINAL_AGENCY = "*"

register({
    "desk.invalid_rows": ("Dữ liệu không hợp lệ, không ghi gì: {detail}", "Invalid data, nothing written: {detail}"),
    "desk.forbidden": ("Bạn không có quyền thực hiện việc này", "You are not allowed to do this"),
    "desk.not_your_area": ("Mục {code} thuộc lĩnh vực không giao cho cơ quan của bạn",
                           "Item {code} is in an area not assigned to your agency"),
    "desk.no_package": ("Đơn vị {unit} chưa có hồ sơ được chấp nhận năm {year}",
                        "Unit {unit} has no accepted package for {year}"),
    "desk.final_locked": ("Kết quả của đơn vị {unit} đã chốt cuối cùng; không thể sửa",
                          "Unit {unit}'s results are finally locked; nothing can be changed"),
    "desk.round_locked": ("Vòng {round} của cơ quan bạn đã chốt cho đơn vị {unit}",
                          "Round {round} is closed for your agency at unit {unit}"),
    "desk.round2_early": ("Chỉ thẩm định vòng 2 sau khi chốt vòng 1",
                          "Round 2 can be entered only after round 1 is closed"),
    "desk.bad_round": ("Vòng thẩm định phải là 1 hoặc 2", "The appraisal round must be 1 or 2"),
    "desk.survey_item": ("Mục {code} là điểm điều tra xã hội học: nhập ở trang số liệu điều tra",
                         "Item {code} is a survey item: enter it on the survey data page"),
    "desk.conflict": ("{who} vừa sửa mục {code} (lúc {at}); điểm hiện tại: {score}. Hãy xem lại rồi lưu lại",
                      "{who} has just changed item {code} (at {at}); current score: {score}. Review it and save again"),
    "desk.score_needed": ("Nhập điểm hoặc số liệu đã sửa", "Enter a score or corrected inputs"),
    "desk.missing_entries": ("Còn {count} mục chưa chấm: {codes}", "{count} items not appraised yet: {codes}"),
    "desk.not_all_closed": ("Các cơ quan chưa chốt vòng {round}: {agencies}",
                            "Agencies that have not closed round {round}: {agencies}"),
    "desk.not_final": ("Đơn vị {unit} chưa chốt cuối cùng", "Unit {unit} is not finally locked"),
    "desk.reason_needed": ("Phải ghi lý do mở lại", "A reason for reopening is required"),
    "desk.unassigned": ("Lĩnh vực {areas} chưa được giao cho cơ quan nào",
                        "Areas {areas} are not assigned to any agency"),
})


def j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass
class EntryResult:
    code: str
    round: int
    score: str | None
    comment: str
    request_explanation: bool
    version: int
    updated_by: str
    updated_at: str


class DeskCore:
    """The desk over one :class:`~parDesk.sync.server.service.ServerService` (its engine and storage)."""

    def __init__(self, service: Any) -> None:
        self.service = service
        self.packages = PackageCache(service.storage)
        # computed totals by (package hash, entries, survey): a package never changes, so the dashboard
        # recomputes only the units whose entries changed since the last view
        self.totals_cache: dict[str, Any] = {}  # views.totals_key → views.UnitTotals
        # set by routes.mount_desk (it owns the templates); ``serve`` calls it before listening
        self.warm_up: Callable[[], None] = lambda: None

    def session(self):
        return self.service.session()

    def refresh_figures(self, unit_code: str, year: int) -> None:
        """Keep the unit's dashboard figures current (after intake, an entry, survey points); never raises.

        A failure leaves the dashboard's own check to score the package on its next view.
        """
        from parDesk.sync.server.desk import views

        try:
            views.refresh_totals(self, unit_code, year)
        except Exception as exc:  # the write it follows is stored; the figures are only a cache
            log.warning("desk figures for %s/%s not kept now (%s: %s); the dashboard will compute them",
                        unit_code, year, type(exc).__name__, exc)

    # ------------------------------------------------------------ areas and agencies

    def assign_area(self, who: DeskPrincipal, area_code: str, agency: str) -> None:
        self.require_admin(who)
        with self.session() as s:
            row = s.get(DeskArea, area_code)
            old = row.agency if row else ""
            if row is None:
                row = DeskArea(area_code=area_code, agency=agency)
            row.agency = agency
            s.add(row)
            self._audit(s, who, "assign_area", code=area_code, old=old, new=agency)
            s.commit()

    def area_agencies(self) -> dict[str, str]:
        with self.session() as s:
            return {r.area_code: r.agency for r in s.exec(select(DeskArea))}

    def readable_areas(self, who: DeskPrincipal, agencies: dict[str, str] | None = None) -> set[str] | None:
        """None = every area (administrator, viewer); else the agency's areas."""
        if who.role in ("admin", "viewer"):
            return None
        agencies = agencies if agencies is not None else self.area_agencies()
        return {a for a, ag in agencies.items() if ag == who.agency}

    @staticmethod
    def require_admin(who: DeskPrincipal) -> None:
        if who.role != "admin":
            raise ParDeskError("desk.forbidden")

    # ------------------------------------------------------------ packages

    def submissions(self, unit_code: str, year: int) -> list[Submission]:
        with self.session() as s:
            return list(s.exec(select(Submission).where(Submission.unit_code == unit_code, Submission.year == year)
                               .order_by(col(Submission.version), col(Submission.id))))

    def framework_for(self, sub: Submission) -> ParsedFramework:
        """The framework the submission was scored on (parsed once per framework hash)."""
        fw = self.packages.cached_framework(sub.framework_hash)
        if fw is None:
            with self.session() as s:
                row = s.get(Framework, sub.framework_hash)
                canonical = bytes(row.canonical) if row else b""
            fw = self.packages.framework(sub.framework_hash, canonical)
        return fw

    def view(self, sub: Submission) -> PackageView:
        return self.packages.get(sub, self.framework_for(sub))

    def latest_view(self, unit_code: str, year: int) -> PackageView:
        subs = self.submissions(unit_code, year)
        if not subs:
            raise ParDeskError("desk.no_package", unit=unit_code, year=year)
        return self.view(subs[-1])

    def can_read_code(self, who: DeskPrincipal, view: PackageView, code: str,
                      areas: set[str] | None = None) -> bool:
        areas = areas if areas is not None else self.readable_areas(who)
        return areas is None or view.area_of.get(code) in areas

    # ------------------------------------------------------------ locks

    def locks(self, unit_code: str, year: int) -> list[DeskLock]:
        with self.session() as s:
            return list(s.exec(select(DeskLock).where(DeskLock.unit_code == unit_code, DeskLock.year == year)))

    def is_final(self, unit_code: str, year: int) -> bool:
        return any(lk.round == FINAL_ROUND for lk in self.locks(unit_code, year))

    def entries(self, unit_code: str, year: int) -> dict[tuple[str, int], DeskEntry]:
        with self.session() as s:
            return {(e.code, e.round): e for e in
                    s.exec(select(DeskEntry).where(DeskEntry.unit_code == unit_code, DeskEntry.year == year))}

    # ------------------------------------------------------------ one entry

    def save_entry(self, who: DeskPrincipal, unit_code: str, year: int, code: str, round_: int, *,
                   score: Any = None, inputs: dict[str, Any] | None = None, comment: str = "",
                   request_explanation: bool = False, expected_version: int = 0) -> EntryResult:
        """Store one appraiser entry; ``expected_version`` is the version the appraiser saw (0 = none)."""
        if who.role != "appraiser":
            raise ParDeskError("desk.forbidden")
        if round_ not in (1, 2):
            raise ParDeskError("desk.bad_round")
        view = self.latest_view(unit_code, year)
        leaf = view.framework.leaf(code)
        if not self.can_read_code(who, view, code):
            raise ParDeskError("desk.not_your_area", code=code)
        if leaf.rule.kind == "survey" or not leaf.self_scored:
            raise ParDeskError("desk.survey_item", code=code)
        locks = self.locks(unit_code, year)
        if any(lk.round == FINAL_ROUND for lk in locks):
            raise ParDeskError("desk.final_locked", unit=unit_code)
        mine = {lk.round for lk in locks if lk.agency == who.agency}
        if round_ in mine:
            raise ParDeskError("desk.round_locked", round=round_, unit=unit_code)
        if round_ == 2 and 1 not in mine:
            raise ParDeskError("desk.round2_early")
        value, clean = self.check_score(leaf, view.framework, score, inputs)
        comment = (comment or "").strip()[:4000]
        from parDesk.sync.server.service import utc_iso

        stamp = utc_iso()
        new = {"score": value, "inputs": clean, "comment": comment, "request_explanation": bool(request_explanation)}
        with self.session() as s:
            row = s.exec(select(DeskEntry).where(DeskEntry.unit_code == unit_code, DeskEntry.year == year,
                                                 DeskEntry.code == code, DeskEntry.round == round_)).first()
            if row is None:
                if expected_version not in (0, None):
                    raise self._conflict(s, unit_code, year, code, round_)
                row = DeskEntry(unit_code=unit_code, year=year, code=code, round=round_, score=value,
                                inputs_json=j(clean) if clean else "", comment=comment,
                                request_explanation=bool(request_explanation), package_sha256=view.sha256,
                                version=1, updated_by=who.username, updated_at=stamp)
                s.add(row)
                self._audit(s, who, "entry", unit_code, code, round_, old=None, new=new)
                try:
                    s.commit()
                except IntegrityError:
                    s.rollback()
                    raise self._conflict(s, unit_code, year, code, round_) from None
            else:
                old = {"score": row.score, "inputs": json.loads(row.inputs_json) if row.inputs_json else None,
                       "comment": row.comment, "request_explanation": row.request_explanation}
                # compare-and-set on the version: a concurrent writer makes rowcount 0, never a silent overwrite
                res = s.exec(update(DeskEntry).where(col(DeskEntry.id) == row.id,
                                                     col(DeskEntry.version) == expected_version)
                             .values(score=value, inputs_json=j(clean) if clean else "", comment=comment,
                                     request_explanation=bool(request_explanation), package_sha256=view.sha256,
                                     version=expected_version + 1, updated_by=who.username, updated_at=stamp))
                if res.rowcount != 1:
                    s.rollback()
                    raise self._conflict(s, unit_code, year, code, round_)
                self._audit(s, who, "entry", unit_code, code, round_, old=old, new=new)
                s.commit()
        self.refresh_figures(unit_code, year)
        return EntryResult(code, round_, value, comment, bool(request_explanation),
                           1 if row.version == 1 and expected_version in (0, None) else expected_version + 1,
                           who.username, stamp)

    def _conflict(self, s: Any, unit_code: str, year: int, code: str, round_: int) -> ParDeskError:
        cur = s.exec(select(DeskEntry).where(DeskEntry.unit_code == unit_code, DeskEntry.year == year,
                                             DeskEntry.code == code, DeskEntry.round == round_)).first()
        current = {"score": cur.score, "comment": cur.comment, "request_explanation": cur.request_explanation,
                   "version": cur.version, "updated_by": cur.updated_by} if cur else None
        return EntryConflict("desk.conflict", current, who=cur.updated_by if cur else "?", code=code,
                             at=VietnamTime(cur.updated_at) if cur else "",
                             score=Num(Decimal(cur.score)) if cur and cur.score else "—")

    @staticmethod
    def check_score(leaf: Any, fw: Any, score: Any, inputs: dict[str, Any] | None) -> tuple[str, dict | None]:
        """The same checks as everywhere: inputs through the rule, or a score on the rule's step."""

        if inputs:
            clean = normalize_inputs(leaf, inputs)
            return decimal_text(score_rule(leaf.rule, leaf.max, clean, fw.rounding)), clean
        if score in (None, ""):
            raise ParDeskError("desk.score_needed", where=f"{leaf.code}.score")
        value = parse_decimal(str(score).strip().replace(",", "."), f"{leaf.code}.score")
        check_manual(leaf, value)
        return decimal_text(value), None

    # ------------------------------------------------------------ rounds

    def agency_codes(self, view: PackageView, agency: str, agencies: dict[str, str]) -> list[str]:
        return [leaf.code for leaf in view.framework.all_leaves()
                if agencies.get(view.area_of.get(leaf.code, "")) == agency
                and leaf.rule.kind != "survey" and leaf.self_scored]

    def close_round(self, who: DeskPrincipal, unit_code: str, year: int, round_: int) -> int:
        """The agency closes a round for the unit: its results go to the unit through the feed."""
        if who.role != "appraiser":
            raise ParDeskError("desk.forbidden")
        if round_ not in (1, 2):
            raise ParDeskError("desk.bad_round")
        view = self.latest_view(unit_code, year)
        agencies = self.area_agencies()
        locks = self.locks(unit_code, year)
        if any(lk.round == FINAL_ROUND for lk in locks):
            raise ParDeskError("desk.final_locked", unit=unit_code)
        mine = {lk.round for lk in locks if lk.agency == who.agency}
        if round_ in mine:
            raise ParDeskError("desk.round_locked", round=round_, unit=unit_code)
        if round_ == 2 and 1 not in mine:
            raise ParDeskError("desk.round2_early")
        entries = self.entries(unit_code, year)
        codes = self.agency_codes(view, who.agency, agencies)
        if round_ == 1:
            missing = [c for c in codes if (c, 1) not in entries]
            if missing:
                raise ParDeskError("desk.missing_entries", count=len(missing), codes=", ".join(missing[:10]))
        results = []
        for c in codes:
            e = entries.get((c, round_))
            if e is None:
                continue
            results.append({"code": c, "round": round_, "score": e.score, "comment": e.comment,
                            "request_explanation": bool(e.request_explanation)})
        return self._publish_round(who, view, round_, who.agency, results)

    def _publish_round(self, who: DeskPrincipal, view: PackageView, round_: int, agency: str,
                       results: list[dict[str, Any]]) -> int:
        from parDesk.sync.server.service import utc_iso

        stamp = utc_iso()
        with self.session() as s:
            ev = Event(unit_code=view.unit_code, kind="appraisal", created_at=stamp,
                       data_json=j({"package_sha256": view.sha256, "version": view.version, "year": view.year,
                                    "results": results, "agency": agency, "round": round_}))
            s.add(ev)
            s.flush()
            for r in results:
                s.add(Appraisal(unit_code=view.unit_code, year=view.year, code=r["code"], round=round_,
                                score=r["score"], comment=r["comment"], request_explanation=r["request_explanation"],
                                package_sha256=view.sha256, created_at=stamp, event_id=ev.id or 0))
            s.add(DeskLock(unit_code=view.unit_code, year=view.year, agency=agency, round=round_,
                           package_sha256=view.sha256, version=view.version, locked_at=stamp, locked_by=who.username,
                           event_id=ev.id or 0))
            self._audit(s, who, f"close_round{round_}", view.unit_code, new={"agency": agency, "items": len(results),
                                                                             "version": view.version})
            s.commit()
        return len(results)

    def final_lock(self, who: DeskPrincipal, unit_code: str, year: int) -> None:
        self.require_admin(who)
        view = self.latest_view(unit_code, year)
        agencies = self.area_agencies()
        needed = {agencies.get(view.area_of[c]) for c in view.area_of}
        unassigned = sorted({view.area_of[c] for c in view.area_of if view.area_of[c] not in agencies})
        if unassigned:
            raise ParDeskError("desk.unassigned", areas=", ".join(unassigned))
        locks = self.locks(unit_code, year)
        if any(lk.round == FINAL_ROUND for lk in locks):
            raise ParDeskError("desk.final_locked", unit=unit_code)
        closed = {lk.agency for lk in locks if lk.round == 1}
        open_ = sorted(a for a in needed if a and a not in closed)
        if open_:
            raise ParDeskError("desk.not_all_closed", round=1, agencies=", ".join(open_))
        from parDesk.sync.server.service import utc_iso

        with self.session() as s:
            s.add(DeskLock(unit_code=unit_code, year=year, agency=FINAL_AGENCY, round=FINAL_ROUND,
                           package_sha256=view.sha256, version=view.version, locked_at=utc_iso(),
                           locked_by=who.username))
            self._audit(s, who, "final_lock", unit_code, new={"version": view.version})
            s.commit()

    def reopen(self, who: DeskPrincipal, unit_code: str, year: int, reason: str) -> None:
        """After the final lock, only the administrator, with a reason; audited."""
        self.require_admin(who)
        reason = (reason or "").strip()
        if not reason:
            raise ParDeskError("desk.reason_needed", where="reason")
        with self.session() as s:
            row = s.exec(select(DeskLock).where(DeskLock.unit_code == unit_code, DeskLock.year == year,
                                                DeskLock.round == FINAL_ROUND)).first()
            if row is None:
                raise ParDeskError("desk.not_final", unit=unit_code)
            s.delete(row)
            self._audit(s, who, "reopen", unit_code, old={"locked_at": row.locked_at, "by": row.locked_by},
                        reason=reason)
            s.commit()

    # ------------------------------------------------------------ audit

    def _audit(self, s: Any, who: DeskPrincipal, action: str, unit_code: str = "", code: str = "", round_: int = 0,
               old: Any = "", new: Any = "", reason: str = "") -> None:
        from parDesk.sync.server.service import utc_iso

        s.add(DeskAudit(at=utc_iso(), username=who.username, action=action, unit_code=unit_code, code=code,
                        round=round_, old_json=j(old) if old not in ("", None) else "",
                        new_json=j(new) if new not in ("", None) else "", reason=reason))

    def audit(self, unit_code: str | None = None, code: str | None = None, limit: int = 500) -> list[DeskAudit]:
        """Newest first. Callers check the reader may see ``unit_code`` / ``code`` first."""
        with self.session() as s:
            q = select(DeskAudit)
            if unit_code is not None:
                q = q.where(DeskAudit.unit_code == unit_code)
            if code is not None:
                q = q.where(DeskAudit.code == code)
            return list(s.exec(q.order_by(col(DeskAudit.id).desc()).limit(limit)))

    def record(self, who: DeskPrincipal, action: str, unit_code: str = "", code: str = "", old: Any = "",
               new: Any = "", reason: str = "") -> None:
        with self.session() as s:
            self._audit(s, who, action, unit_code, code, old=old, new=new, reason=reason)
            s.commit()
