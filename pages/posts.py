from __future__ import annotations

import polars as pl
import streamlit as st

from data_sources import schema as S
from metrics.export import safe_csv_bytes
from pages._shared import (
    TOPIC_NAMES,
    empty_state,
    filtered,
    get_classifier,
    posts,
    refresh,
    show_post,
    sidebar_filters,
    style,
    type_chip,
    workspace,
)

style()
ws = workspace()
everything = posts(ws)
view = sidebar_filters(everything)
frame = filtered(everything, view)
st.title("Posts")
if everything.is_empty():
    empty_state("No posts yet: upload exports on the Data page.")
    st.stop()

queue_tab, all_tab = st.tabs(["Review queue", "All posts"])

with all_tab:
    c1, c2 = st.columns([3, 2])
    query = c1.text_input("Search post text", key="posts_search", placeholder="e.g. pride, net zero, donation")
    kinds = c2.multiselect(
        "Types", list(S.POST_TYPES), format_func=S.TYPE_LABELS.get, key="posts_types", placeholder="All types"
    )
    shown = frame
    if query:
        shown = shown.filter(pl.col(S.TEXT).str.to_lowercase().str.contains(query.lower(), literal=True))
    if kinds:
        shown = shown.filter(pl.col(S.TYPE).is_in(kinds))
    shown = shown.sort(S.PUBLISHED_AT, descending=True)
    st.caption(
        f"{shown.height:,} of {frame.height:,} posts"
        + (" (the newest 2,000 are listed)" if shown.height > 2000 else "")
    )
    table = shown.head(2000).select(
        S.POST_ID, S.PUBLISHED_AT, S.BRAND, S.PLATFORM, S.LANG,
        pl.col(S.TYPE).replace_strict(S.TYPE_LABELS, default=pl.col(S.TYPE)).alias("Type"),
        "confidence", pl.col("topics").list.eval(pl.element().replace_strict(TOPIC_NAMES, default=pl.element())).list.join(", ").alias("Topics"),
        S.TEXT,
    )  # fmt: skip
    event = st.dataframe(
        table, key="posts_table", hide_index=True, on_select="rerun", selection_mode="single-row",
        column_config={S.POST_ID: None, "confidence": st.column_config.ProgressColumn("Confidence", min_value=0, max_value=1, format="percent"),
                       S.TEXT: st.column_config.TextColumn("Text", width="large"), S.PUBLISHED_AT: st.column_config.DatetimeColumn("Published", format="D MMM YYYY")},
    )  # fmt: skip
    st.download_button(
        "Download the labelled posts (CSV)", data=safe_csv_bytes(shown.drop([c for c in shown.columns if c.startswith("p_")])),
        file_name=f"{ws.slug}-labelled-posts.csv", mime="text/csv", key="posts_download",
    )  # fmt: skip
    rows = event.selection.rows if event else []
    selected = table.row(rows[0], named=True)[S.POST_ID] if rows else None

with queue_tab:
    st.caption(
        "The posts the classifier is least sure of. Confirm or correct them; corrections are kept with the workspace and teach the model."
    )
    # The same text posted several times is one decision: show it once.
    queue = (
        frame.filter(pl.col("type_source") == "model")
        .sort("confidence")
        .unique(S.TEXT, keep="first", maintain_order=True)
        .head(25)
    )
    if queue.is_empty():
        st.info("Nothing to review: every post in this view was labelled by a person.")
    for post in queue.iter_rows(named=True):
        with st.container(border=True):
            st.markdown(
                type_chip(post[S.TYPE])
                + f'<span class="ft-muted">{post["confidence"]:.0%} sure · {post[S.BRAND]} · {post[S.PUBLISHED_AT]:%d %b %Y}</span>',
                unsafe_allow_html=True,
            )
            show_post(post[S.TEXT])
            cols = st.columns(4)
            for col, kind in zip(cols, S.POST_TYPES, strict=True):
                if col.button(
                    S.TYPE_LABELS[kind],
                    key=f"q_{post[S.POST_ID]}_{kind}",
                    type="primary" if kind == post[S.TYPE] else "secondary",
                ):
                    ws.correct(post[S.POST_ID], post[S.TEXT] or "", kind)
                    refresh()

if selected:
    post = frame.filter(pl.col(S.POST_ID) == selected).row(0, named=True)
    st.divider()
    st.subheader("Why this label?")
    st.markdown(
        type_chip(post[S.TYPE])
        + f'<span class="ft-muted">{post["confidence"]:.0%} sure · labelled by {post["type_source"]}</span>',
        unsafe_allow_html=True,
    )
    show_post(post[S.TEXT], f"{post[S.BRAND]} · {post[S.PLATFORM]} · {post[S.PUBLISHED_AT]:%d %b %Y %H:%M} UTC")
    reasons = get_classifier().explain(post[S.TEXT] or "")
    if reasons:
        st.caption(
            "Words that pushed it to this type, strongest first: " + ", ".join(f"“{w}” (+{v:.0%})" for w, v in reasons)
        )
    new = st.radio(
        "Correct the type",
        list(S.POST_TYPES),
        index=list(S.POST_TYPES).index(post[S.TYPE]),
        format_func=S.TYPE_LABELS.get,
        horizontal=True,
        key=f"correct_{selected}",
    )
    if new != post[S.TYPE] and st.button("Save correction", type="primary", key=f"save_{selected}"):
        ws.correct(post[S.POST_ID], post[S.TEXT] or "", new)
        refresh()
