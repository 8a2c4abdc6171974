"""Does the brand do what it says? Every number the dashboard shows, as pure functions.

Inputs are the labelled posts (canonical columns plus ``type``, ``topics``, ``specific``),
commitments and links (:mod:`metrics.commitments`), and ``as_of``, the day the figures are
computed for. All dates are UTC calendar days. Formulas: ``docs/metrics.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import polars as pl

from data_sources import schema as S

WINDOWS = (30, 90, 180, 365)
WEIGHTS = {"cadence": 0.3, "follow_through": 0.3, "specificity": 0.2, "recency": 0.2}
RECENCY_FULL_DAYS = 90
RECENCY_ZERO_DAYS = 365


def today() -> date:
    return datetime.now(UTC).date()


def _day(col: str = S.PUBLISHED_AT) -> pl.Expr:
    return pl.col(col).dt.convert_time_zone("UTC").dt.date()


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """The view a person chose; empty tuples mean everything."""

    brands: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None


def apply_filters(posts: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    """Posts within the filters (dates inclusive, by UTC day)."""
    conditions = []
    if filters.brands:
        conditions.append(pl.col(S.BRAND).is_in(filters.brands))
    if filters.platforms:
        conditions.append(pl.col(S.PLATFORM).is_in(filters.platforms))
    if filters.languages:
        conditions.append(pl.col(S.LANG).is_in(filters.languages))
    if filters.topics and "topics" in posts.columns:
        conditions.append(pl.col("topics").list.eval(pl.element().is_in(filters.topics)).list.any())
    if filters.start:
        conditions.append(_day() >= filters.start)
    if filters.end:
        conditions.append(_day() <= filters.end)
    return posts.filter(pl.all_horizontal(conditions)) if conditions else posts


# --------------------------------------------------------------------------- mix


def content_mix(posts: pl.DataFrame, *, every: str = "1mo", by: tuple[str, ...] = (S.BRAND,)) -> pl.DataFrame:
    """Posts of each type per period: ``period``, ``type``, ``posts``, ``share`` (of the period).

    >>> frame = pl.DataFrame({"brand": ["A", "A"], "type": ["stance", "other"],
    ...     "published_at": [datetime(2024, 1, 3, tzinfo=UTC), datetime(2024, 1, 20, tzinfo=UTC)]})
    >>> content_mix(frame)["share"].to_list()
    [0.5, 0.5]
    """
    keys = [*by, "period"]
    counts = (
        posts.with_columns(
            pl.col(S.PUBLISHED_AT).dt.convert_time_zone("UTC").dt.truncate(every).dt.date().alias("period")
        )
        .group_by(*keys, S.TYPE)
        .len("posts")
    )
    return counts.with_columns((pl.col("posts") / pl.col("posts").sum().over(keys)).alias("share")).sort(*keys, S.TYPE)


def type_counts(posts: pl.DataFrame) -> dict[str, int]:
    counts = dict(posts.group_by(S.TYPE).len().iter_rows())
    return {t: int(counts.get(t, 0)) for t in S.POST_TYPES}


def say_do_ratio(posts: pl.DataFrame) -> float | None:
    """Updates per stance; ``None`` when the brand has taken no stance."""
    counts = type_counts(posts)
    return counts["commitment_update"] / counts["stance"] if counts["stance"] else None


def say_do_trend(posts: pl.DataFrame, *, every: str = "1mo") -> pl.DataFrame:
    """Stances and updates per period and brand: the say-versus-do line."""
    return (
        posts.lazy()
        .filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
        .with_columns(pl.col(S.PUBLISHED_AT).dt.convert_time_zone("UTC").dt.truncate(every).dt.date().alias("period"))
        .group_by(S.BRAND, "period", S.TYPE)
        .len("posts")
        .sort(S.BRAND, "period", S.TYPE)
        .collect()
    )


# --------------------------------------------------------------------------- follow-through


def _linked_says(posts: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Every stance and update with each commitment it is linked to: ``post_id``, ``brand``,
    ``type``, ``published_at``, ``day``, ``specific``, ``commitment_id``."""
    return (
        posts.lazy()
        .filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
        .select(S.POST_ID, S.BRAND, S.TYPE, S.PUBLISHED_AT, _day().alias("day"), "specific")
        .join(links.lazy().select(S.POST_ID, "commitment_id").unique(), on=S.POST_ID, how="inner")
        .collect()
    )


