"""The bad-input corpus: every file people really upload either loads, with a report of what was
read and skipped, or fails with a LoadError a non-engineer can act on. Never another exception.

The expected outcomes live in tests/fixtures/bad_inputs/manifest.toml; the files too big to
commit (a 10 MB field, a million columns, bombs) are written here, at test time.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import re
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import LoadError
from data_sources.loader import UNREADABLE, load_bytes, load_path, max_file_bytes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "bad_inputs"
CASES: list[dict[str, Any]] = tomllib.loads((CORPUS / "manifest.toml").read_text("utf-8"))["case"]
HEADER = b"id,date,text,likes\n"

# --------------------------------------------------------------------------- generated files


def ten_mb_field(path: Path) -> None:
    path.write_bytes(HEADER + b"1,2024-03-01," + b"x" * 10_000_000 + b",3\n2,2024-03-02,short post,1\n")


def million_columns(path: Path) -> None:
    path.write_bytes(b",".join(b"c%d" % i for i in range(1_000_000)) + b"\n" + b"1," * 999_999 + b"1\n")


def first_line_too_long(path: Path) -> None:
    path.write_bytes(b"x" * 300_000 + b"\nid,date,text\n")


def gzip_bomb_of_zeros(path: Path) -> None:
    """2 GB of zeros in 2 MB: one 16 MB member, repeated (gzip members may follow one another)."""
    path.write_bytes(gzip.compress(bytes(1 << 24), mtime=0) * 128)


def gzip_bomb_of_text(path: Path) -> None:
    """A well-formed CSV that expands to 1.6 GB: far above any cap, in 4 MB."""
    rows = gzip.compress(b"1,2024-03-01,We stand with our community,3\n" * 400_000, mtime=0)
    path.write_bytes(gzip.compress(HEADER, mtime=0) + rows * 100)


def truncated_big_gzip(path: Path) -> None:
    rnd = random.Random(8)
    body = "".join(f"{i},2024-03-{i % 28 + 1:02d},{rnd.randbytes(40).hex()},{i}\n" for i in range(60_000))
    data = gzip.compress(HEADER + body.encode(), mtime=0)
    path.write_bytes(data[: len(data) // 2])


def zip_bomb(path: Path) -> None:
    """A zip whose one member expands to 512 MB; archives are refused before anything is expanded."""
    zeros = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("posts.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(512):
            member.write(zeros)


def xlsx_far_cell(path: Path) -> None:
    """One value typed at the last cell of a sheet: the reader would hold 17 billion cells."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "date", "text"])
    sheet.append(["1", "2024-03-01", "hello"])
    sheet["XFD1048576"] = "x"
    book.save(path)


def xlsx_sheet_bomb(path: Path) -> None:
    """A workbook whose sheet XML is padded to 48 MB of spaces (compressed to a few KB)."""
    import openpyxl

    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "date", "text"])
    book.save(buffer)
    with zipfile.ZipFile(buffer) as small, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as big:
        for info in small.infolist():
            content = small.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                big.writestr(info, content)
                continue
            head, tail = content.split(b"<sheetData>", 1)
            with big.open(info.filename, "w") as member:
                member.write(head + b"<sheetData>")
                for _ in range(48):
                    member.write(b" " * (1 << 20))
                member.write(tail)


def over_the_limit(path: Path) -> None:
    path.write_bytes(HEADER + b"".join(b"%d,2024-03-01,post number %d,1\n" % (i, i) for i in range(70_000)))


GENERATORS: dict[str, Callable[[Path], None]] = {
    f.__name__: f
    for f in (
        ten_mb_field,
        million_columns,
        first_line_too_long,
        gzip_bomb_of_zeros,
        gzip_bomb_of_text,
        truncated_big_gzip,
        zip_bomb,
        xlsx_far_cell,
        xlsx_sheet_bomb,
        over_the_limit,
    )
}


def case_path(case: dict[str, Any], tmp_path: Path) -> Path:
    if "generated" not in case:
        return CORPUS / case["file"]
    path = tmp_path / case["file"]
    GENERATORS[case["generated"]](path)
    return path


