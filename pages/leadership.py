"""The read-only view a share link opens: one brand's follow-through, for leadership.

Reached only as ``/leadership?share=TOKEN``. The token picks the workspace; nothing in
the URL can pick another one, and the app shows no other page in a share session.
"""

from __future__ import annotations

import html
import time
from datetime import UTC, date, datetime

import streamlit as st

from data_sources import schema as S
from data_sources.shares import THROTTLE, Share, ShareError, resolve_share
from data_sources.workspace import Workspace
from followthrough.i18n import (
    _,
    current_language,
    format_date,
    format_number,
    format_percent,
    is_rtl,
    isolate,
    ngettext,
    type_label,
)
from metrics.leadership import STATUS_COLOURS, LeadershipView, audience_figure, commitment_rows, components_figure
from metrics.leadership import trend_figure as say_do_figure
from metrics.report import render_html
from metrics.sharing import shared_view
from pages._language import share_language_selector, use_share_language
from pages._shared import classifier, data_dir, style

LEADERSHIP_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"] {display: none !important;}
.ft-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 0.55rem 0.8rem; margin-bottom: 0.5rem;}
.ft-card .ft-title {font-weight: 600;}
.ft-status {display: inline-block; border-radius: 0.8rem; padding: 0.02rem 0.55rem; color: white;
  font-size: 0.8rem; margin-inline-start: 0.4rem;}
