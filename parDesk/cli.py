"""``pardesk``: every operation of the service layer from a terminal.

Human-readable tables by default, ``--json`` for scripts. Exit status: 0 on
success, 1 when validation or a check finds problems, 2 on bad usage or bad
input (the message says which file / field and why). Vietnamese by default,
English with ``--lang en``. With no subcommand, ``pardesk`` opens the window.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from parDesk import __version__
from parDesk.i18n import ParDeskError, register, set_language, t

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

register({
    "cli.created": ("Đã tạo không gian làm việc tại {path}", "Workspace created at {path}"),
    "cli.saved": ("Đã lưu {code}: điểm {score}", "Saved {code}: score {score}"),
    "cli.saved_plain": ("Đã lưu {code}", "Saved {code}"),
    "cli.attached": ("Đã gắn tài liệu #{id} ({name}, {sha}) vào {code}", "Attached document #{id} ({name}, {sha}) to {code}"),
    "cli.detached": ("Đã gỡ tài liệu #{id} khỏi {code}", "Detached document #{id} from {code}"),
    "cli.linked": ("Đã liên kết tài liệu #{id} với {code}", "Linked document #{id} to {code}"),
    "cli.doc_updated": ("Đã cập nhật tài liệu #{id}", "Updated document #{id}"),
    "cli.warnings": ("Cảnh báo ({count}): tài liệu tỉnh có thể trả lại",
                     "Warnings ({count}): documents the province may send back"),
    "cli.valid": ("Sẵn sàng nộp: mọi nội dung đã hoàn thiện.", "Ready to submit: nothing is missing."),
    "cli.problems": ("Chưa thể nộp: còn {count} nội dung cần hoàn thiện:", "Not ready to submit: {count} thing(s) to finish:"),
    "cli.backup": ("Đã sao lưu: {path}", "Backup written: {path}"),
    "cli.check_ok": ("Kiểm tra toàn vẹn: tốt ({files} tệp, {mb} MB đã đối chiếu mã băm)",
                     "Integrity check: good ({files} file(s), {mb} MB verified against their hashes)"),
    "cli.check_bad": ("Kiểm tra toàn vẹn: {count} vấn đề", "Integrity check: {count} problem(s)"),
    "cli.gc": ("Đã xóa {count} tệp không còn được dùng", "Removed {count} unused file(s)"),
    "cli.total": ("Tổng điểm", "Total"),
    "cli.percent": ("Tỷ lệ", "Percentage"),
    "cli.rating": ("Xếp loại", "Rating"),
    "cli.completeness": ("Đã chấm", "Scored"),
    "cli.documents": ("Tài liệu kiểm chứng", "Evidence documents"),
    "cli.losing": ("Đang mất điểm ở đâu (lớn nhất trước)", "Where points are being lost (largest first)"),
    "cli.missing.input": ("chưa chấm", "no score"),
    "cli.missing.evidence": ("thiếu TLKC", "no evidence"),
    "cli.missing.explanation": ("thiếu giải trình", "no explanation"),
    "cli.col.code": ("Mã", "Code"),
    "cli.col.title": ("Nội dung", "Title"),
    "cli.col.max": ("Tối đa", "Max"),
    "cli.col.score": ("Điểm", "Score"),
    "cli.col.lost": ("Mất", "Lost"),
    "cli.col.missing": ("Còn thiếu", "Missing"),
    "cli.col.status": ("Trạng thái", "Status"),
    "cli.col.id": ("#", "#"),
    "cli.col.name": ("Tên tệp", "File name"),
    "cli.col.number": ("Số, ký hiệu", "Number"),
    "cli.col.date": ("Ngày", "Date"),
    "cli.col.issuer": ("Cơ quan ban hành", "Issuer"),
    "cli.col.subject": ("Trích yếu", "Subject"),
    "cli.col.leaves": ("Mục", "Items"),
    "cli.demo": ("Không gian làm việc mẫu: {path}", "Demo workspace: {path}"),
    "cli.bad_kv": ("cần dạng khóa=giá trị, không phải {value!r}", "expected key=value, not {value!r}"),
    "cli.no_workspace": ("Chưa có không gian làm việc tại {path}. Hãy tạo bằng 'pardesk init' hoặc thử 'pardesk demo'.",
                         "No workspace at {path}. Create one with 'pardesk init' or try 'pardesk demo'."),
    "cli.no_workspace_demo": (("Chưa có không gian làm việc tại {path}. Không gian làm việc mẫu nằm ở {demo}; "
                               "mở nó bằng -w, ví dụ: pardesk -w {demo_arg} status"),
                              ("No workspace at {path}. The demo workspace is at {demo}; "
                               "open it with -w, e.g.: pardesk -w {demo_arg} status")),
    "cli.framework": ("Bộ chỉ số", "Framework"),
    "cli.unit": ("Đơn vị", "Unit"),
    "cli.bonus": ("Điểm thưởng", "Bonus"),
    "cli.penalty": ("Điểm trừ", "Penalty"),
    "cli.undo_none": ("", ""),
})


def vn_number(value: Decimal | int | str | None) -> str:
    """Vietnamese number format: "0,5", "1.234,25"; "—" for no value."""
    if value is None:
        return "—"
    d = Decimal(str(value))
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def _table(rows: list[list[str]], headers: list[str], widths: dict[int, int] | None = None) -> str:
    widths = widths or {}
    cols = len(headers)
    cut = [[(c if len(c) <= widths.get(i, 10**6) else c[: widths[i] - 1] + "…") for i, c in enumerate(r)]
           for r in rows]
    size = [max([len(headers[i])] + [len(r[i]) for r in cut]) for i in range(cols)]
    line = "  ".join(h.ljust(size[i]) for i, h in enumerate(headers))
    out = [line, "  ".join("-" * size[i] for i in range(cols))]
    for r in cut:
        out.append("  ".join(r[i].ljust(size[i]) for i in range(cols)).rstrip())
    return "\n".join(out)


class CLI:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json = getattr(args, "json", False)

    def out(self, human: str | Callable[[], str], data: Any = None) -> None:
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(human() if callable(human) else human)

    def ws(self):
        from parDesk.workspace import DB_NAME, Workspace, default_workspace

        folder = Path(self.args.workspace) if self.args.workspace else default_workspace()
        if not (folder / DB_NAME).is_file():
            demo = _demo_folder_if_built()
            if demo is not None and not self.args.workspace:
                import shlex

                raise ParDeskError("cli.no_workspace_demo", path=str(folder), demo=str(demo),
                                   demo_arg=shlex.quote(str(demo)))
            raise ParDeskError("cli.no_workspace", path=str(folder))
        return Workspace(folder)


def _demo_folder_if_built() -> Path | None:
    """The default demo workspace's folder, if `pardesk demo` has built it (for the no-workspace hint)."""
    from parDesk.demo import default_demo_folder
    from parDesk.workspace import DB_NAME

    folder = default_demo_folder()
    return folder if (folder / DB_NAME).is_file() else None


