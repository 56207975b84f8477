"""Undo and redo: replaying a named command's steps backwards or forwards.

The commands themselves are recorded by the operations (answers, evidence,
document metadata) in :mod:`parDesk.history`; this part only replays them,
all steps of one command in one transaction, so an undone Excel import is
either wholly undone or not at all (docs/architecture.md, "Undo"). Replaying
an answer step goes through the same :meth:`AnswersMixin._apply` as the edit
did, so the score, the status and the audit row are computed the same way.
"""

from __future__ import annotations

from sqlmodel import Session, select

from parDesk.history import AnswerStep, Command, DocumentStep, LinkStep, Step, document_label
from parDesk.i18n import ParDeskError
from parDesk.models.tables import Answer, Document, Link
from parDesk.workspace.answers import AnswersMixin
from parDesk.workspace.values import Change, _doc_dict, now_iso


class UndoMixin(AnswersMixin):
    """Ctrl+Z and Ctrl+Y over the workspace's in-memory :class:`~parDesk.history.History`."""

    @property
    def can_undo(self) -> bool:
        return self.history.next_undo is not None

    @property
    def can_redo(self) -> bool:
        return self.history.next_redo is not None

    def undo_name(self, lang: str | None = None) -> str | None:
        """What Ctrl+Z would take back ("Nhập từ Excel (52 mục)"), in ``lang``; None when nothing."""
        cmd = self.history.next_undo
        return cmd.label(lang) if cmd is not None else None

    def redo_name(self, lang: str | None = None) -> str | None:
        cmd = self.history.next_redo
        return cmd.label(lang) if cmd is not None else None

    def undo(self) -> Change:
        """Take back the last command, all its steps in one transaction."""
        cmd = self.history.pop_undo()
        if cmd is None:
            raise ParDeskError("ws.nothing_to_undo")
        try:
            change = self._replay(cmd, forward=False)
        except BaseException:
            self.history.redone(cmd)  # nothing was written: it stays the next undo
            raise
        self.history.undone(cmd)
        return change

    def redo(self) -> Change:
        cmd = self.history.pop_redo()
        if cmd is None:
            raise ParDeskError("ws.nothing_to_redo")
        try:
            change = self._replay(cmd, forward=True)
        except BaseException:
            self.history.undone(cmd)
            raise
        self.history.redone(cmd)
        return change

    def _replay(self, cmd: Command, forward: bool) -> Change:
        action = "redo" if forward else "undo"
        steps = cmd.steps if forward else tuple(reversed(cmd.steps))
        with self.session() as s:
            self._editable(s)
            for step in steps:
                self._replay_step(s, step, forward, action)
            s.commit()
        return Change(codes=cmd.codes, totals=True, documents=cmd.documents)

    def _replay_step(self, s: Session, step: Step, forward: bool, action: str) -> None:
        if isinstance(step, AnswerStep):
            target = dict(step.after if forward else step.before)
            self._apply(s, step.code, lambda _st: target, action)
            if step.created and not forward:  # the leaf had no answer row: leave none, as it was
                row = s.get(Answer, (self.assessment_id, step.code))
                if row is not None:
                    s.delete(row)
                    s.flush()
        elif isinstance(step, LinkStep):
            if step.linked_after == forward:
                self._relink(s, step, action)
            else:
                self._unlink(s, step, action)
        elif isinstance(step, DocumentStep):
            doc = s.get(Document, step.document_id)
            if doc is None:
                raise ParDeskError("ws.no_document", id=step.document_id)
            old = _doc_dict(doc)
            for k, v in (step.after if forward else step.before).items():
                setattr(doc, k, v)
            s.add(doc)
            self._audit(s, action, "document", str(doc.id), old, _doc_dict(doc))
        else:
            link = s.get(Link, (self.assessment_id, step.code, step.document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=step.document_id, code=step.code)
            link.page_ref = step.after if forward else step.before
            s.add(link)
            self._audit(s, action, "link", step.code, {"document": step.document_id},
                        {"document": step.document_id, "page_ref": link.page_ref})

    def _relink(self, s: Session, step: LinkStep, action: str) -> None:
        if step.document is not None and s.get(Document, step.document_id) is None:
            sha = step.document["sha256"]
            if not self.evidence.path_for(sha).is_file():
                raise ParDeskError("undo.file_gone", doc=document_label(
                    step.document.get("number", ""), step.document.get("original_name", ""), step.document_id))
            s.add(Document(**step.document))
            s.flush()
            if step.document.get("media_type") == "application/pdf":  # undo's cascade took its search text
                from parDesk import doc_index
                from parDesk.intake.service import text_layer_pages

                pages = text_layer_pages(self.evidence.path_for(sha))
                if pages:
                    doc_index.replace_pages(s, step.document_id, pages)
            self._audit(s, action, "document", str(step.document_id), "", step.document)
        if s.get(Link, (self.assessment_id, step.code, step.document_id)) is None:
            s.add(Link(assessment_id=self.assessment_id, code=step.code, document_id=step.document_id,
                       page_ref=step.page_ref, created_at=now_iso()))
            self._audit(s, action, "link", step.code, "", {"document": step.document_id})
            s.flush()

    def _unlink(self, s: Session, step: LinkStep, action: str) -> None:
        link = s.get(Link, (self.assessment_id, step.code, step.document_id))
        if link is not None:
            s.delete(link)
            self._audit(s, action, "link", step.code, {"document": step.document_id}, "")
            s.flush()
        if step.document is not None:  # the command created the document: take the row back too
            still = s.exec(select(Link).where(Link.document_id == step.document_id)).first()
            doc = s.get(Document, step.document_id)
            if still is None and doc is not None:
                self._audit(s, action, "document", str(step.document_id), _doc_dict(doc), "")
                s.delete(doc)
                s.flush()
