"""What every page shares: the workspace in the URL, cached data, and the sidebar."""

from __future__ import annotations

import polars as pl
import streamlit as st

from data_sources.workspace import DEMO, Workspace, default_data_dir, ensure_demo, list_workspaces


@st.cache_resource(show_spinner=False)
def _seeded(data_dir: str) -> bool:
    ensure_demo(data_dir)
    return True


def data_dir() -> str:
    path = str(default_data_dir())
    _seeded(path)
    return path


def workspace() -> Workspace:
    """The workspace named in the URL (``?ws=``), the demo by default; chosen in the sidebar."""
    root = data_dir()
    names = list_workspaces(root) or [DEMO]
    wanted = st.query_params.get("ws", DEMO)
    if wanted not in names:
        wanted = DEMO if DEMO in names else names[0]
    choice = st.sidebar.selectbox("Workspace", names, index=names.index(wanted), key="workspace")
    if choice != DEMO:
        st.query_params["ws"] = choice
    elif "ws" in st.query_params:
        del st.query_params["ws"]
    return Workspace.open(root, choice)


@st.cache_data(show_spinner="Loading the workspace…", max_entries=8)
def _posts(root: str, name: str, fingerprint: tuple[str, ...]) -> pl.DataFrame:
    return Workspace.open(root, name).posts()


def posts(ws: Workspace) -> pl.DataFrame:
    """All saved posts of ``ws``; re-read only when its datasets change."""
    fingerprint = tuple(d.id for d in ws.datasets())
    return _posts(str(ws.root.parent.parent), ws.name, fingerprint)
