"""Read-only share links for leadership.

A link carries a 256-bit random token (``secrets.token_urlsafe(32)``) in its ``share``
query parameter. Only the token's SHA-256 is stored, in the workspace's SQLite, with a
label, an expiry, a revocation time and when it was last opened. A **snapshot** link
also stores the labelled posts, commitments and links as they were when it was shared
(``shares/<id>/`` in the workspace), so its numbers never move; a **live** link stores
only the view (brand, filters, language) and reads the workspace as it is now.

Resolving a token looks for its hash in every workspace of the data directory, compares
in constant time, and says only "this link does not work" for any failure reason shown
to a viewer (the reason is kept for the owner's list). Repeated wrong tokens from one
client are slowed down by :class:`Throttle`.

Nothing here logs or prints a token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import polars as pl

from data_sources.errors import FollowthroughError
from data_sources.storage import read_frame, write_frame
from data_sources.workspace import Workspace, list_workspace_slugs
from followthrough.i18n import _

DEFAULT_EXPIRY_DAYS = 90
MAX_EXPIRY_DAYS = 3650
DEFAULT_BASE_URL = "http://localhost:8501"
TOKEN_BYTES = 32  # 256 bits
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")


class ShareError(FollowthroughError):
    """A share link that cannot be opened: ``reason`` is one of invalid, expired, revoked.
    Its message is in the viewer's language (the one in force when it is raised)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        if reason == "expired":
            message = _("This link has expired. Ask the person who shared it for a new one.")
        elif reason == "revoked":
            message = _("This link has been withdrawn. Ask the person who shared it for a new one.")
        else:
            message = _("This link does not work. Check that it was copied whole, or ask for a new one.")
        super().__init__(message)


@dataclass(frozen=True)
class Share:
    """One share link, as its owner sees it in the list (never the token)."""

    id: str
    workspace: str
    label: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_opened_at: datetime | None
    opens: int
    live: bool
    view: dict[str, Any] = field(default_factory=dict)

    @property
    def brand(self) -> str | None:
        return self.view.get("brand")

    @property
    def filters(self) -> dict[str, Any]:
        return dict(self.view.get("filters") or {})

    @property
    def language(self) -> str:
        """The language the link was made in (links made before there was a choice: English)."""
        return str(self.view.get("language") or "en")

    def state(self, now: datetime | None = None) -> str:
        """``active``, ``expired`` or ``revoked``."""
        if self.revoked_at is not None:
            return "revoked"
        if (now or datetime.now(UTC)) >= self.expires_at:
            return "expired"
        return "active"


@dataclass(frozen=True)
class Snapshot:
    """What a snapshot link shows: labelled posts, commitments and links, frozen at ``as_of``."""

    posts: pl.DataFrame
    commitments: list[dict[str, Any]]
    links: pl.DataFrame


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def base_url() -> str:
    """``FOLLOWTHROUGH_BASE_URL`` (where leaders reach the app), by default http://localhost:8501."""
    return (os.environ.get("FOLLOWTHROUGH_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")


def share_url(token: str, base: str | None = None) -> str:
    return f"{(base or base_url()).rstrip('/')}/leadership?share={token}"


def _snapshot_key(share_id: str, name: str) -> str:
    return f"shares/{share_id}/{name}"


def create_share(
    ws: Workspace,
    *,
    view: dict[str, Any],
    snapshot: Snapshot | None,
    label: str = "",
    expires_days: int = DEFAULT_EXPIRY_DAYS,
    now: datetime | None = None,
) -> tuple[Share, str]:
    """Create a link; returns the share and its token (shown once, never stored).

    ``snapshot=None`` makes a live link. ``view`` holds the brand, filters, language and,
    for snapshots, ``as_of`` (the day the figures were computed for).
    """
    if not 1 <= int(expires_days) <= MAX_EXPIRY_DAYS:
        raise FollowthroughError(
            _("A link can last from 1 to {most} days, not {days}.").format(most=MAX_EXPIRY_DAYS, days=expires_days)
        )
    label = " ".join(str(label).split())[:120]
    token = secrets.token_urlsafe(TOKEN_BYTES)
    share_id = uuid.uuid4().hex[:10]
    created = now or datetime.now(UTC)
    share = Share(
        id=share_id,
        workspace=ws.slug,
        label=label,
        created_at=created,
        expires_at=created + timedelta(days=int(expires_days)),
        revoked_at=None,
        last_opened_at=None,
        opens=0,
        live=snapshot is None,
        view=json.loads(json.dumps(view, default=str)),
    )
    if snapshot is not None:  # complete on disk before the link exists
        write_frame(ws.store, _snapshot_key(share_id, "posts.parquet"), snapshot.posts)
        write_frame(ws.store, _snapshot_key(share_id, "links.parquet"), snapshot.links)
        ws.store.write_bytes(
            _snapshot_key(share_id, "commitments.json"),
            json.dumps(snapshot.commitments, default=str, ensure_ascii=False).encode(),
        )
    with ws._db() as db:
        db.execute(
            "INSERT INTO shares (id, token_hash, label, created_at, expires_at, live, view)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                share.id,
                hash_token(token),
                share.label,
                share.created_at.isoformat(),
                share.expires_at.isoformat(),
                int(share.live),
                json.dumps(share.view, ensure_ascii=False),
            ),
        )
    return share, token


