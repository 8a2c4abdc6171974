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


def test_share_create_list_revoke(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, model_dir: Path,
    classifier: object,
) -> None:  # fmt: skip
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
    monkeypatch.setenv("FOLLOWTHROUGH_BASE_URL", "https://ft.example.org")
    data = ["--data-dir", str(tmp_path)]
    assert main(["share", "create", "--workspace", "demo", "--label", "Board", "--expires-days", "30", *data]) == 0
    out, err = capsys.readouterr()
    url = out.strip()
    assert url.startswith("https://ft.example.org/leadership?share=") and len(url.split("share=")[1]) == 43
    assert "snapshot link" in err and "expires" in err
    assert main(["share", "create", "--workspace", "demo", "--live", "--lang", "nb", *data]) == 0
    capsys.readouterr()
    from data_sources.shares import list_shares
    from data_sources.workspace import Workspace

    languages = {s.label: s.language for s in list_shares(Workspace.open(tmp_path, "demo"))}
    assert languages == {"Board": "en", "": "nb"}  # English unless --lang says otherwise
    with pytest.raises(SystemExit):  # only the dashboard's languages
        main(["share", "create", "--workspace", "demo", "--lang", "fr", *data])
    capsys.readouterr()
    assert main(["share", "list", "--workspace", "demo", "--json", *data]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted((s["label"], s["kind"], s["state"]) for s in listed) == [
        ("", "live", "active"), ("Board", "snapshot", "active"),
    ]  # fmt: skip
    assert url.split("share=")[1] not in json.dumps(listed)  # the list never shows a token
    board = next(s["id"] for s in listed if s["label"] == "Board")
    assert main(["share", "revoke", board, *data]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["share", "list", "--workspace", "demo", *data]) == 0
    assert "Board" not in capsys.readouterr().out
    assert main(["share", "revoke", board + "x", *data]) == 2
    assert "no share link" in capsys.readouterr().err
    assert main(["share", "create", "--workspace", "nobody", *data]) == 2
    assert "no workspace called 'nobody'" in capsys.readouterr().err


def test_report_writes_one_html_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, model_dir: Path,
    classifier: object,
) -> None:  # fmt: skip
    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
    export = write(
        tmp_path,
        "acme.csv",
        "id,date,text,likes\n"
        "1,2025-01-02,We stand with the Black community. Racism has no place here.,40\n"
        "2,2025-02-10,Update on our pledge: 12% of suppliers are now Black-owned (report: acme.com/esg),55\n"
        "3,2025-02-12,New menu! Order today and save 20%,12\n",
    )
    out = tmp_path / "report.html"
    assert main(["report", str(export), "--out", str(out), "--as-of", "2025-03-01"]) == 0
    document = out.read_text(encoding="utf-8")
    assert "acme: does it follow through?" in document
    assert "figures as of 1 Mar 2025" in document
    assert main(["report", "--out", str(out)]) == 2
    assert "export files or --workspace" in capsys.readouterr().err
    assert main(["report", "--workspace", "demo", "--data-dir", str(tmp_path / "d"), "--out", str(out)]) == 0
    assert "does it follow through?" in out.read_text(encoding="utf-8")
    assert main(["report", str(export), "--out", str(out), "--as-of", "2025-03-01", "--lang", "it"]) == 0
    document = out.read_text(encoding="utf-8")
    assert '<html lang="it" dir="ltr">' in document and "acme: dà seguito ai suoi impegni?" in document
    assert "dati al 1 mar 2025" in document
