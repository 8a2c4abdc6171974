"""The Overview and a share link's leadership view in Arabic and in Hindi, in a real
browser: the page reads right to left in Arabic, each script is drawn in its Noto face, and
the screenshots are kept to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data_sources.workspace import ensure_demo
from metrics.sharing import share_workspace
from tests.e2e.conftest import Server, screenshot, settle

pytestmark = pytest.mark.e2e

DIRECTION = "getComputedStyle(document.querySelector('[data-testid=stMain]')).direction"
FONT = "getComputedStyle(document.querySelector('[data-testid=stMain] h1')).fontFamily"


@pytest.mark.parametrize(
    ("lang", "direction", "face", "title"),
    [("ar", "rtl", "Noto Sans Arabic", "نظرة عامة"), ("hi", "ltr", "Noto Sans Devanagari", "सारांश")],
)
def test_overview_in_arabic_and_hindi(
    server: Server, page: object, lang: str, direction: str, face: str, title: str
) -> None:
    page.goto(f"{server.url}/?lang={lang}")  # type: ignore[attr-defined]
    settle(page, timeout=240_000)  # the first page of a session labels the demo workspace
    page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)  # type: ignore[attr-defined]
    assert page.locator("[data-testid=stException]").count() == 0  # type: ignore[attr-defined]
    assert page.inner_text("[data-testid=stMain] h1").strip() == title  # type: ignore[attr-defined]
    assert page.evaluate(DIRECTION) == direction  # type: ignore[attr-defined]
    assert page.evaluate(FONT).strip('"').startswith(face)  # type: ignore[attr-defined]
    assert f"lang={lang}" in page.url  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]  # let the charts finish their transition
    screenshot(page, f"overview-{lang}")


@pytest.mark.parametrize(
    ("made_in", "lang", "direction", "face", "title"),
    [
        ("ar", None, "rtl", "Noto Sans Arabic", "Northwind Foods: هل تفي بالتزاماتها؟"),
        ("en", "hi", "ltr", "Noto Sans Devanagari", "Northwind Foods: क्या यह अपने वादों पर अमल करता है?"),
    ],
)
def test_leadership_view_in_arabic_and_hindi(
    tmp_path: Path, trained_model_dir: Path, classifier: Any, page: Any,
    made_in: str, lang: str | None, direction: str, face: str, title: str,
) -> None:  # fmt: skip
    """A link made in Arabic opens in Arabic; one made in English opens in Hindi when the
    viewer asks for it, and the view's chooser switches it."""
    _, token = share_workspace(ensure_demo(tmp_path), classifier, brand="Northwind Foods", language=made_in)
    server = Server(tmp_path, trained_model_dir)
    try:
        page.goto(f"{server.url}/leadership?share={token}" + (f"&lang={lang}" if lang else ""))
        settle(page, timeout=240_000, navigation=False)
        page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot", timeout=60_000)
        assert page.locator("[data-testid=stException]").count() == 0
        shown = page.inner_text("[data-testid=stMain] h1").strip()
        assert shown.replace("\u2068", "").replace("\u2069", "") == title
        assert page.evaluate(DIRECTION) == direction
        assert page.evaluate(FONT).strip('"').startswith(face)
        page.wait_for_timeout(800)  # let the charts finish their transition
        screenshot(page, f"leadership-{lang or made_in}")
        page.locator("[data-testid=stMain] button", has_text="English").click()  # the view's own chooser
        settle(page, navigation=False)
        assert page.inner_text("[data-testid=stMain] h1").strip() == "Northwind Foods: does it follow through?"
        assert "lang=en" in page.url and f"share={token}" in page.url
    finally:
        server.stop()


def test_the_language_chooser_switches_the_page(server: Server, page: object) -> None:
    page.goto(f"{server.url}/commitments")  # type: ignore[attr-defined]
    settle(page)
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text="Language").click()  # type: ignore[attr-defined]
    page.get_by_role("option", name="Italiano").click()  # type: ignore[attr-defined]
    settle(page)
    assert page.inner_text("[data-testid=stMain] h1").strip() == "Impegni"  # type: ignore[attr-defined]
    assert "lang=it" in page.url  # type: ignore[attr-defined]
    page.get_by_role("link", name="Panoramica").click()  # type: ignore[attr-defined]
    settle(page)
    assert page.inner_text("[data-testid=stMain] h1").strip() == "Panoramica"  # type: ignore[attr-defined]
    assert "lang=it" in page.url  # type: ignore[attr-defined]
