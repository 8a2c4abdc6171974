"""Names people type (workspaces) or that arrive with files (datasets) never reach outside the data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_sources.errors import FollowthroughError
from data_sources.loader import load_bytes
from data_sources.workspace import Workspace, list_workspaces, slugify

HOSTILE = [
    "../../etc",
    "../../../../../../etc/passwd",
    "..",
    ".",
    "/abs",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "..\\..\\windows\\system32",
    "C:\\Users\\x",
    "CON",
    "nul.txt",
    "a\x00b",
    "\x00",
    "x" * 300,
    "~root",
    "$HOME",
    "name\nwith\nnewlines",
    " leading and trailing ",
    "Ａｃｍｅ",  # fullwidth letters
    "acme\u202egnp.exe",  # a right-to-left override
    "-rf",
    ".hidden",
    "workspace.sqlite",
]
_SAFE = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def _inside(path: Path, base: Path) -> bool:
    return path.resolve().is_relative_to(base.resolve())


@pytest.mark.parametrize("name", HOSTILE, ids=[repr(n)[:30] for n in HOSTILE])
def test_a_hostile_workspace_name_becomes_a_plain_folder_inside_the_data_directory(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    try:
        slug = slugify(name)
    except FollowthroughError as err:
        assert "cannot be a workspace name" in str(err) and "letters or digits" in str(err)
        with pytest.raises(FollowthroughError):
            Workspace.open(data, name)
        assert not (data / "workspaces").exists() or not any((data / "workspaces").iterdir())
        return
    assert set(slug) <= _SAFE and 0 < len(slug) <= 64
    assert not slug.startswith(".") and slug not in (".", "..")
    ws = Workspace.open(data, name)
    assert ws.root == data / "workspaces" / slug
    assert _inside(ws.root, data / "workspaces")
    assert ws.name == name  # shown as typed; only the folder is slugified
    created = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")}
    assert all(str(p).startswith("data") for p in created), created


def test_the_examples_of_the_brief_slugify_as_expected() -> None:
    assert slugify("../../etc") == "etc"
    assert slugify("/abs") == "abs"
    assert slugify("a/b") == "a-b"
    assert slugify("a\x00b") == "a-b"
    assert slugify("x" * 300) == "x" * 64
    for name in ("..", ".", "/", "\x00", "../..", "   "):
        with pytest.raises(FollowthroughError):
            slugify(name)


WINDOWS_DEVICES = ["CON", "prn", "Aux", "NUL", "com1", "LPT9"]


@pytest.mark.parametrize("name", WINDOWS_DEVICES)
def test_a_windows_device_name_is_not_used_as_a_folder(name: str) -> None:
    reserved = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
    assert slugify(name) not in reserved
    assert slugify(name) == f"{name.lower()}-workspace"


@pytest.mark.parametrize("name", ["العربية", "हिन्दी टीम", "東京"])
def test_a_name_in_another_script_gets_a_stable_folder(tmp_path: Path, name: str) -> None:
    slug = slugify(name)
    assert slug.startswith("ws-") and slug == slugify(name) and slug != slugify(name + "x")
    ws = Workspace.open(tmp_path, name)
    assert ws.name == name and ws.root.parent == tmp_path / "workspaces"


def test_a_symlink_planted_in_the_workspaces_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "workspaces").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (data / "workspaces" / "acme").symlink_to(outside, target_is_directory=True)
    with pytest.raises(FollowthroughError):
        Workspace.open(data, "Acme")
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("name", ["../../escape.csv", "/etc/passwd", "a/b/c.csv", "..", "x" * 300, "con", "a\x00b"])
def test_a_hostile_dataset_or_file_name_is_only_a_label(tmp_path: Path, name: str) -> None:
    """Dataset files are named by a random id; the name the file came with is stored as text."""
    ws = Workspace.open(tmp_path / "data", "Acme")
    result = load_bytes(b"id,date,text\n1,2024-03-01,hello\n", name, brand="Acme")
    info = ws.add_dataset(result.posts, result.report, name=name)
    again = Workspace.open(tmp_path / "data", "Acme")
    assert [(d.id, d.name) for d in again.datasets()] == [(info.id, name)]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(_inside(p, ws.root) for p in files), files
    assert {p.name for p in (ws.root / "datasets").iterdir()} == {f"{info.id}.parquet"}
    assert again.posts()["source_file"].to_list() == [name]


@pytest.mark.parametrize("dataset_id", ["../../victim", "/tmp/victim", "..", "0123456789ab/../x", ""])
def test_a_dataset_id_cannot_reach_outside_the_workspace(tmp_path: Path, dataset_id: str) -> None:
    ws = Workspace.open(tmp_path / "data", "Acme")
    victim = tmp_path / "data" / "workspaces" / "victim.parquet"
    victim.write_bytes(b"keep me")
    with pytest.raises(FollowthroughError):
        ws.remove_dataset(dataset_id)
    with pytest.raises(FollowthroughError):
        ws.dataset_posts(dataset_id)
    assert victim.read_bytes() == b"keep me"


def test_names_that_slugify_alike_share_one_workspace_under_the_first_name(tmp_path: Path) -> None:
    """'Acme Nordics' and 'acme_nordics' are one folder; the name first given is the one listed."""
    Workspace.open(tmp_path, "Acme Nordics")
    again = Workspace.open(tmp_path, "acme_nordics")
    assert again.name == "Acme Nordics"
    assert list_workspaces(tmp_path) == ["Acme Nordics"]
