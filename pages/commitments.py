from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from followthrough.i18n import _, format_date, format_number, ngettext, topic_label, type_label
from metrics.commitments import TOPIC_TITLES, suggest_commitments
from metrics.consistency import commitment_scores, commitment_status, today
from pages._language import use_language
from pages._shared import (
    COLOURS,
    commitments,
    empty_state,
    month_ticks,
    plotly_layout,
    posts,
    refresh,
    show_post,
    style,
    workspace,
)

use_language()

style()
ws = workspace()
everything = posts(ws)
st.title(_("Commitments"))
st.caption(_("What each brand said it would do, and whether updates come on time."))
if everything.is_empty():
    empty_state(_("Upload exports first: commitments are suggested from a brand's stances."))
    st.stop()

acc = commitments(ws)
declared, links = acc.commitments, acc.links
as_of = today()
STATUS = {
    "on_track": "🟢 " + _("On track"),
    "overdue": "🔴 " + _("Overdue"),
    "no_updates": "⚪ " + _("No updates"),
    "met": "✅ " + _("Met"),
}

tracker, suggestions_tab, declare_tab = st.tabs([_("Tracker"), _("Suggested"), _("Declare a commitment")])

with tracker:
    if declared.is_empty():
        st.info(_("No commitments declared yet. Accept a suggestion or declare one in the tabs above."))
    else:
        status = commitment_scores(
            commitment_status(everything, declared, links, as_of=as_of), everything, links, as_of=as_of
        )
        last_updates = [None if d is None else format_date(d) for d in status["last_update"].to_list()]
        table = status.with_columns(pl.Series("last_update", last_updates, dtype=pl.String)).select(
            "brand",
            "title",
            pl.col("status").replace_strict(STATUS),
            "accountability_score",
            "stance_posts",
            "updates",
            "last_update",
            "days_since_last_update",
            "cadence_days",
            "longest_silence_days",
        )
        st.dataframe(
            table,
            key="tracker_table",
            hide_index=True,
            column_config={
                "brand": _("Brand"),
                "title": _("Commitment"),
                "status": _("Status"),
                "accountability_score": st.column_config.ProgressColumn(
                    _("Score"), min_value=0, max_value=100, format="%.0f"
                ),
                "stance_posts": _("Stances"),
                "updates": _("Updates"),
                "last_update": _("Last update"),
                "days_since_last_update": _("Days since"),
                "cadence_days": _("Promised every (days)"),
                "longest_silence_days": _("Longest silence (days)"),
            },
        )
        ids = status["id"].to_list()
        titles = dict(zip(ids, status["title"].to_list(), strict=True))
        chosen = st.selectbox(_("Timeline of"), ids, format_func=lambda i: titles[i], key="timeline_commitment")
        row = status.filter(pl.col("id") == chosen).row(0, named=True)
        linked = everything.join(links.filter(pl.col("commitment_id") == chosen), on=S.POST_ID).sort(S.PUBLISHED_AT)
        fig = go.Figure()
        events = [
            row["announced_on"],
            *linked.filter(pl.col(S.TYPE) == "commitment_update")[S.PUBLISHED_AT].dt.date().to_list(),
            as_of,
        ]
        for start, end in zip(events, events[1:], strict=False):
            if (end - start).days > row["cadence_days"]:
                fig.add_vrect(
                    x0=start + timedelta(days=row["cadence_days"]),
                    x1=end,
                    fillcolor="#d1242f",
                    opacity=0.08,
                    line_width=0,
                    annotation_text=_("silent") if end == events[-1] else "",
                    annotation_position="top left",
                )
        for post_type, label in (("stance", _("Stance (say)")), ("commitment_update", _("Update (do)"))):
            part = linked.filter(pl.col(S.TYPE) == post_type)
            fig.add_trace(
                go.Scatter(
                    x=part[S.PUBLISHED_AT].to_list(),
                    y=[label] * part.height,
                    mode="markers",
                    name=label,
                    marker={
                        "size": 12,
                        "color": COLOURS[post_type],
                        "symbol": "diamond" if post_type == "stance" else "circle",
                    },
                    text=part[S.TEXT].str.slice(0, 120).to_list(),
                    customdata=[format_date(d) for d in part[S.PUBLISHED_AT].to_list()],
                    hovertemplate="%{customdata}<br>%{text}<extra></extra>",
                )
            )
        fig.add_vline(x=row["announced_on"], line_dash="dot", line_color="#57606a")
        fig.update_layout(
            title=_(
                "When did {brand} speak and act? Shaded: longer than the promised {days} days without an update"
            ).format(brand=row["brand"], days=format_number(row["cadence_days"])),
            xaxis_title=None,
            yaxis_title=None,
            showlegend=False,
        )
        month_ticks(fig, row["announced_on"], as_of, most=8)
        st.plotly_chart(plotly_layout(fig, height=280), key="timeline_chart")
        with st.expander(
            ngettext("The {n} linked post", "The {n} linked posts", linked.height).format(
                n=format_number(linked.height)
            )
        ):
            for post in linked.sort(S.PUBLISHED_AT, descending=True).head(50).iter_rows(named=True):
                show_post(
                    post[S.TEXT],
                    f"{format_date(post[S.PUBLISHED_AT])} · {post[S.PLATFORM]} · {type_label(post[S.TYPE])}",
                )
                if st.button(_("Not about this commitment"), key=f"unlink_{chosen}_{post[S.POST_ID]}"):
                    ws.set_link(post[S.POST_ID], chosen, False)
                    refresh()
        with st.expander(_("Edit or remove")):
            with st.form(f"edit_{chosen}"):
                current = next(c for c in ws.commitment_rows() if c["id"] == chosen)
                cadence = st.number_input(
                    _("Promised cadence (days)"),
                    min_value=1,
                    max_value=730,
                    value=int(current.get("cadence_days") or 90),
                    key=f"edit_cadence_{chosen}",
                )
                target = st.text_input(_("Target"), value=str(current.get("target") or ""), key=f"edit_target_{chosen}")
                met = st.checkbox(
                    _("The target has been reached"), value=bool(current.get("met")), key=f"edit_met_{chosen}"
                )
                if st.form_submit_button(_("Save")):
                    ws.save_commitment({**current, "cadence_days": int(cadence), "target": target or None, "met": met})
                    refresh()
            if st.button(_("Remove this commitment"), key=f"remove_{chosen}"):
                ws.delete_commitment(chosen)
                refresh()

