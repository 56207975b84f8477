"""Read a package once: hash the whole file on a second thread while :mod:`zipfile` reads its entries.

Split out of :mod:`parDesk.package.verify`: the package SHA-256 (the
package's identity on the server and in receipts) comes for free from the
same pass that checks every entry against the manifests.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import threading
from typing import BinaryIO

from parDesk.package.bag import CHUNK


class BackgroundHash:
    """SHA-256 on a second thread, fed in ~1 MiB pieces through a small bounded queue.

    The verifier hashes every byte twice (the manifests' per-file hash and the
    whole package's hash); running the second on another core keeps the
    verification close to one hash pass. Memory stays at a few pieces.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=3)
        self._buf = bytearray()
        self._done = False
        self._thread = threading.Thread(target=self._run, name="package-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (piece := self._queue.get()) is not None:
            self._hash.update(piece)

    def update(self, data: bytes | memoryview) -> None:
        if not self._buf and len(data) >= CHUNK // 2 and isinstance(data, bytes):
            self._queue.put(data)  # already a large immutable piece: no copy
            return
        self._buf += data
        if len(self._buf) >= CHUNK:
            self._queue.put(bytes(self._buf))
            self._buf.clear()

    def close(self) -> None:
        if not self._done:
            self._done = True
            if self._buf:
                self._queue.put(bytes(self._buf))
                self._buf.clear()
            self._queue.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.close()
        return self._hash.hexdigest()


class OnePassReader(io.RawIOBase):
    """A seekable reader that hashes the file as :mod:`zipfile` reads it in order.

    Reads that continue exactly where hashing stopped extend the hash; small
    gaps (data descriptors, padding) are filled on the way; anything else
    passes through. :meth:`finish` hashes whatever was never read. Entries
    are read in file order, so the package is read once, not twice.
    """

    GAP = 1 << 20

    def __init__(self, raw: BinaryIO, size: int) -> None:
        super().__init__()
        self._raw = raw
        self._size = size
        self._pos = 0
        self._hashed = 0
        self._hash = BackgroundHash()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            self._pos = offset
        elif whence == os.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = self._size + offset
        if self._pos < 0:
            raise ValueError("negative seek position")
        return self._pos

    def _fill(self, upto: int) -> None:
        self._raw.seek(self._hashed)
        while self._hashed < upto:
            data = self._raw.read(min(CHUNK, upto - self._hashed))
            if not data:
                break
            self._hash.update(data)
            self._hashed += len(data)

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            n = max(0, self._size - self._pos)
        if self._hashed < self._pos <= self._hashed + self.GAP:
            self._fill(self._pos)
        self._raw.seek(self._pos)
        data = self._raw.read(n)
        if self._pos <= self._hashed < self._pos + len(data):
            offset = self._hashed - self._pos
            self._hash.update(data if offset == 0 else memoryview(data)[offset:])
            self._hashed = self._pos + len(data)
        self._pos += len(data)
        return data

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def pread(self, offset: int, n: int) -> bytes:
        """Read ``n`` bytes at ``offset`` without moving the position or touching the hash (structure checks)."""
        self._raw.seek(offset)
        return self._raw.read(n)

    def finish(self) -> str:
        self._fill(self._size)
        return self._hash.hexdigest()

    def stop(self) -> None:
        """Let the hashing thread end (verification stopped early)."""
        self._hash.close()

