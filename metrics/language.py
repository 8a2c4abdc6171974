"""Which language a post is written in, when the export does not say.

Three steps, cheapest first, each distinct text examined once:

1. scripts that belong to one language family are read from Unicode ranges (Arabic,
   Devanagari, Thai, Hangul, kana, Han, Cyrillic, Greek, Hebrew);
2. a Latin-script text is named by :class:`LanguageHead`, a linear model on the hashed
   character trigrams and words the post classifier computes anyway, when it is sure;
3. the rest go to lingua, restricted to the languages brands in our markets post in.

Texts with too few letters to tell (a link, a hashtag, "ok") stay unknown (null).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl
import scipy.sparse as sp
from scipy.special import expit

from metrics.features import HashedTexts, PreparedTexts

#: Latin-script languages lingua chooses between (ISO 639-1).
LATIN_CANDIDATES: tuple[str, ...] = (
    "en", "nb", "sv", "da", "it", "es", "fr", "de", "pt", "nl", "tr", "id", "pl", "fi", "ro",
)  # fmt: skip

_SCRIPTS: tuple[tuple[str, str], ...] = (
    (r"[\x{0600}-\x{06FF}\x{0750}-\x{077F}]", "ar"),
    (r"[\x{0900}-\x{097F}]", "hi"),
    (r"[\x{0E00}-\x{0E7F}]", "th"),
    (r"[\x{AC00}-\x{D7AF}]", "ko"),
    (r"[\x{3040}-\x{30FF}]", "ja"),
    (r"[\x{4E00}-\x{9FFF}]", "zh"),
    (r"[\x{0400}-\x{04FF}]", "ru"),
    (r"[\x{0370}-\x{03FF}]", "el"),
    (r"[\x{0590}-\x{05FF}]", "he"),
)
_MIN_LETTERS = 12
_BATCH = 50_000  # distinct texts per batch when reading scripts and letters

#: Above this many distinct Latin-script texts, lingua's low-accuracy mode is used: alone, on
#: the corpus's Latin-script posts, it is right 97.4% of the time against 98.5%, at a fifth
#: of the cost and without the 6 s it takes to load the high-accuracy models.
HIGH_ACCURACY_LIMIT = 20_000


@lru_cache(maxsize=2)
def _detector(high_accuracy: bool) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LATIN_CANDIDATES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return (builder if high_accuracy else builder.with_low_accuracy_mode()).build()


_ANY_SCRIPT = "[" + "".join(pattern[1:-1] for pattern, _ in _SCRIPTS) + "]"
_LINKS_AND_TAGS = r"https?://\S+|[@#]\w+"
# After links, mentions and hashtags are blanked, every run of non-letters becomes one space:
# the runs that are not a lone space already (a tenth of them) are the only ones replaced.
_NOT_LETTERS = r"[^\p{L}]*[^\p{L} ][^\p{L}]*| {2,}"
# Twelve ASCII letters are twelve letters: a test the regex engine answers without its slow
# Unicode path, and usually within the first words.
_ENOUGH_ASCII_LETTERS = rf"(?:[^a-zA-Z]*[a-zA-Z]){{{_MIN_LETTERS}}}"


def script_language(texts: pl.Series) -> pl.Series:
    """The language implied by a text's non-Latin script, or null for Latin-script text.

    Only the texts with a character of one of those scripts are counted script by script.

    >>> script_language(pl.Series(["Hello there", "مرحبا بالعالم"])).to_list()
    [None, 'ar']
    """
    texts = texts.fill_null("")
    candidates = np.flatnonzero(texts.str.contains(_ANY_SCRIPT).to_numpy())
    expr = pl.lit(None, dtype=pl.String)
    for pattern, code in reversed(_SCRIPTS):
        expr = pl.when(pl.col("t").str.count_matches(pattern) >= 3).then(pl.lit(code)).otherwise(expr)
    found = pl.DataFrame({"t": texts.gather(candidates)}).select(expr.alias("lang")).to_series()
    return pl.repeat(None, len(texts), dtype=pl.String, eager=True).alias("lang").scatter(candidates, found)


def _squeezed(blanked: pl.Series) -> pl.Series:
    return blanked.str.replace_all(_NOT_LETTERS, " ").str.strip_chars()


def _letters(texts: pl.Series) -> pl.Series:
    """The letters of each text, words separated by one space (links, mentions, hashtags out)."""
    return _squeezed(texts.str.replace_all(_LINKS_AND_TAGS, " "))


def _long_enough(texts: pl.Series) -> pl.Series:
    """Whether each text has :data:`_MIN_LETTERS` characters of :func:`_letters` or more.

    Most texts show twelve ASCII letters outside links and tags; only the others are
    reduced to their letters and measured.
    """
    blanked = texts.str.replace_all(_LINKS_AND_TAGS, " ")
    long = blanked.str.contains(_ENOUGH_ASCII_LETTERS)
    unsure = np.flatnonzero(~long.to_numpy())
    measured = _squeezed(blanked.gather(unsure)).str.len_chars() >= _MIN_LETTERS
    return long.scatter(unsure, measured)


def _script_and_length(texts: pl.Series) -> pl.DataFrame:
    """Each text's script language, and for the Latin-script ones whether they are long enough."""
    script = script_language(texts)
    latin = np.flatnonzero(script.is_null().to_numpy())
    long = pl.repeat(False, len(texts), eager=True).scatter(latin, _long_enough(texts.gather(latin)))
    return pl.DataFrame({"script": script, "long": long})


