"""``pardesk``: every operation of the service layer from a terminal.

Human-readable tables by default, ``--json`` for scripts. Exit status: 0 on
success, 1 when validation or a check finds problems, 2 on bad usage or bad
input (the message says which file / field and why). Vietnamese by default,
English with ``--lang en``. With no subcommand, ``pardesk`` opens the window.

This module is the entry point (``pardesk = parDesk.cli:main``): the parser,
the options shared by every subcommand, and the mapping of errors to messages
and exit codes. The handlers are in :mod:`parDesk.cli_commands`, what they
share in :mod:`parDesk.cli_base`.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from parDesk import __version__
from parDesk.cli_base import CLI, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from parDesk.cli_commands import (
    cmd_attach,
    cmd_audit,
    cmd_backup,
    cmd_check,
    cmd_clear,
    cmd_demo,
    cmd_detach,
    cmd_doc_edit,
    cmd_evidence_list,
    cmd_evidence_read,
    cmd_evidence_search,
    cmd_explain,
    cmd_framework_import,
    cmd_framework_list,
    cmd_framework_show,
    cmd_gc,
    cmd_init,
    cmd_link,
    cmd_na,
    cmd_score,
    cmd_self_check,
    cmd_set,
    cmd_show,
    cmd_status,
    cmd_unit,
    cmd_validate,
)
from parDesk.i18n import ParDeskError, set_language, t

__all__ = ["CLI", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main"]

Subparsers = argparse._SubParsersAction  # the type argparse's add_subparsers() returns


class AddCommand(Protocol):
    """The ``add`` helper handed to the feature modules' ``register_commands(sub, add)``."""

    def __call__(self, name: str, func: Callable[[CLI], int], help_text: str,
                 parent: Subparsers[argparse.ArgumentParser] | None = None) -> argparse.ArgumentParser: ...


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

    def add(name: str, func: Callable[[CLI], int], help_text: str,
            parent: Subparsers[argparse.ArgumentParser] | None = None) -> argparse.ArgumentParser:
        sp = (parent or sub).add_parser(name, parents=[common], help=help_text, description=help_text)
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
    sp = add("read", cmd_evidence_read,
             "what would be proposed for FILE: number, date, issuer, type, subject, quality", evs)
    sp.add_argument("file")
    sp.add_argument("--no-ocr", action="store_true", help="do not OCR scans")
    sp = add("search", cmd_evidence_search,
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

    sp = add("self-check", cmd_self_check,
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

    def default(value: object) -> object:
        return value if top else argparse.SUPPRESS

    common.add_argument("-w", "--workspace", default=default(None),
                        help="workspace folder (default: the user data folder, or $PARDESK_WORKSPACE)")
    common.add_argument("--lang", choices=("vi", "en"), default=default(None),
                        help="message language (default vi)")
    common.add_argument("--json", action="store_true", default=default(False),
                        help="machine-readable output")
    return common


def _extensions() -> list[Callable[..., None]]:
    """Subcommands contributed by feature modules (package, reports, sync)."""
    import importlib
    import importlib.util

    found: list[Callable[..., None]] = []
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
        # The window, only when asked for. PySide6 is imported inside the app's main, so the whole call is
        # guarded; only PySide6 itself missing means "no Qt on this machine". Any other import error (a
        # broken module of ours, another missing dependency) propagates: it must fail loudly.
        try:
            from parDesk.app import main as gui_main

            return gui_main(argv)
        except ModuleNotFoundError as exc:
            if not is_missing_qt(exc):
                raise
            print(f"parDesk: the window is unavailable ({exc}); showing the demo workspace's status.",
                  file=sys.stderr)
            argv = ["demo"]
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
    func: Callable[[CLI], int] = args.func
    try:
        return func(cli)
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


def is_missing_qt(exc: ModuleNotFoundError) -> bool:
    """Is this the window's toolkit missing (PySide6 or one of its modules), not one of ours?"""
    name = exc.name or ""
    return name == "PySide6" or name.startswith("PySide6.")


def _environment_error(exc: BaseException, args: argparse.Namespace) -> ParDeskError:
    """A disk or file problem the operation met, in words: read-only, full (with the free space), or the OS's
    reason."""
    from parDesk.diskerrors import disk_error
    from parDesk.workspace import default_workspace

    folder = Path(args.workspace) if getattr(args, "workspace", None) else default_workspace()
    err = disk_error(exc, folder)
    if err is not None:
        return err
    where = getattr(exc, "filename", None)
    reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", None) or exc)
    return ParDeskError("cli.os_error", where=str(where) if where else str(folder), reason=reason)



if __name__ == "__main__":
    sys.exit(main())
