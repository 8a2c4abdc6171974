from __future__ import annotations

import threading
from pathlib import Path

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.loader import load_bytes
from data_sources.workspace import Workspace, ensure_demo, list_workspaces, slugify

#: Every test here runs with records in SQLite and on a PostgreSQL server.
pytestmark = pytest.mark.usefixtures("records_backend")


def upload(ws: Workspace, text: str, name: str = "a.csv") -> None:
    result = load_bytes(text.encode(), name, brand="Acme")
    ws.add_dataset(result.posts, result.report)


def test_datasets_survive_reopening_and_later_uploads_win(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path, "Acme")
    upload(ws, "id,date,text,likes\n1,2024-01-01,hello,3\n2,2024-01-02,bye,1\n")
    upload(ws, "id,date,text,likes\n1,2024-01-01,hello,9\n", "b.csv")
    again = Workspace.open(tmp_path, "Acme")
    assert [d.name for d in again.datasets()] == ["a.csv", "b.csv"]
    posts = again.posts().sort(S.POST_ID)
    assert posts[S.LIKES].to_list() == [9, 1]
    assert posts.schema == S.POSTS_SCHEMA


def test_removing_a_dataset_removes_its_posts_only(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path, "Acme")
    upload(ws, "id,date,text\n1,2024-01-01,a\n")
    upload(ws, "id,date,text\n2,2024-01-01,b\n", "b.csv")
    ws.remove_dataset(ws.datasets()[0].id)
    assert ws.posts()[S.POST_ID].to_list() == ["2"]
    assert len(list((ws.root / "datasets").glob("*.parquet"))) == 1


def test_concurrent_uploads_keep_both(tmp_path: Path) -> None:
    ws_a, ws_b = Workspace.open(tmp_path, "Team"), Workspace.open(tmp_path, "Team")
    threads = [
        threading.Thread(target=upload, args=(ws_a, "id,date,text\n1,2024-01-01,a\n", "a.csv")),
        threading.Thread(target=upload, args=(ws_b, "id,date,text\n2,2024-01-01,b\n", "b.csv")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(Workspace.open(tmp_path, "Team").posts()[S.POST_ID].to_list()) == ["1", "2"]


def test_workspace_names_cannot_leave_the_data_directory(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "data", "../../evil")
    assert ws.root.resolve().is_relative_to((tmp_path / "data").resolve())
    assert slugify("Acme / Nordics 2024") == "acme-nordics-2024"
    with pytest.raises(FollowthroughError):
        slugify("../..")


def test_demo_is_seeded_once(tmp_path: Path) -> None:
    first = ensure_demo(tmp_path)
    ensure_demo(tmp_path)
    assert len(first.datasets()) == 1
    assert list_workspaces(tmp_path) == ["demo"]
    assert first.posts().height > 4500


def test_half_written_parquet_is_never_listed(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path, "Acme")
    upload(ws, "id,date,text\n1,2024-01-01,a\n")
    (ws.root / "datasets" / ".x.parquet.tmp").write_bytes(b"PAR1 half")
    assert ws.posts().height == 1
    assert isinstance(ws.posts(), pl.DataFrame)


def test_labels_read_for_some_columns_are_those_columns_of_all_the_labels(tmp_path: Path) -> None:
    from metrics.pipeline import labelled_posts

    class Keyed:
        key = "saved-labels"

    ws = Workspace.open(tmp_path, "Acme")
    upload(ws, "id,date,text,likes\n1,2024-01-01,hello,3\n2,2024-01-02,bye,1\n")
    upload(ws, "id,date,text,likes\n1,2024-01-01,hello,9\n", "b.csv")
    for dataset, kind in zip(ws.datasets(), ("stance", "other"), strict=True):
        posts = ws.dataset_posts(dataset.id)
        ws.write_labels(
            dataset.id,
            Keyed.key,
            posts.with_columns(pl.lit(kind).alias(S.TYPE), pl.lit("model").alias("type_source")),
        )
    ws.correct("2", "bye", "promotional")
    everything = labelled_posts(ws, Keyed())  # type: ignore[arg-type]
    some = labelled_posts(ws, Keyed(), columns=(S.BRAND, S.LIKES))  # type: ignore[arg-type]
    assert some.columns == [S.POST_ID, S.BRAND, S.PLATFORM, S.LIKES, S.TYPE, "type_source"]
    assert some.equals(everything.select(some.columns))
    assert some.sort(S.POST_ID)[S.TYPE].to_list() == ["other", "promotional"]  # the later upload and the correction
