"""Package storage: where upload bytes and accepted packages live.

The service talks to :class:`PackageStorage`; :class:`FolderStorage` is the
embedded default. Layout::

    <root>/incoming/<upload id>.part     tus uploads in progress (local scratch)
    <root>/packages/<sha[:2]>/<sha>.zip   accepted packages, by content

The S3 plan (docs/sync.md): uploads in progress stay on local scratch disk
(tus PATCH appends at an offset, which object stores do not do cheaply), and
:meth:`commit` becomes "multipart-upload the verified file to the bucket under
``packages/<sha>.zip``, then delete the scratch file"; :meth:`open_package`
streams from the bucket; :meth:`local_copy` downloads to scratch for re-verification.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Protocol

from parDesk.fsutil import fsync_dir


class PackageStorage(Protocol):
    def create_partial(self, upload_id: str) -> None: ...
    def partial_path(self, upload_id: str) -> Path: ...
    def delete_partial(self, upload_id: str) -> None: ...
    def commit(self, upload_id: str, sha256: str) -> str: ...
    def import_file(self, path: Path, sha256: str) -> str: ...
    def has_package(self, key: str) -> bool: ...
    def open_package(self, key: str) -> BinaryIO: ...
    def local_copy(self, key: str) -> "contextmanager[Path]": ...  # type: ignore[valid-type]
    def partial_ids(self) -> list[str]: ...


class FolderStorage:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.incoming = self.root / "incoming"
        self.packages = self.root / "packages"
        self.incoming.mkdir(parents=True, exist_ok=True)
        self.packages.mkdir(parents=True, exist_ok=True)

    def partial_path(self, upload_id: str) -> Path:
        if not upload_id.isalnum():
            raise ValueError("bad upload id")
        return self.incoming / f"{upload_id}.part"

    def create_partial(self, upload_id: str) -> None:
        with open(self.partial_path(upload_id), "xb"):
            pass

    def delete_partial(self, upload_id: str) -> None:
        self.partial_path(upload_id).unlink(missing_ok=True)

    def partial_ids(self) -> list[str]:
        return [p.name[:-5] for p in self.incoming.glob("*.part")]

    def _package_path(self, key: str) -> Path:
        sha = key.removeprefix("packages/").removesuffix(".zip")
        if len(sha) != 64 or not all(c in "0123456789abcdef" for c in sha):
            raise ValueError("bad package key")
        return self.packages / sha[:2] / f"{sha}.zip"

    def _place(self, src: Path, sha256: str, move: bool) -> str:
        key = f"packages/{sha256}.zip"
        dest = self._package_path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():  # same content already stored (idempotent)
            if move:
                src.unlink(missing_ok=True)
            return key
        tmp = dest.with_name(dest.name + ".tmp")
        if move:
            os.replace(src, tmp)
        else:
            shutil.copyfile(src, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
        return key

    def commit(self, upload_id: str, sha256: str) -> str:
        return self._place(self.partial_path(upload_id), sha256, move=True)

    def import_file(self, path: Path, sha256: str) -> str:
        return self._place(Path(path), sha256, move=False)

    def has_package(self, key: str) -> bool:
        return self._package_path(key).is_file()

    def open_package(self, key: str) -> BinaryIO:
        return open(self._package_path(key), "rb")

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        yield self._package_path(key)
