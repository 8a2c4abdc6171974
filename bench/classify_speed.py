"""How fast the classifier labels posts: `python -m bench.classify_speed [N] [--lingua] [--accuracy]`.

Posts are drawn from the corpus with a unique suffix each (so nothing is deduplicated
away) plus 20% exact repeats (reposts and cross-posts, which are classified once).
Prints posts per second for our classifier and, on a slice, for the baseline a data
scientist would write first (char_wb 2-4 TF-IDF + LogisticRegression), measured in the
same process.

Then language detection, on the posts of the benchmark's exports (``bench.generate``: texts
from the corpus and the demo, each original with a place, a link or a signature) with
their language column emptied: classification with detection, split into the model's pass
(with the language head) and the rest, and how many texts went to lingua. ``--lingua``
also times detection as it was before the language head (lingua reads every Latin-script
text) in the same process, for the ratio; it takes minutes at a million posts.

``--accuracy`` prints, instead, how often language detection names the language a post was
written in, with the language head and without it (lingua alone, in both its modes):
cross-validated on the corpus (the head trained on the other folds) and on the gold files
(the head trained on the whole corpus; the gold files are never trained on).

CPU seconds are printed beside wall-clock seconds: on a shared machine the wall clock
moves with the neighbours' load, the CPU time much less.
"""

from __future__ import annotations

import argparse
import os
import random
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


class Clock:
    """Wall and CPU seconds of a block, and of named calls made inside it."""

    def __init__(self) -> None:
        self.calls: dict[str, tuple[float, float]] = {}

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            wall, used = self.calls.get(name, (0.0, 0.0))
            self.calls[name] = (wall + time.perf_counter() - started, used + time.process_time() - cpu)

    @contextmanager
    def wrapping(self, module: Any, *names: str) -> Iterator[None]:
        originals = {name: getattr(module, name) for name in names}

        def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                with self.timing(name):
                    return function(*args, **kwargs)

            return call

        for name, function in originals.items():
            setattr(module, name, timed(name, function))
        try:
            yield
        finally:
            for name, function in originals.items():
                setattr(module, name, function)

    def show(self, name: str) -> str:
        wall, cpu = self.calls.get(name, (0.0, 0.0))
        return f"{wall:.1f} s ({cpu:.1f} s of CPU)"


def language_posts(n: int) -> tuple[pl.DataFrame, pl.Series]:
    """The benchmark's posts without their language, and the language they were drawn in."""
    from bench.generate import posts_table

    table = posts_table(n)
    return S.conform(pl.DataFrame({S.POST_ID: [str(i) for i in range(n)], S.TEXT: table["text"]})), table["lang"]


@contextmanager
def counting_lingua() -> Iterator[list[int]]:
    """The number of texts each call hands to lingua."""
    import metrics.language as language_module

    asked: list[int] = []
    detector = language_module._detector

    class Counting:
        def __init__(self, high_accuracy: bool) -> None:
            self.inner = detector(high_accuracy)

        def detect_languages_in_parallel_of(self, texts: list[str]) -> list[Any]:
            asked.append(len(texts))
            return list(self.inner.detect_languages_in_parallel_of(texts))

    language_module._detector = Counting  # type: ignore[assignment]
    try:
        yield asked
    finally:
        language_module._detector = detector


