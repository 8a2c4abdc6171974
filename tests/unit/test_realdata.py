"""Every real export sample loads through `followthrough inspect` with the right counts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.realdata

# file -> (format, posts in the file, brand, platform); counted by reading each file by hand.
EXPECTED = {
    "x_tweet_activity_metrics_2020-06.csv": ("x_activity", 14, ["rOpenSci"], ["x"]),
    "publer_post_insights_2025-06.csv": (
        "publer_insights",
        10,
        ["ACME Inc AG", "Gerald Dürr", "Prodosh Banerjee"],
        ["linkedin"],
    ),
    "facebook_insights_post_level_2020-08.csv": ("facebook_insights_legacy", 15, ["sakubot"], ["facebook"]),
    "mastodon_status_example.json": ("mastodon_json", 1, ["Gargron"], ["mastodon"]),
}


def test_every_sample_is_known(realdata: Path) -> None:
    assert sorted(p.name for p in realdata.iterdir() if p.is_file()) == sorted(EXPECTED)


def test_inspect_reads_every_sample_completely(realdata: Path) -> None:
    files = [str(realdata / name) for name in EXPECTED]
    done = subprocess.run(
        [sys.executable, "-m", "followthrough", "inspect", "--json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    reports = {r["file"]: r for r in json.loads(done.stdout)}
    for name, (fmt, rows, brands, platforms) in EXPECTED.items():
        r = reports[name]
        assert r["format"] == fmt, name
        assert (r["rows_read"], r["rows_loaded"], r["rows_skipped"]) == (rows, rows, 0), name
        assert r["brands"] == brands, name
        assert r["platforms"] == platforms, name
        assert r["date_min"] is not None and r["date_min"] <= r["date_max"], name
        assert "likes" in r["engagement_columns"], name


def test_x_sample_values_match_the_file(realdata: Path) -> None:
    from data_sources.loader import load_path

    posts = load_path(realdata / "x_tweet_activity_metrics_2020-06.csv").posts
    first = posts.filter(posts["post_id"] == "1276530665454854149").row(0, named=True)
    assert (first["impressions"], first["engagements"], first["shares"], first["likes"]) == (4209, 53, 8, 10)
    assert "& learn" in first["text"]  # &amp; unescaped
    assert first["published_at"].isoformat() == "2020-06-26T15:00:00+00:00"
    replies = posts.filter(posts["text"].str.starts_with("@"))
    assert replies["is_reply"].all()


def test_facebook_sample_keeps_thai_text_and_reads_us_dates(realdata: Path) -> None:
    from data_sources.loader import load_path

    posts = load_path(realdata / "facebook_insights_post_level_2020-08.csv").posts
    newest = posts.sort("published_at").row(-1, named=True)
    assert newest["published_at"].isoformat() == "2020-07-15T09:32:49+00:00"
    assert "สาคู" in newest["text"]
    assert newest["source_row"] == 3


def test_mastodon_sample_html_is_text(realdata: Path) -> None:
    from data_sources.loader import load_path

    post = load_path(realdata / "mastodon_status_example.json").posts.row(0, named=True)
    assert post["text"].startswith('"I lost my inheritance with one wrong digit on my sort code"')
    assert "<" not in post["text"]
    assert (post["likes"], post["shares"], post["comments"]) == (11, 6, 5)
