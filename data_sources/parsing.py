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
    charset detection for legacy encodings such as cp1252. See :func:`decode_with_notes`
    for what was repaired on the way.

    >>> decode("Café".encode("cp1252"), "f.csv")[0]
    'Café'
    """
    text, encoding, _ = decode_with_notes(data, file)
    return text, encoding


def decode_with_notes(data: bytes, file: str) -> tuple[str, str, list[str]]:
    r"""Like :func:`decode`, with notes for the load report on what had to be repaired.

    A file that mixes UTF-8 with Windows-1252 (rows pasted in from another export) keeps
    its UTF-8 characters and reads the rest as Windows-1252; a file cut off in the middle
    of a character loses that character.

    >>> decode_with_notes("Café\n".encode() + "Crème\n".encode("cp1252"), "f.csv")[:2]
    ('Café\nCrème\n', 'utf-8 mixed with cp1252')
    """
    if data.startswith(codecs.BOM_UTF8):
        text, encoding, notes = _utf8(data[3:], file)
        return text, "utf-8-sig" if encoding == "utf-8" else encoding, notes
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, notes = _strict(data, "utf-16", file)
        return text, "utf-16", notes
    head = data[:4096]
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        text, notes = _strict(data, utf16, file)
        return text, utf16, notes
    if looks_binary(head):
        raise binary_data_error(file)
    return _utf8(data, file)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when NUL bytes sit at one parity only, as the ASCII of UTF-16 text leaves them."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) >= max(len(head) * 0.05, 1) and min(even, odd) <= max(even, odd) * 0.1:
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file are binary data rather than text in some encoding.

    Programs, images and archives (and a bomb of zeros) are full of NUL and other control
    bytes; UTF-16 text has NULs too, but at one of the two byte positions only.

    >>> looks_binary(bytes(100)), looks_binary("id,text".encode("utf-16-le")), looks_binary(b"id,text")
    (True, False, False)
    """
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls >= min(16, len(head) // 4 + 1) and controls > len(head) * 0.05


MIXED_ENCODING = "utf-8 mixed with cp1252"
_ASCII = bytes(range(128))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: A line with a non-ASCII character that is valid UTF-8 throughout: in a file that is not UTF-8
#: as a whole, the sign of rows in two encodings (a legacy encoding such as Shift-JIS has none).
_UTF8_LINE = re.compile(
    rb"(?m)^[\x00-\x09\x0b-\x7f]*+(?:"
    + _UTF8_SEQUENCE.pattern
    + rb")(?:[\x00-\x09\x0b-\x7f]|"
    + _UTF8_SEQUENCE.pattern
    + rb")*+$"
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _as_cp1252(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as Windows-1252 (Latin-1 where it has a gap)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    chars = "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in bad)
    return chars, err.end


codecs.register_error("followthrough-cp1252", _as_cp1252)


def _utf8(data: bytes, file: str) -> tuple[str, str, list[str]]:
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and len(data[: err.start].translate(None, _ASCII)):
            # Everything before the error is valid UTF-8: the file stops in the middle of a character.
            return data[: err.start].decode("utf-8"), "utf-8", [_CUT_SHORT]
    if _UTF8_LINE.search(data):
        not_utf8 = len(_UTF8_SEQUENCE.sub(b"", data).translate(None, _ASCII))
        note = (
            f"the file mixes two encodings: {not_utf8:,} character(s) were not UTF-8 and were read as "
            "Windows-1252; if accented letters look wrong, save the file again as CSV UTF-8"
        )
        return data.decode("utf-8", errors="followthrough-cp1252"), MIXED_ENCODING, [note]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding.startswith(_LATIN_GUESSES) or encoding.startswith("utf"):
        # Short Western texts look alike in every Latin code page; Excel writes cp1252. UTF-16 and
        # UTF-8 were ruled out above, whatever the detector guesses from a few bytes.
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding, []
    except (UnicodeDecodeError, LookupError):
        note = "some bytes are not valid in any one encoding and were read as Windows-1252"
        return data.decode("cp1252", errors="followthrough-cp1252"), "cp1252", [note]


def binary_data_error(file: str) -> LoadError:
    """The error for bytes that are not text at all."""
    return LoadError(
        file,
        "this is not a text export: it contains binary data (is it an image, a program or a PDF renamed .csv?).",
        hint="Export the posts from the platform as CSV, Excel or JSON and upload that file.",
    )


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


def _strict(data: bytes, encoding: str, file: str) -> tuple[str, list[str]]:
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as err:
        if err.reason == "truncated data" and err.end >= len(data) - 1:
            return data[: err.start].decode(encoding), [_CUT_SHORT]
        raise LoadError(
            file,
            f"the file says it is {encoding.upper()} but byte {err.start} is not valid {encoding}.",
            hint="Save it again as UTF-8 (in Excel: Save As → CSV UTF-8) and upload that copy.",
        ) from err


_CUT_SHORT = "the file ends in the middle of a character, so it may have been cut short: check the last row"


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
    chosen = scored
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
    # "inf", "1e400" or 30 digits are not counts: left empty and counted as unreadable.
    out_of_range = num.is_infinite() | (num.abs() >= 2.0**63)
    unreadable += int(out_of_range.sum())
    num = num.set(out_of_range.fill_null(False), None)
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
