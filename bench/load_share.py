"""Load test: many leaders open one share link at once.

``python -m bench.load_share [--sessions 20] [--posts 100000]`` builds a workspace of
``--posts`` labelled posts, shares a snapshot of it, starts a real Streamlit server on
loopback, and opens the link in ``--sessions`` concurrent browser contexts of Debian's
Chromium (Playwright). For each it times from navigation to a drawn page (the score shown
and every chart drawn) and prints the median, 95th percentile and maximum, and any errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from metrics.report import OFFLINE_CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = list(OFFLINE_CHROMIUM_FLAGS)
TARGET_P95 = 5.0


@dataclass
class LoadResult:
    sessions: int
    posts: int
    times: list[float]
    errors: list[str]
    wall: float
    #: One session on its own, just before the burst: the same page with no competition.
    alone: float = float("nan")
    #: Per session, the CPU seconds of the browser tab's renderer process (parsing and running
    #: Streamlit's and plotly's JavaScript, layout, painting), from Chromium's own counters.
    browser_busy: list[float] = field(default_factory=list)
    #: CPU seconds the Streamlit server spent during the burst, for all sessions together.
    server_cpu: float = float("nan")

    @property
    def p50(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def p95(self) -> float:
        if not self.times:
            return float("nan")
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def line(self) -> str:
        return (
            f"{self.sessions} sessions on a {self.posts:,}-post snapshot: median {self.p50:.2f} s, "
            f"p95 {self.p95:.2f} s, max {max(self.times, default=float('nan')):.2f} s, "
            f"{len(self.errors)} errors, wall {self.wall:.1f} s"
        )

    def breakdown(self) -> str:
        """Where the time goes: the browsers' work against the server's, and one session alone."""
        busy = statistics.median(self.browser_busy) if self.browser_busy else float("nan")
        cores = os.cpu_count() or 1
        return (
            f"one session alone: {self.alone:.2f} s to a drawn page; in the burst each browser tab's renderer used "
            f"{busy:.2f} s of CPU (median), {sum(self.browser_busy):.1f} s for all {self.sessions}, and the "
            f"server used {self.server_cpu:.1f} s of CPU ({self.server_cpu / max(self.sessions, 1):.2f} s a session), "
            f"on {cores} cores shared by the server and every browser"
        )


def _workspace(data_dir: Path, n: int) -> str:
    """A workspace of ``n`` posts built from the demo's brands and texts, labelled and shared."""
    from data_sources import schema as S
    from data_sources.demo import demo_commitments, demo_posts
    from data_sources.loader import LoadReport
    from data_sources.workspace import Workspace
    from metrics.classify import load_or_train
    from metrics.sharing import share_workspace

    base = demo_posts()
    reps = -(-n // base.height)
    frame = pl.concat(
        [
            base.with_columns(
                (pl.col(S.POST_ID) + f"-{i}").alias(S.POST_ID),
                (pl.col(S.PUBLISHED_AT) - timedelta(days=3 * i)).alias(S.PUBLISHED_AT),
            )
            for i in range(reps)
        ]
    ).head(n)
    ws = Workspace.open(data_dir, "load")
    ws.add_dataset(frame, LoadReport(file="load.parquet", format="demo", format_label="Demo",
                                     rows_read=frame.height, rows_loaded=frame.height))  # fmt: skip
    for commitment in demo_commitments():
        ws.save_commitment(commitment)
    classifier = load_or_train()
    _, token = share_workspace(ws, classifier, brand="Northwind Foods", label="load test")
    return token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FOLLOWTHROUGH_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not start")


DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid=stMetric]')) return false;
  const charts = document.querySelectorAll('[data-testid=stPlotlyChart]').length;
  return charts >= 2 && document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot').length === charts;
}"""


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _visit(
    browser: object, url: str, times: list[float], errors: list[str], busy: list[float] | None = None
) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 1600})  # type: ignore[attr-defined]
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    cdp = await context.new_cdp_session(page)
    await cdp.send("Performance.enable")
    started = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=120_000)
        await page.wait_for_function(DRAWN, timeout=120_000, polling=100)
        times.append(time.perf_counter() - started)
        if busy is not None:
            metrics = {m["name"]: m["value"] for m in (await cdp.send("Performance.getMetrics"))["metrics"]}
            busy.append(float(metrics.get("ProcessTime", float("nan"))))
        if await page.locator("[data-testid=stException]").count():
            errors.append("an exception is shown")
    except Exception as exc:  # noqa: BLE001 - counted, not raised: the test reports every failure
        token = url.rsplit("share=", 1)[-1]
        errors.append(f"{type(exc).__name__}: {str(exc).replace(token, '<token>').splitlines()[0][:160]}")
    finally:
        await context.close()


async def _load(url: str, sessions: int, server_pid: int) -> LoadResult:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    busy: list[float] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        warm = await browser.new_context()  # one visit first: the server computes the snapshot view once
        page = await warm.new_page()
        await page.goto(url, wait_until="commit", timeout=300_000)
        await page.wait_for_function(DRAWN, timeout=300_000, polling=200)
        await warm.close()
        alone: list[float] = []
        await _visit(browser, url, alone, errors)  # the same page with nothing competing
        cpu_before = _cpu_seconds(server_pid)
        started = time.perf_counter()
        await asyncio.gather(*(_visit(browser, url, times, errors, busy) for _ in range(sessions)))
        wall = time.perf_counter() - started
        server_cpu = _cpu_seconds(server_pid) - cpu_before
        await browser.close()
    return LoadResult(
        sessions=sessions, posts=0, times=times, errors=errors, wall=wall,
        alone=alone[0] if alone else float("nan"), browser_busy=busy, server_cpu=server_cpu,
    )  # fmt: skip


def run(sessions: int = 20, posts: int = 100_000) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="followthrough-load-") as tmp:
        data_dir = Path(tmp)
        token = _workspace(data_dir, posts)
        port = _free_port()
        server = _serve(data_dir, port)
        try:
            result = asyncio.run(_load(f"http://127.0.0.1:{port}/leadership?share={token}", sessions, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=20)
    result.posts = posts
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    result = run(args.sessions, args.posts)
    print(result.line())
    print(result.breakdown())
    for error in result.errors[:10]:
        print("  error:", error)
    verdict = "met" if result.p95 < TARGET_P95 and not result.errors else "MISSED"
    print(f"target p95 < {TARGET_P95:.0f} s: {verdict}  ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")


if __name__ == "__main__":
    main()
