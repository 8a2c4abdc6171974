"""The storage interface: the same contract for a local folder and for an fsspec URL, keys
that cannot leave the store, and a whole workspace (datasets, labels, share snapshots) on
a store named by FOLLOWTHROUGH_STORE_URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources.errors import FollowthroughError
from data_sources.storage import FsspecStore, LocalStore, Store, check_key, open_store, read_frame, write_frame


@pytest.fixture(params=["local", "fsspec"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "local":
        return open_store(tmp_path / "blobs")
    return open_store((tmp_path / "blobs").as_uri())


def test_open_store_picks_the_implementation(tmp_path: Path) -> None:
    assert isinstance(open_store(tmp_path), LocalStore)
    assert isinstance(open_store(tmp_path.as_uri()), FsspecStore)


def test_the_store_contract(store: Store) -> None:
    assert isinstance(store, Store)
    assert not store.exists("datasets/a.parquet") and store.keys("datasets") == []
    store.write_bytes("datasets/a.bin", b"one")
    store.write_bytes("datasets/a.bin", b"two")  # replaced whole
    store.write_bytes("shares/s1/posts.parquet", b"x")
    store.write_bytes("shares/s1/commitments.json", b"[]")
    assert store.read_bytes("datasets/a.bin") == b"two"
    assert store.exists("datasets/a.bin")
    assert store.keys("shares") == ["shares/s1/commitments.json", "shares/s1/posts.parquet"]
    store.delete_prefix("shares/s1")
    assert store.keys("shares") == []
    store.delete("datasets/a.bin")
    store.delete("datasets/a.bin")  # deleting twice is fine
    assert not store.exists("datasets/a.bin")


def test_frames_round_trip(store: Store) -> None:
    frame = pl.DataFrame({"post_id": ["1", "2"], "text": ["hei", "مرحبا"], "likes": [3, None]})
    write_frame(store, "datasets/f.parquet", frame)
    assert read_frame(store, "datasets/f.parquet").equals(frame)


@pytest.mark.parametrize("key", ["../x", "a/../../x", "/etc/passwd", ".hidden", "a//b", "a/.tmp", "", "a\\b", "a/b\x00"])
def test_keys_cannot_leave_the_store(key: str) -> None:
    with pytest.raises(FollowthroughError):
        check_key(key)


def test_a_workspace_on_a_shared_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, classifier: Any) -> None:
    from data_sources.shares import resolve_share
    from data_sources.workspace import Workspace
    from metrics.pipeline import labelled_posts
    from metrics.sharing import share_workspace, shared_view
    from tests.unit.test_shares import PROMO, STANCE, UPDATE, workspace

    shared = tmp_path / "shared-store"
    monkeypatch.setenv("FOLLOWTHROUGH_STORE_URL", shared.as_uri())
    ws = workspace(tmp_path / "data", "Acme", "Acme", [STANCE, UPDATE, PROMO])
    assert isinstance(ws.store, FsspecStore)
    assert not list((ws.root / "datasets").glob("*.parquet"))  # posts live in the store, not the data dir
    assert len(list((shared / "workspaces" / "acme" / "datasets").glob("*.parquet"))) == 1
    labelled = labelled_posts(ws, classifier)
    assert labelled.height == 3
    assert len(list((shared / "workspaces" / "acme" / "labels").glob("*.parquet"))) == 1
    _, token = share_workspace(ws, classifier)
    ws2, share = resolve_share(tmp_path / "data", token)
    view = shared_view(ws2, share, None)
    assert view is not None and view.posts == 3
    reopened = Workspace.open(tmp_path / "data", "Acme")
    assert reopened.posts().height == 3
