from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import _, format_number, format_percent, type_label
from metrics.consistency import brand_summary, commitment_scores, commitment_status, say_do_trend, today
from metrics.narrative import brand_paragraph
from pages._language import use_language
from pages._shared import (
    COLOURS,
    commitments_in_view,
    month_ticks,
    plotly_layout,
    start_page,
)

use_language()

ws, everything, frame = start_page(
    _("Overview"),
    empty_message=_("This workspace has no posts yet. Upload your brand's exports to see whether it follows through."),
    metrics_only=True,
)

declared, links, suggested = commitments_in_view(ws, frame)
if suggested:
    st.caption(
        _(
            "No commitments declared yet: these figures use the commitments suggested from the stances. "
            "Accept or edit them on the Commitments page."
        )
    )
as_of = today()
progress = commitment_status(frame, declared, links, as_of=as_of)
brands = brand_summary(frame, declared, links, as_of=as_of, status=progress)
names = [b["brand"] for b in brands]
default = max(brands, key=lambda b: b["posts"])["brand"]
wanted = st.query_params.get("focus", default)
focus = st.selectbox(
    _("Brand"), names, index=names.index(wanted) if wanted in names else names.index(default), key="focus"
)
st.query_params["focus"] = focus
brand = next(b for b in brands if b["brand"] == focus)
status = commitment_scores(progress, frame, links, as_of=as_of)
mine = [r for r in status.iter_rows(named=True) if r["brand"] == focus]

score = brand["accountability_score"]
comp = brand["components"]
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    _("Accountability score"),
    "–" if score is None else _("{score} / 100").format(score=format_number(score)),
    help=_(
        "A weighted mean of cadence (0.3), follow-through (0.3), specificity (0.2) and recency (0.2). "
        "See the four components below."
    ),
)
c2.metric(_("Posts"), format_number(brand["posts"]))
overdue = sum(1 for r in mine if r["status"] in ("overdue", "no_updates"))
c3.metric(
    _("Commitments overdue"),
    _("{n} of {total}").format(n=format_number(overdue), total=format_number(len(mine)))
    if mine
    else _("none declared"),
)
since = brand["days_since_last_update"]
c4.metric(_("Days since the last update"), _("never") if since is None else format_number(since))

parts = st.columns(4)
for col, (key, label) in zip(
    parts,
    [
        ("cadence", _("Cadence")),
        ("follow_through", _("Follow-through (90 days)")),
        ("specificity", _("Specificity")),
        ("recency", _("Recency")),
    ],
    strict=True,
):
    value = comp.get(key)
    shown = _("n/a") if value is None else format_percent(value)
    col.progress(
        0.0 if value is None else float(value), text=_("{component}: {value}").format(component=label, value=shown)
    )

mix = brand["mix"]
total = max(sum(mix.values()), 1)
st.markdown(" · ".join(f"**{type_label(t)}** {format_percent(mix[t] / total)}" for t in S.POST_TYPES))
st.write(brand_paragraph(brand, mine))

trend = say_do_trend(frame.filter(pl.col(S.BRAND) == focus))
fig = go.Figure()
for post_type, label in (("stance", _("Stances (say)")), ("commitment_update", _("Updates (do)"))):
    part = trend.filter(pl.col(S.TYPE) == post_type)
    fig.add_trace(
        go.Bar(x=part["period"].to_list(), y=part["posts"].to_list(), name=label, marker_color=COLOURS[post_type])
    )
fig.update_layout(
    barmode="group",
    title=_("Does {brand} do what it says? Stances and updates per month").format(brand=focus),
    yaxis_title=_("Posts"),
    xaxis_title=None,
)
if not trend.is_empty():
    month_ticks(fig, trend["period"].min(), trend["period"].max())  # type: ignore[arg-type]
st.plotly_chart(plotly_layout(fig), key="overview_say_do")
if trend.is_empty():
    st.caption(_("{brand} posted no stance and no update in this period.").format(brand=focus))

if len(brands) > 1:
    st.subheader(_("All brands at a glance"))
    table = pl.DataFrame(
        [
            {
                "brand": b["brand"],
                "score": b["accountability_score"],
                "posts": b["posts"],
                "ratio": b["say_do_ratio"],
                "followed": None if b["follow_through"]["90"] is None else 100 * b["follow_through"]["90"],
                "since": b["days_since_last_update"],
            }
            for b in brands
        ]
    )
    st.dataframe(
        table,
        key="overview_brands",
        hide_index=True,
        column_config={
            "brand": st.column_config.TextColumn(_("Brand")),
            "score": st.column_config.ProgressColumn(_("Score"), min_value=0, max_value=100, format="%.0f"),
            "posts": st.column_config.NumberColumn(_("Posts"), format="localized"),
            "ratio": st.column_config.NumberColumn(_("Updates per stance"), format="%.2f"),
            "followed": st.column_config.NumberColumn(_("Followed through in 90 days"), format="%.0f%%"),
            "since": st.column_config.NumberColumn(_("Days since last update"), format="localized"),
        },
    )
