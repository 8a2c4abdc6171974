"""Features of a post's text that carry across languages and scripts, computed in bulk.

Three families, hashed into one sparse space:

* character n-grams of the normalised text (any script, no tokeniser needed), hashed
  with vectorised FNV-1a over Unicode code points in NumPy;
* word unigrams and bigrams (polars' Rust tokeniser and hash);
* cue features: numbers, large amounts, money, percentages, years, links, report words,
  mentions, hashtags, retweet and reply markers, length and emoji.

Rows are built directly in CSR form without sorting or summing duplicates: a linear
model needs only ``X @ W``, which is the same either way, so a million posts cost a few
seconds instead of a minute. :class:`FoldedLinear` goes one step further for prediction:
it computes ``X @ W`` without building ``X`` at all.

Every step here releases the GIL for its heavy work (polars, NumPy, scipy), so callers
can run batches of texts on several threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

_FNV_PRIME = np.uint32(16777619)
_FNV_OFFSET = 2166136261
CHUNK = 20_000

# Cheap surface cues. Tense and call-to-buy word lists in twelve languages were tried as
# well and dropped: they moved neither cross-validated nor held-out macro-F1 (0.894 with,
# 0.888-0.901 without) and cost a quarter of prediction time; the n-grams carry them.
# Word edges are written ``(?:^|\W)...(?:$|\W)`` rather than ``\b``: the same matches for
# words that begin and end with a word character, without the regex engine's slow Unicode
# path (``r$`` is left out of ``money`` because its ``$`` already matches on its own).
_NUMERIC: dict[str, str] = {
    "number": r"\d",
    # No \b after a digit: it forces the slow Unicode engine (30x slower on a million posts).
    "big_number": r"\d{4,}|\d[.,\u00a0 ]\d{3}|\d\s?(million|billion|millioner|milioni|millones|milliarden|milhões|crore|lakh|bn|mn)|مليون|करोड़|लाख",
    "report": r"(?:^|\W)(report|rapport|relazione|informe|bericht|relatório|verslag|rapor|laporan|esg|csr)(?:$|\W)|تقرير|रिपोर्ट",
    "money": r"[$€£¥₹₺]|(?:^|\W)(usd|eur|nok|sek|dkk|gbp|inr|aed|sar|kr|kroner|rupees?|reais|riyal|dirham|euro)(?:$|\W)|ريال|درهم|जनेह|रुपये",
    "percent": r"\d\s?%|percent|prosent|per cento|por ciento|pour cent|prozent|por cento|procent|٪|प्रतिशत",
    "year": r"(?:^|\W)20[0-5]\d(?:$|\W)",
    "url": r"https?://|www\.|\.com/|\.no/|\.it/|bit\.ly",
    "mention": r"@\w",
    "hashtag": r"#\w",
    "retweet": r"^rt @",
    "reply": r"^@\w",
    "question": r"\?",
    "exclaim": r"!",
}
CUE_NAMES: tuple[str, ...] = (*_NUMERIC, "length", "emoji")

_URL = re.compile(r"https?://\S+|www\.\S+")
# The runs ``\s+`` matches, except a lone space (which it would replace by itself): a tenth
# of the matches, so a tenth of the time.
_WHITESPACE_RUN = r"\s*[\s&&[^ ]]\s*|\s{2,}"
_WORD_CHARS = r"\p{L}\p{M}\p{N}_#@⟨⟩"  # a word is a run of these
# A run of other characters with something besides a space in it.
_GAP = rf"[^{_WORD_CHARS}]*[^{_WORD_CHARS} ][^{_WORD_CHARS}]*"


def normalise(texts: pl.Series, *, lowered: bool = False) -> pl.Series:
    """Lower-case, URLs and mentions collapsed to one token each, ``#`` dropped (the word of
    a hashtag stays), digits to ``0``, whitespace folded.

    ``lowered=True`` says ``texts`` are lower-cased already (lower-casing is idempotent).

    >>> normalise(pl.Series(["RT @Acme: 40 #Trees  https://t.co/x1"])).to_list()
    ['rt @user : 00 trees ⟨url⟩']
    """
    texts = texts.fill_null("")
    lower = texts if lowered else texts.str.to_lowercase()
    return (
        lower.str.replace_all(_URL.pattern, " ⟨url⟩ ")
        .str.replace_all(r"@\w+", " @user ")
        .str.replace_all("#", " ", literal=True)
        .str.replace_all(r"\d", "0")
        .str.replace_all(_WHITESPACE_RUN, " ")
        .str.strip_chars()
    )


@dataclass(frozen=True)
class PreparedTexts:
    """The forms of a batch of texts that features and heads share, each computed once."""

    texts: pl.Series
    lower: pl.Series
    normalised: pl.Series

    @classmethod
    def of(cls, texts: pl.Series | Iterable[Any]) -> PreparedTexts:
        if not isinstance(texts, pl.Series):
            texts = pl.Series("text", [t if isinstance(t, str) else "" for t in texts], dtype=pl.String)
        texts = texts.fill_null("")
        lower = texts.str.to_lowercase()
        return cls(texts, lower, normalise(lower, lowered=True))

    def __len__(self) -> int:
        return len(self.texts)


# --------------------------------------------------------------------------- char n-grams


def _code_points(strings: pl.Series) -> npt.NDArray[np.uint32]:
    """The Unicode code points of ``strings``, end to end: their UTF-8 decoded in NumPy.

    >>> _code_points(pl.Series(["aé", "😀"])).tolist()
    [97, 233, 128512]
    """
    array = strings.rechunk().to_arrow(compat_level=pl.CompatLevel.oldest())
    _, offsets_buffer, data_buffer = array.buffers()
    if data_buffer is None or len(array) == 0:
        return np.zeros(0, dtype=np.uint32)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    starts = data.view(np.int8) >= -64  # every byte but the continuation bytes 0x80-0xBF
    codes = data[starts].astype(np.uint32)
    at = np.flatnonzero(codes >= 0xC0)  # the first bytes of multi-byte characters
    if len(at) == 0:
        return codes
    leads = np.flatnonzero(data >= 0xC0)
    first = codes[at]
    width = 2 + (first >= 0xE0).astype(np.uint32) + (first >= 0xF0).astype(np.uint32)
    value = first & (np.uint32(0x7F) >> width)
    for k in (1, 2, 3):
        more = np.flatnonzero(width > k)
        if len(more) == 0:
            break
        value[more] = (value[more] << np.uint32(6)) | (data[leads[more] + k] & 0x3F)
    codes[at] = value
    return codes


def _padded_code_points(texts: pl.Series, pad: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64]]:
    """Code points of ``" " + text + " "`` for each text, each followed by a 0 separator,
    then ``pad`` more zeros; and each text's number of positions (its padded length + 1)."""
    texts = texts.fill_null("")
    padded = texts.to_frame("t").select(pl.concat_str(pl.lit(" "), pl.col("t"), pl.lit(" \x00"))).to_series()
    codes = np.concatenate([_code_points(padded), np.zeros(pad, dtype=np.uint32)])
    positions = texts.str.len_chars().to_numpy().astype(np.int64) + 3
    return codes, positions


