"""The leadership view: what a leader reads from a share link or an attached report.

One brand's accountability score and its components, the plain-language summary, the
commitments with their status, the say-versus-do trend and the audience response; built
from labelled posts, commitments and links by the same functions every page uses, so the
link, the HTML report and the PDF show the same numbers as the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import plotly.graph_objects as go
import polars as pl

from data_sources import schema as S
from metrics.consistency import (
    WEIGHTS,
    audience_response,
    brand_summary,
    commitment_scores,
    commitment_status,
    say_do_trend,
    today,
)
from metrics.narrative import brand_paragraph

COMPONENT_LABELS = {
    "cadence": "Cadence",
    "follow_through": "Follow-through (90 days)",
    "specificity": "Specificity",
    "recency": "Recency",
}
STATUS_LABELS = {"on_track": "On track", "overdue": "Overdue", "no_updates": "No updates", "met": "Met"}
STATUS_COLOURS = {"on_track": "#009E73", "overdue": "#D55E00", "no_updates": "#57606a", "met": "#0072B2"}
FONT = "Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, system-ui, sans-serif"


@dataclass(frozen=True)
class LeadershipView:
    """Everything the leadership page and the report show, for one brand."""

    brand: str
    brands: tuple[str, ...]
    start: date | None
    end: date | None
    as_of: date
    posts: int
    mix: dict[str, int]
    score: float | None
    components: dict[str, float | None]
    summary: str
    commitments: pl.DataFrame
    trend: pl.DataFrame
    audience: pl.DataFrame
    days_since_last_update: int | None

    @property
    def overdue(self) -> int:
        if self.commitments.is_empty():
            return 0
        return int(self.commitments["status"].is_in(["overdue", "no_updates"]).sum())


def build_view(
    posts: pl.DataFrame,
    commitments: pl.DataFrame,
    links: pl.DataFrame,
    *,
    brand: str | None = None,
    as_of: date | None = None,
) -> LeadershipView | None:
    """The view of ``brand`` (default: the brand with the most posts); ``None`` without posts."""
    if posts.is_empty():
        return None
    as_of = as_of or today()
    brands = brand_summary(posts, commitments, links, as_of=as_of)
    names = tuple(b["brand"] for b in brands)
    chosen = next((b for b in brands if b["brand"] == brand), None) or max(brands, key=lambda b: b["posts"])
    focus = chosen["brand"]
    mine = posts.filter(pl.col(S.BRAND) == focus)
    status = commitment_scores(commitment_status(posts, commitments, links, as_of=as_of), posts, links, as_of=as_of)
    status = status.filter(pl.col("brand") == focus).sort("accountability_score", nulls_last=True)
    paragraph = brand_paragraph(chosen, status.to_dicts())
    audience = audience_response(mine)
    view = LeadershipView(
        brand=focus,
        brands=names,
        start=mine[S.PUBLISHED_AT].min().date(),  # type: ignore[union-attr]
        end=mine[S.PUBLISHED_AT].max().date(),  # type: ignore[union-attr]
        as_of=as_of,
        posts=chosen["posts"],
        mix=dict(chosen["mix"]),
        score=chosen["accountability_score"],
        components=dict(chosen["components"]),
        summary=paragraph,
        commitments=status.select(
            "id",
            "title",
            "status",
            "accountability_score",
            "updates",
            "last_update",
            "days_since_last_update",
            "cadence_days",
            "longest_silence_days",
        ),  # fmt: skip
        trend=say_do_trend(mine),
        audience=audience,
        days_since_last_update=chosen["days_since_last_update"],
    )
    return view


def _layout(fig: go.Figure, *, height: int) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 56, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": None},
        font={"family": FONT},
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_yaxes(gridcolor="#eaeef2")
    return fig


def trend_figure(view: LeadershipView) -> go.Figure:
    """Stances (say) against updates (do), per month."""
    fig = go.Figure()
    for post_type, label in (("stance", "Stances (say)"), ("commitment_update", "Updates (do)")):
        part = view.trend.filter(pl.col(S.TYPE) == post_type)
        fig.add_trace(
            go.Bar(
                x=part["period"].to_list(),
                y=part["posts"].to_list(),
                name=label,
                marker_color=S.TYPE_COLOURS[post_type],
            )
        )
    fig.update_layout(barmode="group", title="Says and does: stances and updates per month", yaxis_title="Posts")
    fig.update_xaxes(tickformat="%b %Y", dtick="M3" if view.trend["period"].n_unique() > 8 else "M1")
    return _layout(fig, height=340)


def components_figure(view: LeadershipView) -> go.Figure:
    """The four components of the score, 0–100, with their weights."""
    keys = list(WEIGHTS)
    values = [view.components.get(k) for k in keys]
    labels = [f"{COMPONENT_LABELS[k]} (×{WEIGHTS[k]:.1f})" for k in keys]
    fig = go.Figure(
        go.Bar(
            x=[0 if v is None else 100 * v for v in values],
            y=labels,
            orientation="h",
            marker_color=["#0072B2" if v is not None else "#d0d7de" for v in values],
            text=["n/a" if v is None else f"{100 * v:.0f}" for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.0f} / 100<extra></extra>",
        )
    )
    fig.update_layout(
        title="What the score is made of",
        xaxis={"range": [0, 112], "tickvals": [0, 25, 50, 75, 100], "title": "out of 100"},
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, height=260)


def audience_figure(view: LeadershipView) -> go.Figure | None:
    """Mean engagement rate by post type; ``None`` when the exports carry no engagement."""
    if view.audience.is_empty():
        return None
    order = {t: i for i, t in enumerate(S.POST_TYPES)}
    data = view.audience.sort(pl.col(S.TYPE).replace_strict(order, return_dtype=pl.Int32))
    fig = go.Figure(
        go.Bar(
            x=[S.TYPE_LABELS[t] for t in data[S.TYPE].to_list()],
            y=data["mean_rate"].to_list(),
            marker_color=[S.TYPE_COLOURS[t] for t in data[S.TYPE].to_list()],
            customdata=data["posts"].to_list(),
            hovertemplate="%{x}: %{y:.2%} (%{customdata} posts)<extra></extra>",
        )
    )
    fig.update_layout(title="How the audience responds: mean engagement rate", yaxis_tickformat=".1%")
    return _layout(fig, height=300)


def commitment_rows(view: LeadershipView) -> list[dict[str, Any]]:
    """The commitments table as display rows (the page and the report print the same)."""
    rows = []
    for r in view.commitments.iter_rows(named=True):
        rows.append(
            {
                "Commitment": r["title"],
                "Status": STATUS_LABELS.get(r["status"], r["status"]),
                "status": r["status"],
                "Score": r["accountability_score"],
                "Updates": r["updates"],
                "Last update": r["last_update"],
                "Days since": r["days_since_last_update"],
                "Promised every (days)": r["cadence_days"],
            }
        )
    return rows
