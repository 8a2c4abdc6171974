"""Workspaces that persist: posts in Parquet, everything else in small records.

A workspace is a folder ``<data dir>/workspaces/<slug>/`` holding ``datasets/*.parquet``
(one file per upload, written atomically) and ``workspace.sqlite`` (the list of datasets
and their load reports, corrections, commitments, link overrides and share links). Two
uploads at once each write their own file and their own row, so neither is lost.

For several replicas of the app, the files can live in a shared store
(``FOLLOWTHROUGH_STORE_URL``, see :mod:`data_sources.storage`) and the records on a
PostgreSQL server (``FOLLOWTHROUGH_RECORDS_URL``, see :mod:`data_sources.records`).

>>> import tempfile
>>> ws = Workspace.open(tempfile.mkdtemp(), "Acme Nordics")
>>> ws.slug
'acme-nordics'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Collection
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.loader import LoadReport
from data_sources.records import Connection, Records, SQLiteRecords, list_record_slugs, open_records
from data_sources.storage import (
    Store,
    atomic_write_bytes,
    atomic_write_parquet,
    open_store,
    read_frame,
    write_frame,
)
from followthrough.i18n import _

__all__ = ["Workspace", "atomic_write_bytes", "atomic_write_parquet", "ensure_demo", "list_workspaces"]

DEMO = "demo"
#: The demo's dataset id: fixed, so replicas seeding a fresh server at once list it once.
DEMO_DATASET_ID = "00000000de50"
_SLUG = re.compile(r"[^a-z0-9]+")
_DATASET_ID = re.compile(r"[0-9a-f]{12}")
#: Folder names Windows keeps for devices: a workspace called "con" gets "con-workspace".
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
#: A temporary file this old was left by a save that crashed; it is removed on open.
_STALE_TEMP_SECONDS = 3600


def default_data_dir() -> Path:
    """``FOLLOWTHROUGH_DATA_DIR``, or ``.followthrough/`` beside the app."""
    configured = os.environ.get("FOLLOWTHROUGH_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(__file__).resolve().parent.parent / ".followthrough"


def slugify(name: str) -> str:
    """A folder name that cannot leave the data directory.

    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    slug = _SLUG.sub("-", name.strip().lower()).strip("-")[:64].strip("-")
    if not slug and name.strip() and any(c.isalnum() for c in name):
        # A name in another script (العربية, हिन्दी): a stable folder name from its letters.
        slug = "ws-" + hashlib.sha256(unicodedata.normalize("NFC", name.strip()).encode("utf-8")).hexdigest()[:12]
    if slug in _RESERVED:
        slug = f"{slug}-workspace"
    if not slug:
        raise FollowthroughError(
            _("'{name}' cannot be a workspace name: use letters or digits, for example 'acme-2024'.").format(name=name)
        )
    return slug


@dataclass(frozen=True)
class DatasetInfo:
    id: str
    name: str
    format: str
    rows: int
    added_at: datetime
    report: dict[str, object]


