"""Commitments: what a brand said it would do, suggested from its stances or declared, and
the posts linked to each.

A commitment is one row of :data:`COMMITMENT_SCHEMA`. Links are rows of
(``post_id``, ``commitment_id``, ``score``, ``source``) where ``source`` is ``auto`` or
``user`` (a person's override, which always wins).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from data_sources import schema as S
from data_sources.errors import FollowthroughError

DEFAULT_CADENCE_DAYS = 90
LINK_THRESHOLD = 0.5
TOPIC_WEIGHT = 0.6
KEYWORD_WEIGHT = 0.4

TOPIC_TITLES = {
    "racial_justice": "Racial justice",
    "lgbtq": "LGBTQ+ inclusion",
    "gender_equality": "Gender equality",
    "diversity_inclusion": "Diversity and inclusion",
    "climate_environment": "Climate and environment",
    "community_poverty": "Community and poverty",
    "health": "Health",
    "human_rights": "Human rights",
    "civic_voting": "Civic participation and voting",
    "disability": "Disability inclusion",
    "education": "Education",
}

_TYPES: dict[str, pl.DataType] = {
    "id": pl.String(),
    "brand": pl.String(),
    "title": pl.String(),
    "topics": pl.List(pl.String()),
    "keywords": pl.List(pl.String()),
    "announced_on": pl.Date(),
    "cadence_days": pl.Int64(),
    "target": pl.String(),
    "deadline": pl.Date(),
    "source_post_id": pl.String(),
    "met": pl.Boolean(),
}
COMMITMENT_SCHEMA = pl.Schema(_TYPES)
LINK_SCHEMA = pl.Schema(
    {"post_id": pl.String(), "commitment_id": pl.String(), "score": pl.Float64(), "source": pl.String()}
)

# Words too common in values posts to tell one commitment from another.
_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "our",
        "are",
        "this",
        "that",
        "from",
        "have",
        "has",
        "will",
        "all",
        "you",
        "your",
        "their",
        "they",
        "them",
        "who",
        "what",
        "more",
        "than",
        "into",
        "about",
        "over",
        "when",
        "where",
        "which",
        "while",
        "just",
        "also",
        "been",
        "being",
        "were",
        "was",
        "its",
        "it's",
        "not",
        "but",
        "can",
        "out",
        "new",
        "one",
        "two",
        "day",
        "today",
        "year",
        "years",
        "every",
        "each",
        "how",
        "why",
        "here",
        "there",
        "these",
        "those",
        "some",
        "we",
        "us",
        "is",
        "in",
        "on",
        "at",
        "to",
        "of",
        "a",
        "an",
        "be",
        "by",
        "as",
        "or",
        "so",
        "if",
        "my",
        "me",
        "do",
        "does",
        "did",
        "no",
        "yes",
        "very",
        "much",
        "many",
        "og",
        "i",
        "på",
        "for",
        "med",
        "til",
        "av",
        "det",
        "som",
        "er",
        "en",
        "et",
        "vi",
        "har",
        "vil",
        "skal",
        "den",
        "de",
        "om",
        "fra",
        "ikke",
        "alle",
        "il",
        "la",
        "le",
        "di",
        "da",
        "per",
        "con",
        "che",
        "una",
        "uno",
        "del",
        "della",
        "dei",
        "delle",
        "nel",
        "nella",
        "siamo",
        "abbiamo",
        "el",
        "los",
        "las",
        "para",
        "por",
        "con",
        "que",
        "una",
        "del",
        "nos",
        "hemos",
        "es",
        "en",
        "y",
        "les",
        "des",
        "pour",
        "avec",
        "une",
        "nous",
        "sommes",
        "avons",
        "est",
        "dans",
        "sur",
        "der",
        "die",
        "das",
        "und",
        "für",
        "mit",
        "wir",
        "sind",
        "haben",
        "ist",
        "ein",
        "eine",
        "den",
        "dem",
        "os",
        "as",
        "para",
        "com",
        "uma",
        "nós",
        "somos",
        "temos",
        "está",
        "amp",
        "https",
        "http",
        "www",
        "com",
        "rt",
    ]  # noqa: E501
)


def empty_commitments() -> pl.DataFrame:
    return pl.DataFrame(schema=COMMITMENT_SCHEMA)


def empty_links() -> pl.DataFrame:
    return pl.DataFrame(schema=LINK_SCHEMA)


def make_commitments(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Commitments from plain dicts, with defaults filled and types checked.

    >>> make_commitments([{"brand": "Acme", "title": "Net zero", "topics": ["climate_environment"],
    ...                    "announced_on": "2024-01-01"}])["cadence_days"].to_list()
    [90]
    """
    cleaned = []
    for i, row in enumerate(rows, start=1):
        brand = str(row.get("brand") or "").strip()
        title = str(row.get("title") or "").strip()
        if not brand or not title:
            raise FollowthroughError(f"commitment {i}: every commitment needs a brand and a title.")
        topics = _as_list(row.get("topics"))
        unknown = [t for t in topics if t not in TOPIC_TITLES]
        if unknown:
            raise FollowthroughError(
                f"commitment {i} ('{title}'): unknown topic {', '.join(unknown)}; use one of {', '.join(TOPIC_TITLES)}."
            )
        announced = _as_date(row.get("announced_on"), f"commitment {i} ('{title}'), announced_on")
        if announced is None:
            raise FollowthroughError(f"commitment {i} ('{title}'): announced_on is required, as YYYY-MM-DD.")
        cadence = row.get("cadence_days")
        try:
            cadence_days = int(cadence) if cadence not in (None, "") else DEFAULT_CADENCE_DAYS
        except (TypeError, ValueError) as err:
            raise FollowthroughError(
                f"commitment {i} ('{title}'): cadence_days must be a whole number of days."
            ) from err
        if cadence_days <= 0:
            raise FollowthroughError(f"commitment {i} ('{title}'): cadence_days must be more than 0.")
        cleaned.append(
            {
                "id": str(row.get("id") or _slug(f"{brand}-{title}")),
                "brand": brand,
                "title": title,
                "topics": topics,
                "keywords": _as_list(row.get("keywords")),
                "announced_on": announced,
                "cadence_days": cadence_days,
                "target": (str(row["target"]) if row.get("target") else None),
                "deadline": _as_date(row.get("deadline"), f"commitment {i} ('{title}'), deadline"),
                "source_post_id": (str(row["source_post_id"]) if row.get("source_post_id") else None),
                "met": str(row.get("met", "")).strip().lower() in ("true", "1", "yes"),
            }
        )
    return pl.DataFrame(cleaned, schema=COMMITMENT_SCHEMA) if cleaned else empty_commitments()


