"""Appraisal results the province imports (from its spreadsheets): per leaf, for many units at once.

All or nothing: every row is checked first (unit has an accepted package,
code is a leaf of that package's framework, round 1 or 2, score within
0..leaf max), then all are written in one transaction, and each unit's feed
gets one ``appraisal`` event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import col, select

from parDesk.i18n import ParDeskError, ValidationErrors, register
from parDesk.models.framework import parse_framework_bytes
from parDesk.sync.server.base import ServerContext, dumps, utc_iso
from parDesk.sync.server.models import Appraisal, Event, Framework, Submission

register({
    "srv.appraisal_unit": ("đơn vị {unit} chưa có hồ sơ được chấp nhận năm {year}",
                           "unit {unit} has no accepted package for {year}"),
    "srv.appraisal_code": ("mã {code} không có trong bộ chỉ số của đơn vị {unit}",
                           "code {code} is not in unit {unit}'s framework"),
    "srv.appraisal_round": ("vòng thẩm định phải là 1 hoặc 2", "the appraisal round must be 1 or 2"),
    "srv.appraisal_score": ("điểm {score} ngoài khoảng 0–{max} của mục {code}",
                            "score {score} is outside 0–{max} for {code}"),
})

YES = ("1", "true", "yes", "x", "có", "co")


@dataclass(frozen=True)
class AppraisalRow:
    """One checked result, as stored and as sent to the unit."""

    code: str
    round: int
    score: str | None  # a normalised decimal, or None for "no score"
    comment: str
    request_explanation: bool

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "round": self.round, "score": self.score, "comment": self.comment,
                "request_explanation": self.request_explanation}


class Appraisals:
    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx

    def import_rows(self, rows: Iterable[dict[str, Any]], year: int | None = None) -> dict[str, int]:
        """Check and store appraisal rows; returns the count per unit. Raises :class:`ValidationErrors`.

        Each row: unit_code, code, round (1|2), score (blank = none), comment,
        request_explanation (bool). Applied to the unit's latest accepted package.
        """
        errors: list[ParDeskError] = []
        by_unit: dict[str, list[AppraisalRow]] = {}
        latest: dict[str, Submission] = {}
        frameworks: dict[str, Any] = {}
        with self.ctx.read_session() as s:
            for i, raw in enumerate(rows, start=1):
                where = f"#{i}"
                unit = str(raw.get("unit_code") or raw.get("unit") or "").strip()
                code = str(raw.get("code") or "").strip()
                if unit not in latest:
                    q = select(Submission).where(Submission.unit_code == unit)
                    if year is not None:
                        q = q.where(Submission.year == year)
                    sub = s.exec(q.order_by(col(Submission.id).desc())).first()
                    if sub is None:
                        errors.append(ParDeskError("srv.appraisal_unit", where=where, unit=unit[:40], year=year or ""))
                        continue
                    latest[unit] = sub
                sub = latest[unit]
                if sub.framework_hash not in frameworks:
                    fw_row = s.get(Framework, sub.framework_hash)
                    frameworks[sub.framework_hash] = parse_framework_bytes(bytes(fw_row.canonical)) if fw_row else None
                row = self._check(raw, where, unit, code, frameworks[sub.framework_hash], errors)
                if row is not None:
                    by_unit.setdefault(unit, []).append(row)
        if errors:
            raise ValidationErrors(errors)
        self._store(by_unit, latest)
        return {u: len(r) for u, r in by_unit.items()}

    @staticmethod
    def _check(raw: dict[str, Any], where: str, unit: str, code: str, fw: Any,
               errors: list[ParDeskError]) -> AppraisalRow | None:
        try:
            leaf = fw.leaf(code)
        except (ParDeskError, KeyError, AttributeError):
            errors.append(ParDeskError("srv.appraisal_code", where=where, code=code[:40], unit=unit[:40]))
            return None
        round_raw = str(raw.get("round") or 1).strip()
        rnd = int(round_raw) if round_raw in ("1", "2") else 0
        if rnd not in (1, 2):
            errors.append(ParDeskError("srv.appraisal_round", where=where))
            return None
        score_raw = raw.get("score")
        score: str | None = None
        if score_raw not in (None, ""):
            text = str(score_raw).strip().replace(",", ".")
            try:
                value = Decimal(text) if len(text) <= 32 else Decimal(-1)
            except InvalidOperation:
                value = Decimal(-1)
            if not value.is_finite() or not (0 <= value <= leaf.max):
                errors.append(ParDeskError("srv.appraisal_score", where=where, score=str(score_raw)[:40],
                                           max=leaf.max, code=code))
                return None
            score = format(value.normalize(), "f")
        req = raw.get("request_explanation")
        return AppraisalRow(code, rnd, score, str(raw.get("comment") or "")[:4000],
                            str(req).strip().lower() in YES if req is not None else False)

    def _store(self, by_unit: dict[str, list[AppraisalRow]], latest: dict[str, Submission]) -> None:
        stamp = utc_iso()
        with self.ctx.session() as s:
            for unit, results in by_unit.items():
                sub = latest[unit]
                ev = Event(unit_code=unit, kind="appraisal", created_at=stamp,
                           data_json=dumps({"package_sha256": sub.package_sha256, "version": sub.version,
                                            "year": sub.year, "results": [r.to_json() for r in results]}))
                s.add(ev)
                s.flush()
                for r in results:
                    s.add(Appraisal(unit_code=unit, year=sub.year, code=r.code, round=r.round, score=r.score,
                                    comment=r.comment, request_explanation=r.request_explanation,
                                    package_sha256=sub.package_sha256, created_at=stamp, event_id=ev.id or 0))
            s.commit()
