"""Faults a server really has: killed mid-write, two uploads at once, a damaged model cache.

Nothing saved before a crash is lost, nothing half-written is listed, and neither crash nor
damage stops the next start.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import joblib
import polars as pl
import pytest

from data_sources import schema as S
from data_sources.loader import load_bytes
from data_sources.workspace import Workspace


@pytest.fixture(autouse=True)
def _spawn_without_rerunning_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned process re-runs the parent's ``__main__`` file; after an AppTest in the same
    session that can be the app itself. The workers need only this module, imported by name."""
    monkeypatch.delattr(sys.modules["__main__"], "__file__", raising=False)

ROOT = Path(__file__).resolve().parents[2]
ROWS = 5_000

# --------------------------------------------------------------------------- killed while saving

_SAVER = """
import sys
import polars as pl
from data_sources import schema as S
from data_sources.loader import load_bytes
from data_sources.workspace import Workspace

data_dir, first = sys.argv[1], int(sys.argv[2])
rows = "".join(f"{i},2024-03-{i % 28 + 1:02d},post {i} about our pledge,{i % 50}\\n" for i in range(ROWS))
base = load_bytes(("id,date,text,likes\\n" + rows).encode(), "upload.csv", brand="Acme")
ws = Workspace.open(data_dir, "Acme")
print("ready", flush=True)
n = first
while True:
    posts = base.posts.with_columns(pl.col(S.POST_ID) + f"-{n}", pl.col(S.TEXT) + f" (upload {n})")
    print(f"begin {n}", flush=True)
    info = ws.add_dataset(posts, base.report, name=f"upload {n}")
    print(f"saved {n} {info.id}", flush=True)
    n += 1
""".replace("ROWS", str(ROWS))


