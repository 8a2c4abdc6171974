"""Load any supported export into the canonical posts table, with a report of what happened.

>>> result = load_bytes(b"id,text,date\\n1,Hello,2024-05-01\\n", "posts.csv", brand="Acme")
>>> result.report.format, result.report.rows_loaded, result.posts["brand"][0]
('generic', 1, 'Acme')
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl

from data_sources import schema as S
from data_sources.errors import LoadError
from data_sources.formats import (
    FORMAT_LABELS,
    GENERIC,
    JSON_FORMATS,
    PLATFORM_NAMES,
    SYNONYMS,
    URL_HANDLE,
    URL_PLATFORMS,
    TableFormat,
    detect_table_format,
    normalise_name,
    table_format,
)
from data_sources.json_formats import (
    detect_json_format,
    parse_json,
    read_json_format,
    records_frame,
)
from data_sources.parsing import normalise_text, parse_counts, parse_datetimes
from data_sources.tables import (
    MAX_DECOMPRESSED_BYTES,
    RawTable,
    gunzip,
    human_size,
    read_excel_table,
    read_text_table,
    sniff_kind,
)

MAX_EXAMPLES = 20
_COUNT_COLUMNS = (S.LIKES, S.COMMENTS, S.SHARES, S.IMPRESSIONS, S.REACH, S.ENGAGEMENTS)
_TRUE = ("true", "1", "yes", "y", "ja", "sì", "si", "oui", "sim", "t")
_TYPE_ALIASES = {
    "commitment update": "commitment_update",
    "commitment-update": "commitment_update",
    "update": "commitment_update",
    "promo": "promotional",
    "promotion": "promotional",
}


@dataclass
class LoadReport:
    """What loading one file did, in terms a person can check against the export."""

    file: str
    format: str
    format_label: str
    rows_read: int = 0
    rows_loaded: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_examples: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns_used: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    date_min: datetime | None = None
    date_max: datetime | None = None
    brands: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    engagement_columns: list[str] = field(default_factory=list)

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["rows_skipped"] = self.rows_skipped
        out["date_min"] = self.date_min.isoformat() if self.date_min else None
        out["date_max"] = self.date_max.isoformat() if self.date_max else None
        out["skipped_examples"] = [{"row": r, "reason": why} for r, why in self.skipped_examples]
        return out


@dataclass
class LoadResult:
    posts: pl.DataFrame
    report: LoadReport


def available_formats() -> dict[str, str]:
    """Every format name a user can choose, with its label."""
    return dict(FORMAT_LABELS)


def max_file_bytes() -> int:
    """The largest file (or decompressed gzip) a load accepts: ``FOLLOWTHROUGH_MAX_FILE_MB``, else 1 GB.

    Streamlit refuses uploads above ``server.maxUploadSize`` before they reach the loader;
    this limit also holds for the command line and for gzip files that expand.
    """
    configured = os.environ.get("FOLLOWTHROUGH_MAX_FILE_MB", "").strip()
    try:
        megabytes = float(configured) if configured else 0.0
    except ValueError:
        megabytes = 0.0
    return int(megabytes * (1 << 20)) if megabytes > 0 else MAX_DECOMPRESSED_BYTES


def load_path(path: str | os.PathLike[str], **options: Any) -> LoadResult:
    """Load an export from disk; see :func:`load_bytes` for the options."""
    p = Path(path)
    limit = options.get("max_bytes") or max_file_bytes()
    try:
        if p.exists() and not p.is_file() and not p.is_dir():
            raise LoadError(str(p), "this is not a file but a device or a pipe.", hint="Name the export file itself.")
        if p.is_file() and p.stat().st_size > limit:
            raise _too_big(p.name, p.stat().st_size, limit)
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise LoadError(str(p), "the file does not exist.", hint="Check the path and try again.") from err
    except IsADirectoryError as err:
        raise LoadError(str(p), "this is a folder, not a file.", hint="Name the export file itself.") from err
    except PermissionError as err:
        raise LoadError(
            str(p),
            "the file cannot be read (permission denied).",
            hint="Copy it to a folder of your own, or ask whoever owns it for access.",
        ) from err
    except OSError as err:
        raise LoadError(
            str(p), f"the file cannot be read ({err.strerror or 'the disk refused'}).", hint="Copy it and try again."
        ) from err
    return load_bytes(data, p.name, **options)


def _too_big(name: str, size: int, limit: int) -> LoadError:
    return LoadError(
        name,
        f"the file is {human_size(size)}, more than the {human_size(limit)} Followthrough reads at once.",
        hint="Export a shorter date range (or split the file) and upload the parts one by one.",
    )


def load_bytes(
    data: bytes,
    name: str,
    *,
    format: str | None = None,
    mapping: dict[str, str] | None = None,
    brand: str | None = None,
    platform: str | None = None,
    assume_tz: str = "UTC",
    max_bytes: int | None = None,
) -> LoadResult:
    """Load one export given as bytes.

    ``format`` forces a reader (see :func:`available_formats`) instead of detection;
    ``mapping`` maps canonical columns to the file's own column names (generic files);
    ``brand`` and ``platform`` fill those columns when the export does not say;
    ``assume_tz`` is the zone of timestamps written without one; ``max_bytes`` is the
    largest file, or decompressed gzip, to accept (default :func:`max_file_bytes`).

    Every problem with the file is a :class:`LoadError` whose message names the file and
    what to do; nothing else escapes, so a page can show the message and move on.
    """
    try:
        return _load_bytes(data, name, format, mapping, brand, platform, assume_tz, max_bytes or max_file_bytes())
    except LoadError:
        raise
    except MemoryError as err:
        raise LoadError(
            name,
            "the file is too big to read in the memory this server has.",
            hint="Export a shorter date range (or split the file) and upload the parts one by one.",
        ) from err
    except Exception as err:
        # A file unlike anything the readers were built for. The person gets a message they can act
        # on; the details go to the server's log for whoever maintains it.
        _log.exception("unexpected error reading %s", name)
        raise LoadError(name, UNREADABLE, hint=UNREADABLE_HINT) from err


#: The message for a file that broke a reader in a way no check foresaw (tests assert it never appears).
UNREADABLE = "Followthrough could not make sense of this file: its layout is not one it can read."
UNREADABLE_HINT = (
    "Check that it is an export of posts (CSV, Excel or JSON) and export it again; if it still fails, "
    "send the file to whoever runs Followthrough."
)
_log = logging.getLogger(__name__)


def _load_bytes(
    data: bytes,
    name: str,
    format: str | None,
    mapping: dict[str, str] | None,
    brand: str | None,
    platform: str | None,
    assume_tz: str,
    max_bytes: int,
) -> LoadResult:
    if len(data) > max_bytes:
        raise _too_big(name, len(data), max_bytes)
    if format is not None and format not in FORMAT_LABELS:
        known = ", ".join(sorted(FORMAT_LABELS))
        raise LoadError(name, f"'{format}' is not a format Followthrough knows.", hint=f"Choose one of: {known}.")
    if platform is not None and platform not in S.PLATFORMS:
        raise LoadError(name, f"'{platform}' is not a platform.", hint=f"Use one of: {', '.join(S.PLATFORMS)}.")
    kind = sniff_kind(data)
    if kind == "gzip":
        data = gunzip(data, name, limit=max_bytes)
        kind = sniff_kind(data)
    if not data or (len(data) < 65_536 and not data.lstrip(b"\xef\xbb\xbf").strip()):
        raise LoadError(name, "the file is empty.", hint="Export the posts again and upload the new file.")
    if kind in _NOT_EXPORTS:
        what, hint = _NOT_EXPORTS[kind]
        raise LoadError(name, f"this is {what}, not an export of posts.", hint=hint)
    wants_json = format in JSON_FORMATS
    if kind == "json" or wants_json:
        return _load_json(data, name, format, mapping, brand, platform, assume_tz)
    table = read_excel_table(data, name, limit=max_bytes) if kind in ("xlsx", "xls") else read_text_table(data, name)
    fmt = table_format(format) if format else detect_table_format(table.frame.columns)
    return _canonicalise(table, fmt, name, mapping, brand, platform, assume_tz)


_NOT_EXPORTS = {
    "zip": (
        "a zip archive",
        "Followthrough does not open archives (gzip aside): unzip it and upload the CSV, Excel or JSON file inside.",
    ),
    "pdf": ("a PDF", "Export the posts from the platform as CSV, Excel or JSON and upload that file."),
    "image": ("an image", "Export the posts from the platform as CSV, Excel or JSON and upload that file."),
    "html": (
        "a web page (HTML)",
        "The download may have saved a sign-in or error page instead of the export: download the export again.",
    ),
    "xml": (
        "an XML file",
        "If it is a spreadsheet, open it in Excel and save it as XLSX or CSV; otherwise export the posts as CSV.",
    ),
}


def load_many(paths: list[str | os.PathLike[str]], **options: Any) -> tuple[pl.DataFrame, list[LoadReport]]:
    """Load several exports into one de-duplicated table (later files win on repeats)."""
    results = [load_path(p, **options) for p in paths]
    frame = pl.concat([r.posts for r in results]) if results else S.empty_posts()
    return S.deduplicate(frame), [r.report for r in results]


# --------------------------------------------------------------------------- JSON


def _load_json(
    data: bytes,
    name: str,
    format: str | None,
    mapping: dict[str, str] | None,
    brand: str | None,
    platform: str | None,
    assume_tz: str,
) -> LoadResult:
    payload = parse_json(data, name)
    fmt_name = format if format in JSON_FORMATS else detect_json_format(payload)
    if fmt_name is None:
        try:
            frame = records_frame(payload)
        except (ValueError, AttributeError, TypeError, pl.exceptions.PolarsError) as err:
            raise LoadError(
                name,
                "this JSON is not an export of posts Followthrough recognises "
                "(X API, Twitter archive, Mastodon, Bluesky, or a list of post records).",
                hint="Upload the file the platform or its API gave you, or a CSV with one post per row.",
            ) from err
        table = RawTable(frame, rows_before_data=0, encoding="json")
        return _canonicalise(table, GENERIC, name, mapping, brand, platform, assume_tz)
    try:
        frame = read_json_format(fmt_name, payload)
    except (pl.exceptions.PolarsError, AttributeError, TypeError) as err:
        raise LoadError(
            name,
            f"the file looks like {JSON_FORMATS[fmt_name]} but its records do not have the expected fields.",
            hint="Upload the file as the platform or its API gave it, unchanged.",
        ) from err
    identity = TableFormat(fmt_name, JSON_FORMATS[fmt_name], (), {c: (c,) for c in frame.columns})
    table = RawTable(frame, rows_before_data=0, encoding="json")
    return _canonicalise(table, identity, name, None, brand, platform, assume_tz, exact=True)


# --------------------------------------------------------------------------- canonical


def _canonicalise(
    table: RawTable,
    fmt: TableFormat,
    name: str,
    mapping: dict[str, str] | None,
    brand: str | None,
    platform: str | None,
    assume_tz: str,
    *,
    exact: bool = False,
) -> LoadResult:
    raw = table.frame
    report = LoadReport(file=name, format=fmt.name, format_label=fmt.label, encoding=table.encoding)
    report.warnings.extend(table.notes)
    offset = table.rows_before_data
    by_norm = {normalise_name(c): c for c in reversed(raw.columns)} if not exact else {c: c for c in raw.columns}

    sources = _resolve_sources(fmt, by_norm, mapping, name, raw.columns, exact=exact)
    if fmt.description_row and raw.height and _is_description_row(raw, sources.get(S.POST_ID, [])):
        raw = raw.slice(1)
        offset += 1

    report.rows_read = raw.height
    if raw.height == 0:
        report.warnings.append("the file has a header but no rows of posts")
    if not sources.get(S.TEXT) and not sources.get(S.POST_ID):
        raise LoadError(
            name,
            "no column with the post text or post id was found "
            f"(columns: {', '.join(raw.columns[:15])}{'…' if raw.width > 15 else ''}).",
            hint="Choose the format, or map the columns yourself: which column holds the text, the date, the id.",
        )
    if not sources.get(S.PUBLISHED_AT):
        raise LoadError(
            name,
            "no column with the date of each post was found.",
            hint="Map the date column yourself (for example 'Date' or 'Published').",
        )
    report.columns_used = {canon: " | ".join(cols) for canon, cols in sources.items() if cols}

    work = raw.with_row_index("_row", offset=offset + 1)
    text_cols = {
        canon: _text_expr(sources.get(canon, []))
        for canon in (S.POST_ID, S.TEXT, S.URL, S.BRAND, S.PLATFORM, S.LANG, S.TYPE)
    }
    work = work.with_columns(*(expr.alias(f"_{canon}") for canon, expr in text_cols.items()))

    dates = [parse_datetimes(raw[c], assume_tz=assume_tz).values for c in sources[S.PUBLISHED_AT]]
    work = work.with_columns(pl.coalesce([pl.lit(d) for d in dates]).alias(S.PUBLISHED_AT))
    unparsed_dates = work.filter(
        pl.col(S.PUBLISHED_AT).is_null() & pl.any_horizontal(pl.col(sources[S.PUBLISHED_AT]).is_not_null())
    )
    if unparsed_dates.height:
        example = unparsed_dates.row(0, named=True)
        shown = next(example[c] for c in sources[S.PUBLISHED_AT] if example[c] is not None)
        report.warnings.append(
            f"{unparsed_dates.height} date(s) in column '{sources[S.PUBLISHED_AT][0]}' could not be read, "
            f"for example '{shown}' (row {example['_row']}); those rows were skipped"
        )

    count_exprs = []
    for canon in _COUNT_COLUMNS:
        cols = sources.get(canon, [])
        parsed = []
        for c in cols:
            result = parse_counts(raw[c])
            parsed.append(result.values)
            if result.unreadable:
                report.warnings.append(
                    f"{result.unreadable} value(s) in column '{c}' were not numbers and were left empty"
                )
            if result.negative:
                report.warnings.append(f"{result.negative} negative value(s) in column '{c}' were left empty")
        count_exprs.append(
            (pl.coalesce([pl.lit(v) for v in parsed]) if parsed else pl.lit(None, dtype=pl.Int64)).alias(canon)
        )
    work = work.with_columns(count_exprs)
    report.engagement_columns = [c for c in _COUNT_COLUMNS if sources.get(c)]
    if not sources.get(S.ENGAGEMENTS) and any(sources.get(c) for c in (S.LIKES, S.COMMENTS, S.SHARES)):
        work = work.with_columns(
            pl.when(pl.any_horizontal(pl.col(S.LIKES, S.COMMENTS, S.SHARES).is_not_null()))
            .then(pl.sum_horizontal(pl.col(S.LIKES, S.COMMENTS, S.SHARES).fill_null(0)))
            .alias(S.ENGAGEMENTS)
        )

    work = work.with_columns(
        normalise_text(pl.col(f"_{S.TEXT}").fill_null("")).alias(S.TEXT),
        pl.col(f"_{S.URL}").alias(S.URL),
    )
    work = work.with_columns(_platform_expr(fmt, sources, platform).alias(S.PLATFORM))
    work = work.with_columns(_brand_expr(sources, brand, name).alias(S.BRAND))
    work = work.with_columns(
        _flag_expr(sources, S.IS_REPOST, raw).alias(S.IS_REPOST), _flag_expr(sources, S.IS_REPLY, raw).alias(S.IS_REPLY)
    )
    work = work.with_columns(
        pl.col(S.IS_REPOST) | pl.col(S.TEXT).str.starts_with("RT @"),
        pl.col(S.IS_REPLY)
        | (pl.col(S.TEXT).str.starts_with("@") & pl.col(S.PLATFORM).is_in(["x", "mastodon", "bluesky"])),
        pl.col(f"_{S.LANG}")
        .str.to_lowercase()
        .str.replace(r"^([a-z]{2,3})[-_].*$", "$1")
        .str.replace(r"^(no|nob|nor)$", "nb")
        .replace({"und": None, "zxx": None, "": None})
        .alias(S.LANG),
    )
    work = _human_type(work, report, sources)
    work = work.with_columns(
        pl.coalesce(
            pl.col(f"_{S.POST_ID}").str.replace(r"\.0$", ""),
            pl.concat_str(
                [
                    pl.lit("h"),
                    pl.concat_str(
                        [pl.col(S.BRAND), pl.col(S.PLATFORM), pl.col(S.PUBLISHED_AT).cast(pl.String), pl.col(S.TEXT)],
                        separator="\x1f",
                        ignore_nulls=True,
                    )
                    .hash()
                    .cast(pl.String),
                ]
            ),
        ).alias(S.POST_ID),
        pl.lit(name).alias(S.SOURCE_FILE),
        pl.col("_row").cast(pl.Int64).alias(S.SOURCE_ROW),
    )

    empty = pl.col(f"_{S.POST_ID}").is_null() & (pl.col(S.TEXT) == "") & pl.col(S.PUBLISHED_AT).is_null()
    no_date = pl.col(S.PUBLISHED_AT).is_null()
    work = work.with_columns(
        pl.when(empty).then(pl.lit("empty row")).when(no_date).then(pl.lit("date missing or unreadable")).alias("_skip")
    )
    dup = (
        work.filter(pl.col("_skip").is_null())
        .select(S.PLATFORM, S.POST_ID, "_row")
        .filter(pl.struct(S.PLATFORM, S.POST_ID).is_duplicated() & ~pl.struct(S.PLATFORM, S.POST_ID).is_last_distinct())
    )
    if dup.height:
        work = work.with_columns(
            pl.when(pl.col("_row").is_in(dup["_row"].implode()))
            .then(pl.lit("repeated post id (the later row was kept)"))
            .otherwise(pl.col("_skip"))
            .alias("_skip")
        )
    skipped = work.filter(pl.col("_skip").is_not_null())
    report.skipped = dict(Counter(skipped["_skip"].to_list()))
    report.skipped_examples = [
        (int(r), str(w)) for r, w in skipped.select("_row", "_skip").head(MAX_EXAMPLES).iter_rows()
    ]
    posts = S.conform(work.filter(pl.col("_skip").is_null()))
    _summarise(report, posts)
    return LoadResult(posts, report)


def _resolve_sources(
    fmt: TableFormat,
    by_norm: dict[str, str],
    mapping: dict[str, str] | None,
    name: str,
    columns: list[str],
    *,
    exact: bool,
) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    mapped = {k: v for k, v in (mapping or {}).items() if v}
    for canon in (
        S.POST_ID,
        S.TEXT,
        S.PUBLISHED_AT,
        S.URL,
        S.BRAND,
        S.PLATFORM,
        S.LANG,
        *_COUNT_COLUMNS,
        S.TYPE,
        S.IS_REPLY,
        S.IS_REPOST,
    ):
        if canon in mapped:
            wanted = mapped[canon]
            actual = wanted if wanted in columns else by_norm.get(normalise_name(wanted))
            if actual is None:
                raise LoadError(
                    name,
                    f"the mapping names a column '{wanted}' for {canon}, but the file has no such column.",
                    hint=f"The file's columns are: {', '.join(columns[:20])}.",
                    column=wanted,
                )
            sources[canon] = [actual]
            continue
        candidates = fmt.columns[canon] if canon in fmt.columns else (() if exact else SYNONYMS.get(canon, ()))
        found = [by_norm[c] for c in candidates if c in by_norm]
        sources[canon] = list(dict.fromkeys(found))
    if mapping:
        unknown = set(mapping) - set(S.COLUMNS)
        if unknown:
            raise LoadError(
                name,
                f"the mapping names unknown fields: {', '.join(sorted(unknown))}.",
                hint=f"Use the fields: {', '.join(S.COLUMNS[:16])}.",
            )
    return sources


def _text_expr(columns: list[str]) -> pl.Expr:
    if not columns:
        return pl.lit(None, dtype=pl.String)
    cleaned = [pl.col(c).cast(pl.String).str.strip_chars().replace({"": None, "-": None}) for c in columns]
    return pl.coalesce(cleaned)


def _is_description_row(raw: pl.DataFrame, id_columns: list[str]) -> bool:
    first = raw.row(0, named=True)
    ids_empty = all(not (first.get(c) or "").strip() for c in id_columns) if id_columns else True
    described = sum(1 for v in first.values() if isinstance(v, str) and v.startswith("Lifetime:"))
    return ids_empty and described > 0


def _platform_expr(fmt: TableFormat, sources: dict[str, list[str]], platform: str | None) -> pl.Expr:
    if platform:
        return pl.lit(platform)
    if fmt.platform:
        return pl.lit(fmt.platform)
    from_url = pl.lit(None, dtype=pl.String)
    for pattern, value in reversed(URL_PLATFORMS):
        from_url = pl.when(pl.col(f"_{S.URL}").str.contains(pattern)).then(pl.lit(value)).otherwise(from_url)
    column = (
        pl.col(f"_{S.PLATFORM}").str.to_lowercase().str.strip_chars().replace_strict(PLATFORM_NAMES, default="other")
        if sources.get(S.PLATFORM)
        else pl.lit(None, dtype=pl.String)
    )
    return pl.coalesce(column, from_url, pl.lit("other"))


def _brand_expr(sources: dict[str, list[str]], brand: str | None, name: str) -> pl.Expr:
    if brand:
        return pl.lit(brand)
    handle = pl.col(f"_{S.URL}").str.extract_groups(URL_HANDLE)
    from_url = pl.coalesce([handle.struct.field(str(i)) for i in range(1, 6)])
    stem = Path(name).stem
    return pl.coalesce(pl.col(f"_{S.BRAND}").str.strip_prefix("@"), from_url, pl.lit(stem))


def _flag_expr(sources: dict[str, list[str]], canon: str, raw: pl.DataFrame) -> pl.Expr:
    cols = sources.get(canon, [])
    if not cols:
        return pl.lit(False)
    c = cols[0]
    if raw.schema[c] == pl.Boolean:
        return pl.col(c).fill_null(False)
    return pl.col(c).cast(pl.String).str.strip_chars().str.to_lowercase().is_in(_TRUE).fill_null(False)


def _human_type(work: pl.DataFrame, report: LoadReport, sources: dict[str, list[str]]) -> pl.DataFrame:
    if not sources.get(S.TYPE):
        return work.with_columns(pl.lit(None, dtype=pl.String).alias(S.TYPE))
    value = pl.col(f"_{S.TYPE}").str.strip_chars().str.to_lowercase().replace(_TYPE_ALIASES)
    typed = work.with_columns(pl.when(value.is_in(S.POST_TYPES)).then(value).alias(S.TYPE))
    given = typed.select(pl.col(f"_{S.TYPE}").is_not_null().sum()).item()
    valid = typed.select(pl.col(S.TYPE).is_not_null().sum()).item()
    if given and valid < given / 2:
        # A media-type column ('Photo', 'Link'), not a label: ignore it.
        report.columns_used.pop(S.TYPE, None)
        return work.with_columns(pl.lit(None, dtype=pl.String).alias(S.TYPE))
    if valid < given:
        report.warnings.append(
            f"{given - valid} value(s) in column '{sources[S.TYPE][0]}' are not one of "
            f"{', '.join(S.POST_TYPES)} and were ignored"
        )
    return typed


def _summarise(report: LoadReport, posts: pl.DataFrame) -> None:
    report.rows_loaded = posts.height
    if posts.height:
        report.date_min = posts[S.PUBLISHED_AT].min()  # type: ignore[assignment]
        report.date_max = posts[S.PUBLISHED_AT].max()  # type: ignore[assignment]
    report.brands = sorted(posts[S.BRAND].drop_nulls().unique().to_list())
    report.platforms = sorted(posts[S.PLATFORM].drop_nulls().unique().to_list())
    report.languages = sorted(posts[S.LANG].drop_nulls().unique().to_list())


def report_json(reports: list[LoadReport]) -> str:
    return json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2)
