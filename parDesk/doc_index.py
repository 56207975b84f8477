"""Search inside documents, and what intake read from each one.

Two tables (migration 5 in :mod:`parDesk.db`):

* ``document_page`` keeps each page's text as read (text layer or OCR) and a
  folded copy: lower case, no diacritics, "đ" as "d", the same length as the
  text. ``document_fts`` is an FTS5 index over the folded copy, kept in step
  by triggers, so "ke hoach kiem tra" and "kế hoạch kiểm tra" find the same
  pages. SQLite's own ``remove_diacritics`` would leave "đ" apart from "d",
  which Vietnamese readers type interchangeably.
* ``document_intake`` keeps the last reading of each document: the proposal,
  the quality findings, and whether OCR could run.

Everything here runs inside a session the workspace owns; the workspace
calls these functions, nothing else does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from parDesk.intake.fields import fold

MAX_PAGE_CHARS = 100_000  # a page of text is a few thousand characters; more is not text


@dataclass(frozen=True)
class Hit:
    document_id: int
    page: int  # 1-based
    snippet: str  # the original text around the first match, with the match in [brackets]
    start: int  # offset of the match in the page's text, for highlighting
    length: int


def replace_pages(s: Any, document_id: int, pages: Sequence[str]) -> None:
    """The document's indexed text becomes ``pages`` (page 1 first), in the caller's transaction."""
    conn = s.connection()
    conn.execute(text("DELETE FROM document_page WHERE document_id = :d"), {"d": document_id})
    for number, page_text in enumerate(pages, start=1):
        body = (page_text or "")[:MAX_PAGE_CHARS]
        if not body.strip():
            continue
        conn.execute(text("INSERT INTO document_page(document_id, page, text, folded) VALUES (:d, :p, :t, :f)"),
                     {"d": document_id, "p": number, "t": body, "f": fold(body)})


def has_pages(s: Any, document_id: int) -> bool:
    row = s.connection().execute(text("SELECT 1 FROM document_page WHERE document_id = :d LIMIT 1"),
                                 {"d": document_id}).first()
    return row is not None


def store_reading(s: Any, document_id: int, read_at: str, reading: Any) -> None:
    """Keep ``reading`` (an :class:`parDesk.intake.Reading`) for the document, replacing the last one."""
    s.connection().execute(text(
        "INSERT INTO document_intake(document_id, read_at, source, proposal, quality, ocr_note) "
        "VALUES (:d, :at, :src, :p, :q, :n) ON CONFLICT(document_id) DO UPDATE SET read_at = excluded.read_at, "
        "source = excluded.source, proposal = excluded.proposal, quality = excluded.quality, "
        "ocr_note = excluded.ocr_note"),
        {"d": document_id, "at": read_at, "src": reading.proposal.source,
         "p": json.dumps(reading.proposal.as_dict(), ensure_ascii=False),
         "q": json.dumps(reading.quality.as_dict(), ensure_ascii=False), "n": reading.ocr_note})
    if reading.page_texts:
        replace_pages(s, document_id, reading.page_texts)


def intake_rows(s: Any, document_ids: Sequence[int] | None = None) -> dict[int, dict[str, Any]]:
    sql = "SELECT document_id, read_at, source, proposal, quality, ocr_note FROM document_intake"
    rows = s.connection().execute(text(sql)).all()
    wanted = set(document_ids) if document_ids is not None else None
    out: dict[int, dict[str, Any]] = {}
    for doc_id, read_at, source, proposal, quality, note in rows:
        if wanted is not None and doc_id not in wanted:
            continue
        out[int(doc_id)] = {"read_at": read_at, "source": source, "proposal": json.loads(proposal or "{}"),
                            "quality": json.loads(quality or "{}"), "ocr_note": note}
    return out


_WORD = re.compile(r"\w+", re.UNICODE)


def search(s: Any, query: str, limit: int = 200, context: int = 60) -> list[Hit]:
    """Pages whose text holds every word of ``query`` (any accents), best first, with a snippet."""
    words = _WORD.findall(fold(query))
    if not words:
        return []
    q = " ".join(f'"{w}"' for w in words)  # each word quoted: the officer's quotes and operators are literal
    rows = s.connection().execute(text(
        "SELECT p.document_id, p.page, p.text, p.folded FROM document_fts f JOIN document_page p ON p.id = f.rowid "
        "WHERE document_fts MATCH :q ORDER BY bm25(document_fts) LIMIT :n"), {"q": q, "n": limit}).all()
    hits = []
    for doc_id, page, body, folded in rows:
        m = re.search(r"\s+".join(re.escape(w) for w in words), folded)
        if m is None:
            m = re.search(re.escape(words[0]), folded)
        start, end = (m.start(), m.end()) if m else (0, 0)
        a, b = max(0, start - context), min(len(body), end + context)
        snippet = ("…" if a > 0 else "") + " ".join(body[a:start].split()) + " [" + " ".join(body[start:end].split()) \
            + "] " + " ".join(body[end:b].split()) + ("…" if b < len(body) else "")
        hits.append(Hit(int(doc_id), int(page), snippet.strip(), start, end - start))
    return hits
