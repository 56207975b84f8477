"""Durable file writes: temp file, fsync, rename, fsync the folder.

A process killed (or a power cut) at any instant leaves either the old file or
the new one, never a torn one; temp files carry the writer's pid so a later
open can tell an abandoned temp file from one another process is writing.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

CHUNK = 1 << 20


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


def atomic_write_bytes(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(dest.parent)


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


def remove_abandoned_temps(folder: Path) -> int:
    """Delete temp files whose writing process no longer exists."""
    removed = 0
    if not folder.is_dir():
        return 0
    for entry in folder.iterdir():
        pid_text = entry.name.split("-", 1)[0]
        if entry.is_file() and pid_text.isdigit() and not pid_alive(int(pid_text)):
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
