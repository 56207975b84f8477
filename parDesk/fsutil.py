"""Durable file writes: temp file, fsync, rename, fsync the folder.

A process killed (or a power cut) at any instant leaves either the old file or
the new one, never a torn one; temp files carry the writer's pid so a later
open can tell an abandoned temp file from one another process is writing.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from parDesk.i18n import ParDeskError, register

CHUNK = 1 << 20

register({
    "fs.copy_bad_hash": ("bản sao tại {dest} không khớp mã băm của gói ({sha}): thiết bị lưu trữ có thể bị hỏng; "
                         "bản sao đã bị xóa, hãy chép lại hoặc dùng thiết bị khác",
                         "the copy at {dest} does not match the package's hash ({sha}): the storage may be faulty; "
                         "the copy was removed, copy again or use another device"),
})


def fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(folder: Path, suffix: str = ".partial") -> Path:
    return folder / f"{os.getpid()}-{secrets.token_hex(6)}{suffix}"


def atomic_write_bytes(dest: Path, data: bytes, *, private: bool = False) -> None:
    """temp + fsync + rename + fsync(folder): the one durable write; ``private`` files are created 0600."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(dest.parent)


def sha256_stream(fh: BinaryIO, on_chunk: Callable[[int], None] | None = None) -> str:
    """The SHA-256 of everything left in ``fh``, read in 1 MiB chunks (flat memory)."""
    digest = hashlib.sha256()
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return digest.hexdigest()


def file_sha256(path: Path, on_chunk: Callable[[int], None] | None = None) -> str:
    """The SHA-256 of a file, streamed (the one loop the store, the checks and the copies use)."""
    with open(path, "rb") as fh:
        return sha256_stream(fh, on_chunk)


def copy_package(src: Path, dest: Path, sha256: str, *,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy a signed package to ``dest`` (a folder or a file name) durably, then prove the copy.

    The one copy the window's "Save for USB" and ``pardesk package copy`` both
    make: temp file beside the destination, fsync, rename, fsync of the
    folder, then the copy is read back from the device and hashed; a copy
    whose hash is not ``sha256`` is deleted and refused. ``progress(done,
    total)`` counts bytes written then bytes re-read (total = twice the size);
    it may raise to cancel, and a cancelled copy leaves nothing behind.
    """
    src, dest = Path(src), Path(dest)
    if dest.is_dir():
        dest = dest / src.name
    size = src.stat().st_size
    total = 2 * size or 1
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            while chunk := fin.read(CHUNK):
                fout.write(chunk)
                step(len(chunk))
            fout.flush()
            os.fsync(fout.fileno())
        shutil.copystat(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(dest.parent)
    try:
        _drop_cache(dest)
        ok = file_sha256(dest, step) == sha256
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    if not ok:
        dest.unlink(missing_ok=True)
        raise ParDeskError("fs.copy_bad_hash", where=str(dest), dest=str(dest), sha=sha256[:12])
    if progress is not None:
        progress(total, total)
    return dest


def _drop_cache(path: Path) -> None:
    """Ask the kernel to forget its cached pages, so the re-read comes from the device."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - best effort on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


#: The two temp names this module writes: ``<pid>-<12 hex>.partial`` (:func:`temp_name`) and
#: ``.<name>.<pid>.partial`` (:func:`atomic_write_bytes`, :func:`copy_package`, backups).
_TEMP_NAMES = (re.compile(r"^(\d+)-[0-9a-f]{12}\.partial$"), re.compile(r"^\..+\.(\d+)\.partial$"))


def temp_writer(name: str) -> int | None:
    """The pid that writes the temp file ``name``, or None when ``name`` is not one of our temp files."""
    for pattern in _TEMP_NAMES:
        m = pattern.match(name)
        if m:
            return int(m.group(1))
    return None


def abandoned_temps(folder: Path) -> list[Path]:
    """Our temp files in ``folder`` whose writing process no longer exists (a kill, a power cut)."""
    if not folder.is_dir():
        return []
    out = []
    for entry in folder.iterdir():
        pid = temp_writer(entry.name)
        if pid is not None and entry.is_file() and not entry.is_symlink() and not pid_alive(pid):
            out.append(entry)
    return out


def remove_abandoned_temps(folder: Path) -> int:
    """Delete temp files whose writing process no longer exists; return how many."""
    removed = 0
    for entry in abandoned_temps(folder):
        entry.unlink(missing_ok=True)
        removed += 1
    return removed