def _char_hashes(
    texts: pl.Series, ngram_range: tuple[int, int], n_features: int
) -> tuple[list[npt.NDArray[np.int32]], npt.NDArray[np.int64]]:
    """The hashed n-grams starting at every position of every padded text.

    Returns, for each n-gram length, the column index of the n-gram at each position (an
    n-gram that runs past the end of its text gets ``n_features``, a column that is always
    zero), and each text's number of positions.
    """
    lo, hi = ngram_range
    codes, positions = _padded_code_points(texts, hi)
    total = len(codes) - hi
    hashes = [np.empty(total, dtype=np.int32) for _ in range(lo, hi + 1)]
    h = np.full(total, _FNV_OFFSET, dtype=np.uint32)
    mask = np.uint32(n_features - 1)
    for k in range(hi):
        h ^= codes[k : k + total]
        h *= _FNV_PRIME
        n = k + 1
        if n >= lo:
            out = hashes[n - lo].view(np.uint32)
            np.bitwise_xor(h, np.uint32(n * 0x9E3779B1 & 0xFFFFFFFF), out=out)
            out &= mask
    ends = np.cumsum(positions) - 1  # each text's 0 separator
    if texts.str.contains("\x00", literal=True).any():
        # A NUL inside a text ends n-grams like a separator: find each position's distance
        # to the next zero the slow way.
        zeros = codes[:total] == 0
        before = np.cumsum(zeros) - zeros
        remaining = np.flatnonzero(zeros)[before] - np.arange(total)
        for n in range(lo, hi + 1):
            hashes[n - lo][remaining < n] = n_features
    else:
        # Only the last hi - 1 positions of each text and its separator lose n-grams.
        for n in range(lo, hi + 1):
            for back in range(n):
                at = ends - back
                hashes[n - lo][at[at >= 0]] = n_features
    return hashes, positions


