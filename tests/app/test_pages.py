"""Every page runs without an exception, on the demo workspace and on an empty one."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["pages/overview.py", "pages/posts.py", "pages/data.py"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOLLOWTHROUGH_DATA_DIR", str(tmp_path))
    return tmp_path


def run(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo(data_dir: Path, page: str) -> None:
    run(page)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_workspace(data_dir: Path, page: str) -> None:
    from data_sources.workspace import Workspace

    Workspace.open(data_dir, "empty")
    at = run(page, {"ws": "empty"})
    if page != "pages/data.py":
        assert any("Data" in i.value for i in at.info)


def test_overview_draws_the_volume_chart_on_the_demo(data_dir: Path) -> None:
    at = run("pages/overview.py")
    assert at.metric[0].value == f"{4976:,}" or int(at.metric[0].value.replace(",", "")) > 4500
    assert at.get("plotly_chart")


def test_uploading_an_export_adds_a_dataset(data_dir: Path) -> None:
    from data_sources.workspace import Workspace

    Workspace.open(data_dir, "acme")
    at = run("pages/data.py", {"ws": "acme"})
    csv = b"id,date,text,likes\n1,2024-01-01,We stand with Pride,3\n2,2024-01-02,New menu,1\n"
    at.file_uploader(key="upload_files").set_value(("acme.csv", csv, "text/csv"))
    at.text_input(key="upload_brand").set_value("Acme")
    at.button[0].click().run()
    assert not at.exception
    assert any("2 posts loaded" in s.value for s in at.success)
    assert [d.rows for d in Workspace.open(data_dir, "acme").datasets()] == [2]


def test_a_bad_upload_shows_an_error_and_saves_nothing(data_dir: Path) -> None:
    from data_sources.workspace import Workspace

    Workspace.open(data_dir, "acme")
    at = run("pages/data.py", {"ws": "acme"})
    at.file_uploader(key="upload_files").set_value(("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(100), "text/csv"))
    at.button[0].click().run()
    assert not at.exception
    assert any("image" in e.value for e in at.error)
    assert Workspace.open(data_dir, "acme").datasets() == []
