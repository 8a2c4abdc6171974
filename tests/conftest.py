from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata" / "formats"


@pytest.fixture
def realdata() -> Path:
    """The real export samples beside the project; skip where a clone has none."""
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not beside this clone")
    return REALDATA


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def classifier(model_dir: Path):  # type: ignore[no-untyped-def]
    """The classifier trained once per test session from the project's corpus."""
    from metrics.classify import load_or_train

    return load_or_train(cache_dir=model_dir)
