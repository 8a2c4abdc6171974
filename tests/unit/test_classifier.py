"""The classifier's behaviour: LABELS.md precedence across languages, calibration, corrections, caching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from data_sources import schema as S
from metrics.classify import PROBA_COLUMNS, Classifier, classify_posts, load_or_train, model_key, train

# Clear cases of each precedence rule in LABELS.md, written for this test (not taken from the corpus).
PRECEDENCE = [
    # 1. a concrete completed action makes it an update, even with values talk
    (
        "en",
        "We believe in equal pay. This year we closed our gender pay gap: women's median pay is now 99.6% of men's. Full audit: acme.com/paygap",
        "commitment_update",
    ),
    ("nb", "Vi har i år donert 3,2 millioner kroner til Matsentralen, som ga 640 000 måltider.", "commitment_update"),
    (
        "es",
        "Hemos instalado 1.200 paneles solares en nuestras tiendas: ya cubren el 40 % de nuestro consumo eléctrico.",
        "commitment_update",
    ),
    # 2. values or promises with nothing yet done make it a stance, however big the number
    ("en", "We pledge to invest $500 million by 2030 to cut our emissions in half.", "stance"),
    ("it", "Ci impegniamo a raggiungere la parità salariale entro il 2027. Le persone prima di tutto.", "stance"),
    ("de", "Rassismus hat bei uns keinen Platz. Wir stehen an der Seite aller, die Hass erfahren.", "stance"),
    # 3. a call to buy makes it promotional, even when a cause is attached
    ("en", "Our Pride tee is here 🌈 10% of every sale goes to LGBTQ+ youth. Shop now!", "promotional"),
    ("fr", "Soldes d'été : -30 % sur toute la collection ! Livraison offerte jusqu'à dimanche.", "promotional"),
    # generic greetings and customer care are other
    ("en", "@maria_k So sorry about the delay! Please DM us your order number and we'll look into it.", "other"),
    ("pt", "Feliz Natal a todos os nossos clientes! 🎄", "other"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PRECEDENCE)
def test_precedence_rules_hold_in_several_languages(
    classifier: Classifier, lang: str, text: str, expected: str
) -> None:
    assert classifier.predict_texts([text])[S.TYPE][0] == expected


def test_probabilities_are_calibrated_distributions(classifier: Classifier) -> None:
    out = classifier.predict_texts(["We will plant a million trees", "Happy Monday!", "", "🌈🌈🌈", "x" * 3000])
    proba = out.select(PROBA_COLUMNS).to_numpy()
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert ((proba >= 0) & (proba <= 1)).all()
    assert np.allclose(out["confidence"].to_numpy(), proba.max(axis=1))


def test_topics_and_specificity(classifier: Classifier) -> None:
    out = classifier.predict_texts(
        [
            "We will be net zero by 2035.",
            "We stand with the LGBTQ+ community, today and every day. Love is love.",
            "Buy our new sneakers today!",
        ]
    )
    assert out[S.TYPE].to_list()[:2] == ["stance", "stance"]
    assert "climate_environment" in out["topics"][0]
    assert "lgbtq" in out["topics"][1]
    assert out["specific"].to_list()[:2] == [True, False]
    assert out[S.TYPE][2] in ("promotional", "other") and out["specific"][2] is None  # only say/do posts carry it


def test_explanations_name_words_of_the_post(classifier: Classifier) -> None:
    text = "Shop the spring sale now: 40% off everything"
    reasons = classifier.explain(text)
    assert reasons
    assert all(word in text.split() for word, _ in reasons)
    assert all(weight > 0 for _, weight in reasons)


def test_human_labels_are_kept_and_identical_texts_classified_once(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    original = Classifier.predict_texts

    def counting(self: Classifier, texts: list[str], **options: Any) -> pl.DataFrame:
        seen.append(len(texts))
        return original(self, texts, **options)

    monkeypatch.setattr(Classifier, "predict_texts", counting)
    posts = S.conform(
        pl.DataFrame(
            {
                S.POST_ID: ["1", "2", "3", "4"],
                S.TEXT: ["Shop our sale!", "Shop our sale!", "RT @x: Shop our sale!", "We stand with refugees."],
                S.TYPE: [None, None, None, "other"],
                S.LANG: [None, "en", None, "en"],
            }
        )
    )
    out = classify_posts(posts, classifier)
    assert seen == [3]  # three distinct texts
    assert out[S.TYPE][3] == "other" and out["type_source"][3] == "human"
    assert out["type_source"][0] == "model"
    assert out[S.LANG][0] == "en"


def test_a_correction_changes_the_answer_on_the_corrected_post() -> None:
    text = "Our new café opens on Main Street this Saturday, come and say hi!"
    before = train().predict_texts([text])[S.TYPE][0]
    wanted = "stance" if before != "stance" else "other"
    corrections = pl.DataFrame({S.TEXT: [text], S.TYPE: [wanted]})
    after = train(corrections=corrections)
    assert after.corrections == 1
    assert after.predict_texts([text])[S.TYPE][0] == wanted


def test_cached_model_is_reused_and_a_corrupt_one_rebuilt(classifier: Classifier, model_dir: Path) -> None:
    trained: list[bool] = []
    again = load_or_train(cache_dir=model_dir, on_train=lambda: trained.append(True))
    assert trained == [] and again.key == classifier.key == model_key()
    path = model_dir / f"classifier-{model_key()}.joblib"
    original = path.read_bytes()
    path.write_bytes(b"not a model")
    rebuilt = load_or_train(cache_dir=model_dir, on_train=lambda: trained.append(True))
    assert trained == [True]
    assert rebuilt.predict_texts(["Happy Friday!"])[S.TYPE][0] == "other"
    assert path.read_bytes() != b"not a model"
    assert len(original) > 1000


def test_corrections_are_stored_with_the_workspace_and_override_the_model(
    tmp_path: Path, classifier: Classifier
) -> None:
    from data_sources.workspace import Workspace
    from metrics.classify import apply_corrections

    ws = Workspace.open(tmp_path, "acme")
    ws.correct("p1", "Our new store opens Saturday", "promotional")
    ws.correct("p1", "Our new store opens Saturday", "other")  # the latest word wins
    assert Workspace.open(tmp_path, "acme").corrections()[S.TYPE].to_list() == ["other"]
    posts = S.conform(pl.DataFrame({S.POST_ID: ["p1", "p2"], S.TEXT: ["Our new store opens Saturday", "Shop now"]}))
    labelled = apply_corrections(classify_posts(posts, classifier), ws.corrections())
    assert labelled[S.TYPE][0] == "other" and labelled["type_source"][0] == "correction"
    assert labelled["type_source"][1] == "model"


def test_retraining_report_measures_before_and_after_by_cross_validation() -> None:
    from metrics.classify import retraining_report
    from metrics.corpus import load_corpus

    corpus = load_corpus().sample(600, seed=1)
    # A house rule the corpus does not know: this brand's store-opening posts count as "other".
    fixes = pl.DataFrame(
        {
            S.TEXT: [
                f"Our new store in {city} opens this Saturday: come say hi!"
                for city in ("Leeds", "Bergen", "Turin", "Lyon")
            ],
            S.TYPE: ["other"] * 4,
        }
    )
    report = retraining_report(fixes, corpus=corpus, folds=2)
    assert report["corrections"] == 4
    assert 0.0 <= report["before"] <= 1.0 and 0.0 <= report["after"] <= 1.0
    assert report["after"] >= report["before"]


def test_each_distinct_text_is_classified_once_across_batches_and_threads(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    import metrics.classify

    seen: list[str] = []
    original = Classifier._predict_chunk

    def recording(self: Classifier, texts: pl.Series) -> Any:
        seen.extend(texts.to_list())
        return original(self, texts)

    monkeypatch.setattr(Classifier, "_predict_chunk", recording)
    monkeypatch.setattr(metrics.classify, "PREDICT_CHUNK", 3)  # several batches, on several threads
    texts = [f"Post {i % 7}: we planted {i % 7} trees" for i in range(60)] + [None, "", "Post 0: we planted 0 trees"]
    posts = S.conform(pl.DataFrame({S.POST_ID: [str(i) for i in range(len(texts))], S.TEXT: texts}))
    out = classify_posts(posts, classifier, detect_language=False)
    distinct = {t or "" for t in texts}
    assert sorted(seen) == sorted(distinct)  # each once
    alone = classifier.predict_texts(sorted(distinct), workers=1)
    expected = dict(zip(sorted(distinct), alone.select(S.TYPE, "confidence").iter_rows(), strict=True))
    got = out.select(pl.col(S.TEXT).fill_null(""), S.TYPE, "confidence").iter_rows()
    assert all(expected[text] == (label, confidence) for text, label, confidence in got)


def test_parallel_prediction_gives_exactly_the_single_threaded_output(classifier: Classifier) -> None:
    from metrics.corpus import load_corpus

    texts = load_corpus().sample(400, seed=3)["text"].to_list() + ["", "ab\x00cd", "🌈" * 50, "x" * 3000]
    single = classifier.predict_texts(texts, workers=1, chunk_size=len(texts))
    assert_frame_equal(classifier.predict_texts(texts, workers=2, chunk_size=37), single, check_exact=True)
    assert_frame_equal(classifier.predict_texts(pl.Series(texts), workers=3, chunk_size=100), single, check_exact=True)


def test_served_probabilities_are_the_trained_pipelines(classifier: Classifier) -> None:
    from metrics.corpus import load_corpus

    texts = load_corpus().sample(300, seed=5)["text"].to_list() + ["", "Happy Friday!", "ab\x00cd"]
    proba = classifier.pipeline.predict_proba(texts)[:, [classifier.classes.index(t) for t in S.POST_TYPES]]
    served = classifier.predict_texts(texts)
    assert np.abs(served.select(PROBA_COLUMNS).to_numpy() - proba).max() < 1e-5
    assert served[S.TYPE].to_list() == [S.POST_TYPES[i] for i in proba.argmax(axis=1)]
