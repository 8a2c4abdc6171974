"""How good the classifier is: cross-validation, per language, leave-one-language-out, gold sets.

Used by ``followthrough model-card``, which writes ``docs/model-card.md``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl
from sklearn.model_selection import StratifiedKFold

from data_sources import schema as S
from metrics.classify import evaluate_predictions, fit_type_pipeline

Progress = Callable[[str], None]


def _fit_predict(train_texts: list[str], train_labels: list[str], test_texts: list[str]) -> list[str]:
    """The type model trained exactly as the served one (with decorated copies), then applied."""
    pipeline = fit_type_pipeline(train_texts, train_labels)
    return [str(p) for p in pipeline.predict(test_texts)]


def cross_validate(corpus: pl.DataFrame, *, folds: int = 5, progress: Progress | None = None) -> dict[str, Any]:
    """Stratified k-fold predictions for every corpus post; scores overall and per language."""
    texts = corpus["text"].to_list()
    labels = corpus["label"].to_list()
    predicted = np.empty(len(texts), dtype=object)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for i, (train_idx, test_idx) in enumerate(splitter.split(texts, labels), start=1):
        if progress:
            progress(f"cross-validation fold {i} of {folds}")
        predicted[test_idx] = _fit_predict(
            [texts[j] for j in train_idx], [labels[j] for j in train_idx], [texts[j] for j in test_idx]
        )
    result = evaluate_predictions(labels, predicted.tolist())
    langs = corpus["lang"].to_numpy()
    result["by_language"] = {
        lang: {
            "macro_f1": evaluate_predictions(
                [labels[j] for j in np.flatnonzero(langs == lang)], predicted[langs == lang].tolist()
            )["macro_f1"],
            "posts": int((langs == lang).sum()),
        }
        for lang in sorted(set(langs.tolist()))
    }
    return result


def leave_one_language_out(
    corpus: pl.DataFrame, *, languages: list[str] | None = None, progress: Progress | None = None
) -> dict[str, dict[str, float | int]]:
    """Train without a language, test on it: how the model does on a language it never saw."""
    out: dict[str, dict[str, float | int]] = {}
    langs = languages or sorted(corpus["lang"].unique().to_list())
    for lang in langs:
        if progress:
            progress(f"leave-one-language-out: {lang}")
        train = corpus.filter(pl.col("lang") != lang)
        test = corpus.filter(pl.col("lang") == lang)
        predicted = _fit_predict(train["text"].to_list(), train["label"].to_list(), test["text"].to_list())
        scores = evaluate_predictions(test["label"].to_list(), predicted)
        out[lang] = {"macro_f1": scores["macro_f1"], "posts": test.height}
    return out


def evaluate_gold(gold: pl.DataFrame, classifier: Any) -> dict[str, Any]:
    """Scores of a trained classifier on posts labelled by people (``type`` holds the label)."""
    predicted = classifier.predict_texts(gold[S.TEXT].fill_null("").to_list())[S.TYPE].to_list()
    result = evaluate_predictions(gold[S.TYPE].to_list(), predicted)
    langs = gold[S.LANG].fill_null("unknown").to_numpy()
    result["by_language"] = {
        lang: {
            "macro_f1": evaluate_predictions(
                gold[S.TYPE].filter(langs == lang).to_list(),
                [p for p, m in zip(predicted, langs == lang, strict=True) if m],
            )["macro_f1"],
            "posts": int((langs == lang).sum()),
        }
        for lang in sorted(set(langs.tolist()))
    }
    result["mistakes"] = [
        {"lang": lang, "gold": g, "predicted": p, "text": t}
        for t, g, p, lang in zip(gold[S.TEXT].to_list(), gold[S.TYPE].to_list(), predicted, langs.tolist(), strict=True)
        if g != p
    ]
    return result


def timed_training(progress: Progress | None = None) -> tuple[Any, float]:
    from metrics.classify import train

    if progress:
        progress("training the full classifier")
    started = time.perf_counter()
    classifier = train()
    return classifier, time.perf_counter() - started