# ---------------------------------------------------------------------------
# Commands


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


def resolve_framework_arg(value: str | None) -> Path:
    from parDesk.resources import framework_path

    if not value or value == "sample":
        return framework_path("sample-xa-2025.json")
    if value == "tiny":
        return framework_path("tiny-test.json")
    return Path(value)


def cmd_framework_show(cli: CLI) -> int:
    from parDesk.framework_files import read_framework_file
    from parDesk.models.framework import Leaf

    fw = read_framework_file(resolve_framework_arg(cli.args.file)) if cli.args.file else cli.ws().framework
    rows = []

    def walk(node: Any, depth: int) -> None:
        kind = node.rule.kind if isinstance(node, Leaf) else ""
        rows.append([node.code, "  " * depth + node.title, vn_number(node.max), kind])
        for child in getattr(node, "children", ()):
            walk(child, depth + 1)

    for area in fw.areas:
        walk(area, 0)
    for block in (fw.bonus, fw.penalty):
        for item in block.items:
            rows.append([item.code, f"[{block.title}] {item.title}", vn_number(item.max), item.rule.kind])
    head = (f"{fw.title}\n{fw.decision.number} ({fw.decision.date}, {fw.decision.issuer})\n"
            f"SHA-256 {fw.hash}\n")
    cli.out(lambda: head + _table(rows, [t("cli.col.code"), t("cli.col.title"), t("cli.col.max"), "rule"],
                                  {1: 90}),
            {"id": fw.id, "title": fw.title, "year": fw.year, "hash": fw.hash, "sample": fw.sample,
             "leaves": sum(1 for _ in fw.leaves()), "framework": fw.to_dict()})
    return EXIT_OK


