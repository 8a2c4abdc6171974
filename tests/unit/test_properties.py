"""Whatever bytes or tables arrive, a reader loads rows or raises the project's own error."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_sources import schema as S
from data_sources.errors import LoadError
from data_sources.formats import JSON_FORMATS, TABLE_FORMATS
from data_sources.loader import load_bytes

FORMATS = [None, "generic", *(f.name for f in TABLE_FORMATS), *JSON_FORMATS]
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, fmt: str | None) -> None:
    try:
        result = load_bytes(data, "upload.csv", format=fmt)
    except LoadError as err:
        assert str(err).startswith("upload.csv")
        return
    assert result.posts.schema == S.POSTS_SCHEMA
    report = result.report
    assert report.rows_loaded == result.posts.height
    assert report.rows_loaded + report.rows_skipped <= report.rows_read
    assert result.posts[S.PUBLISHED_AT].null_count() == 0


@fast
@given(st.binary(max_size=2000), st.sampled_from(FORMATS))
def test_arbitrary_bytes(data: bytes, fmt: str | None) -> None:
    check(data, fmt)


cell = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2024-01-01", "03/15/2024 10:05 am", "-", "1,234", "6.5%", "", "RT @x: hi", "=1+1"]),
    st.integers(-10, 10**9).map(str),
)
header = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "id",
                "date",
                "text",
                "likes",
                "Post ID",
                "Tweet text",
                "time",
                "impressions",
                "Network",
                "Profile",
                "Post",
                "lang",
                "type",
            ]
        ),
        st.text(max_size=12),
    ),
    min_size=1,
    max_size=8,
)


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    names = draw(header)
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(names) + 2), max_size=12))
    sep = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep)
    writer.writerow(names)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return out.getvalue().encode(encoding, errors="replace")


@fast
@given(tables(), st.sampled_from(FORMATS))
def test_arbitrary_tables(data: bytes, fmt: str | None) -> None:
    check(data, fmt)
