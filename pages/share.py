"""Share with leadership: read-only links, the list of active ones, and the report to attach."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.shares import DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS, list_shares, revoke_share, share_url
from data_sources.workspace import slugify
from followthrough.i18n import (
    LANGUAGES,
    _,
    current_language,
    format_date,
    format_datetime,
    format_list,
    format_number,
    isolate,
    ngettext,
    topic_label,
)
from metrics.consistency import Filters, today
from metrics.report import PDF_HINT, find_chromium, html_to_pdf, render_html
from metrics.sharing import share_workspace, view_of
from pages._language import use_language
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

use_language()

style()
ws = workspace()
everything = posts(ws)
filters = sidebar_filters(everything)
frame = filtered(everything, filters)
st.title(_("Share with leadership"))
st.caption(
    _(
        "A read-only link to this brand's follow-through: the score and its parts, the plain-language summary, "
        "the commitments, says-versus-does and audience response. No uploads, no edits, no raw posts."
    )
)
if everything.is_empty():
    empty_state(_("Upload the brand's exports first: there is nothing to share yet."))
    st.stop()
if frame.is_empty():
    st.info(_("No posts match these filters. Widen the dates or clear a filter in the sidebar."))
    st.stop()

brands = sorted(frame[S.BRAND].unique().to_list())
wanted = st.query_params.get("focus")
default_brand = wanted if wanted in brands else frame[S.BRAND].mode().first()


def _slug(name: str) -> str:
    try:
        return slugify(name)
    except FollowthroughError:
        return "report"


def _listed(values: tuple[str, ...]) -> str:
    return format_list([isolate(v) for v in values])


def _describe(f: Filters) -> str:
    """The filters a link carries, in words."""
    parts = []
    if f.brands:
        parts.append(_("brands: {list}").format(list=_listed(f.brands)))
    if f.platforms:
        parts.append(_("platforms: {list}").format(list=_listed(f.platforms)))
    if f.languages:
        parts.append(_("post languages: {list}").format(list=_listed(f.languages)))
    if f.topics:
        parts.append(_("cause topics: {list}").format(list=format_list([topic_label(t) for t in f.topics])))
    if f.start or f.end:
        parts.append(
            _("from {start} to {end}").format(
                start=format_date(f.start) if f.start else _("the start"),
                end=format_date(f.end) if f.end else _("the end"),
            )
        )
    return "; ".join(parts) if parts else _("everything in the workspace")


STATES = {"active": _("active"), "expired": _("expired"), "revoked": _("withdrawn")}
KINDS = {
    "snapshot": _("Snapshot: the figures as they are now; they never move"),
    "live": _("Live: the latest figures each time it is opened"),
}

new_link, active, report = st.tabs([_("New link"), _("Active links"), _("Report to attach")])

with new_link:
    with st.form("share_form"):
        focus = st.selectbox(_("Brand the view opens on"), brands, index=brands.index(default_brand), key="share_focus")
        label = st.text_input(
            _("Label (who or what it is for)"),
            key="share_label",
            max_chars=120,
            placeholder=_("Board, March review"),
        )
        expires = st.number_input(
            _("Expires after (days)"),
            min_value=1,
            max_value=MAX_EXPIRY_DAYS,
            value=DEFAULT_EXPIRY_DAYS,
            key="share_days",
        )
        kind = st.radio(_("What the link shows"), list(KINDS), format_func=KINDS.__getitem__, key="share_kind")
        st.caption(
            _("The link shows the current filters ({filters}) and opens in {language}.").format(
                filters=_describe(filters), language=LANGUAGES[current_language()]
            )
        )
        created = st.form_submit_button(_("Create the link"), type="primary")
    if created:
        with st.spinner(_("Saving the snapshot…") if kind == "snapshot" else _("Creating the link…")):
            share, token = share_workspace(
                ws,
                get_classifier(),
                filters=filters,
                brand=focus,
                language=current_language(),
                label=label,
                expires_days=int(expires),
                live=kind == "live",
            )
        st.success(
            _(
                "Link created; it works until {date}. Copy it now: it is shown only once, "
                "and only its fingerprint is stored."
            ).format(date=format_date(share.expires_at))
        )
        st.code(share_url(token), language=None, wrap_lines=True)

with active:
    show_all = st.toggle(_("Show expired and withdrawn links too"), key="share_show_all")
    shares = list_shares(ws, include_inactive=show_all)
    if not shares:
        st.info(_("No active links. Create one in the first tab."))
    for s in shares:
        state = s.state()
        with st.container(border=True):
            left, right = st.columns([4, 1], vertical_alignment="center")
            kind_name = _("live") if s.live else _("snapshot")
            left.markdown(
                _("**{label}** · {kind} · {state}").format(
                    label=isolate(s.label) if s.label else _("Untitled link"),
                    kind=kind_name,
                    state=STATES.get(state, state),
                )
            )
            opened = (
                _("never opened")
                if s.last_opened_at is None
                else ngettext("last opened {date} ({n} open)", "last opened {date} ({n} opens)", s.opens).format(
                    date=format_datetime(s.last_opened_at, "short"), n=format_number(s.opens)
                )
            )
            left.caption(
                _("Created {created} · expires {expires} · {opened} · opens on {brand} · id {id}").format(
                    created=format_datetime(s.created_at, "short"),
                    expires=format_date(s.expires_at),
                    opened=opened,
                    brand=isolate(s.brand) if s.brand else _("the largest brand"),
                    id=s.id,
                )
            )
            if state == "active" and right.button(_("Withdraw"), key=f"revoke_{s.id}"):
                revoke_share(ws, s.id)
                st.toast(_("Link withdrawn: it no longer opens."))
                st.rerun()

with report:
    declared, links, suggested = commitments_in_view(ws, frame)
    view = view_of(frame, declared, links, brand=default_brand, as_of=today())
    if view is None:
        st.info(_("Nothing to report in this view."))
        st.stop()
    st.write(
        _(
            "The leadership view of **{brand}** as one file: charts stay interactive and it opens offline, "
            "so it can travel as an email attachment."
        ).format(brand=view.brand)
    )
    stamp = f"{datetime.now(UTC):%Y-%m-%d}"
    language = current_language()
    st.download_button(
        _("Download the report (HTML)"),
        data=lambda: render_html(view, language=language).encode("utf-8"),  # made when clicked: it embeds plotly.js
        file_name=f"followthrough-{_slug(view.brand)}-{stamp}.html",
        mime="text/html",
        key="report_html",
        type="primary",
    )
    if find_chromium() is None:
        st.caption(_(PDF_HINT))
    elif st.button(_("Prepare the PDF (A4)"), key="report_pdf_prepare"):
        try:
            with st.spinner(_("Printing the report to PDF…")):
                st.session_state["_report_pdf"] = html_to_pdf(render_html(view))
        except FollowthroughError as err:
            st.error(str(err))
    if st.session_state.get("_report_pdf"):
        st.download_button(
            _("Download the PDF"),
            data=st.session_state["_report_pdf"],
            file_name=f"followthrough-{_slug(view.brand)}-{stamp}.pdf",
            mime="application/pdf",
            key="report_pdf",
        )