# --------------------------------------------------------------------------- what a good message is

_PYTHON_WORDS = re.compile(
    r"\b\w*(Error|Exception|Warning)\b|Traceback|File \"|line \d+, in |<class|\bNone\b|polars|pyarrow|calamine|\bu8\b"
)


def assert_actionable(err: LoadError, file: str) -> None:
    """One paragraph, naming the file, in words, ending with what to do."""
    message = str(err)
    assert message.startswith(file), message
    assert "\n" not in message and len(message) < 600, message
    assert not _PYTHON_WORDS.search(message), message
    assert UNREADABLE not in message, f"an unforeseen failure reached the safety net: {err.__cause__!r}"
    assert err.hint and err.hint[0].isupper() and err.hint.endswith("."), message


# --------------------------------------------------------------------------- the corpus


def test_the_corpus_is_complete() -> None:
    committed = {p.name for p in CORPUS.iterdir()} - {"manifest.toml"}
    listed = {c["file"] for c in CASES if "generated" not in c}
    assert committed == listed
    assert len(CASES) >= 40
    assert {c["generated"] for c in CASES if "generated" in c} == set(GENERATORS)
    kinds = {c["what"] for c in CASES}
    for kind in (
        "empty", "header only", "binary renamed", "gzip", "truncated", "encoding", "mixed encodings",
        "ragged rows", "unbalanced quotes", "huge field", "million columns", "duplicate ids", "missing ids",
        "dates", "counts", "json not an export", "deep json", "xlsx", "archive", "zip bomb", "gzip bomb",
    ):  # fmt: skip
        assert kind in kinds, kind


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_bad_input_loads_with_a_report_or_fails_with_a_message(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = case_path(case, tmp_path)
    if "max_mb" in case:
        monkeypatch.setenv("FOLLOWTHROUGH_MAX_FILE_MB", str(case["max_mb"]))
    else:
        monkeypatch.delenv("FOLLOWTHROUGH_MAX_FILE_MB", raising=False)
    if case["expect"] == "error":
        with pytest.raises(LoadError) as caught:
            load_path(path)
        assert_actionable(caught.value, case["file"])
        assert case["message"] in str(caught.value)
        assert caught.value.row == case.get("row")
        return
    result = load_path(path)
    report = result.report
    assert result.posts.schema == S.POSTS_SCHEMA
    assert (report.rows_loaded, report.rows_skipped) == (case["rows"], case["skipped"])
    assert report.rows_loaded == result.posts.height
    assert result.posts[S.PUBLISHED_AT].null_count() == 0
    if "warning" in case:
        assert any(case["warning"] in w for w in report.warnings), report.warnings
    if "text" in case:
        texts = result.posts[S.TEXT]
        assert texts.str.contains(case["text"], literal=True).any(), texts.to_list()
    if "date_min" in case:
        assert report.date_min is not None and report.date_min.date().isoformat() == case["date_min"]
    if "date_max" in case:
        assert report.date_max is not None and report.date_max.date().isoformat() == case["date_max"]


def test_a_ten_megabyte_field_is_kept_whole(tmp_path: Path) -> None:
    ten_mb_field(tmp_path / "big.csv")
    texts = load_path(tmp_path / "big.csv").posts[S.TEXT]
    assert texts.str.len_chars().to_list() == [10_000_000, 10]


# --------------------------------------------------------------------------- the command line

CLI_CASES = [
    "random_bytes.csv",
    "unbalanced_quote.csv",
    "truncated.csv.gz",
    "deeply_nested.json",
    "posts.zip",
    "no_table.xlsx",
]


def test_inspect_exits_2_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    gzip_bomb_of_zeros(tmp_path / "bomb.csv.gz")
    paths = [CORPUS / name for name in CLI_CASES] + [tmp_path / "bomb.csv.gz"]
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWTHROUGH_MAX_FILE_MB"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "followthrough", "inspect", str(path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in paths
    ]
    for path, run in zip(paths, runs, strict=True):
        out, err = run.communicate(timeout=120)
        assert run.returncode == 2, (path.name, out, err)
        assert out == ""
        assert "Traceback" not in err and not _PYTHON_WORDS.search(err), err
        assert re.match(rf"followthrough inspect: {re.escape(path.name)}(, row \d+)?: ", err), err
        assert err.count("\n") == 1


