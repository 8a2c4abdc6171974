"""The post classifier: type, confidence, cause topics, specificity and explanations.

One featurizer (:class:`metrics.features.PostFeaturizer`) feeds three heads:

* **type**: a linear model (SGD, modified Huber loss) whose scores are calibrated by
  temperature scaling on cross-validated scores (``CalibratedClassifierCV``), so the four
  probabilities sum to one and a 0.8 means right about eight times in ten;
* **topics**: multilingual keywords per cause topic of LABELS.md, or one logistic model
  per topic when it is confident;
* **specific**: for stances and updates, the rules of LABELS.md (a number, an amount, a
  date, a report link) or, failing those, a logistic model of named programmes and partners.

A fourth head, :class:`metrics.language.LanguageHead`, names the language of Latin-script
texts from the same hashed n-grams, so language detection rarely needs lingua.

Trained models are cached on disk under a key made of the corpus, the code and the
library versions, so the dashboard trains once, not at every start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import numpy.typing as npt
import polars as pl
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import Pipeline

from data_sources import schema as S
from metrics import language
from metrics.augment import augmented
from metrics.corpus import TOPICS, corpus_digest, load_corpus
from metrics.features import CUE_NAMES, FoldedLinear, PostFeaturizer, PreparedTexts, cue_matrix
from metrics.topics import TOPIC_PATTERNS, topic_lists, topic_matches

MODEL_VERSION = "2"  # 2: the language head
PREDICT_CHUNK = 40_000
CORRECTION_WEIGHT = 4.0
PROBA_COLUMNS = tuple(f"p_{t}" for t in S.POST_TYPES)
TOPIC_THRESHOLD = 0.8
_TOPIC_MARGIN = np.log(TOPIC_THRESHOLD / (1 - TOPIC_THRESHOLD))  # a NumPy float64: scores compare in float64

# A link to a report is the other rule that makes a post specific (besides a number).
_REPORT_LINK = r"https?://\S*(report|rapport|impact|esg|sustainab|bærekraft|sostenib|nachhaltig|rapporto|informe)"


def build_pipeline(*, n_features: int = 2**18, alpha: float = 5e-5, random_state: int = 0, cv: Any = 5) -> Pipeline:
    """The type model, untrained: featurizer then a calibrated linear classifier."""
    base = SGDClassifier(loss="modified_huber", alpha=alpha, max_iter=30, tol=None, random_state=random_state)
    return Pipeline(
        [
            ("features", PostFeaturizer(n_features=n_features)),
            ("model", CalibratedClassifierCV(base, method="temperature", cv=cv, ensemble=False)),
        ]
    )


def fit_type_pipeline(
    texts: list[str],
    labels: list[str],
    *,
    extra_texts: Sequence[str] = (),
    extra_labels: Sequence[str] = (),
    extra_weight: float = CORRECTION_WEIGHT,
    n_features: int = 2**18,
) -> Pipeline:
    """Fit the type model on ``texts`` and a decorated copy of each (``metrics.augment``),
    plus weighted extras (people's corrections).

    The calibration folds keep a post and its decorated copy together: were they split,
    the held-out scores would look surer than they are, and so would the probabilities.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    decorated, decorated_labels = augmented(texts, labels)
    n = len(texts)
    all_texts = list(texts) + decorated + list(extra_texts)
    all_labels = list(labels) + decorated_labels + list(extra_labels)
    weights = np.asarray([1.0] * (2 * n) + [extra_weight] * len(extra_texts))
    groups = np.concatenate([np.arange(n), np.arange(n), n + np.arange(len(extra_texts))])
    folds = min(5, max(2, min(all_labels.count(c) for c in set(all_labels))))
    splits = list(StratifiedGroupKFold(folds, shuffle=True, random_state=0).split(all_texts, all_labels, groups))
    pipeline = build_pipeline(n_features=n_features, cv=splits)
    pipeline.fit(all_texts, all_labels, model__sample_weight=weights)
    return pipeline


# A batch's type probabilities, topics, specificity and language guesses.
_ChunkPredictions = tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_], pl.Series]


@dataclass(frozen=True)
class _Heads:
    scorer: FoldedLinear
    calibrator: Any
    type_order: list[int]  # the type model's columns in ``POST_TYPES`` order
    topic_names: list[str]  # the topics with a learned model, in ``TOPICS`` order


def _as_text_series(texts: Sequence[str] | pl.Series) -> pl.Series:
    if isinstance(texts, pl.Series):
        return texts.cast(pl.String).fill_null("")
    return pl.Series("text", [t if isinstance(t, str) else "" for t in texts], dtype=pl.String)