def cmd_framework_import(cli: CLI) -> int:
    ws = cli.ws()
    path = Path(cli.args.file)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from parDesk.reports.xlsx import framework_from_xlsx  # type: ignore[import-not-found]

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
    cli.out(lambda: _table([["*" if r.hash == current else "", r.fw_id, str(r.year), r.hash[:16], r.title]
                            for r in rows], ["", "id", "year", "sha256", "title"], {4: 70}),
            [{"id": r.fw_id, "year": r.year, "hash": r.hash, "title": r.title, "current": r.hash == current}
             for r in rows])
    return EXIT_OK


def _parse_kv(items: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParDeskError("cli.bad_kv", value=item)
        out[key.strip()] = value.strip()
    return out


def _saved(cli: CLI, ws: Any, code: str) -> int:
    ans = ws.answer(code)
    cli.out(t("cli.saved", code=code, score=vn_number(ans.score)) if ans.score is not None
            else t("cli.saved_plain", code=code),
            {"code": code, "inputs": ans.inputs, "score": None if ans.score is None else str(ans.score),
             "not_applicable": ans.not_applicable, "explanation": ans.explanation})
    return EXIT_OK


def cmd_set(cli: CLI) -> int:
    ws = cli.ws()
    ws.set_inputs(cli.args.code, _parse_kv(cli.args.inputs))
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
    lines = [f"{leaf.code}  {leaf.title}", f"{t('cli.col.max')}: {vn_number(leaf.max)}   "
             f"{t('cli.col.score')}: {vn_number(summary.totals.leaf_scores.get(leaf.code))}   "
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
    results = ws.attach_many([(cli.args.code, path) for path in cli.args.files], page_ref=page, **meta)
    data = [{"id": d.id, "sha256": d.sha256, "name": d.original_name, "size": d.size} for d in results]
    if not cli.args.json:
        print("\n".join(t("cli.attached", id=d.id, name=d.original_name, sha=d.sha256[:12], code=cli.args.code)
                        for d in results))
    if cli.args.accept_proposed:
        from parDesk.intake.cli import accept_after_attach

        data = [row | accepted for row, accepted in zip(data, accept_after_attach(cli, ws, results))]
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
    cli.out(lambda: _table(rows, [t("cli.col.id"), t("cli.col.name"), t("cli.col.number"), t("cli.col.date"),
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
                 f"{t('cli.total')}: {vn_number(tt.total)} / {vn_number(tt.max_applicable)} "
                 f"({t('cli.bonus')} +{vn_number(tt.bonus)}, {t('cli.penalty')} −{vn_number(tt.penalty)})",
                 f"{t('cli.percent')}: {vn_number(tt.percent)} %   {t('cli.rating')}: {rating}",
                 f"{t('cli.completeness')}: {tt.completed}/{tt.to_score} ({vn_number(tt.completeness)} %)   "
                 f"{t('cli.documents')}: {s.documents}", "", t("cli.losing") + ":"]
        limit = cli.args.limit
        rows = [[lp.code, lp.title, vn_number(lp.max), vn_number(lp.score), vn_number(lp.at_stake),
                 _missing_text(lp.missing)] for lp in s.losing[:limit]]
        lines.append(_table(rows, [t("cli.col.code"), t("cli.col.title"), t("cli.col.max"), t("cli.col.score"),
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
                                     mb=vn_number(round(Decimal(report.bytes_checked) / 1048576, 1)))]
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
    cli.out(lambda: _table(rows, ["#", "at", "who", "action", "entity", "key", "new"]),
            [e.model_dump() for e in entries])
    return EXIT_OK


def cmd_unit(cli: CLI) -> int:
    ws = cli.ws()
    fields = _parse_kv(cli.args.fields) if cli.args.fields else {}
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


# ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pardesk", parents=[_common_options(top=True)],
                                description="parDesk — tự đánh giá Chỉ số cải cách hành chính cấp xã / "
                                            "PAR Index self-assessment for communes")
    p.add_argument("--version", action="version", version=f"pardesk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    # The same options again on every subcommand, so that `pardesk status -w DIR` works as well as
    # `pardesk -w DIR status`. Their defaults are SUPPRESS: a subcommand that was not given an option
    # leaves the value parsed before the subcommand alone instead of resetting it to None.
    common = _common_options(top=False)

    def add(name: str, func: Callable[[CLI], int], help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        sp = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        sp.set_defaults(func=func)
        return sp

    sp = add("init", cmd_init, "create a workspace: unit + framework")
    sp.add_argument("--unit-code", required=True, help="5-digit administrative code")
    sp.add_argument("--unit-name", required=True, help='e.g. "Ủy ban nhân dân xã Tân Lập"')
    sp.add_argument("--province", required=True)
    sp.add_argument("--leader-name")
    sp.add_argument("--leader-title")
    sp.add_argument("--place", help="place name for the date line")
    sp.add_argument("--officer", help="the officer's name, recorded in the audit log")
    sp.add_argument("--framework", default="sample",
                    help="framework file (JSON, or the province's filled XLSX template), or 'sample' (default)")
    sp.add_argument("--year", type=int)

    fw = sub.add_parser("framework", help="show / import / list frameworks")
    fws = fw.add_subparsers(dest="fw_command", metavar="ACTION", required=True)
    sp = add("show", cmd_framework_show, "show a framework (the workspace's, or FILE)", fws)
    sp.add_argument("file", nargs="?")
    sp = add("import", cmd_framework_import, "validate and import a framework (JSON or XLSX template)", fws)
    sp.add_argument("file")
    add("list", cmd_framework_list, "frameworks in the workspace", fws)

    sp = add("set", cmd_set, "set a leaf's inputs, e.g. set 3.1.2 numerator=95 denominator=100")
    sp.add_argument("code")
    sp.add_argument("inputs", nargs="+", metavar="KEY=VALUE")
    sp = add("score", cmd_score, "set a manual score, e.g. score 1.2.1 0,75")
    sp.add_argument("code")
    sp.add_argument("value")
    sp = add("clear", cmd_clear, "clear a leaf's inputs")
    sp.add_argument("code")
    sp = add("na", cmd_na, "declare a leaf not applicable (--off to undo)")
    sp.add_argument("code")
    sp.add_argument("--off", action="store_true")
    sp = add("explain", cmd_explain, "write a leaf's explanation (giải trình)")
    sp.add_argument("code")
    sp.add_argument("text", nargs="?")
    sp.add_argument("--file", help="read the explanation from a UTF-8 text file")
    sp = add("show", cmd_show, "one leaf: rule, inputs, score, evidence, problems")
    sp.add_argument("code")

    ev = sub.add_parser("evidence", help="attach / detach / link / edit / list evidence documents")
    evs = ev.add_subparsers(dest="ev_command", metavar="ACTION", required=True)

    def meta(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--number", help="số, ký hiệu, e.g. 15/KH-UBND")
        sp.add_argument("--date", help="issue date, YYYY-MM-DD or DD/MM/YYYY")
        sp.add_argument("--issuer", help="cơ quan ban hành")
        sp.add_argument("--subject", help="trích yếu")
        sp.add_argument("--page", help="page / section pointer")

    sp = add("attach", cmd_attach, "store files and link them to a leaf", evs)
    sp.add_argument("code")
    sp.add_argument("files", nargs="+")
    meta(sp)
    sp.add_argument("--accept-proposed", action="store_true",
                    help="fill the metadata not given here from the document's own text (for scripts)")
    sp = add("read", lambda cli: __import__("parDesk.intake.cli", fromlist=["x"]).cmd_read(cli),
             "what would be proposed for FILE: number, date, issuer, type, subject, quality", evs)
    sp.add_argument("file")
    sp.add_argument("--no-ocr", action="store_true", help="do not OCR scans")
    sp = add("search", lambda cli: __import__("parDesk.intake.cli", fromlist=["x"]).cmd_search(cli),
             "find words inside the documents' text (with or without accents)", evs)
    sp.add_argument("query")
    sp = add("detach", cmd_detach, "unlink a document from a leaf", evs)
    sp.add_argument("code")
    sp.add_argument("document", type=int)
    sp = add("link", cmd_link, "link an already stored document to another leaf", evs)
    sp.add_argument("code")
    sp.add_argument("document", type=int)
    sp.add_argument("--page")
    sp = add("edit", cmd_doc_edit, "edit a document's metadata", evs)
    sp.add_argument("document", type=int)
    meta(sp)
    sp = add("list", cmd_evidence_list, "list documents", evs)
    sp.add_argument("--code")
    sp.add_argument("--unlinked", action="store_true")
    sp.add_argument("--missing-metadata", action="store_true")
    sp.add_argument("--search")

    sp = add("status", cmd_status, "totals, rating, completeness and where points are lost")
    sp.add_argument("--limit", type=int, default=15)
    add("validate", cmd_validate, "ready to submit? every blocking problem (exit 1 if any)")
    add("backup", cmd_backup, "back up the database now")
    sp = add("check", cmd_check, "integrity check: database and every evidence file's hash")
    sp.add_argument("--reindex", action="store_true", help="read every document again: search index and quality")
    add("gc", cmd_gc, "remove evidence files no longer used")
    sp = add("audit", cmd_audit, "the audit log, newest first")
    sp.add_argument("--limit", type=int, default=30)
    sp = add("unit", cmd_unit, "show or edit the unit, e.g. unit leader_name='Nguyễn Văn B'")
    sp.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
    sp = add("demo", cmd_demo, "build (once) a realistic demo workspace and print its status")
    sp.add_argument("--path", help="where to build it (default: the user data folder's demo)")
    sp.add_argument("--rebuild", action="store_true")
    sp.add_argument("--limit", type=int, default=15)

    sp = add("self-check", lambda cli: __import__("parDesk.selfcheck", fromlist=["x"]).main_self_check(cli.args.gui),
             "check this installation: resources, a demo workspace end to end (and the window with --gui)")
    sp.add_argument("--gui", action="store_true")

    for extra in _extensions():
        extra(sub, add)
    return p


def _common_options(top: bool) -> argparse.ArgumentParser:
    """-w, --lang and --json, accepted both before and after the subcommand.

    The top-level parser holds the real defaults; the copies on the subcommands
    default to SUPPRESS so they only set what was typed after the subcommand.
    """
    common = argparse.ArgumentParser(add_help=False)
    keep = {} if top else {"default": argparse.SUPPRESS}
    common.add_argument("-w", "--workspace", **({"default": None} | keep),
                        help="workspace folder (default: the user data folder, or $PARDESK_WORKSPACE)")
    common.add_argument("--lang", choices=("vi", "en"), **({"default": None} | keep),
                        help="message language (default vi)")
    common.add_argument("--json", action="store_true", **({"default": False} | keep),
                        help="machine-readable output")
    return common


def _extensions() -> list[Callable[..., None]]:
    """Subcommands contributed by feature modules (package, reports, sync)."""
    import importlib
    import importlib.util

    found = []
    for module_name in ("parDesk.package.cli", "parDesk.reports.cli", "parDesk.sync.cli"):
        try:
            spec = importlib.util.find_spec(module_name)
        except ModuleNotFoundError:  # the feature's package is not in this build
            spec = None
        if spec is None:  # a build without that feature: no subcommand
            continue
        module = importlib.import_module(module_name)  # a broken subcommand fails loudly, never silently
        found.append(module.register_commands)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("--gui"):
        try:
            from parDesk.app import main as gui_main  # the window, only when asked for
        except ImportError as exc:  # no Qt on this machine: say so, show the demo's status instead
            print(f"parDesk: the window is unavailable ({exc}); showing the demo workspace's status.",
                  file=sys.stderr)
            argv = ["demo"]
        else:
            return gui_main(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    lang = args.lang or os.environ.get("PARDESK_LANG") or "vi"
    args.lang = lang
    set_language(lang)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    cli = CLI(args)
    try:
        return args.func(cli)
    except ParDeskError as exc:
        from parDesk.labels import person_message

        print(t("cli.error_prefix") + person_message(exc, lang), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `pardesk … | head`
        sys.stderr.close()
        return EXIT_OK
    except (OSError, sqlite3.Error) as exc:
        err = _environment_error(exc, args)
        print(t("cli.error_prefix") + err.message(lang), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        if type(exc).__module__.startswith("sqlalchemy") and isinstance(getattr(exc, "orig", None), sqlite3.Error):
            err = _environment_error(exc, args)
            print(t("cli.error_prefix") + err.message(lang), file=sys.stderr)
            return EXIT_USAGE
        raise
    except KeyboardInterrupt:
        return 130


def _environment_error(exc: BaseException, args: argparse.Namespace) -> ParDeskError:
    """A disk or file problem the operation met, in words: read-only, full (with the free space), or the OS's reason."""
    from parDesk.diskerrors import disk_error
    from parDesk.workspace import default_workspace

    folder = Path(args.workspace) if getattr(args, "workspace", None) else default_workspace()
    err = disk_error(exc, folder)
    if err is not None:
        return err
    where = getattr(exc, "filename", None)
    reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", None) or exc)
    return ParDeskError("cli.os_error", where=str(where) if where else str(folder), reason=reason)


register({"cli.error_prefix": ("Lỗi: ", "Error: "), "cli.warning_prefix": ("Lưu ý: ", "Warning: "),
          "cli.os_error": ("không thực hiện được: {reason}", "could not be done: {reason}")})

if __name__ == "__main__":
    sys.exit(main())
