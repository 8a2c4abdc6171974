from __future__ import annotations

import polars as pl

from data_sources import schema as S
from data_sources.demo import END, PLANTED, START, demo_posts, demo_truth


def test_demo_is_deterministic_and_canonical() -> None:
    a, b = demo_posts(), demo_posts()
    assert a.equals(b)
    assert a.schema == S.POSTS_SCHEMA
    assert 4500 <= a.height <= 5500
    assert a[S.POST_ID].is_unique().all()


def test_demo_covers_four_brands_five_languages_several_platforms_three_years() -> None:
    posts = demo_posts()
    assert posts[S.BRAND].n_unique() == 4
    assert {"en", "nb", "it", "ar", "hi"} <= set(posts[S.LANG].unique().to_list())
    assert posts[S.PLATFORM].n_unique() >= 5
    assert posts[S.PUBLISHED_AT].min().date() >= START  # type: ignore[union-attr]
    assert posts[S.PUBLISHED_AT].max().date() <= END  # type: ignore[union-attr]
    assert (END - START).days >= 3 * 365 - 2


def test_demo_brands_show_their_patterns() -> None:
    truth = demo_posts().join(demo_truth(), on=S.POST_ID, suffix="_truth")
    per = truth.group_by(S.BRAND, "type_truth").len().pivot("type_truth", index=S.BRAND, values="len").fill_null(0)
    row = {r[S.BRAND]: r for r in per.iter_rows(named=True)}
    north = truth.filter((pl.col(S.BRAND) == "Northwind Foods") & (pl.col("type_truth") == "stance"))
    june_2024 = north.filter(pl.col(S.PUBLISHED_AT).dt.year() == 2024).filter(pl.col(S.PUBLISHED_AT).dt.month() == 6)
    assert june_2024.height >= 0.7 * north.height  # a burst, then near silence
    assert row["Northwind Foods"]["commitment_update"] == 1
    assert row["Fjordlys Energi"]["commitment_update"] > 3 * row["Fjordlys Energi"]["stance"]  # steady updates
    assert row["Bella Moda"]["promotional"] > 10 * row["Bella Moda"]["stance"]
    assert {p.brand for p in PLANTED} == set(row)
