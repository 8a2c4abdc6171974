from __future__ import annotations

import plotly.express as px
import polars as pl
import streamlit as st

from data_sources import schema as S
from metrics.consistency import cause_marketing, content_mix
from pages._shared import (
    COLOURS,
    TOPIC_NAMES,
    TYPE_ORDER,
    plotly_layout,
    show_post,
    start_page,
)

ws, everything, frame = start_page(
    "Content mix", empty_message="No posts yet: upload exports to see what each brand posts about."
)

every = st.segmented_control(
    "Per", ["week", "month", "quarter"], default=st.query_params.get("every", "month"), key="mix_every"
)
every = every or "month"
st.query_params["every"] = every
split = st.toggle("One chart per brand", value=frame[S.BRAND].n_unique() > 1, key="mix_split")
mix = content_mix(frame, every={"week": "1w", "month": "1mo", "quarter": "1q"}[every], by=(S.BRAND,) if split else ())
mix = mix.with_columns(pl.col(S.TYPE).replace_strict(S.TYPE_LABELS).alias("Type"))
fig = px.bar(
    mix.to_pandas(),
    x="period",
    y="share",
    color="Type",
    facet_row=S.BRAND if split else None,
    color_discrete_map={S.TYPE_LABELS[t]: COLOURS[t] for t in TYPE_ORDER},
    category_orders={"Type": [S.TYPE_LABELS[t] for t in TYPE_ORDER]},
    custom_data=["Type", "posts"] + ([S.BRAND] if split else []),
    title="What share of the posts says, does, sells, or none of these?",
)
fig.update_traces(hovertemplate="%{x|%b %Y}: %{customdata[0]}, %{customdata[1]} posts (%{y:.0%})<extra></extra>")
fig.update_yaxes(tickformat=".0%", title=None)
fig.update_xaxes(title=None)
fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
height = 260 * (mix[S.BRAND].n_unique() if split else 1) + 140
event = st.plotly_chart(plotly_layout(fig, height=height), key="mix_chart", on_select="rerun", selection_mode="points")

points = (
    (event or {}).get("selection", {}).get("points", [])
    if isinstance(event, dict)
    else event.selection.points
    if event
    else []
)
if points:
    point = points[0]
    label = point["customdata"][0]
    post_type = next(t for t in TYPE_ORDER if S.TYPE_LABELS[t] == label)
    start = pl.Series([point["x"]]).str.to_date(strict=False)[0]
    chosen = frame.filter(pl.col(S.TYPE) == post_type)
    chosen = chosen.with_columns(
        pl.col(S.PUBLISHED_AT).dt.truncate({"week": "1w", "month": "1mo", "quarter": "1q"}[every]).dt.date().alias("p")
    )
    chosen = chosen.filter(pl.col("p") == start)
    if split and len(point["customdata"]) > 2:
        chosen = chosen.filter(pl.col(S.BRAND) == point["customdata"][2])
    st.subheader(f"{label}: {chosen.height} posts from the {every} of {start:%d %b %Y}")
    for post in chosen.sort(S.PUBLISHED_AT).head(30).iter_rows(named=True):
        show_post(post[S.TEXT], f"{post[S.BRAND]} · {post[S.PUBLISHED_AT]:%d %b %Y} · {post[S.PLATFORM]}")
else:
    st.caption("Click a bar to list its posts.")

st.subheader("Cause marketing")
cm = cause_marketing(frame).filter(pl.col("cause_marketing_posts") > 0)
if cm.is_empty():
    st.caption("No promotional post in this view carries a cause.")
else:
    cm = cm.with_columns(pl.col("topic").replace_strict(TOPIC_NAMES, default=pl.col("topic")).alias("Cause"))
    fig2 = px.bar(
        cm.to_pandas(),
        x="share",
        y="Cause",
        color=S.BRAND,
        orientation="h",
        barmode="group",
        title="Of each brand's posts on a cause, how many sell something?",
        hover_data={"cause_marketing_posts": True, "topic_posts": True},
    )
    fig2.update_xaxes(tickformat=".0%", title=None, range=[0, 1])
    fig2.update_yaxes(title=None)
    st.plotly_chart(plotly_layout(fig2, height=120 + 40 * cm.height), key="cause_chart")
