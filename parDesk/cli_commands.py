"""The handlers of ``pardesk``'s own subcommands: each one core call and its output.

Why a module of its own: a handler is parsing done, one :class:`~parDesk.workspace.Workspace`
call, and a human table or ``--json``; the parser and the error mapping
(:mod:`parDesk.cli`) are a different job. The feature modules (package, reports,
sync, intake) keep their handlers beside their code, in their own ``cli.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from parDesk.cli_base import CLI, EXIT_OK, EXIT_PROBLEMS, parse_kv, resolve_framework_arg, table
from parDesk.i18n import t


def cmd_init(cli: CLI) -> int:
    from parDesk.workspace import UnitInfo, Workspace, default_workspace

    a = cli.args
    folder = Path(a.workspace) if a.workspace else default_workspace()
    unit = UnitInfo(admin_code=a.unit_code, name=a.unit_name, province=a.province,
                    leader_name=a.leader_name or "", leader_title=a.leader_title or "Chủ tịch",
                    place=a.place or "", officer_name=a.officer or "")
    from parDesk.framework_files import other_province, read_framework_file
    from parDesk.labels import person_message

    framework = read_framework_file(resolve_framework_arg(a.framework))  # JSON or the filled XLSX template
    warning = other_province(framework, unit.province)
    if warning is not None:
        print(t("cli.warning_prefix") + person_message(warning), file=sys.stderr)
    ws = Workspace.create(folder, unit, framework, year=a.year)
    cli.out(t("cli.created", path=str(folder)), {"workspace": str(folder), "framework": ws.framework.hash})
    return EXIT_OK



def cmd_framework_show(cli: CLI) -> int:
    from parDesk.framework_files import read_framework_file
    from parDesk.models.framework import Leaf

    fw = read_framework_file(resolve_framework_arg(cli.args.file)) if cli.args.file else cli.ws().framework
    rows = []

    def walk(node: Any, depth: int) -> None:
        kind = node.rule.kind if isinstance(node, Leaf) else ""
        rows.append([node.code, "  " * depth + node.title, cli.num(node.max), kind])
        for child in getattr(node, "children", ()):
            walk(child, depth + 1)

    for area in fw.areas:
        walk(area, 0)
    for block in (fw.bonus, fw.penalty):
        for item in block.items:
            rows.append([item.code, f"[{block.title}] {item.title}", cli.num(item.max), item.rule.kind])
    head = (f"{fw.title}\n{fw.decision.number} ({fw.decision.date}, {fw.decision.issuer})\n"
            f"SHA-256 {fw.hash}\n")
    cli.out(lambda: head + table(rows, [t("cli.col.code"), t("cli.col.title"), t("cli.col.max"), "rule"],
                                  {1: 90}),
            {"id": fw.id, "title": fw.title, "year": fw.year, "hash": fw.hash, "sample": fw.sample,
             "leaves": sum(1 for _ in fw.leaves()), "framework": fw.to_dict()})
    return EXIT_OK


def cmd_framework_import(cli: CLI) -> int:
    ws = cli.ws()
    path = Path(cli.args.file)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from parDesk.reports.xlsx import framework_from_xlsx

        fw = framework_from_xlsx(path)
        from parDesk.fsutil import atomic_write_bytes

        json_path = ws.folder / "frameworks" / f"{fw.id}.json"
        atomic_write_bytes(json_path, fw.canonical_bytes())
        fw = ws.import_framework(json_path)
    else:
        fw = ws.import_framework(path)
    cli.out(f"{fw.title}\nSHA-256 {fw.hash}", {"id": fw.id, "hash": fw.hash})
    return EXIT_OK


def cmd_framework_list(cli: CLI) -> int:
    ws = cli.ws()
    rows = ws.frameworks()
    current = ws.framework.hash
    cli.out(lambda: table([["*" if r.hash == current else "", r.fw_id, str(r.year), r.hash[:16], r.title]
                            for r in rows], ["", "id", "year", "sha256", "title"], {4: 70}),
            [{"id": r.fw_id, "year": r.year, "hash": r.hash, "title": r.title, "current": r.hash == current}
             for r in rows])
    return EXIT_OK



def _saved(cli: CLI, ws: Any, code: str) -> int:
    ans = ws.answer(code)
    cli.out(t("cli.saved", code=code, score=cli.num(ans.score)) if ans.score is not None
            else t("cli.saved_plain", code=code),
            {"code": code, "inputs": ans.inputs, "score": None if ans.score is None else str(ans.score),
             "not_applicable": ans.not_applicable, "explanation": ans.explanation})
    return EXIT_OK


def cmd_set(cli: CLI) -> int:
    ws = cli.ws()
    ws.set_inputs(cli.args.code, parse_kv(cli.args.inputs))
    return _saved(cli, ws, cli.args.code)


def cmd_score(cli: CLI) -> int:
    ws = cli.ws()
    ws.set_score(cli.args.code, cli.args.value)
    return _saved(cli, ws, cli.args.code)


def cmd_clear(cli: CLI) -> int:
    ws = cli.ws()
    ws.clear_inputs(cli.args.code)
    return _saved(cli, ws, cli.args.code)


def cmd_na(cli: CLI) -> int:
    ws = cli.ws()
    ws.set_not_applicable(cli.args.code, not cli.args.off)
    return _saved(cli, ws, cli.args.code)


def cmd_explain(cli: CLI) -> int:
    ws = cli.ws()
    text = Path(cli.args.file).read_text(encoding="utf-8") if cli.args.file else (cli.args.text or "")
    ws.set_explanation(cli.args.code, text)
    return _saved(cli, ws, cli.args.code)


def cmd_show(cli: CLI) -> int:
    ws = cli.ws()
    leaf = ws.framework.leaf(cli.args.code)
    ans = ws.answer(leaf.code)
    summary = ws.summary()
    st = summary.statuses[leaf.code]
    docs = ws.documents(code=leaf.code)
    lines = [f"{leaf.code}  {leaf.title}", f"{t('cli.col.max')}: {cli.num(leaf.max)}   "
             f"{t('cli.col.score')}: {cli.num(summary.totals.leaf_scores.get(leaf.code))}   "
             f"{t('cli.col.status')}: {t('status.' + st.status)}",
             f"rule: {leaf.rule.kind}  inputs: {json.dumps(ans.inputs, ensure_ascii=False)}"]
    if ans.not_applicable:
        lines.append(t("status.not_applicable"))
    if ans.explanation:
        lines.append(f"giải trình: {ans.explanation}")
    for d in docs:
        lines.append(f"  #{d.id} {d.original_name}  {d.number}  {d.issued_date}  {d.subject}")
    for p in st.problems:
        lines.append("  ! " + p.message())
    cli.out("\n".join(lines), {"code": leaf.code, "title": leaf.title, "max": str(leaf.max),
                               "score": _s(summary.totals.leaf_scores.get(leaf.code)), "inputs": ans.inputs,
                               "not_applicable": ans.not_applicable, "explanation": ans.explanation,
                               "status": st.status, "problems": [p.message() for p in st.problems],
                               "documents": [d.id for d in docs]})
    return EXIT_OK


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def _meta_args(a: argparse.Namespace) -> dict[str, str]:
    return {k: v for k, v in (("number", a.number), ("issued_date", a.date), ("issuer", a.issuer),
                              ("subject", a.subject), ("page_ref", a.page)) if v is not None}


def cmd_attach(cli: CLI) -> int:
    ws = cli.ws()
    meta = _meta_args(cli.args)
    page = meta.pop("page_ref", "")
    results = ws.attach_many([(cli.args.code, path) for path in cli.args.files], progress=None, cancel=None,
                             page_ref=page, **meta)
    data = [{"id": d.id, "sha256": d.sha256, "name": d.original_name, "size": d.size} for d in results]
    if not cli.args.json:
        print("\n".join(t("cli.attached", id=d.id, name=d.original_name, sha=d.sha256[:12], code=cli.args.code)
                        for d in results))
    if cli.args.accept_proposed:
        from parDesk.intake.cli import accept_after_attach

        data = [row | accepted for row, accepted in zip(data, accept_after_attach(cli, ws, results), strict=True)]
    if cli.args.json:
        cli.out("", data)
    return EXIT_OK


def cmd_detach(cli: CLI) -> int:
    ws = cli.ws()
    ws.detach(cli.args.code, cli.args.document)
    cli.out(t("cli.detached", id=cli.args.document, code=cli.args.code), {"ok": True})
    return EXIT_OK


def cmd_link(cli: CLI) -> int:
    ws = cli.ws()
    ws.link(cli.args.code, cli.args.document, page_ref=cli.args.page or "")
    cli.out(t("cli.linked", id=cli.args.document, code=cli.args.code), {"ok": True})
    return EXIT_OK


def cmd_doc_edit(cli: CLI) -> int:
    ws = cli.ws()
    ws.update_document(cli.args.document, **_meta_args(cli.args))
    cli.out(t("cli.doc_updated", id=cli.args.document), {"ok": True})
    return EXIT_OK


def cmd_evidence_list(cli: CLI) -> int:
    ws = cli.ws()
    docs = ws.documents(code=cli.args.code, unlinked=cli.args.unlinked,
                        missing_metadata=cli.args.missing_metadata, search=cli.args.search or "")
    rows = [[str(d.id), d.original_name, d.number, d.issued_date, d.issuer, d.subject, ",".join(d.codes)]
            for d in docs]
    cli.out(lambda: table(rows, [t("cli.col.id"), t("cli.col.name"), t("cli.col.number"), t("cli.col.date"),
                                  t("cli.col.issuer"), t("cli.col.subject"), t("cli.col.leaves")],
                           {1: 40, 4: 30, 5: 50}),
            [d.__dict__ | {"codes": list(d.codes)} for d in docs])
    return EXIT_OK


def _missing_text(items: Sequence[str]) -> str:
    return ", ".join(t("cli.missing." + m) for m in items)


def cmd_status(cli: CLI) -> int:
    ws = cli.ws()
    s = ws.summary()
    tt = s.totals
    unit = ws.unit()
    data = {
        "unit": unit.__dict__, "framework": {"id": ws.framework.id, "hash": ws.framework.hash},
        "total": str(tt.total), "base": str(tt.base), "bonus": str(tt.bonus), "penalty": str(tt.penalty),
        "max": str(tt.max), "max_applicable": str(tt.max_applicable), "percent": str(tt.percent),
        "rating": tt.rating, "completed": tt.completed, "to_score": tt.to_score,
        "completeness": str(tt.completeness), "documents": s.documents, "problems": len(s.problems),
        "losing": [{"code": lp.code, "title": lp.title, "max": str(lp.max), "score": _s(lp.score),
                    "at_stake": str(lp.at_stake), "missing": list(lp.missing)} for lp in s.losing],
    }

    def human() -> str:
        rating = (tt.rating if cli.args.lang != "en" else tt.rating_en) if tt.completed else "—"
        lines = [f"{t('cli.unit')}: {unit.name} ({unit.admin_code}), {unit.province}",
                 f"{t('cli.framework')}: {ws.framework.title}",
                 f"{t('cli.total')}: {cli.num(tt.total)} / {cli.num(tt.max_applicable)} "
                 f"({t('cli.bonus')} +{cli.num(tt.bonus)}, {t('cli.penalty')} −{cli.num(tt.penalty)})",
                 f"{t('cli.percent')}: {cli.num(tt.percent)} %   {t('cli.rating')}: {rating}",
                 f"{t('cli.completeness')}: {tt.completed}/{tt.to_score} ({cli.num(tt.completeness)} %)   "
                 f"{t('cli.documents')}: {s.documents}", "", t("cli.losing") + ":"]
        limit = cli.args.limit
        rows = [[lp.code, lp.title, cli.num(lp.max), cli.num(lp.score), cli.num(lp.at_stake),
                 _missing_text(lp.missing)] for lp in s.losing[:limit]]
        lines.append(table(rows, [t("cli.col.code"), t("cli.col.title"), t("cli.col.max"), t("cli.col.score"),
                                   t("cli.col.lost"), t("cli.col.missing")], {1: 60}))
        if len(s.losing) > limit:
            lines.append(f"… (+{len(s.losing) - limit})")
        return "\n".join(lines)

    cli.out(human, data)
    return EXIT_OK


def cmd_validate(cli: CLI) -> int:
    from parDesk.intake.service import evidence_warnings

    ws = cli.ws()
    problems = ws.validate()
    warnings = evidence_warnings(ws)  # documents the province would send back: said, not blocking
    warning_lines = "".join("\n  ! " + w.message() for w in warnings)
    warning_data = [{"code": w.where, "key": w.key, "message": w.message()} for w in warnings]
    if not problems:
        cli.out(lambda: t("cli.valid") + (("\n" + t("cli.warnings", count=len(warnings)) + warning_lines)
                                          if warnings else ""),
                {"ready": True, "problems": [], "warnings": warning_data})
        return EXIT_OK
    cli.out(lambda: t("cli.problems", count=len(problems)) + "\n" + "\n".join("  - " + p.message() for p in problems)
            + (("\n" + t("cli.warnings", count=len(warnings)) + warning_lines) if warnings else ""),
            {"ready": False, "problems": [{"code": p.where, "key": p.key, "message": p.message()} for p in problems],
             "warnings": warning_data})
    return EXIT_PROBLEMS


def cmd_backup(cli: CLI) -> int:
    from parDesk.maintenance import backup

    ws = cli.ws()
    path = backup(ws.folder, reason="manual")
    cli.out(t("cli.backup", path=str(path)), {"path": str(path)})
    return EXIT_OK


def cmd_check(cli: CLI) -> int:
    from parDesk.maintenance import check

    ws = cli.ws()
    reindexed = None
    if cli.args.reindex:
        from parDesk.intake.cli import reindex

        reindexed = reindex(cli, ws)
    report = check(ws)
    data = {"reindexed": reindexed, "ok": report.ok, "problems": [p.message() for p in report.problems],
            "notes": [n.message() for n in report.notes], "files": report.files_checked,
            "bytes": report.bytes_checked, "temps_removed": report.temps_removed}
    if report.ok:
        cli.out(lambda: "\n".join([t("cli.check_ok", files=report.files_checked,
                                     mb=cli.num(round(Decimal(report.bytes_checked) / 1048576, 1)))]
                                  + ["  · " + n.message() for n in report.notes]), data)
        return EXIT_OK
    cli.out(lambda: t("cli.check_bad", count=len(report.problems)) + "\n"
            + "\n".join("  - " + p.message() for p in report.problems), data)
    return EXIT_PROBLEMS


def cmd_gc(cli: CLI) -> int:
    from parDesk.maintenance import gc

    removed = gc(cli.ws())
    cli.out(t("cli.gc", count=len(removed)), {"removed": removed})
    return EXIT_OK


def cmd_audit(cli: CLI) -> int:
    ws = cli.ws()
    entries = ws.audit(limit=cli.args.limit)
    rows = [[str(e.id), e.at, e.actor, e.action, e.entity, e.entity_key, e.new[:60]] for e in entries]
    cli.out(lambda: table(rows, ["#", "at", "who", "action", "entity", "key", "new"]),
            [e.model_dump() for e in entries])
    return EXIT_OK


def cmd_unit(cli: CLI) -> int:
    ws = cli.ws()
    fields = parse_kv(cli.args.fields) if cli.args.fields else {}
    if fields:
        ws.update_unit(**fields)
    unit = ws.unit()
    cli.out(lambda: "\n".join(f"{k}: {v}" for k, v in unit.__dict__.items()), unit.__dict__)
    return EXIT_OK


def cmd_demo(cli: CLI) -> int:
    from parDesk.demo import ensure_demo_workspace

    folder = ensure_demo_workspace(Path(cli.args.path) if cli.args.path else None, rebuild=cli.args.rebuild)
    cli.args.workspace = str(folder)
    if not cli.json:
        print(t("cli.demo", path=str(folder)))
    return cmd_status(cli)

def cmd_evidence_read(cli: CLI) -> int:
    from parDesk.intake.cli import cmd_read

    return cmd_read(cli)


def cmd_evidence_search(cli: CLI) -> int:
    from parDesk.intake.cli import cmd_search

    return cmd_search(cli)


def cmd_self_check(cli: CLI) -> int:
    from parDesk.selfcheck import main_self_check

    return main_self_check(cli.args.gui)
