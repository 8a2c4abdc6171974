from __future__ import annotations

import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import _, format_date, format_datetime, format_number, format_percent, topic_label, type_label
from metrics.corpus import TOPICS
from metrics.export import safe_csv_bytes
from pages._language import use_language
from pages._shared import (
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

use_language()

style()
ws = workspace()
everything = posts(ws)
view = sidebar_filters(everything)
frame = filtered(everything, view)
st.title(_("Posts"))
if everything.is_empty():
    empty_state(_("No posts yet: upload exports on the Data page."))
    st.stop()

LABELLED_BY = {
    "model": _("{confidence} sure · labelled by the classifier"),
    "human": _("labelled by a person in the export"),
    "correction": _("corrected by a person in this workspace"),
}
queue_tab, all_tab = st.tabs([_("Review queue"), _("All posts")])

with all_tab:
    c1, c2 = st.columns([3, 2])
    query = c1.text_input(_("Search post text"), key="posts_search", placeholder=_("e.g. pride, net zero, donation"))
    kinds = c2.multiselect(
        _("Types"), list(S.POST_TYPES), format_func=type_label, key="posts_types", placeholder=_("All types")
    )
    shown = frame
    if query:
        shown = shown.filter(pl.col(S.TEXT).str.to_lowercase().str.contains(query.lower(), literal=True))
    if kinds:
        shown = shown.filter(pl.col(S.TYPE).is_in(kinds))
    shown = shown.sort(S.PUBLISHED_AT, descending=True)
    counts = {"n": format_number(shown.height), "total": format_number(frame.height), "listed": format_number(2000)}
    st.caption(
        _("{n} of {total} posts (the newest {listed} are listed)").format(**counts)
        if shown.height > 2000
        else _("{n} of {total} posts").format(**counts)
    )
    type_names = {t: type_label(t) for t in S.POST_TYPES}
    topic_names = {t: topic_label(t) for t in TOPICS}
    table = shown.head(2000).select(
        S.POST_ID, S.PUBLISHED_AT, S.BRAND, S.PLATFORM, S.LANG,
        pl.col(S.TYPE).replace_strict(type_names, default=pl.col(S.TYPE)).alias("type_label"),
        "confidence", pl.col("topics").list.eval(pl.element().replace_strict(topic_names, default=pl.element())).list.join(", ").alias("topic_labels"),
        S.TEXT,
    )  # fmt: skip
    event = st.dataframe(
        table, key="posts_table", hide_index=True, on_select="rerun", selection_mode="single-row",
        column_config={S.POST_ID: None, S.PUBLISHED_AT: st.column_config.DatetimeColumn(_("Published"), format="localized"),
                       S.BRAND: _("Brand"), S.PLATFORM: _("Platform"), S.LANG: _("Language"), "type_label": _("Type"),
                       "confidence": st.column_config.ProgressColumn(_("Confidence"), min_value=0, max_value=1, format="percent"),
                       "topic_labels": _("Topics"), S.TEXT: st.column_config.TextColumn(_("Text"), width="large")},
    )  # fmt: skip
    st.download_button(
        _("Download the labelled posts (CSV)"), data=safe_csv_bytes(shown.drop([c for c in shown.columns if c.startswith("p_")])),
        file_name=f"{ws.slug}-labelled-posts.csv", mime="text/csv", key="posts_download",
    )  # fmt: skip
    rows = event.selection.rows if event else []
    selected = table.row(rows[0], named=True)[S.POST_ID] if rows else None

with queue_tab:
    st.caption(
        _(
            "The posts the classifier is least sure of. Confirm or correct them; corrections are kept with the workspace and teach the model."
        )
    )
    # The same text posted several times is one decision: show it once.
    queue = (
        frame.filter(pl.col("type_source") == "model")
        .sort("confidence")
        .unique(S.TEXT, keep="first", maintain_order=True)
        .head(25)
    )
    if queue.is_empty():
        st.info(_("Nothing to review: every post in this view was labelled by a person."))
    for post in queue.iter_rows(named=True):
        with st.container(border=True):
            sure = _("{confidence} sure · {brand} · {date}").format(
                confidence=format_percent(post["confidence"]),
                brand=post[S.BRAND],
                date=format_date(post[S.PUBLISHED_AT]),
            )
            st.markdown(type_chip(post[S.TYPE]) + f'<span class="ft-muted">{sure}</span>', unsafe_allow_html=True)
            show_post(post[S.TEXT])
            cols = st.columns(4)
            for col, kind in zip(cols, S.POST_TYPES, strict=True):
                if col.button(
                    type_label(kind),
                    key=f"q_{post[S.POST_ID]}_{kind}",
                    type="primary" if kind == post[S.TYPE] else "secondary",
                ):
                    ws.correct(post[S.POST_ID], post[S.TEXT] or "", kind)
                    refresh()

if selected:
    post = frame.filter(pl.col(S.POST_ID) == selected).row(0, named=True)
    st.divider()
    st.subheader(_("Why this label?"))
    sure = LABELLED_BY.get(post["type_source"], LABELLED_BY["model"]).format(
        confidence=format_percent(post["confidence"])
    )
    st.markdown(type_chip(post[S.TYPE]) + f'<span class="ft-muted">{sure}</span>', unsafe_allow_html=True)
    show_post(
        post[S.TEXT], f"{post[S.BRAND]} · {post[S.PLATFORM]} · {format_datetime(post[S.PUBLISHED_AT], 'medium')} UTC"
    )
    reasons = get_classifier().explain(post[S.TEXT] or "")
    if reasons:
        st.caption(
            _("Words that pushed it to this type, strongest first: {words}").format(
                words=", ".join(f"“{w}” (+{format_percent(v)})" for w, v in reasons)
            )
        )
    new = st.radio(
        _("Correct the type"),
        list(S.POST_TYPES),
        index=list(S.POST_TYPES).index(post[S.TYPE]),
        format_func=type_label,
        horizontal=True,
        key=f"correct_{selected}",
    )
    if new != post[S.TYPE] and st.button(_("Save correction"), type="primary", key=f"save_{selected}"):
        ws.correct(post[S.POST_ID], post[S.TEXT] or "", new)
        refresh()
