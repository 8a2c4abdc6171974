from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from metrics.features import CUE_NAMES, PostFeaturizer, char_ngrams, cue_matrix


def naive_char_counts(text: str, n: int) -> list[str]:
    padded = f" {text} "
    return [padded[i : i + n] for i in range(len(padded) - n + 1)]


@pytest.mark.parametrize(
    "text", ["abc", "Vi har plantet 5 000 trær", "نلتزم بالحياد", "हमने 40 केंद्र खोले", "🌈 pride", ""]
)
def test_char_ngrams_count_every_window_of_each_text_once(text: str) -> None:
    matrix = char_ngrams([text, "x"], (2, 3), 2**16)
    expected = len(naive_char_counts(text, 2)) + len(naive_char_counts(text, 3))
    assert matrix[0].sum() == expected
    assert matrix[1].sum() == len(naive_char_counts("x", 2)) + len(naive_char_counts("x", 3))


def test_same_ngram_hashes_to_same_column_in_any_text() -> None:
    a = char_ngrams(["pride"], (3, 3), 2**16)
    b = char_ngrams(["the pride parade"], (3, 3), 2**16)
    shared = set(a.indices) & set(b.indices)
    assert len(shared) >= 3  # "pri", "rid", "ide"


def test_cues_read_numbers_money_percentages_and_reports_in_several_scripts() -> None:
    cues = cue_matrix(
        pl.Series(["Vi har donert 2 millioner kroner", "Shop now: 20% off", "خصم ٣٠٪", "Read our 2024 impact report"])
    )
    col = {name: i for i, name in enumerate(CUE_NAMES)}
    assert cues[0, col["big_number"]] == 1 and cues[0, col["money"]] == 1
    assert cues[1, col["percent"]] == 1 and cues[1, col["money"]] == 0
    assert cues[2, col["percent"]] == 1
    assert cues[3, col["report"]] == 1 and cues[3, col["year"]] == 1


def test_featurizer_follows_estimator_conventions() -> None:
    featurizer = PostFeaturizer(n_features=2**10, word_weight=0.5)
    assert clone(featurizer).get_params()["word_weight"] == 0.5
    with pytest.raises(NotFittedError):
        featurizer.transform(["x"])
    assert featurizer.fit(["a b", "c"]) is featurizer
    X = featurizer.transform(["a b", "", None])
    assert X.shape == (3, 2 * 2**10 + len(CUE_NAMES))
    assert np.isfinite(X.data).all()
