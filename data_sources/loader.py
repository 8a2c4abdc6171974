"""Load any supported export into the canonical posts table, with a report of what happened.

>>> result = load_bytes(b"id,text,date\\n1,Hello,2024-05-01\\n", "posts.csv", brand="Acme")
>>> result.report.format, result.report.rows_loaded, result.posts["brand"][0]
('generic', 1, 'Acme')
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
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
    X_URL_HANDLE,
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
from data_sources.parsing import normalise_text_column, parse_count_columns, parse_datetimes
from data_sources.tables import (
    MAX_DECOMPRESSED_BYTES,
    RawTable,
    gunzip,
    human_size,
    read_excel_table,
    read_text_table,
    sniff_kind,
)
from followthrough.i18n import N_, _, ngettext

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
            raise LoadError(
                str(p), _("this is not a file but a device or a pipe."), hint=_("Name the export file itself.")
            )
        if p.is_file() and p.stat().st_size > limit:
            raise _too_big(p.name, p.stat().st_size, limit)
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise LoadError(str(p), _("the file does not exist."), hint=_("Check the path and try again.")) from err
    except IsADirectoryError as err:
        raise LoadError(str(p), _("this is a folder, not a file."), hint=_("Name the export file itself.")) from err
    except PermissionError as err:
        raise LoadError(
            str(p),
            _("the file cannot be read (permission denied)."),
            hint=_("Copy it to a folder of your own, or ask whoever owns it for access."),
        ) from err
    except OSError as err:
        raise LoadError(
            str(p),
            _("the file cannot be read ({reason}).").format(reason=err.strerror or _("the disk refused")),
            hint=_("Copy it and try again."),
        ) from err
    return load_bytes(data, p.name, **options)


def _too_big(name: str, size: int, limit: int) -> LoadError:
    return LoadError(
        name,
        _("the file is {size}, more than the {limit} Followthrough reads at once.").format(
            size=human_size(size), limit=human_size(limit)
        ),
        hint=_("Export a shorter date range (or split the file) and upload the parts one by one."),
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
            _("the file is too big to read in the memory this server has."),
            hint=_("Export a shorter date range (or split the file) and upload the parts one by one."),
        ) from err
    except Exception as err:
        # A file unlike anything the readers were built for. The person gets a message they can act
        # on; the details go to the server's log for whoever maintains it.
        _log.exception("unexpected error reading %s", name)
        raise LoadError(name, _(UNREADABLE), hint=_(UNREADABLE_HINT)) from err


#: The message for a file that broke a reader in a way no check foresaw (tests assert it never appears).
UNREADABLE = N_("Followthrough could not make sense of this file: its layout is not one it can read.")
UNREADABLE_HINT = N_(
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
        raise LoadError(
            name,
            _("'{format}' is not a format Followthrough knows.").format(format=format),
            hint=_("Choose one of: {formats}.").format(formats=known),
        )
    if platform is not None and platform not in S.PLATFORMS:
        raise LoadError(
            name,
            _("'{platform}' is not a platform.").format(platform=platform),
            hint=_("Use one of: {platforms}.").format(platforms=", ".join(S.PLATFORMS)),
        )
    kind = sniff_kind(data)
    if kind == "gzip":
        data = gunzip(data, name, limit=max_bytes)
        kind = sniff_kind(data)
    if not data or (len(data) < 65_536 and not data.lstrip(b"\xef\xbb\xbf").strip()):
        raise LoadError(name, _("the file is empty."), hint=_("Export the posts again and upload the new file."))
    if kind in _NOT_EXPORTS:
        problem, hint = _NOT_EXPORTS[kind]
        raise LoadError(name, _(problem), hint=_(hint))
    wants_json = format in JSON_FORMATS
    if kind == "json" or wants_json:
        return _load_json(data, name, format, mapping, brand, platform, assume_tz)
    table = read_excel_table(data, name, limit=max_bytes) if kind in ("xlsx", "xls") else read_text_table(data, name)
    fmt = table_format(format) if format else detect_table_format(table.frame.columns)
    return _canonicalise(table, fmt, name, mapping, brand, platform, assume_tz)


#: What a file that is not an export is, and what to do: translated when raised.
_NOT_EXPORTS = {
    "zip": (
        N_("this is a zip archive, not an export of posts."),
        N_(
            "Followthrough does not open archives (gzip aside): unzip it and upload the CSV, Excel or JSON file inside."
        ),
    ),
    "pdf": (
        N_("this is a PDF, not an export of posts."),
        N_("Export the posts from the platform as CSV, Excel or JSON and upload that file."),
    ),
    "image": (
        N_("this is an image, not an export of posts."),
        N_("Export the posts from the platform as CSV, Excel or JSON and upload that file."),
    ),
    "html": (
        N_("this is a web page (HTML), not an export of posts."),
        N_("The download may have saved a sign-in or error page instead of the export: download the export again."),
    ),
    "xml": (
        N_("this is an XML file, not an export of posts."),
        N_("If it is a spreadsheet, open it in Excel and save it as XLSX or CSV; otherwise export the posts as CSV."),
    ),
}


def load_many(paths: list[str | os.PathLike[str]], **options: Any) -> tuple[pl.DataFrame, list[LoadReport]]:
    """Load several exports into one de-duplicated table (later files win on repeats).

    The files are read side by side on threads (polars works outside the GIL): what one
    file's reading leaves of the CPU, the other's uses. An error is the first file's, in order.
    """

    def load_in(context: contextvars.Context, path: str | os.PathLike[str]) -> LoadResult:
        # In the caller's context, so that messages are in the reader's language.
        return context.run(load_path, path, **options)

    with ThreadPoolExecutor(max_workers=max(1, min(len(paths), os.cpu_count() or 1))) as pool:
        loads = [pool.submit(load_in, contextvars.copy_context(), p) for p in paths]
        results = [load.result() for load in loads]
    frame = pl.concat([r.posts for r in results]) if results else S.empty_posts()
    reports = [r.report for r in results]
    # Each file's posts are unique already; files of different platforms cannot repeat each other.
    platforms = [p for r in reports for p in r.platforms]
    if len(platforms) == len(set(platforms)):
        return frame.rechunk(), reports
    return S.deduplicate(frame), reports


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
                _(
                    "this JSON is not an export of posts Followthrough recognises "
                    "(X API, Twitter archive, Mastodon, Bluesky, or a list of post records)."
                ),
                hint=_("Upload the file the platform or its API gave you, or a CSV with one post per row."),
            ) from err
        table = RawTable(frame, rows_before_data=0, encoding="json")
        return _canonicalise(table, GENERIC, name, mapping, brand, platform, assume_tz)
    try:
        frame = read_json_format(fmt_name, payload)
    except (pl.exceptions.PolarsError, AttributeError, TypeError) as err:
        raise LoadError(
            name,
            _("the file looks like {format} but its records do not have the expected fields.").format(
                format=JSON_FORMATS[fmt_name]
            ),
            hint=_("Upload the file as the platform or its API gave it, unchanged."),
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
        report.warnings.append(_("the file has a header but no rows of posts"))
    if not sources.get(S.TEXT) and not sources.get(S.POST_ID):
        raise LoadError(
            name,
            _("no column with the post text or post id was found (columns: {columns}).").format(
                columns=", ".join(raw.columns[:15]) + ("…" if raw.width > 15 else "")
            ),
            hint=_("Choose the format, or map the columns yourself: which column holds the text, the date, the id."),
        )
    if not sources.get(S.PUBLISHED_AT):
        raise LoadError(
            name,
            _("no column with the date of each post was found."),
            hint=_("Map the date column yourself (for example 'Date' or 'Published')."),
        )
    report.columns_used = {canon: " | ".join(cols) for canon, cols in sources.items() if cols}

    # Only the columns the posts are made of are carried along, each cleaned once.
    text_canons = (S.POST_ID, S.TEXT, S.URL, S.BRAND, S.PLATFORM, S.LANG, S.TYPE)
    text_cols = {canon: _text_expr(sources.get(canon, [])) for canon in text_canons}
    # Each text column is stripped once, however many fields read it.
    text_sources = dict.fromkeys(c for canon in text_canons for c in sources.get(canon, []))
    stripped = raw.select(pl.col(c).cast(pl.String).str.strip_chars().alias(_STRIPPED + c) for c in text_sources)
    work = (
        raw.hstack(stripped.get_columns())
        .with_row_index("_row", offset=offset + 1)
        .select(
            "_row",
            *(expr.alias(f"_{canon}") for canon, expr in text_cols.items()),
            _flag_expr(sources, S.IS_REPOST, raw).alias(S.IS_REPOST),
            _flag_expr(sources, S.IS_REPLY, raw).alias(S.IS_REPLY),
        )
    )

    dates = [parse_datetimes(raw[c], assume_tz=assume_tz).values for c in sources[S.PUBLISHED_AT]]
    work = work.with_columns(pl.coalesce([pl.lit(d) for d in dates]).alias(S.PUBLISHED_AT))
    unparsed_dates = raw.select(
        pl.lit(work[S.PUBLISHED_AT]).is_null() & pl.any_horizontal(pl.col(sources[S.PUBLISHED_AT]).is_not_null())
    ).to_series()
    if unparsed_dates.any():
        first = int(unparsed_dates.arg_true()[0])
        example = {c: raw[c][first] for c in sources[S.PUBLISHED_AT]}
        shown = next(example[c] for c in sources[S.PUBLISHED_AT] if example[c] is not None)
        unread = int(unparsed_dates.sum())
        report.warnings.append(
            ngettext(
                "{n} date in column '{column}' could not be read ('{example}', row {row}); that row was skipped",
                "{n} dates in column '{column}' could not be read, for example '{example}' (row {row}); "
                "those rows were skipped",
                unread,
            ).format(n=unread, column=sources[S.PUBLISHED_AT][0], example=shown, row=offset + 1 + first)
        )

    count_sources = list(dict.fromkeys(c for canon in _COUNT_COLUMNS for c in sources.get(canon, [])))
    counts = parse_count_columns(raw.select(count_sources))
    count_exprs = []
    for canon in _COUNT_COLUMNS:
        cols = sources.get(canon, [])
        parsed = []
        for c in cols:
            result = counts[c]
            parsed.append(result.values)
            if result.unreadable:
                report.warnings.append(
                    ngettext(
                        "{n} value in column '{column}' was not a number and was left empty",
                        "{n} values in column '{column}' were not numbers and were left empty",
                        result.unreadable,
                    ).format(n=result.unreadable, column=c)
                )
            if result.negative:
                report.warnings.append(
                    ngettext(
                        "{n} negative value in column '{column}' was left empty",
                        "{n} negative values in column '{column}' were left empty",
                        result.negative,
                    ).format(n=result.negative, column=c)
                )
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
        normalise_text_column(work[f"_{S.TEXT}"].fill_null("")).alias(S.TEXT),
        pl.col(f"_{S.URL}").alias(S.URL),
        _platform_expr(fmt, sources, platform).alias(S.PLATFORM),
    )
    work = work.with_columns(_brands(work, brand, name).alias(S.BRAND))
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
        _on_rows(
            work,
            pl.col(f"_{S.POST_ID}").is_null(),
            # A post without an id gets one from what it is (only those rows are hashed).
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
            otherwise=pl.col(f"_{S.POST_ID}").str.strip_suffix(".0"),
        ).alias(S.POST_ID),
        pl.lit(name).alias(S.SOURCE_FILE),
        pl.col("_row").cast(pl.Int64).alias(S.SOURCE_ROW),
    )

    empty = pl.col(f"_{S.POST_ID}").is_null() & (pl.col(S.TEXT) == "") & pl.col(S.PUBLISHED_AT).is_null()
    no_date = pl.col(S.PUBLISHED_AT).is_null()
    work = work.with_columns(
        pl.when(empty).then(pl.lit("empty row")).when(no_date).then(pl.lit("date missing or unreadable")).alias("_skip")
    )
    # A row whose (platform, post id) comes again later is a repeat: only the last is kept.
    # Repeats are rare: when the keys' hashes are all different there is none, found at a
    # third of the cost of matching the keys themselves.
    candidates = work.select(S.PLATFORM, S.POST_ID, "_row", "_skip")
    if candidates["_skip"].null_count() < candidates.height:
        candidates = candidates.filter(pl.col("_skip").is_null())
    key = pl.struct(S.PLATFORM, S.POST_ID)
    repeats = candidates.select(key.hash().n_unique()).item() < candidates.height
    dup = candidates.filter(~key.is_last_distinct()) if repeats else candidates.clear()
    if dup.height:
        work = work.with_columns(
            pl.when(pl.col("_row").is_in(dup["_row"].implode()))
            .then(pl.lit("repeated post id (the later row was kept)"))
            .otherwise(pl.col("_skip"))
            .alias("_skip")
        )
    skipped = work.select("_row", "_skip").filter(pl.col("_skip").is_not_null())
    report.skipped = dict(Counter(skipped["_skip"].to_list()))
    report.skipped_examples = [(int(r), str(w)) for r, w in skipped.head(MAX_EXAMPLES).iter_rows()]
    posts = S.conform(work)
    if skipped.height:
        posts = posts.filter(work["_skip"].is_null())
    _summarise(report, posts)
    return LoadResult(posts, report)


def _on_rows(work: pl.DataFrame, rows: pl.Expr, value: pl.Expr, *, otherwise: pl.Expr) -> pl.Series:
    """``value`` on the ``rows`` where the condition holds, ``otherwise`` elsewhere; ``value``
    (a row-wise expression) is computed on those rows alone."""
    base = work.select(otherwise).to_series()
    chosen = work.select(rows.fill_null(False)).to_series()
    if not chosen.any():
        return base
    # Lazily, so that only the columns ``value`` reads are filtered.
    values = work.lazy().filter(chosen).select(value).collect().to_series()
    return base.scatter(chosen.arg_true(), values)


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
                    _("the mapping names a column '{column}' for {field}, but the file has no such column.").format(
                        column=wanted, field=canon
                    ),
                    hint=_("The file's columns are: {columns}.").format(columns=", ".join(columns[:20])),
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
                _("the mapping names unknown fields: {fields}.").format(fields=", ".join(sorted(unknown))),
                hint=_("Use the fields: {fields}.").format(fields=", ".join(S.COLUMNS[:16])),
            )
    return sources


def _text_expr(columns: list[str]) -> pl.Expr:
    if not columns:
        return pl.lit(None, dtype=pl.String)
    return pl.coalesce([_blank_as_null(pl.col(_STRIPPED + c)) for c in columns])


#: The prefix of a text column's stripped copy while a file is canonicalised.
_STRIPPED = "\x1fstripped "


def _blank_as_null(text: pl.Expr) -> pl.Expr:
    """``""`` and ``"-"`` as missing (a test of length first: most cells are longer)."""
    return pl.when(text.str.len_bytes() > 1).then(text).when(text.is_in(["", "-"])).then(None).otherwise(text)


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


def _brands(work: pl.DataFrame, brand: str | None, name: str) -> pl.Expr:
    """The brand column, else the account in the post's URL, else the file's name."""
    if brand:
        return pl.lit(brand)
    given = pl.col(f"_{S.BRAND}").str.strip_prefix("@")
    wanted = given.is_null() & pl.col(f"_{S.URL}").is_not_null()
    # X's pattern alone first: the whole alternation costs three times as much, and where
    # X's matches, it is the alternative the whole pattern takes.
    nothing = pl.repeat(None, pl.len(), dtype=pl.String)
    from_x = _on_rows(work, wanted, pl.col(f"_{S.URL}").str.extract(X_URL_HANDLE, 1), otherwise=nothing)
    handle = pl.col(f"_{S.URL}").str.extract_groups(URL_HANDLE)
    from_url = _on_rows(
        work.with_columns(from_x.alias("_handle")),
        wanted & pl.col("_handle").is_null(),
        pl.coalesce([handle.struct.field(str(i)) for i in range(1, 6)]),
        otherwise=pl.col("_handle"),
    )
    return pl.coalesce(given, pl.lit(from_url), pl.lit(Path(name).stem))


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
            ngettext(
                "{n} value in column '{column}' is not one of {types} and was ignored",
                "{n} values in column '{column}' are not one of {types} and were ignored",
                given - valid,
            ).format(n=given - valid, column=sources[S.TYPE][0], types=", ".join(S.POST_TYPES))
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