def _of_kind(linked: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The stances or the updates of :func:`_linked_says`: ``post_id``, ``brand``, ``day``,
    ``specific``, ``commitment_id``."""
    return linked.filter(pl.col(S.TYPE) == kind).drop(S.TYPE, S.PUBLISHED_AT)


def stance_follow_through(
    posts: pl.DataFrame, links: pl.DataFrame, *, as_of: date, windows: tuple[int, ...] = WINDOWS
) -> pl.DataFrame:
    """Per linked stance: days to the first later update on the same commitment, and for
    each window whether it came in time (``None`` while the window is still open)."""
    return _stance_follow_through(_linked_says(posts, links), as_of=as_of, windows=windows)


def _stance_follow_through(
    linked: pl.DataFrame, *, as_of: date, windows: tuple[int, ...], by: tuple[str, ...] = ()
) -> pl.DataFrame:
    """:func:`stance_follow_through` from :func:`_linked_says`, with updates counted only when
    they share the ``by`` columns with the stance (``(BRAND,)``: each brand on its own)."""
    stances = _of_kind(linked, "stance").sort("day")
    updates = (
        _of_kind(linked, "commitment_update")
        .select(*by, "commitment_id", pl.col("day").alias("update_day"))
        .unique()
        .sort("update_day")
    )
    # The first update on a strictly later day, per commitment: an as-of join, not a cross product.
    firsts = (
        stances.join_asof(
            updates,
            left_on="day",
            right_on="update_day",
            by=[*by, "commitment_id"],
            strategy="forward",
            allow_exact_matches=False,
            check_sortedness=False,  # both sides are sorted by day above
        )
        .rename({"update_day": "first_update"})
        .with_columns((pl.col("first_update") - pl.col("day")).dt.total_days().alias("days_to_update"))
    )
    age = (pl.lit(as_of) - pl.col("day")).dt.total_days()
    return firsts.with_columns(
        [
            pl.when(pl.col("days_to_update") <= w)
            .then(True)
            .when(age < w)
            .then(None)
            .otherwise(False)
            .alias(f"within_{w}")
            for w in windows
        ]
    ).sort("day")


def follow_through(
    posts: pl.DataFrame, links: pl.DataFrame, *, as_of: date, windows: tuple[int, ...] = WINDOWS
) -> dict[str, float | None]:
    """Share of linked stances followed by an update on the same commitment within each
    window. Stances younger than the window are left out (not yet judged)."""
    per = stance_follow_through(posts, links, as_of=as_of, windows=windows)
    out: dict[str, float | None] = {}
    for w in windows:
        judged = per[f"within_{w}"].drop_nulls()
        out[str(w)] = float(judged.mean()) if len(judged) else None  # type: ignore[arg-type]
    return out


# --------------------------------------------------------------------------- cadence


def commitment_status(
    posts: pl.DataFrame, commitments: pl.DataFrame, links: pl.DataFrame, *, as_of: date
) -> pl.DataFrame:
    """One row per commitment: stance and update counts, last update, silences, status.

    Gaps run from ``announced_on`` to the first update, between updates, and from the last
    update to ``as_of``; the longest is the longest silence. Status: ``met`` when the user
    says the target is reached; ``no_updates``; ``overdue`` when the days since the last
    update exceed ``cadence_days``; otherwise ``on_track``.
    """
    return _commitment_status(_linked_says(posts, links), commitments, as_of=as_of)


def _commitment_status(linked: pl.DataFrame, commitments: pl.DataFrame, *, as_of: date) -> pl.DataFrame:
    stances = _of_kind(linked, "stance").group_by("commitment_id").agg(pl.len().alias("stance_posts"))
    updates = _of_kind(linked, "commitment_update")
    per = updates.group_by("commitment_id").agg(
        pl.len().alias("updates"), pl.col("day").sort().alias("update_days"), pl.col("specific").mean().alias("_spec_u")
    )
    from metrics.commitments import COMMITMENT_SCHEMA

    rows = (
        commitments.select(COMMITMENT_SCHEMA.names())
        .join(stances, left_on="id", right_on="commitment_id", how="left")
        .join(per, left_on="id", right_on="commitment_id", how="left")
    )
    rows = rows.with_columns(
        pl.col("stance_posts").fill_null(0),
        pl.col("updates").fill_null(0),
        pl.col("update_days").fill_null(pl.lit([], dtype=pl.List(pl.Date))),
    )
    # Silences: gaps between announced_on, each update after it, and as_of (long format).
    events = pl.concat(
        [
            rows.select("id", pl.col("announced_on").alias("day")),
            rows.select("id", "announced_on", pl.col("update_days").alias("day"))
            .explode("day")
            .filter(pl.col("day") >= pl.col("announced_on"))
            .select("id", "day"),
            rows.select("id", pl.lit(as_of).alias("day")),
        ]
    )
    silences = (
        events.sort("id", "day")
        .with_columns(pl.col("day").diff().over("id").dt.total_days().alias("gap"))
        .group_by("id")
        .agg(pl.col("gap").max().alias("longest_silence_days"))
    )
    out = (
        rows.with_columns(pl.col("update_days").list.max().alias("last_update"))
        .join(silences, on="id", how="left")
        .with_columns(
            (pl.lit(as_of) - pl.coalesce("last_update", "announced_on"))
            .dt.total_days()
            .alias("days_since_last_update"),
        )
    )
    out = out.with_columns(
        pl.when(pl.col("met"))
        .then(pl.lit("met"))
        .when(pl.col("updates") == 0)
        .then(pl.lit("no_updates"))
        .when(pl.col("days_since_last_update") > pl.col("cadence_days"))
        .then(pl.lit("overdue"))
        .otherwise(pl.lit("on_track"))
        .alias("status")
    )
    return out.drop("update_days")


# --------------------------------------------------------------------------- spikes


def spikes_and_silence(
    posts: pl.DataFrame, *, cadence_days: int = 90, min_stances: int = 3, sigmas: float = 2.0, as_of: date | None = None
) -> pl.DataFrame:
    """Weeks where a brand's stances spike and no update follows within ``cadence_days``.

    A week spikes when its stances are at least ``min_stances`` and at least the brand's
    weekly mean plus ``sigmas`` standard deviations (over every week from its first post
    to its last). ``silent`` is true when the brand posts no update in the ``cadence_days``
    after the week, and ``None`` when that window has not closed by ``as_of``.
    """
    if posts.is_empty():
        return pl.DataFrame(schema={S.BRAND: pl.String, "week": pl.Date, "stances": pl.UInt32, "silent": pl.Boolean})

    def week(when: pl.Expr) -> pl.Expr:
        return when.dt.convert_time_zone("UTC").dt.truncate("1w").dt.date()

    weekly = (
        posts.lazy()
        .filter(pl.col(S.TYPE) == "stance")
        .group_by(S.BRAND, week(pl.col(S.PUBLISHED_AT)).alias("week"))
        .len("stances")
        .collect()
    )
    # The week of the first post is the first week: truncating the extremes, not every post.
    span = (
        posts.lazy()
        .group_by(S.BRAND)
        .agg(week(pl.col(S.PUBLISHED_AT).min()).alias("first"), week(pl.col(S.PUBLISHED_AT).max()).alias("last"))
        .collect()
    )
    all_weeks = (
        span.with_columns(pl.date_ranges("first", "last", "1w").alias("week")).explode("week").select(S.BRAND, "week")
    )
    full = all_weeks.join(weekly, on=[S.BRAND, "week"], how="left").with_columns(pl.col("stances").fill_null(0))
    stats = full.group_by(S.BRAND).agg(
        pl.col("stances").mean().alias("mean"), pl.col("stances").std(ddof=0).alias("std")
    )
    spikes = (
        full.join(stats, on=S.BRAND)
        .filter((pl.col("stances") >= min_stances) & (pl.col("stances") >= pl.col("mean") + sigmas * pl.col("std")))
        .select(S.BRAND, "week", "stances", pl.col("mean").alias("baseline"))
    )
    updates = (
        posts.lazy().filter(pl.col(S.TYPE) == "commitment_update").select(S.BRAND, _day().alias("update_day")).collect()
    )
    end = as_of or today()
    window_end = pl.col("week") + pl.duration(days=7 + cadence_days)
    followed = (
        spikes.join(updates, on=S.BRAND, how="left")
        .with_columns(
            ((pl.col("update_day") >= pl.col("week")) & (pl.col("update_day") < window_end))
            .fill_null(False)
            .alias("hit")
        )
        .group_by(S.BRAND, "week", "stances", "baseline")
        .agg(pl.col("hit").any().alias("followed"))
    )
    return (
        followed.with_columns(
            pl.when(pl.col("followed"))
            .then(False)
            .when(window_end > pl.lit(end))
            .then(None)
            .otherwise(True)
            .alias("silent")
        )
        .drop("followed")
        .sort(S.BRAND, "week")
    )


# --------------------------------------------------------------------------- specificity


def specific_share(posts: pl.DataFrame) -> float | None:
    """Share of stances and updates that are specific."""
    says = posts.filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))["specific"].drop_nulls()
    return float(says.cast(pl.Float64).mean()) if len(says) else None  # type: ignore[arg-type]


def _followed_on_a_topic(stances: pl.LazyFrame, updates: pl.LazyFrame) -> pl.LazyFrame:
    """``BRAND`` and ``POST_ID`` of the stances that some later update of the same brand
    shares a topic with (compared with the last such update, not with every one)."""
    last_by_topic = (
        updates.select(S.BRAND, S.PUBLISHED_AT, pl.col("topics").alias("t"))
        .filter(pl.col("t").list.len() > 0)
        .explode("t")
        .drop_nulls("t")
        .group_by(S.BRAND, "t")
        .agg(pl.col(S.PUBLISHED_AT).max().alias("last_at"))
    )
    return (
        stances.select(S.POST_ID, S.BRAND, S.PUBLISHED_AT, pl.col("topics").alias("t"))
        .filter(pl.col("t").list.len() > 0)  # a stance without a topic meets no update on one
        .explode("t")
        .join(last_by_topic, on=[S.BRAND, "t"])
        .filter(pl.col("last_at") > pl.col(S.PUBLISHED_AT))
        .select(S.BRAND, S.POST_ID)
        .unique()
    )


def cheap_talk(posts: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Non-specific stances never followed by an update: on the same commitment when the
    stance is linked, otherwise on any topic the stance carries."""
    stances = posts.filter((pl.col(S.TYPE) == "stance") & (pl.col("specific") == False))  # noqa: E712
    if stances.is_empty():
        return stances.select(S.POST_ID, S.BRAND, S.PUBLISHED_AT, S.TEXT)
    updates = posts.filter(pl.col(S.TYPE) == "commitment_update")
    # A stance is followed when some update on its commitment (or topic) came after it:
    # comparing with the last such update avoids pairing every stance with every update.
    last_by_commitment = (
        updates.select(S.POST_ID, S.PUBLISHED_AT)
        .join(links, on=S.POST_ID)
        .group_by("commitment_id")
        .agg(pl.col(S.PUBLISHED_AT).max().alias("last_at"))
    )
    st_links = stances.select(S.POST_ID, S.PUBLISHED_AT).join(links, on=S.POST_ID)
    by_link = (
        st_links.join(last_by_commitment, on="commitment_id")
        .filter(pl.col("last_at") > pl.col(S.PUBLISHED_AT))
        .select(S.POST_ID)
        .unique()
    )
    by_topic = _followed_on_a_topic(stances.lazy(), updates.lazy()).select(S.POST_ID).unique().collect()
    linked_ids = st_links.select(S.POST_ID).unique()
    followed = pl.concat([by_link, by_topic.join(linked_ids, on=S.POST_ID, how="anti")])
    return stances.join(followed, on=S.POST_ID, how="anti").select(S.POST_ID, S.BRAND, S.PUBLISHED_AT, S.TEXT)


# --------------------------------------------------------------------------- cause marketing


def cause_marketing(posts: pl.DataFrame) -> pl.DataFrame:
    """Per brand and topic: promotional posts carrying the topic, and their share of all
    the brand's posts on that topic."""
    on_topic = (
        posts.lazy()
        .select(S.BRAND, S.TYPE, pl.col("topics").alias("topic"))
        .filter(pl.col("topic").list.len() > 0)  # what exploding an empty list gives is dropped anyway
        .explode("topic")
        .drop_nulls("topic")
    )
    return (
        on_topic.group_by(S.BRAND, "topic")
        .agg(
            (pl.col(S.TYPE) == "promotional").sum().alias("cause_marketing_posts"),
            pl.len().alias("topic_posts"),
        )
        .with_columns((pl.col("cause_marketing_posts") / pl.col("topic_posts")).alias("share"))
        .sort(S.BRAND, "topic")
        .collect()
    )


# --------------------------------------------------------------------------- audience


def has_engagement(posts: pl.DataFrame) -> bool:
    return bool(posts[S.ENGAGEMENTS].is_not_null().any()) if S.ENGAGEMENTS in posts.columns else False


def engagement_rates(posts: pl.DataFrame) -> pl.DataFrame:
    """Per post: ``rate`` = engagements per impression where impressions exist; otherwise
    engagements relative to the brand's median engagements (``basis`` says which)."""
    median = pl.col(S.ENGAGEMENTS).median().over(S.BRAND)
    return (
        posts.filter(pl.col(S.ENGAGEMENTS).is_not_null())
        .with_columns(
            pl.when(pl.col(S.IMPRESSIONS) > 0)
            .then(pl.col(S.ENGAGEMENTS) / pl.col(S.IMPRESSIONS))
            .when(median > 0)
            .then(pl.col(S.ENGAGEMENTS) / median)
            .alias("rate"),
            pl.when(pl.col(S.IMPRESSIONS) > 0)
            .then(pl.lit("per impression"))
            .otherwise(pl.lit("vs brand median"))
            .alias("basis"),
        )
        .filter(pl.col("rate").is_not_null())
    )


#: Above this many posts in either group the bootstrap gives way to the delta method, which
#: it matches at that size (both means are then close to normal) at a fraction of the cost.
BOOTSTRAP_LIMIT = 2000


def _lift_interval(
    values: np.ndarray, promo: np.ndarray, rng: np.random.Generator, reps: int, tail: float
) -> tuple[float, float]:
    """Interval for ``mean(values) / mean(promo) − 1``: bootstrap for small groups, delta
    method (independent means, normal quantiles) for large ones."""
    if max(len(values), len(promo)) <= BOOTSTRAP_LIMIT:
        boot_t = rng.choice(values, size=(reps, len(values))).mean(axis=1)
        boot_p = rng.choice(promo, size=(reps, len(promo))).mean(axis=1)
        ratios = boot_t / np.where(boot_p > 0, boot_p, np.nan) - 1
        return float(np.nanquantile(ratios, tail)), float(np.nanquantile(ratios, 1 - tail))
    from statistics import NormalDist

    m_t, m_p = values.mean(), promo.mean()
    ratio = m_t / m_p
    se = ratio * np.sqrt(values.var(ddof=1) / (len(values) * m_t**2) + promo.var(ddof=1) / (len(promo) * m_p**2))
    z = NormalDist().inv_cdf(1 - tail)
    return float(ratio - 1 - z * se), float(ratio - 1 + z * se)


def audience_response(posts: pl.DataFrame, *, reps: int = 1000, seed: int = 0, confidence: float = 0.9) -> pl.DataFrame:
    """Per brand and type: mean engagement rate, and the lift of each type over the brand's
    promotional posts (``mean(type) / mean(promotional) − 1``) with a bootstrap interval
    (delta method above :data:`BOOTSTRAP_LIMIT` posts).

    Empty when the data has no engagement columns: nothing is invented.
    """
    schema = {
        S.BRAND: pl.String, S.TYPE: pl.String, "posts": pl.UInt32, "mean_rate": pl.Float64,
        "lift": pl.Float64, "lift_low": pl.Float64, "lift_high": pl.Float64, "basis": pl.String,
    }  # fmt: skip
    if not has_engagement(posts):
        return pl.DataFrame(schema=schema)
    rates = engagement_rates(posts.select(S.BRAND, S.TYPE, S.ENGAGEMENTS, S.IMPRESSIONS))
    rng = np.random.default_rng(seed)
    rows = []
    tail = (1 - confidence) / 2
    for (brand,), group in rates.group_by(S.BRAND, maintain_order=True):
        promo = group.filter(pl.col(S.TYPE) == "promotional")["rate"].to_numpy()
        basis = group["basis"].mode().first()
        for post_type in S.POST_TYPES:
            values = group.filter(pl.col(S.TYPE) == post_type)["rate"].to_numpy()
            if len(values) == 0:
                continue
            row: dict[str, Any] = {
                S.BRAND: brand, S.TYPE: post_type, "posts": len(values), "mean_rate": float(values.mean()),
                "lift": None, "lift_low": None, "lift_high": None, "basis": basis,
            }  # fmt: skip
            if post_type != "promotional" and len(promo) >= 2 and len(values) >= 2 and promo.mean() > 0:
                row["lift"] = float(values.mean() / promo.mean() - 1)
                row["lift_low"], row["lift_high"] = _lift_interval(values, promo, rng, reps, tail)
            rows.append(row)
    return pl.DataFrame(rows, schema=schema)


# --------------------------------------------------------------------------- score


def _cadence_component(days_since: float | None, cadence_days: float) -> float:
    """1 while within the promised cadence, falling linearly to 0 at four times it."""
    if days_since is None:
        return 0.0
    return float(np.clip(1 - (days_since - cadence_days) / (3 * cadence_days), 0.0, 1.0))


def _recency_component(days_since: float | None) -> float:
    """1 for an update in the last 90 days, falling linearly to 0 at a year."""
    if days_since is None:
        return 0.0
    return float(np.clip(1 - (days_since - RECENCY_FULL_DAYS) / (RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS), 0.0, 1.0))


def accountability_score(components: dict[str, float | None]) -> float | None:
    """0–100: the weighted mean of the components present (weights renormalised).

    >>> accountability_score({"cadence": 1.0, "follow_through": 0.5, "specificity": None, "recency": 1.0})
    81.2
    """
    present = {k: v for k, v in components.items() if v is not None and k in WEIGHTS}
    if not present:
        return None
    total = sum(WEIGHTS[k] for k in present)
    return round(100 * sum(WEIGHTS[k] * v for k, v in present.items()) / total, 1)


def commitment_scores(status: pl.DataFrame, posts: pl.DataFrame, links: pl.DataFrame, *, as_of: date) -> pl.DataFrame:
    """``status`` with each commitment's components and accountability score."""
    per_stance = stance_follow_through(posts, links, as_of=as_of, windows=(90,))
    ft = per_stance.group_by("commitment_id").agg(pl.col("within_90").drop_nulls().mean().alias("follow_through"))
    spec = (
        posts.lazy()
        .filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
        .select(S.POST_ID, "specific")
        .join(links.lazy().select(S.POST_ID, "commitment_id"), on=S.POST_ID)
        .group_by("commitment_id")
        .agg(pl.col("specific").cast(pl.Float64).mean().alias("specificity"))
        .collect()
    )
    rows = status.join(ft, left_on="id", right_on="commitment_id", how="left").join(
        spec, left_on="id", right_on="commitment_id", how="left"
    )
    out = []
    for r in rows.iter_rows(named=True):  # one row per commitment: a handful, not posts
        since = r["days_since_last_update"] if r["updates"] else None
        comps = {
            "cadence": _cadence_component(since, r["cadence_days"]),
            "follow_through": r["follow_through"],
            "specificity": r["specificity"],
            "recency": _recency_component(since),
        }
        if r["status"] == "met":
            comps["cadence"] = comps["recency"] = 1.0
        out.append(
            {
                "id": r["id"],
                **{f"component_{k}": v for k, v in comps.items()},
                "accountability_score": accountability_score(comps),
            }
        )
    scores = pl.DataFrame(
        out,
        schema={"id": pl.String, **{f"component_{k}": pl.Float64 for k in WEIGHTS}, "accountability_score": pl.Float64},
    )
    return status.join(scores, on="id", how="left")


def brand_summary(
    posts: pl.DataFrame,
    commitments: pl.DataFrame,
    links: pl.DataFrame,
    *,
    as_of: date,
    status: pl.DataFrame | None = None,
) -> list[dict[str, Any]]:
    """Every brand-level metric, one dict per brand (the ``brands`` of ``summary --json``).

    Each brand's figures are its own, computed for all brands at once: a group-by per
    figure, never a filter per brand. ``status`` is :func:`commitment_status` of the same
    arguments, when the caller has it already.
    """
    linked = _linked_says(posts, links)
    if status is None:
        status = _commitment_status(linked, commitments, as_of=as_of)
    narrow = posts.lazy().select(S.POST_ID, S.BRAND, S.TYPE, S.PUBLISHED_AT, "topics", "specific")
    # cause_marketing's posts summed over a brand's topics: each promotional post once per topic it carries.
    marketing = dict(
        narrow.filter(pl.col(S.TYPE) == "promotional")
        .select(S.BRAND, "topics")
        .explode("topics")
        .group_by(S.BRAND)
        .agg(pl.col("topics").count())
        .collect()
        .iter_rows()
    )
    counts: dict[str, dict[str | None, int]] = {}
    for brand, post_type, n in narrow.group_by(S.BRAND, S.TYPE).len().collect().iter_rows():
        counts.setdefault(brand, {})[post_type] = n
    says = narrow.filter(pl.col(S.TYPE).is_in(["stance", "commitment_update"]))
    per_brand = (
        says.group_by(S.BRAND)
        .agg(
            _day().filter(pl.col(S.TYPE) == "commitment_update").max().alias("last_update"),
            pl.col("specific").drop_nulls().cast(pl.Float64).mean().alias("specific_share"),
        )
        .collect()
    )
    last_updates = dict(zip(per_brand[S.BRAND], per_brand["last_update"], strict=True))
    specific = dict(zip(per_brand[S.BRAND], per_brand["specific_share"], strict=True))
    per_stance = _stance_follow_through(linked, as_of=as_of, windows=WINDOWS, by=(S.BRAND,))
    followed = {
        row[S.BRAND]: row
        for row in per_stance.group_by(S.BRAND)
        .agg(pl.col(f"within_{w}").drop_nulls().mean() for w in WINDOWS)
        .iter_rows(named=True)
    }
    cheap = dict(_cheap_talk_by_brand(narrow, linked).iter_rows())
    out = []
    for brand in sorted(posts[S.BRAND].unique().to_list()):
        mine = counts.get(brand, {})
        mix = {t: int(mine.get(t, 0)) for t in S.POST_TYPES}
        ft: dict[str, float | None] = {str(w): followed.get(brand, {}).get(f"within_{w}") for w in WINDOWS}
        last_update = last_updates.get(brand)
        since = (as_of - last_update).days if last_update else None
        mine_status = status.filter(pl.col("brand") == brand)
        cadence = mine_status["cadence_days"].median() if mine_status.height else 90
        components = {
            "cadence": _cadence_component(since, float(cadence or 90)),  # type: ignore[arg-type]
            "follow_through": ft["90"],
            "specificity": specific.get(brand),
            "recency": _recency_component(since),
        }
        out.append(
            {
                "brand": brand,
                "posts": sum(mine.values()),
                "mix": mix,
                "say_do_ratio": mix["commitment_update"] / mix["stance"] if mix["stance"] else None,
                "follow_through": ft,
                "specific_share": components["specificity"],
                "cause_marketing_posts": int(marketing.get(brand, 0)),
                "cheap_talk_posts": cheap.get(brand, 0),
                "last_update": last_update.isoformat() if last_update else None,
                "days_since_last_update": since,
                "commitments_overdue": int((mine_status["status"] == "overdue").sum()),
                "accountability_score": accountability_score(components),
                "components": components,
            }
        )
    return out


def _cheap_talk_by_brand(posts: pl.LazyFrame, linked: pl.DataFrame) -> pl.DataFrame:
    """``BRAND`` and ``posts``: how many of each brand's stances :func:`cheap_talk` finds
    when given that brand's posts and the links of its stances and updates
    (``linked``: :func:`_linked_says`, whose links are unique, which changes no answer here)."""
    stances = posts.filter((pl.col(S.TYPE) == "stance") & (pl.col("specific") == False)).collect().lazy()  # noqa: E712
    updates = posts.filter(pl.col(S.TYPE) == "commitment_update").collect().lazy()
    says = linked.lazy()
    last_by_commitment = (
        says.filter(pl.col(S.TYPE) == "commitment_update")
        .group_by(S.BRAND, "commitment_id")
        .agg(pl.col(S.PUBLISHED_AT).max().alias("last_at"))
    )
    st_links = says.filter((pl.col(S.TYPE) == "stance") & (pl.col("specific") == False)).select(  # noqa: E712
        S.POST_ID, S.BRAND, S.PUBLISHED_AT, "commitment_id"
    )
    by_link = (
        st_links.join(last_by_commitment, on=[S.BRAND, "commitment_id"])
        .filter(pl.col("last_at") > pl.col(S.PUBLISHED_AT))
        .select(S.BRAND, S.POST_ID)
        .unique()
    )
    by_topic = _followed_on_a_topic(stances, updates)
    linked_ids = st_links.select(S.BRAND, S.POST_ID).unique()
    followed = pl.concat([by_link, by_topic.join(linked_ids, on=[S.BRAND, S.POST_ID], how="anti")])
    return (
        stances.join(followed, on=[S.BRAND, S.POST_ID], how="anti")
        .group_by(S.BRAND)
        .agg(pl.len().alias("posts"))
        .collect()
    )


# --------------------------------------------------------------------------- peers


def event_aligned(posts: pl.DataFrame, topic: str, *, horizon_days: int = 365) -> pl.DataFrame:
    """Brands lined up at their first stance on ``topic`` (day 0): cumulative updates on
    the topic by day since, one row per brand and day on which the count changes, plus
    day 0 and the horizon."""
    on_topic = posts.filter(pl.col("topics").list.contains(topic))
    day0 = on_topic.filter(pl.col(S.TYPE) == "stance").group_by(S.BRAND).agg(_day().min().alias("day0"))
    updates = (
        on_topic.filter(pl.col(S.TYPE) == "commitment_update")
        .select(S.BRAND, _day().alias("day"))
        .join(day0, on=S.BRAND)
        .with_columns((pl.col("day") - pl.col("day0")).dt.total_days().alias("days_since"))
        .filter((pl.col("days_since") >= 0) & (pl.col("days_since") <= horizon_days))
        .group_by(S.BRAND, "days_since")
        .len("n")
    )
    anchors = (
        day0.select(S.BRAND, pl.lit([0, horizon_days]).alias("days_since"))
        .explode("days_since")
        .with_columns(pl.lit(0, dtype=pl.UInt32).alias("n"))
    )
    return (
        pl.concat([anchors.with_columns(pl.col("days_since").cast(pl.Int64)), updates])
        .group_by(S.BRAND, "days_since")
        .agg(pl.col("n").sum())
        .sort(S.BRAND, "days_since")
        .with_columns(pl.col("n").cum_sum().over(S.BRAND).alias("cumulative_updates"))
        .drop("n")
    )
