"""Answers: a leaf's rule inputs, its N/A declaration and its explanation, and the score that follows.

Why a part of its own: every answer write goes through one path,
:meth:`AnswersMixin._apply`, which recomputes the score and the leaf's status,
writes the audit row and returns the :class:`~parDesk.history.AnswerStep` that
undo replays (:mod:`parDesk.workspace.undo` calls the same ``_apply``). A
spreadsheet import is many ``_apply`` calls in one transaction and one named
command, so one Ctrl+Z takes it back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from parDesk.evidence import nfc
from parDesk.history import AnswerStep, Command
from parDesk.i18n import Msg, ParDeskError
from parDesk.models.framework import Leaf
from parDesk.models.tables import Answer, Link
from parDesk.scoring import decimal_text, normalize_inputs, score_rule
from parDesk.validation import leaf_status
from parDesk.workspace.base import WorkspaceBase
from parDesk.workspace.values import MAX_TEXT, AnswerView, Change, _j, now_iso


class AnswersMixin(WorkspaceBase):
    """Reading and writing answers; every write is one transaction and one undoable command."""

    def answer(self, code: str) -> AnswerView:
        leaf = self.framework.leaf(code)
        with self.reader() as s:
            row = s.get(Answer, (self.assessment_id, code))
        return self._view(leaf, row)

    def answers(self) -> dict[str, AnswerView]:
        fw = self.framework
        with self.reader() as s:
            rows = {r.code: r for r in s.exec(select(Answer).where(Answer.assessment_id == self.assessment_id))}
        return {leaf.code: self._view(leaf, rows.get(leaf.code)) for leaf in fw.all_leaves()}

    def _view(self, leaf: Leaf, row: Answer | None) -> AnswerView:
        if row is None:
            return AnswerView(leaf.code, {}, None, False, "")
        inputs = json.loads(row.inputs) if row.inputs else {}
        return AnswerView(leaf.code, inputs, Decimal(row.score) if row.score is not None else None,
                          bool(row.not_applicable), row.explanation, row.updated_by, row.updated_at)

    def _state(self, row: Answer | None) -> dict[str, Any]:
        if row is None:
            return {"inputs": {}, "not_applicable": False, "explanation": ""}
        return {"inputs": json.loads(row.inputs) if row.inputs else {}, "not_applicable": bool(row.not_applicable),
                "explanation": row.explanation}

    def _write_answer(self, code: str, mutate: Callable[[dict[str, Any]], dict[str, Any]],
                      action: str, name: Msg) -> Change:
        with self.session() as s:
            self._editable(s)
            step = self._apply(s, code, mutate, action)
            if step is None:
                return Change()
            s.commit()
        self.history.record(Command(name, (step,)))
        return Change(codes=frozenset({code}), totals=True)

    def _apply(self, s: Session, code: str, mutate: Callable[[dict[str, Any]], dict[str, Any]],
               action: str) -> AnswerStep | None:
        """Change one answer inside the caller's transaction, with its audit row."""
        leaf = self.framework.leaf(code)
        row = s.get(Answer, (self.assessment_id, code))
        before = self._state(row)
        after = mutate(dict(before))
        if after == before:
            return None
        created = row is None
        if row is None:
            row = Answer(assessment_id=self.assessment_id, code=code)
        row.inputs = _j(after["inputs"]) if after["inputs"] else ""
        row.not_applicable = after["not_applicable"]
        row.explanation = after["explanation"]
        score = (score_rule(leaf.rule, leaf.max, after["inputs"], self.framework.rounding)
                 if after["inputs"] and not after["not_applicable"] else None)
        row.score = decimal_text(score) if score is not None else None
        row.updated_by, row.updated_at = self.actor, now_iso()
        n_docs = s.exec(select(func.count()).select_from(Link).where(
            Link.assessment_id == self.assessment_id, Link.code == code)).one()
        row.status = leaf_status(leaf, after["inputs"], after["not_applicable"], int(n_docs),
                                 after["explanation"]).status
        s.add(row)
        self._audit(s, action, "answer", code, before, after)
        return AnswerStep(code, before, after, created)

    def import_inputs(self, changes: Sequence[tuple[str, dict[str, Any]]], source: str = "") -> Change:
        """Apply many leaves' inputs at once (a spreadsheet import): all validated first, one transaction."""
        clean: list[tuple[str, dict[str, Any]]] = []
        for code, inputs in changes:
            leaf = self.framework.leaf(code)
            if leaf.rule.kind == "survey" or not leaf.self_scored:
                raise ParDeskError("ws.survey", where=code, code=code)
            clean.append((code, normalize_inputs(leaf, inputs)))
        edits: list[AnswerStep] = []
        with self.session() as s:
            self._editable(s)
            for code, inputs in clean:
                def mutate(st: dict[str, Any], inputs: dict[str, Any] = inputs) -> dict[str, Any]:
                    st["inputs"] = inputs
                    return st
                edit = self._apply(s, code, mutate, "import:" + source if source else "import")
                if edit is not None:
                    edits.append(edit)
            s.commit()
        self.history.record(Command(Msg("undo.import", count=len(edits)), tuple(edits)))
        return Change(codes=frozenset(e.code for e in edits), totals=True)

    def set_inputs(self, code: str, inputs: dict[str, Any]) -> Change:
        """Set a leaf's rule inputs (validated); its score follows from them."""
        leaf = self.framework.leaf(code)
        if leaf.rule.kind == "survey" or not leaf.self_scored:
            raise ParDeskError("ws.survey", where=code, code=code)
        clean = normalize_inputs(leaf, inputs)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["inputs"] = clean
            return st
        return self._write_answer(code, mutate, "set_inputs", Msg("undo.set_inputs", code=code))

    def set_score(self, code: str, value: Any) -> Change:
        """Shorthand for manual rules: the score itself is the input."""
        return self.set_inputs(code, {"score": value})

    def clear_inputs(self, code: str) -> Change:
        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["inputs"] = {}
            return st
        return self._write_answer(code, mutate, "clear_inputs", Msg("undo.clear_inputs", code=code))

    def set_not_applicable(self, code: str, flag: bool = True) -> Change:
        leaf = self.framework.leaf(code)
        if flag and not leaf.can_be_na:
            raise ParDeskError("ws.not_na", where=code, code=code)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["not_applicable"] = bool(flag)
            return st
        return self._write_answer(code, mutate, "set_not_applicable",
                                  Msg("undo.na_on" if flag else "undo.na_off", code=code))

    def set_explanation(self, code: str, text: str) -> Change:
        text = nfc(text or "")
        if len(text) > MAX_TEXT:
            raise ParDeskError("ws.too_long", where=f"{code}.explanation", length=len(text), limit=MAX_TEXT)

        def mutate(st: dict[str, Any]) -> dict[str, Any]:
            st["explanation"] = text
            return st
        return self._write_answer(code, mutate, "set_explanation", Msg("undo.explanation", code=code))
