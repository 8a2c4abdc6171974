"""Column-level parsing of what exports really contain: encodings, dates, counts, HTML.

Every function works on whole columns (polars expressions or Series), never row by row.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import polars as pl

from data_sources.errors import LoadError
from followthrough.i18n import N_, _, format_number, ngettext

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


def decode_start(data: bytes, chars: int) -> tuple[str, str] | None:
    """The first ``chars`` characters of ``data`` (one more when there are more) and the
    encoding, when :func:`decode_with_notes` would read all of ``data`` as UTF-8 without a
    note; else ``None``. Lets a reader that only needs the head of a big UTF-8 file leave
    the rest as bytes: polars checks them in one pass, Python would build a string of them.

    >>> decode_start(codecs.BOM_UTF8 + "Café".encode(), 3), decode_start("Café".encode("cp1252"), 3)
    (('Café', 'utf-8-sig'), None)
    """
    bom = data.startswith(codecs.BOM_UTF8)
    if not bom:
        head = data[:4096]
        if (
            data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            or _utf16_without_bom(head)
            or looks_binary(head)
        ):
            return None
    if not _is_utf8(data):
        return None
    start = 3 if bom else 0
    # Enough bytes for chars + 1 characters of up to four bytes; the decoder keeps a cut one back.
    text = codecs.getincrementaldecoder("utf-8")().decode(data[start : start + 4 * (chars + 1) + 3])
    return text, "utf-8-sig" if bom else "utf-8"


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8, checked by Arrow in place (no copy, no string built)."""
    import numpy as np
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


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
            return data[: err.start].decode("utf-8"), "utf-8", [_(_CUT_SHORT)]
    if _UTF8_LINE.search(data):
        not_utf8 = len(_UTF8_SEQUENCE.sub(b"", data).translate(None, _ASCII))
        note = ngettext(
            "the file mixes two encodings: {n} character was not UTF-8 and was read as Windows-1252; "
            "if accented letters look wrong, save the file again as CSV UTF-8",
            "the file mixes two encodings: {n} characters were not UTF-8 and were read as Windows-1252; "
            "if accented letters look wrong, save the file again as CSV UTF-8",
            not_utf8,
        ).format(n=format_number(not_utf8))
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
        note = _("some bytes are not valid in any one encoding and were read as Windows-1252")
        return data.decode("cp1252", errors="followthrough-cp1252"), "cp1252", [note]


