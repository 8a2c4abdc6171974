"""The training corpus written for this project: labelled brand posts in many languages.

Each ``metrics/corpus/*.jsonl`` line is one post::

    {"text": ..., "label": "stance", "lang": "nb", "topics": ["climate_environment"],
     "specific": true, "industry": "energy", "platform": "linkedin"}
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from data_sources.schema import POST_TYPES

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"

TOPICS: tuple[str, ...] = (
    "racial_justice",
    "lgbtq",
    "gender_equality",
    "diversity_inclusion",
    "climate_environment",
    "community_poverty",
    "health",
    "human_rights",
    "civic_voting",
    "disability",
    "education",
)

_CORPUS_TYPES: dict[str, pl.DataType] = {
    "text": pl.String(),
    "label": pl.String(),
    "lang": pl.String(),
    "topics": pl.List(pl.String()),
    "specific": pl.Boolean(),
    "industry": pl.String(),
    "platform": pl.String(),
}
CORPUS_SCHEMA = pl.Schema(_CORPUS_TYPES)


def corpus_files(directory: Path = CORPUS_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def load_corpus(directory: Path = CORPUS_DIR) -> pl.DataFrame:
    """Every labelled post, de-duplicated on text, with the file it came from.

    >>> corpus = load_corpus()
    >>> set(corpus["label"].unique()) == {"stance", "commitment_update", "promotional", "other"}
    True
    """
    frames = [
        pl.read_ndjson(path, schema=CORPUS_SCHEMA).with_columns(pl.lit(path.stem).alias("file"))
        for path in corpus_files(directory)
    ]
    corpus = pl.concat(frames).filter(pl.col("label").is_in(POST_TYPES) & (pl.col("text").str.len_chars() > 0))
    return corpus.unique("text", keep="first", maintain_order=True)


def corpus_digest(directory: Path = CORPUS_DIR) -> str:
    """A fingerprint of the corpus files, for keying cached models."""
    digest = hashlib.sha256()
    for path in corpus_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
