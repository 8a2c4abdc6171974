"""The leadership view: what a leader reads from a share link or an attached report.

One brand's accountability score and its components, the plain-language summary, the
commitments with their status, the say-versus-do trend and the audience response; built
from labelled posts, commitments and links by the same functions every page uses, so the
link, the HTML report and the PDF show the same numbers as the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import plotly.graph_objects as go
import polars as pl

from data_sources import schema as S
from followthrough.i18n import N_, _, format_number, format_percent, ngettext, type_label
from metrics.charts import localise, month_ticks
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

#: Display names, translated where they are shown (``_(COMPONENT_LABELS[key])``).
COMPONENT_LABELS = {
    "cadence": N_("Cadence"),
    "follow_through": N_("Follow-through (90 days)"),
    "specificity": N_("Specificity"),
    "recency": N_("Recency"),
}
STATUS_LABELS = {"on_track": N_("On track"), "overdue": N_("Overdue"), "no_updates": N_("No updates"), "met": N_("Met")}
STATUS_COLOURS = {"on_track": "#009E73", "overdue": "#D55E00", "no_updates": "#57606a", "met": "#0072B2"}
FONT = "Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, system-ui, sans-serif"


@dataclass(frozen=True)
class LeadershipView:
    """Everything the leadership page and the report show, for one brand. It holds figures
    only: its words (the summary, the labels) are written in the reader's language when
    shown, so one cached view serves readers of every language."""

    brand: str
    brands: tuple[str, ...]
    start: date | None
    end: date | None
    as_of: date
    posts: int
    mix: dict[str, int]
    score: float | None
    components: dict[str, float | None]
    commitments: pl.DataFrame
    trend: pl.DataFrame
    audience: pl.DataFrame
    days_since_last_update: int | None
    facts: dict[str, Any] = field(default_factory=dict, repr=False)
    commitment_facts: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    @property
    def summary(self) -> str:
        """The plain-language paragraph, in the current language."""
        return brand_paragraph(self.facts, list(self.commitment_facts))

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
        facts=chosen,
        commitment_facts=tuple(status.to_dicts()),
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
    return localise(fig)


def trend_figure(view: LeadershipView) -> go.Figure:
    """Stances (say) against updates (do), per month."""
    fig = go.Figure()
    for post_type, label in (("stance", _("Stances (say)")), ("commitment_update", _("Updates (do)"))):
        part = view.trend.filter(pl.col(S.TYPE) == post_type)
        fig.add_trace(
            go.Bar(
                x=part["period"].to_list(),
                y=part["posts"].to_list(),
                name=label,
                marker_color=S.TYPE_COLOURS[post_type],
            )
        )
    fig.update_layout(barmode="group", title=_("Says and does: stances and updates per month"), yaxis_title=_("Posts"))
    if not view.trend.is_empty():
        month_ticks(fig, view.trend["period"].min(), view.trend["period"].max())  # type: ignore[arg-type]
    return _layout(fig, height=340)


def components_figure(view: LeadershipView) -> go.Figure:
    """The four components of the score, 0–100, with their weights."""
    keys = list(WEIGHTS)
    values = [view.components.get(k) for k in keys]
    labels = [
        _("{component} (×{weight})").format(component=_(COMPONENT_LABELS[k]), weight=format_number(WEIGHTS[k], 1))
        for k in keys
    ]
    fig = go.Figure(
        go.Bar(
            x=[0 if v is None else 100 * v for v in values],
            y=labels,
            orientation="h",
            marker_color=["#0072B2" if v is not None else "#d0d7de" for v in values],
            text=[_("n/a") if v is None else format_number(100 * v) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                _("n/a") if v is None else _("{score} / 100").format(score=format_number(100 * v)) for v in values
            ],
            hovertemplate="%{y}: %{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(
        title=_("What the score is made of"),
        xaxis={"range": [0, 112], "tickvals": [0, 25, 50, 75, 100], "title": _("out of 100")},
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, height=260)


def audience_figure(view: LeadershipView) -> go.Figure | None:
    """Mean engagement rate by post type; ``None`` when the exports carry no engagement."""
    if view.audience.is_empty():
        return None
    order = {t: i for i, t in enumerate(S.POST_TYPES)}
    data = view.audience.sort(pl.col(S.TYPE).replace_strict(order, return_dtype=pl.Int32))
    types, rates, counts = data[S.TYPE].to_list(), data["mean_rate"].to_list(), data["posts"].to_list()
    fig = go.Figure(
        go.Bar(
            x=[type_label(t) for t in types],
            y=rates,
            marker_color=[S.TYPE_COLOURS[t] for t in types],
            hovertext=[
                ngettext("{type}: {rate} ({n} post)", "{type}: {rate} ({n} posts)", int(n)).format(
                    type=type_label(t), rate=format_percent(r, 2), n=format_number(n)
                )
                for t, r, n in zip(types, rates, counts, strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(title=_("How the audience responds: mean engagement rate"), yaxis_tickformat=".1%")
    return _layout(fig, height=300)


#: The columns of :func:`commitment_rows`, with their headings.
COMMITMENT_COLUMNS = {
    "title": N_("Commitment"),
    "status_label": N_("Status"),
    "score": N_("Score"),
    "updates": N_("Updates"),
    "last_update": N_("Last update"),
    "days_since": N_("Days since"),
    "cadence_days": N_("Promised every (days)"),
}


def commitment_rows(view: LeadershipView) -> list[dict[str, Any]]:
    """The commitments as display rows (the page and the report print the same): the
    status both as its code (``status``, for its colour) and in the reader's language.
    Headings for the columns are in :data:`COMMITMENT_COLUMNS`."""

    def status_label(code: str) -> str:
        return _(STATUS_LABELS[code]) if code in STATUS_LABELS else code

    return [
        {
            "title": r["title"],
            "status": r["status"],
            "status_label": status_label(r["status"]),
            "score": r["accountability_score"],
            "updates": r["updates"],
            "last_update": r["last_update"],
            "days_since": r["days_since_last_update"],
            "cadence_days": r["cadence_days"],
        }
        for r in view.commitments.iter_rows(named=True)
    ]
