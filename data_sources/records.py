"""Where a workspace's small records live: the dataset list, corrections, commitments,
link overrides and share links.

Two implementations sit behind one interface, :class:`Records`:

- :class:`SQLiteRecords`, the default: ``workspace.sqlite`` in the workspace's folder.
- :class:`PostgresRecords`, when ``FOLLOWTHROUGH_RECORDS_URL`` names a PostgreSQL server
  (``postgresql://user:password@host:5432/db``). Each workspace gets its own schema, and
  a registry table lists the workspaces, so several replicas of the app (with a shared
  ``FOLLOWTHROUGH_STORE_URL`` for the Parquet files) see the same records.

The SQL the workspace runs is written once, in the subset both databases speak: ``?``
placeholders (turned into ``%s`` for PostgreSQL), ``INSERT … ON CONFLICT``, and a
``rowid`` column for insertion order (SQLite's own; a ``BIGSERIAL`` in PostgreSQL).

>>> import tempfile, pathlib
>>> records = open_records(pathlib.Path(tempfile.mkdtemp()), "acme")
>>> isinstance(records, SQLiteRecords)
True
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from data_sources.errors import FollowthroughError

__all__ = [
    "RECORDS_URL_ENV",
    "Connection",
    "PostgresRecords",
    "Records",
    "SQLiteRecords",
    "list_record_slugs",
    "open_records",
    "records_url",
]

RECORDS_URL_ENV = "FOLLOWTHROUGH_RECORDS_URL"
SQLITE_FILE = "workspace.sqlite"

#: The tables of one workspace. ``{rowid}`` is empty for SQLite (every table has a rowid)
#: and a ``rowid BIGSERIAL`` column for PostgreSQL, so ``ORDER BY rowid`` means the same.
_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS datasets (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL,
        rows INTEGER NOT NULL, added_at TEXT NOT NULL, report TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS corrections (
        post_id TEXT PRIMARY KEY, text TEXT NOT NULL, type TEXT NOT NULL, corrected_at TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS commitments ({rowid}id TEXT PRIMARY KEY, body TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS link_overrides (
        post_id TEXT NOT NULL, commitment_id TEXT NOT NULL, linked INTEGER NOT NULL,
        PRIMARY KEY (post_id, commitment_id))""",
    """CREATE TABLE IF NOT EXISTS shares (
        id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT,
        last_opened_at TEXT, opens INTEGER NOT NULL DEFAULT 0, live INTEGER NOT NULL,
        view TEXT NOT NULL)""",
)


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """What the workspace's code uses of a connection: ``execute`` with ``?`` placeholders."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...


class Records(Protocol):
    """One workspace's records."""

    #: Where they are, for messages and logs (never a password).
    where: str

    def connect(self) -> Any:
        """A context manager giving a :class:`Connection` inside one transaction:
        committed when the block ends, rolled back when it raises."""
        ...

    def create(self, name: str) -> str:
        """Make the tables if they are missing; store ``name`` unless one is stored.
        Returns the stored name."""
        ...


def records_url() -> str | None:
    """``FOLLOWTHROUGH_RECORDS_URL``, if set."""
    url = os.environ.get(RECORDS_URL_ENV, "").strip()
    return url or None


def open_records(root: Path, slug: str) -> Records:
    """The records of workspace ``slug``: on the server named by ``FOLLOWTHROUGH_RECORDS_URL``,
    otherwise in ``root/workspace.sqlite``."""
    url = records_url()
    if url is None:
        return SQLiteRecords(root / SQLITE_FILE)
    return PostgresRecords(url, slug)


def list_record_slugs(data_dir: Path) -> list[str]:
    """The workspaces that have records: from the server's registry, or the data directory."""
    url = records_url()
    if url is not None:
        return PostgresRecords.registered(url)
    base = data_dir / "workspaces"
    if not base.exists():
        return []
    return sorted(p.name for p in base.iterdir() if (p / SQLITE_FILE).exists())


def _create_tables(db: Connection, name: str, *, rowid: str) -> str:
    for statement in _TABLES:
        db.execute(statement.replace("{rowid}", rowid))
    db.execute("INSERT INTO meta (key, value) VALUES ('name', ?) ON CONFLICT (key) DO NOTHING", (name,))
    stored = db.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
    return str(stored[0]) if stored else name


# --------------------------------------------------------------------------- SQLite