def _assert_intact(data_dir: Path, confirmed: dict[str, int], in_flight: set[int], checked: set[str]) -> None:
    """Every confirmed dataset is listed and reads back whole; nothing else is listed but an upload in flight.

    Datasets not seen before are read in full; those already checked must still be listed with
    their rows (read from the Parquet footer, so the test stays fast as the workspace grows).
    """
    ws = Workspace.open(data_dir, "Acme")
    listed = {d.id: d for d in ws.datasets()}
    assert set(confirmed) <= set(listed), "a dataset saved before the crash is missing"
    for dataset in listed.values():
        n = int(dataset.name.removeprefix("upload "))
        assert dataset.id in confirmed or n in in_flight, f"an unknown dataset is listed: {dataset}"
        path = ws.root / "datasets" / f"{dataset.id}.parquet"
        assert pl.scan_parquet(path).select(pl.len()).collect().item() == dataset.rows == ROWS
        if dataset.id not in checked:
            frame = ws.dataset_posts(dataset.id)
            assert frame.schema == S.POSTS_SCHEMA
            assert frame[S.POST_ID].str.ends_with(f"-{n}").all()
            assert frame[S.TEXT].str.ends_with(f"(upload {n})").all()
            checked.add(dataset.id)
    with sqlite3.connect(ws.root / "workspace.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_saver_killed_mid_write_leaves_every_earlier_dataset_intact(tmp_path: Path) -> None:
    rnd = random.Random(20)
    confirmed: dict[str, int] = {}
    in_flight: set[int] = set()
    checked: set[str] = set()
    mid_write, next_n = 0, 0
    for _ in range(20):
        saver = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(tmp_path), str(next_n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert saver.stdout is not None
        assert saver.stdout.readline().strip() == "ready", saver.stderr.read() if saver.stderr else ""
        time.sleep(rnd.uniform(0.0, 0.3))
        os.kill(saver.pid, signal.SIGKILL)
        out, _ = saver.communicate(timeout=60)
        assert saver.returncode == -signal.SIGKILL
        begun = [int(line.split()[1]) for line in out.splitlines() if line.startswith("begin")]
        for line in out.splitlines():
            if line.startswith("saved"):
                _, n, dataset_id = line.split()
                confirmed[dataset_id] = int(n)
        if begun and begun[-1] not in confirmed.values():
            mid_write += 1
            in_flight.add(begun[-1])
        next_n = (begun[-1] + 1) if begun else next_n
        _assert_intact(tmp_path, confirmed, in_flight, checked)
    everything = Workspace.open(tmp_path, "Acme").posts()
    assert everything.height == ROWS * len(checked)
    assert len(confirmed) >= 10, "the saver was killed before it saved anything worth checking"
    assert mid_write >= 5, f"only {mid_write} of 20 kills landed during a save"


# --------------------------------------------------------------------------- two uploads at once


def _upload_at_once(data_dir: str, label: str, barrier: Any, results: Any) -> None:
    """One 'session': waits for the others, then opens the workspace and saves its upload."""
    rows = "".join(f"{label}-{i},2024-03-01,{label} post {i},1\n" for i in range(2000))
    result = load_bytes(("id,date,text,likes\n" + rows).encode(), f"{label}.csv", brand=label)
    barrier.wait(timeout=60)
    ws = Workspace.open(data_dir, "Team")
    info = ws.add_dataset(result.posts, result.report)
    results.put((label, info.id))


@pytest.mark.parametrize("sessions", [3])
def test_sessions_uploading_to_one_workspace_at_the_same_moment_keep_every_dataset(
    tmp_path: Path, sessions: int
) -> None:
    Workspace.open(tmp_path, "Team")  # created beforehand: creating it at the same moment is the next test
    context = multiprocessing.get_context("spawn")  # forking a process that has polars threads can deadlock
    barrier = context.Barrier(sessions)
    results = context.Queue()
    for round_ in range(2):
        labels = [f"s{round_}{i}" for i in range(sessions)]
        workers = [
            context.Process(target=_upload_at_once, args=(str(tmp_path), label, barrier, results)) for label in labels
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
            assert worker.exitcode == 0
        saved = dict(results.get(timeout=10) for _ in labels)
        assert sorted(saved) == labels
    ws = Workspace.open(tmp_path, "Team")
    assert len(ws.datasets()) == 2 * sessions
    brands = ws.posts().group_by(S.BRAND).len()
    assert dict(brands.iter_rows()) == {f"s{r}{i}": 2000 for r in range(2) for i in range(sessions)}


def test_opening_a_workspace_another_session_is_creating_waits_instead_of_failing(tmp_path: Path) -> None:
    root = tmp_path / "workspaces" / "team"
    (root / "datasets").mkdir(parents=True)
    creator = sqlite3.connect(root / "workspace.sqlite", isolation_level=None, check_same_thread=False)
    creator.execute("BEGIN IMMEDIATE")  # the other session, half-way through creating the database
    creator.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    finish = threading.Timer(0.5, creator.execute, args=("COMMIT",))
    finish.start()
    try:
        ws = Workspace.open(tmp_path, "Team")
    finally:
        finish.join()
        creator.close()
    assert ws.datasets() == []


# --------------------------------------------------------------------------- a damaged model cache


@pytest.fixture
def cache(classifier: Any, model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A copy of the session's cached model in its own folder; 'training' hands back the session's model
    and saving is only recorded (writing a compressed model takes seconds; one test writes it for real)."""
    from metrics import classify

    key = classifier.key
    monkeypatch.setattr(classify, "model_key", lambda corrections=None: key)  # other edits to the code move the key
    for suffix in (".joblib", ".sha256"):
        source = model_dir / f"classifier-{key}{suffix}"
        (tmp_path / source.name).write_bytes(source.read_bytes())
    trained: list[bool] = []

    def train(**_: object) -> Any:
        trained.append(True)
        return classifier

    saved: list[Path] = []
    real_save = classify._save
    monkeypatch.setattr(classify, "train", train)
    monkeypatch.setattr(classify, "_save", lambda model, path, checksum: saved.append(path))
    return {
        "dir": tmp_path,
        "model": tmp_path / f"classifier-{key}.joblib",
        "checksum": tmp_path / f"classifier-{key}.sha256",
        "trained": trained,
        "saved": saved,
        "real_save": real_save,
    }


def _load(cache: dict[str, Any]) -> Any:
    from metrics.classify import Classifier, load_or_train

    model = load_or_train(cache_dir=cache["dir"])
    assert isinstance(model, Classifier)
    assert model.predict_texts(["We will plant a million trees by 2030."]).height == 1
    return model


def _garbage_with_a_matching_checksum(cache: dict[str, Any]) -> None:
    import hashlib

    cache["model"].write_bytes(b"\x80\x04garbage that is no pickle")
    cache["checksum"].write_text(hashlib.sha256(cache["model"].read_bytes()).hexdigest())


def _another_object_with_a_matching_checksum(cache: dict[str, Any]) -> None:
    import hashlib

    joblib.dump({"not": "a classifier"}, cache["model"])
    cache["checksum"].write_text(hashlib.sha256(cache["model"].read_bytes()).hexdigest())


DAMAGE = {
    "corrupt": lambda c: c["model"].write_bytes(os.urandom(4096)),
    "truncated": lambda c: c["model"].write_bytes(c["model"].read_bytes()[:1000]),
    "empty": lambda c: c["model"].write_bytes(b""),
    "missing": lambda c: c["model"].unlink(),
    "checksum missing": lambda c: c["checksum"].unlink(),
    "checksum wrong": lambda c: c["checksum"].write_text("0" * 64),
    "garbage with a matching checksum": _garbage_with_a_matching_checksum,
    "another object with a matching checksum": _another_object_with_a_matching_checksum,
}


def test_an_intact_cache_is_used_as_it_is(cache: dict[str, Any]) -> None:
    _load(cache)
    assert cache["trained"] == []


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_missing_model_cache_is_rebuilt_not_fatal(cache: dict[str, Any], damage: str) -> None:
    DAMAGE[damage](cache)
    _load(cache)
    assert cache["trained"] == [True]
    assert cache["saved"] == [cache["model"]]


def test_the_rebuilt_cache_is_whole_again(cache: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import metrics.classify as classify

    monkeypatch.setattr(classify, "_save", cache["real_save"])
    cache["model"].write_bytes(os.urandom(4096))
    _load(cache)
    _load(cache)  # read back from the cache just written: no second training
    assert cache["trained"] == [True]


def test_a_checksum_file_of_binary_garbage_is_rebuilt_not_fatal(cache: dict[str, Any]) -> None:
    cache["checksum"].write_bytes(b"\xff\xfe\x00garbage")
    _load(cache)
    assert cache["trained"] == [True]


def test_a_model_folder_that_cannot_be_written_still_serves_a_model(
    cache: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full or read-only disk: the model is trained and served; only the cache is lost."""
    import metrics.classify as classify

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    cache["model"].unlink()
    monkeypatch.setattr(classify, "_save", disk_full)
    _load(cache)
    assert cache["trained"] == [True]
