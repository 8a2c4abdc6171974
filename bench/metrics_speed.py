"""How fast every metric and the Overview are at a million posts: `python -m bench.metrics_speed [N]`.

Builds N labelled posts for 8 brands over 3 years (types, topics and specificity drawn at
random; no classifier involved), then times: linking to 16 commitments plus every brand and
commitment metric; and, through Streamlit's AppTest (server side), the Overview's first
run on a saved workspace and a filter change. Medians of 3 runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from data_sources import schema as S
from metrics.commitments import link_posts, make_commitments
from metrics.consistency import (
    audience_response,
    brand_summary,
    cause_marketing,
    commitment_scores,
    commitment_status,
    content_mix,
    say_do_trend,
    spikes_and_silence,
)  # fmt: skip
from metrics.corpus import TOPICS

BRANDS = [f"Brand {c}" for c in "ABCDEFGH"]


def labelled(n: int, seed: int = 0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2023-01-01T00:00:00")
    types = rng.choice(S.POST_TYPES, size=n, p=[0.08, 0.05, 0.5, 0.37])
    topic = rng.choice([*TOPICS, None, None, None, None], size=n)
    frame = pl.DataFrame(
        {
            S.POST_ID: np.arange(n).astype(str),
            S.BRAND: rng.choice(BRANDS, size=n),
            S.PLATFORM: rng.choice(["x", "facebook", "instagram", "linkedin"], size=n),
            S.PUBLISHED_AT: (start + rng.integers(0, 3 * 365 * 24 * 3600, size=n).astype("timedelta64[s]")).astype(
                "datetime64[us]"
            ),
            S.TEXT: rng.choice(["We will act on climate", "We have donated 2M", "New menu!", "Happy Friday"], size=n),
            S.LANG: rng.choice(["en", "nb", "it", "ar", "hi"], size=n),
            S.ENGAGEMENTS: rng.integers(0, 500, size=n),
            S.IMPRESSIONS: rng.integers(500, 50_000, size=n),
            S.TYPE: types,
        }
    ).with_columns(pl.col(S.PUBLISHED_AT).dt.replace_time_zone("UTC"))
    frame = S.conform(frame).with_columns(
        pl.Series("topics", [[t] if t else [] for t in topic], dtype=pl.List(pl.String)),
        pl.Series("specific", rng.random(n) < 0.4).alias("specific"),
        pl.lit("model").alias("type_source"),
        pl.lit(0.9).alias("confidence"),
    )
    return frame.with_columns(
        pl.when(pl.col(S.TYPE).is_in(["stance", "commitment_update"])).then("specific").alias("specific")
    )


def commitments() -> pl.DataFrame:
    return make_commitments(
        [
            {"id": f"{b}-{t}", "brand": b, "title": f"{b} on {t}", "topics": [t], "announced_on": "2023-03-01"}
            for b in BRANDS
            for t in ("climate_environment", "gender_equality")
        ]
    )


def all_metrics(posts: pl.DataFrame, declared: pl.DataFrame, as_of: date) -> None:
    links = link_posts(posts, declared)
    status = commitment_status(posts, declared, links, as_of=as_of)
    commitment_scores(status, posts, links, as_of=as_of)
    brand_summary(posts, declared, links, as_of=as_of)
    content_mix(posts, every="1mo")
    say_do_trend(posts)
    spikes_and_silence(posts, as_of=as_of)
    cause_marketing(posts)
    audience_response(posts, reps=200)


def median_time(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def overview_timings(posts: pl.DataFrame) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    from data_sources.loader import LoadReport
    from data_sources.workspace import Workspace, atomic_write_parquet
    from metrics.classify import load_or_train

    data_dir = tempfile.mkdtemp()
    os.environ["FOLLOWTHROUGH_DATA_DIR"] = data_dir
    model = load_or_train()
    ws = Workspace.open(data_dir, "big")
    info = ws.add_dataset(posts, LoadReport(file="big", format="bench", format_label="bench"))
    atomic_write_parquet(ws.labels_path(info.id, model.key), posts)  # labels saved: nothing to classify
    for c in commitments().with_columns(pl.col("announced_on").cast(pl.String)).to_dicts():
        ws.save_commitment(c)
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=600)
    at.query_params["ws"] = "big"
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    changes = []
    for brand in BRANDS[:3]:
        started = time.perf_counter()
        at.multiselect(key="f_brand").set_value([brand]).run()
        changes.append(time.perf_counter() - started)
    assert not at.exception, [e.value for e in at.exception]
    return first, statistics.median(changes)


def main() -> None:
    warnings.simplefilter("ignore")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    posts = labelled(n)
    declared = commitments()
    seconds = median_time(lambda: all_metrics(posts, declared, date(2026, 1, 1)))
    print(f"{n:,} labelled posts, 8 brands, 16 commitments: links and every metric in {seconds:.2f} s (median of 3)")
    if "--no-app" not in sys.argv:
        first, change = overview_timings(posts)
        print(
            f"Overview (AppTest, server side): first run on the saved workspace {first:.1f} s; "
            f"a filter change {change:.2f} s"
        )


if __name__ == "__main__":
    main()
