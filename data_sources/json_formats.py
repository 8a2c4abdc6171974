"""JSON exports and API responses flattened to columns named as the canonical table.

Each reader returns string or number columns under canonical names; the loader then
parses and types them exactly as it does for tables.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from data_sources.errors import LoadError
from data_sources.parsing import decode, html_to_text
from followthrough.i18n import _

Json = Any


def parse_json(data: bytes, file: str) -> Json:
    """Parse JSON, JSON Lines, or a Twitter archive ``tweets.js`` file."""
    text = decode(data, file)[0].strip()
    if text.startswith("window.YTD."):
        text = text.partition("=")[2].strip()
    try:
        return json.loads(text)
    except RecursionError as err:
        raise LoadError(
            file,
            _("the JSON is nested too deeply to be an export of posts."),
            hint=_("Upload the file the platform or its API gave you, unchanged."),
        ) from err
    except json.JSONDecodeError as first:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as err:
                if records:
                    # JSON Lines: earlier lines were records, this one is not.
                    why = err.msg if isinstance(err, json.JSONDecodeError) else _("nested too deeply")
                    raise LoadError(
                        file,
                        _("this line is not a valid JSON record ({reason}).").format(reason=why),
                        hint=_("The file may be cut short or edited by hand: download or export it again."),
                        row=number,
                    ) from err
                raise LoadError(
                    file,
                    _("the JSON is not valid (line {line}, column {column}: {reason}).").format(
                        line=first.lineno, column=first.colno, reason=first.msg
                    ),
                    hint=_("The file may be cut short: download or export it again."),
                ) from first
        return records


def detect_json_format(payload: Json) -> str | None:
    """Name of the JSON format ``payload`` has, or None.

    >>> detect_json_format({"data": [{"id": "1", "text": "hi"}]})
    'x_api_v2_json'
    """
    if isinstance(payload, dict):
        if isinstance(payload.get("feed"), list):
            return "bluesky_json"
        if isinstance(payload.get("data"), list):
            first = _first_dict(payload["data"])
            if first is not None and "text" in first and "id" in first:
                return "x_api_v2_json"
        if isinstance(payload.get("statuses"), list):
            return "twitter_v1_json"
        if "content" in payload and "account" in payload:
            return "mastodon_json"
        return None
    if isinstance(payload, list):
        first = _first_dict(payload)
        if first is None:
            return None
        if "tweet" in first and isinstance(first["tweet"], dict):
            return "twitter_v1_json"
        if "content" in first and "account" in first:
            return "mastodon_json"
        if "post" in first and isinstance(first["post"], dict):
            return "bluesky_json"
        if ("full_text" in first or "text" in first) and ("id_str" in first or "user" in first):
            return "twitter_v1_json"
        if "text" in first and "id" in first and ("public_metrics" in first or "created_at" in first):
            return "x_api_v2_json"
    return None


def records_frame(payload: Json) -> pl.DataFrame:
    """A generic JSON array of flat records, for the generic column matcher."""
    rows = payload if isinstance(payload, list) else payload.get("data", payload.get("posts"))
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise ValueError("not a list of records")
    try:
        frame = _normalise(rows)
    except pl.exceptions.ComputeError:
        # A field that is a list in one record and text in another: keep nested values as JSON text.
        flat = [{k: _scalar(v) for k, v in r.items()} for r in rows]
        frame = pl.json_normalize(flat, infer_schema_length=None, max_level=0)
    return frame.select(pl.all().cast(pl.String))


def _scalar(value: Json) -> Json:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def read_json_format(name: str, payload: Json) -> pl.DataFrame:
    """Flatten ``payload`` of JSON format ``name`` to canonical-named columns."""
    return _READERS[name](payload)


def _first_dict(items: list[Any]) -> dict[str, Any] | None:
    return next((item for item in items if isinstance(item, dict)), None)


def _normalise(records: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.json_normalize(records, separator=".", infer_schema_length=None, max_level=3)


def _col(frame: pl.DataFrame, *names: str) -> pl.Expr:
    present = [pl.col(n) for n in names if n in frame.columns]
    if not present:
        return pl.lit(None, dtype=pl.String)
    return pl.coalesce([p.cast(pl.String) for p in present]) if len(present) > 1 else present[0].cast(pl.String)


def _num(frame: pl.DataFrame, *names: str) -> pl.Expr:
    present = [pl.col(n).cast(pl.Int64, strict=False) for n in names if n in frame.columns]
    return pl.coalesce(present) if present else pl.lit(None, dtype=pl.Int64)


def _mastodon(payload: Json) -> pl.DataFrame:
    records = payload if isinstance(payload, list) else [payload]
    f = _normalise([r for r in records if isinstance(r, dict)])
    boosted = _col(f, "reblog.id").is_not_null()
    content = pl.when(boosted).then(_col(f, "reblog.content")).otherwise(_col(f, "content"))
    return f.select(
        _col(f, "id").alias("post_id"),
        _col(f, "account.acct", "account.username").alias("brand"),
        pl.lit("mastodon").alias("platform"),
        _col(f, "created_at").alias("published_at"),
        html_to_text(content.fill_null("")).alias("text"),
        _col(f, "url", "uri").alias("url"),
        pl.when(boosted).then(_col(f, "reblog.language")).otherwise(_col(f, "language")).alias("lang"),
        _col(f, "in_reply_to_id").is_not_null().alias("is_reply"),
        boosted.alias("is_repost"),
        _num(f, "favourites_count").alias("likes"),
        _num(f, "replies_count").alias("comments"),
        _num(f, "reblogs_count").alias("shares"),
    )


def _bluesky(payload: Json) -> pl.DataFrame:
    items = payload.get("feed", []) if isinstance(payload, dict) else payload
    f = _normalise([i for i in items if isinstance(i, dict)])
    repost = _col(f, "reason.$type").str.contains("reasonRepost").fill_null(False)
    uri = _col(f, "post.uri")
    rkey = uri.str.extract(r"/([^/]+)$", 1)
    author = _col(f, "post.author.handle")
    reposter = _col(f, "reason.by.handle")
    langs = (
        pl.col("post.record.langs").list.first().cast(pl.String)
        if "post.record.langs" in f.columns and f.schema["post.record.langs"] != pl.Null
        else pl.lit(None, dtype=pl.String)
    )
    return f.select(
        pl.when(repost).then(pl.concat_str([uri, pl.lit("#repost-by-"), reposter])).otherwise(uri).alias("post_id"),
        pl.when(repost).then(reposter).otherwise(author).alias("brand"),
        pl.lit("bluesky").alias("platform"),
        pl.when(repost)
        .then(_col(f, "reason.indexedAt", "post.record.createdAt"))
        .otherwise(_col(f, "post.record.createdAt", "post.indexedAt"))
        .alias("published_at"),
        _col(f, "post.record.text").alias("text"),
        pl.concat_str([pl.lit("https://bsky.app/profile/"), author, pl.lit("/post/"), rkey]).alias("url"),
        langs.alias("lang"),
        pl.any_horizontal(
            [pl.col(c).is_not_null() for c in f.columns if c.startswith("post.record.reply")] or [pl.lit(False)]
        ).alias("is_reply"),
        repost.alias("is_repost"),
        _num(f, "post.likeCount").alias("likes"),
        _num(f, "post.replyCount").alias("comments"),
        (_num(f, "post.repostCount").fill_null(0) + _num(f, "post.quoteCount").fill_null(0)).alias("shares"),
    )


def _x_v2(payload: Json) -> pl.DataFrame:
    tweets = payload.get("data", []) if isinstance(payload, dict) else payload
    users = payload.get("includes", {}).get("users", []) if isinstance(payload, dict) else []
    f = _normalise([t for t in tweets if isinstance(t, dict)])
    if "referenced_tweets" in f.columns and f.schema["referenced_tweets"] != pl.Null:
        kinds = pl.col("referenced_tweets").list.eval(pl.element().struct.field("type"))
        retweet = kinds.list.contains("retweeted").fill_null(False)
        reply = kinds.list.contains("replied_to").fill_null(False)
    else:
        retweet = pl.lit(False)
        reply = pl.lit(False)
    text = _col(f, "text")
    frame = f.select(
        _col(f, "id").alias("post_id"),
        _col(f, "author_id").alias("_author_id"),
        pl.lit("x").alias("platform"),
        _col(f, "created_at").alias("published_at"),
        text.alias("text"),
        _col(f, "lang").alias("lang"),
        (reply | _col(f, "in_reply_to_user_id").is_not_null()).alias("is_reply"),
        (retweet | text.str.starts_with("RT @")).alias("is_repost"),
        _num(f, "public_metrics.like_count").alias("likes"),
        _num(f, "public_metrics.reply_count").alias("comments"),
        (
            _num(f, "public_metrics.retweet_count").fill_null(0) + _num(f, "public_metrics.quote_count").fill_null(0)
        ).alias("shares"),
        _num(f, "public_metrics.impression_count").alias("impressions"),
    )
    handles = pl.DataFrame(
        {
            "_author_id": [str(u.get("id")) for u in users if isinstance(u, dict)],
            "brand": [str(u.get("username")) for u in users if isinstance(u, dict)],
        },
        schema={"_author_id": pl.String, "brand": pl.String},
    ).unique("_author_id")
    frame = frame.join(handles, on="_author_id", how="left", maintain_order="left")
    return frame.with_columns(
        pl.when(pl.col("brand").is_not_null())
        .then(pl.concat_str([pl.lit("https://x.com/"), pl.col("brand"), pl.lit("/status/"), pl.col("post_id")]))
        .alias("url")
    ).drop("_author_id")


def _twitter_v1(payload: Json) -> pl.DataFrame:
    items = payload.get("statuses", []) if isinstance(payload, dict) else payload
    records = [i["tweet"] if isinstance(i, dict) and isinstance(i.get("tweet"), dict) else i for i in items]
    f = _normalise([r for r in records if isinstance(r, dict)])
    text = _col(f, "full_text", "text")
    retweet = _col(f, "retweeted_status.id_str", "retweeted_status.id").is_not_null() | text.str.starts_with("RT @")
    brand = _col(f, "user.screen_name")
    post_id = _col(f, "id_str", "id")
    return f.select(
        post_id.alias("post_id"),
        brand.alias("brand"),
        pl.lit("x").alias("platform"),
        _col(f, "created_at").alias("published_at"),
        text.alias("text"),
        pl.when(brand.is_not_null())
        .then(pl.concat_str([pl.lit("https://x.com/"), brand, pl.lit("/status/"), post_id]))
        .alias("url"),
        _col(f, "lang").alias("lang"),
        _col(f, "in_reply_to_status_id_str", "in_reply_to_status_id").is_not_null().alias("is_reply"),
        retweet.fill_null(False).alias("is_repost"),
        _num(f, "favorite_count").alias("likes"),
        _num(f, "reply_count").alias("comments"),
        _num(f, "retweet_count").alias("shares"),
    )


_READERS = {
    "mastodon_json": _mastodon,
    "bluesky_json": _bluesky,
    "x_api_v2_json": _x_v2,
    "twitter_v1_json": _twitter_v1,
}
