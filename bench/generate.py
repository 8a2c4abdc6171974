"""Realistic exports for the benchmark: `python -m bench.generate [N ...]`.

N posts are written as two files, as an agency would upload them: an X (Twitter)
Analytics "tweet activity" export and a Meta Business Suite posts export (Facebook).
Both are shaped like the real thing: the X file has its 40 columns, every field quoted,
counts as ``"4209.0"``, ``-`` in the promoted columns, ``&amp;`` in texts and
``2020-06-26 15:00 +0000`` times; the Meta file has a BOM, ``MM/DD/YYYY HH:MM`` publish
times, ``Lifetime`` in its ``Date`` column and an empty ``Languages`` column. Neither
carries a usable language, so the classifier has to detect it.

Texts come from the training corpus and the demo generator, in fifteen languages, for
eight brands over three years. Each original post adds what makes real posts differ (a
place, a signature, a link), so distinct posts stay distinct after language detection
strips links and digits. About 20% of the posts repeat an earlier one: half cross-posted
to the other platform within two hours, half re-run on the same platform weeks later.

Files are cached under ``bench/.data/`` (git-ignored), keyed by size, seed and
:data:`GENERATOR_VERSION`; a manifest written last marks a complete set.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl

GENERATOR_VERSION = "1"
DATA_DIR = Path(os.environ.get("FOLLOWTHROUGH_BENCH_DATA") or Path(__file__).resolve().parent / ".data")
REPEAT_SHARE = 0.2
START = datetime(2023, 1, 1, tzinfo=UTC)
SPAN_SECONDS = 3 * 365 * 24 * 3600


@dataclass(frozen=True)
class Brand:
    name: str
    handle: str
    page_id: int
    weight: float
    languages: dict[str, float]
    topics: tuple[str, ...]


BRANDS: tuple[Brand, ...] = (
    Brand("Northwind Foods", "NorthwindFoods", 104_110_000_001, 0.20, {"en": 1.0},
          ("racial_justice", "community_poverty")),
    Brand("Fjordlys Energi", "fjordlys", 104_110_000_002, 0.12, {"nb": 0.75, "en": 0.25},
          ("climate_environment", "education")),
    Brand("Bella Moda", "bellamoda_it", 104_110_000_003, 0.15, {"it": 0.6, "en": 0.25, "ar": 0.15},
          ("lgbtq", "gender_equality")),
    Brand("Sahayog Telecom", "SahayogTelecom", 104_110_000_004, 0.15, {"hi": 0.6, "en": 0.4},
          ("education", "gender_equality")),
    Brand("Banque Aurore", "BanqueAurore", 104_110_000_005, 0.10, {"fr": 0.8, "en": 0.2},
          ("diversity_inclusion", "climate_environment")),
    Brand("Grünwerk Bau", "gruenwerk", 104_110_000_006, 0.10, {"de": 0.85, "en": 0.15},
          ("climate_environment", "health")),
    Brand("Casa Solar", "casasolar", 104_110_000_007, 0.10, {"es": 0.6, "pt": 0.4},
          ("climate_environment", "community_poverty")),
    Brand("Kompas Retail", "kompasretail", 104_110_000_008, 0.08,
          {"sv": 0.25, "da": 0.2, "nl": 0.15, "tr": 0.15, "id": 0.1, "en": 0.15}, ("human_rights", "disability")),
)  # fmt: skip

#: Places and signatures that make one brand's posts differ in words, not only in digits.
PLACES = (
    "Oslo", "Bergen", "Tromsø", "Stavanger", "Milano", "Roma", "Napoli", "Torino", "Bologna", "Firenze", "Mumbai",
    "Pune", "Jaipur", "Lucknow", "Chennai", "Kolkata", "Paris", "Lyon", "Marseille", "Lille", "Nantes", "Berlin",
    "München", "Hamburg", "Köln", "Leipzig", "Madrid", "Sevilla", "Valencia", "Bilbao", "Lisboa", "Porto", "Braga",
    "Stockholm", "Göteborg", "Malmö", "København", "Aarhus", "Amsterdam", "Utrecht", "Rotterdam", "İstanbul",
    "Ankara", "İzmir", "Jakarta", "Bandung", "Surabaya", "Riyadh", "Jeddah", "Dubai", "Columbus", "Denver",
    "Chicago", "Atlanta", "Houston", "Toronto", "Manchester", "Leeds", "Glasgow", "Dublin",
)  # fmt: skip
SIGNERS = (
    "Anna", "Jonas", "Ingrid", "Lars", "Giulia", "Marco", "Sara", "Luca", "Priya", "Rahul", "Ananya", "Vikram",
    "Camille", "Louis", "Chloé", "Hugo", "Lena", "Felix", "Mia", "Paul", "Lucía", "Javier", "Carmen", "Diego",
    "Beatriz", "João", "Elin", "Oskar", "Freja", "Mads", "Sanne", "Daan", "Elif", "Emre", "Putri", "Budi",
    "Layla", "Omar", "Jordan", "Casey",
)  # fmt: skip
LINK_CHARS = np.frombuffer(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", dtype="S1")

X_HEADER = [
    "Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
    "retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands",
    "permalink clicks", "app opens", "app installs", "follows", "email tweet", "dial phone", "media views",
    "media engagements", *[f"promoted {c}" for c in ("impressions", "engagements", "engagement rate", "retweets",
    "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands", "permalink clicks",
    "app opens", "app installs", "follows", "email tweet", "dial phone", "media views", "media engagements")],
]  # fmt: skip
META_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
    "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
    "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares",
    "Total clicks", "Link clicks", "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)",
    "Negative feedback from users: Hide all",
]  # fmt: skip


@dataclass(frozen=True)
class Export:
    """One generated export file."""

    path: str
    format: str
    platform: str
    rows: int
    megabytes: float


@dataclass(frozen=True)
class BenchData:
    """The exports that together hold ``posts`` posts, and what they contain."""

    posts: int
    seed: int
    exports: tuple[Export, ...]
    distinct_texts: int
    languages: int
    brands: int

    def paths(self) -> list[Path]:
        return [Path(e.path) for e in self.exports]


def text_pool() -> pl.DataFrame:
    """Every distinct post text of the corpus and the demo workspace, with its language."""
    from data_sources.demo import demo_posts
    from metrics.corpus import load_corpus

    corpus = load_corpus().select("text", "lang")
    demo = demo_posts().select("text", "lang")
    return pl.concat([corpus, demo]).filter(pl.col("text").str.len_chars() > 0).unique("text", maintain_order=True)


def _random_strings(rng: np.random.Generator, n: int, width: int) -> pl.Series:
    codes = rng.integers(0, len(LINK_CHARS), size=(n, width))
    raw = LINK_CHARS[codes].view(f"S{width}").ravel()
    return pl.Series(raw).cast(pl.String)


def posts_table(n: int, *, seed: int = 0) -> pl.DataFrame:
    """``n`` posts before they are written out: brand, platform, time, text, counts.

    >>> posts_table(50).height
    50
    """
    rng = np.random.default_rng(seed)
    pool = text_pool()
    originals = n - int(round(n * REPEAT_SHARE))
    brand = rng.choice(
        len(BRANDS), size=originals, p=np.array([b.weight for b in BRANDS]) / sum(b.weight for b in BRANDS)
    )
    lang = np.empty(originals, dtype=object)
    for i, b in enumerate(BRANDS):
        rows = np.flatnonzero(brand == i)
        codes, weights = list(b.languages), np.array(list(b.languages.values()))
        lang[rows] = rng.choice(codes, size=rows.size, p=weights / weights.sum())
    text = np.empty(originals, dtype=object)
    for code in np.unique(lang):
        rows = np.flatnonzero(lang == code)
        choices = pool.filter(pl.col("lang") == code)["text"].to_numpy()
        text[rows] = choices[rng.integers(0, choices.size, size=rows.size)]
    on_x = rng.random(originals) < 0.5
    link = pl.concat_str(
        pl.when(pl.Series(on_x)).then(pl.lit(" https://t.co/")).otherwise(pl.lit(" https://bit.ly/")),
        _random_strings(rng, originals, 10),
    )
    frame = pl.DataFrame(
        {
            "brand_index": brand.astype(np.int32),
            "on_x": on_x,
            "seconds": rng.integers(0, SPAN_SECONDS - 60 * 86400, size=originals),
            "base": pl.Series(text, dtype=pl.String),
            "lang": pl.Series(lang, dtype=pl.String),
            "place": pl.Series(np.array(PLACES)[rng.integers(0, len(PLACES), size=originals)]),
            "signer": pl.Series(np.array(SIGNERS)[rng.integers(0, len(SIGNERS), size=originals)]),
            "draw": rng.random((originals, 3)),
        }
    ).with_columns(link=link)
    frame = frame.with_columns(
        text=pl.concat_str(
            "base",
            pl.when(pl.col("draw").arr.get(0) < 0.6).then(pl.concat_str(pl.lit(" 📍"), "place")),
            pl.when(pl.col("draw").arr.get(1) < 0.4).then("link"),
            pl.when(pl.col("draw").arr.get(2) < 0.5).then(pl.concat_str(pl.lit(" ^"), "signer")),
            ignore_nulls=True,
        ),
        repeat_of=pl.lit(None, dtype=pl.Int64),
    ).select("brand_index", "on_x", "seconds", "text", "lang", "repeat_of")

    copies = n - originals
    source = rng.integers(0, originals, size=copies)
    cross = rng.random(copies) < 0.5
    delay = np.where(cross, rng.integers(60, 2 * 3600, size=copies), rng.integers(7 * 86400, 60 * 86400, size=copies))
    repeated = (
        frame[source]
        .with_columns(
            on_x=pl.col("on_x") ^ pl.Series(cross),
            seconds=pl.col("seconds") + pl.Series(delay),
            repeat_of=pl.Series(source, dtype=pl.Int64),
        )
        .with_columns(kind=pl.when(pl.Series(cross)).then(pl.lit("cross-post")).otherwise(pl.lit("re-run")))
    )
    frame = pl.concat([frame.with_columns(kind=pl.lit(None, dtype=pl.String)), repeated])

    impressions = np.maximum(rng.lognormal(8.0, 1.1, size=n).astype(np.int64), 10)
    engagements = (impressions * rng.uniform(0.002, 0.06, size=n)).astype(np.int64)
    likes = (engagements * rng.uniform(0.4, 0.8, size=n)).astype(np.int64)
    comments = ((engagements - likes) * rng.uniform(0.1, 0.5, size=n)).astype(np.int64)
    shares = ((engagements - likes - comments) * rng.uniform(0.2, 0.9, size=n)).astype(np.int64)
    return frame.with_columns(
        brand=pl.col("brand_index").replace_strict({i: b.name for i, b in enumerate(BRANDS)}),
        handle=pl.col("brand_index").replace_strict({i: b.handle for i, b in enumerate(BRANDS)}),
        page_id=pl.col("brand_index").replace_strict({i: b.page_id for i, b in enumerate(BRANDS)}),
        published_at=pl.lit(START) + pl.duration(seconds=pl.col("seconds")),
        impressions=pl.Series(impressions),
        reach=pl.Series((impressions * rng.uniform(0.55, 0.95, size=n)).astype(np.int64)),
        engagements=pl.Series(engagements),
        likes=pl.Series(likes),
        comments=pl.Series(comments),
        shares=pl.Series(shares),
        clicks=pl.Series(engagements - likes - comments - shares),
        post_type=pl.Series(np.array(["Photos", "Links", "Status", "Videos", "Reels"])[rng.integers(0, 5, size=n)]),
    ).drop("seconds", "brand_index")


def _counts(*columns: str) -> list[pl.Expr]:
    """X Analytics writes counts as floats: ``"4209.0"``."""
    return [pl.col(c).cast(pl.Float64).cast(pl.String) for c in columns]


def write_x_activity(posts: pl.DataFrame, path: Path) -> int:
    """Write ``posts`` as an X Analytics tweet activity export, newest first."""
    frame = posts.sort("published_at", descending=True).with_row_index("i")
    tweet_id = (pl.lit(1_700_000_000_000_000_000, dtype=pl.UInt64) - pl.col("i").cast(pl.UInt64) * 7_919).cast(
        pl.String
    )
    escaped = pl.col("text").str.replace_all("&", "&amp;", literal=True).str.replace_all("<", "&lt;", literal=True)
    zero = pl.lit("0.0")
    out = frame.select(
        tweet_id.alias("Tweet id"),
        pl.concat_str(pl.lit("https://twitter.com/"), "handle", pl.lit("/status/"), tweet_id).alias("Tweet permalink"),
        escaped.str.replace_all(">", "&gt;", literal=True).alias("Tweet text"),
        pl.col("published_at").dt.strftime("%Y-%m-%d %H:%M +0000").alias("time"),
        *_counts("impressions", "engagements"),
        (pl.col("engagements") / pl.col("impressions")).cast(pl.String).alias("engagement rate"),
        *_counts("shares", "comments", "likes"),
        (pl.col("clicks") // 3).cast(pl.Float64).cast(pl.String).alias("user profile clicks"),
        (pl.col("clicks") - pl.col("clicks") // 3).cast(pl.Float64).cast(pl.String).alias("url clicks"),
        zero.alias("hashtag clicks"),
        (pl.col("likes") // 4).cast(pl.Float64).cast(pl.String).alias("detail expands"),
        zero.alias("permalink clicks"),
        *[pl.lit("0").alias(c) for c in X_HEADER[15:22]],
        *[pl.lit("-").alias(c) for c in X_HEADER[22:]],
    ).rename({"shares": "retweets", "comments": "replies"})
    assert out.columns == X_HEADER, out.columns
    out.write_csv(path, quote_style="always", line_terminator="\n")
    return out.height


def write_meta_facebook(posts: pl.DataFrame, path: Path) -> int:
    """Write ``posts`` as a Meta Business Suite posts export (Facebook), newest first."""
    frame = posts.sort("published_at", descending=True).with_row_index("i")
    post_id = (pl.lit(1_000_000_000_000_000, dtype=pl.UInt64) + pl.col("i").cast(pl.UInt64) * 104_729).cast(pl.String)
    empty = pl.lit(None, dtype=pl.String)
    out = frame.select(
        post_id.alias("Post ID"),
        pl.col("page_id").cast(pl.String).alias("Page ID"),
        pl.col("brand").alias("Page name"),
        empty.alias("Title"),
        pl.col("text").alias("Description"),
        empty.alias("Duration (sec)"),
        pl.col("published_at").dt.strftime("%m/%d/%Y %H:%M").alias("Publish time"),
        empty.alias("Caption type"),
        pl.concat_str(
            pl.lit("https://www.facebook.com/"), pl.col("page_id").cast(pl.String), pl.lit("/posts/"), post_id
        ).alias("Permalink"),
        pl.lit("No").alias("Is crosspost"),
        pl.lit("No").alias("Is share"),
        pl.col("post_type").alias("Post type"),
        empty.alias("Languages"),
        empty.alias("Custom labels"),
        empty.alias("Funded content status"),
        empty.alias("Data comment"),
        pl.lit("Lifetime").alias("Date"),
        pl.col("impressions").alias("Views"),
        pl.col("reach").alias("Reach"),
        (pl.col("likes") + pl.col("comments") + pl.col("shares")).alias("Reactions, Comments and Shares"),
        pl.col("likes").alias("Reactions"),
        pl.col("comments").alias("Comments"),
        pl.col("shares").alias("Shares"),
        pl.col("clicks").alias("Total clicks"),
        (pl.col("clicks") // 2).alias("Link clicks"),
        (pl.col("clicks") - pl.col("clicks") // 2).alias("Other Clicks"),
        (pl.col("clicks") // 5).alias("Matched Audience Targeting Consumption (Photo Click)"),
        pl.lit(0).alias("Negative feedback from users: Hide all"),
    )
    assert out.columns == META_HEADER, out.columns
    out.write_csv(path, include_bom=True, line_terminator="\n")
    return out.height


def _manifest_path(directory: Path, n: int, seed: int) -> Path:
    return directory / f"posts-{n}-seed{seed}-v{GENERATOR_VERSION}.json"


def generate(n: int, *, directory: Path = DATA_DIR, seed: int = 0, force: bool = False) -> BenchData:
    """The two exports holding ``n`` posts, written once and then read from the cache."""
    manifest = _manifest_path(directory, n, seed)
    if manifest.exists() and not force:
        cached = json.loads(manifest.read_text())
        data = BenchData(**{**cached, "exports": tuple(Export(**e) for e in cached["exports"])})
        if all(Path(e.path).exists() for e in data.exports):
            return data
    directory.mkdir(parents=True, exist_ok=True)
    posts = posts_table(n, seed=seed)
    stem = f"{n}-seed{seed}-v{GENERATOR_VERSION}"
    exports = []
    for fmt, platform, writer, name, on_x in (
        ("x_activity", "x", write_x_activity, f"tweet_activity_metrics_{stem}.csv", True),
        ("meta_facebook", "facebook", write_meta_facebook, f"meta_business_suite_posts_{stem}.csv", False),
    ):
        path = directory / name
        rows = writer(posts.filter(pl.col("on_x") == on_x), path)
        exports.append(Export(str(path), fmt, platform, rows, round(path.stat().st_size / 1e6, 1)))
    data = BenchData(
        posts=n,
        seed=seed,
        exports=tuple(exports),
        distinct_texts=posts["text"].n_unique(),
        languages=posts["lang"].n_unique(),
        brands=len(BRANDS),
    )
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(data), indent=2))
    tmp.replace(manifest)
    return data


def commitment_rows() -> list[dict[str, object]]:
    """What the agency declared: two commitments per brand, under its Facebook page name and its X handle."""
    rows: list[dict[str, object]] = []
    for b in BRANDS:
        for name in (b.name, b.handle):
            for topic in b.topics:
                rows.append(
                    {
                        "id": f"{name}-{topic}",
                        "brand": name,
                        "title": f"{b.name}: {topic.replace('_', ' ')}",
                        "topics": [topic],
                        "announced_on": "2023-03-01",
                        "cadence_days": 90,
                    }
                )
    return rows


def main() -> None:
    sizes = [int(a.replace("_", "").replace(",", "")) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    for n in sizes:
        data = generate(n)
        files = ", ".join(f"{Path(e.path).name} ({e.rows:,} rows, {e.megabytes:,.0f} MB)" for e in data.exports)
        print(f"{n:,} posts ({data.distinct_texts:,} distinct texts, {data.languages} languages): {files}")


if __name__ == "__main__":
    main()
