from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from metrics.consistency import brand_summary, event_aligned, today
from pages._shared import (
    TOPIC_NAMES,
    commitments_in_view,
    plotly_layout,
    start_page,
)

ws, everything, frame = start_page(
    "Peers",
    caption="Brands side by side, and lined up at the day each first spoke on a cause.",
    empty_message="No posts yet: upload your brand's exports and those of peers to compare.",
    topics=False,
)
if frame[S.BRAND].n_unique() < 2:
    st.info(
        "Peers need at least two brands in view. Upload a peer's export on the Data page, or clear the brand filter."
    )

declared, links, _ = commitments_in_view(ws, frame)
brands = brand_summary(frame, declared, links, as_of=today())
table = pl.DataFrame(
    [{"Brand": b["brand"], "Accountability": b["accountability_score"], "Posts": b["posts"],
      "Stances": b["mix"]["stance"], "Updates": b["mix"]["commitment_update"], "Updates per stance": b["say_do_ratio"],
      "Follow-through 90 d": None if b["follow_through"]["90"] is None else 100 * b["follow_through"]["90"], "Follow-through 365 d": None if b["follow_through"]["365"] is None else 100 * b["follow_through"]["365"],
      "Specific": None if b["specific_share"] is None else 100 * b["specific_share"], "Cause-marketing posts": b["cause_marketing_posts"],
      "Cheap talk": b["cheap_talk_posts"], "Days since last update": b["days_since_last_update"]} for b in brands]
)  # fmt: skip
st.dataframe(
    table.sort("Accountability", descending=True, nulls_last=True),
    key="peers_table",
    hide_index=True,
    column_config={
        "Accountability": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f"),
        "Follow-through 90 d": st.column_config.NumberColumn(format="%.0f%%"),
        "Follow-through 365 d": st.column_config.NumberColumn(format="%.0f%%"),
        "Specific": st.column_config.NumberColumn(format="%.0f%%"),
        "Updates per stance": st.column_config.NumberColumn(format="%.2f"),
    },
)

topics = [
    t for t in TOPIC_NAMES if frame.filter((pl.col(S.TYPE) == "stance") & pl.col("topics").list.contains(t)).height
]
if not topics:
    st.caption("No stance in this view carries a cause topic, so brands cannot be lined up.")
    st.stop()
wanted = st.query_params.get("cohort", topics[0])
topic = st.selectbox(
    "Line brands up on",
    topics,
    index=topics.index(wanted) if wanted in topics else 0,
    format_func=TOPIC_NAMES.get,
    key="cohort_topic",
)
st.query_params["cohort"] = topic
aligned = event_aligned(frame, topic)
fig = go.Figure()
for (brand,), part in aligned.group_by(S.BRAND, maintain_order=True):
    fig.add_trace(
        go.Scatter(
            x=part["days_since"].to_list(),
            y=part["cumulative_updates"].to_list(),
            mode="lines+markers",
            line_shape="hv",
            name=brand,
            hovertemplate=f"{brand}: %{{y}} updates by day %{{x}}<extra></extra>",
        )
    )
fig.update_layout(
    title=f"After first speaking on {TOPIC_NAMES[topic].lower()}, who followed through? Updates in the year after day 0",
    xaxis_title="Days since the brand's first stance on the cause",
    yaxis_title="Updates on the cause, cumulative",
)
st.plotly_chart(plotly_layout(fig), key="cohort_chart")
