"""The benchmark's generator and stage registry still work (the figures themselves come from `make bench`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from bench.run import STAGES, aggregate, execute, render
from data_sources.loader import load_path


def test_the_generated_exports_read_back_in_their_formats(tmp_path: Path) -> None:
    data = generate(200, directory=tmp_path)
    assert sum(e.rows for e in data.exports) == 200
    assert {e.format for e in data.exports} == {"x_activity", "meta_facebook"}
    for export in data.exports:
        result = load_path(export.path)
        assert result.report.format == export.format
        assert result.report.rows_loaded == export.rows
        assert result.report.platforms == [export.platform]
        assert result.report.rows_skipped == 0 and not result.report.warnings
        assert result.posts["lang"].null_count() == export.rows  # neither export says the language
    assert data.distinct_texts < 200  # reposts and cross-posts repeat texts
    assert generate(200, directory=tmp_path) == data  # cached, not written again


def test_the_pipeline_stage_runs_and_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_dir: Path, classifier: Any
) -> None:
    import polars as pl

    import metrics.language

    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))  # the session's trained model
    # Language detection has its own tests; here it would only load lingua's models.
    monkeypatch.setattr(metrics.language, "detect_languages", lambda texts, **_: pl.Series(["en"] * len(texts)))
    result = execute("pipeline", 200, 0, directory=tmp_path)
    phases = result["phases"]
    assert set(phases) >= {"read", "classify", "save", "metrics", "end_to_end"}
    for name, runs in phases.items():
        assert runs[0]["seconds"] > 0 and runs[0]["peak_bytes"] > 0, name
    assert phases["end_to_end"][0]["seconds"] >= phases["classify"][0]["seconds"]
    assert result["info"]["posts"] == 200
    assert (tmp_path / "runs" / "200" / "pipeline" / "workspaces" / "bench" / "labels").is_dir()

    data = generate(200, directory=tmp_path)
    report = render(
        [result],
        sizes=[200],
        runs=1,
        command="pytest",
        machine_info={
            "cpu": "test",
            "cores": 2,
            "usable_cores": 2,
            "memory_bytes": None,
            "os": "",
            "python": "",
            "versions": {},
            "git": "",
        },
        prepared={"model_key": "k", "classifier_ready_seconds": 0.0, "baseline_train_seconds": 0.0},
        datasets={200: data},
        seconds=1.0,
        load_averages=[],
    )
    assert "| Read and normalise both exports |" in report
    assert aggregate([result])[200]["phases"]["classify"]["median"] > 0
    assert list(STAGES)[:3] == ["pipeline", "overview", "baseline"]
