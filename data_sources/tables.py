"""Bytes of a CSV, TSV, XLS or XLSX export to a frame of raw string columns.

The reader finds the header under any preamble (``# Start date``, titles, ``sep=,``),
sniffs the delimiter, and keeps every cell as text; typing happens later, per column.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

import polars as pl

from data_sources.errors import LoadError
from data_sources.parsing import binary_data_error, decode_start, decode_with_notes, looks_binary
from followthrough.i18n import _, format_number, ngettext

MAX_DECOMPRESSED_BYTES = 1 << 30
"""What a gzip export or the sheets of a workbook may expand to, unless the caller sets a lower limit."""
MAX_COLUMNS = 2000
MAX_SHEET_CELLS = 10_000_000
"""A sheet spanning more cells than this (empty ones included) is refused before it is read:
the reader holds every cell of the sheet's rectangle in memory."""
_HEAD_CHARS = 262_144
_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class RawTable:
    """A sheet of text cells and where its data starts in the original file."""

    frame: pl.DataFrame
    rows_before_data: int
    encoding: str
    delimiter: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


def sniff_kind(data: bytes) -> str:
    """What the bytes are: ``xlsx``, ``xls``, ``zip``, ``gzip``, ``pdf``, ``image``, ``html``, ``xml``, ``json``
    or ``text``.

    >>> sniff_kind(b"<!DOCTYPE html><html><body>Sign in</body></html>")
    'html'
    """
    if data.startswith(b"PK\x03\x04"):
        return "xlsx" if b"[Content_Types].xml" in data[:4096] or b"xl/" in data[:65536] else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM")):
        return "image"
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")) or head.startswith(b"window.YTD"):
        return "json"
    if head[:15].lower().startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    return "text"


