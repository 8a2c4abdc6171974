from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from data_sources import schema as S
from metrics.commitments import TOPIC_TITLES, suggest_commitments
from metrics.consistency import commitment_scores, commitment_status, today
from pages._shared import COLOURS, commitments, empty_state, plotly_layout, posts, refresh, show_post, style, workspace

style()
ws = workspace()
everything = posts(ws)
st.title("Commitments")
st.caption("What each brand said it would do, and whether updates come on time.")
if everything.is_empty():
    empty_state("Upload exports first: commitments are suggested from a brand's stances.")
    st.stop()

acc = commitments(ws)
declared, links = acc.commitments, acc.links
as_of = today()
STATUS = {"on_track": "🟢 On track", "overdue": "🔴 Overdue", "no_updates": "⚪ No updates", "met": "✅ Met"}

tracker, suggestions_tab, declare_tab = st.tabs(["Tracker", "Suggested", "Declare a commitment"])

with tracker:
    if declared.is_empty():
        st.info("No commitments declared yet. Accept a suggestion or declare one in the tabs above.")
    else:
        status = commitment_scores(
            commitment_status(everything, declared, links, as_of=as_of), everything, links, as_of=as_of
        )
        table = status.select(
            pl.col("brand").alias("Brand"),
            pl.col("title").alias("Commitment"),
            pl.col("status").replace_strict(STATUS).alias("Status"),
            pl.col("accountability_score").alias("Score"),
            pl.col("stance_posts").alias("Stances"),
            pl.col("updates").alias("Updates"),
            pl.col("last_update").alias("Last update"),
            pl.col("days_since_last_update").alias("Days since"),
            pl.col("cadence_days").alias("Promised every (days)"),
            pl.col("longest_silence_days").alias("Longest silence (days)"),
        )
        st.dataframe(
            table,
            key="tracker_table",
            hide_index=True,
            column_config={"Score": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")},
        )
        ids = status["id"].to_list()
        titles = dict(zip(ids, status["title"].to_list(), strict=True))
        chosen = st.selectbox("Timeline of", ids, format_func=lambda i: titles[i], key="timeline_commitment")
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
                    annotation_text="silent" if end == events[-1] else "",
                    annotation_position="top left",
                )
        for post_type, label in (("stance", "Stance (say)"), ("commitment_update", "Update (do)")):
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
                    hovertemplate="%{x|%d %b %Y}<br>%{text}<extra></extra>",
                )
            )
        fig.add_vline(x=row["announced_on"], line_dash="dot", line_color="#57606a")
        fig.update_layout(
            title=f"When did {row['brand']} speak and act? Shaded: longer than the promised {row['cadence_days']} days without an update",
            xaxis_title=None,
            yaxis_title=None,
            showlegend=False,
        )
        st.plotly_chart(plotly_layout(fig, height=280), key="timeline_chart")
        with st.expander(f"The {linked.height} linked posts"):
            for post in linked.sort(S.PUBLISHED_AT, descending=True).head(50).iter_rows(named=True):
                show_post(
                    post[S.TEXT],
                    f"{post[S.PUBLISHED_AT]:%d %b %Y} · {post[S.PLATFORM]} · {S.TYPE_LABELS.get(post[S.TYPE], '')}",
                )
                if st.button("Not about this commitment", key=f"unlink_{chosen}_{post[S.POST_ID]}"):
                    ws.set_link(post[S.POST_ID], chosen, False)
                    refresh()
        with st.expander("Edit or remove"):
            with st.form(f"edit_{chosen}"):
                current = next(c for c in ws.commitment_rows() if c["id"] == chosen)
                cadence = st.number_input(
                    "Promised cadence (days)",
                    min_value=1,
                    max_value=730,
                    value=int(current.get("cadence_days") or 90),
                    key=f"edit_cadence_{chosen}",
                )
                target = st.text_input("Target", value=str(current.get("target") or ""), key=f"edit_target_{chosen}")
                met = st.checkbox(
                    "The target has been reached", value=bool(current.get("met")), key=f"edit_met_{chosen}"
                )
                if st.form_submit_button("Save"):
                    ws.save_commitment({**current, "cadence_days": int(cadence), "target": target or None, "met": met})
                    refresh()
            if st.button("Remove this commitment", key=f"remove_{chosen}"):
                ws.delete_commitment(chosen)
                refresh()

with suggestions_tab:
    suggested = suggest_commitments(everything)
    taken = {(r["brand"], tuple(r["topics"])) for r in declared.iter_rows(named=True)}
    fresh = [r for r in suggested.iter_rows(named=True) if (r["brand"], tuple(r["topics"])) not in taken]
    if not fresh:
        st.info("No new suggestions: every brand's stances are covered by a declared commitment.")
    for r in fresh[:20]:
        with st.container(border=True):
            st.markdown(
                f"**{r['title']}** · first stance {r['announced_on']:%d %b %Y} · {len(r['stance_posts'])} stances"
            )
            first = everything.filter(pl.col(S.POST_ID) == r["source_post_id"])
            if first.height:
                show_post(first[S.TEXT][0], "The first stance")
            with st.form(f"accept_{r['id']}"):
                title = st.text_input("Title", value=r["title"], key=f"title_{r['id']}")
                keywords = st.text_input(
                    "Keywords (separated by ;)", value="; ".join(r["keywords"]), key=f"kw_{r['id']}"
                )
                cadence = st.number_input(
                    "Update at least every (days)", min_value=1, max_value=730, value=90, key=f"cad_{r['id']}"
                )
                if st.form_submit_button("Accept as a commitment", type="primary"):
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
        brand = st.selectbox("Brand", brands, key="declare_brand")
        title = st.text_input("What did the brand commit to?", key="declare_title", placeholder="e.g. Net zero by 2035")
        topics = st.multiselect("Cause topics", list(TOPIC_TITLES), format_func=TOPIC_TITLES.get, key="declare_topics")
        keywords = st.text_input(
            "Keywords in any language (separated by ;)",
            key="declare_keywords",
            placeholder="net zero; netto null; emissions",
        )
        announced = st.date_input("Announced on", key="declare_announced", value=as_of)
        cadence = st.number_input(
            "Update at least every (days)", min_value=1, max_value=730, value=90, key="declare_cadence"
        )
        target = st.text_input("Target (optional)", key="declare_target")
        if st.form_submit_button("Declare", type="primary"):
            if not title.strip() or not topics:
                st.error("Give the commitment a title and at least one cause topic.")
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
