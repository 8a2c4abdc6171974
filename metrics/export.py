"""Exports a spreadsheet can open safely."""

from __future__ import annotations

import os

import polars as pl

#: A cell starting with one of these is read as a formula by Excel, Sheets and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# The prefixes above, also after leading spaces (Sheets trims them) and in their full-width forms
# (which Excel in East Asian locales turns into formulas); a plain number such as "-5" is left alone.
_RISKY = r"^(?:[\t\r]|[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])"
_PLAIN_NUMBER = r"^[+-]?\d+(?:[.,]\d+)?$"


def _neutralised(text: pl.Expr) -> pl.Expr:
    risky = text.str.contains(_RISKY) & ~text.str.contains(_PLAIN_NUMBER)
    return pl.when(risky).then(pl.lit("'") + text).otherwise(text)


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells (and column names) that a spreadsheet would run as a formula with a single quote.

    Numeric columns keep their numbers, negative ones included.

    >>> neutralise_formulas(pl.DataFrame({"t": ["=HYPERLINK(1)", "ok", "-5 off", "-5"]}))["t"].to_list()
    ["'=HYPERLINK(1)", 'ok', "'-5 off", '-5']
    """
    texts = [c for c, dtype in frame.schema.items() if dtype in (pl.String, pl.Categorical) or dtype == pl.Enum]
    cleaned = frame.with_columns(_neutralised(pl.col(c).cast(pl.String)).alias(c) for c in texts)
    names = pl.DataFrame({"name": frame.columns}, schema={"name": pl.String}).select(_neutralised(pl.col("name")))
    return cleaned.rename(dict(zip(frame.columns, names.to_series().to_list(), strict=True)))


def safe_csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM, so Excel reads accents) with formula injection neutralised."""
    flat = frame.with_columns(
        pl.col(c).cast(pl.List(pl.String)).list.join(";") for c, d in frame.schema.items() if isinstance(d, pl.List)
    )
    return "\ufeff".encode() + neutralise_formulas(flat).write_csv().encode()


def write_safe_csv(frame: pl.DataFrame, path: str | os.PathLike[str]) -> None:
    with open(path, "wb") as handle:
        handle.write(safe_csv_bytes(frame))
