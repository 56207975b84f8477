"""What every ``pardesk`` command shares: the messages, exit codes, the table printer, and
the :class:`CLI` context a handler receives (the parsed options, the output mode, the workspace).

Why a module of its own: the handlers (:mod:`parDesk.cli_commands` and the
feature modules' ``*/cli.py``) and the entry point (:mod:`parDesk.cli`) both
need these, and neither may import the other (``python -m parDesk.cli`` runs
the entry point as ``__main__``; a handler importing it would load it twice).
Numbers are printed through :mod:`parDesk.numfmt` in the language chosen with
``--lang``, so ``--lang en`` prints "1,234.5" and the default prints "1.234,5".
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parDesk.i18n import ParDeskError, get_language, register
from parDesk.numfmt import Number, fmt_number

if TYPE_CHECKING:
    from parDesk.workspace import Workspace

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

register({
    "cli.created": ("Đã tạo không gian làm việc tại {path}", "Workspace created at {path}"),
    "cli.saved": ("Đã lưu {code}: điểm {score}", "Saved {code}: score {score}"),
    "cli.saved_plain": ("Đã lưu {code}", "Saved {code}"),
    "cli.attached": ("Đã gắn tài liệu #{id} ({name}, {sha}) vào {code}",
                     "Attached document #{id} ({name}, {sha}) to {code}"),
    "cli.detached": ("Đã gỡ tài liệu #{id} khỏi {code}", "Detached document #{id} from {code}"),
    "cli.linked": ("Đã liên kết tài liệu #{id} với {code}", "Linked document #{id} to {code}"),
    "cli.doc_updated": ("Đã cập nhật tài liệu #{id}", "Updated document #{id}"),
    "cli.warnings": ("Cảnh báo ({count}): tài liệu tỉnh có thể trả lại",
                     "Warnings ({count}): documents the province may send back"),
    "cli.valid": ("Sẵn sàng nộp: mọi nội dung đã hoàn thiện.", "Ready to submit: nothing is missing."),
    "cli.problems": ("Chưa thể nộp: còn {count} nội dung cần hoàn thiện:",
                     "Not ready to submit: {count} thing(s) to finish:"),
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
})
register({"cli.error_prefix": ("Lỗi: ", "Error: "), "cli.warning_prefix": ("Lưu ý: ", "Warning: "),
          "cli.os_error": ("không thực hiện được: {reason}", "could not be done: {reason}")})


def table(rows: list[list[str]], headers: list[str], widths: dict[int, int] | None = None) -> str:
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
    """What a handler gets: the parsed options, the output mode and language, and :meth:`ws`."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self.lang: str = getattr(args, "lang", None) or get_language()

    def num(self, value: Number | None) -> str:
        """A number for a person, in the chosen language ("0,5" / "0.5"); "—" for no value."""
        return fmt_number(value, lang=self.lang, blank="—")

    def out(self, human: str | Callable[[], str], data: Any = None) -> None:
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(human() if callable(human) else human)

    def ws(self) -> Workspace:
        """The workspace of ``-w`` (or the default one); a missing one is a message naming the folder."""
        from parDesk.workspace import DB_NAME, Workspace, default_workspace

        folder = Path(self.args.workspace) if self.args.workspace else default_workspace()
        if not (folder / DB_NAME).is_file():
            demo = demo_folder_if_built()
            if demo is not None and not self.args.workspace:
                import shlex

                raise ParDeskError("cli.no_workspace_demo", path=str(folder), demo=str(demo),
                                   demo_arg=shlex.quote(str(demo)))
            raise ParDeskError("cli.no_workspace", path=str(folder))
        return Workspace(folder)


def demo_folder_if_built() -> Path | None:
    """The default demo workspace's folder, if `pardesk demo` has built it (for the no-workspace hint)."""
    from parDesk.demo import default_demo_folder
    from parDesk.workspace import DB_NAME

    folder = default_demo_folder()
    return folder if (folder / DB_NAME).is_file() else None


def resolve_framework_arg(value: str | None) -> Path:
    from parDesk.resources import framework_path

    if not value or value == "sample":
        return framework_path("sample-xa-2025.json")
    if value == "tiny":
        return framework_path("tiny-test.json")
    return Path(value)


def parse_kv(items: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ParDeskError("cli.bad_kv", value=item)
        out[key.strip()] = value.strip()
    return out

