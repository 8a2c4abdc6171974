"""Does the working tree compute what a git revision computes? `python -m bench.same_output [--ref HEAD]`.

A check for speed work, whose results must not change. The code of ``--ref`` is
extracted to a temporary folder; then each version, in its own process, reads every
export of the corpus and computes every metric, writing what it got to a folder; then
the two folders are compared exactly: every frame's columns, types, values and row order,
every load report and every error message.

The corpus: the 100,000-post bench exports (:mod:`bench.generate`), the real exports in
``--realdata``, every file in ``tests/fixtures/bad_inputs``, and three sets of labelled
posts with commitments and link overrides: the labels a 100,000-post pipeline run saved
(when ``bench/.data/runs/100000`` has them), the synthetic posts of
:mod:`bench.metrics_speed`, and the demo workspace with random labels. Labelled inputs are
built with plain polars, the same for both versions, so the classifier (which may change
meanwhile) plays no part.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALDATA = Path("/work/shared/realdata/formats")
BAD_INPUTS = ROOT / "tests" / "fixtures" / "bad_inputs"
AS_OF = date(2026, 1, 1)
SIZE = 100_000


# --------------------------------------------------------------------------- one version's outputs


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, sort_keys=True))


class Outputs:
    """Frames go to ``<name>.parquet``, everything else to ``<name>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def put(self, name: str, compute: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Write what ``compute(*args, **kwargs)`` returns, or what it raises."""
        import polars as pl

        try:
            value = compute(*args, **kwargs)
        except Exception as err:  # what a version raises is an output too
            value = {"raised": type(err).__name__, "message": str(err)}
        if isinstance(value, pl.DataFrame):
            value.write_parquet(self.folder / f"{name}.parquet")
        else:
            (self.folder / f"{name}.json").write_text(json.dumps(_jsonable(value), ensure_ascii=False, indent=1))


def _load_outputs(out: Outputs, files: list[Path], prefix: str) -> None:
    from data_sources.errors import LoadError
    from data_sources.loader import load_path

    for path in files:
        name = f"{prefix}-{path.name}"
        try:
            result = load_path(path)
        except LoadError as err:
            out.put(f"{name}-error", str, err)
            continue
        out.put(f"{name}-posts", lambda frame: frame, result.posts)
        out.put(f"{name}-report", result.report.to_dict)


def _labelled_cases(size: int) -> dict[str, tuple[Any, list[dict[str, object]], Any]]:
    """(labelled posts, commitment rows, link overrides) per case, built without the classifier."""
    import numpy as np
    import polars as pl

    from bench.generate import DATA_DIR, commitment_rows
    from bench.metrics_speed import commitments as synthetic_commitments
    from bench.metrics_speed import labelled
    from data_sources.demo import demo_commitments, demo_posts

    topics = ["climate_environment", "gender_equality", "education", "lgbtq", "racial_justice"]
    cases: dict[str, tuple[Any, list[dict[str, object]], Any]] = {}
    labels = sorted((DATA_DIR / "runs" / str(size) / "pipeline" / "workspaces" / "bench" / "labels").glob("*.parquet"))
    if labels:
        posts = pl.concat([pl.read_parquet(p) for p in labels], how="diagonal_relaxed").unique(
            subset=["platform", "post_id"], keep="last", maintain_order=True
        )
        rows = [dict(r) for r in commitment_rows()]
        first = rows[0]
        rows.append({**first, "id": "keyworded", "title": "Keyworded", "keywords": ["donat", "school", "%"]})
        says = posts.filter(pl.col("type").is_in(["stance", "commitment_update"]))
        other_brand = says.filter(pl.col("brand") != first["brand"]).head(5)["post_id"].to_list()
        overrides = pl.DataFrame(
            {
                "post_id": [*other_brand, *says.head(3)["post_id"].to_list()],
                "commitment_id": [first["id"]] * len(other_brand) + [rows[1]["id"]] * 3,
                "linked": [True] * len(other_brand) + [False] * 3,
            }
        )
        cases["bench"] = (posts, rows, overrides)
    synthetic = labelled(size)
    cases["synthetic"] = (
        synthetic,
        [{**c, "announced_on": str(c["announced_on"])} for c in synthetic_commitments().to_dicts()],
        None,
    )
    rng = np.random.default_rng(7)
    demo = demo_posts()
    n = demo.height
    demo = demo.with_columns(
        pl.Series("type", rng.choice(["stance", "commitment_update", "promotional", "other"], size=n)),
        pl.Series("topics", [list(rng.choice(topics, size=rng.integers(0, 3))) for _ in range(n)]),
        pl.Series("specific", rng.random(n) < 0.5),
        pl.lit("model").alias("type_source"),
        pl.lit(0.8).alias("confidence"),
    )
    # The same post id on two platforms and for two brands: joins keyed on post_id alone meet twice.
    repeated = demo.head(300).with_columns(pl.lit("facebook").alias("platform"))
    stolen = demo.head(50).with_columns(pl.col("brand").reverse())
    demo = pl.concat([demo, repeated, stolen]).with_columns(
        pl.when(pl.int_range(pl.len()) % 97 == 0).then(None).otherwise(pl.col("specific")).alias("specific"),
        pl.when(pl.int_range(pl.len()) % 89 == 0).then(None).otherwise(pl.col("engagements")).alias("engagements"),
    )
    rows = demo_commitments()
    overrides = pl.DataFrame(
        {
            "post_id": demo.head(8)["post_id"].to_list(),
            "commitment_id": [str(rows[i % len(rows)]["id"]) for i in range(8)],
            "linked": [i % 3 != 0 for i in range(8)],
        }
    )
    cases["demo"] = (demo, rows, overrides)
    return cases


def _metric_outputs(out: Outputs, size: int) -> None:
    from data_sources import schema as S
    from metrics import consistency as C
    from metrics.commitments import link_posts, make_commitments, suggest_commitments

    for case, (posts, rows, overrides) in _labelled_cases(size).items():
        declared = make_commitments(rows)
        links = link_posts(posts, declared, overrides)
        out.put(f"{case}-link_posts", lambda frame: frame, links)
        first_brand = sorted(posts[S.BRAND].unique().to_list())[0]
        views = {
            "all": posts,
            "one-brand": C.apply_filters(posts, C.Filters(brands=(first_brand,))),
            "window": C.apply_filters(posts, C.Filters(start=date(2024, 1, 1), end=date(2024, 12, 31))),
        }
        for view, frame in views.items():
            key = f"{case}-{view}"
            in_view = links.join(frame.select(S.POST_ID), on=S.POST_ID, how="semi")
            status = C.commitment_status(frame, declared, in_view, as_of=AS_OF)
            out.put(f"{key}-commitment_status", lambda frame: frame, status)
            out.put(f"{key}-commitment_scores", C.commitment_scores, status, frame, in_view, as_of=AS_OF)
            out.put(f"{key}-brand_summary", C.brand_summary, frame, declared, in_view, as_of=AS_OF)
            out.put(f"{key}-brand_summary-given-status", _summary_given_status, frame, declared, in_view, status)
            out.put(f"{key}-say_do_trend", C.say_do_trend, frame)
        out.put(f"{case}-content_mix", C.content_mix, posts, every="1mo")
        out.put(f"{case}-content_mix-weekly", C.content_mix, posts, every="1w", by=(S.BRAND, S.PLATFORM))
        out.put(f"{case}-spikes_and_silence", C.spikes_and_silence, posts, as_of=AS_OF)
        out.put(f"{case}-cause_marketing", C.cause_marketing, posts)
        out.put(f"{case}-audience_response", C.audience_response, posts)
        out.put(f"{case}-engagement_rates", C.engagement_rates, posts)
        out.put(f"{case}-stance_follow_through", C.stance_follow_through, posts, links, as_of=AS_OF)
        out.put(f"{case}-follow_through", C.follow_through, posts, links, as_of=AS_OF)
        out.put(f"{case}-cheap_talk", C.cheap_talk, posts, links)
        out.put(f"{case}-specific_share", C.specific_share, posts)
        out.put(f"{case}-type_counts", C.type_counts, posts)
        for topic in ("climate_environment", "gender_equality"):
            out.put(f"{case}-event_aligned-{topic}", C.event_aligned, posts, topic)
        out.put(f"{case}-suggest_commitments", suggest_commitments, posts)
        out.put(f"{case}-labelled_posts", _reopened, posts, overrides)
        out.put(f"{case}-labelled_posts-some-columns", _reopened, posts, overrides, columns=SOME_COLUMNS)


def _summary_given_status(posts: Any, declared: Any, links: Any, status: Any) -> Any:
    """``brand_summary`` handed the commitments' status, as the Overview does (where it can be)."""
    from metrics.consistency import brand_summary

    try:
        return brand_summary(posts, declared, links, as_of=AS_OF, status=status)
    except TypeError:  # a version without the option
        return brand_summary(posts, declared, links, as_of=AS_OF)


#: Columns a page reads from the labels (``labelled_posts(..., columns=)``; an older version
#: reads them all and keeps these).
SOME_COLUMNS = ("post_id", "brand", "platform", "published_at", "type", "topics", "specific")


def _reopened(posts: Any, overrides: Any, columns: tuple[str, ...] | None = None) -> Any:
    """``labelled_posts`` on a workspace of two overlapping datasets with saved labels and corrections."""
    import polars as pl

    from data_sources import schema as S
    from data_sources.loader import LoadReport
    from data_sources.workspace import Workspace
    from metrics.pipeline import labelled_posts

    class Keyed:
        key = "same-output"

    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(folder, "check")
        half = posts.height // 2
        first = posts.head(half + posts.height // 10)
        second = posts.tail(posts.height - half).with_columns(pl.col(S.LIKES).fill_null(0) + 1)
        for part in (first, second):
            info = ws.add_dataset(S.conform(part), LoadReport(file="part", format="bench", format_label="bench"))
            ws.write_labels(info.id, Keyed.key, part)
        for row in posts.head(4).iter_rows(named=True):
            ws.correct(row[S.POST_ID], row[S.TEXT] or "", "other")
        if overrides is not None:
            for row in overrides.iter_rows(named=True):
                ws.set_link(row[S.POST_ID], row["commitment_id"], row["linked"])
        if columns is None:
            return labelled_posts(ws, Keyed())  # type: ignore[arg-type]
        try:
            return labelled_posts(ws, Keyed(), columns=columns)  # type: ignore[arg-type]
        except TypeError:  # a version without the option: what it would have read
            wanted = {*columns, S.PLATFORM, S.POST_ID, S.TYPE, "type_source"}
            full = labelled_posts(ws, Keyed())  # type: ignore[arg-type]
            return full.select(c for c in full.columns if c in wanted)


def emit(folder: Path, size: int, realdata: Path) -> None:
    """Write one version's outputs (the code imported is the first entry of ``sys.path``)."""
    import warnings

    import polars as pl

    from bench.generate import generate
    from data_sources.loader import load_many

    warnings.simplefilter("ignore")
    out = Outputs(folder)
    data = generate(size)
    _load_outputs(out, list(data.paths()), "bench")
    _load_outputs(out, sorted(p for p in realdata.glob("*") if p.is_file()), "realdata")
    _load_outputs(out, sorted(p for p in BAD_INPUTS.glob("*") if p.name != "manifest.toml"), "bad_inputs")

    def many() -> pl.DataFrame:
        posts, reports = load_many(list(data.paths()))
        (folder / "bench-load_many-reports.json").write_text(json.dumps(_jsonable([r.to_dict() for r in reports])))
        return posts

    out.put("bench-load_many-posts", many)
    _metric_outputs(out, size)


# --------------------------------------------------------------------------- compare


def compare(old: Path, new: Path) -> list[str]:
    """Every difference between two folders of outputs, in words."""
    import polars as pl
    from polars.testing import assert_frame_equal

    problems = []
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    for name in names:
        a, b = old / name, new / name
        if not a.exists() or not b.exists():
            problems.append(f"{name}: only in the {'new' if b.exists() else 'old'} version")
            continue
        if name.endswith(".parquet"):
            left, right = pl.read_parquet(a), pl.read_parquet(b)
            try:
                assert_frame_equal(left, right, check_exact=True)
            except AssertionError as err:
                try:
                    assert_frame_equal(left, right, check_exact=True, check_row_order=False)
                    problems.append(f"{name}: the same rows in another order")
                except AssertionError:
                    problems.append(f"{name}: {str(err).splitlines()[0]}")
            continue
        left, right = json.loads(a.read_text()), json.loads(b.read_text())
        if left != right:
            problems.append(f"{name}: {_difference(left, right)}")
    return problems


def _difference(left: Any, right: Any, where: str = "") -> str:
    """Where two JSON values first differ."""
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            if left.get(key) != right.get(key):
                return _difference(left.get(key), right.get(key), f"{where}.{key}")
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        for i, (x, y) in enumerate(zip(left, right, strict=True)):
            if x != y:
                return _difference(x, y, f"{where}[{i}]")
    shown = [json.dumps(value, ensure_ascii=False)[:400] for value in (left, right)]
    return f"{where or 'value'}: {shown[0]} != {shown[1]}"


def _run_version(code: Path, folder: Path, size: int, realdata: Path) -> None:
    from bench.generate import DATA_DIR

    env = {**os.environ, "PYTHONPATH": str(code), "FOLLOWTHROUGH_BENCH_DATA": str(DATA_DIR)}
    command = [sys.executable, str(Path(__file__).resolve()), "--emit", str(folder), "--code", str(code)]
    command += ["--size", str(size), "--realdata", str(realdata)]
    subprocess.run(command, check=True, env=env, cwd=code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="HEAD", help="the git revision to compare the working tree with")
    parser.add_argument("--size", type=int, default=SIZE, help="posts in the bench exports")
    parser.add_argument("--realdata", type=Path, default=REALDATA, help="a folder of real exports")
    parser.add_argument("--keep", type=Path, help="keep both versions' outputs in this folder")
    parser.add_argument("--emit", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.emit:
        sys.path.insert(0, str(args.code))
        emit(args.emit, args.size, args.realdata)
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        old_code = Path(tmp) / "code"
        old_code.mkdir()
        archive = subprocess.run(["git", "archive", args.ref], cwd=ROOT, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old_code, filter="data")
        _run_version(old_code, work / "old", args.size, args.realdata)
        _run_version(ROOT, work / "new", args.size, args.realdata)
        problems = compare(work / "old", work / "new")
        outputs = len(list((work / "new").iterdir()))
    if problems:
        print(f"{len(problems)} of {outputs} outputs differ from {args.ref}:")
        print("\n".join(f"  {p}" for p in problems))
        sys.exit(1)
    print(f"all {outputs} outputs are the same as {args.ref}'s")


if __name__ == "__main__":
    main()
