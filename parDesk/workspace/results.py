"""Results: what the workspace's answers add up to, the audit log, and the province's appraisals.

Why a part of its own: these are the read side of the service (totals,
statuses, the losing-points list, the audit trail) plus the one write that
comes from outside the commune (an appraisal received from the province). None
of them is undoable, and none of them touches the evidence store.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from parDesk.evidence import nfc
from parDesk.i18n import Num, ParDeskError
from parDesk.models.tables import Appraisal, Assessment, AuditEntry, Document, Link
from parDesk.scoring import LeafState, compute_totals, decimal_text, losing_points
from parDesk.validation import all_statuses
from parDesk.workspace.answers import AnswersMixin
from parDesk.workspace.values import AnswerView, Change, Summary, now_iso


class ResultsMixin(AnswersMixin):
    """Summary, validation, audit log and appraisals."""

    def evidence_counts(self) -> dict[str, int]:
        with self.reader() as s:
            rows = s.exec(select(Link.code, func.count()).where(Link.assessment_id == self.assessment_id)
                          .group_by(Link.code))
            return dict(rows.all())

    def version_chain(self) -> list[int]:
        """This version's id and those of the versions it continues, newest first."""
        ids: list[int] = []
        with self.reader() as s:
            current: int | None = self.assessment_id
            while current is not None:
                ids.append(current)
                row = s.get(Assessment, current)
                current = row.previous_id if row else None
        return ids

    def appraisals(self) -> dict[str, list[Appraisal]]:
        scope = self.version_chain()  # appraisals of v1 still show in v2
        with self.reader() as s:
            rows = s.exec(select(Appraisal).where(col(Appraisal.assessment_id).in_(scope))
                          .order_by(col(Appraisal.assessment_id), col(Appraisal.round), col(Appraisal.id)))
            out: dict[str, list[Appraisal]] = {}
            for r in rows:
                out.setdefault(r.code, []).append(r)
            return out

    def leaf_states(self, answers: dict[str, AnswerView] | None = None) -> dict[str, LeafState]:
        answers = answers if answers is not None else self.answers()
        appraised = {}
        for code, rows in self.appraisals().items():
            scored = [r.score for r in rows if r.score is not None]
            if scored:  # the latest round that gave a score
                appraised[code] = Decimal(scored[-1])
        fw = self.framework
        states = {}
        for code, a in answers.items():
            leaf = fw.leaf(code)
            states[code] = LeafState(inputs=a.inputs or None, not_applicable=a.not_applicable,
                                     appraised=appraised.get(code) if not leaf.self_scored else None)
        return states

    def summary(self) -> Summary:
        """Totals, rating, every leaf's status and the losing-points list, in one read."""
        fw = self.framework
        answers = self.answers()
        states = self.leaf_states(answers)
        counts = self.evidence_counts()
        totals = compute_totals(fw, states)
        statuses = all_statuses(fw, answers, counts)
        explanations = {c: a.explanation for c, a in answers.items()}
        lost = losing_points(fw, totals, states, counts, explanations)
        with self.reader() as s:
            ndocs = s.exec(select(func.count()).select_from(Document)).one()
        return Summary(totals, statuses, lost, counts, int(ndocs))

    def validate(self) -> list[ParDeskError]:
        """Every blocking problem, each naming its leaf: empty means ready to submit."""
        return self.summary().problems

    def audit(self, limit: int = 50, all_assessments: bool = False) -> list[AuditEntry]:
        with self.reader() as s:
            q = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
            if not all_assessments:
                q = q.where((col(AuditEntry.assessment_id) == self.assessment_id)
                            | col(AuditEntry.assessment_id).is_(None))
            return list(s.exec(q))

    def iter_audit(self, assessment_id: int | None = None) -> Iterator[AuditEntry]:
        with self.reader() as s:
            q = select(AuditEntry).order_by(col(AuditEntry.id))
            if assessment_id is not None:
                q = q.where(AuditEntry.assessment_id == assessment_id)
            yield from s.exec(q)

    def record_appraisal(self, code: str, round_: int, score: Any, comment: str = "",
                         request_explanation: bool = False, source: str = "") -> Change:
        from parDesk.scoring import parse_decimal

        leaf = self.framework.leaf(code)
        value = parse_decimal(score, f"{code}.score") if score not in (None, "") else None
        if value is not None and not (0 <= value <= leaf.max):
            raise ParDeskError("in.score_range", where=code, value=Num(value), max=Num(leaf.max))
        with self.session() as s:
            row = Appraisal(assessment_id=self.assessment_id, code=code, round=round_,
                            score=decimal_text(value) if value is not None else None, comment=nfc(comment),
                            request_explanation=request_explanation, received_at=now_iso(), source=source)
            s.add(row)
            self._audit(s, "appraisal", "appraisal", code, "",
                        {"round": round_, "score": row.score, "comment": row.comment,
                         "request_explanation": request_explanation})
            s.commit()
        return Change(codes=frozenset({code}), totals=True)