def load_commitments(path: str | Path) -> pl.DataFrame:
    """Commitments from a CSV (lists separated by ``;``) or YAML file (a list of mappings)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise FollowthroughError(f"{p}: the commitments file cannot be read ({err.strerror}).") from err
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as err:
            raise FollowthroughError(f"{p}: the YAML is not valid ({err}).") from err
        if isinstance(data, dict):
            data = data.get("commitments", [])
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise FollowthroughError(
                f"{p}: expected a list of commitments, each with brand, title, topics, announced_on."
            )
        rows = data
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    try:
        return make_commitments(rows)
    except FollowthroughError as err:
        raise FollowthroughError(f"{p}: {err}") from err


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _as_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as err:
        raise FollowthroughError(f"{where}: '{value}' is not a date; write it as YYYY-MM-DD.") from err


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


# --------------------------------------------------------------------------- suggest


def suggest_commitments(posts: pl.DataFrame, *, min_stances: int = 1, max_keywords: int = 5) -> pl.DataFrame:
    """Commitments proposed from a brand's stances: one per (brand, topic), strongest first.

    ``announced_on`` and ``source_post_id`` come from the first stance; keywords are the
    words that set these stances apart from the brand's other posts. The result has the
    commitment columns plus ``stance_posts`` (the ids behind the suggestion).
    """
    stances = posts.filter((pl.col(S.TYPE) == "stance") & (pl.col("topics").list.len() > 0)).select(
        S.POST_ID, S.BRAND, S.PUBLISHED_AT, S.TEXT, pl.col("topics").alias("topic")
    )
    if stances.is_empty():
        return empty_commitments().with_columns(pl.lit(None, dtype=pl.List(pl.String)).alias("stance_posts"))
    stances = stances.explode("topic").sort(S.PUBLISHED_AT)
    groups = (
        stances.group_by(S.BRAND, "topic", maintain_order=True)
        .agg(
            pl.col(S.POST_ID).alias("stance_posts"),
            pl.col(S.PUBLISHED_AT).first().dt.date().alias("announced_on"),
            pl.col(S.POST_ID).first().alias("source_post_id"),
            pl.len().alias("_n"),
        )
        .filter(pl.col("_n") >= min_stances)
        .sort("_n", descending=True)
    )
    keywords = _distinctive_words(posts, stances, max_keywords)
    out = groups.join(keywords, on=[S.BRAND, "topic"], how="left").with_columns(
        (pl.col(S.BRAND) + " · " + pl.col("topic").replace_strict(TOPIC_TITLES, default=pl.col("topic"))).alias(
            "title"
        ),
        pl.concat_list(pl.col("topic")).alias("topics"),
        pl.col("keywords").fill_null(pl.lit([], dtype=pl.List(pl.String))),
        (
            pl.lit("suggested-")
            + pl.col(S.BRAND).str.to_lowercase().str.replace_all(r"[^a-z0-9]+", "-")
            + "-"
            + pl.col("topic")
        ).alias("id"),
        pl.lit(DEFAULT_CADENCE_DAYS).alias("cadence_days"),
        pl.lit(None, dtype=pl.String).alias("target"),
        pl.lit(None, dtype=pl.Date).alias("deadline"),
        pl.lit(False).alias("met"),
    )
    return out.select(*COMMITMENT_SCHEMA.names(), "stance_posts").sort("announced_on")


def _distinctive_words(posts: pl.DataFrame, stances: pl.DataFrame, k: int) -> pl.DataFrame:
    def tokens(frame: pl.DataFrame) -> pl.DataFrame:
        return (
            frame.select(
                S.BRAND,
                *([pl.col("topic")] if "topic" in frame.columns else []),
                pl.col(S.TEXT).str.to_lowercase().str.extract_all(r"#?[\p{L}][\p{L}\p{M}'’-]{3,}").alias("w"),
            )
            .explode("w")
            .drop_nulls("w")
            .filter(~pl.col("w").is_in(list(_STOPWORDS)))
        )

    background = tokens(posts.select(S.BRAND, S.TEXT)).group_by(S.BRAND, "w").len("bg")
    group = tokens(stances).group_by(S.BRAND, "topic", "w").len("n")
    return (
        group.join(background, on=[S.BRAND, "w"], how="left")
        .with_columns((pl.col("n") * (pl.col("n") / pl.col("bg").fill_null(1))).alias("score"))
        .filter(pl.col("n") >= 2)
        .sort("score", "w", descending=[True, False])
        .group_by(S.BRAND, "topic", maintain_order=True)
        .agg(pl.col("w").head(k).alias("keywords"))
    )


# --------------------------------------------------------------------------- link


def link_posts(posts: pl.DataFrame, commitments: pl.DataFrame, overrides: pl.DataFrame | None = None) -> pl.DataFrame:
    """Score every stance and update of a brand against each of the brand's commitments.

    ``score = 0.6 × (shares a topic) + 0.4 × (share of the commitment's keywords in the
    text, counting at least one keyword as half)``; a post is linked at 0.5 or more.
    ``overrides`` rows (``post_id``, ``commitment_id``, ``linked``) force a link on or off.
    """
    if commitments.is_empty() or posts.is_empty():
        links = empty_links()
    else:
        candidates = (
            posts.lazy()
            .filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
            .select(S.POST_ID, S.BRAND, "topics", *([S.TEXT] if commitments["keywords"].list.len().sum() else []))
            .collect()
        )
        by_brand = candidates.partition_by(S.BRAND, as_dict=True)
        lowered: dict[str, pl.DataFrame] = {}  # texts in lower case, per brand, only where keywords are looked for
        parts = []
        for c in commitments.iter_rows(named=True):  # one pass per commitment, not per post
            mine = by_brand.get((c["brand"],), candidates.clear())
            topic_hit = pl.col("topics").list.set_intersection(pl.lit(c["topics"] or [], dtype=pl.List(pl.String)))
            keywords = [k.lower() for k in (c["keywords"] or []) if k]
            if keywords:
                if c["brand"] not in lowered:
                    lowered[c["brand"]] = mine.with_columns(
                        pl.col(S.TEXT).fill_null("").str.to_lowercase().alias("_text")
                    )
                mine = lowered[c["brand"]]
                found = pl.sum_horizontal(
                    [pl.col("_text").str.contains(re.escape(k)).cast(pl.Float64) for k in keywords]
                )
                keyword_score = pl.max_horizontal(found / len(keywords), pl.when(found > 0).then(0.5).otherwise(0.0))
            else:
                keyword_score = pl.lit(0.0)
            scored = mine.select(
                S.POST_ID,
                pl.lit(c["id"]).alias("commitment_id"),
                (TOPIC_WEIGHT * (topic_hit.list.len() > 0).cast(pl.Float64) + KEYWORD_WEIGHT * keyword_score)
                .round(3)
                .alias("score"),
                pl.lit("auto").alias("source"),
            )
            parts.append(scored.filter(pl.col("score") >= LINK_THRESHOLD))
        links = pl.concat(parts) if parts else empty_links()
    if overrides is not None and not overrides.is_empty():
        forced = overrides.select(pl.col(S.POST_ID).cast(pl.String), pl.col("commitment_id").cast(pl.String), "linked")
        links = links.join(forced.select(S.POST_ID, "commitment_id"), on=[S.POST_ID, "commitment_id"], how="anti")
        added = forced.filter(pl.col("linked")).select(
            S.POST_ID, "commitment_id", pl.lit(1.0).alias("score"), pl.lit("user").alias("source")
        )
        links = pl.concat([links, added])
    return links.select(LINK_SCHEMA.names()).cast(dict(LINK_SCHEMA))  # type: ignore[arg-type]
