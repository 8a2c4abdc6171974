"""From a workspace and a share link to what the leader sees.

A snapshot link freezes the labelled posts in the creator's view (filters applied), the
commitments and their links, and the day the figures were computed for; a live link
stores the view and recomputes from the workspace as it is now. Both end in the same
:class:`metrics.leadership.LeadershipView`, which the page and the report render.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from data_sources import schema as S
from data_sources.shares import Share, Snapshot, create_share, load_snapshot
from data_sources.workspace import Workspace
from metrics.classify import Classifier
from metrics.commitments import empty_commitments, link_posts, make_commitments, suggest_commitments
from metrics.consistency import Filters, apply_filters, today
from metrics.leadership import LeadershipView, build_view
from metrics.pipeline import accountability, labelled_posts


def filters_to_dict(filters: Filters) -> dict[str, Any]:
    return {
        "brands": list(filters.brands),
        "platforms": list(filters.platforms),
        "languages": list(filters.languages),
        "topics": list(filters.topics),
        "start": filters.start.isoformat() if filters.start else None,
        "end": filters.end.isoformat() if filters.end else None,
    }


def filters_from_dict(data: dict[str, Any]) -> Filters:
    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    return Filters(
        brands=tuple(data.get("brands") or ()),
        platforms=tuple(data.get("platforms") or ()),
        languages=tuple(data.get("languages") or ()),
        topics=tuple(data.get("topics") or ()),
        start=day(data.get("start")),
        end=day(data.get("end")),
    )


def view_of(
    posts: pl.DataFrame, commitments: pl.DataFrame, links: pl.DataFrame, *, brand: str | None, as_of: date
) -> LeadershipView | None:
    """The leadership view; with no commitment declared, the ones suggested from the stances."""
    if commitments.is_empty() and not posts.is_empty():
        commitments = suggest_commitments(posts)
        links = link_posts(posts, commitments)
    return build_view(posts, commitments, links, brand=brand, as_of=as_of)


def share_workspace(
    ws: Workspace,
    classifier: Classifier,
    *,
    filters: Filters | None = None,
    brand: str | None = None,
    language: str = "en",
    label: str = "",
    expires_days: int = 90,
    live: bool = False,
    as_of: date | None = None,
) -> tuple[Share, str]:
    """Create a share link of ``ws`` as seen through ``filters``; returns the share and its token."""
    filters = filters or Filters()
    as_of = as_of or today()
    view: dict[str, Any] = {"brand": brand, "filters": filters_to_dict(filters), "language": language}
    snapshot = None
    if not live:
        posts = labelled_posts(ws, classifier)
        acc = accountability(ws, posts)
        shown = apply_filters(posts, filters)
        links = acc.links.join(shown.select(S.POST_ID), on=S.POST_ID, how="semi")
        snapshot = Snapshot(posts=shown, commitments=ws.commitment_rows(), links=links)
        view["as_of"] = as_of.isoformat()
    return create_share(ws, view=view, snapshot=snapshot, label=label, expires_days=expires_days)


def shared_view(ws: Workspace, share: Share, classifier: Classifier | None) -> LeadershipView | None:
    """What ``share`` shows now: its snapshot, or for a live link the workspace today."""
    filters = filters_from_dict(share.filters)
    if share.live:
        if classifier is None:
            raise ValueError("a live link needs the classifier")
        posts = apply_filters(labelled_posts(ws, classifier), filters)
        acc = accountability(ws, posts)
        return view_of(posts, acc.commitments, acc.links, brand=share.brand, as_of=today())
    snap = load_snapshot(ws, share)
    commitments = make_commitments(snap.commitments) if snap.commitments else empty_commitments()
    as_of = date.fromisoformat(share.view.get("as_of") or today().isoformat())
    return view_of(snap.posts, commitments, snap.links, brand=share.brand, as_of=as_of)