_COLUMNS = "id, label, created_at, expires_at, revoked_at, last_opened_at, opens, live, view"


def _share(ws: Workspace, row: tuple[Any, ...]) -> Share:
    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return Share(
        id=row[0],
        workspace=ws.slug,
        label=row[1],
        created_at=datetime.fromisoformat(row[2]),
        expires_at=datetime.fromisoformat(row[3]),
        revoked_at=when(row[4]),
        last_opened_at=when(row[5]),
        opens=int(row[6]),
        live=bool(row[7]),
        view=json.loads(row[8]),
    )


def list_shares(ws: Workspace, *, include_inactive: bool = False, now: datetime | None = None) -> list[Share]:
    """The workspace's links, newest first; by default only the ones that still open."""
    with ws._db() as db:
        rows = db.execute(f"SELECT {_COLUMNS} FROM shares ORDER BY created_at DESC").fetchall()
    shares = [_share(ws, r) for r in rows]
    return shares if include_inactive else [s for s in shares if s.state(now) == "active"]


def revoke_share(ws: Workspace, share_id: str, *, now: datetime | None = None) -> Share:
    """Withdraw a link at once; its snapshot is deleted."""
    with ws._db() as db:
        changed = db.execute(
            "UPDATE shares SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            ((now or datetime.now(UTC)).isoformat(), share_id),
        ).rowcount
        row = db.execute(f"SELECT {_COLUMNS} FROM shares WHERE id = ?", (share_id,)).fetchone()
    if row is None:
        raise FollowthroughError(
            _(
                "There is no share link '{id}' in workspace '{workspace}'. "
                "`followthrough share list --workspace NAME` shows the ids."
            ).format(id=share_id, workspace=ws.name)
        )
    if changed:
        ws.store.delete_prefix(f"shares/{share_id}")
    return _share(ws, row)


def find_share(data_dir: str | os.PathLike[str], share_id: str) -> Workspace:
    """The workspace that holds link ``share_id`` (ids are unique across workspaces)."""
    for slug in list_workspace_slugs(data_dir):
        ws = Workspace.open(data_dir, slug, create=False)
        with ws._db() as db:
            if db.execute("SELECT 1 FROM shares WHERE id = ?", (share_id,)).fetchone():
                return ws
    raise FollowthroughError(
        _("There is no share link '{id}'. `followthrough share list --workspace NAME` shows the ids.").format(
            id=share_id
        )
    )


def resolve_share(
    data_dir: str | os.PathLike[str], token: str | None, *, now: datetime | None = None, record: bool = True
) -> tuple[Workspace, Share]:
    """The workspace and share a token opens, or :class:`ShareError`.

    The token's hash is looked up in each workspace and compared in constant time; only
    the workspace that holds it is ever opened for the viewer.
    """
    if not token or not _TOKEN_SHAPE.match(token):
        raise ShareError("invalid")
    digest = hash_token(token)
    now = now or datetime.now(UTC)
    for slug in list_workspace_slugs(data_dir):
        ws = Workspace.open(data_dir, slug, create=False)
        with ws._db() as db:
            row = db.execute(f"SELECT {_COLUMNS}, token_hash FROM shares WHERE token_hash = ?", (digest,)).fetchone()
        if row is None or not hmac.compare_digest(row[-1], digest):
            continue
        share = _share(ws, row[:-1])
        state = share.state(now)
        if state != "active":
            raise ShareError(state)
        if record:
            with ws._db() as db:
                db.execute(
                    "UPDATE shares SET last_opened_at = ?, opens = opens + 1 WHERE id = ?", (now.isoformat(), share.id)
                )
        return ws, share
    raise ShareError("invalid")


def load_snapshot(ws: Workspace, share: Share) -> Snapshot:
    """The frozen data of a snapshot link."""
    if share.live:
        raise FollowthroughError(_("A live link has no snapshot: it reads the workspace as it is now."))
    try:
        posts = read_frame(ws.store, _snapshot_key(share.id, "posts.parquet"))
        links = read_frame(ws.store, _snapshot_key(share.id, "links.parquet"))
        commitments = json.loads(ws.store.read_bytes(_snapshot_key(share.id, "commitments.json")).decode("utf-8"))
    except (OSError, ValueError, pl.exceptions.PolarsError) as exc:
        raise ShareError("invalid") from exc
    return Snapshot(posts=posts, commitments=commitments, links=links)


class Throttle:
    """Slows down repeated wrong tokens from one client: after ``free`` failures within
    ``window`` seconds, each further attempt waits twice as long as the last (capped)."""

    def __init__(self, *, free: int = 3, window: float = 600.0, base: float = 0.5, cap: float = 8.0) -> None:
        self.free, self.window, self.base, self.cap = free, window, base, cap
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(client, []) if now - t < self.window]
        self._failures[client] = kept
        return kept

    def delay(self, client: str, *, now: float | None = None) -> float:
        """Seconds to wait before checking this client's next token."""
        with self._lock:
            extra = len(self._recent(client, time.monotonic() if now is None else now)) - self.free
        return 0.0 if extra < 0 else min(self.cap, self.base * 2**extra)

    def failed(self, client: str, *, now: float | None = None) -> None:
        with self._lock:
            self._recent(client, time.monotonic() if now is None else now).append(
                time.monotonic() if now is None else now
            )

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


THROTTLE = Throttle()
