from __future__ import annotations

import re

import numpy as np
import polars as pl
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from metrics.features import (
    CUE_NAMES,
    FoldedLinear,
    PostFeaturizer,
    PreparedTexts,
    char_ngrams,
    cue_matrix,
    normalise,
    word_ngrams,
)


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


@pytest.mark.parametrize("text", ["plain ascii", "blåbær og ørret", "نلتزم بالحياد", "हमने 40 केंद्र खोले", "🏳️‍🌈 𝔘𝔫𝔦", ""])
def test_code_points_decode_utf8_like_python(text: str) -> None:
    from metrics.features import _code_points

    assert _code_points(pl.Series([text, "x"])).tolist() == [ord(c) for c in text + "x"]


def naive_char_hashes(text: str, lo: int, hi: int, n_features: int) -> list[int]:
    """FNV-1a of each n-gram's code points, position by position, none across a NUL."""
    padded = f" {text} "
    out = []
    for start in range(len(padded)):
        h = 2166136261
        for n in range(1, hi + 1):
            window = padded[start : start + n]
            if len(window) < n or "\x00" in window:
                break
            h = ((h ^ ord(window[-1])) * 16777619) & 0xFFFFFFFF
            if n >= lo:
                out.append((h ^ (n * 0x9E3779B1 & 0xFFFFFFFF)) & (n_features - 1))
    return out


@pytest.mark.parametrize("text", ["abc", "Vi har plantet 5 000 trær 🌍", "ab\x00cd", "\x00", "x\x00", ""])
def test_char_ngrams_hash_each_window_in_document_order(text: str) -> None:
    matrix = char_ngrams(["first", text, "last"], (1, 4), 2**16)
    assert matrix.indices[matrix.indptr[1] : matrix.indptr[2]].tolist() == naive_char_hashes(text, 1, 4, 2**16)
    assert matrix.indices[matrix.indptr[2] :].tolist() == naive_char_hashes("last", 1, 4, 2**16)


def test_normalise_folds_whitespace_and_may_skip_lower_casing() -> None:
    texts = pl.Series(["  RT @Acme:\t40 #Trees \n\n https://t.co/x1  ", "a \u00a0 b", "ΑΣ Σ", None])
    expected = ["rt @user : 00 trees ⟨url⟩", "a b", "ας σ", ""]
    assert normalise(texts).to_list() == expected
    assert normalise(texts.str.to_lowercase(), lowered=True).to_list() == expected


def test_word_ngrams_are_the_words_a_regex_finds_then_their_pairs() -> None:
    texts = pl.Series(["we plant ⟨url⟩ trees, 000 of them!", "", "one", "a  b", "—hi—there— you"])
    matrix = word_ngrams(texts, 2**20)
    for i, text in enumerate(texts.to_list()):
        words = re.findall(r"[\w#@⟨⟩]+", text)
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        hashed = (pl.Series(grams, dtype=pl.String).hash(seed=7) & (2**20 - 1)).to_list()
        assert matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]].tolist() == hashed


def test_folded_scores_equal_the_matrix_product() -> None:
    texts = ["We will plant 1 million trees by 2030 🌍", "", "Shop now! 20% off", "ab\x00cd", "نلتزم بالحياد الكربوني"]
    featurizer = PostFeaturizer(n_features=2**12, word_weight=0.7, cue_weight=0.5).fit(texts * 2 + ["other words"])
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(featurizer.n_features_out_, 3)).astype(np.float32)
    intercepts = np.array([0.1, -0.2, 0.3], dtype=np.float32)
    expected = featurizer.transform(texts) @ weights + intercepts
    folded = FoldedLinear(featurizer, weights, intercepts).scores(PreparedTexts.of(texts))
    assert np.allclose(folded, expected, rtol=1e-5, atol=1e-5)


def test_word_edge_cues_match_like_unicode_word_boundaries() -> None:
    boundary = {
        "report": r"\b(report|rapport|relazione|informe|bericht|relatório|verslag|rapor|laporan|esg|csr)\b|تقرير|रिपोर्ट",
        "money": r"[$€£¥₹₺]|\b(usd|eur|nok|sek|dkk|gbp|inr|aed|sar|kr|kroner|rupees?|reais|r\$|riyal|dirham|euro)\b|ريال|درهم|जनेह|रुपये",
        "year": r"\b20[0-5]\d\b",
    }
    texts = pl.Series(
        ["report", "reports", "xreport", "(report)", "esg-", "r$ 5", "r$x", "kr.", "krone", "2024a", "a2024",
         "(2024)", "٢2024", "2024é", "rapportér", "é2030", "_2030", "esg_", "10 usd", "usdt", "relatório!", ""]
    )  # fmt: skip
    cues = cue_matrix(texts)
    for name, pattern in boundary.items():
        expected = texts.str.to_lowercase().str.contains(pattern).to_numpy()
        assert (cues[:, CUE_NAMES.index(name)] == expected).all(), name


def test_languages_come_from_scripts_first_and_each_distinct_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import metrics.language as language

    asked: list[str] = []

    class Detector:
        def detect_languages_in_parallel_of(self, texts: list[str]) -> list[None]:
            asked.extend(texts)
            return [None] * len(texts)

    monkeypatch.setattr(language, "_detector", lambda high_accuracy: Detector())
    texts = pl.Series(
        ["مرحبا بالعالم كله", "नमस्ते दुनिया", "Hello there, my dear friends!", "Hello there, my dear friends!",
         "Hello there,   my dear friends https://x.co/1 #tag @who", "a 😀 b", None, "Привет мир", "ok"]
    )  # fmt: skip
    found = language.detect_languages(texts)
    assert found.to_list()[:2] == ["ar", "hi"] and found[7] == "ru"
    assert asked == ["Hello there my dear friends"]  # one letters-only text, however often it appears
    assert language.script_language(pl.Series(["ab مر", "ab مرح"])).to_list() == [
        None,
        "ar",
    ]  # three letters of a script


def test_topic_clues_find_every_text_a_topic_pattern_matches() -> None:
    from metrics.corpus import load_corpus
    from metrics.topics import _FAST_PATTERNS, topic_matches

    lower = pl.concat(
        [
            load_corpus()["text"],
            pl.Series(["colour of people", "people of color", "anti racism", "antiracist", "Trees!"]),
        ]
    ).str.to_lowercase()
    searched = pl.DataFrame({"t": lower}).select(
        pl.col("t").str.contains(p).alias(t) for t, p in _FAST_PATTERNS.items()
    )
    assert searched.to_numpy().any(axis=0).all()  # every topic occurs
    assert (topic_matches(lower) == searched.to_numpy()).all()