def char_ngrams(texts: Sequence[str] | pl.Series, ngram_range: tuple[int, int], n_features: int) -> sp.csr_matrix:
    """Hashed character n-gram counts, one CSR row per text (duplicates unsummed).

    The n-grams of every length starting at one position sit next to each other, so the
    flattened hashes stay in document order and the CSR needs no sorting.

    >>> char_ngrams(["abc"], (2, 2), 16).nnz  # " a", "ab", "bc", "c "
    4
    """
    series = texts if isinstance(texts, pl.Series) else pl.Series("t", list(texts), dtype=pl.String)
    hashes, positions = _char_hashes(series, ngram_range, n_features)
    flat = np.stack(hashes, axis=1).ravel()  # document order: the n-grams starting at one position together
    past_end = np.flatnonzero(flat == n_features) // len(hashes)
    ends = np.cumsum(positions)
    lost = np.bincount(np.searchsorted(ends, past_end, side="right"), minlength=len(series))
    indices = flat[flat < n_features]
    indptr = np.concatenate([[0], np.cumsum(positions * len(hashes) - lost)])
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(series), n_features))


# --------------------------------------------------------------------------- words


def _word_hashes(
    normalised: pl.Series, n_features: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """The hashed words of all texts and their hashed bigrams (each in text order), and each
    text's number of words."""
    mask = n_features - 1
    n = len(normalised)
    # Splitting on single spaces, once every other run of non-word characters is a space,
    # finds the words ``str.extract_all`` would, a fifth faster.
    split = normalised.fill_null("").str.replace_all(_GAP, " ").str.split(" ")
    pieces = split.explode()
    nonempty = pieces != ""
    words = pieces.filter(nonempty)
    piece_doc = np.repeat(np.arange(n, dtype=np.int64), split.list.len().to_numpy())
    counts = np.bincount(piece_doc[nonempty.to_numpy()], minlength=n).astype(np.int64)
    unigrams = (words.hash(seed=7) & mask).to_numpy().astype(np.int32)
    pairs = pl.DataFrame({"a": words, "b": words.shift(-1)})
    bigrams = pairs.select((pl.concat_str("a", "b", separator=" ").hash(seed=7) & mask).alias("h")).to_series()
    has_next = np.repeat(np.cumsum(counts), counts) > np.arange(1, len(words) + 1)  # the next word is the same text's
    return unigrams, bigrams.to_numpy()[has_next].astype(np.int32), counts


def word_ngrams(normalised: pl.Series, n_features: int) -> sp.csr_matrix:
    """Hashed word unigrams and bigrams (polars tokenises and hashes in Rust): each row holds
    a text's unigrams, then its bigrams (a word: letters, marks, digits, ``_#@⟨⟩``).

    >>> word_ngrams(pl.Series(["we plant trees", ""]), 2**10).getnnz(axis=1).tolist()
    [5, 0]
    """
    unigrams, bigrams, counts = _word_hashes(normalised, n_features)
    bigram_counts = np.maximum(counts - 1, 0)
    indptr = np.concatenate([[0], np.cumsum(counts + bigram_counts)])
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    text_start = indptr[:-1]
    indices[np.arange(len(unigrams)) + np.repeat(text_start - (np.cumsum(counts) - counts), counts)] = unigrams
    bigram_start = text_start + counts - (np.cumsum(bigram_counts) - bigram_counts)
    indices[np.arange(len(bigrams)) + np.repeat(bigram_start, bigram_counts)] = bigrams
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(normalised), n_features))


# --------------------------------------------------------------------------- cues


def cue_matrix(texts: pl.Series, *, lower: pl.Series | None = None) -> npt.NDArray[np.float32]:
    """Dense cue features, one column per name in :data:`CUE_NAMES`.

    All cues are one polars ``select``, so they are evaluated in parallel. ``lower`` is
    ``texts`` lower-cased, when the caller has it already.
    """
    texts = texts.fill_null("")
    lower = texts.str.to_lowercase() if lower is None else lower
    exprs = [pl.col("lower").str.contains(pattern).cast(pl.Float32).alias(name) for name, pattern in _NUMERIC.items()]
    exprs += [
        ((pl.col("t").str.len_chars().cast(pl.Float32) + 1).log() / 6.0).alias("length"),
        (pl.col("t").str.count_matches(r"[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}]").clip(0, 5) / 5.0)
        .cast(pl.Float32)
        .alias("emoji"),
    ]
    frame = pl.DataFrame({"t": texts, "lower": lower}).select(exprs).fill_null(0)
    return frame.to_numpy().astype(np.float32)


