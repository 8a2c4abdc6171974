from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import _, format_number, ngettext, topic_label
from metrics.consistency import brand_summary, event_aligned, today
from metrics.corpus import TOPICS
from metrics.narrative import TOPIC_PHRASES
from pages._language import use_language
from pages._shared import (
    commitments_in_view,
    plotly_layout,
    start_page,
)

use_language()

ws, everything, frame = start_page(
    _("Peers"),
    caption=_("Brands side by side, and lined up at the day each first spoke on a cause."),
    empty_message=_("No posts yet: upload your brand's exports and those of peers to compare."),
    topics=False,
)
if frame[S.BRAND].n_unique() < 2:
    st.info(
        _("Peers need at least two brands in view. Upload a peer's export on the Data page, or clear the brand filter.")
    )

declared, links, _suggested = commitments_in_view(ws, frame)
brands = brand_summary(frame, declared, links, as_of=today())


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


table = pl.DataFrame(
    [{"brand": b["brand"], "score": b["accountability_score"], "posts": b["posts"],
      "stances": b["mix"]["stance"], "updates": b["mix"]["commitment_update"], "ratio": b["say_do_ratio"],
      "ft90": _percent(b["follow_through"]["90"]), "ft365": _percent(b["follow_through"]["365"]),
      "specific": _percent(b["specific_share"]), "cause_marketing": b["cause_marketing_posts"],
      "cheap_talk": b["cheap_talk_posts"], "since": b["days_since_last_update"]} for b in brands]
)  # fmt: skip
st.dataframe(
    table.sort("score", descending=True, nulls_last=True),
    key="peers_table",
    hide_index=True,
    column_config={
        "brand": _("Brand"),
        "score": st.column_config.ProgressColumn(_("Accountability"), min_value=0, max_value=100, format="%.0f"),
        "posts": _("Posts"),
        "stances": _("Stances"),
        "updates": _("Updates"),
        "ratio": st.column_config.NumberColumn(_("Updates per stance"), format="%.2f"),
        "ft90": st.column_config.NumberColumn(_("Follow-through 90 d"), format="%.0f%%"),
        "ft365": st.column_config.NumberColumn(_("Follow-through 365 d"), format="%.0f%%"),
        "specific": st.column_config.NumberColumn(_("Specific"), format="%.0f%%"),
        "cause_marketing": _("Cause-marketing posts"),
        "cheap_talk": _("Cheap talk"),
        "since": _("Days since last update"),
    },
)

topics = [t for t in TOPICS if frame.filter((pl.col(S.TYPE) == "stance") & pl.col("topics").list.contains(t)).height]
if not topics:
    st.caption(_("No stance in this view carries a cause topic, so brands cannot be lined up."))
    st.stop()
wanted = st.query_params.get("cohort", topics[0])
topic = st.selectbox(
    _("Line brands up on"),
    topics,
    index=topics.index(wanted) if wanted in topics else 0,
    format_func=topic_label,
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
            customdata=[
                ngettext("{brand}: {n} update by day {day}", "{brand}: {n} updates by day {day}", n).format(
                    brand=brand, n=format_number(n), day=format_number(day)
                )
                for n, day in zip(part["cumulative_updates"], part["days_since"], strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
fig.update_layout(
    title=_("After first speaking on {cause}, who followed through? Updates in the year after day 0").format(
        cause=_(TOPIC_PHRASES[topic])
    ),
    xaxis_title=_("Days since the brand's first stance on the cause"),
    yaxis_title=_("Updates on the cause, cumulative"),
)
st.plotly_chart(plotly_layout(fig), key="cohort_chart")
