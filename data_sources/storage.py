"""Where a workspace's files live, behind one small interface.

A :class:`Store` keeps blobs under string keys such as ``datasets/3f2a9c.parquet``. Every
write is atomic: a reader sees the old content or the new, never half. Two stores ship:

- :class:`LocalStore`, a folder on disk (the default: ``FOLLOWTHROUGH_DATA_DIR``);
- :class:`FsspecStore`, any fsspec URL (``s3://bucket/followthrough``, ``gcs://…``,
  ``file:///srv/shared``), for a team running several replicas over one shared store.
  Object stores replace an object in one PUT, which is the atomicity we need; the
  protocol's driver package (``s3fs``, ``gcsfs``…) must be installed.

``FOLLOWTHROUGH_STORE_URL`` selects the fsspec store for post and label files. The small
records (dataset list, corrections, commitments, share links) stay in each workspace's
SQLite file in the data directory.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Protocol, runtime_checkable

import polars as pl

from data_sources.errors import FollowthroughError
from followthrough.i18n import _

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def check_key(key: str) -> str:
    """Keys are relative, with no ``..`` and no leading dot in any part: they cannot
    leave the store.

    >>> check_key("datasets/ab12.parquet")
    'datasets/ab12.parquet'
    """
    if not _KEY.match(key) or ".." in key.split("/"):
        raise FollowthroughError(_("'{key}' is not a valid storage key.").format(key=key))
    return key


@runtime_checkable
class Store(Protocol):
    """Blobs under keys; writes are atomic."""

    def read_bytes(self, key: str) -> bytes: ...
    def write_bytes(self, key: str, data: bytes) -> None: ...
    def exists(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...
    def delete_prefix(self, prefix: str) -> None: ...
    def keys(self, prefix: str) -> list[str]: ...
    def local_path(self, key: str) -> Path | None: ...


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_parquet(path: Path, frame: pl.DataFrame) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        frame.write_parquet(tmp, compression="zstd", statistics=True)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LocalStore:
    """A folder on this machine; temporary files start with a dot and are never listed."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def read_bytes(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def write_bytes(self, key: str, data: bytes) -> None:
        atomic_write_bytes(self._path(key), data)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        for key in self.keys(prefix):
            self.delete(key)
        folder = self._path(prefix.rstrip("/"))
        if folder.is_dir():
            for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                if not any(sub.iterdir()):
                    sub.rmdir()
            if not any(folder.iterdir()):
                folder.rmdir()

    def keys(self, prefix: str) -> list[str]:
        folder = self._path(prefix.rstrip("/")) if prefix.strip("/") else self.root
        if not folder.is_dir():
            return []
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(self.root).parts)
        )

    def local_path(self, key: str) -> Path | None:
        return self._path(key)


class FsspecStore:
    """Any fsspec filesystem URL; each write is one whole-object put."""

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url.rstrip("/")
        self.fs, self.base = fsspec.core.url_to_fs(self.url)

    def _path(self, key: str) -> str:
        return f"{self.base}/{check_key(key)}"

    def read_bytes(self, key: str) -> bytes:
        return bytes(self.fs.cat_file(self._path(key)))

    def write_bytes(self, key: str, data: bytes) -> None:
        path = self._path(key)
        protocols = (self.fs.protocol,) if isinstance(self.fs.protocol, str) else tuple(self.fs.protocol)
        if "file" in protocols:
            atomic_write_bytes(Path(path), data)  # a local filesystem: rename, as LocalStore does
            return
        self.fs.pipe_file(path, data)

    def exists(self, key: str) -> bool:
        return bool(self.fs.isfile(self._path(key)))

    def delete(self, key: str) -> None:
        path = self._path(key)
        if self.fs.exists(path):
            self.fs.rm_file(path)

    def delete_prefix(self, prefix: str) -> None:
        for key in self.keys(prefix):
            self.delete(key)

    def keys(self, prefix: str) -> list[str]:
        folder = f"{self.base}/{check_key(prefix.rstrip('/'))}" if prefix.strip("/") else self.base
        if not self.fs.exists(folder):
            return []
        base = self.base.rstrip("/") + "/"
        found = [str(p) for p in self.fs.find(folder)]
        keys = [p[len(base) :] if p.startswith(base) else p for p in found]
        return sorted(k for k in keys if not any(part.startswith(".") for part in k.split("/")))

    def local_path(self, key: str) -> Path | None:
        return None


def write_frame(store: Store, key: str, frame: pl.DataFrame) -> None:
    """Save a table as Parquet (zstd), atomically."""
    path = store.local_path(key)
    if path is not None:
        atomic_write_parquet(path, frame)
        return
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", statistics=True)
    store.write_bytes(key, buffer.getvalue())


def read_frame(store: Store, key: str, *, columns: Collection[str] | None = None) -> pl.DataFrame:
    """A saved table; with ``columns``, only those of them it has (the others are not read)."""
    path = store.local_path(key)
    source = path if path is not None else io.BytesIO(store.read_bytes(key))
    if columns is None:
        return pl.read_parquet(source)
    table = pl.scan_parquet(source)
    return table.select(c for c in table.collect_schema().names() if c in columns).collect()


def open_store(location: str | os.PathLike[str]) -> Store:
    """A :class:`LocalStore` for a path, a :class:`FsspecStore` for a URL."""
    text = str(location)
    if "://" in text:
        return FsspecStore(text)
    return LocalStore(text)
