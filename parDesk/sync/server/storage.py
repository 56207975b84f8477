"""Package storage: where upload bytes and accepted packages live.

The service talks to :class:`PackageStorage`; :class:`FolderStorage` is the
embedded default. Layout::

    <root>/incoming/<upload id>.part     tus uploads in progress (local scratch)
    <root>/packages/<sha[:2]>/<sha>.zip   accepted packages, by content

The S3 plan (docs/sync.md): uploads in progress stay on local scratch disk
(tus PATCH appends at an offset, which object stores do not do cheaply), and
:meth:`commit` becomes "multipart-upload the verified file to the bucket under
``packages/<sha>.zip``, then delete the scratch file"; :meth:`open_package`
streams from the bucket; :meth:`local_copy` downloads to scratch for re-verification;
:meth:`open_seekable` reads the object in place by ranged GETs (the desk reads
a package's assessment and serves evidence byte ranges that way).
:class:`S3Storage` is that plan; :func:`make_storage` picks one from ``--storage``.
"""

from __future__ import annotations

import io
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast
from urllib.parse import urlsplit

from parDesk.fsutil import fsync_dir
from parDesk.i18n import ParDeskError, register

register({
    "srv.storage_bad_url": ("Nơi lưu gói không hợp lệ: {url} (dùng s3://bucket/thư-mục hoặc để trống)",
                            "Bad package storage: {url} (use s3://bucket/prefix, or leave it empty for the data "
                            "folder)"),
    "srv.storage_needs_boto3": ("Lưu gói trên S3 cần thư viện boto3: pip install 'pardesk[s3]'",
                                "S3 package storage needs boto3: pip install 'pardesk[s3]'"),
    "srv.storage_unreachable": ("Không truy cập được kho S3 {bucket}: {error}",
                                "Cannot reach the S3 bucket {bucket}: {error}"),
})

MiB = 1024 * 1024


class PackageStorage(Protocol):
    def create_partial(self, upload_id: str) -> None: ...
    def partial_path(self, upload_id: str) -> Path: ...
    def delete_partial(self, upload_id: str) -> None: ...
    def commit(self, upload_id: str, sha256: str) -> str: ...
    def import_file(self, path: Path, sha256: str) -> str: ...
    def has_package(self, key: str) -> bool: ...
    def open_package(self, key: str) -> BinaryIO: ...
    def open_seekable(self, key: str) -> BinaryIO: ...
    def local_copy(self, key: str) -> AbstractContextManager[Path]: ...
    def partial_ids(self) -> list[str]: ...


def _package_sha(key: str) -> str:
    """The SHA-256 a storage key (``packages/<sha>.zip``) names; ValueError for anything else."""
    sha = key.removeprefix("packages/").removesuffix(".zip")
    if len(sha) != 64 or not all(c in "0123456789abcdef" for c in sha):
        raise ValueError("bad package key")
    return sha


class _LocalPartials:
    """tus uploads in progress as ``<root>/incoming/<upload id>.part`` on local disk."""

    incoming: Path

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


class FolderStorage(_LocalPartials):
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.incoming = self.root / "incoming"
        self.packages = self.root / "packages"
        self.incoming.mkdir(parents=True, exist_ok=True)
        self.packages.mkdir(parents=True, exist_ok=True)

    def _package_path(self, key: str) -> Path:
        sha = _package_sha(key)
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

    def open_seekable(self, key: str) -> BinaryIO:
        return open(self._package_path(key), "rb")

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        yield self._package_path(key)


class _StreamingBodyReader(io.RawIOBase):
    """A botocore ``StreamingBody`` as a raw binary file.

    :meth:`S3Storage.open_package` wraps it in a BufferedReader.
    """

    def __init__(self, body: Any) -> None:
        self._body = body

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self._body.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def close(self) -> None:
        if not self.closed:
            self._body.close()
        super().close()


