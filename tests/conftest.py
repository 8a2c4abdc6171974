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
