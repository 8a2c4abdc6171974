"""Share with leadership: read-only links, the list of active ones, and the report to attach."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.shares import DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS, list_shares, revoke_share, share_url
from data_sources.workspace import slugify
from metrics.consistency import Filters, today
from metrics.report import PDF_HINT, find_chromium, html_to_pdf, render_html
from metrics.sharing import share_workspace, view_of
from pages._shared import (
    commitments_in_view,
    empty_state,
    filtered,
    get_classifier,
    posts,
    sidebar_filters,
    style,
    workspace,
)

style()
ws = workspace()
everything = posts(ws)
filters = sidebar_filters(everything)
frame = filtered(everything, filters)
st.title("Share with leadership")
st.caption(
    "A read-only link to this brand's follow-through: the score and its parts, the plain-language summary, "
    "the commitments, says-versus-does and audience response. No uploads, no edits, no raw posts."
)
if everything.is_empty():
    empty_state("Upload the brand's exports first: there is nothing to share yet.")
    st.stop()
if frame.is_empty():
    st.info("No posts match these filters. Widen the dates or clear a filter in the sidebar.")
    st.stop()

brands = sorted(frame[S.BRAND].unique().to_list())
wanted = st.query_params.get("focus")
default_brand = wanted if wanted in brands else frame[S.BRAND].mode().first()


def _slug(name: str) -> str:
    try:
        return slugify(name)
    except FollowthroughError:
        return "report"


def _describe(f: Filters) -> str:
    parts = []
    if f.brands:
        parts.append("brands " + ", ".join(f.brands))
    if f.platforms:
        parts.append("platforms " + ", ".join(f.platforms))
    if f.languages:
        parts.append("languages " + ", ".join(f.languages))
    if f.topics:
        parts.append("topics " + ", ".join(f.topics))
    if f.start or f.end:
        parts.append(f"from {f.start or 'the start'} to {f.end or 'the end'}")
    return "; ".join(parts) if parts else "everything in the workspace"


new_link, active, report = st.tabs(["New link", "Active links", "Report to attach"])

with new_link:
    with st.form("share_form"):
        focus = st.selectbox("Brand the view opens on", brands, index=brands.index(default_brand), key="share_focus")
        label = st.text_input(
            "Label (who or what it is for)", key="share_label", max_chars=120, placeholder="Board, March review"
        )
        expires = st.number_input(
            "Expires after (days)", min_value=1, max_value=MAX_EXPIRY_DAYS, value=DEFAULT_EXPIRY_DAYS, key="share_days"
        )
        kind = st.radio(
            "What the link shows",
            ["snapshot", "live"],
            format_func={
                "snapshot": "Snapshot: the figures as they are now; they never move",
                "live": "Live: the latest figures each time it is opened",
            }.get,
            key="share_kind",
        )
        st.caption(f"The link shows the current filters: {_describe(filters)}.")
        created = st.form_submit_button("Create the link", type="primary")
    if created:
        with st.spinner("Saving the snapshot…" if kind == "snapshot" else "Creating the link…"):
            share, token = share_workspace(
                ws,
                get_classifier(),
                filters=filters,
                brand=focus,
                language=str(st.query_params.get("lang", "en")),
                label=label,
                expires_days=int(expires),
                live=kind == "live",
            )
        st.success(
            f"Link created; it works until {share.expires_at:%d %b %Y}. Copy it now: it is shown only once, "
            "and only its fingerprint is stored."
        )
        st.code(share_url(token), language=None, wrap_lines=True)

with active:
    show_all = st.toggle("Show expired and withdrawn links too", key="share_show_all")
    shares = list_shares(ws, include_inactive=show_all)
    if not shares:
        st.info("No active links. Create one in the first tab.")
    for s in shares:
        state = s.state()
        with st.container(border=True):
            left, right = st.columns([4, 1], vertical_alignment="center")
            opened = "never opened" if s.last_opened_at is None else f"last opened {s.last_opened_at:%d %b %Y %H:%M}"
            left.markdown(f"**{s.label or 'Untitled link'}** · {'live' if s.live else 'snapshot'} · {state}")
            left.caption(
                f"Created {s.created_at:%d %b %Y %H:%M} · expires {s.expires_at:%d %b %Y} · {opened} "
                f"({s.opens} opens) · brand {s.brand or 'largest'} · id {s.id}"
            )
            if state == "active" and right.button("Withdraw", key=f"revoke_{s.id}"):
                revoke_share(ws, s.id)
                st.toast("Link withdrawn: it no longer opens.")
                st.rerun()

with report:
    declared, links, suggested = commitments_in_view(ws, frame)
    view = view_of(frame, declared, links, brand=default_brand, as_of=today())
    if view is None:
        st.info("Nothing to report in this view.")
        st.stop()
    st.write(
        f"The leadership view of **{view.brand}** as one file: charts stay interactive and it opens offline, "
        "so it can travel as an email attachment."
    )
    stamp = f"{datetime.now(UTC):%Y-%m-%d}"
    st.download_button(
        "Download the report (HTML)",
        data=lambda: render_html(view).encode("utf-8"),  # made when clicked: it embeds plotly.js
        file_name=f"followthrough-{_slug(view.brand)}-{stamp}.html",
        mime="text/html",
        key="report_html",
        type="primary",
    )
    if find_chromium() is None:
        st.caption(PDF_HINT)
    elif st.button("Prepare the PDF (A4)", key="report_pdf_prepare"):
        try:
            with st.spinner("Printing the report to PDF…"):
                st.session_state["_report_pdf"] = html_to_pdf(render_html(view))
        except FollowthroughError as err:
            st.error(str(err))
    if st.session_state.get("_report_pdf"):
        st.download_button(
            "Download the PDF",
            data=st.session_state["_report_pdf"],
            file_name=f"followthrough-{_slug(view.brand)}-{stamp}.pdf",
            mime="application/pdf",
            key="report_pdf",
        )
