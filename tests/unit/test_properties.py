"""Whatever bytes or tables arrive, a reader loads rows or raises the project's own error.

Generated files are thrown at every reader: each table format profile and each JSON reader
(forced through ``format=``, and by detection), and at the table readers the Data page calls
directly. The only outcomes allowed are a LoadResult that adds up, or a LoadError that names
the file and was raised on purpose (not the loader's safety net catching a crash).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from typing import Any

import openpyxl
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_sources import schema as S
from data_sources.errors import LoadError
from data_sources.formats import JSON_FORMATS, TABLE_FORMATS
from data_sources.loader import UNREADABLE, load_bytes
from data_sources.tables import RawTable, read_excel_table, read_text_table, sniff_kind

FORMATS = [None, "generic", *(f.name for f in TABLE_FORMATS), *JSON_FORMATS]
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, fmt: str | None, name: str = "upload.csv") -> None:
    try:
        result = load_bytes(data, name, format=fmt)
    except LoadError as err:
        assert str(err).startswith(name)
        assert UNREADABLE not in str(err), f"a reader crashed: {err.__cause__!r}"
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
    st.sampled_from(
        ["2024-01-01", "03/15/2024 10:05 am", "-", "1,234", "6.5%", "", "RT @x: hi", "=1+1", "inf", "1e30"]
    ),
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


# --------------------------------------------------------------------------- JSON shaped like each export

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["2024-03-01T10:00:00Z", "Fri Mar 15 10:05:00 +0000 2024", "retweeted", "replied_to"]),
)
any_json = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


def shaped(template: Any) -> st.SearchStrategy[Any]:
    """Values with the export's shape in places and anything at all in others."""
    if isinstance(template, dict):
        return st.one_of(
            st.fixed_dictionaries({}, optional={k: shaped(v) for k, v in template.items()}),
            any_json,
        )
    if isinstance(template, list):
        return st.one_of(st.lists(shaped(template[0]), max_size=4), any_json)
    return st.one_of(st.just(template), scalars, any_json)


MASTODON = {
    "id": "1",
    "account": {"acct": "acme", "username": "acme"},
    "created_at": "2024-03-01T10:00:00Z",
    "content": "<p>We pledge</p>",
    "url": "https://m.example/@acme/1",
    "reblog": {"id": "2", "content": "<p>hi</p>", "language": "en"},
    "language": "en",
    "in_reply_to_id": "3",
    "favourites_count": 1,
    "replies_count": 2,
    "reblogs_count": 3,
}
BLUESKY = {
    "feed": [
        {
            "post": {
                "uri": "at://did:plc:x/app.bsky.feed.post/abc",
                "author": {"handle": "acme.bsky.social"},
                "record": {"text": "hi", "createdAt": "2024-03-01T10:00:00Z", "langs": ["en"], "reply": {}},
                "indexedAt": "2024-03-01T10:00:00Z",
                "likeCount": 1,
                "replyCount": 0,
                "repostCount": 0,
                "quoteCount": 0,
            },
            "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": {"handle": "b"}, "indexedAt": "2024"},
        }
    ]
}
X_V2 = {
    "data": [
        {
            "id": "1",
            "text": "hi",
            "author_id": "9",
            "created_at": "2024-03-01T10:00:00.000Z",
            "lang": "en",
            "in_reply_to_user_id": "8",
            "referenced_tweets": [{"type": "retweeted", "id": "7"}],
            "public_metrics": {"like_count": 1, "reply_count": 2, "retweet_count": 3, "quote_count": 4},
        }
    ],
    "includes": {"users": [{"id": "9", "username": "acme"}]},
}
TWITTER_V1 = [
    {
        "tweet": {
            "id_str": "1",
            "full_text": "hi",
            "created_at": "Fri Mar 15 10:05:00 +0000 2024",
            "user": {"screen_name": "acme"},
            "retweeted_status": {"id_str": "2"},
            "in_reply_to_status_id_str": "3",
            "favorite_count": "4",
            "retweet_count": 5,
            "lang": "en",
        }
    }
]
RECORDS = [{"id": "1", "text": "hi", "date": "2024-03-01", "likes": 3}]

payloads = st.one_of(
    any_json,
    shaped([MASTODON]),
    shaped(MASTODON),
    shaped(BLUESKY),
    shaped(X_V2),
    shaped(TWITTER_V1),
    shaped(RECORDS),
)


@fast
@given(payloads, st.sampled_from([None, "generic", *JSON_FORMATS]), st.booleans())
def test_json_shaped_like_each_export(payload: Any, fmt: str | None, as_lines: bool) -> None:
    if as_lines and isinstance(payload, list):
        data = "\n".join(json.dumps(item) for item in payload).encode()
    else:
        data = json.dumps(payload).encode()
    check(data, fmt, "upload.json")


# --------------------------------------------------------------------------- damaged real-looking files


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Summary"
    sheet["A1"] = "Acme, March"
    posts = book.create_sheet("Posts")
    posts.append(["Post ID", "Date", "Post text", "Likes"])
    for i in range(1, 4):
        posts.append([str(i), dt.datetime(2024, 3, i, 10), f"Post {i}", i])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_CSV = "Tweet id,Tweet text,time,impressions\n1,Wir stehen zusammen – für alle,2024-03-01 10:00 +0000,12\n"
SAMPLES = [
    _CSV.encode(),
    _CSV.replace(",", "\t").encode("utf-16"),
    gzip.compress(_CSV.encode(), mtime=0),
    _workbook(),
    json.dumps(X_V2).encode(),
    json.dumps([MASTODON]).encode(),
    json.dumps(BLUESKY).encode(),
    b"window.YTD.tweets.part0 = " + json.dumps(TWITTER_V1).encode(),
]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        if how == "cut":
            del data[at:]
        elif how == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


@fast
@given(damaged(), st.sampled_from(FORMATS))
def test_damaged_exports(data: bytes, fmt: str | None) -> None:
    check(data, fmt, "upload.xlsx")


@quick
@given(st.one_of(damaged(), tables(), st.binary(max_size=500)))
def test_the_readers_the_data_page_calls_directly(data: bytes) -> None:
    """The column-mapping tab reads tables itself, outside load_bytes and its safety net."""
    try:
        table = read_excel_table(data, "f.xlsx") if sniff_kind(data) in ("xlsx", "xls") else read_text_table(data, "f")
    except LoadError as err:
        assert str(err).startswith("f")
        return
    assert isinstance(table, RawTable)
    assert all(dtype == pl.String for dtype in table.frame.schema.values())
