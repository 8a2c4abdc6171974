"""Followthrough: the entry point only configures the page and routes."""

from __future__ import annotations

import streamlit as st

from followthrough.i18n import _
from pages._access import require_editor
from pages._language import PARAM, language_selector, use_language, use_share_language

st.set_page_config(page_title="Followthrough", page_icon="🧭", layout="wide")
SHARE_SESSION = "share" in st.query_params
# Before any text: the menu, the pages and the sidebar speak it. A share link's view
# settles its language itself, from the link (pages/leadership.py).
if SHARE_SESSION:
    use_share_language()
else:
    use_language()

SECTIONS = {
    _("Follow-through"): [
        st.Page("pages/overview.py", title=_("Overview"), icon="🧭", default=True),  # at /
        st.Page("pages/commitments.py", title=_("Commitments"), icon="📌", url_path="commitments"),
        st.Page("pages/content_mix.py", title=_("Content mix"), icon="📊", url_path="content-mix"),
        st.Page("pages/audience.py", title=_("Audience response"), icon="💬", url_path="audience"),
        st.Page("pages/peers.py", title=_("Peers"), icon="⚖️", url_path="peers"),
    ],
    _("Work"): [
        st.Page("pages/posts.py", title=_("Posts"), icon="🗂️", url_path="posts"),
        st.Page("pages/data.py", title=_("Data"), icon="📥", url_path="data"),
        st.Page("pages/share.py", title=_("Share with leadership"), icon="🔗", url_path="share"),
    ],
}

LEADERSHIP = st.Page("pages/leadership.py", title=_("Leadership view"), icon="🧭", url_path="leadership")


def _redirect(url_path: str) -> st.Page:
    """In a share session every other address leads to the leadership view."""

    def to_leadership() -> None:
        kept = {key: st.query_params[key] for key in ("share", PARAM) if key in st.query_params}
        st.switch_page(LEADERSHIP, query_params={"share": "", **kept})

    to_leadership.__name__ = f"to_leadership_{url_path or 'home'}"
    return st.Page(to_leadership, title="Followthrough", url_path=url_path or None, default=not url_path)


if SHARE_SESSION:
    # A share link: the read-only view and nothing else, whatever the path says.
    elsewhere = [_redirect(p.url_path) for items in SECTIONS.values() for p in items]
    st.navigation([*elsewhere, LEADERSHIP], position="hidden").run()
    st.stop()

require_editor()
page = st.navigation({**SECTIONS, "Shared": [LEADERSHIP]}, position="hidden")
# Our own menu: Streamlit's would first list the files of pages/ (shared modules too).
with st.sidebar:
    st.markdown("### 🧭 Followthrough")
    for section, items in SECTIONS.items():
        st.caption(section)
        for item in items:
            st.page_link(item, label=item.title, icon=item.icon)
language_selector()
page.run()
