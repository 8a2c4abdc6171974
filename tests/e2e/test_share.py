"""Share links in a real browser: they survive a restart, read well on a phone, reach no
editing page whatever the path, and hostile post text stays inert on every page and in
the report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.loader import LoadReport
from data_sources.workspace import Workspace, ensure_demo
from metrics.sharing import share_workspace
from tests.e2e.conftest import Server, screenshot, settle

pytestmark = pytest.mark.e2e

PWNED = "window.__pwned"
PAYLOADS = [
    "<script>window.__pwned = 1</script> We stand with the Black community.",
    '<img src=x onerror="window.__pwned = 2"> Update on our pledge: 12% of suppliers are Black-owned.',
    "[read our report](javascript:window.__pwned=3) Progress: 3,400 managers trained.",
    "Zero\u200bwidth and \u202ereversed\u202c text <svg onload=window.__pwned=4>",
    '"><iframe src="javascript:window.__pwned=5"></iframe> New menu, 20% off!',
    "<a href=\"javascript:window.__pwned=6\">click</a> `code` **bold** $x$ :red[red]",
]
HOSTILE_BRAND = '<img src=x onerror="window.__pwned=7">Acme'


def leadership_text(page: Any) -> str:
    return str(page.inner_text("[data-testid=stMain]"))


@pytest.fixture
def shared(tmp_path: Path, trained_model_dir: Path, classifier: Any) -> Iterator[tuple[Path, str]]:
    ws = ensure_demo(tmp_path)
    _, token = share_workspace(ws, classifier, brand="Northwind Foods", label="Board")
    yield tmp_path, token


def open_link(page: Any, server: Server, path: str) -> None:
    page.goto(f"{server.url}{path}")
    settle(page, navigation=False)
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)


def test_a_link_survives_a_server_restart(shared: tuple[Path, str], trained_model_dir: Path, page: Any) -> None:
    data_dir, token = shared
    first = Server(data_dir, trained_model_dir)
    try:
        open_link(page, first, f"/leadership?share={token}")
        before = leadership_text(page)
    finally:
        first.stop()
    second = Server(data_dir, trained_model_dir)
    try:
        open_link(page, second, f"/leadership?share={token}")
        after = leadership_text(page)
    finally:
        second.stop()
    assert "Northwind Foods: does it follow through?" in before
    assert before.split("Download")[0] == after.split("Download")[0]  # the same snapshot, to the digit


def test_any_path_with_a_token_opens_only_the_leadership_view(
    shared: tuple[Path, str], trained_model_dir: Path, browser: Any
) -> None:
    data_dir, token = shared
    server = Server(data_dir, trained_model_dir)
    try:
        context = browser.new_context(viewport={"width": 390, "height": 2200}, is_mobile=True, device_scale_factor=2)
        phone = context.new_page()
        for path in ("/data", "/posts", "/", "/share"):
            open_link(phone, server, f"{path}?share={token}&ws=demo")
            assert phone.url.startswith(f"{server.url}/leadership?share=")
            assert phone.get_by_test_id("stFileUploaderDropzoneInput").count() == 0
            assert phone.locator("[data-testid=stPageLink]").count() == 0
            assert phone.locator("[data-testid=stSidebar]").is_hidden()
        # Readable on a phone: nothing wider than the screen, the score and the summary on top.
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 392
        assert "Accountability score" in leadership_text(phone)
        assert token not in phone.title()
        # The address holds the token: the page tells the browser never to pass it on as a referrer.
        assert phone.evaluate("document.querySelector('meta[name=referrer]')?.content") == "no-referrer"
        assert phone.locator("[data-testid=stMain] a[href^='http']").count() == 0  # no outbound links
        screenshot(phone, "leadership-phone")
        phone.goto(f"{server.url}/leadership?share=not-a-real-token")
        settle(phone, navigation=False)
        assert "does not work" in leadership_text(phone)
        assert phone.locator("[data-testid=stMetric]").count() == 0
        context.close()
    finally:
        server.stop()


def hostile_workspace(root: Path) -> Workspace:
    ws = Workspace.open(root, "hostile")
    start = datetime(2025, 1, 6, 12, tzinfo=UTC)
    texts = PAYLOADS * 3
    frame = S.conform(
        pl.DataFrame(
            {
                S.POST_ID: [f"h{i}" for i in range(len(texts))],
                S.PLATFORM: "x",
                S.BRAND: HOSTILE_BRAND,
                S.PUBLISHED_AT: [start + timedelta(days=5 * i) for i in range(len(texts))],
                S.TEXT: texts,
                S.LIKES: [3 + i for i in range(len(texts))],
                S.ENGAGEMENTS: [5 + i for i in range(len(texts))],
                S.IMPRESSIONS: 500,
                S.URL: "javascript:window.__pwned=8",
            }
        )
    )
    ws.add_dataset(frame, LoadReport(file="<b>evil</b>.csv", format="generic", format_label="Generic",
                                     rows_read=frame.height, rows_loaded=frame.height))  # fmt: skip
    ws.save_commitment(
        {"id": "evil", "brand": HOSTILE_BRAND, "title": '<script>window.__pwned=9</script>Pledge',
         "topics": ["racial_justice"], "announced_on": "2025-01-06", "cadence_days": 30,
         "keywords": ["pledge", "suppliers"]}
    )  # fmt: skip
    return ws


def test_hostile_post_text_stays_inert_everywhere(
    tmp_path: Path, trained_model_dir: Path, classifier: Any, page: Any
) -> None:
    ensure_demo(tmp_path)
    ws = hostile_workspace(tmp_path)
    _, token = share_workspace(ws, classifier)
    server = Server(tmp_path, trained_model_dir)
    try:
        for path in ("", "commitments", "content-mix", "audience", "peers", "posts", "data", "share"):
            page.goto(f"{server.url}/{path}?ws=hostile")
            settle(page)
            assert page.evaluate(PWNED) is None, path
            assert page.locator("a[href^='javascript:' i], iframe, [data-testid=stMain] script").count() == 0, path
            assert page.locator("[data-testid=stException]").count() == 0, path
        screenshot(page, "hostile-share-page")
        open_link(page, server, f"/leadership?share={token}")
        assert page.evaluate(PWNED) is None
        assert "<img src=x" in leadership_text(page)  # shown as text, not run
        screenshot(page, "hostile-leadership")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download this view as a report (HTML)").click()
        report = tmp_path / "report.html"
        download.value.save_as(report)
        page.goto(report.as_uri())
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        assert page.evaluate(PWNED) is None
        assert "<script>window.__pwned=9</script>Pledge" in page.inner_text("main")
    finally:
        server.stop()
