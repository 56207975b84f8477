"""The workspace operations of evidence intake: read, accept, search, reindex, warn.

Each function is one user operation that the window and the CLI both call.
They use only the workspace's public surface (``ws.session()``,
``ws.reader()``, ``ws.update_document``, ``ws.record_event``), so the
service layer keeps one owner of its privates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from parDesk import doc_index
from parDesk.evidence import Cancelled
from parDesk.i18n import Msg, ParDeskError, register
from parDesk.intake.quality import Finding
from parDesk.intake.reader import Reading, read_document

if TYPE_CHECKING:
    from parDesk.workspace import Workspace

register({
    "intake.doc_warning": ("Tài liệu “{name}” ({codes}): {reason}", "Document “{name}” ({codes}): {reason}"),
    "intake.no_codes": ("chưa gắn mục nào", "not linked to an item"),
})

PROPOSABLE = ("number", "issued_date", "issuer", "subject")


def text_layer_pages(path: Any, max_pages: int = 50) -> list[str]:
    """The text layer of a PDF, page by page, without OCR: cheap enough to run inside attach."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
    except Exception:
        return []
    try:
        out = []
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            out.append(page.get_textpage().get_text_range())
            page.close()
        return out
    except Exception:
        return out
    finally:
        pdf.close()


def read_and_record(ws: Workspace, document_id: int, *, use_ocr: bool = True,
                    cancel: Callable[[], bool] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Reading:
    """Read a stored document (off the GUI thread) and keep the reading; the file is only read."""
    path = ws.document_path(document_id)
    reading = read_document(path, use_ocr=use_ocr, cancel=cancel, progress=progress)
    record_reading(ws, document_id, reading)
    return reading


def record_reading(ws: Workspace, document_id: int, reading: Reading) -> None:
    """Keep a reading made elsewhere (the window reads on its slow pool, then records on the database thread)."""
    with ws.session() as s:
        doc_index.store_reading(s, document_id, _now(), reading)
        ws.record_event("intake_read", str(document_id), {"source": reading.proposal.source,
                                                           "findings": [f.key for f in reading.quality.findings]},
                        entity="document", session=s)
        s.commit()


@dataclass(frozen=True)
class Accepted:
    applied: dict[str, str]  # field -> value written
    kept: dict[str, str]  # field -> the officer's own value, left as it was


def accept_proposal(ws: Workspace, document_id: int, fields: dict[str, str] | None = None,
                    *, overwrite: Sequence[str] = ()) -> Accepted:
    """Write the proposed values the officer confirmed; what they typed themselves stays.

    ``fields`` defaults to the document's stored proposal. A field that
    already holds a value is kept unless the officer named it in
    ``overwrite`` (they edited the proposal and chose it). The audit log
    records which values came from the document as read, which the officer
    edited before confirming, and who confirmed them.
    """
    read = proposal_for(ws, document_id)
    if fields is None:
        if read is None:
            raise ParDeskError("ws.no_document", id=document_id)
        fields = read
    current = ws.document(document_id)
    applied: dict[str, str] = {}
    kept: dict[str, str] = {}
    for key in PROPOSABLE:
        value = (fields.get(key) or "").strip()
        if not value:
            continue
        have = getattr(current, key)
        if have and have != value and key not in overwrite:
            kept[key] = have
            continue
        if have != value:
            applied[key] = value
    if applied:
        ws.update_document(document_id, **applied)
        said = read or {}
        edited = [k for k, v in applied.items() if v != (said.get(k) or "").strip()]
        detail = {"fields": applied, "from": "document", "confirmed_by": ws.actor,
                  "as_read": [k for k in applied if k not in edited], "edited_by_officer": edited}
        ws.record_event("intake_confirmed", str(document_id), detail, entity="document")
    return Accepted(applied, kept)


def proposal_for(ws: Workspace, document_id: int) -> dict[str, str] | None:
    """The stored proposal's document fields (number, date, issuer, full subject), or None if never read."""
    from parDesk.intake.fields import Proposal

    with ws.reader() as s:
        rows = doc_index.intake_rows(s, [document_id])
    row = rows.get(document_id)
    if row is None:
        return None
    data = {k: v for k, v in row["proposal"].items() if k in Proposal.__dataclass_fields__}
    return Proposal(**data).metadata()


def intake_info(ws: Workspace, document_ids: Sequence[int] | None = None) -> dict[int, dict[str, Any]]:
    """Per document: its last reading (proposal, quality findings, OCR note), for the lists' icons."""
    with ws.reader() as s:
        return doc_index.intake_rows(s, document_ids)


def findings_of(info: dict[str, Any]) -> list[Finding]:
    return [Finding(f["key"], f["severity"], f.get("params", {})) for f in info.get("quality", {}).get("findings", [])]


def evidence_warnings(ws: Workspace) -> list[ParDeskError]:
    """Documents the province would send back (they do not open, are locked, or are blank): warnings, not blocks."""
    info = intake_info(ws)
    out: list[ParDeskError] = []
    if not info:
        return out
    docs = {d.id: d for d in ws.documents(document_ids=list(info))}
    for doc_id, row in sorted(info.items()):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        for finding in findings_of(row):
            if finding.severity != "reject":
                continue
            out.append(ParDeskError("intake.doc_warning", name=doc.number or
                                    doc.original_name, codes=", ".join(doc.codes) or Msg("intake.no_codes"),
                                    reason=Msg(finding.key, **finding.params)))
    return out


def search(ws: Workspace, query: str, limit: int = 200) -> list[doc_index.Hit]:
    """Pages of documents whose text holds the query's words, with or without accents."""
    with ws.reader() as s:
        return doc_index.search(s, query, limit=limit)


@dataclass(frozen=True)
class Reindexed:
    documents: int
    pages: int
    failed: int


def reindex(ws: Workspace, *, use_ocr: bool = True, progress: Callable[[int, int], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> Reindexed:
    """Read every stored document again and rebuild the search index and the quality findings."""
    docs = ws.documents()
    pages = failed = 0
    for i, doc in enumerate(docs):
        if cancel is not None and cancel():
            raise Cancelled()
        try:
            reading = read_and_record(ws, doc.id, use_ocr=use_ocr, cancel=cancel)
            pages += len(reading.page_texts)
        except (OSError, ParDeskError):
            failed += 1
        if progress:
            progress(i + 1, len(docs))
    return Reindexed(len(docs), pages, failed)


def _now() -> str:
    from parDesk.workspace import now_iso

    return now_iso()


__all__ = ["Accepted", "Reindexed", "accept_proposal", "evidence_warnings", "intake_info", "proposal_for",
           "quality_sentences", "read_and_record", "record_reading", "reindex", "search", "text_layer_pages"]



def quality_sentences(ws: Workspace, document_ids: Sequence[int] | None = None,
                      lang: str | None = None) -> dict[int, list[str]]:
    """Per document, intake's findings as sentences in ``lang``: for the lists' icon and tooltip."""
    out: dict[int, list[str]] = {}
    for doc_id, row in intake_info(ws, document_ids).items():
        sentences = [f.text(lang) for f in findings_of(row)]
        if sentences:
            out[doc_id] = sentences
    return out
