"""Several replicas of the app share one workspace: files in a shared store
(``FOLLOWTHROUGH_STORE_URL``), records on a PostgreSQL server (``FOLLOWTHROUGH_RECORDS_URL``).

Each replica has its own local data directory, as separate machines would; what one saves,
the others see. The server is a real PostgreSQL started for the tests (tests/postgres_server.py).
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.loader import LoadReport, load_bytes
from data_sources.records import PostgresRecords, schema_name
from data_sources.shares import ShareError, create_share, list_shares, resolve_share, revoke_share
from data_sources.workspace import Workspace, list_workspaces


@pytest.fixture
def replicas(tmp_path: Path, records_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Two replicas' own data directories, and the store they share."""
    store = tmp_path / "shared-store"
    store.mkdir()
    monkeypatch.setenv("FOLLOWTHROUGH_STORE_URL", store.as_uri())
    return tmp_path / "replica-a", tmp_path / "replica-b", store


def _posts(label: str, n: int = 50) -> tuple[pl.DataFrame, LoadReport]:
    rows = "".join(f"{label}-{i},2024-03-0{1 + i % 9},{label} post {i},{i}\n" for i in range(n))
    result = load_bytes(("id,date,text,likes\n" + rows).encode(), f"{label}.csv", brand=label)
    return result.posts, result.report


def test_what_one_replica_saves_the_other_sees(replicas: tuple[Path, Path, Path]) -> None:
    a_dir, b_dir, _ = replicas
    a = Workspace.open(a_dir, "Acme Nordics")
    info = a.add_dataset(*_posts("acme"))
    a.save_commitment({"id": "c1", "title": "Fair pay by 2026", "brand": "acme"})
    a.correct("acme-3", "acme post 3", "stance")
    a.set_link("acme-4", "c1", True)

    assert list_workspaces(b_dir) == ["Acme Nordics"]  # the name, as created on A
    b = Workspace.open(b_dir, "Acme Nordics", create=False)
    assert [d.id for d in b.datasets()] == [info.id]
    assert b.posts().sort(S.POST_ID).equals(a.posts().sort(S.POST_ID))
    assert b.commitment_rows() == [{"id": "c1", "title": "Fair pay by 2026", "brand": "acme"}]
    assert b.corrections()[S.TYPE].to_list() == ["stance"]
    assert b.link_overrides().rows() == [("acme-4", "c1", True)]
    assert a.fingerprint() == b.fingerprint()

    b.remove_dataset(info.id)
    b.delete_commitment("c1")
    assert a.datasets() == [] and a.commitment_rows() == [] and a.link_overrides().is_empty()
    assert a.fingerprint() == b.fingerprint()


def test_a_link_made_on_one_replica_opens_and_is_withdrawn_on_another(replicas: tuple[Path, Path, Path]) -> None:
    a_dir, b_dir, _ = replicas
    a = Workspace.open(a_dir, "Acme")
    a.add_dataset(*_posts("acme"))
    share, token = create_share(a, view={"brand": "acme"}, snapshot=None)

    ws_b, opened = resolve_share(b_dir, token)
    assert (ws_b.slug, opened.id) == ("acme", share.id)
    assert [s.opens for s in list_shares(a)] == [1]  # B's visit is recorded where A reads it

    revoke_share(ws_b, share.id)
    with pytest.raises(ShareError) as err:
        resolve_share(a_dir, token)
    assert err.value.reason == "revoked"


def test_a_name_opened_on_two_replicas_is_one_workspace(replicas: tuple[Path, Path, Path]) -> None:
    a_dir, b_dir, _ = replicas
    Workspace.open(a_dir, "Team").save_commitment({"id": "x", "title": "t"})
    Workspace.open(b_dir, "Team").save_commitment({"id": "y", "title": "u"})
    assert [c["id"] for c in Workspace.open(a_dir, "Team").commitment_rows()] == ["x", "y"]
    with pytest.raises(FollowthroughError, match="no workspace called 'Other'"):
        Workspace.open(b_dir, "Other", create=False)


def _replica_upload(data_dir: str, label: str, barrier: Any, results: Any) -> None:
    """One replica (its own process and data directory) saves an upload when the others do."""
    posts, report = _posts(label, 2000)
    barrier.wait(timeout=60)
    info = Workspace.open(data_dir, "Team").add_dataset(posts, report)
    results.put((label, info.id))


@pytest.fixture
def _spawn_without_rerunning_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned process re-runs the parent's ``__main__`` file; after an AppTest in the same
    session that can be the app itself. The workers need only this module, imported by name."""
    monkeypatch.delattr(sys.modules["__main__"], "__file__", raising=False)


@pytest.mark.usefixtures("_spawn_without_rerunning_main")
def test_replicas_uploading_at_the_same_moment_keep_every_dataset(replicas: tuple[Path, Path, Path]) -> None:
    root = replicas[0].parent
    context = multiprocessing.get_context("spawn")  # the environment (both URLs) is inherited
    labels = ["r0", "r1", "r2"]
    barrier, results = context.Barrier(len(labels)), context.Queue()
    workers = [
        context.Process(target=_replica_upload, args=(str(root / f"replica-{label}"), label, barrier, results))
        for label in labels
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert sorted(dict(results.get(timeout=10) for _ in labels)) == labels
    ws = Workspace.open(replicas[1], "Team")
    assert dict(ws.posts().group_by(S.BRAND).len().iter_rows()) == {label: 2000 for label in labels}


def test_an_unreachable_records_server_says_where_and_what_to_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWTHROUGH_RECORDS_URL", "postgresql://team:s3cret@127.0.0.1:9/followthrough")
    with pytest.raises(FollowthroughError) as err:
        Workspace.open(tmp_path, "Acme")
    message = str(err.value)
    assert "127.0.0.1:9" in message and "FOLLOWTHROUGH_RECORDS_URL" in message
    assert "s3cret" not in message  # the password never reaches a page or a log


def test_every_workspace_gets_its_own_schema() -> None:
    names = ["acme", "acme-nordics", "x" * 64, "x" * 63 + "y", "ws-0123456789ab"]
    schemas = [schema_name(n) for n in names]
    assert len(set(schemas)) == len(names)
    assert all(len(s) <= 63 and s.startswith("ft_") for s in schemas)


def test_the_registry_is_empty_on_a_fresh_server(records_url: str) -> None:
    assert PostgresRecords.registered(records_url) == []


def test_replicas_starting_on_a_fresh_server_at_once_seed_the_demo_once(replicas: tuple[Path, Path, Path]) -> None:
    import threading

    from data_sources.workspace import ensure_demo

    barrier = threading.Barrier(2)

    def start(data_dir: Path) -> None:
        barrier.wait(timeout=30)
        ensure_demo(data_dir)

    threads = [threading.Thread(target=start, args=(d,)) for d in replicas[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    demo = Workspace.open(replicas[0], "demo")
    assert len(demo.datasets()) == 1
    assert len({c["id"] for c in demo.commitment_rows()}) == len(demo.commitment_rows()) > 0
