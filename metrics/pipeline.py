"""From a saved workspace to labelled posts, commitments and links: what every page reads.

Labels are cached beside each dataset, keyed by the model, so re-opening a workspace
reads Parquet instead of classifying again; a new model relabels once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import polars as pl

from data_sources import schema as S
from data_sources.workspace import Workspace
from followthrough.i18n import _, format_number, ngettext
from metrics.classify import Classifier, apply_corrections, classify_posts
from metrics.commitments import empty_commitments, link_posts, make_commitments

Progress = Callable[[float, str], None]


def labelled_posts(
    ws: Workspace,
    classifier: Classifier | Callable[[], Classifier],
    *,
    key: str | None = None,
    progress: Progress | None = None,
    columns: Collection[str] | None = None,
) -> pl.DataFrame:
    """Every post of ``ws`` with its labels, people's corrections applied.

    ``classifier`` may be a function that returns it, given with its ``key``: it is called
    only when a dataset has no saved labels, so re-opening a classified workspace does not
    load the model. ``columns`` keeps only those (and the ones that identify and correct a
    post): a page that needs a few columns does not read the texts of a million posts.
    """

    def model() -> Classifier:
        return classifier() if callable(classifier) else classifier

    wanted = None if columns is None else {*columns, S.PLATFORM, S.POST_ID, S.TYPE, "type_source"}
    datasets = ws.datasets()
    frames = []
    for i, dataset in enumerate(datasets):
        model_key = (key if key is not None else model().key) or "unkeyed"
        cached = ws.read_labels(dataset.id, model_key, columns=wanted)
        if cached is not None:
            frames.append(cached)
            continue
        if progress:
            progress(
                i / max(len(datasets), 1),
                ngettext("Classifying {name} ({n} post)…", "Classifying {name} ({n} posts)…", dataset.rows).format(
                    name=dataset.name, n=format_number(dataset.rows)
                ),
            )
        labelled = classify_posts(ws.dataset_posts(dataset.id), model())
        ws.write_labels(dataset.id, model_key, labelled)
        frames.append(labelled if wanted is None else labelled.select(c for c in labelled.columns if c in wanted))
    if progress:
        progress(1.0, _("Ready"))
    if not frames:
        return classify_posts(S.empty_posts(), model())
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
