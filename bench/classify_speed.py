"""How fast the classifier labels posts: `python -m bench.classify_speed [N]`.

Posts are drawn from the corpus with a unique suffix each (so nothing is deduplicated
away) plus 20% exact repeats (reposts and cross-posts, which are classified once).
Prints posts per second for our classifier and, on a slice, for the baseline a data
scientist would write first (char_wb 2-4 TF-IDF + LogisticRegression), measured in the
same process; then, separately, how long language detection takes on the same posts
when the export has no language column.

CPU seconds are printed beside wall-clock seconds: on a shared machine the wall clock
moves with the neighbours' load, the CPU time much less.
"""

from __future__ import annotations

import random
import sys
import time
import warnings

import polars as pl

from data_sources import schema as S
from metrics.classify import classify_posts, load_or_train
from metrics.corpus import load_corpus


def posts(n: int, seed: int = 0) -> pl.DataFrame:
    rng = random.Random(seed)
    texts = load_corpus()["text"].to_list()
    unique = [f"{rng.choice(texts)} #{i}" for i in range(int(n * 0.8))]
    repeats = [rng.choice(unique) for _ in range(n - len(unique))]
    return S.conform(pl.DataFrame({S.POST_ID: [str(i) for i in range(n)], S.TEXT: unique + repeats, S.LANG: "en"}))


def baseline_rate(sample: list[str], labels: list[str], train: list[str]) -> float:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)), LogisticRegression(max_iter=300))
    model.fit(train, labels)
    started = time.perf_counter()
    model.predict(sample)
    return len(sample) / (time.perf_counter() - started)


def main() -> None:
    warnings.simplefilter("ignore")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    classifier = load_or_train()
    frame = posts(n)
    started, cpu = time.perf_counter(), time.process_time()
    labelled = classify_posts(frame, classifier, detect_language=False)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    corpus = load_corpus()
    slice_ = frame[S.TEXT].head(50_000).to_list()
    base = baseline_rate(slice_, corpus["label"].to_list(), corpus["text"].to_list())
    print(
        f"classified {labelled.height:,} posts ({frame[S.TEXT].n_unique():,} distinct) in {seconds:.1f} s "
        f"({cpu_seconds:.1f} s of CPU)"
    )
    print(f"ours: {labelled.height / seconds:,.0f} posts/s; baseline char_wb TF-IDF + LR: {base:,.0f} posts/s (1 core)")
    print(f"ratio: {labelled.height / seconds / base:.1f}x")

    from metrics.language import detect_languages

    started, cpu = time.perf_counter(), time.process_time()
    langs = detect_languages(frame[S.TEXT])
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"language detection (no language column) on the same {n:,} posts: {seconds:.1f} s "
        f"({cpu_seconds:.1f} s of CPU), {langs.null_count():,} left unknown"
    )


if __name__ == "__main__":
    main()
