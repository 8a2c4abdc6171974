"""From a saved workspace to labelled posts, commitments and links: what every page reads.

Labels are cached beside each dataset, keyed by the model, so re-opening a workspace
reads Parquet instead of classifying again; a new model relabels once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from data_sources import schema as S
from data_sources.workspace import Workspace
from metrics.classify import Classifier, apply_corrections, classify_posts
from metrics.commitments import empty_commitments, link_posts, make_commitments

Progress = Callable[[float, str], None]


def labelled_posts(ws: Workspace, classifier: Classifier, *, progress: Progress | None = None) -> pl.DataFrame:
    """Every post of ``ws`` with its labels, people's corrections applied."""
    datasets = ws.datasets()
    frames = []
    for i, dataset in enumerate(datasets):
        model_key = classifier.key or "unkeyed"
        cached = ws.read_labels(dataset.id, model_key)
        if cached is not None:
            frames.append(cached)
            continue
        if progress:
            progress(i / max(len(datasets), 1), f"Classifying {dataset.name} ({dataset.rows:,} posts)…")
        labelled = classify_posts(ws.dataset_posts(dataset.id), classifier)
        ws.write_labels(dataset.id, model_key, labelled)
        frames.append(labelled)
    if progress:
        progress(1.0, "Ready")
    if not frames:
        return classify_posts(S.empty_posts(), classifier)
    posts = S.deduplicate(pl.concat(frames, how="diagonal_relaxed"))
    return apply_corrections(posts, ws.corrections())


@dataclass
class Accountability:
    """The commitments of a workspace and the posts linked to them."""

    commitments: pl.DataFrame
    links: pl.DataFrame


def workspace_commitments(ws: Workspace) -> pl.DataFrame:
    rows = ws.commitment_rows()
    return make_commitments(rows) if rows else empty_commitments()


def accountability(ws: Workspace, posts: pl.DataFrame) -> Accountability:
    commitments = workspace_commitments(ws)
    return Accountability(commitments, link_posts(posts, commitments, ws.link_overrides()))
