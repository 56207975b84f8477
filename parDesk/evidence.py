"""The content-addressed evidence store.

A document is streamed once into a temp file while it is hashed, fsynced, and
renamed to its SHA-256 name; only then may a database row point to it. The
same scan attached twice is stored once. Files are never modified in place,
and a file is removed only by :meth:`EvidenceStore.gc` when no row refers to it.
"""

from __future__ import annotations

import errno
import hashlib
import mimetypes
import os
import queue
import stat
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from parDesk.errors import Cancelled as Cancelled  # re-exported: the one cancel (parDesk.errors)
from parDesk.fsutil import CHUNK, fsync_dir, remove_abandoned_temps, sha256_stream, temp_name
from parDesk.i18n import ParDeskError, register

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

register({
    "ev.missing": ("không tìm thấy tệp", "file not found"),
    "ev.directory": ("là một thư mục, không phải tệp", "is a folder, not a file"),
    "ev.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "ev.empty": ("tệp rỗng (0 byte)", "the file is empty (0 bytes)"),
    "ev.too_large": ("tệp {size} MB vượt giới hạn {limit} MB", "the file is {size} MB, over the {limit} MB limit"),
    "ev.changed": ("tệp thay đổi trong khi đang sao chép; hãy thử lại",
                   "the file changed while it was being copied; try again"),
    "ev.stored_missing": ("tệp của tài liệu không còn trong kho minh chứng",
                          "the document's file is no longer in the evidence store"),
    "ev.stored_link": ("tệp của tài liệu trong kho minh chứng đã bị thay bằng liên kết (symlink) hoặc tệp đặc biệt",
                       "the document's file in the evidence store was replaced by a symbolic link or special file"),
})