# --------------------------------------------------------------------------- featurizer


class PostFeaturizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Texts to a sparse matrix of hashed char and word n-grams plus cue features.

    ``fit`` learns inverse document frequencies of the hashed features; rows are scaled
    by the square root of their weighted n-gram count so long and short posts compare.

    >>> X = PostFeaturizer(n_features=2**12).fit_transform(["We will plant 1 million trees by 2030"])
    >>> X.shape[0]
    1
    """

    def __init__(
        self,
        *,
        char_range: tuple[int, int] = (1, 4),
        n_features: int = 2**20,
        word_weight: float = 1.0,
        cue_weight: float = 1.0,
    ) -> None:
        self.char_range = char_range
        self.n_features = n_features
        self.word_weight = word_weight
        self.cue_weight = cue_weight

    def _raw(self, texts: Iterable[Any]) -> tuple[sp.csr_matrix, sp.csr_matrix, npt.NDArray[np.float32]]:
        prepared = PreparedTexts.of(texts)
        chars = char_ngrams(prepared.normalised, self.char_range, self.n_features)
        words = word_ngrams(prepared.normalised, self.n_features)
        return chars, words, cue_matrix(prepared.texts, lower=prepared.lower)

    def fit(self, X: Iterable[Any], y: Any = None) -> PostFeaturizer:
        chars, words, _ = self._raw(X)
        n_docs = chars.shape[0]
        df_chars = np.bincount(np.unique(_row_col_keys(chars)) % self.n_features, minlength=self.n_features)
        df_words = np.bincount(np.unique(_row_col_keys(words)) % self.n_features, minlength=self.n_features)
        self.char_idf_ = (np.log((1 + n_docs) / (1 + df_chars)) + 1).astype(np.float32)
        self.word_idf_ = (np.log((1 + n_docs) / (1 + df_words)) + 1).astype(np.float32)
        self.n_features_out_ = 2 * self.n_features + len(CUE_NAMES)
        return self

    def transform(self, X: Iterable[Any]) -> sp.csr_matrix:
        check_is_fitted(self, "char_idf_")
        texts = list(X)
        blocks = [self._transform_chunk(texts[i : i + CHUNK]) for i in range(0, max(len(texts), 1), CHUNK)]
        return sp.vstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]

    def _transform_chunk(self, texts: list[Any]) -> sp.csr_matrix:
        chars, words, cues = self._raw(texts)
        _scale_rows(chars, self.char_idf_, 1.0)
        _scale_rows(words, self.word_idf_, self.word_weight)
        return sp.hstack([chars, words, sp.csr_matrix(cues * np.float32(self.cue_weight))], format="csr")

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        names = [f"char_{i}" for i in range(self.n_features)] + [f"word_{i}" for i in range(self.n_features)]
        return np.asarray(names + [f"cue_{c}" for c in CUE_NAMES], dtype=object)


def _row_col_keys(m: sp.csr_matrix) -> npt.NDArray[np.int64]:
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    keys: npt.NDArray[np.int64] = rows * m.shape[1] + m.indices.astype(np.int64)
    return keys


def _scale_rows(m: sp.csr_matrix, idf: npt.NDArray[np.float32], weight: float) -> None:
    """In place: each entry becomes its idf, and each row is divided by its L2 norm."""
    data = idf[m.indices]
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int32), np.diff(m.indptr))
    squares = np.bincount(rows, weights=data * data, minlength=m.shape[0])
    scale = (np.float32(weight) / np.sqrt(np.where(squares > 0, squares, 1.0))).astype(np.float32)
    m.data = data * scale[rows]


# --------------------------------------------------------------------------- prediction


@dataclass(frozen=True)
class HashedTexts:
    """The hashed n-grams of a batch of normalised texts, as CSR matrices of ones (a row per
    text, duplicates unsummed): computed once, read by every head of the classifier.

    ``chars[n]`` has ``n_features + 1`` columns, the last for the n-grams that run past a
    text's end (each text has ``positions`` entries in every ``chars[n]``).

    >>> hashed = HashedTexts.of(pl.Series(["abc"]), (2, 3), 16)
    >>> hashed.chars[2].getnnz(axis=1).tolist(), hashed.positions.tolist(), hashed.word_counts.tolist()
    ([6], [6], [1])
    """

    chars: dict[int, sp.csr_matrix]
    unigrams: sp.csr_matrix
    bigrams: sp.csr_matrix
    positions: npt.NDArray[np.int64]
    word_counts: npt.NDArray[np.int64]

    @classmethod
    def of(cls, normalised: pl.Series, char_range: tuple[int, int], n_features: int) -> HashedTexts:
        hashes, positions = _char_hashes(normalised, char_range, n_features)
        chars = {char_range[0] + i: _ones_rows(row, positions, n_features + 1) for i, row in enumerate(hashes)}
        unigrams, bigrams, counts = _word_hashes(normalised, n_features)
        return cls(
            chars=chars,
            unigrams=_ones_rows(unigrams, counts, n_features),
            bigrams=_ones_rows(bigrams, np.maximum(counts - 1, 0), n_features),
            positions=positions,
            word_counts=counts,
        )


class FoldedLinear:
    """``featurizer.transform(texts) @ weights + intercepts`` without building the matrix.

    Every entry of a transformed row is ``idf[column] * scale[row]``, so the idf is folded
    into the rows of ``weights`` once, the hashed n-gram counts are multiplied by the folded
    weights, and each row's sum is multiplied by its scale. The scores match the
    matrix product up to float32 rounding (about 1e-7 of their size).
    """

    def __init__(
        self, featurizer: PostFeaturizer, weights: npt.NDArray[np.floating[Any]], intercepts: npt.NDArray[Any]
    ) -> None:
        check_is_fitted(featurizer, "char_idf_")
        f = featurizer.n_features
        weights = np.asarray(weights, dtype=np.float32)
        char_idf = featurizer.char_idf_.astype(np.float32)
        word_idf = featurizer.word_idf_.astype(np.float32)
        zero_row = np.zeros((1, weights.shape[1]), dtype=np.float32)  # n-grams past a text's end
        self.featurizer = featurizer
        self.char_weights = np.ascontiguousarray(np.vstack([weights[:f] * char_idf[:, None], zero_row]))
        self.char_idf2 = np.concatenate([char_idf * char_idf, [np.float32(0)]]).astype(np.float32)
        self.word_weights = np.ascontiguousarray(weights[f : 2 * f] * word_idf[:, None])
        self.word_idf2 = (word_idf * word_idf).astype(np.float32)
        self.cue_weights = np.ascontiguousarray(weights[2 * f :] * np.float32(featurizer.cue_weight))
        self.intercepts = np.asarray(intercepts, dtype=np.float32)

    def hashed(self, prepared: PreparedTexts) -> HashedTexts:
        """The featurizer's hashed n-grams of ``prepared``, for :meth:`scores` and other heads."""
        return HashedTexts.of(prepared.normalised, self.featurizer.char_range, self.featurizer.n_features)

    def scores(
        self,
        prepared: PreparedTexts,
        cues: npt.NDArray[np.float32] | None = None,
        *,
        hashed: HashedTexts | None = None,
    ) -> npt.NDArray[np.float32]:
        """One row of scores per text (``cues`` from :func:`cue_matrix` and ``hashed`` from
        :meth:`hashed`, when already computed)."""
        featurizer = self.featurizer
        hashed = self.hashed(prepared) if hashed is None else hashed
        out = _scaled(list(hashed.chars.values()), self.char_weights, self.char_idf2, 1.0)
        words = [hashed.unigrams, hashed.bigrams]
        out += _scaled(words, self.word_weights, self.word_idf2, featurizer.word_weight)
        if cues is None:
            cues = cue_matrix(prepared.texts, lower=prepared.lower)
        out += cues @ self.cue_weights
        out += self.intercepts
        return out


def _ones_rows(indices: npt.NDArray[np.int32], per_row: npt.NDArray[np.int64], n_columns: int) -> sp.csr_matrix:
    """A CSR matrix of ones: row i holds the next ``per_row[i]`` of ``indices``."""
    indptr = np.concatenate([[0], np.cumsum(per_row)])
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(per_row), n_columns), copy=False)


def _scaled(
    counts: list[sp.csr_matrix], weights: npt.NDArray[np.float32], idf2: npt.NDArray[np.float32], weight: float
) -> npt.NDArray[np.float32]:
    """``sum(counts) @ weights``, each row divided by the L2 norm of its idf-weighted counts."""
    squares = np.asarray(sum(m @ idf2 for m in counts), dtype=np.float64)
    scale = (np.float32(weight) / np.sqrt(np.where(squares > 0, squares, 1.0))).astype(np.float32)
    product = np.asarray(counts[0] @ weights)
    for m in counts[1:]:
        product += m @ weights
    product *= scale[:, None]
    return product