def gunzip(data: bytes, file: str, *, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress a gzip export, refusing one that expands beyond ``limit`` bytes.

    The first kilobytes are checked before anything else, so a bomb of zeros or a compressed
    image stops at once; then the file is expanded once only to measure it, keeping nothing,
    so a bomb of text costs time but never memory beyond the limit check.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            head = stream.peek(65_536)
            if sniff_kind(head) == "gzip":
                raise LoadError(
                    file,
                    _("the file is compressed twice (a gzip file inside a gzip file)."),
                    hint=_("Decompress it fully and upload the CSV or JSON inside."),
                )
            if sniff_kind(head) in _NOT_EXPORTS or looks_binary(head):
                raise binary_data_error(file)
            expanded = 0
            while chunk := stream.read(1 << 20):
                expanded += len(chunk)
                if expanded > limit:
                    raise LoadError(
                        file,
                        _(
                            "the compressed file expands to more than {size}, which is more than an export should be."
                        ).format(size=human_size(limit)),
                        hint=_("Split the export by date range and upload the parts."),
                    )
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return stream.read()
    except (OSError, EOFError, zlib.error) as err:
        raise LoadError(
            file,
            _("the file is compressed (gzip) but is damaged or cut short."),
            hint=_("Download the export again, or upload the uncompressed CSV."),
        ) from err


_NOT_EXPORTS = ("zip", "pdf", "image")


def human_size(n: int) -> str:
    """Bytes in the units a person reads: ``1 GB``, ``200 MB``, ``12 KB``."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{format_number(value, 0 if value >= 10 or value.is_integer() else 1)} {unit}"
    return ngettext("{n} byte", "{n} bytes", n).format(n=format_number(n))


def read_text_table(data: bytes, file: str) -> RawTable:
    """Read delimited text (CSV, TSV, semicolon-separated) into string columns."""
    # A UTF-8 file is read from its bytes: only its head is decoded, to find the header.
    start_only = decode_start(data, _HEAD_CHARS)
    text, encoding, notes = (*start_only, []) if start_only else decode_with_notes(data, file)
    if "\x00" in text[:4096] or _control_share(text[:4096]) > 0.05:
        raise binary_data_error(file)
    head = text[:_HEAD_CHARS]
    if "\n" not in head and "\r" in head:
        # Classic Mac line endings (Excel's "CSV (Macintosh)"): a bare CR ends each line.
        if start_only:
            text, encoding, notes = decode_with_notes(data, file)
            start_only = None
        text = text.replace("\r", "\n")
        head = text[:_HEAD_CHARS]
        encoding = f"{encoding}, CR line endings"
    lines = head.split("\n")
    if len(text) > len(head):
        lines = lines[:-1]  # the last line of the head may be cut
    if not lines:
        _refuse_endless_first_line(head, file)
    start, delimiter = _find_header(lines)
    if start is None or delimiter is None:
        raise LoadError(
            file,
            _("no table was found: no line looks like a header row of column names."),
            hint=_("Check that this is a CSV export of posts, with one post per row."),
        )
    if lines[start].count('"') % 2:
        raise LoadError(
            file,
            _('the header row has a quote mark (") that is never closed, so its column names cannot be told apart.'),
            hint=_("Open the file in a spreadsheet, check the column names, and save it again as CSV."),
            row=start + 1,
        )
    if _count_fields(lines[start], delimiter) > MAX_COLUMNS:
        raise LoadError(
            file,
            _("the header has more than {n} columns; a posts export has a few dozen.").format(
                n=format_number(MAX_COLUMNS)
            ),
            hint=_("Check that the file is a posts export and not a wide data dump."),
        )
    offset = sum(len(line) + 1 for line in lines[:start])
    if encoding == "utf-8" and not notes:
        body: bytes = data[len(text[:offset].encode("utf-8")) :]
    elif start_only:
        skip = 3 + len(text[:offset].encode("utf-8"))
        while data.startswith(codecs.BOM_UTF8, skip):
            skip += 3
        # polars skips the one byte-order mark of a file whose header is its first line.
        body = data if skip == 3 else data[skip:]
    else:
        body = text[offset:].lstrip("\ufeff").encode("utf-8")
    try:
        frame = pl.read_csv(
            body,
            separator=delimiter,
            infer_schema=False,
            truncate_ragged_lines=True,
            quote_char='"',
            raise_if_empty=False,
        )
    except pl.exceptions.ComputeError as err:
        raise _malformed(body, start, file) from err
    frame = _clean_names(frame, file)
    if frame.width:
        # Blank lines at the end of an export are not rows.
        frame = frame.filter(~pl.all_horizontal(pl.all().is_null()))
    return RawTable(frame, rows_before_data=start + 1, encoding=encoding, delimiter=delimiter, notes=notes)


def _refuse_endless_first_line(head: str, file: str) -> None:
    """The first line alone is longer than the part read to find the header: say why it cannot be one."""
    fields = max(head.count(d) for d in _DELIMITERS) + 1
    if fields > MAX_COLUMNS:
        raise LoadError(
            file,
            _("the header has more than {n} columns; a posts export has a few dozen.").format(
                n=format_number(MAX_COLUMNS)
            ),
            hint=_("Check that the file is a posts export and not a wide data dump."),
            row=1,
        )
    raise LoadError(
        file,
        _("the first line is longer than {size} without a line break, so it cannot be a header row.").format(
            size=human_size(len(head))
        ),
        hint=_("Check that this is a CSV export of posts, with column names on the first line and one post per row."),
        row=1,
    )


def read_excel_table(data: bytes, file: str, *, limit: int = MAX_DECOMPRESSED_BYTES) -> RawTable:
    """Read the first sheet of an XLS or XLSX workbook that holds a table of posts.

    An XLSX is checked before it is opened: its parts may expand to at most ``limit`` bytes
    and no sheet may span more than :data:`MAX_SHEET_CELLS` cells.
    """
    from python_calamine import CalamineWorkbook

    if data.startswith(b"PK"):
        _check_xlsx_extent(data, file, limit)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as err:  # calamine raises its own error types for damaged files
        raise LoadError(
            file,
            _("the workbook could not be opened; it may be damaged or password-protected."),
            hint=_("Open it in Excel, save a fresh copy (or export it as CSV) and upload that."),
        ) from err
    best: RawTable | None = None
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells = [[_cell(v) for v in row] for row in rows]
        start = _find_header_rows(cells)[0]
        if start is None:
            continue
        header = cells[start]
        width = max((i + 1 for i, v in enumerate(header) if v), default=0)
        data_rows = [row[:width] + [""] * (width - len(row)) for row in cells[start + 1 :]]
        frame = pl.DataFrame(
            [pl.Series(str(i), [r[i] or None for r in data_rows], dtype=pl.String) for i in range(width)]
        )
        frame.columns = _unique_names([h or f"column {i + 1}" for i, h in enumerate(header[:width])])
        frame = frame.filter(~pl.all_horizontal(pl.all().is_null())) if frame.width else frame
        table = RawTable(frame, rows_before_data=start + 1, encoding="xlsx", sheet=name)
        if len(book.sheet_names) > 1:
            table.notes.append(
                _("read sheet '{sheet}' of {n}").format(sheet=name, n=format_number(len(book.sheet_names)))
            )
        if best is None or frame.height > best.frame.height:
            best = table
        if _looks_like_posts(frame.columns):
            return table
    if best is None:
        raise LoadError(
            file,
            _("no sheet of the workbook holds a table with a header row."),
            hint=_("Check that the export has one post per row under a row of column names."),
        )
    return best


_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d+)\"")
_CELL_COLUMN = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr=\"([A-Z]+)\d")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_xlsx_extent(data: bytes, file: str, limit: int) -> None:
    """Refuse a workbook that would expand past ``limit`` bytes or whose sheets span too many cells.

    The reader holds every cell of a sheet's rectangle, empty or not, so a single value typed
    at XFD1048576 would ask for hundreds of gigabytes. Streaming each part through
    :mod:`zipfile` also checks its real size against the size the archive declares.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = [i for i in archive.infolist() if not i.is_dir()]
    except Exception:  # zipfile fails in many ways on damaged archives (BadZipFile, ValueError, struct.error…)
        return  # the workbook reader says it is damaged, in the same words as for any damaged workbook
    names = {i.filename for i in parts}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise LoadError(
            file,
            _("this is a zip archive, not an Excel workbook."),
            hint=_("Followthrough does not open archives (gzip aside): unzip it and upload the file inside."),
        )
    too_big = LoadError(
        file,
        _("the workbook expands to more than {size}, which is more than an export should be.").format(
            size=human_size(limit)
        ),
        hint=_("Export a shorter date range, or save the sheet of posts as CSV and upload that."),
    )
    if sum(i.file_size for i in parts) > limit:
        raise too_big
    expanded = 0
    for info in parts:
        is_sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
        rows, columns, tail = 0, 0, b""
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    expanded += len(chunk)
                    if expanded > limit:
                        raise too_big
                    if is_sheet:
                        block = tail + chunk
                        rows = max([rows, *map(int, _ROW_NUMBER.findall(block))])
                        columns = max([columns, *map(_column_number, set(_CELL_COLUMN.findall(block)))])
                        tail = block[-256:]
        except LoadError:
            raise
        except Exception as err:  # as above: a damaged or encrypted part, whatever zipfile calls it
            raise LoadError(
                file,
                _("the workbook could not be opened; it may be damaged or password-protected."),
                hint=_("Open it in Excel, save a fresh copy (or export it as CSV) and upload that."),
            ) from err
        if columns > MAX_COLUMNS or rows * max(columns, 1) > MAX_SHEET_CELLS:
            raise LoadError(
                file,
                _(
                    "a sheet of the workbook reaches row {rows} and column {columns}, far more than an export of "
                    "posts; something was typed far below or to the right of the table."
                ).format(rows=format_number(rows), columns=format_number(columns)),
                hint=_(
                    "In Excel press Ctrl+End to find the last cell, delete the rows and columns after the posts, "
                    "save and upload again (or save the sheet of posts as CSV)."
                ),
            )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _looks_like_posts(columns: list[str]) -> bool:
    names = {c.strip().lower() for c in columns}
    return bool(names & {"post title", "post text", "text", "message", "post", "content", "caption"})


def _control_share(sample: str) -> float:
    """Share of control characters; a few (Excel's vertical tab for a line break) do not make a file binary."""
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return bad / len(sample) if bad >= 16 else 0.0


def _malformed(body: bytes, header_index: int, file: str) -> LoadError:
    """The error for rows that cannot be split into cells, naming the row with an odd number of quote marks."""
    lines = pl.Series(body.decode("utf-8", errors="replace").split("\n")[1:])
    odd = (lines.str.count_matches('"') % 2 == 1).arg_true()
    if len(odd):
        return LoadError(
            file,
            _('a quote mark (") opens a cell that is never closed, or sits inside a cell without quotes around it.'),
            hint=_(
                "Open the file in a spreadsheet and save it again as CSV (this writes the quotes correctly), "
                "or remove the stray quote mark from that row."
            ),
            row=header_index + 2 + int(odd[0]),
        )
    return LoadError(
        file,
        _("the rows could not be split into cells."),
        hint=_("Open the file in a spreadsheet, check that each row has the same columns, and save it again as CSV."),
    )


def _count_fields(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter)))
    except (csv.Error, StopIteration):
        return 0


