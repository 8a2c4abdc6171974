"""A real Streamlit server on a free port and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from metrics.report import OFFLINE_CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = list(OFFLINE_CHROMIUM_FLAGS)

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, data_dir: Path, model_dir: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        environ = {
            **os.environ,
            "FOLLOWTHROUGH_DATA_DIR": str(data_dir),
            "FOLLOWTHROUGH_MODEL_DIR": str(model_dir),
            "FOLLOWTHROUGH_BASE_URL": self.url,
            **(env or {}),
        }
        self.log = open(data_dir / f"server-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
             f"--server.port={self.port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
             "--server.fileWatcherType=none"],
            cwd=ROOT, env=environ, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not start: {(data_dir / f'server-{self.port}.log').read_text()[-2000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def trained_model_dir(model_dir: Path, classifier: object) -> Path:
    """The session's trained classifier, so servers under test never train."""
    return model_dir


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, trained_model_dir: Path) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("data")
    running = Server(data_dir, trained_model_dir)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing: .ci/run should install it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="en-GB")  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


def settle(page: object, timeout: float = 90_000, *, navigation: bool = True) -> None:
    """Wait until the app is connected, its script has finished, and (for the editing
    pages) the navigation it builds is drawn."""
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)  # type: ignore[attr-defined]
    if navigation:
        # The menu is drawn by app.py itself, so it exists once the script has run.
        page.wait_for_selector("[data-testid=stSidebar] [data-testid=stPageLink]", timeout=timeout)  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelectorAll('[data-testid=stSkeleton]').length === 0", timeout=timeout)  # type: ignore[attr-defined]
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)  # type: ignore[attr-defined]


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path


def copy_realdata(name: str, dest: Path) -> Path:
    source = ROOT.parent / "shared" / "realdata" / "formats" / name
    if not source.exists():
        pytest.skip("../shared/realdata is not beside this clone")
    target = dest / name
    shutil.copy(source, target)
    return target