def language_speed(n: int, classifier: Any, *, compare_lingua: bool) -> None:
    import metrics.classify as classify_module
    import metrics.language as language_module

    frame, truth = language_posts(n)
    clock = Clock()
    with (
        counting_lingua() as asked,
        clock.wrapping(classify_module, "_predict_many"),
        clock.wrapping(language_module, "detect_languages"),
        clock.timing("classify"),
    ):
        langs = classify_posts(frame, classifier)[S.LANG]
    print(
        f"\nclassified {n:,} posts ({frame[S.TEXT].n_unique():,} distinct, language column empty) "
        f"in {clock.show('classify')}, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  model pass, language head included: {clock.show('_predict_many')}")
    print(f"  detect_languages: {clock.show('detect_languages')}; {sum(asked):,} distinct texts went to lingua")
    print(f"  the generator's language: {langs.eq_missing(truth).mean():.2%} of posts")
    if not compare_lingua:
        return
    with clock.timing("before"):
        with clock.timing("before: model"):
            classify_posts(frame, classifier, detect_language=False)
        with clock.timing("before: lingua"):
            lingua = language_module.detect_languages(frame[S.TEXT])
    print(
        f"the same, as before the language head (the model, then lingua on every Latin-script text): "
        f"{clock.show('before')}, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  model pass: {clock.show('before: model')}; detect_languages: {clock.show('before: lingua')}")
    print(f"  the generator's language: {lingua.eq_missing(truth).mean():.2%} of posts")
    print(f"  the two agree on {langs.eq_missing(lingua).mean():.2%} of posts")
    ratio = clock.calls["before"][0] / clock.calls["classify"][0]
    detection = clock.calls["before: lingua"][0] / clock.calls["detect_languages"][0]
    print(f"  with the head: classifying {ratio:.1f}x faster, detecting the language {detection:.0f}x faster")


GOLD_FILES = sorted((Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold").glob("*.csv"))


def language_accuracy(folds: int = 5) -> None:
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    import metrics.language as language_module

    corpus = load_corpus().select("text", "lang")
    splits = StratifiedKFold(folds, shuffle=True, random_state=0).split(np.zeros(corpus.height), corpus["lang"])
    held_out = []
    for train, test in splits:
        head = language_module.LanguageHead().fit(corpus["text"].gather(train), corpus["lang"].gather(train))
        held_out.append(corpus[test].with_columns(head.guess_texts(corpus["text"].gather(test)).alias("guess")))
    sets = {f"corpus, {folds}-fold": pl.concat(held_out)}
    head = language_module.LanguageHead().fit(corpus["text"], corpus["lang"])
    for path in GOLD_FILES:
        gold = pl.read_csv(path).select("text", "lang")
        sets[path.name] = gold.with_columns(head.guess_texts(gold["text"]).alias("guess"))

    limit = language_module.HIGH_ACCURACY_LIMIT
    print("language detection: share of posts given the language they were written in")
    print("(Latin script: posts without Arabic, Devanagari... letters; too little text to tell counts as wrong)")
    for name, frame in sets.items():
        latin = language_module.script_language(frame["text"]).is_null() & (frame["lang"] != "ar")
        romanised_hindi = latin & (frame["lang"] == "hi")
        answers = {}
        for mode, forced in (("high", 10**9), ("low", 0)):  # lingua's mode, whatever the number of texts
            language_module.HIGH_ACCURACY_LIMIT = forced
            try:
                with counting_lingua() as asked:
                    answers[f"head + lingua {mode}"] = language_module.detect_languages(
                        frame["text"], guesses=frame["guess"]
                    )
                answers[f"lingua {mode} alone"] = language_module.detect_languages(frame["text"])
            finally:
                language_module.HIGH_ACCURACY_LIMIT = limit
        print(f"\n{name}: {latin.sum():,} Latin-script posts, {romanised_hindi.sum()} of them romanised Hindi")
        print(f"  {sum(asked):,} posts ({sum(asked) / latin.sum():.1%}) went to lingua with the head")
        for label, found in answers.items():
            right = found.eq_missing(frame["lang"])
            agree = found.eq_missing(answers["lingua high alone"])
            print(
                f"  {label:<20} Latin {right.filter(latin).mean():.2%}, without romanised Hindi "
                f"{right.filter(latin & ~romanised_hindi).mean():.2%}, every post {right.mean():.2%}; "
                f"agrees with lingua high on {agree.filter(latin).mean():.2%} of Latin-script posts "
                f"({agree.filter(latin & ~romanised_hindi).mean():.2%} without romanised Hindi)"
            )


def main() -> None:
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000, help="posts")
    parser.add_argument("--lingua", action="store_true", help="also time detection without the language head")
    parser.add_argument("--accuracy", action="store_true", help="language detection accuracy, not speed")
    args = parser.parse_args()
    if args.accuracy:
        language_accuracy()
        return
    n = args.n
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
    language_speed(n, classifier, compare_lingua=args.lingua)


if __name__ == "__main__":
    main()