def detect_languages(texts: pl.Series, *, guesses: pl.Series | None = None) -> pl.Series:
    """An ISO 639-1 code per text (null when there is too little text to tell).

    ``guesses`` holds, for each text, the language :class:`LanguageHead` is sure of (null
    where it is not, and the same for identical texts): a Latin-script text with a guess
    takes it, one without goes to lingua. With no ``guesses``, lingua reads every
    Latin-script text. Each distinct text is examined once (in batches, on every core),
    and lingua sees each distinct letters-only text once.

    >>> detect_languages(pl.Series(["Vi har plantet tusen trær langs elva i år", "नमस्ते दुनिया आप सभी को"])).to_list()
    ['nb', 'hi']
    """
    texts = texts.cast(pl.String).fill_null("")
    if guesses is None:
        guesses = pl.repeat(None, len(texts), dtype=pl.String, eager=True)
    distinct = pl.DataFrame({"t": texts, "guess": guesses.cast(pl.String)}).unique("t", maintain_order=True)
    batches = [distinct["t"].slice(i, _BATCH) for i in range(0, max(distinct.height, 1), _BATCH)]
    with ThreadPoolExecutor(min(len(batches), os.cpu_count() or 1)) as pool:
        read = pl.concat(list(pool.map(_script_and_length, batches)))
    latin = read["script"].is_null() & read["long"]
    langs = read["script"].fill_null(distinct["guess"].set(~latin, None)).alias("lang")
    asked = np.flatnonzero((latin & distinct["guess"].is_null()).to_numpy())
    if len(asked):
        clean = _letters(distinct["t"].gather(asked)).alias("clean")
        todo = clean.unique(maintain_order=True)
        detector = _detector(latin.sum() <= HIGH_ACCURACY_LIMIT)
        found = detector.detect_languages_in_parallel_of(todo.to_list())
        codes = pl.Series("detected", [x.iso_code_639_1.name.lower() if x is not None else None for x in found])
        detected = clean.to_frame().join(pl.DataFrame([todo, codes]), on="clean", how="left", maintain_order="left")
        langs = langs.scatter(asked, detected["detected"].cast(pl.String))
    if distinct.height == len(texts):  # the texts were distinct already, and in this order
        return langs
    found_langs = distinct.select("t", langs)
    return texts.to_frame("t").join(found_langs, on="t", how="left", maintain_order="left")["lang"]


# --------------------------------------------------------------------------- the head

_TRIGRAMS = 3  # the character n-grams the head reads (the classifier hashes 1- to 4-grams)
# Trigrams are folded into this many buckets: a weight table that stays in the CPU's cache
# reads them twice as fast, and is as accurate on held-out posts.
_TRIGRAM_BUCKETS = 2**16