with suggestions_tab:
    suggested = suggest_commitments(everything)
    taken = {(r["brand"], tuple(r["topics"])) for r in declared.iter_rows(named=True)}
    fresh = [r for r in suggested.iter_rows(named=True) if (r["brand"], tuple(r["topics"])) not in taken]
    if not fresh:
        st.info(_("No new suggestions: every brand's stances are covered by a declared commitment."))
    for r in fresh[:20]:
        with st.container(border=True):
            st.markdown(
                ngettext(
                    "**{title}** · first stance {date} · {n} stance",
                    "**{title}** · first stance {date} · {n} stances",
                    len(r["stance_posts"]),
                ).format(title=r["title"], date=format_date(r["announced_on"]), n=format_number(len(r["stance_posts"])))
            )
            first = everything.filter(pl.col(S.POST_ID) == r["source_post_id"])
            if first.height:
                show_post(first[S.TEXT][0], _("The first stance"))
            with st.form(f"accept_{r['id']}"):
                title = st.text_input(_("Title"), value=r["title"], key=f"title_{r['id']}")
                keywords = st.text_input(
                    _("Keywords (separated by ;)"), value="; ".join(r["keywords"]), key=f"kw_{r['id']}"
                )
                cadence = st.number_input(
                    _("Update at least every (days)"), min_value=1, max_value=730, value=90, key=f"cad_{r['id']}"
                )
                if st.form_submit_button(_("Accept as a commitment"), type="primary"):
                    ws.save_commitment(
                        {
                            **{k: r[k] for k in ("id", "brand", "topics", "source_post_id")},
                            "title": title,
                            "keywords": [k.strip() for k in keywords.split(";") if k.strip()],
                            "announced_on": r["announced_on"].isoformat(),
                            "cadence_days": int(cadence),
                            "target": None,
                            "deadline": None,
                            "met": False,
                        }
                    )
                    refresh()

with declare_tab:
    with st.form("declare_form", clear_on_submit=True):
        brands = sorted(everything[S.BRAND].unique().to_list())
        brand = st.selectbox(_("Brand"), brands, key="declare_brand")
        title = st.text_input(
            _("What did the brand commit to?"), key="declare_title", placeholder=_("e.g. Net zero by 2035")
        )
        topics = st.multiselect(_("Cause topics"), list(TOPIC_TITLES), format_func=topic_label, key="declare_topics")
        keywords = st.text_input(
            _("Keywords in any language (separated by ;)"),
            key="declare_keywords",
            placeholder=_("net zero; netto null; emissions"),
        )
        announced = st.date_input(_("Announced on"), key="declare_announced", value=as_of)
        cadence = st.number_input(
            _("Update at least every (days)"), min_value=1, max_value=730, value=90, key="declare_cadence"
        )
        target = st.text_input(_("Target (optional)"), key="declare_target")
        if st.form_submit_button(_("Declare"), type="primary"):
            if not title.strip() or not topics:
                st.error(_("Give the commitment a title and at least one cause topic."))
            else:
                ws.save_commitment(
                    {
                        "id": f"{brand}-{title}".lower().replace(" ", "-")[:60],
                        "brand": brand,
                        "title": title.strip(),
                        "topics": topics,
                        "keywords": [k.strip() for k in keywords.split(";") if k.strip()],
                        "announced_on": announced.isoformat(),
                        "cadence_days": int(cadence),
                        "target": target or None,
                        "deadline": None,
                        "source_post_id": None,
                        "met": False,
                    }
                )
                refresh()
