"""A failing disk named in words: read-only folders and full disks.

SQLite says "disk I/O error" or "attempt to write a readonly database", the
operating system says ``[Errno 28]``; the officer needs to hear which folder
is read-only, or that the disk is full, how much is free and how much the
operation needs. :func:`disk_error` turns such an exception into a
:class:`~parDesk.i18n.ParDeskError` (or returns None when the exception is
something else), so the CLI and the window show the same sentence.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from parDesk.i18n import Num, ParDeskError, register

register({
    "disk.read_only": ("thư mục {folder} chỉ đọc (ổ đĩa hoặc thư mục không cho ghi): xem và in được, "
                       "nhưng không lưu được thay đổi; hãy chép thư mục làm việc sang ổ ghi được",
                       "the folder {folder} is read-only (the disk or folder does not allow writing): you can "
                       "view and print, but changes cannot be saved; copy the workspace to a writable disk"),
    "disk.full": ("ổ đĩa chứa {folder} đã đầy: còn trống {free}, thao tác này cần khoảng {needed}; "
                  "hãy giải phóng dung lượng rồi thử lại (không có gì bị ghi dở)",
                  "the disk holding {folder} is full: {free} free, this needs about {needed}; "
                  "free some space and try again (nothing was half-written)"),
    "disk.io": ("lỗi đọc/ghi ổ đĩa tại {folder}: {reason}; không có gì bị ghi dở",
                "disk read/write error at {folder}: {reason}; nothing was half-written"),
})

#: What a database write needs at the least: the WAL grows by a few pages and is checkpointed
#: into the file; SQLite also wants room for its temporary files.
DB_WRITE_NEEDS = 1024 * 1024

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS}


def human_size(n: int) -> Num | str:
    """"1,5 MB", "820 kB": a size as the messages show it (Vietnamese decimal comma via Num)."""
    units = [("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)]
    for name, size in units:
        if n >= size:
            return f"{Num(round(n / size, 1))} {name}"
    return f"{n} B"


def free_bytes(folder: Path) -> int:
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return 0


def writable(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (a read-only mount says no, even to root)."""
    return os.access(folder, os.W_OK | os.X_OK)


def full_error(folder: Path, needed: int) -> ParDeskError:
    return ParDeskError("disk.full", folder=str(folder), free=human_size(free_bytes(folder)),
                        needed=human_size(max(needed, 1)))


def read_only_error(folder: Path) -> ParDeskError:
    return ParDeskError("disk.read_only", folder=str(folder))


def check_room(folder: Path, needed: int) -> None:
    """Refuse before writing anything when the disk cannot take ``needed`` bytes (plus the database's share)."""
    if free_bytes(folder) < needed + DB_WRITE_NEEDS:
        raise full_error(folder, needed + DB_WRITE_NEEDS)


def disk_error(exc: BaseException, folder: Path, needed: int = DB_WRITE_NEEDS) -> ParDeskError | None:
    """The disk-level cause of ``exc`` in words, or None when it is not a disk problem."""
    if isinstance(exc, ParDeskError):
        return None
    code = getattr(exc, "errno", None)
    text = str(getattr(exc, "orig", None) or exc).lower()
    if code in _READ_ONLY or "readonly database" in text or "read-only file system" in text:
        return read_only_error(folder)
    if code in _FULL or "database or disk is full" in text or "no space left" in text:
        return full_error(folder, needed)
    if "disk i/o error" in text or code == errno.EIO or (isinstance(exc, OSError) and code is not None):
        if free_bytes(folder) < needed:  # SQLite reports a full disk during a WAL write as an I/O error
            return full_error(folder, needed)
        if not writable(folder):
            return read_only_error(folder)
        if "disk i/o error" in text or code == errno.EIO:
            return ParDeskError("disk.io", folder=str(folder),
                                reason=getattr(exc, "strerror", None) or "disk I/O error")
    return None
