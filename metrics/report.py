"""The standalone report: the leadership view as one HTML file, and as an A4 PDF.

The HTML opens offline: plotly.js is embedded once, charts stay interactive, and a
Content-Security-Policy lets only the report's own scripts run (by nonce) and fetch
nothing. Every text that came from data (brand names, commitment titles) is escaped.
The PDF is the same HTML printed by headless Chromium; :func:`find_chromium` says whether
that engine is present.
"""

from __future__ import annotations

import functools
import html
import os
import re
import secrets
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import plotly.graph_objects as go

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from metrics.leadership import (
    COMPONENT_LABELS,
    STATUS_COLOURS,
    LeadershipView,
    audience_figure,
    commitment_rows,
    components_figure,
    trend_figure,
)

#: Chromium with no sandbox, GPU or calls home: how the PDF printer, the browser tests and
#: the load test all start it on a machine with a closed network.
OFFLINE_CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_HINT = (
    "PDF export needs Chromium. Install it (on Debian or Ubuntu: `sudo apt install chromium`) "
    "or set FOLLOWTHROUGH_CHROMIUM to a Chrome or Chromium executable, then try again. "
    "The HTML report prints to PDF from any browser in the meantime."
)

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", system-ui, sans-serif;
  color: var(--ink); margin: 0; background: #f6f8fa; line-height: 1.45; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 40px; background: white; }