_SNIFF = [
    (b"%PDF", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF8", "image/gif", "gif"),
    (b"II*\x00", "image/tiff", "tif"),
    (b"MM\x00*", "image/tiff", "tif"),
]


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    original_name: str
    media_type: str
    ext: str


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def resolve_path(path: str | Path) -> Path:
    """The path as given, or its NFC / NFD twin (a name typed on one system, saved on another)."""
    p = Path(path)
    if p.exists():
        return p
    for form in ("NFC", "NFD"):
        alt = Path(unicodedata.normalize(form, str(p)))
        if alt.exists():
            return alt
    return p


def media_type_for(name: str, head: bytes) -> tuple[str, str]:
    for magic, mt, ext in _SNIFF:
        if head.startswith(magic):
            suffix = Path(name).suffix.lower().lstrip(".")
            return mt, (suffix if suffix in (ext, "jpeg", "tiff") else ext)
    ext = Path(name).suffix.lower().lstrip(".")
    guessed = mimetypes.guess_type("x." + ext)[0] if ext else None
    return guessed or "application/octet-stream", ext


class EvidenceStore:
    """``<workspace>/evidence/<aa>/<sha256>`` plus a ``.tmp`` folder for writes in progress."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root
        self.tmp = root / ".tmp"
        self.max_bytes = max_bytes
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def check_source(self, path: str | Path) -> Path:
        """Refuse, before copying anything, what can never be evidence."""
        p = resolve_path(path)
        where = str(path)
        if not p.exists():
            raise ParDeskError("ev.missing", where=where)
        if p.is_dir():
            raise ParDeskError("ev.directory", where=where)
        try:
            size = p.stat().st_size
            with open(p, "rb"):
                pass
        except OSError as exc:
            raise ParDeskError("ev.unreadable", where=where, reason=exc.strerror or str(exc)) from None
        if size == 0:
            raise ParDeskError("ev.empty", where=where)
        if size > self.max_bytes:
            raise ParDeskError("ev.too_large", where=where, size=_mb(size), limit=_mb(self.max_bytes))
        return p

    def put(self, path: str | Path, progress: Callable[[int], None] | None = None) -> StoredFile:
        """Copy ``path`` into the store (hash while copying, one read); return what was stored."""
        return self.put_many([path], progress=progress)[0]

    def put_many(self, paths: Sequence[str | Path], progress: Callable[[int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> list[StoredFile]:
        """Store several files; all of them, or (on error or cancel) none.

        Every source is checked before anything is copied. Each file is copied
        once while hashed into a temp file; the temp files are then fsynced
        together (cheaper than one flush per file: the kernel has written most
        of it back meanwhile) and renamed to their hash names. Only after this
        returns may database rows name them.
        """
        sources = [self.check_source(p) for p in paths]
        pending: list[tuple[Path, str, int, bytes, Path]] = []  # (tmp, sha, size, head, src)
        on_chunk = progress or (lambda _n: None)
        try:
            for src, given in zip(sources, paths, strict=True):
                if cancel is not None and cancel():
                    raise Cancelled()
                tmp = temp_name(self.tmp)
                pending.append((tmp, "", 0, b"", src))
                digest = hashlib.sha256()
                with open(src, "rb") as fin, open(tmp, "wb") as fout:
                    size, head = copy_hashing(fin, fout, digest, on_chunk, self.max_bytes, str(given), cancel)
                if size == 0:
                    raise ParDeskError("ev.empty", where=str(given))
                pending[-1] = (tmp, digest.hexdigest(), size, head, src)
            for tmp, *_ in pending:
                fd = os.open(tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            dirs: set[Path] = set()
            for n, (tmp, sha, size, _head, _src) in enumerate(pending):
                final = self.path_for(sha)
                if final.is_file() and final.stat().st_size == size:
                    tmp.unlink()
                else:
                    if not final.parent.is_dir():
                        final.parent.mkdir()
                        dirs.add(self.root)
                    os.replace(tmp, final)
                    dirs.add(final.parent)
                pending[n] = (final, sha, size, _head, _src)
            for d in sorted(dirs):
                fsync_dir(d)
        except OSError as exc:
            self._discard(pending)
            from parDesk.diskerrors import disk_error

            needed = sum(s.stat().st_size for s in sources)
            disk = disk_error(exc, self.root, needed) if not _is_source(exc, sources) else None
            if disk is not None:  # the store's disk, not the file being read
                raise disk from None
            raise ParDeskError("ev.unreadable", where=str(exc.filename or ""),
                               reason=exc.strerror or str(exc)) from None
        except BaseException:
            self._discard(pending)
            raise
        out = []
        for _final, sha, size, head, src in pending:
            name = nfc(src.name)
            media_type, ext = media_type_for(name, head)
            out.append(StoredFile(sha, size, name, media_type, ext))
        return out

    def _discard(self, pending: list[tuple[Path, str, int, bytes, Path]]) -> None:
        for path, *_ in pending:
            if path.parent == self.tmp:
                path.unlink(missing_ok=True)

    def open_stored(self, sha256: str, where: str | None = None) -> BinaryIO:
        """Open a stored file for reading without ever following a symlink.

        The store's folder, the two-letter sub-folder and the file itself are
        checked with ``lstat`` and the file is opened with ``O_NOFOLLOW``, then
        checked again on the open descriptor: a file replaced by a symlink (or
        a folder replaced by one) is refused, not read through.
        """
        where = where or sha256
        p = self.path_for(sha256)
        try:
            for folder in (self.root, p.parent):
                if not stat.S_ISDIR(os.lstat(folder).st_mode):
                    raise ParDeskError("ev.stored_link", where=where)
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise ParDeskError("ev.stored_missing", where=where) from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise ParDeskError("ev.stored_link", where=where) from None
            raise ParDeskError("ev.unreadable", where=where, reason=exc.strerror or str(exc)) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise ParDeskError("ev.stored_link", where=where)
        return os.fdopen(fd, "rb", buffering=0)

    def verify(self, sha256: str) -> bool:
        try:
            fh = self.open_stored(sha256)
        except ParDeskError:
            return False
        with fh:
            return sha256_stream(fh) == sha256

    def all_hashes(self) -> set[str]:
        out: set[str] = set()
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                out.update(f.name for f in sub.iterdir() if f.is_file() and len(f.name) == 64)
        return out

    def gc(self, referenced: Iterable[str]) -> list[str]:
        """Remove stored files no database row refers to; return their hashes."""
        keep = set(referenced)
        removed = []
        for sha in sorted(self.all_hashes() - keep):
            self.path_for(sha).unlink(missing_ok=True)
            removed.append(sha)
        remove_abandoned_temps(self.tmp)
        return removed

    def cleanup_temps(self) -> int:
        return remove_abandoned_temps(self.tmp)

    def leftover_temps(self) -> list[Path]:
        return [p for p in self.tmp.iterdir() if p.is_file()]


def copy_hashing(fin: BinaryIO, fout: BinaryIO, digest: hashlib._Hash, on_chunk: Callable[[int], None],
                 limit: int, where: str, cancel: Callable[[], bool] | None = None) -> tuple[int, bytes]:
    """Copy ``fin`` to ``fout`` once, hashing as it goes; return (size, first bytes).

    Hashing and writing overlap: a writer thread drains a small bounded queue
    (memory stays at a few chunks whatever the file size) while this thread
    reads and hashes; both release the GIL, so on two cores the copy costs
    about max(hash, write) instead of their sum.
    """
    first = fin.read(CHUNK)
    head = first[:16]
    if len(first) < CHUNK:  # small file: no thread
        digest.update(first)
        fout.write(first)
        on_chunk(len(first))
        return len(first), head
    q: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def writer() -> None:
        while (buf := q.get()) is not None:
            if not failure:
                try:
                    fout.write(buf)
                except BaseException as exc:
                    failure.append(exc)

    thread = threading.Thread(target=writer, name="evidence-writer", daemon=True)
    thread.start()
    size = 0
    try:
        chunk = first
        while chunk:
            digest.update(chunk)
            q.put(chunk)
            size += len(chunk)
            if size > limit:
                raise ParDeskError("ev.too_large", where=where, size=_mb(size), limit=_mb(limit))
            on_chunk(len(chunk))
            if failure:
                break
            if cancel is not None and cancel():
                raise Cancelled()
            chunk = fin.read(CHUNK)
    finally:
        q.put(None)
        thread.join()
    if failure:
        raise failure[0]
    return size, head


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _is_source(exc: OSError, sources: Sequence[Path]) -> bool:
    """Whether the error is about reading one of the officer's files (not writing the store)."""
    return exc.filename is not None and any(str(exc.filename) == str(p) for p in sources)
