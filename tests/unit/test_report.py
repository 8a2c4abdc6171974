"""The standalone report: one file that opens offline, shows the leadership view, keeps
hostile text inert, and prints to an A4 PDF with its charts."""

from __future__ import annotations

import html
import io
import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from followthrough import i18n
from metrics.classify import classify_posts
from metrics.commitments import link_posts, make_commitments
from metrics.leadership import LeadershipView, build_view
from metrics.report import find_chromium, html_to_pdf, render_html

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">[x](javascript:alert(1))\u202e'


@pytest.fixture(scope="module")
def view(classifier: Any) -> LeadershipView:
    texts = [
        "We stand with the Black community. Racism has no place here. #BlackLivesMatter",
        "Update on our pledge: 12% of our suppliers are now Black-owned, up from 4%. Report: acme.com/esg",
        "New spring menu is here! Order today and get 20% off 🌸",
        "Progress report: we have now trained 3,400 managers in anti-racism, as promised in June.",
        "Happy Friday from all of us!",
    ] * 4
    start = datetime(2025, 1, 6, 12, tzinfo=UTC)
    frame = S.conform(
        pl.DataFrame(
            {
                S.POST_ID: [str(i) for i in range(len(texts))],
                S.PLATFORM: "x",
                S.BRAND: HOSTILE,
                S.PUBLISHED_AT: [start + timedelta(days=9 * i) for i in range(len(texts))],
                S.TEXT: texts,
                S.LIKES: [10 * (i % 5 + 1) for i in range(len(texts))],
                S.ENGAGEMENTS: [12 * (i % 5 + 1) for i in range(len(texts))],
                S.IMPRESSIONS: 1000,
            }
        )
    )
    labelled = classify_posts(frame, classifier, detect_language=False)
    commitments = make_commitments(
        [{"id": "c1", "brand": HOSTILE, "title": "Supplier diversity " + HOSTILE, "topics": ["racial_justice"],
          "announced_on": "2025-01-06", "cadence_days": 60, "keywords": ["suppliers", "pledge"]}]
    )  # fmt: skip
    built = build_view(labelled, commitments, link_posts(labelled, commitments), as_of=date(2025, 8, 1))
    assert built is not None
    return built


def test_the_report_is_one_self_contained_file(view: LeadershipView) -> None:
    document = render_html(view)
    assert document.startswith("<!doctype html>")
    assert "Plotly.newPlot" in document
    assert all(f"ft-{name}" in document for name in ("trend", "components", "audience"))
    # Nothing is fetched: no external scripts, styles, fonts or images.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"?https?:", document)
    assert "Content-Security-Policy" in document and "connect-src 'none'" in document
    nonce = re.search(r"'nonce-([^']+)'", document)
    assert nonce is not None
    scripts = re.findall(r"<script([^>]*)>", document)
    assert scripts and all(f'nonce="{nonce.group(1)}"' in s for s in scripts)  # only the report's own run


def test_hostile_text_in_the_data_is_inert(view: LeadershipView) -> None:
    document = render_html(view)
    assert "<script>window.__pwned" not in document
    assert "<img src=x" not in document
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in document


def test_the_report_states_brand_period_score_and_commitments(view: LeadershipView) -> None:
    document = render_html(view, generated_at=datetime(2025, 8, 1, 9, 30, tzinfo=UTC))
    assert "Accountability score" in document and "Commitments overdue" in document
    assert "Supplier diversity" in document
    assert "6 Jan 2025" in document  # the period starts with the first post
    assert "Made with Followthrough on 6 Jan 2025" not in document
    assert "Made with Followthrough on 1 Aug 2025 at 09:30 UTC." in document
    assert view.summary[:40].replace("'", "&#x27;") in document
    assert '<html lang="en" dir="ltr">' in document


def test_the_report_is_written_in_the_readers_language_right_to_left_in_arabic(view: LeadershipView) -> None:
    document = render_html(view, generated_at=datetime(2025, 8, 1, 9, 30, tzinfo=UTC), language="ar")
    assert '<html lang="ar" dir="rtl">' in document
    with i18n.using_language("ar"):
        headings = [
            i18n._(h) for h in ("What the score is made of", "Commitments", "Says and does", "Audience response")
        ]
        labels = [i18n._(k) for k in ("Accountability score", "Commitments overdue", "Days since the last update")]
        summary = view.summary
    assert re.findall(r"<h2>([^<]*)</h2>", document) == [html.escape(h) for h in headings]
    assert all(f'<div class="label">{html.escape(label)}</div>' in document for label in labels)
    assert all(re.search("[\u0600-\u06ff]", h) for h in headings + labels)  # Arabic, not English left in
    assert html.escape(summary)[:40] in document and re.search("[\u0600-\u06ff]", summary)
    assert "Accountability score" not in document and "What the score is made of" not in document
    assert "1 أغسطس 2025" in document  # dates by Babel, in Arabic month names
    assert i18n.current_language() == "en"  # the language of the caller is left as it was
    # The same view in Hindi: left to right, in Devanagari.
    hindi = render_html(view, language="hi")
    assert '<html lang="hi" dir="ltr">' in hindi and "जवाबदेही स्कोर" in hindi


def test_a_missing_pdf_engine_says_how_to_enable_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOLLOWTHROUGH_CHROMIUM", str(tmp_path / "no-such-browser"))
    assert find_chromium() is None
    with pytest.raises(FollowthroughError, match="apt install chromium"):
        html_to_pdf("<p>x</p>")


def test_the_pdf_is_a4_with_the_charts(view: LeadershipView) -> None:
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run should install it")
        pytest.skip("no Chromium here to print PDFs")
    from pypdf import PdfReader

    pdf = html_to_pdf(render_html(view))
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Accountability score" in text
    # The charts were drawn before printing: their titles are SVG text in the PDF.
    assert "stances and updates per month" in text
    assert "What the score is made of" in text
