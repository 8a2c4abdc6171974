"""Followthrough: the entry point only configures the page and routes."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Followthrough", page_icon="🧭", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", icon="🧭", default=True, url_path="overview"),
    st.Page("pages/posts.py", title="Posts", icon="🗂️", url_path="posts"),
    st.Page("pages/data.py", title="Data", icon="📥", url_path="data"),
]
st.navigation(pages).run()
