"""``pardesk evidence read``, ``evidence attach --accept-proposed`` and ``check --reindex``.

The handlers live beside the intake code; :mod:`parDesk.cli` wires them into
its ``evidence`` and ``check`` commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError, register, t

register({
    "icli.field.number": ("Số, ký hiệu", "Number and code"),
    "icli.field.issued_date": ("Ngày ban hành", "Date of issue"),
    "icli.field.issuer": ("Cơ quan ban hành", "Issuing body"),
    "icli.field.doc_type": ("Loại văn bản", "Document type"),
    "icli.field.subject": ("Trích yếu", "Subject"),
    "icli.none": ("(không đọc được)", "(not found)"),
    "icli.source.text": ("lớp chữ của PDF", "the PDF's text layer"),
    "icli.source.ocr": ("nhận dạng chữ (OCR)", "OCR"),
    "icli.source.": ("không có", "none"),
    "icli.source": ("Nguồn: {source}; {seconds} giây", "Source: {source}; {seconds} s"),
    "icli.quality_ok": ("Chất lượng tệp: không có vấn đề ({pages} trang).",
                        "File quality: no problem ({pages} pages)."),
    "icli.quality": ("Chất lượng tệp ({pages} trang):", "File quality ({pages} pages):"),
    "icli.not_file": ("không tìm thấy tệp", "file not found"),
    "icli.accepted": ("Tài liệu {id}: đã điền {fields} từ nội dung tài liệu.",
                      "Document {id}: filled {fields} from the document."),
    "icli.kept": ("Tài liệu {id}: giữ nguyên {fields} đã nhập.", "Document {id}: kept {fields} as typed."),
    "icli.nothing": ("Tài liệu {id}: không đọc được thông tin nào để điền.",
                     "Document {id}: nothing could be read to fill in."),
    "icli.reindexed": ("Đã lập lại chỉ mục tìm kiếm: {docs} tài liệu, {pages} trang; {failed} tài liệu không đọc được.",
                       "Search index rebuilt: {docs} documents, {pages} pages; {failed} could not be read."),
    "icli.hit": ("{name} — trang {page}: {snippet}", "{name} — page {page}: {snippet}"),
    "icli.no_hits": ("Không tìm thấy “{query}” trong nội dung tài liệu.", "“{query}” is not in any document's text."),
})

FIELDS = ("number", "issued_date", "issuer", "doc_type", "subject")


def cmd_read(cli: Any) -> int:
    """Print what would be proposed for FILE, without a workspace."""
    from parDesk.intake import read_document

    path = Path(cli.args.file)
    if not path.is_file():
        raise ParDeskError("icli.not_file", where=str(path))
    reading = read_document(path, index_text=False, use_ocr=not cli.args.no_ocr)
    lang = cli.args.lang

    def human() -> str:
        p = reading.proposal
        from parDesk.numfmt import fmt_date

        lines = [t("intake.proposal_note")]
        for f in FIELDS:
            value = getattr(p, f)
            if f == "issued_date" and value:
                value = fmt_date(value, lang=lang or "vi")
            lines.append(f"  {t('icli.field.' + f):<18} {value or t('icli.none')}")
        lines.append(t("icli.source", source=t("icli.source." + p.source), seconds=f"{reading.seconds:.2f}"))
        for note in p.notes:
            lines.append("  · " + t("intake." + note))
        if reading.ocr_note:
            lines.append("  · " + t(reading.ocr_note))
        q = reading.quality
        if q.findings:
            lines.append(t("icli.quality", pages=q.pages))
            lines += ["  - " + f.text() for f in q.findings]
        else:
            lines.append(t("icli.quality_ok", pages=q.pages))
        return "\n".join(lines)

    cli.out(human, reading.as_dict(lang))
    return 0


def _field_names(fields: dict[str, str]) -> str:
    """The fields' names as the officer sees them, in the current language."""
    return ", ".join(t("icli.field." + k) for k in fields)


def accept_after_attach(cli: Any, ws: Any, documents: list[Any]) -> list[dict[str, Any]]:
    """``attach --accept-proposed``: read each new document and fill its empty fields from it."""
    from parDesk.intake.service import accept_proposal, read_and_record

    out = []
    for doc in documents:
        read_and_record(ws, doc.id)
        result = accept_proposal(ws, doc.id)
        out.append({"id": doc.id, "applied": result.applied, "kept": result.kept})
        if not cli.args.json:
            if result.applied:
                print(t("icli.accepted", id=doc.id, fields=_field_names(result.applied)))
            if result.kept:
                print(t("icli.kept", id=doc.id, fields=_field_names(result.kept)))
            if not result.applied and not result.kept:
                print(t("icli.nothing", id=doc.id))
    return out


def reindex(cli: Any, ws: Any) -> dict[str, int]:
    from parDesk.intake.service import reindex as do_reindex

    r = do_reindex(ws, use_ocr=True)
    if not cli.args.json:
        print(t("icli.reindexed", docs=r.documents, pages=r.pages, failed=r.failed))
    return {"documents": r.documents, "pages": r.pages, "failed": r.failed}


def cmd_search(cli: Any) -> int:
    from parDesk.intake.service import search

    ws = cli.ws()
    hits = search(ws, cli.args.query)
    names = {d.id: d.number or d.original_name for d in ws.documents(document_ids=[h.document_id for h in hits])}

    def human() -> str:
        if not hits:
            return t("icli.no_hits", query=cli.args.query)
        return "\n".join(t("icli.hit", name=names.get(h.document_id, h.document_id), page=h.page, snippet=h.snippet)
                         for h in hits)

    cli.out(human, [{"document": h.document_id, "page": h.page, "snippet": h.snippet} for h in hits])
    return 0
