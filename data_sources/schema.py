"""The one vocabulary: canonical post columns, platforms, post types and their colours.

Everything that reads, computes or draws posts imports its names from here.

>>> from data_sources.schema import empty_posts, POST_TYPES
>>> empty_posts().columns[:3]
['post_id', 'brand', 'platform']
>>> POST_TYPES
('stance', 'commitment_update', 'promotional', 'other')
"""

from __future__ import annotations

from typing import Final

import polars as pl

POST_ID: Final = "post_id"
BRAND: Final = "brand"
PLATFORM: Final = "platform"
PUBLISHED_AT: Final = "published_at"
TEXT: Final = "text"
URL: Final = "url"
LANG: Final = "lang"
IS_REPLY: Final = "is_reply"
IS_REPOST: Final = "is_repost"
LIKES: Final = "likes"
COMMENTS: Final = "comments"
SHARES: Final = "shares"
IMPRESSIONS: Final = "impressions"
REACH: Final = "reach"
ENGAGEMENTS: Final = "engagements"
TYPE: Final = "type"
SOURCE_FILE: Final = "source_file"
SOURCE_ROW: Final = "source_row"

PLATFORMS: Final = (
    "x",
    "facebook",
    "instagram",
    "linkedin",
    "mastodon",
    "bluesky",
    "tiktok",
    "youtube",
    "other",
)

POST_TYPES: Final = ("stance", "commitment_update", "promotional", "other")

#: Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
TYPE_COLOURS: Final = {
    "stance": "#0072B2",
    "commitment_update": "#009E73",
    "promotional": "#E69F00",
    "other": "#999999",
}

TYPE_LABELS: Final = {
    "stance": "Stance (say)",
    "commitment_update": "Commitment update (do)",
    "promotional": "Promotional",
    "other": "Other",
}

METRIC_COLUMNS: Final = (LIKES, COMMENTS, SHARES, IMPRESSIONS, REACH, ENGAGEMENTS)

_DTYPES: dict[str, pl.DataType] = {
    POST_ID: pl.String(),
    BRAND: pl.String(),
    PLATFORM: pl.String(),
    PUBLISHED_AT: pl.Datetime("us", "UTC"),
    TEXT: pl.String(),
    URL: pl.String(),
    LANG: pl.String(),
    IS_REPLY: pl.Boolean(),
    IS_REPOST: pl.Boolean(),
    LIKES: pl.Int64(),
    COMMENTS: pl.Int64(),
    SHARES: pl.Int64(),
    IMPRESSIONS: pl.Int64(),
    REACH: pl.Int64(),
    ENGAGEMENTS: pl.Int64(),
    TYPE: pl.String(),
    SOURCE_FILE: pl.String(),
    SOURCE_ROW: pl.Int64(),
}
POSTS_SCHEMA: Final = pl.Schema(_DTYPES)

COLUMNS: Final = tuple(POSTS_SCHEMA.names())


def empty_posts() -> pl.DataFrame:
    """An empty frame with the canonical posts schema."""
    return pl.DataFrame(schema=POSTS_SCHEMA)


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` with exactly the canonical columns, in order and types.

    Missing columns are added as nulls; extra columns are dropped.

    >>> conform(pl.DataFrame({"post_id": ["1"], "text": ["hi"]})).width
    18
    """
    exprs = [
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in POSTS_SCHEMA.items()
    ]
    return frame.select(exprs)


def deduplicate(frame: pl.DataFrame, *, keep: str = "last") -> pl.DataFrame:
    """Drop repeated posts, identified by (platform, post_id); the ``keep`` copy wins.

    ``keep="last"`` lets a newer export refresh the engagement of a post seen before.
    """
    # Repeats are rare: when the keys' hashes all differ there is none, found at a fraction of
    # the cost of matching the keys themselves. The frame comes back in one piece either way,
    # as the metrics read it fastest.
    if frame.select(pl.struct(PLATFORM, POST_ID).hash().n_unique()).item() == frame.height:
        return frame.rechunk()
    return frame.unique(subset=[PLATFORM, POST_ID], keep=keep, maintain_order=True)  # type: ignore[arg-type]
