from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from metrics.consistency import brand_summary, commitment_scores, commitment_status, say_do_trend, today
from metrics.narrative import brand_paragraph
from pages._shared import (
    COLOURS,
    commitments_in_view,
    plotly_layout,
    start_page,
)

ws, everything, frame = start_page(
    "Overview",
    empty_message="This workspace has no posts yet. Upload your brand's exports to see whether it follows through.",
)

declared, links, suggested = commitments_in_view(ws, frame)
if suggested:
    st.caption(
        "No commitments declared yet: these figures use the commitments suggested from the stances. "
        "Accept or edit them on the Commitments page."
    )
as_of = today()
brands = brand_summary(frame, declared, links, as_of=as_of)
names = [b["brand"] for b in brands]
default = max(brands, key=lambda b: b["posts"])["brand"]
wanted = st.query_params.get("focus", default)
focus = st.selectbox(
    "Brand", names, index=names.index(wanted) if wanted in names else names.index(default), key="focus"
)
st.query_params["focus"] = focus
brand = next(b for b in brands if b["brand"] == focus)
status = commitment_scores(commitment_status(frame, declared, links, as_of=as_of), frame, links, as_of=as_of)
mine = [r for r in status.iter_rows(named=True) if r["brand"] == focus]

score = brand["accountability_score"]
comp = brand["components"]
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    "Accountability score",
    "–" if score is None else f"{score:.0f} / 100",
    help="A weighted mean of cadence (0.3), follow-through (0.3), specificity (0.2) and recency (0.2). "
    "See the four components below.",
)
c2.metric("Posts", f"{brand['posts']:,}")
overdue = sum(1 for r in mine if r["status"] in ("overdue", "no_updates"))
c3.metric("Commitments overdue", f"{overdue} of {len(mine)}" if mine else "none declared")
since = brand["days_since_last_update"]
c4.metric("Days since the last update", "never" if since is None else f"{since:,}")

parts = st.columns(4)
for col, (key, label) in zip(
    parts,
    [
        ("cadence", "Cadence"),
        ("follow_through", "Follow-through (90 days)"),
        ("specificity", "Specificity"),
        ("recency", "Recency"),
    ],
    strict=True,
):
    value = comp.get(key)
    col.progress(0.0 if value is None else float(value), text=f"{label}: {'n/a' if value is None else f'{value:.0%}'}")

mix = brand["mix"]
total = max(sum(mix.values()), 1)
st.markdown(" · ".join(f"**{S.TYPE_LABELS[t]}** {mix[t] / total:.0%}" for t in S.POST_TYPES))
st.write(brand_paragraph(brand, mine))

trend = say_do_trend(frame.filter(pl.col(S.BRAND) == focus))
fig = go.Figure()
for post_type, label in (("stance", "Stances (say)"), ("commitment_update", "Updates (do)")):
    part = trend.filter(pl.col(S.TYPE) == post_type)
    fig.add_trace(
        go.Bar(x=part["period"].to_list(), y=part["posts"].to_list(), name=label, marker_color=COLOURS[post_type])
    )
fig.update_layout(
    barmode="group",
    title=f"Does {focus} do what it says? Stances and updates per month",
    yaxis_title="Posts",
    xaxis_title=None,
)
st.plotly_chart(plotly_layout(fig), key="overview_say_do")
if trend.is_empty():
    st.caption(f"{focus} posted no stance and no update in this period.")

if len(brands) > 1:
    st.subheader("All brands at a glance")
    table = pl.DataFrame(
        [
            {
                "Brand": b["brand"],
                "Score": b["accountability_score"],
                "Posts": b["posts"],
                "Updates per stance": b["say_do_ratio"],
                "Followed through in 90 days": None
                if b["follow_through"]["90"] is None
                else 100 * b["follow_through"]["90"],
                "Days since last update": b["days_since_last_update"],
            }
            for b in brands
        ]
    )
    st.dataframe(
        table,
        key="overview_brands",
        hide_index=True,
        column_config={
            "Score": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f"),
            "Followed through in 90 days": st.column_config.NumberColumn(format="%.0f%%"),
            "Updates per stance": st.column_config.NumberColumn(format="%.2f"),
        },
    )
