from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import _, format_date, format_list, format_number, format_percent, ngettext, type_label
from metrics.consistency import audience_response, engagement_rates, has_engagement
from pages._language import use_language
from pages._shared import (
    COLOURS,
    TYPE_ORDER,
    plotly_layout,
    show_post,
    start_page,
)

use_language()

ws, everything, frame = start_page(
    _("Audience response"),
    empty_message=_("No posts yet: upload exports with engagement columns to see how audiences respond."),
)
if not has_engagement(frame):
    st.warning(
        _(
            "These exports have no engagement columns (likes, comments, shares, engagements), so audience "
            "response cannot be measured. Nothing is estimated. Upload an analytics export (X Analytics, "
            "Meta Business Suite, LinkedIn, Sprout Social) to see it."
        )
    )
    st.stop()

BASIS = {
    "per impression": _("engagements per impression"),
    "vs brand median": _("engagements against the brand's median"),
}
response = audience_response(frame)
basis = [BASIS.get(b, b) for b in response["basis"].mode().to_list()]
st.caption(
    _(
        "Engagement rate: {basis}. Lift: how much more (or less) each kind of post engages than the same brand's "
        "promotional posts, with a 90% interval."
    ).format(basis=format_list(basis))
)

fig = go.Figure()
for post_type in TYPE_ORDER:
    part = response.filter(pl.col(S.TYPE) == post_type)
    fig.add_trace(
        go.Bar(
            x=part[S.BRAND].to_list(),
            y=part["mean_rate"].to_list(),
            name=type_label(post_type),
            marker_color=COLOURS[post_type],
            customdata=[
                ngettext("{brand}: {rate} ({n} post)", "{brand}: {rate} ({n} posts)", n).format(
                    brand=brand, rate=format_percent(rate, 2), n=format_number(n)
                )
                for brand, rate, n in zip(part[S.BRAND], part["mean_rate"], part["posts"], strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
fig.update_layout(
    barmode="group",
    title=_("Which posts does the audience engage with?"),
    yaxis_tickformat=".1%",
    yaxis_title=_("Mean engagement rate"),
)
st.plotly_chart(plotly_layout(fig), key="engagement_chart")

lift = response.filter(pl.col("lift").is_not_null() & pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
if lift.is_empty():
    st.caption(_("Not enough stances or updates next to promotional posts to estimate a lift."))
else:
    fig2 = go.Figure()
    for post_type in ("stance", "commitment_update"):
        part = lift.filter(pl.col(S.TYPE) == post_type)
        fig2.add_trace(
            go.Scatter(
                x=part["lift"].to_list(),
                y=part[S.BRAND].to_list(),
                mode="markers",
                name=type_label(post_type),
                marker={"color": COLOURS[post_type], "size": 12},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (part["lift_high"] - part["lift"]).to_list(),
                    "arrayminus": (part["lift"] - part["lift_low"]).to_list(),
                },
                hovertemplate="%{y}: %{x:+.0%}<extra></extra>",
            )
        )
    fig2.add_vline(x=0, line_color="#57606a", line_dash="dot")
    fig2.update_layout(
        title=_("Do stances and updates engage more than promotion? (0 = the same)"),
        xaxis_tickformat="+.0%",
        scattermode="group",
    )
    st.plotly_chart(plotly_layout(fig2, height=140 + 60 * lift[S.BRAND].n_unique()), key="lift_chart")

rates = engagement_rates(frame)
kind = (
    st.segmented_control(
        _("Show"),
        ["stance", "commitment_update", "promotional", "other"],
        default="commitment_update",
        format_func=type_label,
        key="audience_type",
    )
    or "commitment_update"
)
part = rates.filter(pl.col(S.TYPE) == kind).sort("rate", descending=True)


def meta(post: dict[str, object]) -> str:
    return _("{brand} · {date} · rate {rate}").format(
        brand=post[S.BRAND],
        date=format_date(post[S.PUBLISHED_AT]),
        rate=format_percent(post["rate"], 2),  # type: ignore[arg-type]
    )


best, worst = st.columns(2)
with best:
    st.subheader(_("Best"))
    for post in part.head(5).iter_rows(named=True):
        show_post(post[S.TEXT], meta(post))
with worst:
    st.subheader(_("Worst"))
    for post in part.tail(5).reverse().iter_rows(named=True):
        show_post(post[S.TEXT], meta(post))
if part.is_empty():
    st.caption(_("No posts of this kind with engagement in this view."))