.ft-lead {font-size: 1.08rem; border-inline-start: 4px solid #0072B2; padding: 0.2rem 0.9rem; margin: 0.6rem 0 1rem 0;}
</style>
"""


def _client() -> str:
    try:
        return str(st.context.ip_address or "local")
    except Exception:  # noqa: BLE001 - older Streamlit: one bucket for everyone
        return "local"


def _open(token: str | None) -> tuple[Workspace, Share]:
    client = _client()
    wait = THROTTLE.delay(client)
    if wait:
        time.sleep(wait)
    opened = st.session_state.get("_share_opened")
    try:
        ws, share = resolve_share(data_dir(), token, record=opened is None)
    except ShareError:
        THROTTLE.failed(client)
        raise
    THROTTLE.succeeded(client)
    st.session_state["_share_opened"] = share.id
    return ws, share


@st.cache_resource(show_spinner=False, max_entries=32, ttl=3600)
def _snapshot_view(root: str, share_id: str, _ws: Workspace, _share: Share) -> LeadershipView | None:
    return shared_view(_ws, _share, None)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=600)
def _live_view(root: str, share_id: str, fingerprint: str, _ws: Workspace, _share: Share) -> LeadershipView | None:
    return shared_view(_ws, _share, classifier())


def _when(day: date | None) -> str:
    return "–" if day is None else format_date(day)


#: The token is in this page's address: tell the browser never to send the address onward.
NO_REFERRER = """<script>
if (!document.querySelector('meta[name=referrer]')) {
  const meta = document.createElement('meta'); meta.name = 'referrer'; meta.content = 'no-referrer';
  document.head.appendChild(meta);
}
</script>"""

use_share_language()  # the viewer's ?lang=, or English until the link says which language it was made in
style()
st.html(LEADERSHIP_CSS)
st.html(NO_REFERRER, unsafe_allow_javascript=True)
try:
    ws, share = _open(st.query_params.get("share"))
except ShareError as err:
    share_language_selector()
    st.title("Followthrough")
    st.error(str(err))
    st.caption(_("Shared links show a brand's follow-through on its public commitments, read-only."))
    st.stop()

use_share_language(share.language)  # the language the link was made in, unless the viewer chose another
share_language_selector()

if share.live:
    with st.spinner(_("Reading the latest figures…")):
        view = _live_view(str(ws.root), share.id, ws.fingerprint(), ws, share)
else:
    view = _snapshot_view(str(ws.root), share.id, ws, share)

if view is None:
    st.title("Followthrough")
    st.info(
        _("There are no posts in this shared view yet. Ask the person who shared it to upload the brand's exports.")
    )
    st.stop()

st.title(_("{brand}: does it follow through?").format(brand=isolate(view.brand)))
kind = _("Live figures") if share.live else _("Snapshot of {date}").format(date=_when(view.as_of))
st.caption(
    _("{start} – {end} · {kind} · read-only view shared by the social team").format(
        start=_when(view.start), end=_when(view.end), kind=kind
    )
)

score = view.score
total = view.commitments.height
since = view.days_since_last_update
c1, c2 = st.columns(2)
c3, c4 = st.columns(2)
c1.metric(
    _("Accountability score"),
    "–" if score is None else _("{score} / 100").format(score=format_number(score)),
    help=_("The score weighs cadence and follow-through 0.3 each, specificity and recency 0.2 each."),
)
c2.metric(_("Posts"), format_number(view.posts))
c3.metric(
    _("Commitments overdue"),
    _("{n} of {total}").format(n=format_number(view.overdue), total=format_number(total))
    if total
    else _("none declared"),
)
c4.metric(_("Days since the last update"), _("never") if since is None else format_number(since))

st.markdown(f'<div class="ft-lead" dir="auto">{html.escape(view.summary)}</div>', unsafe_allow_html=True)

st.plotly_chart(components_figure(view), key="lead_components", config={"displaylogo": False})

st.subheader(_("Commitments"))
rows = commitment_rows(view)
direction = "rtl" if is_rtl() else "ltr"  # a card reads in the reader's direction, whatever its title's script
if not rows:
    st.caption(_("No commitments declared or suggested for this brand in this period."))
for r in rows:
    colour = STATUS_COLOURS.get(r["status"], "#57606a")
    details = " · ".join(
        [
            _("Score {score}").format(
                score="–" if r["score"] is None else _("{score} / 100").format(score=format_number(r["score"]))
            ),
            ngettext("{n} update", "{n} updates", int(r["updates"] or 0)).format(n=format_number(r["updates"] or 0)),
            _("last {date}").format(date=_when(r["last_update"])),
            ngettext("{n} day ago", "{n} days ago", int(r["days_since"] or 0)).format(
                n=format_number(r["days_since"] or 0)
            ),
            ngettext("promised every {n} day", "promised every {n} days", int(r["cadence_days"] or 0)).format(
                n=format_number(r["cadence_days"] or 0)
            ),
        ]
    )
    st.markdown(
        f'<div class="ft-card" dir="{direction}"><div><span class="ft-title" dir="auto">{html.escape(str(r["title"]))}</span>'
        f'<span class="ft-status" style="background:{colour}">{html.escape(str(r["status_label"]))}</span></div>'
        f'<div class="ft-muted">{html.escape(details)}</div></div>',
        unsafe_allow_html=True,
    )

st.plotly_chart(say_do_figure(view), key="lead_trend", config={"displaylogo": False})
audience = audience_figure(view)
if audience is None:
    st.caption(_("These exports carry no engagement figures, so audience response is not shown."))
else:
    st.plotly_chart(audience, key="lead_audience", config={"displaylogo": False})

mix_total = max(sum(view.mix.values()), 1)
st.caption(
    ngettext("{n} post in this view: {mix}", "{n} posts in this view: {mix}", view.posts).format(
        n=format_number(view.posts),
        mix=" · ".join(f"{type_label(t)} {format_percent(view.mix.get(t, 0) / mix_total)}" for t in S.POST_TYPES),
    )
)
note, language = _("Shared read-only with Followthrough."), current_language()
st.download_button(
    _("Download this view as a report (HTML)"),
    # Made when clicked: the report embeds plotly.js (about 5 MB), too much to send with every view.
    data=lambda: render_html(view, note=note, language=language).encode("utf-8"),
    file_name=f"followthrough-{datetime.now(UTC):%Y-%m-%d}.html",
    mime="text/html",
    key="lead_report",
)