def binary_data_error(file: str) -> LoadError:
    """The error for bytes that are not text at all."""
    return LoadError(
        file,
        _("this is not a text export: it contains binary data (is it an image, a program or a PDF renamed .csv?)."),
        hint=_("Export the posts from the platform as CSV, Excel or JSON and upload that file."),
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
            return data[: err.start].decode(encoding), [_(_CUT_SHORT)]
        raise LoadError(
            file,
            _("the file says it is {encoding} but byte {n} is not valid {codec}.").format(
                encoding=encoding.upper(), n=err.start, codec=encoding
            ),
            hint=_("Save it again as UTF-8 (in Excel: Save As → CSV UTF-8) and upload that copy."),
        ) from err


_CUT_SHORT = N_("the file ends in the middle of a character, so it may have been cut short: check the last row")


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


#: Matches every date text that :func:`_normalise_date_text` would change (and a few it would not).
_NEEDS_NORMALISING = (
    r"^\s|\s$|^\d{4}-\d{2}-\d{2}T|(?i:(?:Z|UTC|GMT)$)|\s[+-]\d{2}:?\d{2}$|(?i:a\.?m\.?$)|(?i:p\.?m\.?$)"
)


def _normalise_date_text(s: pl.Series) -> pl.Series:
    """Dates rewritten to the forms the formats read; one pattern pass picks the few rows to rewrite."""
    return _patched(s, s.str.contains(_NEEDS_NORMALISING).fill_null(False), _rewrite_date_text)


def _rewrite_date_text(s: pl.Series) -> pl.Series:
    return (
        s.str.strip_chars()
        .str.replace(r"^(\d{4}-\d{2}-\d{2})T", "$1 ")
        .str.replace(r"(?i)\s*(Z|UTC|GMT)$", "+00:00")
        .str.replace(r"\s+([+-]\d{2}:?\d{2})$", "$1")
        .str.replace(r"(?i)\s*a\.?m\.?$", " AM")
        .str.replace(r"(?i)\s*p\.?m\.?$", " PM")
    )


def _patched(
    base: pl.Series, rows: pl.Series, compute: Callable[[pl.Series], pl.Series], source: pl.Series | None = None
) -> pl.Series:
    """``base`` with the ``rows`` (a boolean mask) replaced by ``compute`` of those rows of
    ``source`` (default ``base``) alone: for a row-wise ``compute`` the same as computing
    every row, at the cost of the few."""
    index = rows.arg_true()
    if index.is_empty():
        return base
    return base.scatter(index, compute((base if source is None else source).gather(index)))


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
    # The first chosen format that reads a row wins: each later one is tried on the rows still unread.
    (_, _, fmt, kind), *others = chosen
    values = _try(norm, fmt, kind, assume_tz)
    for _, _, fmt, kind in others:
        unread = values.is_null() & norm.is_not_null()
        values = _patched(values, unread, partial(_try, fmt=fmt, kind=kind, assume_tz=assume_tz), source=norm)
    return ParsedDates(values.alias(raw.name), tuple(fmt for _, _, fmt, _ in chosen))


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
        return _plain_counts(raw.to_frame())[raw.name]
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


def parse_count_columns(frame: pl.DataFrame) -> dict[str, ParsedCounts]:
    """:func:`parse_counts` of each column of ``frame``; the common columns of plain numbers
    (``"4209.0"``, ``"12"``, ``"-"``) all in one pass.

    >>> counts = parse_count_columns(pl.DataFrame({"likes": ["4209.0", "-"], "shares": ["1,234", "x"]}))
    >>> counts["likes"].values.to_list(), counts["shares"].unreadable
    ([4209, None], 1)
    """
    plain = [c for c in frame.columns if not frame.schema[c].is_numeric() and _plain_numbers(frame[c])]
    out = {c: parse_counts(frame[c]) for c in frame.columns if c not in plain}
    if plain:
        out.update(_plain_counts(frame.select(plain)))
    return {c: out[c] for c in frame.columns}


def _stripped_number(text: pl.Series) -> pl.Series:
    return text.str.strip_chars().cast(pl.Float64, strict=False)


def _plain_counts(frame: pl.DataFrame) -> dict[str, ParsedCounts]:
    """The plain path of :func:`parse_counts` for every column of ``frame`` at once: strip, one
    cast; a value that does not cast is unreadable unless it is a missing marker, and so is a
    number beyond the range of a count."""
    columns = frame.columns
    cast = frame.select(pl.col(c).cast(pl.Float64, strict=False).alias(f"_{c}") for c in columns)
    # Spaces around a number stop the cast: only the cells that did not cast are stripped and cast again.
    cast = pl.DataFrame(
        _patched(cast[f"_{c}"], cast[f"_{c}"].is_null() & frame[c].is_not_null(), _stripped_number, source=frame[c])
        for c in columns
    )
    failed = {c: pl.col(c).is_not_null() & pl.col(f"_{c}").is_null() for c in columns}
    not_numbers = frame.hstack(cast.get_columns()).select(
        (
            failed[c].sum() - pl.col(c).filter(failed[c]).str.strip_chars().str.to_lowercase().is_in(_MISSING).sum()
        ).alias(c)
        for c in columns
    )
    floats = cast.select(pl.col(f"_{c}").fill_nan(None).alias(c) for c in columns)
    out_of_range = {c: pl.col(c).is_infinite() | (pl.col(c).abs() >= 2.0**63) for c in columns}
    beyond = floats.select(out_of_range[c].sum() for c in columns)
    numbers = floats.select(pl.when(out_of_range[c]).then(None).otherwise(pl.col(c)).alias(c) for c in columns)
    negative = numbers.select((pl.col(c) < 0).sum() for c in columns)
    values = numbers.select(pl.when(pl.col(c) >= 0).then(pl.col(c).round(0)).cast(pl.Int64).alias(c) for c in columns)
    return {
        c: ParsedCounts(values[c], int(not_numbers[c][0]) + int(beyond[c][0]), int(negative[c][0])) for c in columns
    }


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


def normalise_text_column(texts: pl.Series) -> pl.Series:
    """:func:`normalise_text` of a column, computed only for the texts it can change (those
    with ``&`` or a carriage return): most posts have neither."""
    touched = texts.str.contains("&", literal=True) | texts.str.contains("\r", literal=True)
    return _patched(
        texts, touched.fill_null(False), lambda rows: rows.to_frame().select(normalise_text(pl.first())).to_series()
    )
