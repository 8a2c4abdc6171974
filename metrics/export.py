"""Exports a spreadsheet can open safely."""

from __future__ import annotations

import os

import polars as pl

#: A cell starting with one of these is read as a formula by Excel, Sheets and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with a single quote.

    >>> neutralise_formulas(pl.DataFrame({"t": ["=HYPERLINK(1)", "ok", "-5 off"]}))["t"].to_list()
    ["'=HYPERLINK(1)", 'ok', "'-5 off"]
    """
    risky = "^[" + "".join("\\" + p if p in "+-" else p for p in ("=", "+", "-", "@")) + "\t\r]"
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(risky)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c, dtype in frame.schema.items()
        if dtype == pl.String
    )


def safe_csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM, so Excel reads accents) with formula injection neutralised."""
    flat = frame.with_columns(pl.col(c).list.join(";") for c, d in frame.schema.items() if isinstance(d, pl.List))
    return "\ufeff".encode() + neutralise_formulas(flat).write_csv().encode()


def write_safe_csv(frame: pl.DataFrame, path: str | os.PathLike[str]) -> None:
    with open(path, "wb") as handle:
        handle.write(safe_csv_bytes(frame))
