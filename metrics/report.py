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
from followthrough.i18n import (
    N_,
    _,
    current_language,
    format_date,
    format_list,
    format_number,
    format_percent,
    is_rtl,
    isolate,
    type_label,
    using_language,
)
from metrics.leadership import (
    COMMITMENT_COLUMNS,
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
#: Shown where the PDF button would be; translate it where it is shown: ``_(PDF_HINT)``.
PDF_HINT = N_(
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
.summary { font-size: 1.05rem; border-inline-start: 4px solid #0072B2; padding: 4px 14px; margin: 16px 0 20px; }
h2 { font-size: 1.15rem; margin: 26px 0 8px; }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.status { display: inline-block; border-radius: 10px; padding: 1px 8px; color: white; font-size: 0.82rem; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: 8px 0; }
/* Charts draw their own axes, left to right as numbers and dates read, in every language;
   right to left, their tools move to the left, away from the title. */
.chart, #js-plotly-tester { direction: ltr; }
[dir=rtl] .chart .modebar { right: auto !important; left: 2px; }
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
    return "–" if day is None else format_date(day)


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
    return "–" if value is None else format_number(value, digits)


#: The table's columns: the key in :func:`metrics.leadership.commitment_rows` and its class.
_TABLE = (
    ("title", ""),
    ("status_label", ""),
    ("score", "num"),
    ("updates", "num"),
    ("last_update", "wide-only"),
    ("days_since", "num"),
    ("cadence_days", "num wide-only"),
)


def _commitment_row(r: dict[str, object]) -> str:
    colour = STATUS_COLOURS.get(str(r["status"]), "#57606a")
    return (
        "<tr>"
        f'<td dir="auto">{_esc(r["title"])}</td>'
        f'<td><span class="status" style="background:{colour}">{_esc(r["status_label"])}</span></td>'
        f'<td class="num">{_number(r["score"])}</td>'  # type: ignore[arg-type]
        f'<td class="num">{_number(r["updates"])}</td>'  # type: ignore[arg-type]
        f'<td class="wide-only">{_esc(_when(r["last_update"]))}</td>'  # type: ignore[arg-type]
        f'<td class="num">{_number(r["days_since"])}</td>'  # type: ignore[arg-type]
        f'<td class="num wide-only">{_number(r["cadence_days"])}</td>'  # type: ignore[arg-type]
        "</tr>"
    )


_SCRIPT_TAG = re.compile(r"<script(?=[\s>])")


def render_html(
    view: LeadershipView, *, generated_at: datetime | None = None, note: str = "", language: str | None = None
) -> str:
    """The leadership view as one self-contained HTML page in ``language`` (by default the
    current one), its ``<html lang dir>`` too: right to left in Arabic. ``note`` is added to
    the footer as given. Pass the language when the report is made outside the reader's run,
    as a download button's callable is (in a thread of its own)."""
    if language is not None:
        with using_language(language):
            return render_html(view, generated_at=generated_at, note=note)
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
    score = "–" if view.score is None else _esc(_("{score} / 100").format(score=format_number(view.score)))
    since = view.days_since_last_update
    total = view.commitments.height
    kpis = [
        (_("Accountability score"), score),
        (_("Posts"), _esc(format_number(view.posts))),
        (
            _("Commitments overdue"),
            _esc(
                _("{n} of {total}").format(n=format_number(view.overdue), total=format_number(total))
                if total
                else _("none declared")
            ),
        ),
        (_("Days since the last update"), _esc(_("never") if since is None else format_number(since))),
    ]
    kpi_html = "".join(
        f'<div class="kpi"><div class="label">{_esc(label)}</div><div class="value">{value}</div></div>'
        for label, value in kpis
    )
    rows = commitment_rows(view)
    if rows:
        headings = [(_(COMMITMENT_COLUMNS[key]), f" class='{css}'" if css else "") for key, css in _TABLE]
        head = "".join(f"<th{css}>{_esc(heading)}</th>" for heading, css in headings)
        body = "".join(_commitment_row(r) for r in rows)
        table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    else:
        table = "<p>" + _esc(_("No commitments declared or suggested for this brand in this period.")) + "</p>"
    components = format_list(
        [
            _("{component}: {value}").format(
                component=_(COMPONENT_LABELS[k]), value=_("n/a") if v is None else format_number(100 * v)
            )
            for k, v in view.components.items()
        ]
    )
    mix_total = max(sum(view.mix.values()), 1)
    mix = " · ".join(f"{type_label(t)} {format_percent(view.mix.get(t, 0) / mix_total)}" for t in S.POST_TYPES)
    csp = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    heading = _("{brand}: does it follow through?").format(brand=isolate(view.brand))
    period = _("{start} – {end}").format(start=_when(view.start), end=_when(view.end))
    as_of = _("figures as of {date}").format(date=_when(view.as_of))
    words = {
        "score_parts": _("What the score is made of"),
        "weights": _("The score weighs cadence and follow-through 0.3 each, specificity and recency 0.2 each."),
        "commitments": _("Commitments"),
        "says_does": _("Says and does"),
        "audience": _("Audience response"),
        "no_audience": _("These exports carry no engagement figures, so audience response is not shown."),
        "made": _("Made with Followthrough on {date} at {time} UTC.").format(
            date=format_date(generated_at), time=f"{generated_at.astimezone(UTC):%H:%M}"
        ),
        "classifier": _(
            "Post types are assigned by a classifier and corrected by the team; definitions in the label guide."
        ),
    }
    text = {key: _esc(value) for key, value in words.items()}
    audience_section = (
        f"<h2>{text['audience']}</h2><div class='chart'>{charts['audience']}</div>"
        if "audience" in charts
        else f"<h2>{text['audience']}</h2><p>{text['no_audience']}</p>"
    )
    return f"""<!doctype html>
<html lang="{current_language()}" dir="{"rtl" if is_rtl() else "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{_esc(heading)} {_esc(period)}</title>
<style>{CSS}</style>
<script nonce="{nonce}">{_plotly_js()}</script>
</head>
<body>
<main>
<header>
<h1>{_esc(heading)}</h1>
<p>{_esc(period)} · {_esc(as_of)}</p>
</header>
<section class="kpis">{kpi_html}</section>
<p class="summary">{_esc(view.summary)}</p>
<p>{_esc(mix)}</p>
<h2>{text["score_parts"]}</h2>
<p>{_esc(components)}. {text["weights"]}</p>
<div class="chart">{charts["components"]}</div>
<h2>{text["commitments"]}</h2>
{table}
<h2>{text["says_does"]}</h2>
<div class="chart">{charts["trend"]}</div>
{audience_section}
<footer>{text["made"]}{" " + _esc(note) if note else ""}
{text["classifier"]}</footer>
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
        raise FollowthroughError(_(PDF_HINT))
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
            raise FollowthroughError(
                _("Chromium could not print the report ({reason}). {hint}").format(reason=exc, hint=_(PDF_HINT))
            ) from exc
        if not out.exists() or out.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise FollowthroughError(
                _("Chromium did not write the PDF ({reason}). {hint}").format(reason=detail[0][:200], hint=_(PDF_HINT))
            )
        return out.read_bytes()
