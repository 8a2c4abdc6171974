"""The catalogues hold every message the code uses, translated, with the same placeholders;
the language is per thread; numbers and dates follow the locale."""

from __future__ import annotations

import ast
import string
import threading
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from babel.util import pathmatch

from data_sources.schema import POST_TYPES
from followthrough import i18n
from metrics.corpus import TOPICS

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]
Msgid = str | tuple[str, ...]


def _key(msgid: Msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


@pytest.fixture(scope="module")
def used() -> dict[str, Msgid]:
    """Every message the code marks, extracted as `make i18n` does (babel.cfg)."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, Msgid] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT, method_map, options_map):
        found[_key(message)] = message
    return found


def _catalogue(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_code_marks_messages_and_the_template_is_up_to_date(used: dict[str, Msgid]) -> None:
    assert len(used) > 200
    assert {"Accountability score", "Stance (say)", "Racial justice", "Language"} <= set(used)
    template = _catalogue(i18n.LOCALES_DIR / "messages.pot")
    in_template = {_key(m.id): m.id for m in template if m.id}
    assert sorted(set(used) - set(in_template)) == [], "run `make i18n`: the template lacks these"
    assert sorted(set(in_template) - set(used)) == [], "run `make i18n`: the template has messages the code dropped"
    assert in_template == used


def test_messages_are_whole_literals() -> None:
    """A message built at run time (an f-string, a concatenation) cannot be in a catalogue."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, _ = parse_mapping_cfg(cfg)
    patterns = [p for p, _ in method_map]
    sources = [
        p
        for p in ROOT.rglob("*.py")
        if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)
        and any(pathmatch(pattern, p.relative_to(ROOT).as_posix()) for pattern in patterns)
    ]
    assert any(p.name == "overview.py" for p in sources)
    bad = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Babel reads an f-string as one literal: a message marked inside one is never extracted.
        hidden = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if (
                id(node) in hidden
                and isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("_", "ngettext")
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} (inside an f-string)")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext", "N_")
            ):
                texts = node.args[:2] if node.func.id == "ngettext" else node.args[:1]
                for arg in texts:
                    if isinstance(arg, ast.JoinedStr | ast.BinOp | ast.Call):
                        bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalogue_has_exactly_the_messages_of_the_code(used: dict[str, Msgid], code: str) -> None:
    catalogue = _catalogue(i18n.catalogue_path(code), code)
    present = {_key(m.id): m.id for m in catalogue if m.id}
    assert sorted(set(used) - set(present)) == [], f"{code}: missing, run `make i18n` and translate them"
    assert sorted(set(present) - set(used)) == [], f"{code}: obsolete, run `make i18n`"
    assert not catalogue.obsolete, f"{code}: obsolete entries left in the file"
    assert present == used  # the same plural forms too


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(code: str) -> None:
    catalogue = _catalogue(i18n.catalogue_path(code), code)
    assert catalogue.num_plurals == get_plural(code).num_plurals
    untranslated, fuzzy, wrong = [], [], []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            fuzzy.append(ids[0])
        if isinstance(message.id, tuple) and len(forms) != catalogue.num_plurals:
            wrong.append(f"{ids[0]!r}: {len(forms)} plural forms, {code} has {catalogue.num_plurals}")
        if not all(forms):
            untranslated.append(ids[0])
            continue
        expected = set().union(*(_placeholders(i) for i in ids))
        found = [_placeholders(f) for f in forms]
        # A plural form may leave out the number it spells ("منشوران": two posts), never add a name.
        if any(f - expected for f in found) or set().union(*found) != expected:
            wrong.append(f"{ids[0]!r}: {forms!r}")
    assert untranslated == [], f"{code}: {len(untranslated)} messages have no translation"
    assert fuzzy == [], f"{code}: fuzzy translations to review"
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_translation_formats_with_the_values_the_code_gives(code: str) -> None:
    values = {name: "1" for name in ("n", "total", "days", "cadence", "score", "i", "listed", "skipped", "day")}
    with i18n.using_language(code):
        for message in _catalogue(i18n.catalogue_path(code), code):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            names = set().union(*(_placeholders(i) for i in ids))
            for n in (0, 1, 2, 5, 11, 100):
                text = i18n.ngettext(ids[0], ids[1], n) if len(ids) == 2 else i18n._(ids[0])
                assert text.format(**{k: values.get(k, k) for k in names})


def test_post_types_and_topics_have_display_names_in_every_language() -> None:
    for code in i18n.LANGUAGES:
        with i18n.using_language(code):
            types = [i18n.type_label(t) for t in POST_TYPES]
            topics = [i18n.topic_label(t) for t in TOPICS]
        assert len(set(types)) == len(POST_TYPES) and len(set(topics)) == len(TOPICS)
        if code != "en":
            english = [i18n.type_label(t) for t in POST_TYPES] + [i18n.topic_label(t) for t in TOPICS]
            assert len(set(types + topics) & set(english)) <= 1  # at most a loanword ("Brand", "Post")
    assert i18n.type_label("stance") == "Stance (say)"
    assert i18n.topic_label("not-a-topic") == "not-a-topic"


def test_the_language_is_per_thread_and_unknown_codes_mean_english() -> None:
    seen: dict[str, str] = {}

    def worker(code: str) -> None:
        i18n.set_language(code)
        threading.Event().wait(0.05)
        seen[code] = i18n._("Posts")

    threads = [threading.Thread(target=worker, args=(c,)) for c in ("it", "nb", "hi")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"it": "Post", "nb": "Innlegg", "hi": "पोस्ट"}
    assert i18n.current_language() == "en"
    with i18n.using_language("xx"):
        assert i18n.current_language() == "en"
    with i18n.using_language("ar"):
        assert i18n._("Posts") == "المنشورات"
        with i18n.using_language("nb"):
            assert i18n.current_language() == "nb"
        assert i18n.current_language() == "ar"


def test_arabic_reads_right_to_left_and_has_six_plural_forms() -> None:
    assert [c for c in i18n.LANGUAGES if i18n.is_rtl(c)] == ["ar"]
    with i18n.using_language("ar"):
        assert i18n.is_rtl()
        forms = {
            n: i18n.ngettext("{n} promotional post carried a cause.", "{n} promotional posts carried a cause.", n)
            for n in (0, 1, 2, 3, 11, 100)
        }
    assert len(set(forms.values())) == 6


def test_numbers_and_dates_follow_the_locale() -> None:
    day = date(2020, 6, 2)
    expected = {
        "en": ("1,234,567", "42%", "2 June 2020", "1,234.50"),
        "nb": ("1\xa0234\xa0567", "42\xa0%", "2. juni 2020", "1\xa0234,50"),
        "it": ("1.234.567", "42%", "2 giugno 2020", "1.234,50"),
        "ar": ("1,234,567", "42%", "2 يونيو 2020", "1,234.50"),
        "hi": ("12,34,567", "42%", "2 जून 2020", "1,234.50"),
    }
    for code, (number, percent, long_date, decimals) in expected.items():
        with i18n.using_language(code):
            got = (i18n.format_number(1234567), i18n.format_percent(0.42), i18n.format_date(day, "long"))
            assert got == (number, percent, long_date), code
            assert i18n.format_number(1234.5, decimals=2).replace("\u200e", "").replace("\u061c", "") == decimals, code