def _find_header(lines: list[str]) -> tuple[int | None, str | None]:
    """Index of the header line and the delimiter, skipping preambles.

    A preamble line is blank, a comment (``#``), Excel's ``sep=`` hint, or a title line
    with fewer fields than the line after it.
    """
    candidates = []
    for i, line in enumerate(lines[:60]):
        stripped = line.strip().lstrip("\ufeff")
        if not stripped or stripped.startswith(("#", "//")) or stripped.lower().startswith("sep="):
            continue
        candidates.append(i)
    for i in candidates[:20]:
        line = lines[i].lstrip("\ufeff")
        delimiter = max(_DELIMITERS, key=lambda d: _count_fields(line, d))
        fields = _count_fields(line, delimiter)
        if fields < 2:
            nxt = next((j for j in candidates if j > i), None)
            if nxt is not None and _count_fields(lines[nxt], delimiter) >= 2:
                continue
            # A single-column file: a list of texts with one header.
            return i, delimiter
        return i, delimiter
    return None, None


def _find_header_rows(rows: list[list[str]]) -> tuple[int | None, None]:
    for i, row in enumerate(rows[:30]):
        filled = [v for v in row if v]
        if len(filled) >= 2 and all(not _is_number(v) for v in filled):
            return i, None
    return None, None


def _is_number(value: str) -> bool:
    try:
        float(value.replace(",", ""))
    except ValueError:
        return False
    return True


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = name.strip().lstrip("\ufeff")
        count = seen.get(base.lower(), 0)
        seen[base.lower()] = count + 1
        out.append(base if count == 0 else f"{base} ({count + 1})")
    return out


def _clean_names(frame: pl.DataFrame, file: str) -> pl.DataFrame:
    if frame.width > MAX_COLUMNS:
        raise LoadError(
            file,
            _("the header has {n} columns; a posts export has a few dozen.").format(n=format_number(frame.width)),
            hint=_("Check that the file is a posts export and not a wide data dump."),
        )
    names = [n.split("_duplicated_")[0] for n in frame.columns]
    frame.columns = _unique_names(names)
    return frame
