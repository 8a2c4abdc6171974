"""Column-level parsing of what exports really contain: encodings, dates, counts, HTML.

Every function works on whole columns (polars expressions or Series), never row by row.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

import polars as pl

from data_sources.errors import LoadError

# --------------------------------------------------------------------------- encodings


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Decode an export's bytes to text, returning ``(text, encoding)``.

    UTF-8 with or without BOM, UTF-16 (with BOM, or detected from NUL bytes), then
    charset detection for legacy encodings such as cp1252.

    >>> decode("Café".encode("cp1252"), "f.csv")[0]
    'Café'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", file), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", file), "utf-16"
    head = data[:4096]
    if head and head.count(0) > len(head) // 4:
        # UTF-16 without a BOM: ASCII characters leave every other byte NUL.
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return _strict(data, encoding, file), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding.startswith(_LATIN_GUESSES):
        # Short Western texts look alike in every Latin code page; Excel writes cp1252.
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # Mixed encodings in one file: keep every readable character, mark the rest.
        return data.decode("utf-8", errors="replace"), "utf-8 (with unreadable bytes replaced)"


_LATIN_GUESSES = (
    "cp1250",
    "cp1252",
    "cp1257",
    "latin",
    "iso8859_1",
    "iso8859_2",
    "iso8859_15",
    "mac_roman",
    "mac_latin2",
)


def _strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise LoadError(
            file,
            f"the file says it is {encoding.upper()} but byte {err.start} is not valid {encoding}.",
            hint="Save it again as UTF-8 (in Excel: Save As → CSV UTF-8) and upload that copy.",
        ) from err


# --------------------------------------------------------------------------- dates

_TZ_FORMATS = (
    "%Y-%m-%d %H:%M %z",  # X tweet activity, as exported: no normalising needed
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M%z",
    "%a %b %d %H:%M:%S %z %Y",  # Twitter API v1.1
    "%a, %d %b %Y %H:%M:%S %z",  # RFC 2822
)
_NAIVE_FORMATS = (
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d-%m-%Y %H:%M",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%d %b %Y %H:%M",
)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%a, %b %d, %Y",  # X content export: "Tue, Jul 14, 2026"
    "%b %d, %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
)

_UTC = pl.Datetime("us", "UTC")


@dataclass(frozen=True)
class ParsedDates:
    values: pl.Series
    formats: tuple[str, ...]


def _normalise_date_text(s: pl.Series) -> pl.Series:
    return (
        s.str.strip_chars()
        .str.replace(r"^(\d{4}-\d{2}-\d{2})T", "$1 ")
        .str.replace(r"(?i)\s*(Z|UTC|GMT)$", "+00:00")
        .str.replace(r"\s+([+-]\d{2}:?\d{2})$", "$1")
        .str.replace(r"(?i)\s*a\.?m\.?$", " AM")
        .str.replace(r"(?i)\s*p\.?m\.?$", " PM")
    )


def _try(s: pl.Series, fmt: str, kind: str, assume_tz: str) -> pl.Series:
    if kind == "tz":
        return s.str.strptime(_UTC, fmt, strict=False)
    if kind == "naive":
        parsed = s.str.strptime(pl.Datetime("us"), fmt, strict=False)
    else:
        parsed = s.str.strptime(pl.Date, fmt, strict=False).cast(pl.Datetime("us"))
    return parsed.dt.replace_time_zone(assume_tz, ambiguous="earliest", non_existent="null").dt.convert_time_zone("UTC")


def parse_datetimes(raw: pl.Series, *, assume_tz: str = "UTC") -> ParsedDates:
    """Parse a column of dates written in any of the common export formats to UTC.

    The formats that read most of a sample are chosen for the whole column, so that
    ``03/04/2024`` follows the rest of its column (day first if another row says 25/04).
    Times without a zone are taken to be in ``assume_tz``.

    >>> parse_datetimes(pl.Series(["2020-06-26 15:00 +0000", "Tue, Jul 14, 2026"])).values.to_list()[1]
    datetime.datetime(2026, 7, 14, 0, 0, tzinfo=zoneinfo.ZoneInfo(key='UTC'))
    """
    s = raw.cast(pl.String)
    if s.null_count() == len(s):
        return ParsedDates(pl.Series(raw.name, [None] * len(s), dtype=_UTC), ())
    epoch = _parse_epoch(s)
    if epoch is not None:
        return ParsedDates(epoch.alias(raw.name), ("epoch",))
    raw_sample = s.drop_nulls().head(2000)
    direct = _try(raw_sample, _TZ_FORMATS[0], "tz", assume_tz)
    if len(raw_sample) and direct.null_count() == 0:
        return ParsedDates(_try(s, _TZ_FORMATS[0], "tz", assume_tz).alias(raw.name), (_TZ_FORMATS[0],))
    norm = _normalise_date_text(s)
    sample = norm.drop_nulls().head(2000)
    candidates = (
        [(f, "tz") for f in _TZ_FORMATS] + [(f, "naive") for f in _NAIVE_FORMATS] + [(f, "date") for f in _DATE_FORMATS]
    )
    scored = []
    for order, (fmt, kind) in enumerate(candidates):
        hits = len(sample) - _try(sample, fmt, kind, assume_tz).null_count()
        if hits:
            scored.append((-hits, order, fmt, kind))
    scored.sort()
    chosen = scored[:4]
    if not chosen:
        return ParsedDates(pl.Series(raw.name, [None] * len(s), dtype=_UTC), ())
    frame = pl.DataFrame({str(i): _try(norm, fmt, kind, assume_tz) for i, (_, _, fmt, kind) in enumerate(chosen)})
    values = frame.select(pl.coalesce(pl.all()).alias(raw.name)).to_series()
    return ParsedDates(values, tuple(fmt for _, _, fmt, _ in chosen))


def _parse_epoch(s: pl.Series) -> pl.Series | None:
    sample = s.drop_nulls().head(200)
    if len(sample) == 0 or not sample.str.contains(r"^\d{10}(\d{3})?(\.\d+)?$").all():
        return None
    digits = s.str.strip_chars().str.extract(r"^(\d+)", 1)
    number = digits.cast(pl.Int64, strict=False)
    millis = pl.select(pl.when(digits.str.len_chars() >= 13).then(number).otherwise(number * 1000)).to_series()
    return pl.select(pl.from_epoch(millis, time_unit="ms").dt.replace_time_zone("UTC")).to_series()


# --------------------------------------------------------------------------- counts

_MISSING = ("", "-", "–", "—", "n/a", "na", "none", "null", "nan", "--")


@dataclass(frozen=True)
class ParsedCounts:
    values: pl.Series
    unreadable: int
    negative: int


def _plain_numbers(raw: pl.Series) -> bool:
    """True when a sample of the column holds only plain numbers and missing markers."""
    sample = raw.drop_nulls().head(5000).str.strip_chars()
    plain = sample.str.contains(r"^-?\d+(\.\d+)?$") | sample.str.to_lowercase().is_in(_MISSING)
    thousands_like = sample.str.contains(r"^-?\d{1,3}\.\d{3}$")
    return bool(plain.all()) and not bool(
        thousands_like.any() and not sample.str.contains(r"\.(\d{1,2}|\d{4,})$").any()
    )


def parse_counts(raw: pl.Series) -> ParsedCounts:
    """Read engagement counts as nullable integers.

    Handles ``4209.0``, ``1,234``, ``1.234.567``, ``1 234``, ``6.5%``, ``12K`` and ``-``
    or empty for missing. Text and negative numbers become missing and are counted.

    >>> parse_counts(pl.Series(["4209.0", "1,234", "-", "x", "-3"])).values.to_list()
    [4209, 1234, None, None, None]
    """
    if raw.dtype.is_numeric():
        num = raw.cast(pl.Float64)
        unreadable = 0
    elif _plain_numbers(raw):
        # The common case ("4209.0", "12", "-"): one cast, no pattern matching.
        s = raw.str.strip_chars()
        missing = s.is_null() | s.str.to_lowercase().is_in(_MISSING)
        num = s.cast(pl.Float64, strict=False)
        unreadable = int((num.is_null() & ~missing).sum())
    else:
        s = raw.cast(pl.String).str.strip_chars().str.replace_all("[\u00a0\u202f' ]", "")
        missing = s.is_null() | s.str.to_lowercase().is_in(_MISSING)
        s = s.str.replace(r"%$", "")
        us_thousands = s.str.contains(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
        # "3.400" is a thousand-separated count unless the column also has real decimals.
        real_decimals = bool(s.str.contains(r"^-?\d+\.(\d{1,2}|\d{4,})$").any())
        eu_thousands = (
            s.str.contains(r"^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$")
            | s.str.contains(r"^-?\d{1,3}\.\d{3},\d+$")
            | (s.str.contains(r"^-?\d{1,3}\.\d{3}$") & (not real_decimals))
        )
        eu_decimal = s.str.contains(r"^-?\d+,\d{1,2}$")
        suffix = s.str.extract(r"^-?[\d.]+([kKmM])$", 1).str.to_lowercase()
        cleaned = (
            pl.when(us_thousands)
            .then(s.str.replace_all(",", ""))
            .when(eu_thousands)
            .then(s.str.replace_all(r"\.", "").str.replace(",", "."))
            .when(eu_decimal)
            .then(s.str.replace(",", "."))
            .when(suffix.is_not_null())
            .then(s.str.replace(r"[kKmM]$", ""))
            .otherwise(s)
        )
        frame = pl.DataFrame({"s": s, "missing": missing, "suffix": suffix})
        num = frame.select(
            (
                cleaned.cast(pl.Float64, strict=False)
                * pl.when(pl.col("suffix") == "k")
                .then(1_000.0)
                .when(pl.col("suffix") == "m")
                .then(1_000_000.0)
                .otherwise(1.0)
            ).alias("n")
        ).to_series()
        unreadable = int((num.is_null() & ~missing).sum())
    num = num.fill_nan(None)
    negative = int((num < 0).sum())
    values = pl.select(pl.when(pl.lit(num) >= 0).then(pl.lit(num).round(0)).cast(pl.Int64)).to_series().alias(raw.name)
    return ParsedCounts(values, unreadable, negative)


# --------------------------------------------------------------------------- text

_ENTITIES = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&#x27;": "'",
    "&apos;": "'",
    "&nbsp;": " ",
}
_ENTITY = re.compile(r"&#?\w+;")


def unescape_html(text: pl.Expr) -> pl.Expr:
    """Turn HTML entities (``&amp;``, ``&#128512;``) into characters."""
    common = text.str.replace_many(list(_ENTITIES), list(_ENTITIES.values()))
    return (
        pl.when(common.str.contains(_ENTITY.pattern))
        .then(common.map_elements(html.unescape, return_dtype=pl.String))
        .otherwise(common)
    )


def html_to_text(markup: pl.Expr) -> pl.Expr:
    """Plain text from a post's HTML (Mastodon ``content``): paragraphs and breaks kept."""
    stripped = (
        markup.str.replace_all(r"(?i)<br\s*/?>", "\n")
        .str.replace_all(r"(?i)</p>\s*<p[^>]*>", "\n\n")
        .str.replace_all(r"(?i)<span class=\"invisible\">[^<]*</span>", "")
        .str.replace_all(r"(?i)<span class=\"ellipsis\">([^<]*)</span>", "$1…")
        .str.replace_all(r"<[^>]+>", "")
    )
    return unescape_html(stripped).str.strip_chars()


def normalise_text(text: pl.Expr) -> pl.Expr:
    """Unescape entities and normalise line endings; keep everything the author wrote."""
    return unescape_html(text.str.replace_all("\r\n?", "\n"))
