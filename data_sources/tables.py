"""Bytes of a CSV, TSV, XLS or XLSX export to a frame of raw string columns.

The reader finds the header under any preamble (``# Start date``, titles, ``sep=,``),
sniffs the delimiter, and keeps every cell as text; typing happens later, per column.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field

import polars as pl

from data_sources.errors import LoadError
from data_sources.parsing import decode

MAX_DECOMPRESSED_BYTES = 1 << 30
MAX_COLUMNS = 2000
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
    """What the bytes are: ``xlsx``, ``xls``, ``zip``, ``gzip``, ``pdf``, ``image``, ``json`` or ``text``."""
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
    return "text"


def gunzip(data: bytes, file: str) -> bytes:
    """Decompress a gzip export, refusing archives that expand beyond 1 GiB."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_DECOMPRESSED_BYTES + 1)
    except (OSError, EOFError) as err:
        raise LoadError(
            file,
            "the file is compressed (gzip) but is damaged or cut short.",
            hint="Download the export again, or upload the uncompressed CSV.",
        ) from err
    if len(out) > MAX_DECOMPRESSED_BYTES:
        raise LoadError(
            file,
            "the compressed file expands to more than 1 GB, which is more than an export should be.",
            hint="Split the export by date range and upload the parts.",
        )
    return out


def read_text_table(data: bytes, file: str) -> RawTable:
    """Read delimited text (CSV, TSV, semicolon-separated) into string columns."""
    text, encoding = decode(data, file)
    if "\x00" in text[:4096] or _control_share(text[:4096]) > 0.05:
        raise LoadError(
            file,
            "this is not a text export: it contains binary data (is it an image or a PDF renamed .csv?).",
            hint="Export the posts from the platform as CSV, Excel or JSON and upload that file.",
        )
    head = text[:262_144]
    lines = head.split("\n")
    if len(text) > len(head):
        lines = lines[:-1]  # the last line of the head may be cut
    start, delimiter = _find_header(lines)
    if start is None or delimiter is None:
        raise LoadError(
            file,
            "no table was found: no line looks like a header row of column names.",
            hint="Check that this is a CSV export of posts, with one post per row.",
        )
    if _count_fields(lines[start], delimiter) > MAX_COLUMNS:
        raise LoadError(
            file,
            f"the header has more than {MAX_COLUMNS:,} columns; a posts export has a few dozen.",
            hint="Check that the file is a posts export and not a wide data dump.",
        )
    offset = sum(len(line) + 1 for line in lines[:start])
    if encoding == "utf-8":
        body: bytes = data[len(text[:offset].encode("utf-8")) :]
    else:
        body = text[offset:].lstrip("\ufeff").encode("utf-8")
    try:
        frame = pl.read_csv(
            io.BytesIO(body),
            separator=delimiter,
            infer_schema=False,
            truncate_ragged_lines=True,
            quote_char='"',
            raise_if_empty=False,
        )
    except pl.exceptions.ComputeError as err:
        raise LoadError(
            file,
            f"the table could not be read ({_first_line(err)}).",
            hint="Open it in a spreadsheet, check for an unclosed quote, and save it again as CSV.",
        ) from err
    frame = _clean_names(frame, file)
    if frame.width:
        # Blank lines at the end of an export are not rows.
        frame = frame.filter(~pl.all_horizontal(pl.all().is_null()))
    return RawTable(frame, rows_before_data=start + 1, encoding=encoding, delimiter=delimiter)


def read_excel_table(data: bytes, file: str) -> RawTable:
    """Read the first sheet of an XLS or XLSX workbook that holds a table of posts."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as err:  # calamine raises its own error types for damaged files
        raise LoadError(
            file,
            "the workbook could not be opened; it may be damaged or password-protected.",
            hint="Open it in Excel, save a fresh copy (or export it as CSV) and upload that.",
        ) from err
    best: RawTable | None = None
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells = [[_cell(v) for v in row] for row in rows]
        start, _ = _find_header_rows(cells)
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
            table.notes.append(f"read sheet '{name}' of {len(book.sheet_names)}")
        if best is None or frame.height > best.frame.height:
            best = table
        if _looks_like_posts(frame.columns):
            return table
    if best is None:
        raise LoadError(
            file,
            "no sheet of the workbook holds a table with a header row.",
            hint="Check that the export has one post per row under a row of column names.",
        )
    return best


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
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return bad / len(sample)


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0][:200] if str(err).strip() else type(err).__name__


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
            f"the header has {frame.width:,} columns; a posts export has a few dozen.",
            hint="Check that the file is a posts export and not a wide data dump.",
        )
    names = [n.split("_duplicated_")[0] for n in frame.columns]
    frame.columns = _unique_names(names)
    return frame
