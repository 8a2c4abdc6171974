"""The dashboard in a real browser: upload a real export, see charts, every page, shareable URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Server, copy_realdata, screenshot, settle

pytestmark = pytest.mark.e2e

PAGES = ["", "commitments", "content-mix", "audience", "peers", "posts", "data"]


def test_overview_draws_its_charts(server: Server, page: object) -> None:
    page.goto(f"{server.url}/")  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)  # type: ignore[attr-defined]
    traces = page.locator("[data-testid=stPlotlyChart] .js-plotly-plot .trace").count()  # type: ignore[attr-defined]
    assert traces >= 2  # stances and updates
    assert page.locator("[data-testid=stException]").count() == 0  # type: ignore[attr-defined]
    assert "Accountability score" in page.inner_text("[data-testid=stMain]")  # type: ignore[attr-defined]
    screenshot(page, "overview")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_without_an_error(server: Server, page: object, name: str) -> None:
    page.goto(f"{server.url}/{name}")  # type: ignore[attr-defined]
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    screenshot(page, f"page-{name or 'overview'}")


def test_upload_a_real_export_then_see_it(server: Server, page: object, tmp_path: Path) -> None:
    export = copy_realdata("x_tweet_activity_metrics_2020-06.csv", tmp_path)
    page.goto(f"{server.url}/data")  # type: ignore[attr-defined]
    settle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(export))  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Load into workspace").click()  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_selector("text=14 posts loaded", timeout=60_000)  # type: ignore[attr-defined]
    screenshot(page, "data-after-upload")
    page.goto(f"{server.url}/?brand=rOpenSci")  # type: ignore[attr-defined]
    settle(page)
    main = page.inner_text("[data-testid=stMain]")  # type: ignore[attr-defined]
    assert "rOpenSci" in main
    assert "Posts" in main and "14" in main
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)  # type: ignore[attr-defined]


def test_a_copied_url_reopens_the_same_view(server: Server, browser: object) -> None:
    first = browser.new_context(viewport={"width": 1400, "height": 2000})  # type: ignore[attr-defined]
    tab = first.new_page()
    tab.goto(f"{server.url}/content-mix?brand=Fjordlys+Energi&post_lang=nb&every=quarter")
    settle(tab)
    url = tab.url
    assert "brand=Fjordlys" in url and "post_lang=nb" in url and "every=quarter" in url
    heading_a = tab.inner_text("[data-testid=stMain] [data-testid=stCaptionContainer]")
    first.close()
    fresh = browser.new_context(viewport={"width": 1400, "height": 2000})  # type: ignore[attr-defined]
    again = fresh.new_page()
    again.goto(url)
    settle(again)
    again.wait_for_selector('[data-testid=stSidebar] [data-tag][aria-label="Fjordlys Energi"]', timeout=30_000)
    again.wait_for_selector('[data-testid=stSidebar] [data-tag][aria-label="nb"]', timeout=30_000)
    assert again.inner_text("[data-testid=stMain] [data-testid=stCaptionContainer]") == heading_a
    assert again.locator("[data-testid=stPlotlyChart] .js-plotly-plot").count() >= 1
    screenshot(again, "content-mix-from-url")
    fresh.close()


def test_overview_reads_on_a_phone(server: Server, browser: object) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 1800}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    tab = phone.new_page()
    tab.goto(f"{server.url}/")
    settle(tab)
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing forces sideways scrolling
    screenshot(tab, "overview-phone")
    phone.close()
