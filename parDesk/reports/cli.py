"""`pardesk report …`, `pardesk export xlsx`, `pardesk import xlsx`, `pardesk framework template`.

Forms render from the current assessment's snapshot (or, with ``--package``,
from the ``data/assessment.json`` inside a verified package, the way the
province prints what it received).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError, register, t

register({
    "rep.written": ("Đã ghi {path} ({pages} trang)", "Wrote {path} ({pages} pages)"),
    "rep.written_plain": ("Đã ghi {path}", "Wrote {path}"),
    "rep.no_changes": ("Không có gì thay đổi.", "Nothing would change."),
    "rep.dry_run": ("Chạy thử — sẽ thay đổi {count} mục:", "Dry run — {count} items would change:"),
    "rep.imported": ("Đã nhập {count} mục từ bảng tính.", "Imported {count} items from the spreadsheet."),
    "rep.errors": ("Không nhập gì: bảng tính có {count} lỗi:",
                   "Nothing imported: the spreadsheet has {count} problems:"),
    "rep.package_invalid": ("gói không hợp lệ, không in từ gói này", "the package is not valid; not printing from it"),
    "rep.no_package": ("chưa có gói đã ký; biên nhận cần gói", "no signed package yet; the receipt sheet needs one"),
})

FORMS = ("checklist", "table", "letter", "receipt")


def _snapshot(cli: Any) -> tuple[Mapping[str, Any], Any]:
    if getattr(cli.args, "package", None):
        import zipfile

        from parDesk.package.checks import verify_submission

        report = verify_submission(cli.args.package)
        if not report.valid:
            raise ParDeskError("rep.package_invalid", where=cli.args.package)
        with zipfile.ZipFile(cli.args.package) as z:
            return json.loads(z.read("data/assessment.json")), None
    from parDesk.snapshot import build_snapshot

    ws = cli.ws()
    return build_snapshot(ws), ws


def cmd_report(cli: Any) -> int:
    from parDesk import reports

    snap, ws = _snapshot(cli)
    out = Path(cli.args.out)
    lang = cli.args.lang
    kind = cli.args.form
    if kind == "checklist":
        result = reports.render_checklist(snap, out, lang=lang, number=cli.args.number)
    elif kind == "table":
        result = reports.render_table(snap, out, lang=lang, number=cli.args.number)
    elif kind == "letter":
        result = reports.render_letter(snap, out, number=cli.args.number, lang=lang)
    else:
        from parDesk.package.submission import packages

        if ws is None:
            import hashlib

            sha = hashlib.sha256(Path(cli.args.package).read_bytes()).hexdigest()
            receipt = None
        else:
            rows = packages(ws)
            if not rows:
                raise ParDeskError("rep.no_package")
            sha = rows[-1].sha256
            receipt = _receipt_for(ws, rows[-1].id)
        result = reports.render_receipt_sheet(snap, out, sha, receipt, lang=lang)
    pages = getattr(result, "pages", None)
    cli.out(t("rep.written", path=str(out), pages=pages) if pages else t("rep.written_plain", path=str(out)),
            {"path": str(out), "pages": pages})
    return 0


def _receipt_for(ws: Any, package_id: int) -> dict[str, Any] | None:
    from sqlmodel import select

    from parDesk.models.tables import Outbox

    with ws.reader() as s:
        box = s.exec(select(Outbox).where(Outbox.package_id == package_id)).first()
    if box is None or not box.receipt:
        return None
    try:
        data = json.loads(box.receipt)
    except json.JSONDecodeError:
        return None
    body = data.get("receipt", data) if isinstance(data, dict) else None
    return {k: v for k, v in body.items() if not isinstance(v, (dict, list))} if isinstance(body, dict) else None


def cmd_export_xlsx(cli: Any) -> int:
    from parDesk.reports import export_xlsx
    from parDesk.snapshot import build_snapshot

    ws = cli.ws()
    out = Path(cli.args.out)
    export_xlsx(build_snapshot(ws), out, ws.framework, lang=cli.args.lang)
    cli.out(t("rep.written_plain", path=str(out)), {"path": str(out)})
    return 0


def cmd_import_xlsx(cli: Any) -> int:
    """Nothing is imported unless every cell is valid; --dry-run shows what would change."""
    from parDesk.reports import describe_changes, read_answers_xlsx

    ws = cli.ws()
    current = {code: (a.inputs or None) for code, a in ws.answers().items()}
    changes, errors = read_answers_xlsx(cli.args.file, ws.framework, current=current)
    if errors:
        cli.out(lambda: t("rep.errors", count=len(errors)) + "\n" + "\n".join("  - " + e.message() for e in errors),
                {"imported": 0, "errors": [{"where": e.where, "message": e.message()} for e in errors]})
        return 2
    lines = describe_changes(changes, current)
    if cli.args.dry_run or not changes:
        head = t("rep.dry_run", count=len(changes)) if changes else t("rep.no_changes")
        cli.out(lambda: "\n".join([head] + ["  " + ln for ln in lines]),
                {"dry_run": True, "changes": [{"code": c, "inputs": i} for c, i in changes]})
        return 0
    ws.import_inputs(changes, source=Path(cli.args.file).name)
    cli.out(lambda: "\n".join([t("rep.imported", count=len(changes))] + ["  " + ln for ln in lines]),
            {"imported": len(changes), "changes": [{"code": c, "inputs": i} for c, i in changes]})
    return 0


def cmd_framework_template(cli: Any) -> int:
    from parDesk.reports import write_framework_template

    out = Path(cli.args.out)
    write_framework_template(out)
    cli.out(t("rep.written_plain", path=str(out)), {"path": str(out)})
    return 0


def register_commands(sub: Any, add: Callable[..., Any]) -> None:
    sp = add("report", cmd_report, "print a form as PDF: checklist, table, letter or receipt")
    sp.add_argument("form", choices=FORMS)
    sp.add_argument("--out", required=True)
    sp.add_argument("--number", help="số, ký hiệu of the document, e.g. 15/UBND-VP")
    sp.add_argument("--package", help="render from a (verified) package instead of the workspace")
    ex = sub.add_parser("export", help="export the scoring table")
    exs = ex.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    sp = add("xlsx", cmd_export_xlsx, "the scoring table as a live spreadsheet", exs)
    sp.add_argument("--out", required=True)
    im = sub.add_parser("import", help="import answers filled in offline")
    ims = im.add_subparsers(dest="import_command", metavar="FORMAT", required=True)
    sp = add("xlsx", cmd_import_xlsx, "answers from an exported spreadsheet (all or nothing)", ims)
    sp.add_argument("file")
    sp.add_argument("--dry-run", action="store_true")
    sp = add("framework-template", cmd_framework_template, "write the empty framework spreadsheet template")
    sp.add_argument("--out", required=True)
