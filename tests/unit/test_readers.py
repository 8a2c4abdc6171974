"""Each reader on a file that exercises its quirks, built here in code."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import LoadError
from data_sources.loader import load_bytes


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_x_activity_favorites_variant_with_quoted_multiline_and_dashes() -> None:
    data = (
        '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","favorites","promoted impressions"\n'
        '"111","https://twitter.com/AcmeFoods/status/111","Proud to stand with #Pride 🏳️‍🌈\n\nLove is love &amp; always will be","2021-06-01 14:00 +0000","4209.0","53.0","8.0","0.0","10.0","-"\n'
        '"112","https://twitter.com/AcmeFoods/status/112","@jane sorry, DM us","2021-06-02 09:30 +0000","120.0","2.0","0.0","1.0","1.0","-"\n'
    ).encode()
    result = load_bytes(data, "tweet_activity_metrics_AcmeFoods.csv")
    posts = result.posts
    assert result.report.format == "x_activity"
    assert posts[S.BRAND].to_list() == ["AcmeFoods", "AcmeFoods"]
    assert posts[S.PLATFORM].to_list() == ["x", "x"]
    assert posts[S.LIKES].to_list() == [10, 1]
    assert posts[S.IMPRESSIONS].to_list() == [4209, 120]
    assert posts[S.TEXT][0] == "Proud to stand with #Pride 🏳️‍🌈\n\nLove is love & always will be"
    assert posts[S.IS_REPLY].to_list() == [False, True]
    assert posts[S.PUBLISHED_AT][0] == utc(2021, 6, 1, 14)
    assert posts[S.SOURCE_ROW].to_list() == [2, 3]


def test_x_content_export_2024() -> None:
    data = (
        b"Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits\n"
        b'1812,"Tue, Jul 14, 2026","We have now cut Scope 1 emissions by 41% since 2019. Full report: https://acme.com/esg",https://x.com/acme/status/1812,"1,204",33,51,2,1,0,4,11,3\n'
    )
    result = load_bytes(data, "account_analytics_content.csv")
    assert result.report.format == "x_content_2024"
    row = result.posts.row(0, named=True)
    assert row[S.PUBLISHED_AT] == utc(2026, 7, 14)
    assert (row[S.IMPRESSIONS], row[S.LIKES], row[S.SHARES], row[S.COMMENTS], row[S.ENGAGEMENTS]) == (
        1204,
        33,
        11,
        4,
        51,
    )
    assert row[S.BRAND] == "acme"


def test_x_api_v2_json_with_users_retweets_and_replies() -> None:
    payload = {
        "data": [
            {
                "id": "1",
                "text": "We will be carbon neutral by 2030.",
                "created_at": "2024-04-22T12:00:00.000Z",
                "lang": "en",
                "author_id": "99",
                "public_metrics": {
                    "like_count": 5,
                    "retweet_count": 2,
                    "reply_count": 1,
                    "quote_count": 1,
                    "impression_count": 900,
                },
            },
            {
                "id": "2",
                "text": "RT @foodbank: Thanks @acme for 40,000 meals!",
                "created_at": "2024-04-23T12:00:00.000Z",
                "lang": "en",
                "author_id": "99",
                "referenced_tweets": [{"type": "retweeted", "id": "7"}],
                "public_metrics": {"like_count": 0, "retweet_count": 3, "reply_count": 0, "quote_count": 0},
            },
            {
                "id": "3",
                "text": "@bob on it!",
                "created_at": "2024-04-24T12:00:00.000Z",
                "author_id": "99",
                "in_reply_to_user_id": "5",
                "referenced_tweets": [{"type": "replied_to", "id": "8"}],
                "public_metrics": {"like_count": 1, "retweet_count": 0, "reply_count": 0, "quote_count": 0},
            },
        ],
        "includes": {"users": [{"id": "99", "username": "acme", "name": "Acme"}]},
    }
    result = load_bytes(json.dumps(payload).encode(), "tweets.json")
    posts = result.posts
    assert result.report.format == "x_api_v2_json"
    assert posts[S.BRAND].to_list() == ["acme"] * 3
    assert posts[S.IS_REPOST].to_list() == [False, True, False]
    assert posts[S.IS_REPLY].to_list() == [False, False, True]
    assert posts[S.SHARES].to_list() == [3, 3, 0]
    assert posts[S.IMPRESSIONS].to_list() == [900, None, None]
    assert posts[S.URL][0] == "https://x.com/acme/status/1"


def test_twitter_v1_and_archive_tweets_js() -> None:
    tweets = [
        {
            "id_str": "10",
            "full_text": "RT @partner: Acme planted 10,000 trees 🌳",
            "created_at": "Wed Oct 10 20:19:24 +0000 2018",
            "favorite_count": "0",
            "retweet_count": "12",
            "user": {"screen_name": "acme"},
            "lang": "en",
            "retweeted_status": {"id_str": "9"},
        },
        {
            "id_str": "11",
            "full_text": "Happy Friday!",
            "created_at": "Fri Oct 12 08:00:00 +0000 2018",
            "favorite_count": "4",
            "retweet_count": "1",
            "user": {"screen_name": "acme"},
            "lang": "en",
            "in_reply_to_status_id_str": None,
        },
    ]
    v1 = load_bytes(json.dumps(tweets).encode(), "v1.json")
    assert v1.report.format == "twitter_v1_json"
    assert v1.posts[S.IS_REPOST].to_list() == [True, False]
    assert v1.posts[S.LIKES].to_list() == [0, 4]
    archive = "window.YTD.tweets.part0 = " + json.dumps(
        [{"tweet": {k: v for k, v in t.items() if k != "user"}} for t in tweets]
    )
    arch = load_bytes(archive.encode(), "tweets.js", brand="acme")
    assert arch.posts.height == 2
    assert arch.posts[S.BRAND].to_list() == ["acme", "acme"]


def test_flattened_api_csv() -> None:
    data = b"tweet_id,created_at,text,like_count,retweet_count,reply_count,username\n5,2023-01-05T10:00:00Z,Hello,3,1,0,acme\n"
    result = load_bytes(data, "flat.csv")
    assert result.report.format == "x_api_flat_csv"
    assert result.posts.row(0, named=True)[S.LIKES] == 3


def test_meta_business_suite_facebook_in_utf16_tabs() -> None:
    text = (
        "Post ID\tPage ID\tPage name\tTitle\tDescription\tPublish time\tPermalink\tPost type\tViews\tReach\t"
        "Reactions, Comments and Shares\tReactions\tComments\tShares\n"
        "123_456\t123\tFjordkraft Energi\tVi har nå installert 2 400 solcellepaneler på skoletak i Bergen ☀️\t\t06/26/2024 09:00\t"
        "https://www.facebook.com/123/posts/456\tPhotos\t12,400\t9,870\t310\t250\t40\t20\n"
    )
    result = load_bytes(text.encode("utf-16"), "Jun-26-2024_Jul-01-2024.csv")
    assert result.report.format == "meta_facebook"
    row = result.posts.row(0, named=True)
    assert row[S.BRAND] == "Fjordkraft Energi"
    assert row[S.PLATFORM] == "facebook"
    assert row[S.TEXT].startswith("Vi har nå installert")
    assert (row[S.IMPRESSIONS], row[S.REACH], row[S.ENGAGEMENTS], row[S.LIKES]) == (12400, 9870, 310, 250)
    assert row[S.PUBLISHED_AT] == utc(2024, 6, 26, 9)


def test_meta_business_suite_instagram() -> None:
    data = (
        "Post ID,Account ID,Account username,Account name,Description,Publish time,Permalink,Post type,Views,Reach,Likes,Shares,Follows,Comments,Saves\n"
        '1789,55,acme.it,Acme Italia,"Buon Pride a tutte e tutti 🌈 #Pride2024",06/28/2024 18:30,https://www.instagram.com/p/abc/,IG image,"3.400",2100,180,12,1,9,4\n'
    ).encode()
    result = load_bytes(data, "ig.csv")
    assert result.report.format == "meta_instagram"
    row = result.posts.row(0, named=True)
    assert (row[S.BRAND], row[S.PLATFORM], row[S.LIKES], row[S.IMPRESSIONS]) == ("acme.it", "instagram", 180, 3400)


def test_facebook_legacy_description_row_is_not_a_post() -> None:
    data = (
        "\ufeffPost ID,Permalink,Post Message,Type,Posted,Lifetime Post Total Reach,Lifetime Post Total Impressions\n"
        ',,,,,"Lifetime: The number of people who had your Page\'s post enter their screen. (Unique Users)","Lifetime: The number of times (Total Count)"\n'
        "1_2,https://www.facebook.com/acmebank/posts/2,Vi har donert 2 millioner kroner,Status,07/15/2020 09:32:49 AM,142,155\n"
    ).encode()
    result = load_bytes(data, "Facebook Insights Data Export (Post Level).csv")
    assert result.report.format == "facebook_insights_legacy"
    assert (result.report.rows_read, result.report.rows_loaded) == (1, 1)
    row = result.posts.row(0, named=True)
    assert (row[S.BRAND], row[S.REACH], row[S.SOURCE_ROW]) == ("acmebank", 142, 3)
    assert row[S.TYPE] is None  # 'Status' is a media type, not a label


def test_linkedin_xlsx_with_title_row_and_several_sheets() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    metrics = book.active
    metrics.title = "Metrics"
    metrics.append(["Aggregate metrics", None])
    metrics.append([1, 2])
    posts = book.create_sheet("All posts")
    posts.append(["All posts: organic and sponsored"])
    posts.append(
        [
            "Post title",
            "Post link",
            "Post type",
            "Posted by",
            "Created date",
            "Impressions",
            "Clicks",
            "Likes",
            "Comments",
            "Reposts",
            "Engagement rate",
        ]
    )
    posts.append(
        [
            "Our 2023 DEI report is live: women now hold 41% of leadership roles.",
            "https://www.linkedin.com/feed/update/urn:li:activity:1",
            "Organic",
            "Ann",
            "03/15/2024",
            5400,
            120,
            300,
            25,
            14,
            0.085,
        ]
    )
    posts.append(
        [
            "We're hiring engineers in Oslo!",
            "https://www.linkedin.com/feed/update/urn:li:activity:2",
            "Organic",
            "Ann",
            "03/18/2024",
            1200,
            30,
            20,
            2,
            1,
            0.04,
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    result = load_bytes(buffer.getvalue(), "acme_content_1710000000.xlsx", brand="Acme")
    assert result.report.format == "linkedin_page"
    posts_frame = result.posts
    assert posts_frame.height == 2
    assert posts_frame[S.PLATFORM].to_list() == ["linkedin", "linkedin"]
    assert posts_frame[S.LIKES].to_list() == [300, 20]
    assert posts_frame[S.SHARES].to_list() == [14, 1]
    assert posts_frame[S.PUBLISHED_AT][0] == utc(2024, 3, 15)
    assert posts_frame[S.SOURCE_ROW].to_list() == [3, 4]


def test_sprout_social_with_thousands_percent_and_am_pm() -> None:
    data = (
        '"Date","Post ID","Network","Post Type","Profile","Post","Impressions","Engagements","Engagement Rate (per Impression)","Reactions","Comments","Shares"\n'
        '"03/15/2024 10:05 am","17841","Instagram","Post","@acme","Shop the spring sale 🌷","12,345","810","6.5%","700","60","50"\n'
        '"03/16/2024 2:40 pm","9001","X","Tweet","@acme","RT @redcross: thank you @acme","1,000","-","-","5","0","1"\n'
    ).encode()
    result = load_bytes(data, "Post Performance (Acme) March 2024.csv")
    assert result.report.format == "sprout_post_performance"
    posts = result.posts
    assert posts[S.PLATFORM].to_list() == ["instagram", "x"]
    assert posts[S.BRAND].to_list() == ["acme", "acme"]
    assert posts[S.IMPRESSIONS].to_list() == [12345, 1000]
    assert posts[S.ENGAGEMENTS].to_list() == [810, None]
    assert posts[S.IS_REPOST].to_list() == [False, True]
    assert posts[S.PUBLISHED_AT].to_list() == [utc(2024, 3, 15, 10, 5), utc(2024, 3, 16, 14, 40)]


def test_scheduler_export_with_comment_preamble() -> None:
    data = (
        b"# Acme Analytics CSV Export\n# Start Date: 1 Jun 2025\n\n\n"
        b"Date,Social account,Social network,Post link,Post text,Post type,Reach,Reactions,Comments,Shares,Engagement rate (%)\n"
        b'2025-06-26 10:11,Acme,Facebook,https://www.facebook.com/acme/posts/1,"# not a comment\nsecond line",Link,44,1,0,0,4.55\n'
    )
    result = load_bytes(data, "publer.csv")
    assert result.report.format == "publer_insights"
    row = result.posts.row(0, named=True)
    assert row[S.TEXT] == "# not a comment\nsecond line"
    assert row[S.SOURCE_ROW] == 6
    assert row[S.PLATFORM] == "facebook"


def test_mastodon_boost_and_reply() -> None:
    base = {
        "account": {"acct": "acme@social.example", "username": "acme"},
        "replies_count": 1,
        "reblogs_count": 2,
        "favourites_count": 3,
    }
    statuses = [
        {
            **base,
            "id": "1",
            "created_at": "2024-01-01T10:00:00.000Z",
            "in_reply_to_id": None,
            "language": "nb",
            "url": "https://social.example/@acme/1",
            "content": "<p>Vi har plantet 5&nbsp;000 trær</p>",
            "reblog": None,
        },
        {
            **base,
            "id": "2",
            "created_at": "2024-01-02T10:00:00.000Z",
            "in_reply_to_id": None,
            "language": None,
            "url": None,
            "uri": "https://social.example/users/acme/statuses/2",
            "content": "",
            "reblog": {"id": "77", "content": "<p>Takk til <a href='x'>@acme</a>!</p>", "language": "nb"},
        },
        {
            **base,
            "id": "3",
            "created_at": "2024-01-03T10:00:00.000Z",
            "in_reply_to_id": "55",
            "language": "en",
            "url": "https://social.example/@acme/3",
            "content": "<p>@bob thanks!</p>",
            "reblog": None,
        },
    ]
    result = load_bytes(json.dumps(statuses).encode(), "statuses.json")
    posts = result.posts
    assert result.report.format == "mastodon_json"
    assert posts[S.TEXT].to_list() == ["Vi har plantet 5 000 trær", "Takk til @acme!", "@bob thanks!"]
    assert posts[S.IS_REPOST].to_list() == [False, True, False]
    assert posts[S.IS_REPLY].to_list() == [False, False, True]
    assert posts[S.LANG].to_list() == ["nb", "nb", "en"]


def test_bluesky_feed_with_repost() -> None:
    author = {"did": "did:plc:1", "handle": "acme.bsky.social"}
    feed = {
        "feed": [
            {
                "post": {
                    "uri": "at://did:plc:1/app.bsky.feed.post/3kabc",
                    "author": author,
                    "record": {
                        "text": "Vi støtter Oslo Pride 🏳️‍🌈",
                        "createdAt": "2024-06-28T10:00:00.000Z",
                        "langs": ["no"],
                    },
                    "likeCount": 10,
                    "repostCount": 2,
                    "replyCount": 1,
                    "quoteCount": 1,
                    "indexedAt": "2024-06-28T10:00:01.000Z",
                }
            },
            {
                "post": {
                    "uri": "at://did:plc:2/app.bsky.feed.post/3kxyz",
                    "author": {"did": "did:plc:2", "handle": "redcross.bsky.social"},
                    "record": {"text": "Thank you Acme!", "createdAt": "2024-06-20T10:00:00.000Z", "langs": ["en"]},
                    "likeCount": 50,
                    "repostCount": 5,
                    "replyCount": 0,
                    "quoteCount": 0,
                },
                "reason": {
                    "$type": "app.bsky.feed.defs#reasonRepost",
                    "by": author,
                    "indexedAt": "2024-06-29T09:00:00.000Z",
                },
            },
        ],
        "cursor": "abc",
    }
    result = load_bytes(json.dumps(feed).encode(), "feed.json")
    posts = result.posts
    assert result.report.format == "bluesky_json"
    assert posts[S.BRAND].to_list() == ["acme.bsky.social", "acme.bsky.social"]
    assert posts[S.IS_REPOST].to_list() == [False, True]
    assert posts[S.LANG].to_list() == ["nb", "en"]
    assert posts[S.SHARES].to_list() == [3, 5]
    assert posts[S.PUBLISHED_AT][1] == utc(2024, 6, 29, 9)


@pytest.mark.parametrize(
    ("header", "sep"),
    [
        ("Dato;Tekst;Liker;Kommentarer;Delinger;Plattform", ";"),  # Norwegian
        ("Data;Testo;Mi piace;Commenti;Condivisioni;Piattaforma", ";"),  # Italian
        ("Fecha\tTexto\tMe gusta\tComentarios\tCompartidos\tPlataforma", "\t"),  # Spanish
    ],
)
def test_generic_reader_maps_headers_in_several_languages(header: str, sep: str) -> None:
    row = sep.join(["15.03.2024", "Vi har donert 1 000 000 kr til Kirkens Bymisjon", "1.234", "5", "2", "Facebook"])
    result = load_bytes(f"{header}\n{row}\n".encode("cp1252"), "eksport.csv", brand="Acme")
    assert result.report.format == "generic"
    r = result.posts.row(0, named=True)
    assert (r[S.LIKES], r[S.COMMENTS], r[S.SHARES], r[S.PLATFORM], r[S.BRAND]) == (1234, 5, 2, "facebook", "Acme")
    assert r[S.PUBLISHED_AT] == utc(2024, 3, 15)
    assert r[S.POST_ID].startswith("h")  # no id column: a stable id from the content


def test_explicit_mapping_and_format_override() -> None:
    data = b"When,Caption,Hearts\n2024-02-01,New menu!,7\n"
    result = load_bytes(
        data, "odd.csv", mapping={"published_at": "When", "text": "Caption", "likes": "Hearts"}, platform="instagram"
    )
    row = result.posts.row(0, named=True)
    assert (row[S.TEXT], row[S.LIKES], row[S.PLATFORM]) == ("New menu!", 7, "instagram")
    with pytest.raises(LoadError, match="no such column"):
        load_bytes(data, "odd.csv", mapping={"text": "Body"})
    with pytest.raises(LoadError, match="not a format"):
        load_bytes(data, "odd.csv", format="myspace")


def test_human_type_column_is_kept_and_bad_labels_are_reported() -> None:
    data = b"id,date,text,type\n1,2024-01-01,We stand with Ukraine,stance\n2,2024-01-02,Sale!,Promotional\n3,2024-01-03,hmm,maybe\n"
    result = load_bytes(data, "gold.csv")
    assert result.posts[S.TYPE].to_list() == ["stance", "promotional", None]
    assert any("not one of" in w for w in result.report.warnings)


def test_skipped_rows_are_counted_with_reasons_and_row_numbers() -> None:
    data = (
        b"id,date,text,likes\n"
        b"1,2024-01-01,first,3\n"
        b"2,not a date,second,x\n"
        b"1,2024-01-05,first again with more likes,9\n"
        b",,,\n"
    )
    result = load_bytes(data, "messy.csv", brand="Acme")
    report = result.report
    assert report.rows_read == 3  # the blank trailing line is not a row
    assert report.rows_loaded == 1
    assert report.skipped == {"date missing or unreadable": 1, "repeated post id (the later row was kept)": 1}
    assert (3, "date missing or unreadable") in report.skipped_examples
    assert result.posts[S.LIKES].to_list() == [9]
    assert any("'likes' was not a number" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "image"),
        (b"PK\x03\x04" + bytes(200), "zip archive"),
        (b'{"hello": "world"}', "not an export of posts"),
        (b"caption,colour\nhi,red\n", "date"),
        (b"a,b\n\x00\x01\x02\x03\x04\x05\x06\x07\x08" * 50, "binary"),
    ],
)
def test_bad_files_give_the_projects_own_error(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message) as caught:
        load_bytes(data, "upload.csv")
    assert str(caught.value).startswith("upload.csv")


def test_gzip_export_is_read() -> None:
    import gzip

    data = gzip.compress(b"id,date,text\n1,2024-01-01,hello\n")
    assert load_bytes(data, "posts.csv.gz", brand="A").posts.height == 1


def test_output_has_exactly_the_canonical_schema() -> None:
    result = load_bytes(b"id,date,text\n1,2024-01-01,hello\n", "p.csv")
    assert result.posts.schema == S.POSTS_SCHEMA
    assert isinstance(result.posts, pl.DataFrame)


def test_several_files_load_side_by_side_as_one_after_another(tmp_path: Path) -> None:
    from data_sources.loader import load_many, load_path

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,date,text,likes\n1,2024-01-01,hello,3\n2,2024-01-02,bye,1\n")
    second.write_text("id,date,text,likes\n1,2024-01-01,hello,9\n")
    posts, reports = load_many([first, second], brand="Acme")
    assert [r.file for r in reports] == ["a.csv", "b.csv"]
    assert posts[S.LIKES].to_list() == [1, 9]  # the later file's copy of post 1 wins
    assert posts.equals(S.deduplicate(pl.concat([load_path(p, brand="Acme").posts for p in (first, second)])))
    (tmp_path / "c.csv").write_bytes(b"")
    with pytest.raises(LoadError, match="^c.csv: the file is empty"):
        load_many([tmp_path / "c.csv", first, tmp_path / "missing.csv"])
