"""Evidence: storing files, linking them to leaves, their metadata, and the library's queries.

Why a part of its own: a document has two lives, a file in the
content-addressed store (:class:`~parDesk.evidence.EvidenceStore`, written and
fsynced first) and a row that names it (committed after, with its links, its
search text and its audit rows). Keeping that order in one module keeps the
guarantee "no row names a file that is not on disk" readable in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from parDesk.diskerrors import check_room
from parDesk.evidence import nfc
from parDesk.history import Command, DocumentStep, LinkStep, PageStep, Step, document_label
from parDesk.i18n import Msg, ParDeskError
from parDesk.models.tables import Assessment, Document, Link
from parDesk.workspace.base import WorkspaceBase
from parDesk.workspace.values import DOC_FIELDS, Change, DocumentView, _doc_dict, _doc_view, fold, now_iso, parse_date


class DocumentsMixin(WorkspaceBase):
    """Attach, link, detach, edit and list evidence documents."""

    def attach(self, code: str, path: str | Path, progress: Callable[[int], None] | None = None,
               page_ref: str = "", **meta: str) -> DocumentView:
        """Store a file (once, by content) and link it to ``code``.

        The file is in the store, fsynced, before the row that names it commits.
        """
        return self.attach_many([(code, path)], progress=progress, cancel=None, page_ref=page_ref, **meta)[0]

    def attach_many(self, items: Sequence[tuple[str, str | Path]], progress: Callable[[int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, page_ref: str = "", **meta: str) -> list[DocumentView]:
        """Attach several (leaf, file) pairs in one go: all of them or, on error or cancel, none.

        ``progress`` receives byte counts as they are copied; ``cancel`` is
        polled between chunks. One database transaction for the whole batch.
        """
        for code, _ in items:
            self.framework.leaf(code)
        clean_meta = self._clean_meta(meta)
        self._check_editable_fast()
        if self.read_only is not None:
            raise self.read_only
        check_room(self.evidence.root, sum(self.evidence.check_source(p).stat().st_size for _, p in items))
        stored = self.evidence.put_many([p for _, p in items], progress=progress, cancel=cancel)
        from parDesk import doc_index
        from parDesk.intake.service import text_layer_pages

        # The text layer is read before the write transaction and indexed inside it, so a document
        # and its searchable text commit together (scans are OCR'd later by the intake job).
        texts = {sf.sha256: text_layer_pages(self.evidence.path_for(sf.sha256)) for sf in stored
                 if sf.media_type == "application/pdf"}
        views: list[DocumentView] = []
        steps: list[Step] = []
        with self.session() as s:
            self._editable(s)
            by_sha: dict[str, Document] = {}
            created: set[int] = set()
            for (code, _), sf in zip(items, stored, strict=True):
                doc = s.exec(select(Document).where(Document.sha256 == sf.sha256)).first()
                if doc is None:
                    doc = Document(sha256=sf.sha256, size=sf.size, original_name=sf.original_name,
                                   media_type=sf.media_type, ext=sf.ext, added_at=now_iso(), added_by=self.actor)
                    for k, v in clean_meta.items():  # only DOC_FIELDS, checked by _clean_meta
                        setattr(doc, k, v)
                    s.add(doc)
                    s.flush()
                    assert doc.id is not None
                    created.add(doc.id)
                    if texts.get(sf.sha256):
                        doc_index.replace_pages(s, doc.id, texts[sf.sha256])
                    self._audit(s, "add", "document", str(doc.id), "", _doc_dict(doc))
                elif clean_meta and doc.id not in created:
                    old = _doc_dict(doc)
                    before = {k: getattr(doc, k) for k in clean_meta}
                    for k, v in clean_meta.items():
                        setattr(doc, k, v)
                    s.add(doc)
                    self._audit(s, "update", "document", str(doc.id), old, _doc_dict(doc))
                    if before != clean_meta:
                        steps.append(DocumentStep(doc.id or 0, before, dict(clean_meta)))
                assert doc.id is not None
                if s.get(Link, (self.assessment_id, code, doc.id)) is None:
                    s.add(Link(assessment_id=self.assessment_id, code=code, document_id=doc.id,
                               page_ref=nfc(page_ref), created_at=now_iso()))
                    self._audit(s, "link", "link", code, "", {"document": doc.id, "sha256": doc.sha256})
                    s.flush()
                    first = doc.id in created and not any(isinstance(st, LinkStep) and st.document_id == doc.id
                                                          for st in steps)
                    steps.append(LinkStep(code, doc.id, nfc(page_ref), True,
                                          doc.model_dump() if first else None))
                by_sha[sf.sha256] = doc
            for doc in (by_sha[sf.sha256] for sf in stored):
                codes = tuple(sorted(s.exec(select(Link.code).where(Link.assessment_id == self.assessment_id,
                                                                    Link.document_id == doc.id))))
                views.append(_doc_view(doc, codes))
            s.commit()
        self.history.record(Command(self._attach_name(steps, views), tuple(steps)))
        return views

    @staticmethod
    def _attach_name(steps: Sequence[Step], views: Sequence[DocumentView]) -> Msg:
        links = [st for st in steps if isinstance(st, LinkStep)]
        codes = sorted({st.code for st in links})
        docs = {st.document_id for st in links}
        if len(docs) == 1 and links:
            v = next(v for v in views if v.id == links[0].document_id)
            doc = document_label(v.number, v.original_name, v.id)
            return Msg("undo.attach", doc=doc, code=", ".join(codes))
        if len(codes) == 1:
            return Msg("undo.attach_many", count=len(docs), code=codes[0])
        return Msg("undo.attach_spread", count=len(docs), items=len(codes))

    def _doc_label(self, s: Session, document_id: int) -> str:
        doc = s.get(Document, document_id)
        return document_label(doc.number, doc.original_name, document_id) if doc else f"#{document_id}"

    def _check_editable_fast(self) -> None:
        """Refuse before copying a file into the store when the assessment is locked."""
        with self.reader() as s:
            a = s.get(Assessment, self.assessment_id)
            if a is not None and a.status != "draft":
                raise ParDeskError("ws.locked", version=a.version)

    def link(self, code: str, document_id: int, page_ref: str = "") -> Change:
        """Link an already-stored document to another leaf (no second copy)."""
        self.framework.leaf(code)
        with self.session() as s:
            self._editable(s)
            if s.get(Document, document_id) is None:
                raise ParDeskError("ws.no_document", id=document_id)
            if s.get(Link, (self.assessment_id, code, document_id)) is None:
                s.add(Link(assessment_id=self.assessment_id, code=code, document_id=document_id,
                           page_ref=nfc(page_ref), created_at=now_iso()))
                self._audit(s, "link", "link", code, "", {"document": document_id})
                name = Msg("undo.link", doc=self._doc_label(s, document_id), code=code)
                s.commit()
                self.history.record(Command(name, (LinkStep(code, document_id, nfc(page_ref), True),)))
        return Change(codes=frozenset({code}), totals=True, documents=True)

    def detach(self, code: str, document_id: int) -> Change:
        """Unlink; the file stays in the store while anything still uses it (gc removes orphans)."""
        with self.session() as s:
            self._editable(s)
            link = s.get(Link, (self.assessment_id, code, document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=document_id, code=code)
            step = LinkStep(code, document_id, link.page_ref, False)
            s.delete(link)
            self._audit(s, "unlink", "link", code, {"document": document_id}, "")
            name = Msg("undo.detach", doc=self._doc_label(s, document_id), code=code)
            s.commit()
        self.history.record(Command(name, (step,)))
        return Change(codes=frozenset({code}), totals=True, documents=True)

    def set_link_page(self, code: str, document_id: int, page_ref: str) -> Change:
        with self.session() as s:
            self._editable(s)
            link = s.get(Link, (self.assessment_id, code, document_id))
            if link is None:
                raise ParDeskError("ws.not_linked", id=document_id, code=code)
            old = link.page_ref
            link.page_ref = nfc(page_ref)
            s.add(link)
            self._audit(s, "update", "link", code, {"document": document_id, "page_ref": old},
                        {"document": document_id, "page_ref": link.page_ref})
            name = Msg("undo.link_page", doc=self._doc_label(s, document_id), code=code)
            new = link.page_ref
            s.commit()
        if new != old:
            self.history.record(Command(name, (PageStep(code, document_id, old, new),)))
        return Change(codes=frozenset({code}), documents=True)

    def update_document(self, document_id: int, **meta: str) -> Change:
        clean = self._clean_meta(meta)
        with self.session() as s:
            doc = s.get(Document, document_id)
            if doc is None:
                raise ParDeskError("ws.no_document", id=document_id)
            old = _doc_dict(doc)
            before = {k: getattr(doc, k) for k in clean}
            for k, v in clean.items():
                setattr(doc, k, v)
            s.add(doc)
            self._audit(s, "update", "document", str(document_id), old, _doc_dict(doc))
            name = Msg("undo.doc_meta", doc=document_label(before.get("number", doc.number) or doc.number,
                                                            doc.original_name, document_id))
            s.commit()
        changed = {k: v for k, v in clean.items() if before[k] != v}
        if changed:
            self.history.record(Command(name, (DocumentStep(document_id, {k: before[k] for k in changed},
                                                            changed),)))
        return Change(documents=True)

    def _clean_meta(self, meta: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in meta.items():
            if key not in DOC_FIELDS:
                raise ParDeskError("ws.unknown_field", where=key, name=key)
            if value is None:
                continue
            text = nfc(str(value)).strip()
            if len(text) > 2000:
                raise ParDeskError("ws.too_long", where=key, length=len(text), limit=2000)
            if key == "issued_date" and text:
                text = parse_date(text)
            out[key] = text
        return out

    def document(self, document_id: int) -> DocumentView:
        docs = self.documents(document_ids=[document_id])
        if not docs:
            raise ParDeskError("ws.no_document", id=document_id)
        return docs[0]

    def documents(self, code: str | None = None, document_ids: list[int] | None = None,
                  unlinked: bool = False, missing_metadata: bool = False, search: str = "") -> list[DocumentView]:
        """The evidence library, with the filters the window offers."""
        with self.reader() as s:
            q = select(Document).order_by(col(Document.id))
            lq = select(Link).where(Link.assessment_id == self.assessment_id)
            if document_ids is not None:
                q = q.where(col(Document.id).in_(document_ids))
                lq = lq.where(col(Link.document_id).in_(document_ids))
            if code is not None:  # filter in SQL: one item's documents, not the whole library
                ids = select(Link.document_id).where(Link.assessment_id == self.assessment_id, Link.code == code)
                q = q.where(col(Document.id).in_(ids))
                lq = lq.where(col(Link.document_id).in_(ids))
            docs = list(s.exec(q))
            links: dict[int, list[str]] = {}
            pages: dict[int, str] = {}
            for lk in s.exec(lq):
                links.setdefault(lk.document_id, []).append(lk.code)
                if code is not None and lk.code == code and lk.page_ref:
                    pages[lk.document_id] = lk.page_ref
        needle = fold(search) if search else ""
        out = []
        for d in docs:
            codes = tuple(sorted(links.get(d.id or 0, [])))
            view = _doc_view(d, codes)
            if d.id in pages:  # seen from one item: where in the document *its* proof sits
                view = replace(view, page_ref=pages[d.id or 0])
            if code is not None and code not in codes:
                continue
            if unlinked and codes:
                continue
            if missing_metadata and not view.missing_metadata:
                continue
            haystack = " ".join((d.original_name, d.number, d.issuer, d.subject, " ".join(codes)))
            if needle and needle not in fold(haystack):
                continue
            out.append(view)
        return out

    def links(self) -> list[Link]:
        with self.reader() as s:
            return list(s.exec(select(Link).where(Link.assessment_id == self.assessment_id)))

    def document_path(self, document_id: int) -> Path:
        return self.evidence.path_for(self.document(document_id).sha256)
