"""Two replicas of the app, two real Streamlit servers with their own data directories,
sharing a store folder and a PostgreSQL records server: a link made on one opens on the
other, and withdrawing it anywhere closes it everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data_sources.shares import revoke_share
from data_sources.workspace import Workspace, ensure_demo
from metrics.sharing import share_workspace
from tests.e2e.conftest import Server, settle

pytestmark = pytest.mark.e2e


def test_a_link_made_on_one_replica_opens_on_the_other_until_withdrawn(
    tmp_path: Path, records_url: str, trained_model_dir: Path, classifier: Any, page: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    store = tmp_path / "store"
    store.mkdir()
    monkeypatch.setenv("FOLLOWTHROUGH_STORE_URL", store.as_uri())  # the servers inherit both URLs
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a_dir.mkdir()
    b_dir.mkdir()
    share, token = share_workspace(ensure_demo(a_dir), classifier, brand="Northwind Foods", label="Board")

    texts = []
    for data_dir in (a_dir, b_dir):
        server = Server(data_dir, trained_model_dir)
        try:
            page.goto(f"{server.url}/leadership?share={token}")
            settle(page, navigation=False)
            page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)
            texts.append(page.inner_text("[data-testid=stMain]").split("Download")[0])
        finally:
            server.stop()
    assert "Northwind Foods" in texts[1]
    assert texts[0] == texts[1]  # the same snapshot, read from the shared store and records

    revoke_share(Workspace.open(a_dir, "demo", create=False), share.id)
    server = Server(b_dir, trained_model_dir)
    try:
        page.goto(f"{server.url}/leadership?share={token}")
        settle(page, navigation=False)
        page.wait_for_selector("[data-testid=stAlert]", timeout=60_000)
        text = page.inner_text("[data-testid=stMain]")
    finally:
        server.stop()
    assert "withdrawn" in text and "Northwind" not in text