@dataclass
class Classifier:
    """A trained classifier and what it was trained on."""

    pipeline: Pipeline
    topic_models: dict[str, SGDClassifier]
    specific_model: SGDClassifier
    trained_on: int
    languages: list[str]
    training_seconds: float
    key: str = ""
    corrections: int = 0
    notes: list[str] = field(default_factory=list)
    language_head: language.LanguageHead | None = None

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]

    # ------------------------------------------------------------------ predict

    def _heads(self) -> _Heads:
        """All linear heads (4 type scores, one per topic, specificity) folded into one
        :class:`FoldedLinear`, so one pass over a text's n-grams scores every head."""
        cached = getattr(self, "_heads_cache", None)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        calibrated = self.pipeline.named_steps["model"].calibrated_classifiers_[0]
        topic_names = [t for t in TOPICS if t in self.topic_models]
        models = [calibrated.estimator] + [self.topic_models[t] for t in topic_names] + [self.specific_model]
        weights = np.vstack([m.coef_ for m in models]).T.astype(np.float32)
        intercepts = np.concatenate([m.intercept_ for m in models]).astype(np.float32)
        heads = _Heads(
            scorer=FoldedLinear(self.pipeline.named_steps["features"], weights, intercepts),
            calibrator=calibrated.calibrators[0],
            type_order=[self.classes.index(t) for t in S.POST_TYPES],
            topic_names=topic_names,
        )
        self._heads_cache = heads
        return heads

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_heads_cache", None)
        return state

    def predict_texts(
        self,
        texts: Sequence[str] | pl.Series,
        *,
        workers: int | None = None,
        chunk_size: int | None = None,
        languages: bool = False,
    ) -> pl.DataFrame:
        """Type, probabilities, topics and specificity for each text (in order).

        Batches of ``chunk_size`` texts (default :data:`PREDICT_CHUNK`) run on ``workers``
        threads (default: one per core). Every step releases the GIL for its heavy work, and
        each text's answer depends on that text alone, so the output is the same for any
        ``workers`` and ``chunk_size``.

        ``languages=True`` adds ``lang_guess``: the language the language head is sure of,
        null where it is not (or for a model saved without one); the ``guesses`` of
        :func:`metrics.language.detect_languages`.
        """
        series = _as_text_series(texts)
        if series.is_empty():
            return _empty_predictions(languages=languages)
        self._heads()  # built once, before the threads share it
        size = chunk_size or PREDICT_CHUNK
        chunks = [series.slice(i, size) for i in range(0, len(series), size)]
        workers = max(1, min(workers or os.cpu_count() or 1, len(chunks)))

        def predict(chunk: pl.Series) -> _ChunkPredictions:
            return self._predict_chunk(chunk, languages=True) if languages else self._predict_chunk(chunk)

        if workers == 1:
            parts = [predict(chunk) for chunk in chunks]
        else:
            with ThreadPoolExecutor(workers) as pool:
                parts = list(pool.map(predict, chunks))
        proba, topics, specific = (np.concatenate([part[i] for part in parts]) for i in range(3))
        best = proba.argmax(axis=1)
        says_or_does = np.isin(best, [S.POST_TYPES.index("stance"), S.POST_TYPES.index("commitment_update")])
        return pl.DataFrame(
            [
                pl.Series(S.TYPE, S.POST_TYPES, dtype=pl.String).gather(best),
                pl.Series("confidence", proba.max(axis=1)),
                *[pl.Series(col, proba[:, i]) for i, col in enumerate(PROBA_COLUMNS)],
                topic_lists(topics, TOPICS),
                pl.Series("specific", specific).set(pl.Series(~says_or_does), None),
                *([pl.concat([part[3] for part in parts])] if languages else []),
            ]
        )

    def _predict_chunk(self, texts: pl.Series, *, languages: bool = False) -> _ChunkPredictions:
        """Probabilities in ``POST_TYPES`` order, topics in ``TOPICS`` order, whether the
        text is specific (before the type decides whether that applies), and the language
        head's guesses (null for each text without ``languages``)."""
        heads = self._heads()
        prepared = PreparedTexts.of(texts)
        cues = cue_matrix(prepared.texts, lower=prepared.lower)
        hashed = heads.scorer.hashed(prepared)
        scores = heads.scorer.scores(prepared, cues, hashed=hashed)
        if languages and self.language_head is not None:
            guesses = self.language_head.guess(hashed)
        else:
            guesses = pl.repeat(None, len(texts), dtype=pl.String, eager=True)
        n_types = len(S.POST_TYPES)
        proba = heads.calibrator.predict(scores[:, :n_types].astype(np.float64))[:, heads.type_order]
        topics = topic_matches(prepared.lower)[:, [list(TOPIC_PATTERNS).index(t) for t in TOPICS]]
        learned = scores[:, n_types : n_types + len(heads.topic_names)] >= _TOPIC_MARGIN
        topics[:, [TOPICS.index(t) for t in heads.topic_names]] |= learned
        specific = (
            (cues[:, CUE_NAMES.index("number")] > 0)  # a number, amount, percentage, date or year
            | prepared.lower.str.contains(_REPORT_LINK).to_numpy()
            | (scores[:, -1] >= 0.0)
        )
        return proba, topics, specific, guesses.alias("lang_guess")

    def type_margins(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Raw scores of the type model (before calibration), in ``POST_TYPES`` order."""
        heads = self._heads()
        scores = heads.scorer.scores(PreparedTexts.of(texts))[:, : len(S.POST_TYPES)]
        return scores[:, heads.type_order].astype(np.float64)

    def explain(self, text: str, *, top: int = 6) -> list[tuple[str, float]]:
        """The words that pushed ``text`` to its type, strongest first, with their weight.

        Each word is removed in turn and the post re-scored; the weight is how much the
        type's lead over the runner-up shrinks without it, as a share of that lead (raw
        scores, so a post the model is sure of still has reasons).
        """
        words = text.split()
        if not words:
            return []
        base = self.type_margins([text])[0]
        label = int(base.argmax())
        lead = base[label] - np.delete(base, label).max()
        variants = [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
        scores = self.type_margins(variants)
        leads = scores[:, label] - np.delete(scores, label, axis=1).max(axis=1)
        drops = (lead - leads) / max(abs(lead), 1e-6)
        ranked = sorted(zip(words, drops, strict=True), key=lambda pair: -pair[1])
        seen: set[str] = set()
        out = []
        for word, drop in ranked:
            if drop <= 0.01 or word.lower() in seen:
                continue
            seen.add(word.lower())
            out.append((word, round(float(drop), 3)))
            if len(out) == top:
                break
        return out


def _empty_predictions(*, languages: bool = False) -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            S.TYPE: pl.String,
            "confidence": pl.Float64,
            **{c: pl.Float64 for c in PROBA_COLUMNS},
            "topics": pl.List(pl.String),
            "specific": pl.Boolean,
            **({"lang_guess": pl.String} if languages else {}),
        }
    )


# --------------------------------------------------------------------------- training


def train(
    corpus: pl.DataFrame | None = None,
    *,
    corrections: pl.DataFrame | None = None,
    n_features: int = 2**18,
) -> Classifier:
    """Train on the corpus, plus user corrections (``text``, ``type``) weighted higher."""
    started = time.perf_counter()
    corpus = load_corpus() if corpus is None else corpus
    fix_texts: list[str] = []
    fix_labels: list[str] = []
    if corrections is not None and corrections.height:
        fixes = corrections.filter(pl.col(S.TYPE).is_in(S.POST_TYPES) & pl.col(S.TEXT).is_not_null())
        fix_texts, fix_labels = fixes[S.TEXT].to_list(), fixes[S.TYPE].to_list()
    n_corrections = len(fix_texts)
    pipeline = fit_type_pipeline(
        corpus["text"].to_list(),
        corpus["label"].to_list(),
        extra_texts=fix_texts,
        extra_labels=fix_labels,
        n_features=n_features,
    )

    X = pipeline.named_steps["features"].transform(corpus["text"].to_list())
    topic_models: dict[str, SGDClassifier] = {}
    topic_lists = corpus["topics"].to_list()
    for topic in TOPICS:
        y = np.array([topic in (ts or []) for ts in topic_lists])
        if y.sum() >= 5:
            topic_models[topic] = _binary_model().fit(X, y)
    says_or_does = (
        corpus["label"].is_in(["stance", "commitment_update"]).to_numpy() & corpus["specific"].is_not_null().to_numpy()
    )
    specific_model = _binary_model(balanced=False).fit(
        X[says_or_does], corpus["specific"].to_numpy()[says_or_does].astype(bool)
    )
    language_head = language.LanguageHead(n_features=n_features).fit(corpus["text"], corpus["lang"])
    return Classifier(
        pipeline=pipeline,
        topic_models=topic_models,
        specific_model=specific_model,
        trained_on=corpus.height + n_corrections,
        languages=sorted(corpus["lang"].unique().to_list()),
        training_seconds=round(time.perf_counter() - started, 1),
        corrections=n_corrections,
        language_head=language_head,
    )


def _binary_model(*, balanced: bool = True) -> SGDClassifier:
    """A logistic model for one yes/no question (a topic, specificity)."""
    return SGDClassifier(
        loss="log_loss",
        alpha=2e-5,
        max_iter=20,
        tol=None,
        class_weight="balanced" if balanced else None,
        random_state=0,
    )


# --------------------------------------------------------------------------- cache


def _code_version() -> str:
    digest = hashlib.sha256(MODEL_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in ("classify.py", "features.py", "corpus.py", "augment.py", "topics.py", "language.py"):
        digest.update((here / name).read_bytes())
    for package in ("scikit-learn", "numpy", "polars", "scipy"):
        digest.update(metadata.version(package).encode())
    return digest.hexdigest()[:12]


def model_key(corrections: pl.DataFrame | None = None) -> str:
    parts = [corpus_digest(), _code_version()]
    if corrections is not None and corrections.height:
        rows = corrections.select(S.TEXT, S.TYPE).sort(S.TEXT, S.TYPE).write_csv()
        parts.append(hashlib.sha256(rows.encode()).hexdigest()[:12])
    return "-".join(parts)


def default_cache_dir() -> Path:
    from data_sources.workspace import default_data_dir

    return Path(os.environ.get("FOLLOWTHROUGH_MODEL_DIR", default_data_dir() / "models"))


def load_or_train(
    *,
    cache_dir: Path | None = None,
    corrections: pl.DataFrame | None = None,
    on_train: Callable[[], None] | None = None,
) -> Classifier:
    """The cached classifier for this corpus and code, training (and caching) it if needed.

    Only files this function wrote, under their own key and with a matching checksum,
    are ever unpickled; a corrupt or missing file is rebuilt.
    """
    cache_dir = cache_dir or default_cache_dir()
    key = model_key(corrections)
    path = cache_dir / f"classifier-{key}.joblib"
    checksum = path.with_suffix(".sha256")
    try:
        expected = checksum.read_bytes().strip() if path.exists() and checksum.exists() else b""
        data = path.read_bytes() if expected else b""
    except OSError:  # unreadable cache: rebuilt
        expected = data = b""
    if expected and hashlib.sha256(data).hexdigest().encode("ascii") == expected:
        try:
            loaded = joblib.load(path)
            if isinstance(loaded, Classifier) and loaded.key == key:
                return loaded
        except Exception:  # a damaged cache is rebuilt, never fatal
            pass
    if on_train is not None:
        on_train()
    classifier = train(corrections=corrections)
    classifier.key = key
    try:
        _save(classifier, path, checksum)
    except OSError as err:  # a full disk or a read-only folder: serve the model, train again next start
        logging.getLogger(__name__).warning("the trained classifier could not be cached in %s: %s", cache_dir, err)
    return classifier


def _save(classifier: Classifier, path: Path, checksum: Path) -> None:
    from data_sources.workspace import atomic_write_bytes

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    joblib.dump(classifier, tmp, compress=3)
    data = tmp.read_bytes()
    tmp.unlink()
    atomic_write_bytes(path, data)
    atomic_write_bytes(checksum, hashlib.sha256(data).hexdigest().encode())


# --------------------------------------------------------------------------- posts


def _predict_many(classifier: Classifier, texts: pl.Series, *, languages: bool = False) -> pl.DataFrame:
    """The model's answers for distinct ``texts``: the part of :func:`classify_posts` that
    ``bench/run.py`` times separately."""
    return classifier.predict_texts(texts, languages=languages)


def classify_posts(
    posts: pl.DataFrame,
    classifier: Classifier,
    *,
    detect_language: bool = True,
) -> pl.DataFrame:
    """``posts`` with ``type``, ``type_source``, ``confidence``, probabilities, ``topics``,
    ``specific`` and a filled ``lang``. A human ``type`` already present is kept.

    Each distinct text is classified once, however many times it was posted or shared, and
    the language of a post without one is detected in the same pass
    (:func:`metrics.language.detect_languages`).
    """
    if posts.is_empty():
        return posts.with_columns(
            pl.lit(None, dtype=pl.String).alias("type_source"),
            *[pl.lit(None, dtype=dt).alias(name) for name, dt in _empty_predictions().schema.items() if name != S.TYPE],
        )
    unique = posts.select(pl.col(S.TEXT).fill_null("")).unique(maintain_order=True)
    missing = posts[S.LANG].null_count() if detect_language else 0
    predicted = _predict_many(classifier, unique[S.TEXT], languages=missing > 0)
    predicted = predicted.with_columns(unique[S.TEXT].alias("_text")).rename({S.TYPE: "_model_type"})
    if missing == posts.height:  # no post says its language: every distinct text needs one
        langs = language.detect_languages(predicted["_text"], guesses=predicted["lang_guess"])
        predicted = predicted.with_columns(langs.alias("_lang"))
    elif missing:
        needed = posts.filter(pl.col(S.LANG).is_null()).select(pl.col(S.TEXT).fill_null("").alias("_text")).unique()
        needed = needed.join(predicted.select("_text", "lang_guess"), on="_text")
        langs = language.detect_languages(needed["_text"], guesses=needed["lang_guess"])
        predicted = predicted.join(needed.select("_text", langs.alias("_lang")), on="_text", how="left")
    out = posts.with_columns(pl.col(S.TEXT).fill_null("").alias("_text")).join(
        predicted, on="_text", how="left", maintain_order="left"
    )
    out = out.with_columns(
        pl.when(pl.col(S.TYPE).is_not_null()).then(pl.lit("human")).otherwise(pl.lit("model")).alias("type_source"),
        pl.coalesce(S.TYPE, "_model_type").alias(S.TYPE),
    ).with_columns(
        pl.when(pl.col(S.TYPE).is_in(["stance", "commitment_update"])).then(pl.col("specific")).alias("specific")
    )
    if missing:
        out = out.with_columns(pl.coalesce(S.LANG, "_lang").alias(S.LANG)).drop("_lang", "lang_guess")
    return out.drop("_text", "_model_type")


def apply_corrections(labelled: pl.DataFrame, corrections: pl.DataFrame) -> pl.DataFrame:
    """Put people's corrections (``post_id``, ``type``) over the labels of ``labelled``."""
    if corrections.is_empty():
        return labelled
    fixes = corrections.select(S.POST_ID, pl.col(S.TYPE).alias("_fixed"))
    out = labelled.join(fixes, on=S.POST_ID, how="left", maintain_order="left")
    return out.with_columns(
        pl.coalesce("_fixed", S.TYPE).alias(S.TYPE),
        pl.when(pl.col("_fixed").is_not_null())
        .then(pl.lit("correction"))
        .otherwise(pl.col("type_source"))
        .alias("type_source"),
    ).drop("_fixed")