class _RangedObject(io.RawIOBase):
    """A read-only, seekable file over one bucket object, read by ranged GETs (``Range: bytes=a-b``).

    What the desk needs to read a zip in place (central directory at the end,
    a local header, then one member's bytes) without downloading the package.
    Reads go through one read-ahead buffer: after a seek it starts at
    ``first_read`` bytes (a zip's end record or a local header is small, and
    the first byte of a document should come quickly), and doubles while the
    reads stay sequential, up to ``max_read`` — so streaming a 50 MB document
    makes a few dozen GETs and never holds more than ``max_read`` bytes plus
    the caller's chunk. A read larger than the buffer goes straight into the
    caller's memory, one GET.
    """

    def __init__(self, client: Any, bucket: str, name: str, size: int, *, first_read: int = 64 * 1024,
                 max_read: int = 4 * MiB) -> None:
        self._client, self._bucket, self._name, self._size = client, bucket, name, size
        self._first, self._max = first_read, max_read
        self._pos = 0
        self._buf = b""
        self._buf_start = 0
        self._next_read = first_read
        self.gets = 0  # ranged GETs made (tests and benches look)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        pos = base + offset
        if pos < 0:
            raise ValueError("negative seek position")
        if pos != self._pos and not (self._buf_start <= pos <= self._buf_start + len(self._buf)):
            self._next_read = self._first  # a jump: read ahead small again
        self._pos = pos
        return pos

    def _get(self, start: int, length: int) -> bytes:
        end = min(self._size, start + length) - 1
        obj = self._client.get_object(Bucket=self._bucket, Key=self._name, Range=f"bytes={start}-{end}")
        self.gets += 1
        body = obj["Body"]
        try:
            data: bytes = body.read()
        finally:
            body.close()
        if len(data) != end - start + 1:
            raise OSError(f"S3 range {start}-{end} of {self._name}: {len(data)} bytes came back")
        return data

    def readinto(self, b: Any) -> int:
        out = memoryview(b).cast("B")
        filled = 0
        while filled < len(out) and self._pos < self._size:
            off = self._pos - self._buf_start
            if 0 <= off < len(self._buf):  # from the read-ahead buffer
                n = min(len(out) - filled, len(self._buf) - off)
                out[filled:filled + n] = self._buf[off:off + n]
            else:
                want = min(len(out) - filled, self._size - self._pos)
                if want >= self._max:  # large read: straight into the caller's memory
                    data = self._get(self._pos, want)
                    n = len(data)
                    out[filled:filled + n] = data
                    self._buf, self._buf_start = b"", 0
                else:
                    self._buf = b""  # let the old buffer go before the next one arrives
                    self._buf = self._get(self._pos, max(want, self._next_read))
                    self._buf_start = self._pos
                    self._next_read = min(self._max, self._next_read * 2)
                    continue
            filled += n
            self._pos += n
        return filled

    def close(self) -> None:
        self._buf = b""
        super().close()