header h1 { font-size: 1.6rem; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 20px 0; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi .label { color: var(--muted); font-size: 0.85rem; }
.kpi .value { font-size: 1.5rem; font-weight: 600; }
.summary { font-size: 1.05rem; border-left: 4px solid #0072B2; padding: 4px 14px; margin: 16px 0 20px; }
h2 { font-size: 1.15rem; margin: 26px 0 8px; }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; border-radius: 10px; padding: 1px 8px; color: white; font-size: 0.82rem; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: 8px 0; }
footer { margin-top: 28px; color: var(--muted); font-size: 0.82rem; }
@media (max-width: 640px) {
  main { padding: 14px 10px; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .wide-only { display: none; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: white; }
  main { max-width: none; padding: 0; }
  .kpis { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  h2 { break-after: avoid; }
}
"""


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _when(day: date | None) -> str:
    return "–" if day is None else f"{day.day} {day:%b %Y}"


def _figure_html(fig: go.Figure, *, div_id: str) -> str:
    return str(
        fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=div_id,
            config={"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["sendDataToCloud"]},
            default_width="100%",
        )
    )


@functools.cache
def _plotly_js() -> str:
    """plotly.js itself, embedded so the report draws its charts offline."""
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs()).replace("</script", "<\\/script")


def _number(value: float | int | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _commitment_row(r: dict[str, object]) -> str:
    colour = STATUS_COLOURS.get(str(r["status"]), "#57606a")
    return (
        "<tr>"
        f"<td>{_esc(r['Commitment'])}</td>"
        f'<td><span class="status" style="background:{colour}">{_esc(r["Status"])}</span></td>'
        f'<td class="num">{_number(r["Score"])}</td>'  # type: ignore[arg-type]
        f'<td class="num">{_number(r["Updates"])}</td>'  # type: ignore[arg-type]
        f'<td class="wide-only">{_esc(_when(r["Last update"]))}</td>'  # type: ignore[arg-type]
        f'<td class="num">{_number(r["Days since"])}</td>'  # type: ignore[arg-type]
        f'<td class="num wide-only">{_number(r["Promised every (days)"])}</td>'  # type: ignore[arg-type]
        "</tr>"
    )


_SCRIPT_TAG = re.compile(r"<script(?=[\s>])")


def render_html(view: LeadershipView, *, generated_at: datetime | None = None, note: str = "") -> str:
    """The leadership view as one self-contained HTML page."""
    generated_at = generated_at or datetime.now(UTC)
    nonce = secrets.token_urlsafe(16)
    figures = [("trend", trend_figure(view)), ("components", components_figure(view))]
    audience = audience_figure(view)
    if audience is not None:
        figures.append(("audience", audience))
    charts = {
        name: _SCRIPT_TAG.sub(f'<script nonce="{nonce}"', _figure_html(fig, div_id=f"ft-{name}"))
        for name, fig in figures
    }
    score = "–" if view.score is None else f"{view.score:.0f}<small>/100</small>"
    since = view.days_since_last_update
    kpis = [
        ("Accountability score", score),
        ("Posts", f"{view.posts:,}"),
        ("Commitments overdue", f"{view.overdue} of {view.commitments.height}" if view.commitments.height else "none"),
        ("Days since the last update", "never" if since is None else f"{since:,}"),
    ]
    kpi_html = "".join(
        f'<div class="kpi"><div class="label">{_esc(label)}</div><div class="value">{value}</div></div>'
        for label, value in kpis
    )
    rows = commitment_rows(view)
    if rows:
        body = "".join(_commitment_row(r) for r in rows)
        table = (
            "<table><thead><tr><th>Commitment</th><th>Status</th><th class='num'>Score</th>"
            "<th class='num'>Updates</th><th class='wide-only'>Last update</th><th class='num'>Days since</th>"
            f"<th class='num wide-only'>Promised every (days)</th></tr></thead><tbody>{body}</tbody></table>"
        )
    else:
        table = "<p>No commitments declared or suggested for this brand in this period.</p>"
    components = ", ".join(
        f"{COMPONENT_LABELS[k]} {'n/a' if v is None else f'{100 * v:.0f}'}" for k, v in view.components.items()
    )
    mix_total = max(sum(view.mix.values()), 1)
    mix = " · ".join(f"{S.TYPE_LABELS[t]} {view.mix.get(t, 0) / mix_total:.0%}" for t in S.POST_TYPES)
    csp = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = f"{view.brand}: does it follow through? {_when(view.start)} – {_when(view.end)}"
    audience_section = (
        f"<h2>Audience response</h2><div class='chart'>{charts['audience']}</div>"
        if "audience" in charts
        else "<h2>Audience response</h2><p>These exports carry no engagement figures, so none are shown.</p>"
    )
    return f"""<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{_esc(title)}</title>
<style>{CSS}</style>
<script nonce="{nonce}">{_plotly_js()}</script>
</head>
<body>
<main>
<header>
<h1>{_esc(view.brand)}: does it follow through?</h1>
<p>{_esc(_when(view.start))} – {_esc(_when(view.end))} · figures as of {_esc(_when(view.as_of))}</p>
</header>
<section class="kpis">{kpi_html}</section>
<p class="summary">{_esc(view.summary)}</p>
<p>{_esc(mix)}</p>
<h2>What the score is made of</h2>
<p>{_esc(components)}. The score weighs cadence and follow-through 0.3 each, specificity and recency 0.2 each.</p>
<div class="chart">{charts["components"]}</div>
<h2>Commitments</h2>
{table}
<h2>Says and does</h2>
<div class="chart">{charts["trend"]}</div>
{audience_section}
<footer>Made with Followthrough on {_esc(f"{generated_at:%Y-%m-%d %H:%M} UTC")}.{" " + _esc(note) if note else ""}
Post types are assigned by a classifier and corrected by the team; definitions in the label guide.</footer>
</main>
</body>
</html>
"""


def find_chromium() -> str | None:
    """The Chromium or Chrome executable used for PDFs: ``FOLLOWTHROUGH_CHROMIUM``, else on PATH."""
    configured = os.environ.get("FOLLOWTHROUGH_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(document: str, *, chromium: str | None = None, timeout: float = 90.0) -> bytes:
    """Print ``document`` to an A4 PDF with headless Chromium (charts drawn first)."""
    executable = chromium or find_chromium()
    if executable is None:
        raise FollowthroughError(PDF_HINT)
    with tempfile.TemporaryDirectory(prefix="followthrough-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        out = Path(tmp) / "report.pdf"
        page.write_text(document, encoding="utf-8")
        command = [
            executable,
            "--headless",
            *OFFLINE_CHROMIUM_FLAGS,
            "--disable-extensions",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=20000",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise FollowthroughError(f"Chromium could not print the report ({exc}). {PDF_HINT}") from exc
        if not out.exists() or out.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise FollowthroughError(f"Chromium did not write the PDF ({detail[0][:200]}). {PDF_HINT}")
        return out.read_bytes()
