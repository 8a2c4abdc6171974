from __future__ import annotations

import json
from pathlib import Path

import pytest

from followthrough.cli import main


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inspect_prints_a_readable_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "acme.csv", "id,date,text,likes,lang\n1,2024-01-01,Hei,3,nb\n2,bad,Hi,1,en\n")
    assert main(["inspect", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Generic table" in out
    assert "2 read, 1 loaded, 1 skipped" in out
    assert "date missing or unreadable" in out
    assert "brands        acme" in out
    assert "languages     nb" in out


def test_inspect_json_has_one_report_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.csv", "id,date,text\n1,2024-01-01,x\n")
    b = write(tmp_path, "b.csv", "id,date,text\n1,2024-02-01,y\n2,2024-02-02,z\n")
    assert main(["inspect", "--json", "--brand", "Acme", str(a), str(b)]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["rows_loaded"], r["brands"]) for r in reports] == [
        ("a.csv", 1, ["Acme"]),
        ("b.csv", 2, ["Acme"]),
    ]
    assert reports[1]["date_max"].startswith("2024-02-02")


def test_inspect_mapping_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "odd.csv", "When,Caption\n2024-01-01,Hello\n")
    assert main(["inspect", "--json", "--map", "published_at=When", "--map", "text=Caption", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["rows_loaded"] == 1


@pytest.mark.parametrize(
    "args",
    [["inspect", "missing.csv"], ["inspect", "--map", "nonsense", "x.csv"], ["inspect", "--format", "nope", "x.csv"]],
)
def test_bad_input_exits_2_with_one_paragraph_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "x.csv", "id,date,text\n1,2024-01-01,x\n")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("followthrough inspect: ")
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_seed_demo_creates_and_labels_the_demo_once(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    classifier: object,
) -> None:
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
    assert main(["seed-demo", "--data-dir", str(tmp_path)]) == 0
    assert main(["seed-demo", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("demo workspace ready") == 2 and "training" not in out
    labels = list((tmp_path / "workspaces" / "demo" / "labels").glob("*.parquet"))
    assert len(labels) == 1
