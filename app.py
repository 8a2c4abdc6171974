"""Followthrough: the entry point only configures the page and routes."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Followthrough", page_icon="🧭", layout="wide")

pages = {
    "Follow-through": [
        st.Page("pages/overview.py", title="Overview", icon="🧭", default=True, url_path="overview"),
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
st.navigation(pages).run()
