"""Features of a post's text that carry across languages and scripts, computed in bulk.

Three families, hashed into one sparse space:

* character n-grams of the normalised text (any script, no tokeniser needed), hashed
  with vectorised FNV-1a over Unicode code points in NumPy;
* word unigrams and bigrams (polars' Rust tokeniser and hash);
* cue features: numbers, money, percentages, years, report links, mentions, retweet and
  reply markers, and pledge, past-action and call-to-buy words in many languages.

Rows are built directly in CSR form without sorting or summing duplicates: a linear
model needs only ``X @ W``, which is the same either way, so a million posts cost a few
seconds instead of a minute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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

# Cue lexicons: short, high-precision words and stems, lower-case, in the languages we
# write for. Each becomes one dense feature; the n-grams carry the rest.
CUES: dict[str, str] = {
    "pledge": (
        r"\b(will|pledge[sd]?|commit(s|ted|ment)?|promise|aim to|goal|target|by 20[3-5]\d|net[- ]zero by"
        r"|vil|skal|lover|forplikter|innen 20\d\d|kommer til å|ska|lovar|åtar|inden 20\d\d"
        r"|ci impegniamo|impegno|entro il 20\d\d|entro 20\d\d|nos comprometemos|compromiso|para 20\d\d"
        r"|vamos a|nous (nous )?engageons|engagement|d'ici 20\d\d|wir werden|verpflichten|bis 20\d\d"
        r"|vamos|comprometemos|até 20\d\d|wij zullen|we gaan|tegen 20\d\d|taahhüt|hedef|"
        r"akan|berkomitmen|target)\b"
        r"|نلتزم|سنعمل|سوف|بحلول عام|هدفنا|نتعهد|संकल्प|लक्ष्य|प्रतिबद्ध|तक\s|करेंगे|वादा"
    ),
    "done": (
        r"\b(have|has|had|we've|donated|raised|planted|delivered|trained|installed|reduced|cut|awarded|launched"
        r"|opened|built|completed|achieved|reached|so far|to date|since 20\d\d|progress|update"
        r"|har (nå )?(donert|plantet|levert|redusert|installert|bygget|gitt|delt ut)|hittil|så langt"
        r"|abbiamo|finora|ad oggi|hemos|hasta (ahora|la fecha)|avons|jusqu'ici|haben|bisher|seit"
        r"|temos|já|até agora|hebben|tot nu toe|yaptık|bugüne kadar|telah|sudah)\b"
        r"|قمنا|حتى الآن|تم\s|أنجزنا|وزعنا|تبرعنا|دربنا|अब तक|किया|किए|दिए|पूरा|हमने"
    ),
    "buy": (
        r"\b(shop|buy|order|sale|off|discount|deal|offer|code|free shipping|link in bio|limited|new in|now available"
        r"|book now|download|subscribe|get yours|tilbud|rabatt|kjøp|bestill|handle|nyhet|sconto|saldi|offerta"
        r"|acquista|scopri|descuento|oferta|compra|rebajas|envío gratis|promo|soldes|réduction|achetez"
        r"|angebot|rabatt|jetzt|kaufen|desconto|compre|liquidação|korting|aanbieding|indirim|kampanya"
        r"|diskon|beli)\b"
        r"|خصم|عرض|تسوق|اطلب|احجز|ऑफर|छूट|खरीद|अभी|रिचार्ज|कैशबैक|₹\s?\d|\$\s?\d+\.\d\d"
    ),
    "values": (
        r"\b(stand with|solidarity|equality|justice|inclusion|diversity|human rights|racism|climate|planet"
        r"|pride|love is love|black lives|refugee|dignity|accessib|likestilling|mangfold|inkludering|klima"
        r"|uguaglianza|parità|inclusione|diversità|clima|igualdad|inclusión|diversidad|égalité|inclusion"
        r"|gleichberechtigung|vielfalt|klima|igualdade|diversidade|inclusão|gelijkheid|eşitlik|kesetaraan)\b"
        r"|المساواة|التنوع|الشمول|العدالة|المناخ|حقوق|समानता|समावेश|अधिकार|जलवायु|शिक्षा"
    ),
    "report": r"\b(report|rapport|relazione|informe|bericht|relatório|verslag|rapor|laporan|esg|csr|impact)\b|تقرير|रिपोर्ट",
    "greeting": (
        r"\b(happy|merry|greetings|gratulerer|god jul|godt nytt|buon|buona|auguri|feliz|felices|bonne|joyeux"
        r"|frohe|alles gute|boas festas|fijne|gelukkig|kutlu|mutlu|selamat)\b"
        r"|مبارك|كريم|كل عام|शुभकामनाएँ|शुभकामनाएं|मुबारक|बधाई"
    ),
    "care": r"\b(dm|sorry|apolog|inbox|order number|message us|send us|beklager|scusa|lo sentimos|désolé|entschuldig|desculpe)\b|نعتذر|खेद",
    "hiring": r"\b(hiring|join our team|careers?|vacanc|apply|søk|ansetter|lavora con noi|candidati|empleo|únete|recrut|karriere|vagas|vacature)\b|وظائف|भर्ती",
    "finance": (
        r"\b(revenue|earnings|quarter|q[1-4]\b|dividend|ebitda|profit|results|investor|shareholder|fy20\d\d"
        r"|resultat|kvartal|utbytte|ricavi|trimestre|utile|ingresos|beneficio|chiffre d'affaires|umsatz|quartal"
        r"|receita|lucro|omzet|kwartaal|gelir|çeyrek|pendapatan)\b|الأرباح|الإيرادات|राजस्व|मुनाफा|तिमाही"
    ),
}
_NUMERIC: dict[str, str] = {
    "number": r"\d",
    "big_number": r"\d[\d.,\s]{3,}\d|\d+\s?(k|m|bn|million|billion|millioner|milioni|millones|millions|milliarden|milhões|crore|lakh|مليون|करोड़|लाख)\b",
    "money": r"[$€£¥₹₺]|\b(usd|eur|nok|sek|dkk|gbp|inr|aed|sar|kr|kroner|rupees?|reais|r\$|riyal|dirham|euro)\b|ريال|درهم|जनेह|रुपये",
    "percent": r"\d\s?%|percent|prosent|per cento|por ciento|pour cent|prozent|por cento|procent|٪|प्रतिशत",
    "year": r"\b20[0-5]\d\b",
    "url": r"https?://|www\.|\.com/|\.no/|\.it/|bit\.ly",
    "mention": r"@\w",
    "hashtag": r"#\w",
    "retweet": r"^rt @",
    "reply": r"^@\w",
    "question": r"\?\s*$|\?",
    "exclaim": r"!",
}
CUE_NAMES: tuple[str, ...] = (*CUES, *_NUMERIC, "length", "emoji")

_URL = re.compile(r"https?://\S+|www\.\S+")


def normalise(texts: pl.Series) -> pl.Series:
    """Lower-case, URLs collapsed to one token, digits to ``0``, whitespace folded."""
    return (
        texts.fill_null("")
        .str.to_lowercase()
        .str.replace_all(_URL.pattern, " ⟨url⟩ ")
        .str.replace_all(r"@\w+", " @user ")
        .str.replace_all(r"\d", "0")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def char_ngrams(texts: Sequence[str], ngram_range: tuple[int, int], n_features: int) -> sp.csr_matrix:
    """Hashed character n-gram counts, one CSR row per text (duplicates unsummed).

    >>> char_ngrams(["abc"], (2, 2), 16).nnz  # " a", "ab", "bc", "c "
    4
    """
    lo, hi = ngram_range
    padded = [f" {t} " for t in texts]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    codes = np.frombuffer("\x00".join(padded).encode("utf-32-le"), dtype=np.uint32)
    is_sep = codes == 0
    seps = np.concatenate([[0], np.cumsum(is_sep, dtype=np.int64)])
    mask = np.uint32(n_features - 1)
    total = len(codes)
    blocks = []
    for n in range(lo, hi + 1):
        m = total - n + 1
        if m <= 0:
            blocks.append(sp.csr_matrix((len(texts), n_features), dtype=np.float32))
            continue
        h = codes[:m] ^ np.uint32(_FNV_OFFSET ^ (n * 0x9E3779B1 & 0xFFFFFFFF))
        h = h * _FNV_PRIME
        for k in range(1, n):
            h ^= codes[k : k + m]
            h *= _FNV_PRIME
        clean = (seps[n : n + m] - seps[:m]) == 0
        indices = (h[clean] & mask).astype(np.int32)
        per_doc = np.maximum(lengths - n + 1, 0)
        indptr = np.concatenate([[0], np.cumsum(per_doc)])
        data = np.ones(len(indices), dtype=np.float32)
        blocks.append(sp.csr_matrix((data, indices, indptr), shape=(len(texts), n_features)))
    out = blocks[0]
    for block in blocks[1:]:
        out = _hstack_same_shape(out, block)
    return out


def _hstack_same_shape(a: sp.csr_matrix, b: sp.csr_matrix) -> sp.csr_matrix:
    """Row-wise concatenation of two CSR matrices over the same columns (entries add up)."""
    counts = np.diff(a.indptr) + np.diff(b.indptr)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    indices = np.empty(indptr[-1], dtype=np.int32)
    data = np.empty(indptr[-1], dtype=np.float32)
    # Positions of a's entries, then b's, inside each merged row.
    a_rows = np.repeat(np.arange(a.shape[0]), np.diff(a.indptr))
    b_rows = np.repeat(np.arange(b.shape[0]), np.diff(b.indptr))
    a_pos = indptr[a_rows] + (np.arange(a.nnz) - a.indptr[a_rows])
    b_pos = indptr[b_rows] + np.diff(a.indptr)[b_rows] + (np.arange(b.nnz) - b.indptr[b_rows])
    indices[a_pos], data[a_pos] = a.indices, a.data
    indices[b_pos], data[b_pos] = b.indices, b.data
    return sp.csr_matrix((data, indices, indptr), shape=a.shape)


def word_ngrams(normalised: pl.Series, n_features: int) -> sp.csr_matrix:
    """Hashed word unigrams and bigrams (polars tokenises and hashes in Rust)."""
    words = normalised.str.extract_all(r"[\p{L}\p{M}\p{N}_#@⟨⟩]+")
    frame = pl.DataFrame({"w": words}).with_row_index("doc")
    bigrams = words.list.eval(pl.concat_str(pl.element(), pl.element().shift(-1), separator=" ").drop_nulls())
    both = pl.DataFrame({"doc": frame["doc"], "u": words, "b": bigrams}).select(
        "doc", pl.concat_list("u", "b").alias("t")
    )
    lengths = both["t"].list.len().fill_null(0).to_numpy().astype(np.int64)
    tokens = both["t"].explode().drop_nulls()
    hashed = (tokens.hash(seed=7) & (n_features - 1)).to_numpy().astype(np.int32)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    data = np.ones(len(hashed), dtype=np.float32)
    return sp.csr_matrix((data, hashed, indptr), shape=(len(normalised), n_features))


def cue_matrix(texts: pl.Series) -> npt.NDArray[np.float32]:
    """Dense cue features, one column per name in :data:`CUE_NAMES`."""
    lower = texts.fill_null("").str.to_lowercase()
    cols = [lower.str.contains(pattern).cast(pl.Float32) for pattern in CUES.values()]
    cols += [lower.str.contains(pattern).cast(pl.Float32) for pattern in _NUMERIC.values()]
    length = (lower.str.len_chars().cast(pl.Float32) + 1).log() / 6.0
    emoji = lower.str.count_matches(r"[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}]").clip(0, 5).cast(pl.Float32) / 5.0
    cols += [length, emoji]
    return np.column_stack([c.fill_null(0).to_numpy() for c in cols]).astype(np.float32)


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
        series = pl.Series("text", [t if isinstance(t, str) else "" for t in texts], dtype=pl.String)
        norm = normalise(series)
        chars = char_ngrams(norm.to_list(), self.char_range, self.n_features)
        words = word_ngrams(norm, self.n_features)
        return chars, words, cue_matrix(series)

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
        chars.data = self.char_idf_[chars.indices]
        words.data = self.word_idf_[words.indices] * np.float32(self.word_weight)
        chars.data /= _row_norms(chars)[np.repeat(np.arange(chars.shape[0]), np.diff(chars.indptr))]
        words.data /= _row_norms(words)[np.repeat(np.arange(words.shape[0]), np.diff(words.indptr))]
        return sp.hstack([chars, words, sp.csr_matrix(cues * np.float32(self.cue_weight))], format="csr")

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        names = [f"char_{i}" for i in range(self.n_features)] + [f"word_{i}" for i in range(self.n_features)]
        return np.asarray(names + [f"cue_{c}" for c in CUE_NAMES], dtype=object)


def _row_col_keys(m: sp.csr_matrix) -> npt.NDArray[np.int64]:
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    keys: npt.NDArray[np.int64] = rows * m.shape[1] + m.indices.astype(np.int64)
    return keys


def _row_norms(m: sp.csr_matrix) -> npt.NDArray[np.float32]:
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    squares = np.bincount(rows, weights=m.data.astype(np.float64) ** 2, minlength=m.shape[0])
    squares = np.where(squares > 0, squares, 1.0)
    return np.sqrt(squares).astype(np.float32)
