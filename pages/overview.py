from __future__ import annotations

import plotly.express as px
import polars as pl
import streamlit as st

from data_sources import schema as S
from pages._shared import posts, workspace

ws = workspace()
frame = posts(ws)
st.title(f"Overview · {ws.name}")
if frame.is_empty():
    st.info("This workspace has no posts yet. Open **Data** to upload your brand's exports.")
    st.page_link("pages/data.py", label="Go to Data", icon="📥")
    st.stop()

first, last = frame[S.PUBLISHED_AT].min(), frame[S.PUBLISHED_AT].max()
cols = st.columns(4)
cols[0].metric("Posts", f"{frame.height:,}")
cols[1].metric("Brands", frame[S.BRAND].n_unique())
cols[2].metric("Platforms", frame[S.PLATFORM].n_unique())
cols[3].metric("Period", f"{first:%b %Y} – {last:%b %Y}")

weekly = frame.group_by(S.BRAND, pl.col(S.PUBLISHED_AT).dt.truncate("1mo").alias("month")).len("posts").sort("month")
fig = px.line(
    weekly.to_pandas(), x="month", y="posts", color=S.BRAND, title="How much does each brand post, month by month?"
)
fig.update_layout(legend_title_text="Brand", xaxis_title=None, yaxis_title="Posts per month")
st.plotly_chart(fig, key="overview_volume")
