"""The dashboard's languages: gettext catalogues read with Babel, and numbers and dates
formatted for the reader's locale.

English is the source language: a message id is the English text, and every other language
is one file, ``locales/<code>/LC_MESSAGES/messages.po``, read at run time (no compiled
``.mo`` files, no build step). The language in force is per thread and per context, so each
Streamlit session, whose script runs in its own thread, has its own.

>>> from followthrough.i18n import _, using_language, format_number
>>> with using_language("it"):
...     _("Posts"), format_number(1234.5, decimals=1)
('Post', '1.234,5')
>>> _("Posts")
'Posts'
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_skeleton
from babel.lists import format_list as _babel_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import NumberPattern, parse_pattern

LOCALES_DIR: Final = Path(__file__).resolve().parent / "locales"
DOMAIN: Final = "messages"

#: Each language by its own name, in the order the chooser lists them.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "nb": "Norsk bokmål",
    "it": "Italiano",
    "ar": "العربية",
    "hi": "हिन्दी",
}
DEFAULT_LANGUAGE: Final = "en"

#: The locale whose number and date conventions a language uses (British English dates:
#: "2 June 2020"). A language missing here uses its own code.
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "nb": "nb_NO", "it": "it_IT", "ar": "ar", "hi": "hi_IN"}

#: Where a locale's own pattern reads badly on a dashboard: Arabic's medium date is all
#: digits and slashes ("02‏/06‏/2020"), which reorders among Latin brand names; the month by
#: name reads well in either direction.
DATE_FORMATS: dict[str, dict[str, str]] = {"ar": {"medium": "d MMMM y"}}

_language: ContextVar[str] = ContextVar("followthrough_language", default=DEFAULT_LANGUAGE)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for extraction without translating it yet (for tables built at import)."""
    return message


# The four post types and the cause topics: stored values stay the canonical English codes
# (data_sources.schema.POST_TYPES, metrics.corpus.TOPICS); these are their display names.
TYPE_NAMES: Final = {
    "stance": N_("Stance (say)"),
    "commitment_update": N_("Commitment update (do)"),
    "promotional": N_("Promotional"),
    "other": N_("Other"),
}
TOPIC_NAMES: Final = {
    "racial_justice": N_("Racial justice"),
    "lgbtq": N_("LGBTQ+ rights"),
    "gender_equality": N_("Gender equality"),
    "diversity_inclusion": N_("Diversity & inclusion"),
    "climate_environment": N_("Climate & environment"),
    "community_poverty": N_("Community & poverty"),
    "health": N_("Health"),
    "human_rights": N_("Human rights"),
    "civic_voting": N_("Civic participation & voting"),
    "disability": N_("Disability inclusion"),
    "education": N_("Education"),
}


# --------------------------------------------------------------------------- catalogues


def catalogue_path(code: str) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of ``code`` (read once per process); English and unknown codes get
    the message ids back. Untranslated and fuzzy entries fall back to English."""
    path = catalogue_path(code)
    if code == DEFAULT_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def set_language(code: str) -> str:
    """Use ``code`` from now on in this thread and context; an unknown code means English.
    Returns the code in force."""
    chosen = code if code in LANGUAGES else DEFAULT_LANGUAGE
    _language.set(chosen)
    return chosen


def current_language() -> str:
    return _language.get()


@contextmanager
def using_language(code: str) -> Iterator[str]:
    """The body in ``code``, then back to the language before.

    >>> with using_language("nb"):
    ...     current_language()
    'nb'
    """
    token = _language.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits ``n`` in the current language (Arabic has six).

    >>> ngettext("{n} post", "{n} posts", 2).format(n=2)
    '2 posts'
    """
    return translations(current_language()).ngettext(singular, plural, n)


def type_label(post_type: str | None) -> str:
    """The display name of a post type, e.g. ``"stance"`` → ``"Stance (say)"``."""
    if post_type is None:
        return _("Unlabelled")
    return _(TYPE_NAMES[post_type]) if post_type in TYPE_NAMES else post_type


def topic_label(topic: str) -> str:
    """The display name of a cause topic, e.g. ``"lgbtq"`` → ``"LGBTQ+ rights"``."""
    return _(TOPIC_NAMES[topic]) if topic in TOPIC_NAMES else topic


# --------------------------------------------------------------------------- locale formats


def locale(code: str | None = None) -> Locale:
    """The Babel locale of ``code`` (the current language by default); English when unknown."""
    code = code or current_language()
    try:
        return Locale.parse(BABEL_LOCALES.get(code, code))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(BABEL_LOCALES[DEFAULT_LANGUAGE])


def is_rtl(code: str | None = None) -> bool:
    """Whether the language reads right to left.

    >>> is_rtl("ar"), is_rtl("hi")
    (True, False)
    """
    return locale(code).character_order == "right-to-left"


def isolate(value: object) -> str:
    """``value`` as a bidirectional isolate when the language reads right to left, so that a
    Latin brand name and the number after it keep their places in an Arabic sentence."""
    text = str(value)
    return f"\u2068{text}\u2069" if text and is_rtl() else text


def _fixed(pattern: NumberPattern, decimals: int) -> NumberPattern:
    pattern.frac_prec = (decimals, decimals)
    return pattern


def format_number(x: float, decimals: int = 0) -> str:
    """``x`` with the locale's digit grouping and decimal sign, to ``decimals`` places.

    >>> with using_language("hi"):
    ...     format_number(1234567)
    '12,34,567'
    """
    loc = locale()
    pattern = loc.decimal_formats[None]
    return str(_fixed(parse_pattern(pattern.pattern), decimals).apply(x, loc))


def format_percent(x: float, decimals: int = 0) -> str:
    """A share (0.42) as a percentage in the locale's style.

    >>> with using_language("nb"):
    ...     format_percent(0.42)
    '42\\xa0%'
    """
    loc = locale()
    pattern = loc.percent_formats[None]
    return str(_fixed(parse_pattern(pattern.pattern), decimals).apply(x, loc))


def format_date(d: date | datetime, format: str = "medium") -> str:  # noqa: A002 (Babel's name)
    """A date in the locale's style: ``format`` is short, medium, long, full or a CLDR pattern.

    >>> with using_language("it"):
    ...     format_date(date(2020, 6, 2), "long")
    '2 giugno 2020'
    """
    pattern = DATE_FORMATS.get(current_language(), {}).get(format, format)
    return str(_babel_date(d, format=pattern, locale=locale()))


def format_list(items: list[str]) -> str:
    """``["a", "b", "c"]`` as the locale writes a list: "a, b and c", "a, b e c", "a وb وc"."""
    return str(_babel_list(items, locale=locale()))


def format_month(d: date | datetime) -> str:
    """The month and year, abbreviated as the locale does (an axis tick, a period)."""
    return str(format_skeleton("yMMM", d, locale=locale()))


def format_datetime(dt: datetime, format: str = "medium", tzinfo: tzinfo | None = None) -> str:  # noqa: A002
    """A moment in the locale's style, in ``tzinfo`` (as stored, UTC, by default)."""
    return str(_babel_datetime(dt, format=format, tzinfo=tzinfo or dt.tzinfo, locale=locale()))
