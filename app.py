"""Followthrough: the entry point only configures the page and routes."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Followthrough", page_icon="🧭", layout="wide")

SECTIONS = {
    "Follow-through": [
        st.Page("pages/overview.py", title="Overview", icon="🧭", default=True),  # at /
        st.Page("pages/commitments.py", title="Commitments", icon="📌", url_path="commitments"),
        st.Page("pages/content_mix.py", title="Content mix", icon="📊", url_path="content-mix"),
        st.Page("pages/audience.py", title="Audience response", icon="💬", url_path="audience"),
        st.Page("pages/peers.py", title="Peers", icon="⚖️", url_path="peers"),
    ],
    "Work": [
        st.Page("pages/posts.py", title="Posts", icon="🗂️", url_path="posts"),
        st.Page("pages/data.py", title="Data", icon="📥", url_path="data"),
    ],
}

page = st.navigation(SECTIONS, position="hidden")
# Our own menu: Streamlit's would first list the files of pages/ (shared modules too).
with st.sidebar:
    st.markdown("### 🧭 Followthrough")
    for section, items in SECTIONS.items():
        st.caption(section)
        for item in items:
            st.page_link(item, label=item.title, icon=item.icon)
page.run()