def retraining_report(
    corrections: pl.DataFrame,
    *,
    base: Classifier | None = None,
    folds: int = 5,
    corpus: pl.DataFrame | None = None,
) -> dict[str, Any]:
    """Accuracy on the corrected posts before and after learning from corrections.

    *Before*: the corpus-only model's answers. *After*: each corrected post is predicted by a
    model trained on the corpus plus the *other* corrections (k-fold), so the figure says how
    well corrections generalise, not whether the model memorised them.
    """
    fixes = corrections.filter(pl.col(S.TYPE).is_in(S.POST_TYPES) & pl.col(S.TEXT).is_not_null())
    n = fixes.height
    if n == 0:
        return {"corrections": 0, "before": None, "after": None}
    base = base or train(corpus)
    gold = fixes[S.TYPE].to_list()
    before = base.predict_texts(fixes[S.TEXT].to_list())[S.TYPE].to_list()
    after: list[str] = [""] * n
    k = max(2, min(folds, n))
    order = np.arange(n)
    for fold in range(k):
        test = order[order % k == fold]
        if len(test) == 0:
            continue
        train_rows = fixes.filter(~pl.Series(np.isin(order, test)))
        model = train(corpus, corrections=train_rows) if train_rows.height else base
        predicted = model.predict_texts(fixes[S.TEXT].gather(test).to_list())[S.TYPE].to_list()
        for i, label in zip(test, predicted, strict=True):
            after[int(i)] = label
    return {
        "corrections": n,
        "before": float(np.mean([a == b for a, b in zip(before, gold, strict=True)])),
        "after": float(np.mean([a == b for a, b in zip(after, gold, strict=True)])),
    }


def evaluate_predictions(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-class precision, recall and F1, macro-F1 and the confusion matrix."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = list(S.POST_TYPES)
    p, r, f, support = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    matrix = confusion_matrix(gold, predicted, labels=labels)
    return {
        "per_class": {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(support[i])}
            for i, label in enumerate(labels)
        },
        "macro_f1": float(np.mean(f[support > 0])) if (support > 0).any() else 0.0,
        "accuracy": float(np.mean(np.asarray(gold) == np.asarray(predicted))) if len(gold) else 0.0,
        "confusion": {"labels": labels, "matrix": matrix.tolist()},
    }


def as_array(values: Sequence[str]) -> npt.NDArray[np.object_]:
    return np.asarray(values, dtype=object)
