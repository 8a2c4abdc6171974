from __future__ import annotations

import streamlit as st

from data_sources import schema as S
from pages._shared import posts, workspace

ws = workspace()
frame = posts(ws)
st.title("Posts")
if frame.is_empty():
    st.info("No posts yet. Upload an export on the **Data** page.")
    st.stop()

query = st.text_input("Search post text", key="posts_search", placeholder="e.g. pride, net zero, donation")
shown = frame
if query:
    shown = frame.filter(frame[S.TEXT].str.to_lowercase().str.contains(query.lower(), literal=True))
st.caption(f"{shown.height:,} of {frame.height:,} posts")
st.dataframe(
    shown.sort(S.PUBLISHED_AT, descending=True)
    .head(2000)
    .select(S.PUBLISHED_AT, S.BRAND, S.PLATFORM, S.LANG, S.TEXT, S.LIKES, S.IMPRESSIONS),
    key="posts_table",
    hide_index=True,
)