def _sweep_temporary_files(root: Path) -> None:
    """Remove what saves killed mid-write left behind (never listed, but it takes disk)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for tmp in root.rglob(".*.tmp"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            continue


class Workspace:
    """One brand team's saved work."""

    def __init__(self, root: Path, name: str, store: Store | None = None, records: Records | None = None) -> None:
        self.root = root
        self.name = name
        self.slug = root.name
        self.store: Store = store or _store_for(root)
        self.records: Records = records or open_records(root, self.slug)

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str], name: str, *, create: bool = True) -> Workspace:
        base = Path(data_dir) / "workspaces"
        root = base / slugify(name)
        if not root.resolve().is_relative_to(base.resolve()):
            raise FollowthroughError(_("'{name}' cannot be a workspace name.").format(name=name))
        records = open_records(root, root.name)
        if not create and not _exists(records, root, Path(data_dir)):
            raise FollowthroughError(
                _("There is no workspace called '{name}'. Create it on the Data page.").format(name=name)
            )
        (root / "datasets").mkdir(parents=True, exist_ok=True)
        ws = cls(root, name, records=records)
        _sweep_temporary_files(root)
        ws.name = records.create(name)
        return ws

    def _db(self) -> AbstractContextManager[Connection]:
        """One transaction on the workspace's records (SQLite file or PostgreSQL schema)."""
        return self.records.connect()  # type: ignore[no-any-return]

    # ----------------------------------------------------------------- datasets

    @staticmethod
    def _dataset_key(dataset_id: str) -> str:
        if not _DATASET_ID.fullmatch(dataset_id):
            raise FollowthroughError(f"'{dataset_id}' is not a dataset id (12 hexadecimal characters).")
        return f"datasets/{dataset_id}.parquet"

    def add_dataset(
        self, posts: pl.DataFrame, report: LoadReport, *, name: str | None = None, dataset_id: str | None = None
    ) -> DatasetInfo:
        """Save one loaded export. The Parquet file is complete before the dataset is listed.

        A fixed ``dataset_id`` makes the save idempotent: saving it twice (two replicas
        seeding the demo at once) lists it once."""
        dataset_id = dataset_id or uuid.uuid4().hex[:12]
        frame = S.conform(posts)
        write_frame(self.store, self._dataset_key(dataset_id), frame)
        info = DatasetInfo(
            id=dataset_id,
            name=name or report.file,
            format=report.format,
            rows=frame.height,
            added_at=datetime.now(UTC),
            report=report.to_dict(),
        )
        with self._db() as db:
            db.execute(
                "INSERT INTO datasets (id, name, format, rows, added_at, report) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    info.id,
                    info.name,
                    info.format,
                    info.rows,
                    info.added_at.isoformat(),
                    json.dumps(info.report, ensure_ascii=False),
                ),
            )
        return info

    def datasets(self) -> list[DatasetInfo]:
        with self._db() as db:
            rows = db.execute(
                "SELECT id, name, format, rows, added_at, report FROM datasets ORDER BY added_at"
            ).fetchall()
        return [
            DatasetInfo(r[0], r[1], r[2], int(r[3]), datetime.fromisoformat(r[4]), json.loads(r[5]))
            for r in rows
            if _DATASET_ID.fullmatch(r[0]) and self.store.exists(self._dataset_key(r[0]))
        ]

    def remove_dataset(self, dataset_id: str) -> None:
        key = self._dataset_key(dataset_id)
        with self._db() as db:
            db.execute("DELETE FROM datasets WHERE id = ?", (dataset_id,))
        self.store.delete(key)
        for cached in self.store.keys("labels"):
            if cached.startswith(f"labels/{dataset_id}."):
                self.store.delete(cached)

    def posts(self) -> pl.DataFrame:
        """Every saved post, de-duplicated; a later upload of the same post wins."""
        datasets = self.datasets()
        if not datasets:
            return S.empty_posts()
        frame = pl.concat([self.dataset_posts(d.id) for d in datasets], how="vertical")
        return S.deduplicate(S.conform(frame))

    # ----------------------------------------------------------------- corrections

    def correct(self, post_id: str, text: str, post_type: str) -> None:
        """Record a person's label for one post; it overrides the model from now on."""
        if post_type not in S.POST_TYPES:
            raise FollowthroughError(
                _("'{type}' is not a post type: use one of {types}.").format(
                    type=post_type, types=", ".join(S.POST_TYPES)
                )
            )
        with self._db() as db:
            db.execute(
                "INSERT INTO corrections (post_id, text, type, corrected_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (post_id) DO UPDATE SET text = excluded.text, type = excluded.type,"
                " corrected_at = excluded.corrected_at",
                (post_id, text, post_type, datetime.now(UTC).isoformat()),
            )

    def remove_correction(self, post_id: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM corrections WHERE post_id = ?", (post_id,))

    def corrections(self) -> pl.DataFrame:
        """Every correction: ``post_id``, ``text``, ``type``, ``corrected_at``."""
        with self._db() as db:
            rows = db.execute(
                "SELECT post_id, text, type, corrected_at FROM corrections ORDER BY corrected_at"
            ).fetchall()
        return pl.DataFrame(
            rows,
            schema={S.POST_ID: pl.String, S.TEXT: pl.String, S.TYPE: pl.String, "corrected_at": pl.String},
            orient="row",
        )

    # ----------------------------------------------------------------- commitments

    def save_commitment(self, commitment: dict[str, object]) -> None:
        """Store one commitment (a plain mapping; dates as ISO strings), replacing its id."""
        body = json.dumps(commitment, default=str, ensure_ascii=False)
        with self._db() as db:
            db.execute(
                "INSERT INTO commitments (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                (str(commitment["id"]), body),
            )

    def delete_commitment(self, commitment_id: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM commitments WHERE id = ?", (commitment_id,))
            db.execute("DELETE FROM link_overrides WHERE commitment_id = ?", (commitment_id,))

    def commitment_rows(self) -> list[dict[str, object]]:
        with self._db() as db:
            rows = db.execute("SELECT body FROM commitments ORDER BY rowid").fetchall()
        return [json.loads(r[0]) for r in rows]

    def set_link(self, post_id: str, commitment_id: str, linked: bool) -> None:
        """A person's word on whether a post belongs to a commitment; it beats the automatic link."""
        with self._db() as db:
            db.execute(
                "INSERT INTO link_overrides (post_id, commitment_id, linked) VALUES (?, ?, ?)"
                " ON CONFLICT (post_id, commitment_id) DO UPDATE SET linked = excluded.linked",
                (post_id, commitment_id, int(linked)),
            )

    def link_overrides(self) -> pl.DataFrame:
        with self._db() as db:
            rows = db.execute("SELECT post_id, commitment_id, linked FROM link_overrides").fetchall()
        return pl.DataFrame(
            [(a, b, bool(c)) for a, b, c in rows],
            schema={S.POST_ID: pl.String, "commitment_id": pl.String, "linked": pl.Boolean},
            orient="row",
        )

    # ----------------------------------------------------------------- labels cache

    def _labels_key(self, dataset_id: str, model_key: str) -> str:
        self._dataset_key(dataset_id)
        return f"labels/{dataset_id}.{model_key}.parquet"

    def labels_path(self, dataset_id: str, model_key: str) -> Path:
        """Where the labels cache of a dataset lives on local disk (local stores only)."""
        path = self.store.local_path(self._labels_key(dataset_id, model_key))
        if path is None:
            raise FollowthroughError("This workspace's files are not on local disk; use read_labels/write_labels.")
        return path

    def read_labels(
        self, dataset_id: str, model_key: str, *, columns: Collection[str] | None = None
    ) -> pl.DataFrame | None:
        """The cached labels of a dataset for one model, if they were saved (only ``columns``, if given)."""
        key = self._labels_key(dataset_id, model_key)
        return read_frame(self.store, key, columns=columns) if self.store.exists(key) else None

    def write_labels(self, dataset_id: str, model_key: str, labelled: pl.DataFrame) -> None:
        """Cache a dataset's labels; labels from other models are dropped."""
        key = self._labels_key(dataset_id, model_key)
        write_frame(self.store, key, labelled)
        for stale in self.store.keys("labels"):
            if stale.startswith(f"labels/{dataset_id}.") and stale != key:
                self.store.delete(stale)

    def dataset_posts(self, dataset_id: str) -> pl.DataFrame:
        return read_frame(self.store, self._dataset_key(dataset_id))

    def fingerprint(self) -> str:
        """Changes whenever datasets, corrections, commitments or link overrides change."""
        with self._db() as db:
            parts = [
                db.execute("SELECT id FROM datasets ORDER BY id").fetchall(),
                db.execute("SELECT count(*), max(corrected_at) FROM corrections").fetchone(),
                db.execute("SELECT body FROM commitments ORDER BY rowid").fetchall(),
                db.execute("SELECT post_id, commitment_id, linked FROM link_overrides ORDER BY 1, 2").fetchall(),
            ]
        return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]

    def is_empty(self) -> bool:
        return not self.datasets()


def _store_for(root: Path) -> Store:
    """The workspace's own folder, or its place under ``FOLLOWTHROUGH_STORE_URL``."""
    url = os.environ.get("FOLLOWTHROUGH_STORE_URL")
    if url:
        return open_store(f"{url.rstrip('/')}/workspaces/{root.name}")
    return open_store(root)


def _exists(records: Records, root: Path, data_dir: Path) -> bool:
    if isinstance(records, SQLiteRecords):
        return root.exists()
    return root.name in list_record_slugs(data_dir)


def list_workspace_slugs(data_dir: str | os.PathLike[str]) -> list[str]:
    """The folder names (slugs) of the workspaces: in ``data_dir``, or on the records server."""
    return list_record_slugs(Path(data_dir))


def list_workspaces(data_dir: str | os.PathLike[str]) -> list[str]:
    return [Workspace.open(data_dir, slug).name for slug in list_workspace_slugs(data_dir)]


def ensure_demo(data_dir: str | os.PathLike[str]) -> Workspace:
    """The demo workspace, generated on first use of a fresh data directory."""
    ws = Workspace.open(data_dir, DEMO)
    if ws.is_empty():
        from data_sources.demo import demo_posts

        posts = demo_posts()
        report = LoadReport(
            file="demo-workspace.parquet",
            format="demo",
            format_label="Demo data (four fictional brands)",
            rows_read=posts.height,
            rows_loaded=posts.height,
        )
        ws.add_dataset(posts, report, name="Demo: four fictional brands, three years", dataset_id=DEMO_DATASET_ID)
        from data_sources.demo import demo_commitments

        for commitment in demo_commitments():
            ws.save_commitment(commitment)
    return ws