class S3Storage(_LocalPartials):
    """Accepted packages in an S3-compatible bucket (AWS S3, MinIO, …); uploads in progress on local scratch.

    Layout::

        <scratch>/incoming/<upload id>.part       tus uploads in progress (appends at offsets: local disk)
        <scratch>/cache/<random>.zip              local copies while a package is re-verified (then deleted)
        s3://<bucket>/<prefix>/packages/<sha>.zip accepted packages, by content

    The storage key kept in the database is ``packages/<sha>.zip`` whatever the
    prefix, as for :class:`FolderStorage`. Uploads go through boto3's transfer
    manager: one PUT below ``multipart_threshold``, else a multipart upload in
    ``part_size`` parts, ``max_concurrency`` at a time, read from the file as
    they are sent (memory bounded by the parts in flight, whatever the package
    size); a failed multipart upload is aborted, and the object only appears
    once complete. Committing is idempotent: the key is the content hash, so a
    package already in the bucket (same size) is not sent again.

    Credentials and region come from boto3's usual chain (``AWS_ACCESS_KEY_ID``,
    ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``, ``~/.aws``, instance
    roles); ``endpoint_url`` points at MinIO or another S3-compatible server.
    boto3 is imported only here (``pip install 'pardesk[s3]'``).
    """

    def __init__(self, bucket: str, scratch: Path, prefix: str = "", *, endpoint_url: str | None = None,
                 region: str | None = None, client: Any = None, multipart_threshold: int = 64 * MiB,
                 part_size: int = 16 * MiB, max_concurrency: int = 4) -> None:
        try:
            import boto3
            from boto3.s3.transfer import TransferConfig
            from botocore.config import Config
        except ImportError as exc:  # the default install has no boto3
            raise ParDeskError("srv.storage_needs_boto3") from exc
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.scratch = Path(scratch)
        self.incoming = self.scratch / "incoming"
        self.cache = self.scratch / "cache"
        self.incoming.mkdir(parents=True, exist_ok=True)
        self.cache.mkdir(parents=True, exist_ok=True)
        if client is None:
            config = Config(retries={"max_attempts": 10, "mode": "standard"},
                            s3={"addressing_style": "path"} if endpoint_url else None)
            # a client is thread-safe (verification workers share it); a Session is not, so one per storage
            client = boto3.session.Session().client("s3", endpoint_url=endpoint_url or None, region_name=region or None,
                                                    config=config)
        self.client = client
        self._sizes: dict[str, int] = {}  # storage key -> object size, for open_seekable
        self.transfer = TransferConfig(multipart_threshold=multipart_threshold, multipart_chunksize=part_size,
                                       max_concurrency=max_concurrency, use_threads=max_concurrency > 1)

    def __repr__(self) -> str:
        return f"S3Storage(s3://{self.bucket}/{self.prefix})"

    def object_name(self, key: str) -> str:
        """The bucket object of a storage key: ``<prefix>/packages/<sha>.zip``."""
        name = f"packages/{_package_sha(key)}.zip"
        return f"{self.prefix}/{name}" if self.prefix else name

    def check(self) -> None:
        """Fail early (at ``serve``) if the bucket cannot be reached with these credentials."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except Exception as exc:
            raise ParDeskError("srv.storage_unreachable", bucket=self.bucket, error=str(exc)) from exc

    def _head(self, key: str) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError

        try:
            return self.client.head_object(Bucket=self.bucket, Key=self.object_name(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def _upload(self, src: Path, sha256: str) -> str:
        key = f"packages/{_package_sha(sha256)}.zip"
        size = src.stat().st_size
        head = self._head(key)
        if head is not None and head.get("ContentLength") == size:
            return key  # same content already stored (idempotent: the key is the content hash)
        self.client.upload_file(str(src), self.bucket, self.object_name(key), Config=self.transfer,
                                ExtraArgs={"ContentType": "application/zip", "Metadata": {"sha256": sha256}})
        head = self._head(key)
        if head is None or head.get("ContentLength") != size:
            arrived = head and head.get("ContentLength")
            raise OSError(f"S3 upload of {key} did not arrive whole ({arrived} of {size} bytes)")
        return key

    def commit(self, upload_id: str, sha256: str) -> str:
        """Send the verified upload to the bucket, then delete the scratch file (kept if sending fails)."""
        src = self.partial_path(upload_id)
        key = self._upload(src, sha256)
        src.unlink(missing_ok=True)
        return key

    def import_file(self, path: Path, sha256: str) -> str:
        return self._upload(Path(path), sha256)

    def has_package(self, key: str) -> bool:
        return self._head(key) is not None

    def open_package(self, key: str) -> BinaryIO:
        """A read-only stream of the object (read in order; not seekable). FileNotFoundError if absent."""
        from botocore.exceptions import ClientError

        try:
            obj = self.client.get_object(Bucket=self.bucket, Key=self.object_name(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise FileNotFoundError(key) from exc
            raise
        return io.BufferedReader(_StreamingBodyReader(obj["Body"]), buffer_size=1 * MiB)

    def open_seekable(self, key: str) -> BinaryIO:
        """A seekable read-only file over the object by ranged GETs (bounded memory); FileNotFoundError if absent.

        For reading a zip in place (the desk's package views and evidence):
        no download, no whole object in memory.
        """
        size = self._sizes.get(key)
        if size is None:  # an accepted package never changes (its key is its hash): one HEAD per package
            head = self._head(key)
            if head is None:
                raise FileNotFoundError(key)
            size = int(head["ContentLength"])
            if len(self._sizes) > 100_000:
                self._sizes.clear()
            self._sizes[key] = size
        raw = _RangedObject(self.client, self.bucket, self.object_name(key), size)
        return cast(BinaryIO, raw)  # a RawIOBase is a binary file; typeshed's BinaryIO is a nominal class

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        """Download the package to scratch (ranged GETs, bounded memory) for as long as the block runs."""
        dest = self.cache / f"{_package_sha(key)}-{uuid.uuid4().hex[:8]}.zip"
        try:
            if self._head(key) is None:
                raise FileNotFoundError(key)
            self.client.download_file(self.bucket, self.object_name(key), str(dest), Config=self.transfer)
            yield dest
        finally:
            dest.unlink(missing_ok=True)


def make_storage(url: str, scratch: Path, *, endpoint_url: str | None = None) -> PackageStorage:
    """The storage ``--storage`` names: empty (or ``folder``) → the data folder; ``s3://bucket/prefix`` → S3."""
    url = (url or "").strip()
    if url in ("", "folder"):
        return FolderStorage(scratch)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc or parts.query or parts.fragment:
        raise ParDeskError("srv.storage_bad_url", url=url)
    return S3Storage(parts.netloc, scratch, parts.path.strip("/"), endpoint_url=endpoint_url)
