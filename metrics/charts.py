"""Chart text in the reader's language, for the pages and the report alike.

Plotly writes its own month names and number separators in English, and draws every text
left to right. These helpers give a figure the reader's months, decimal sign and digit
grouping (from Babel), and in a right-to-left language put titles and legends on the
right with their words as right-to-left isolates, while time and numbers keep reading
left to right.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from followthrough.i18n import format_month, is_rtl, locale


def month_ticks(fig: Any, lo: date | None, hi: date | None, *, most: int = 10) -> Any:
    """Label a date x axis with months in the reader's language: a tick every 1, 2, 3, 6
    or 12 months, so that there are at most ``most``."""
    if lo is None or hi is None:
        return fig
    first, last = lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month - 1
    step = next((s for s in (1, 2, 3, 6, 12, 24) if (last - first) // s < most), 48)
    start = first + (-first) % step
    months = [date(m // 12, m % 12 + 1, 1) for m in range(start, last + 1, step)] or [date(lo.year, lo.month, 1)]
    fig.update_xaxes(tickmode="array", tickvals=months, ticktext=[format_month(m) for m in months])
    return fig


def _rtl_isolate(text: Any) -> Any:
    return f"\u2067{text}\u2069" if isinstance(text, str) and text and not text.startswith("\u2067") else text


def right_to_left(fig: Any) -> Any:
    """Each title and name as a right-to-left isolate (plotly draws them in a left-to-right
    SVG), and the title starting at the right."""
    fig.update_layout(title_text=_rtl_isolate(fig.layout.title.text), title_x=0.99, title_xanchor="right")
    fig.for_each_xaxis(lambda axis: axis.update(title_text=_rtl_isolate(axis.title.text)))
    fig.for_each_yaxis(lambda axis: axis.update(title_text=_rtl_isolate(axis.title.text)))
    fig.for_each_trace(lambda trace: trace.update(name=_rtl_isolate(trace.name)))
    fig.for_each_annotation(lambda note: note.update(text=_rtl_isolate(note.text)))
    return fig


def localise(fig: Any) -> Any:
    """The reader's decimal sign and digit grouping on the axes, and right to left where the
    language reads so (legend included)."""
    loc = locale()
    fig.update_layout(separators=get_decimal_symbol(loc) + get_group_symbol(loc))
    if is_rtl():
        right_to_left(fig)
        fig.update_layout(legend={"x": 1, "xanchor": "right"})
    return fig