class LanguageHead:
    """Which Latin-script language a text is in: a linear model (SGD, logistic loss) on the
    hashed character trigrams and words of :class:`metrics.features.PostFeaturizer`, so
    naming the language costs the classifier two small products, not another pass.

    It answers only when sure: its probability is at least ``threshold`` and at least
    ``min_coverage`` of the text's words occur in its training texts of that language. The
    second test is what sends languages it never saw (Polish, Finnish, Romanian are
    lingua candidates but not in the corpus) to lingua: their words are new.

    Cross-validated on the corpus's Latin-script posts (romanised Hindi aside), detection
    with the head is right 98.2% of the time with lingua's high-accuracy mode behind it and
    98.0% with the low one (lingua alone: 98.5% and 97.4%); 2% of the posts go to lingua.
    Romanised Hindi, which lingua cannot name, is ``hi`` when the head is sure (two in three).

    >>> head = LanguageHead(n_features=2**12).fit(
    ...     ["we plant trees in the city", "vi planter trær i byen", "vi planterer træer i byen"] * 5,
    ...     ["en", "nb", "da"] * 5,
    ... )
    >>> head.guess_texts(["we plant trees in the city", "zzz qqq"]).to_list()
    ['en', None]
    """

    def __init__(
        self, *, n_features: int = 2**18, threshold: float = 0.6, min_coverage: float = 0.4, alpha: float = 1e-5
    ) -> None:
        self.n_features = n_features
        self.threshold = threshold
        self.min_coverage = min_coverage
        self.alpha = alpha

    def fit(self, texts: Sequence[str] | pl.Series, languages: Sequence[str] | pl.Series) -> LanguageHead:
        """Learn from the ``texts`` it would be asked about: Latin-script ones with enough letters
        to tell (so romanised Hindi is learnt as ``hi``, and a bare link is left out)."""
        from sklearn.linear_model import SGDClassifier

        frame = pl.DataFrame(
            {"t": pl.Series(list(texts), dtype=pl.String), "lang": pl.Series(list(languages), dtype=pl.String)}
        ).filter(pl.col("lang").is_not_null())
        read = _script_and_length(frame["t"])
        frame = frame.filter(read["script"].is_null() & read["long"])
        if frame["lang"].n_unique() < 2:
            raise ValueError("a language head needs Latin-script texts in at least two languages")
        hashed = HashedTexts.of(PreparedTexts.of(frame["t"]).normalised, (_TRIGRAMS, _TRIGRAMS), self.n_features)
        model = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=30, tol=None, random_state=0, n_jobs=-1)
        model.fit(self._design(hashed), frame["lang"].to_numpy())
        self.languages_: list[str] = [str(c) for c in model.classes_]
        if len(self.languages_) > 32:
            raise ValueError("a language head tells at most 32 languages apart")
        weights = np.ascontiguousarray(model.coef_.T, dtype=np.float32)
        buckets = self._buckets()
        self.char_weights_ = np.ascontiguousarray(weights[:buckets])
        self.word_weights_ = np.ascontiguousarray(weights[buckets:])
        self.intercepts_ = model.intercept_.astype(np.float32)
        # Bit i of a word's entry: the word occurs in a training text of languages_[i].
        vocabulary = np.zeros(self.n_features, dtype=np.uint32)
        codes = np.searchsorted(self.languages_, frame["lang"].to_numpy()).astype(np.uint32)
        np.bitwise_or.at(vocabulary, hashed.unigrams.indices, np.uint32(1) << np.repeat(codes, hashed.word_counts))
        self.vocabulary_ = vocabulary
        return self

    def _buckets(self) -> int:
        return min(self.n_features, _TRIGRAM_BUCKETS)

    def _trigrams(self, hashed: HashedTexts) -> sp.csr_matrix:
        """Each text's trigram counts, folded into :data:`_TRIGRAM_BUCKETS` columns (the
        n-grams past a text's end fall in the first, in training as in use)."""
        trigrams = hashed.chars[_TRIGRAMS]
        folded = trigrams.indices & np.int32(self._buckets() - 1)
        return sp.csr_matrix((trigrams.data, folded, trigrams.indptr), shape=(trigrams.shape[0], self._buckets()))

    def _scales(self, hashed: HashedTexts) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Each text's trigrams and words are divided by the square root of their number, so
        the evidence, and the head's certainty, grows with the text."""
        trigrams = np.maximum(hashed.positions - _TRIGRAMS, 1)
        words = np.maximum(hashed.word_counts, 1)
        return (1 / np.sqrt(trigrams)).astype(np.float32), (1 / np.sqrt(words)).astype(np.float32)

    def _design(self, hashed: HashedTexts) -> sp.csr_matrix:
        char_scale, word_scale = self._scales(hashed)
        trigrams, words = self._trigrams(hashed), hashed.unigrams.copy()
        trigrams.data = np.repeat(char_scale, np.diff(trigrams.indptr))
        words.data = np.repeat(word_scale, np.diff(words.indptr))
        design = sp.hstack([trigrams, words], format="csr")
        design.sum_duplicates()
        return design

    def assess(self, hashed: HashedTexts) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32], npt.NDArray[Any]]:
        """Per text: the likeliest language (an index into ``languages_``), its probability
        (one-vs-rest, normalised as ``SGDClassifier.predict_proba``), and the share of the
        text's words seen in that language's training texts."""
        char_scale, word_scale = self._scales(hashed)
        scores = np.asarray(self._trigrams(hashed) @ self.char_weights_) * char_scale[:, None]
        scores += np.asarray(hashed.unigrams @ self.word_weights_) * word_scale[:, None]
        scores += self.intercepts_
        proba = expit(scores)
        proba /= proba.sum(axis=1, keepdims=True)
        best = proba.argmax(axis=1)
        rows = np.repeat(np.arange(len(best)), hashed.word_counts)
        seen = (self.vocabulary_[hashed.unigrams.indices] >> best[rows].astype(np.uint32)) & 1
        coverage = np.bincount(rows, weights=seen, minlength=len(best)) / np.maximum(hashed.word_counts, 1)
        return best, proba.max(axis=1), coverage

    def guess(self, hashed: HashedTexts) -> pl.Series:
        """The language of each text the head is sure of, null for the others."""
        best, probability, coverage = self.assess(hashed)
        sure = (probability >= self.threshold) & (coverage >= self.min_coverage)
        guesses = pl.Series("lang_guess", self.languages_, dtype=pl.String).gather(best)
        return guesses.set(pl.Series(~sure), None)

    def guess_texts(self, texts: Sequence[str] | pl.Series) -> pl.Series:
        """:meth:`guess` for texts not hashed yet."""
        normalised = PreparedTexts.of(texts).normalised
        return self.guess(HashedTexts.of(normalised, (_TRIGRAMS, _TRIGRAMS), self.n_features))
