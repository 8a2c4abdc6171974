"""How fast a big export loads: `python -m bench.load_speed [N]`.

Writes an X Analytics tweet-activity CSV of N posts (every field quoted, counts as
"4209.0", promoted columns "-", multi-line texts, as the real export), then times
Followthrough's reader against the baseline a data scientist would write first: pandas
`read_csv` and a row-wise `apply` to normalise, in the same process. Medians of 3 runs.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

from data_sources.loader import load_bytes

HEADER = [
    "Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
    "retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands",
    "permalink clicks", "app opens", "app installs", "follows", "email tweet", "dial phone", "media views",
    "media engagements", *[f"promoted {c}" for c in ("impressions", "engagements", "engagement rate", "retweets",
    "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks", "detail expands", "permalink clicks",
    "app opens", "app installs", "follows", "email tweet", "dial phone", "media views", "media engagements")],
]  # fmt: skip
TEXTS = [
    "We will be net zero by 2035. The planet can't wait 🌍 #climate",
    "Spring menu is here! Try the new chipotle bowl today 🌯 https://t.co/abc123",
    "Vi har donert 2 millioner kroner til Matsentralen i år.\n\nTakk til alle kundene våre!",
    "@jane_doe so sorry about that, DM us your order number",
    "Buon Pride a tutte e tutti 🌈 L'amore non ha etichette.",
    "هذا العام زرعنا 10,000 شجرة في الرياض 🌳",
    "हमने इस साल 40 डिजिटल लर्निंग सेंटर खोले",
    "Q3 results: revenue up 12% year on year. Full report on our investor site.",
]


def make_export(n: int, seed: int = 0) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(HEADER)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(n):
        when = start + timedelta(minutes=7 * i)
        impressions = rng.randint(100, 50_000)
        row = [
            str(10**18 + i), f"https://twitter.com/acme/status/{10**18 + i}", f"{rng.choice(TEXTS)} {i}",
            when.strftime("%Y-%m-%d %H:%M +0000"), f"{impressions}.0", f"{impressions // 40}.0", "0.025",
            f"{rng.randint(0, 50)}.0", f"{rng.randint(0, 20)}.0", f"{rng.randint(0, 300)}.0",
            *["0"] * 12, *["-"] * 18,
        ]  # fmt: skip
        writer.writerow(row)
    return out.getvalue().encode()


def baseline(data: bytes) -> int:
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(data), dtype=str)

    def normalise(row: pd.Series) -> pd.Series:
        return pd.Series(
            {
                "post_id": row["Tweet id"],
                "published_at": datetime.strptime(row["time"], "%Y-%m-%d %H:%M %z"),
                "text": row["Tweet text"].replace("&amp;", "&"),
                "likes": int(float(row["likes"])) if row["likes"] not in ("-", "") else None,
                "shares": int(float(row["retweets"])) if row["retweets"] not in ("-", "") else None,
                "impressions": int(float(row["impressions"])) if row["impressions"] not in ("-", "") else None,
            }
        )

    return len(frame.apply(normalise, axis=1))


def timed(fn, *args) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    data = make_export(n)
    ours = [timed(load_bytes, data, "tweet_activity.csv")[0] for _ in range(3)]
    rows = load_bytes(data, "tweet_activity.csv").report.rows_loaded
    sample = min(n, 100_000)
    small = make_export(sample)
    base = [timed(baseline, small)[0] * (n / sample) for _ in range(3)] if n >= 10_000 else [0.0]
    print(
        f"{n:,} posts, {len(data) / 1e6:.0f} MB: Followthrough reads and normalises in {statistics.median(ours):.2f} s "
        f"(median of 3; {rows:,} loaded)"
    )
    print(
        f"baseline pandas read_csv + row-wise apply: {statistics.median(base):.1f} s "
        f"(measured on {sample:,} rows, scaled); {statistics.median(base) / statistics.median(ours):.0f}x slower"
    )


if __name__ == "__main__":
    main()
