"""The leadership view behind a share link, the Share page, and the optional password on
the editing side, run through app.py as a browser would reach them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from data_sources.shares import list_shares, revoke_share
from data_sources.workspace import Workspace, ensure_demo
from metrics.sharing import share_workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_dir: Path, classifier: Any) -> Path:
    monkeypatch.setenv("FOLLOWTHROUGH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
    monkeypatch.delenv("FOLLOWTHROUGH_PASSWORD", raising=False)
    return tmp_path


def open_app(query: dict[str, str], page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [t.value for t in at.title] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    return " ".join(str(p) for p in parts)


def shows_no_data(at: AppTest) -> bool:
    return not at.metric and not at.get("plotly_chart") and not at.get("download_button")


def test_a_share_link_shows_the_leadership_view_and_nothing_to_edit(data_dir: Path, classifier: Any) -> None:
    ws = ensure_demo(data_dir)
    _, token = share_workspace(ws, classifier, brand="Northwind Foods", label="Board")
    at = open_app({"share": token})
    assert at.title[0].value == "Northwind Foods: does it follow through?"
    assert [m.label for m in at.metric] == [
        "Accountability score", "Posts", "Commitments overdue", "Days since the last update",
    ]  # fmt: skip
    assert at.metric[0].value.endswith("/ 100")
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert any("stances and updates" in t for t in titles) and any("score is made of" in t for t in titles)
    assert "Commitments" in [s.value for s in at.subheader]
    # Read-only: no uploads, inputs, editors, page links or buttons other than the report download.
    for kind in ("file_uploader", "text_input", "text_area", "data_editor", "page_link", "button", "selectbox",
                 "multiselect", "date_input"):  # fmt: skip
        assert not at.get(kind), kind
    assert len(at.get("download_button")) == 1
    assert [w.key for w in at.segmented_control] == ["share_lang"]  # the one input: the reader's language
    assert token not in texts(at)  # the token is not echoed anywhere on the page
    assert list_shares(ws)[0].opens == 1


@pytest.mark.parametrize("path", [None, "pages/data.py", "pages/posts.py"])
def test_a_share_session_cannot_reach_the_editing_pages(data_dir: Path, classifier: Any, path: str | None) -> None:
    ws = ensure_demo(data_dir)
    _, token = share_workspace(ws, classifier)
    at = open_app({"share": token})
    if path:  # whatever page the URL names, the share session runs the leadership view
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(path).run()
    assert not at.get("file_uploader") and not at.get("page_link")
    assert at.title[0].value.endswith("does it follow through?")


def test_a_token_for_one_workspace_never_shows_another(data_dir: Path, classifier: Any) -> None:
    from tests.unit.test_shares import STANCE, UPDATE, workspace

    ensure_demo(data_dir)
    secret = workspace(data_dir, "Secret client", "Hushco", [STANCE, UPDATE])
    ws = Workspace.open(data_dir, "demo")
    _, token = share_workspace(ws, classifier, brand="Northwind Foods")
    at = open_app({"share": token, "ws": secret.slug})
    assert "Hushco" not in texts(at)
    assert at.title[0].value.startswith("Northwind Foods")


@pytest.mark.parametrize("state", ["expired", "revoked", "garbage", "missing"])
def test_dead_links_show_a_message_and_no_data(data_dir: Path, classifier: Any, state: str) -> None:
    ws = ensure_demo(data_dir)
    share, token = share_workspace(ws, classifier, expires_days=1)
    if state == "expired":
        with ws._db() as db:
            db.execute(
                "UPDATE shares SET expires_at = ? WHERE id = ?",
                ((datetime.now(UTC) - timedelta(hours=1)).isoformat(), share.id),
            )
    elif state == "revoked":
        revoke_share(ws, share.id)
    elif state == "garbage":
        token = token[:-4] + "AAAA"
    query = {"share": token} if state != "missing" else {}
    at = open_app(query, None if state != "missing" else "pages/leadership.py")
    assert at.error, "a dead link says so"
    message = at.error[0].value
    assert ("expired" in message) if state == "expired" else True
    assert ("withdrawn" in message) if state == "revoked" else True
    assert shows_no_data(at)
    assert "Northwind" not in texts(at)


def test_the_share_page_creates_lists_and_withdraws_links(data_dir: Path) -> None:
    at = open_app({}, "pages/share.py")
    at.text_input(key="share_label").input("Quarterly board pack")
    at.selectbox(key="share_focus").select("Northwind Foods")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    url = at.code[0].value
    assert "/leadership?share=" in url
    ws = Workspace.open(data_dir, "demo")
    shares = list_shares(ws)
    assert [(s.label, s.brand, s.live) for s in shares] == [("Quarterly board pack", "Northwind Foods", False)]
    at.run()
    revoke = at.button(key=f"revoke_{shares[0].id}")
    revoke.click().run()
    assert list_shares(ws) == []
    assert list_shares(ws, include_inactive=True)[0].state() == "revoked"


def test_the_share_page_offers_the_report(data_dir: Path) -> None:
    at = open_app({}, "pages/share.py")
    downloads = at.get("download_button")
    assert downloads, "the HTML report can be downloaded"


def test_an_optional_password_guards_the_editing_side_but_not_share_links(
    data_dir: Path, classifier: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWTHROUGH_PASSWORD", "correct horse")
    at = open_app({})
    assert not at.metric and not at.get("page_link")
    at.text_input(key="editor_password").input("wrong")
    at.button[0].click().run()
    assert at.error and "not right" in at.error[0].value
    assert not at.metric
    at.text_input(key="editor_password").input("correct horse")
    at.button[0].click().run()
    assert [m.label for m in at.metric][:1] == ["Accountability score"]

    ws = ensure_demo(data_dir)
    _, token = share_workspace(ws, classifier)
    shared = open_app({"share": token})
    assert shared.metric and not shared.text_input


def test_the_share_page_on_an_empty_workspace_says_what_to_do(data_dir: Path) -> None:
    Workspace.open(data_dir, "empty")
    at = open_app({"ws": "empty"}, "pages/share.py")
    assert any("Upload the brand's exports first" in i.value for i in at.info)
    assert not at.get("download_button") and not at.code
