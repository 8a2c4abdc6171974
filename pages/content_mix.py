from __future__ import annotations

import plotly.express as px
import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import (
    _,
    format_date,
    format_month,
    format_number,
    format_percent,
    ngettext,
    topic_label,
    type_label,
)
from metrics.consistency import cause_marketing, content_mix
from pages._language import use_language
from pages._shared import (
    COLOURS,
    TYPE_ORDER,
    month_ticks,
    plotly_layout,
    show_post,
    start_page,
)

use_language()

ws, everything, frame = start_page(
    _("Content mix"), empty_message=_("No posts yet: upload exports to see what each brand posts about.")
)

PERIODS = {"week": _("Week"), "month": _("Month"), "quarter": _("Quarter")}
every = st.segmented_control(
    _("Per"),
    list(PERIODS),
    format_func=PERIODS.__getitem__,
    default=st.query_params.get("every", "month"),
    key="mix_every",
)
every = every or "month"
st.query_params["every"] = every
split = st.toggle(_("One chart per brand"), value=frame[S.BRAND].n_unique() > 1, key="mix_split")
mix = content_mix(frame, every={"week": "1w", "month": "1mo", "quarter": "1q"}[every], by=(S.BRAND,) if split else ())
labels = {t: type_label(t) for t in TYPE_ORDER}
mix = mix.with_columns(pl.col(S.TYPE).replace_strict(labels).alias("type_label"))
mix = mix.with_columns(
    pl.Series(
        "hover",
        [
            ngettext("{period}: {type}, {n} post ({share})", "{period}: {type}, {n} posts ({share})", n).format(
                period=format_month(p), type=label, n=format_number(n), share=format_percent(share)
            )
            for p, label, n, share in mix.select("period", "type_label", "posts", "share").iter_rows()
        ],
        dtype=pl.String,
    )
)
fig = px.bar(
    mix.to_pandas(),
    x="period",
    y="share",
    color="type_label",
    facet_row=S.BRAND if split else None,
    color_discrete_map={labels[t]: COLOURS[t] for t in TYPE_ORDER},
    category_orders={"type_label": [labels[t] for t in TYPE_ORDER]},
    custom_data=["type_label", "hover"] + ([S.BRAND] if split else []),
    title=_("What share of the posts says, does, sells, or none of these?"),
)
fig.update_traces(hovertemplate="%{customdata[1]}<extra></extra>")
fig.update_yaxes(tickformat=".0%", title=None)
fig.update_xaxes(title=None)
fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
month_ticks(fig, mix["period"].min(), mix["period"].max())  # type: ignore[arg-type]
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
    post_type = next(t for t in TYPE_ORDER if labels[t] == label)
    start = pl.Series([point["x"]]).str.to_date(strict=False)[0]
    chosen = frame.filter(pl.col(S.TYPE) == post_type)
    chosen = chosen.with_columns(
        pl.col(S.PUBLISHED_AT).dt.truncate({"week": "1w", "month": "1mo", "quarter": "1q"}[every]).dt.date().alias("p")
    )
    chosen = chosen.filter(pl.col("p") == start)
    if split and len(point["customdata"]) > 2:
        chosen = chosen.filter(pl.col(S.BRAND) == point["customdata"][2])
    n = chosen.height
    heading = {
        "week": ngettext("{type}: {n} post from the week of {date}", "{type}: {n} posts from the week of {date}", n),
        "month": ngettext("{type}: {n} post from the month of {date}", "{type}: {n} posts from the month of {date}", n),
        "quarter": ngettext(
            "{type}: {n} post from the quarter of {date}", "{type}: {n} posts from the quarter of {date}", n
        ),
    }[every]
    st.subheader(heading.format(type=label, n=format_number(n), date=format_date(start)))
    for post in chosen.sort(S.PUBLISHED_AT).head(30).iter_rows(named=True):
        show_post(post[S.TEXT], f"{post[S.BRAND]} · {format_date(post[S.PUBLISHED_AT])} · {post[S.PLATFORM]}")
else:
    st.caption(_("Click a bar to list its posts."))

st.subheader(_("Cause marketing"))
cm = cause_marketing(frame).filter(pl.col("cause_marketing_posts") > 0)
if cm.is_empty():
    st.caption(_("No promotional post in this view carries a cause."))
else:
    cm = cm.with_columns(
        pl.Series("cause", [topic_label(t) for t in cm["topic"].to_list()], dtype=pl.String),
        pl.Series(
            "hover",
            [
                _("{brand}: {share} of its posts on {cause} sell something ({n} of {total})").format(
                    brand=brand,
                    n=format_number(n),
                    total=format_number(total),
                    cause=topic_label(t),
                    share=format_percent(share),
                )
                for brand, t, n, total, share in cm.select(
                    S.BRAND, "topic", "cause_marketing_posts", "topic_posts", "share"
                ).iter_rows()
            ],
            dtype=pl.String,
        ),
    )
    fig2 = px.bar(
        cm.to_pandas(),
        x="share",
        y="cause",
        color=S.BRAND,
        orientation="h",
        barmode="group",
        title=_("Of each brand's posts on a cause, how many sell something?"),
        custom_data=["hover"],
    )
    fig2.update_traces(hovertemplate="%{customdata[0]}<extra></extra>")
    fig2.update_xaxes(tickformat=".0%", title=None, range=[0, 1])
    fig2.update_yaxes(title=None)
    st.plotly_chart(plotly_layout(fig2, height=120 + 40 * cm.height), key="cause_chart")
