from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A PostgreSQL server for the session (skips where PostgreSQL is not installed,
    unless FOLLOWTHROUGH_REQUIRE_POSTGRES is set, as in CI)."""
    import os

    from tests.postgres_server import REQUIRE_ENV, postgres_bin, postgres_server

    if postgres_bin() is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but PostgreSQL is not installed (apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed: the shared-records tests need initdb and postgres")
    with postgres_server() as url:
        yield url


@pytest.fixture
def records_url(postgres_server_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database on the test server, set as FOLLOWTHROUGH_RECORDS_URL for this test."""
    import uuid

    from tests.postgres_server import fresh_database

    url = fresh_database(postgres_server_url, f"t_{uuid.uuid4().hex[:16]}")
    monkeypatch.setenv("FOLLOWTHROUGH_RECORDS_URL", url)
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def records_backend(request: pytest.FixtureRequest) -> str:
    """Run a test once with records in SQLite and once on a PostgreSQL server."""
    if request.param == "postgres":
        request.getfixturevalue("records_url")
    return str(request.param)
