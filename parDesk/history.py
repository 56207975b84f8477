"""Undo and redo as named commands (docs/architecture.md, "Undo").

Every user operation that changes the assessment records one
:class:`Command`: a name the Edit menu shows ("Hoàn tác: Nhập từ Excel
(52 mục)") and the steps that take the database from before to after. A
step holds both states, so undo writes the *before* and redo the *after*;
nothing is recomputed from the audit log. An operation over many rows (an
Excel import, attaching several files) is still one command, so one Ctrl+Z
takes it all back. This is the pattern of Anki's ``CollectionOp`` and of
git-cola's command objects: the core owns the history, the window only asks
for its names and calls :meth:`Workspace.undo` / :meth:`Workspace.redo`.

The history lives in memory, per open workspace: closing the window, locking
a version or opening a new one clears it (:meth:`History.clear`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from parDesk.i18n import Msg, register, t

register({
    "undo.set_inputs": ("Chấm điểm mục {code}", "Score item {code}"),
    "undo.clear_inputs": ("Xóa điểm mục {code}", "Clear the score of item {code}"),
    "undo.na_on": ("Khai báo không áp dụng mục {code}", "Declare item {code} not applicable"),
    "undo.na_off": ("Bỏ khai báo không áp dụng mục {code}", "Declare item {code} applicable again"),
    "undo.explanation": ("Sửa giải trình mục {code}", "Edit the explanation of item {code}"),
    "undo.import": ("Nhập từ Excel ({count} mục)", "Import from Excel ({count} items)"),
    "undo.attach": ("Gắn tài liệu {doc} vào {code}", "Attach document {doc} to {code}"),
    "undo.attach_many": ("Gắn {count} tài liệu vào {code}", "Attach {count} documents to {code}"),
    "undo.attach_spread": ("Gắn {count} tài liệu vào {items} mục", "Attach {count} documents to {items} items"),
    "undo.link": ("Liên kết tài liệu {doc} với {code}", "Link document {doc} to {code}"),
    "undo.detach": ("Gỡ tài liệu {doc} khỏi {code}", "Detach document {doc} from {code}"),
    "undo.link_page": ("Sửa vị trí trang của tài liệu {doc} ở {code}", "Edit the page of document {doc} in {code}"),
    "undo.doc_meta": ("Sửa thông tin tài liệu {doc}", "Edit the details of document {doc}"),
    "undo.file_gone": ("không thể làm lại: tệp của tài liệu {doc} đã bị dọn khỏi kho",
                       "cannot redo: the file of document {doc} has been removed from the store"),
})


@dataclass(frozen=True)
class AnswerStep:
    """One leaf's answer (inputs, N/A, explanation) before and after; ``created``: it had no row before."""

    code: str
    before: dict[str, Any]
    after: dict[str, Any]
    created: bool = False


@dataclass(frozen=True)
class LinkStep:
    """A document linked to (``linked_after``) or unlinked from a leaf.

    ``document`` is the document's whole row when the command created it (a
    first attach): undo then removes the row too, and redo puts it back with
    the same number, as long as its file is still in the store.
    """

    code: str
    document_id: int
    page_ref: str
    linked_after: bool
    document: dict[str, Any] | None = None


@dataclass(frozen=True)
class DocumentStep:
    """A document's metadata (number, date, issuer, subject, page) before and after."""

    document_id: int
    before: dict[str, str]
    after: dict[str, str]


@dataclass(frozen=True)
class PageStep:
    """Where in a document one leaf's proof sits, before and after."""

    code: str
    document_id: int
    before: str
    after: str


Step = AnswerStep | LinkStep | DocumentStep | PageStep


@dataclass(frozen=True)
class Command:
    """One undoable operation: its name and its steps, in the order they were applied."""

    name: Msg
    steps: tuple[Step, ...]

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(s.code for s in self.steps if hasattr(s, "code"))

    @property
    def documents(self) -> bool:
        return any(not isinstance(s, AnswerStep) for s in self.steps)

    def label(self, lang: str | None = None) -> str:
        return t(self.name.key, lang, **self.name.params)


def document_label(number: str, original_name: str, document_id: int) -> str:
    """How a command names a document: its number ("15/KH-UBND"), else its file name, else #id."""
    return number or original_name or f"#{document_id}"


@dataclass
class History:
    """The undo and redo stacks of one open workspace, safe to use from several threads."""

    limit: int = 500
    _undo: list[Command] = field(default_factory=list)
    _redo: list[Command] = field(default_factory=list)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def record(self, command: Command) -> None:
        """A new operation: it can be undone, and whatever was undone before can no longer be redone."""
        if not command.steps:
            return
        with self._lock:
            self._undo.append(command)
            del self._undo[:-self.limit]
            self._redo.clear()

    def pop_undo(self) -> Command | None:
        with self._lock:
            return self._undo.pop() if self._undo else None

    def pop_redo(self) -> Command | None:
        with self._lock:
            return self._redo.pop() if self._redo else None

    def undone(self, command: Command) -> None:
        with self._lock:
            self._redo.append(command)

    def redone(self, command: Command) -> None:
        with self._lock:
            self._undo.append(command)

    def clear(self) -> None:
        with self._lock:
            self._undo.clear()
            self._redo.clear()

    @property
    def next_undo(self) -> Command | None:
        with self._lock:
            return self._undo[-1] if self._undo else None

    @property
    def next_redo(self) -> Command | None:
        with self._lock:
            return self._redo[-1] if self._redo else None
