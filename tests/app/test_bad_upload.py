"""Bad uploads on the Data page: a message for each file, never a traceback, never a partial
dataset, and the datasets saved before untouched."""

from __future__ import annotations

import gzip
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from data_sources.loader import load_bytes
from data_sources.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "bad_inputs"
GOOD = b"id,date,text,likes\n1,2024-03-01,We pledge to halve emissions by 2030,12\n2,2024-03-05,Spring sale,40\n"

#: file in the corpus -> what the page must say about it
BAD = {
    "screenshot.png.csv": "this is an image",
    "random_bytes.csv": "contains binary data",
    "unbalanced_quote.csv": "unbalanced_quote.csv, row 5: a quote mark",
    "truncated.csv.gz": "damaged or cut short",
    "compressed_twice.csv.gz": "compressed twice",
    "zip_renamed.csv": "zip archive",
    "deeply_nested.json": "nested too deeply",
    "not_an_export.json": "not an export of posts",
    "utf16_damaged.csv": "is not valid utf-16",
    "truncated.xlsx": "could not be opened",
}


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOLLOWTHROUGH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(tmp_path / "models"))  # the Data page never classifies
    monkeypatch.delenv("FOLLOWTHROUGH_MAX_FILE_MB", raising=False)
    result = load_bytes(GOOD, "earlier.csv", brand="Acme")
    Workspace.open(tmp_path, "acme").add_dataset(result.posts, result.report)
    return tmp_path


def snapshot(data_dir: Path) -> tuple[list[tuple[str, str, int]], list[str], pl.DataFrame]:
    """The datasets listed, the files on disk, and every saved post."""
    ws = Workspace.open(data_dir, "acme")
    listed = [(d.id, d.name, d.rows) for d in ws.datasets()]
    files = sorted(p.name for p in (ws.root / "datasets").iterdir())
    return listed, files, ws.posts()


def data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["ws"] = "acme"
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader(key="upload_files").set_value([(name, data, "text/csv") for name, data in files])
    next(b for b in at.button if b.label == "Load into workspace").click().run()
    return at


def test_each_bad_upload_shows_its_message_and_saves_nothing(data_dir: Path) -> None:
    before = snapshot(data_dir)
    at = upload(data_page(), [(name, (CORPUS / name).read_bytes()) for name in BAD])
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == len(BAD), errors
    for (name, message), shown in zip(BAD.items(), errors, strict=True):
        assert f"{name}" in shown and message in shown, shown
        assert "Traceback" not in shown and "Error:" not in shown
    assert not at.success
    listed, files, posts = snapshot(data_dir)
    assert (listed, files) == before[:2]
    assert posts.equals(before[2])


def test_in_a_batch_the_good_files_are_saved_and_the_bad_ones_are_not(data_dir: Path) -> None:
    before, _, _ = snapshot(data_dir)
    batch = [
        ("first.csv", GOOD.replace(b"1,2024", b"11,2024").replace(b"2,2024", b"12,2024")),
        ("cut_inside_quote.csv", (CORPUS / "cut_inside_quote.csv").read_bytes()),
        ("header_only.csv", (CORPUS / "header_only.csv").read_bytes()),
        ("second.csv.gz", gzip.compress(GOOD.replace(b"1,2024", b"21,2024").replace(b"2,2024", b"22,2024"))),
    ]
    at = upload(data_page(), batch)
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [
        'This could not be loaded: cut_inside_quote.csv, row 5: a quote mark (") opens a cell that is never '
        "closed, or sits inside a cell without quotes around it. Open the file in a spreadsheet and save it again "
        "as CSV (this writes the quotes correctly), or remove the stray quote mark from that row."
    ]
    assert any("header_only.csv" in w.value and "Nothing was saved" in w.value for w in at.warning)
    assert len(at.success) == 2
    listed, files, posts = snapshot(data_dir)
    assert listed[: len(before)] == before
    assert [(name, rows) for _, name, rows in listed[len(before) :]] == [("first.csv", 2), ("second.csv.gz", 2)]
    assert len(files) == len(listed)  # no half-written or orphaned file beside them
    assert sorted(posts["post_id"].to_list()) == ["1", "11", "12", "2", "21", "22"]


def test_an_upload_above_the_configured_limit_is_refused_with_a_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit refuses uploads above server.maxUploadSize itself; the loader holds its own limit too."""
    monkeypatch.setenv("FOLLOWTHROUGH_MAX_FILE_MB", "1")
    before = snapshot(data_dir)
    big = b"id,date,text\n" + b"".join(b"%d,2024-03-01,post number %d\n" % (i, i) for i in range(80_000))
    at = upload(data_page(), [("big.csv", big)])
    assert not at.exception
    assert [e.value for e in at.error] == [
        "This could not be loaded: big.csv: the file is 2.6 MB, more than the 1 MB Followthrough reads at once. "
        "Export a shorter date range (or split the file) and upload the parts one by one."
    ]
    assert snapshot(data_dir)[:2] == before[:2]


@pytest.mark.parametrize("name", ["screenshot.png.csv", "unbalanced_quote.csv", "truncated.xlsx", "program.csv"])
def test_a_bad_file_in_the_column_mapper_shows_a_message(data_dir: Path, name: str) -> None:
    at = data_page()
    at.file_uploader(key="map_file").set_value((name, (CORPUS / name).read_bytes(), "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and name in at.error[0].value
    assert not at.dataframe


def test_a_save_that_fails_on_disk_says_so_and_keeps_the_earlier_data(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a folder that cannot be written) while saving: a message, no traceback."""
    from data_sources import storage

    before = snapshot(data_dir)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    at = data_page()
    monkeypatch.setattr(storage.LocalStore, "write_bytes", disk_full)
    monkeypatch.setattr(storage, "atomic_write_parquet", disk_full)
    at = upload(at, [("new.csv", GOOD.replace(b"1,", b"7,"))])
    assert not at.exception
    [message] = [e.value for e in at.error]
    assert message.startswith("new.csv could not be saved (No space left on device).")
    assert "free some disk space" in message
    assert snapshot(data_dir)[:2] == before[:2]
