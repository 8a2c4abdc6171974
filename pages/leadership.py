"""The read-only view a share link opens: one brand's follow-through, for leadership.

Reached only as ``/leadership?share=TOKEN``. The token picks the workspace; nothing in
the URL can pick another one, and the app shows no other page in a share session.
"""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime

import streamlit as st

from data_sources import schema as S
from data_sources.shares import THROTTLE, Share, ShareError, resolve_share
from data_sources.workspace import Workspace
from metrics.leadership import STATUS_COLOURS, LeadershipView, audience_figure, commitment_rows, components_figure
from metrics.leadership import trend_figure as say_do_figure
from metrics.report import render_html
from metrics.sharing import shared_view
from pages._shared import classifier, data_dir, style

LEADERSHIP_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"] {display: none !important;}
.ft-card {border: 1px solid #d0d7de; border-radius: 8px; padding: 0.55rem 0.8rem; margin-bottom: 0.5rem;}
.ft-card .ft-title {font-weight: 600;}
.ft-status {display: inline-block; border-radius: 0.8rem; padding: 0.02rem 0.55rem; color: white;
  font-size: 0.8rem; margin-left: 0.4rem;}
.ft-lead {font-size: 1.08rem; border-left: 4px solid #0072B2; padding: 0.2rem 0.9rem; margin: 0.6rem 0 1rem 0;}
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


def _when(day: object) -> str:
    return "–" if day is None else f"{day:%d %b %Y}"  # type: ignore[str-format]


#: The token is in this page's address: tell the browser never to send the address onward.
NO_REFERRER = """<script>
if (!document.querySelector('meta[name=referrer]')) {
  const meta = document.createElement('meta'); meta.name = 'referrer'; meta.content = 'no-referrer';
  document.head.appendChild(meta);
}
</script>"""

style()
st.html(LEADERSHIP_CSS)
st.html(NO_REFERRER, unsafe_allow_javascript=True)
try:
    ws, share = _open(st.query_params.get("share"))
except ShareError as err:
    st.title("Followthrough")
    st.error(str(err))
    st.caption("Shared links show a brand's follow-through on its public commitments, read-only.")
    st.stop()

if share.live:
    with st.spinner("Reading the latest figures…"):
        view = _live_view(str(ws.root), share.id, ws.fingerprint(), ws, share)
else:
    view = _snapshot_view(str(ws.root), share.id, ws, share)

if view is None:
    st.title("Followthrough")
    st.info("There are no posts in this shared view yet. Ask the person who shared it to upload the brand's exports.")
    st.stop()

st.title(f"{view.brand}: does it follow through?")
kind = "Live figures" if share.live else f"Snapshot of {_when(view.as_of)}"
st.caption(f"{_when(view.start)} – {_when(view.end)} · {kind} · read-only view shared by the social team")

score = view.score
c1, c2 = st.columns(2)
c3, c4 = st.columns(2)
c1.metric(
    "Accountability score",
    "–" if score is None else f"{score:.0f} / 100",
    help="Cadence and follow-through weigh 0.3 each, specificity and recency 0.2 each.",
)
c2.metric("Posts", f"{view.posts:,}")
c3.metric("Commitments overdue", f"{view.overdue} of {view.commitments.height}" if view.commitments.height else "none")
since = view.days_since_last_update
c4.metric("Days since the last update", "never" if since is None else f"{since:,}")

st.markdown(f'<div class="ft-lead" dir="auto">{html.escape(view.summary)}</div>', unsafe_allow_html=True)

st.plotly_chart(components_figure(view), key="lead_components", config={"displaylogo": False})

st.subheader("Commitments")
rows = commitment_rows(view)
if not rows:
    st.caption("No commitments declared or suggested for this brand in this period.")
for r in rows:
    colour = STATUS_COLOURS.get(r["status"], "#57606a")
    last = _when(r["Last update"])
    score_text = "–" if r["Score"] is None else f"{r['Score']:.0f}/100"
    st.markdown(
        f'<div class="ft-card"><div><span class="ft-title" dir="auto">{html.escape(str(r["Commitment"]))}</span>'
        f'<span class="ft-status" style="background:{colour}">{html.escape(str(r["Status"]))}</span></div>'
        f'<div class="ft-muted">Score {score_text} · {r["Updates"]:,} updates · last {html.escape(last)}'
        f" · {r['Days since']:,} days ago · promised every {r['Promised every (days)']:,} days</div></div>",
        unsafe_allow_html=True,
    )

st.plotly_chart(say_do_figure(view), key="lead_trend", config={"displaylogo": False})
audience = audience_figure(view)
if audience is None:
    st.caption("These exports carry no engagement figures, so audience response is not shown.")
else:
    st.plotly_chart(audience, key="lead_audience", config={"displaylogo": False})

mix_total = max(sum(view.mix.values()), 1)
st.caption(
    f"{view.posts:,} posts in this view: "
    + ", ".join(f"{S.TYPE_LABELS[t]} {view.mix.get(t, 0) / mix_total:.0%}" for t in S.POST_TYPES)
)
st.download_button(
    "Download this view as a report (HTML)",
    # Made when clicked: the report embeds plotly.js (about 5 MB), too much to send with every view.
    data=lambda: render_html(view, note="Shared read-only with Followthrough.").encode("utf-8"),
    file_name=f"followthrough-{datetime.now(UTC):%Y-%m-%d}.html",
    mime="text/html",
    key="lead_report",
)