# --------------------------------------------------------------------------- memory and size limits

_PEAK = """
import resource, sys
from pathlib import Path
from data_sources.errors import LoadError
from data_sources.loader import load_bytes
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_bytes(data, "bomb.csv.gz")
except LoadError as err:
    print(err, file=sys.stderr)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.parametrize("bomb", [gzip_bomb_of_zeros, gzip_bomb_of_text], ids=["zeros", "text"])
def test_a_gzip_bomb_is_refused_without_filling_memory(bomb: Callable[[Path], None], tmp_path: Path) -> None:
    """At the default cap (1 GB), a bomb of 2 GB of zeros or 1.6 GB of CSV costs almost no memory."""
    bomb(tmp_path / "bomb.csv.gz")
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWTHROUGH_MAX_FILE_MB"}
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, str(tmp_path / "bomb.csv.gz")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    extra_mb = int(run.stdout.strip())
    assert run.stderr.startswith("bomb.csv.gz: ")
    assert ("binary data" if bomb is gzip_bomb_of_zeros else "expands to more than 1 GB") in run.stderr
    assert extra_mb < 64, f"refusing the bomb raised peak memory by {extra_mb} MB"


def test_the_size_limit_is_a_parameter_and_an_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = HEADER + b"1,2024-03-01,hello,1\n" * 100
    assert load_bytes(data, "posts.csv").report.rows_loaded == 1  # repeated id: one post
    with pytest.raises(LoadError, match=r"^posts\.csv: the file is 2\.1 KB, more than the 1,000 bytes") as caught:
        load_bytes(data, "posts.csv", max_bytes=1000)
    assert_actionable(caught.value, "posts.csv")
    with pytest.raises(LoadError, match="expands to more than 1,000 bytes"):
        load_bytes(gzip.compress(data), "posts.csv.gz", max_bytes=1000)

    monkeypatch.setenv("FOLLOWTHROUGH_MAX_FILE_MB", "0.001")
    assert max_file_bytes() == 1048
    with pytest.raises(LoadError, match="more than the 1.0 KB"):
        load_bytes(data, "posts.csv")
    monkeypatch.setenv("FOLLOWTHROUGH_MAX_FILE_MB", "not a number")
    assert max_file_bytes() == 1 << 30


def test_a_file_over_the_limit_on_disk_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    over_the_limit(tmp_path / "big.csv")
    monkeypatch.setenv("FOLLOWTHROUGH_MAX_FILE_MB", "1")

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(LoadError, match=r"big\.csv: the file is 2\.\d MB, more than the 1 MB"):
        load_path(tmp_path / "big.csv")


def test_an_unforeseen_failure_still_reaches_the_person_as_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import data_sources.loader as loader

    def broken(*args: object, **kwargs: object) -> None:
        raise pl.exceptions.ComputeError("internal detail the person cannot act on")

    monkeypatch.setattr(loader, "read_text_table", broken)
    with pytest.raises(LoadError) as caught:
        load_bytes(HEADER + b"1,2024-03-01,hello,1\n", "posts.csv")
    message = str(caught.value)
    assert message.startswith("posts.csv: ") and UNREADABLE in message
    assert "internal detail" not in message and "ComputeError" not in message


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/dev/zero", "not a file but a device or a pipe"),  # would otherwise be read for ever
        ("folder", "this is a folder"),
        ("missing.csv", "does not exist"),
    ],
)
def test_paths_that_are_not_export_files(tmp_path: Path, path: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    target = Path(path) if path.startswith("/") else tmp_path / path
    if not target.parent.exists():
        pytest.skip(f"{target.parent} does not exist here")
    with pytest.raises(LoadError, match=message) as caught:
        load_path(target)
    assert_actionable(caught.value, str(target))
