"""Every page runs without an exception, on the demo workspace and on an empty one, and the
main flows work: upload, filter, correct a label, accept a suggested commitment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/overview.py", "pages/commitments.py", "pages/content_mix.py", "pages/audience.py",
    "pages/peers.py", "pages/posts.py", "pages/data.py",
]  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_dir: Path, classifier: Any) -> Path:
    monkeypatch.setenv("FOLLOWTHROUGH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))  # the session's trained model
    return tmp_path


def run(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo(data_dir: Path, page: str) -> None:
    at = run(page)
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_workspace(data_dir: Path, page: str) -> None:
    from data_sources.workspace import Workspace

    Workspace.open(data_dir, "empty")
    at = run(page, {"ws": "empty"})
    if page != "pages/data.py":
        assert any("upload" in i.value.lower() for i in at.info)


def test_overview_shows_the_score_its_components_and_the_say_do_chart(data_dir: Path) -> None:
    import json

    at = run("pages/overview.py")
    labels = [m.label for m in at.metric]
    assert labels == ["Accountability score", "Posts", "Commitments overdue", "Days since the last update"]
    assert at.metric[0].value.endswith("/ 100")
    assert len(at.get("progress")) == 4  # the four components
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["name"] for t in spec["data"]} == {"Stances (say)", "Updates (do)"}
    assert "Since its stance on" in " ".join(m.value for m in at.markdown)


def test_a_filter_narrows_the_view_and_is_kept_in_the_url(data_dir: Path) -> None:
    at = run("pages/overview.py")
    everything = at.metric[1].value
    at.multiselect(key="f_brand").set_value(["Fjordlys Energi"]).run()
    assert not at.exception
    assert at.query_params["brand"] == ["Fjordlys Energi"] or at.query_params["brand"] == "Fjordlys Energi"
    assert at.selectbox(key="focus").options == ["Fjordlys Energi"]
    assert at.metric[1].value != everything


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


def test_correcting_a_label_in_the_review_queue_is_saved(data_dir: Path) -> None:
    from data_sources.workspace import Workspace

    at = run("pages/posts.py")
    button = next(b for b in at.button if b.key and b.key.startswith("q_") and b.key.endswith("_stance"))
    post_id = button.key[2 : -len("_stance")]
    button.click().run()
    assert not at.exception
    corrections = Workspace.open(data_dir, "demo").corrections()
    assert corrections.filter(corrections["post_id"] == post_id)["type"].to_list() == ["stance"]


def test_accepting_a_suggested_commitment_declares_it(data_dir: Path) -> None:
    from data_sources.workspace import Workspace

    before = len(Workspace.open(data_dir, "demo").commitment_rows()) if (data_dir / "workspaces").exists() else None
    at = run("pages/commitments.py")
    before = len(Workspace.open(data_dir, "demo").commitment_rows())
    accept = next(b for b in at.button if b.label == "Accept as a commitment")
    accept.click().run()
    assert not at.exception
    assert len(Workspace.open(data_dir, "demo").commitment_rows()) == before + 1