def _wal(db: sqlite3.Connection, timeout: float = 30.0) -> None:
    """Switch to write-ahead logging. While another session is still creating the database,
    SQLite refuses the switch at once ("database is locked") instead of waiting: retry."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteRecords:
    """Records in one SQLite file, in write-ahead-log mode with full syncs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            _wal(db)
            db.execute("PRAGMA synchronous=FULL")
            with db:
                yield db
        finally:
            db.close()

    def create(self, name: str) -> str:
        with self.connect() as db:
            return _create_tables(db, name, rowid="")


# --------------------------------------------------------------------------- PostgreSQL

_REGISTRY = "followthrough_workspaces"
_PLACEHOLDER = re.compile(r"\?")
_SCHEMA_SAFE = re.compile(r"[a-z0-9_]+")


def schema_name(slug: str) -> str:
    """The PostgreSQL schema of a workspace: readable when it fits, always unique.

    >>> schema_name("acme-nordics")
    'ft_acme_nordics'
    """
    readable = "ft_" + slug.replace("-", "_")
    if len(readable) <= 48 and _SCHEMA_SAFE.fullmatch(readable):
        return readable  # slugs have no "_", so "a-b" and "a_b" cannot meet
    return "ft_h" + hashlib.sha256(slug.encode("utf-8")).hexdigest()[:24]


class _PostgresConnection:
    """A psycopg connection that takes the workspace's ``?`` placeholders."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        return self._conn.execute(_PLACEHOLDER.sub("%s", sql.replace("%", "%%")), tuple(parameters))


class _Pool:
    """A few idle connections per server, reused across script runs (threads)."""

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep
        self._idle: dict[str, list[Any]] = {}
        self._lock = threading.Lock()

    def take(self, url: str) -> Any:
        with self._lock:
            idle = self._idle.get(url, [])
            while idle:
                conn = idle.pop()
                if not conn.closed and conn.info.transaction_status == 0:  # IDLE
                    return conn
                conn.close()
        return _connect(url)

    def give(self, url: str, conn: Any) -> None:
        with self._lock:
            idle = self._idle.setdefault(url, [])
            if len(idle) < self.keep and not conn.closed:
                idle.append(conn)
                return
        conn.close()


_POOL = _Pool()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


def _connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise FollowthroughError(
            f"{RECORDS_URL_ENV} names a PostgreSQL server, but the 'psycopg' package is missing: "
            "run `pip install 'psycopg[binary]'` in the app's environment."
        ) from exc
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise FollowthroughError(
            f"Cannot reach the records database at {_redact(url)}: {str(exc).strip().splitlines()[0]}. "
            f"Check that the server is running and that {RECORDS_URL_ENV} is right."
        ) from exc


class PostgresRecords:
    """Records on a PostgreSQL server: one schema per workspace, plus a registry table."""

    def __init__(self, url: str, slug: str) -> None:
        self.url = url
        self.slug = slug
        self.schema = schema_name(slug)
        self.where = f"{_redact(url)} (schema {self.schema})"

    @contextmanager
    def _session(self) -> Iterator[Any]:
        conn = _POOL.take(self.url)
        healthy = False
        try:
            yield conn
            healthy = True
        finally:
            if healthy:
                _POOL.give(self.url, conn)
            else:
                conn.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        from psycopg import sql

        with self._session() as conn, conn.transaction():
            conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(self.schema)))
            yield _PostgresConnection(conn)

    def create(self, name: str) -> str:
        from psycopg import sql

        with self._session() as conn, conn.transaction():
            # One creator at a time: CREATE … IF NOT EXISTS races in PostgreSQL.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('followthrough-create'))")
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS public.{_REGISTRY} (slug TEXT PRIMARY KEY, schema_name TEXT NOT NULL)"
            )
            conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema)))
            conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(self.schema)))
            stored = _create_tables(_PostgresConnection(conn), name, rowid="rowid BIGSERIAL, ")
            conn.execute(
                f"INSERT INTO public.{_REGISTRY} (slug, schema_name) VALUES (%s, %s) ON CONFLICT (slug) DO NOTHING",
                (self.slug, self.schema),
            )
        return stored

    @staticmethod
    def registered(url: str) -> list[str]:
        """Every workspace slug in the registry."""
        conn = _POOL.take(url)
        try:
            exists = conn.execute("SELECT to_regclass(%s)", (f"public.{_REGISTRY}",)).fetchone()[0]
            rows = conn.execute(f"SELECT slug FROM public.{_REGISTRY} ORDER BY slug").fetchall() if exists else []
        except Exception:
            conn.close()
            raise
        _POOL.give(url, conn)
        return [str(r[0]) for r in rows]
