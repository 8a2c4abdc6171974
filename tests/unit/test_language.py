"""Language detection: scripts first, then the classifier's language head, lingua for the rest."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import polars as pl
import pytest

import metrics.language as language
from data_sources import schema as S
from metrics.classify import Classifier, classify_posts, load_or_train, model_key

# One clear post per Latin-script language of the corpus, written for these tests.
CLEAR = {
    "en": "This spring our volunteers cleaned three beaches and planted a new garden for the neighbourhood school.",
    "nb": "I år har de ansatte våre ryddet strender og plantet en ny hage ved skolen i nabolaget.",
    "sv": "I år har våra medarbetare städat stränder och planterat en ny trädgård vid skolan i grannskapet.",
    "da": "I år har vores medarbejdere ryddet strande og plantet en ny have ved skolen i nabolaget.",
    "it": "Quest'anno i nostri volontari hanno pulito tre spiagge e piantato un nuovo orto per la scuola del quartiere.",
    "es": "Este año nuestros voluntarios limpiaron tres playas y plantaron un nuevo huerto para la escuela del barrio.",
    "pt": "Este ano os nossos voluntários limparam três praias e plantaram uma nova horta para a escola do bairro.",
    "fr": "Cette année, nos bénévoles ont nettoyé trois plages et planté un nouveau potager pour l'école du quartier.",
    "de": "In diesem Jahr haben unsere Freiwilligen drei Strände gereinigt und einen neuen Garten für die Schule im Viertel angelegt.",
    "nl": "Dit jaar hebben onze vrijwilligers drie stranden schoongemaakt en een nieuwe moestuin aangelegd voor de school in de buurt.",
    "tr": "Bu yıl gönüllülerimiz üç plajı temizledi ve mahalledeki okul için yeni bir bahçe kurdu.",
    "id": "Tahun ini para relawan kami membersihkan tiga pantai dan menanam kebun baru untuk sekolah di lingkungan sekitar.",
}
ROMANISED_HINDI = (
    "Is saal humare volunteers ne teen beaches saaf kiye aur school ke liye naya garden banaya, aap bhi judiye!"
)
# Languages lingua knows and the corpus does not: the head must not claim them.
UNSEEN = [
    "Dziękujemy wszystkim, którzy odwiedzili nasze stoisko na targach w Poznaniu! Do zobaczenia w przyszłym roku.",
    "W tym roku posadziliśmy ponad dziesięć tysięcy drzew razem z lokalnymi społecznościami.",
    "Kiitos kaikille, jotka kävivät osastollamme messuilla Helsingissä! Nähdään taas ensi vuonna.",
    "Millainen on sinun täydellinen aamusi? Kerro meille kommenteissa.",
    "Noua colecție de toamnă este disponibilă în magazinele noastre și online. Descoperă ce am pregătit!",
    "Comandă acum și beneficiezi de livrare gratuită pentru cumpărături de peste o sută de lei.",
]
SCRIPT = {"مرحبا بالعالم كله، شكرا لكم": "ar", "नमस्ते दुनिया, आप सभी को धन्यवाद": "hi", "Спасибо всем, кто пришёл": "ru"}
TOO_SHORT = ["ok", "Thanks!", "#tag https://t.co/abcdefghij", "Hi @everyone_out_there", "🌍🌱", ""]


class Lingua:
    """Stands in for lingua: records what it is asked and answers ``code`` to everything."""

    def __init__(self, code: str = "FI") -> None:
        self.code = code
        self.asked: list[str] = []

    def detect_languages_in_parallel_of(self, texts: list[str]) -> list[Any]:
        self.asked.extend(texts)
        return [SimpleNamespace(iso_code_639_1=SimpleNamespace(name=self.code)) for _ in texts]


def posts_of(texts: list[str | None], langs: list[str | None] | None = None) -> pl.DataFrame:
    return S.conform(
        pl.DataFrame(
            {
                S.POST_ID: [str(i) for i in range(len(texts))],
                S.TEXT: pl.Series(texts, dtype=pl.String),
                S.LANG: pl.Series(langs or [None] * len(texts), dtype=pl.String),
            }
        )
    )


def test_the_head_names_a_clear_post_in_every_corpus_language_as_lingua_does(classifier: Classifier) -> None:
    assert classifier.language_head is not None
    assert set(classifier.language_head.languages_) == {*CLEAR, "hi"}
    texts = list(CLEAR.values())
    guesses = classifier.predict_texts(texts, languages=True)["lang_guess"].to_list()
    found = language._detector(False).detect_languages_in_parallel_of(language._letters(pl.Series(texts)).to_list())
    assert guesses == [lang.iso_code_639_1.name.lower() for lang in found] == list(CLEAR)
    # Romanised Hindi, which lingua cannot name (it is not one of its candidates), is learnt from the corpus.
    assert classifier.predict_texts([ROMANISED_HINDI], languages=True)["lang_guess"].to_list() == ["hi"]


def test_only_the_posts_the_head_is_unsure_of_go_to_lingua(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    lingua = Lingua("FI")
    monkeypatch.setattr(language, "_detector", lambda high_accuracy: lingua)
    again = UNSEEN[0] + " #again https://t.co/x1"  # another text, the same letters: lingua reads them once
    texts: list[str | None] = [*CLEAR.values(), *UNSEEN, again, *SCRIPT, *TOO_SHORT, None]
    out = classify_posts(posts_of(texts), classifier)
    assert sorted(lingua.asked) == sorted(language._letters(pl.Series(UNSEEN)).to_list())
    expected = [*CLEAR, *["fi"] * (len(UNSEEN) + 1), *SCRIPT.values(), *[None] * (len(TOO_SHORT) + 1)]
    assert out[S.LANG].to_list() == expected


def test_script_and_too_short_posts_are_answered_as_without_the_head(monkeypatch: pytest.MonkeyPatch) -> None:
    lingua = Lingua()
    monkeypatch.setattr(language, "_detector", lambda high_accuracy: lingua)
    texts = pl.Series([*SCRIPT, *TOO_SHORT, None])
    expected = [*SCRIPT.values(), *[None] * (len(TOO_SHORT) + 1)]
    assert language.detect_languages(texts).to_list() == expected
    # A head that (wrongly) claims them all changes nothing: scripts come first, too little text stays unknown.
    assert language.detect_languages(texts, guesses=pl.Series(["en"] * len(texts))).to_list() == expected
    assert lingua.asked == []


def test_the_quick_letter_count_decides_as_the_letters_only_text_does() -> None:
    from metrics.corpus import load_corpus

    edges = [
        "abcdefghijk", "abcdefghijk!", "abcdefghijkl", "a b c d e f", "ÆØÅ æøå éèê", "ÆØÅæøåéèêüöä",
        "https://abcdefghijklmnop.com", "#abcdefghijklmnop", "@abcdefghijklmnop xyz", "x@abcdefghijkl",
        "12345 678 abc", "rt @who: https://t.co/1 #tag ok", "İstanbul İzmir", "ab\x00cdefghijklmn", "",
    ]  # fmt: skip
    texts = pl.concat([load_corpus()["text"], pl.Series(edges)])
    expected = language._letters(texts).str.len_chars() >= language._MIN_LETTERS
    assert language._long_enough(texts).to_list() == expected.to_list()


def test_each_distinct_text_is_read_once(classifier: Classifier, monkeypatch: pytest.MonkeyPatch) -> None:
    import metrics.classify
    from metrics.language import LanguageHead

    monkeypatch.setattr(language, "_detector", lambda high_accuracy: Lingua())
    monkeypatch.setattr(metrics.classify, "PREDICT_CHUNK", 3)  # several batches, on several threads
    guessed: list[int] = []
    read: list[str] = []
    guess, script_and_length = LanguageHead.guess, language._script_and_length

    def counting_guess(self: LanguageHead, hashed: Any) -> pl.Series:
        guessed.append(len(hashed.positions))
        return guess(self, hashed)

    def recording(texts: pl.Series) -> pl.DataFrame:
        read.extend(texts.to_list())
        return script_and_length(texts)

    monkeypatch.setattr(LanguageHead, "guess", counting_guess)
    monkeypatch.setattr(language, "_script_and_length", recording)
    texts: list[str | None] = [*CLEAR.values(), *UNSEEN, *SCRIPT] * 3 + [None, ""]
    classify_posts(posts_of(texts), classifier)
    distinct = {t or "" for t in texts}
    assert sorted(read) == sorted(distinct)
    assert sum(guessed) == len(distinct)


def test_language_guesses_do_not_depend_on_batches_threads_or_hashing_path(classifier: Classifier) -> None:
    from metrics.corpus import load_corpus

    assert classifier.language_head is not None
    texts = load_corpus().sample(300, seed=7)["text"].to_list() + [*UNSEEN, "", "ab\x00cd", "x" * 3000]
    single = classifier.predict_texts(texts, workers=1, chunk_size=len(texts), languages=True)["lang_guess"]
    threaded = classifier.predict_texts(texts, workers=2, chunk_size=37, languages=True)["lang_guess"]
    assert threaded.to_list() == single.to_list()
    # The head reads the classifier's trigrams as it read its own in training.
    assert classifier.language_head.guess_texts(texts).to_list() == single.to_list()
    assert single.null_count() < len(texts) / 4


def test_training_the_head_twice_gives_the_same_head() -> None:
    from metrics.corpus import load_corpus
    from metrics.language import LanguageHead

    corpus = load_corpus().sample(1500, seed=1)
    first = LanguageHead(n_features=2**14).fit(corpus["text"], corpus["lang"])
    second = LanguageHead(n_features=2**14).fit(corpus["text"], corpus["lang"])
    for name in ("char_weights_", "word_weights_", "intercepts_", "vocabulary_"):
        assert np.array_equal(getattr(first, name), getattr(second, name)), name
    with pytest.raises(ValueError, match="two languages"):
        LanguageHead().fit(["We plant trees in every city we work in"] * 3, ["en"] * 3)


def test_a_language_the_export_gives_is_kept(classifier: Classifier, monkeypatch: pytest.MonkeyPatch) -> None:
    lingua = Lingua("RO")
    monkeypatch.setattr(language, "_detector", lambda high_accuracy: lingua)
    texts: list[str | None] = [UNSEEN[0], UNSEEN[4], CLEAR["en"], CLEAR["nb"]]
    out = classify_posts(posts_of(texts, ["pl", None, "de", None]), classifier)
    assert out[S.LANG].to_list() == ["pl", "ro", "de", "nb"]
    assert lingua.asked == language._letters(pl.Series([UNSEEN[4]])).to_list()
    lingua.asked.clear()
    everything_given = classify_posts(posts_of(texts, ["pl", "ro", "de", "nb"]), classifier)
    assert everything_given[S.LANG].to_list() == ["pl", "ro", "de", "nb"] and lingua.asked == []


def test_the_head_is_cached_with_the_model(
    classifier: Classifier, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = load_or_train(cache_dir=model_dir, on_train=lambda: pytest.fail("the cached model was not used"))
    assert cached.language_head is not None and classifier.language_head is not None
    texts = [*CLEAR.values(), *UNSEEN]
    assert cached.language_head.guess_texts(texts).to_list() == classifier.language_head.guess_texts(texts).to_list()
    # Changing the language code changes the model's key, so a stale head is never loaded.
    before = model_key()
    read_bytes = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda path: read_bytes(path) + (b"#" if path.name == "language.py" else b"")
    )
    assert model_key() != before
