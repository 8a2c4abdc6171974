from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from data_sources.errors import LoadError
from data_sources.parsing import decode, html_to_text, parse_counts, parse_datetimes


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-06-26 15:00 +0000", utc(2020, 6, 26, 15, 0)),  # X tweet activity
        ("2019-12-08T03:48:33.901Z", utc(2019, 12, 8, 3, 48, 33, 901000)),  # ISO with Z
        ("2024-03-15T10:05:00+02:00", utc(2024, 3, 15, 8, 5)),  # ISO with offset
        ("07/15/2020 09:32:49 AM", utc(2020, 7, 15, 9, 32, 49)),  # Facebook Insights
        ("03/15/2024 10:05 pm", utc(2024, 3, 15, 22, 5)),  # Sprout Social
        ("06/26/2024 09:00", utc(2024, 6, 26, 9, 0)),  # Meta Business Suite
        ("Tue, Jul 14, 2026", utc(2026, 7, 14)),  # X content export
        ("Wed Oct 10 20:19:24 +0000 2018", utc(2018, 10, 10, 20, 19, 24)),  # Twitter v1.1
        ("2025-06-26 10:11", utc(2025, 6, 26, 10, 11)),  # Publer
        ("26.06.2025 10:11", utc(2025, 6, 26, 10, 11)),  # European
        ("2025-06-26", utc(2025, 6, 26)),
        ("1700000000", utc(2023, 11, 14, 22, 13, 20)),  # epoch seconds
    ],
)
def test_each_export_date_format_reads_to_utc(text: str, expected: datetime) -> None:
    assert parse_datetimes(pl.Series([text])).values.to_list() == [expected]


def test_naive_times_are_taken_in_the_given_zone() -> None:
    parsed = parse_datetimes(pl.Series(["2024-01-15 00:30"]), assume_tz="Europe/Oslo").values
    assert parsed.to_list() == [utc(2024, 1, 14, 23, 30)]


def test_day_first_column_is_recognised_from_its_other_rows() -> None:
    parsed = parse_datetimes(pl.Series(["03/04/2024", "25/04/2024", "30/04/2024"])).values
    assert parsed.to_list()[0] == utc(2024, 4, 3)


def test_unreadable_dates_become_null_not_errors() -> None:
    parsed = parse_datetimes(pl.Series(["2024-01-01", "yesterday", None])).values
    assert parsed.to_list() == [utc(2024, 1, 1), None, None]


def test_counts_in_every_spelling() -> None:
    raw = pl.Series(["4209.0", "1,234", "1.234.567", "1 234", "6.5%", "12K", "-", "", None, "n/a"])
    assert parse_counts(raw).values.to_list() == [4209, 1234, 1234567, 1234, 6, 12000, None, None, None, None]


def test_text_and_negative_counts_are_counted_and_left_empty() -> None:
    result = parse_counts(pl.Series(["12", "lots", "-4", "7"]))
    assert result.values.to_list() == [12, None, None, 7]
    assert (result.unreadable, result.negative) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_decode_reads_common_export_encodings(encoding: str) -> None:
    text = "Post text,Date\nCafé crème – 50 % rabatt,2024-01-01\n"
    decoded, _ = decode(text.encode(encoding), "f.csv")
    assert decoded.lstrip("\ufeff") == text


def test_decode_utf16_without_bom() -> None:
    text = "Post ID,Message\n1,Hei på deg\n"
    assert decode(text.encode("utf-16-le"), "f.csv")[0] == text


def test_damaged_utf16_names_the_file_and_what_to_do() -> None:
    data = "a,b\n".encode("utf-16") + b"\x00\xd8"
    with pytest.raises(LoadError, match=r"f\.csv: .*UTF-16.*Save it again as UTF-8"):
        decode(data, "f.csv")


def test_html_content_becomes_text_with_paragraphs() -> None:
    markup = '<p>Hello &amp; welcome</p><p>Line<br>two <a href="x"><span class="invisible">https://</span>ex.com</a> &#128512;</p>'
    assert pl.select(html_to_text(pl.lit(markup))).item() == "Hello & welcome\n\nLine\ntwo ex.com 😀"
