"""What every page shares: the workspace, cached data, filters bound to the URL, safe post
rendering, and the one colour per post type. UI only: all computing is in the core."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import polars as pl
import streamlit as st

from data_sources import schema as S
from data_sources.workspace import DEMO, Workspace, default_data_dir, ensure_demo, list_workspaces
from followthrough.i18n import (
    _,
    format_date,
    format_number,
    is_rtl,
    isolate,
    ngettext,
    topic_label,
    type_label,
)
from metrics.charts import localise
from metrics.charts import month_ticks as month_ticks  # the pages draw with it
from metrics.classify import Classifier, load_or_train, model_key
from metrics.consistency import Filters, apply_filters
from metrics.corpus import TOPICS
from metrics.pipeline import Accountability, accountability, labelled_posts


def _route_through_app() -> None:
    """Streamlit treats a folder named ``pages/`` beside the entry script as an old-style
    multipage app until ``st.navigation`` has run once in the process, so a deep link on a
    fresh server would run a page without ``app.py`` (no menu, wrong routes). Switch the
    process to ``st.navigation`` routing and rerun through ``app.py``."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_route_through_app()

TYPE_ORDER = list(S.POST_TYPES)
COLOURS = dict(S.TYPE_COLOURS)
# The URL parameter of each filter and its widget's key. ``?lang=`` is the reader's language
# (pages/_language.py); the languages the posts are written in are ``?post_lang=``.
FILTER_KEYS = {"brand": "f_brand", "platform": "f_platform", "post_lang": "f_lang", "topic": "f_topic"}

CSS = """
<style>
.ft-post {white-space: pre-wrap; unicode-bidi: plaintext; line-height: 1.45;
  font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", system-ui, sans-serif;
  border-left: 3px solid #d0d7de; padding: 0.2rem 0.7rem; margin: 0.2rem 0 0.6rem 0;}
.ft-chip {display: inline-block; border-radius: 0.8rem; padding: 0.05rem 0.55rem; color: white;
  font-size: 0.8rem; margin-right: 0.3rem;}
.ft-muted {color: #57606a; font-size: 0.85rem;}
@media (max-width: 640px) { .block-container {padding-left: 0.6rem; padding-right: 0.6rem;} }
</style>
"""


def style() -> None:
    st.html(CSS)


# --------------------------------------------------------------------------- data


@st.cache_resource(show_spinner=False)
def _seeded(data_dir: str) -> bool:
    ensure_demo(data_dir)
    return True


def _remember(key: str) -> None:
    """Widget state does not survive a change of page; a plain key beside it does."""
    st.session_state[f"_{key}"] = st.session_state[key]


def data_dir() -> str:
    path = str(default_data_dir())
    _seeded(path)
    return path


def workspace() -> Workspace:
    """The workspace named in the URL (``?ws=``), the demo by default; chosen in the sidebar."""
    root = data_dir()
    names = list_workspaces(root) or [DEMO]
    remembered = st.session_state.get("_workspace")
    if remembered is None:
        wanted = st.query_params.get("ws", DEMO)
        remembered = wanted if wanted in names else (DEMO if DEMO in names else names[0])
    if remembered not in names:
        remembered = names[0]
    st.session_state["workspace"] = remembered
    choice = st.sidebar.selectbox(_("Workspace"), names, key="workspace", on_change=_remember, args=("workspace",))
    st.session_state["_workspace"] = choice
    if choice != DEMO:
        st.query_params["ws"] = choice
    elif "ws" in st.query_params:
        del st.query_params["ws"]
    return Workspace.open(root, choice)


@st.cache_resource(show_spinner=False)
def classifier() -> Classifier:
    return load_or_train()


def get_classifier() -> Classifier:
    with st.spinner(_("Preparing the classifier (first start only, under a minute)…")):
        return classifier()


@st.cache_resource(show_spinner=False)
def _model_key() -> str:
    """The key :func:`load_or_train` gives the classifier, known without loading it: a
    workspace whose labels are saved is re-opened without the model."""
    return model_key()


#: What the metrics of the commitments read: every column but the texts, which only
#: suggesting commitments and matching keywords need.
METRIC_COLUMNS = (S.POST_ID, S.BRAND, S.PLATFORM, S.PUBLISHED_AT, S.LANG, S.TYPE, "topics", "specific")


@st.cache_resource(show_spinner=False, max_entries=6)
def _labelled(
    root: str, name: str, fingerprint: str, model_key: str, columns: tuple[str, ...] | None = None
) -> pl.DataFrame:
    ws = Workspace.open(root, name)
    bar = st.progress(0.0, text=_("Reading the workspace…"))
    posts = labelled_posts(
        ws,
        get_classifier,
        key=model_key,
        progress=lambda f, text: bar.progress(min(f, 1.0), text=text),
        columns=columns,
    )
    bar.empty()
    return posts


def posts(ws: Workspace, columns: tuple[str, ...] | None = None) -> pl.DataFrame:
    """Every labelled post of ``ws`` (only ``columns`` and those that identify a post, if
    given); recomputed only when its data or corrections change."""
    return _labelled(str(ws.root.parent.parent), ws.name, ws.fingerprint(), _model_key(), columns)


@st.cache_resource(show_spinner=False, max_entries=6)
def _accountability(root: str, name: str, fingerprint: str, model_key: str) -> Accountability:
    ws = Workspace.open(root, name)
    keywords = any(row.get("keywords") for row in ws.commitment_rows())
    columns = (*METRIC_COLUMNS, S.TEXT) if keywords else METRIC_COLUMNS
    return accountability(ws, _labelled(root, name, fingerprint, model_key, columns))


def commitments(ws: Workspace) -> Accountability:
    return _accountability(str(ws.root.parent.parent), ws.name, ws.fingerprint(), _model_key())


def refresh() -> None:
    """After a change to the workspace: the fingerprint changes, so caches re-key; rerun."""
    st.rerun()


# --------------------------------------------------------------------------- filters


def _from_url(param: str) -> list[str]:
    value = st.query_params.get(param, "")
    return [v for v in value.split(",") if v] if value else []


def _to_url(param: str, values: list[str]) -> None:
    if values:
        st.query_params[param] = ",".join(values)
    elif param in st.query_params:
        del st.query_params[param]


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def sidebar_filters(frame: pl.DataFrame, *, topics: bool = True) -> Filters:
    """Brand, platform, language, topic and date filters, kept in the URL and across pages."""
    st.sidebar.markdown("**" + _("Filters") + "**")
    options = {
        "brand": sorted(frame[S.BRAND].drop_nulls().unique().to_list()),
        "platform": sorted(frame[S.PLATFORM].drop_nulls().unique().to_list()),
        "post_lang": sorted(frame[S.LANG].drop_nulls().unique().to_list()),
        "topic": list(TOPICS),
    }
    labels = {
        "brand": _("Brands"),
        "platform": _("Platforms"),
        "post_lang": _("Post languages"),
        "topic": _("Cause topics"),
    }
    chosen: dict[str, list[str]] = {}
    for param, key in FILTER_KEYS.items():
        if param == "topic" and not topics:
            continue
        remembered = st.session_state.get(f"_{key}")
        if remembered is None:
            remembered = _from_url(param)
        st.session_state[key] = [v for v in remembered if v in options[param]]
        chosen[param] = st.sidebar.multiselect(
            labels[param],
            options[param],
            key=key,
            placeholder=_("All"),
            format_func=topic_label if param == "topic" else str,
            on_change=_remember,
            args=(key,),
        )
        st.session_state[f"_{key}"] = chosen[param]
        _to_url(param, chosen[param])
    if frame.height:
        lo = frame[S.PUBLISHED_AT].min().date()  # type: ignore[union-attr]
        hi = frame[S.PUBLISHED_AT].max().date()  # type: ignore[union-attr]
    else:
        lo = hi = date.today()
    remembered_dates = st.session_state.get("_f_dates")
    if remembered_dates is None:
        start = _parse_date(st.query_params.get("from")) or lo
        end = _parse_date(st.query_params.get("to")) or hi
        remembered_dates = (start, end)
    if isinstance(remembered_dates, tuple) and len(remembered_dates) == 2:
        start, end = remembered_dates
        st.session_state["f_dates"] = (max(lo, min(start, hi)), min(hi, max(end, lo)))
    picked = st.sidebar.date_input(
        _("Dates"),
        key="f_dates",
        min_value=lo,
        max_value=hi,
        format="YYYY-MM-DD",
        on_change=_remember,
        args=("f_dates",),
    )
    st.session_state["_f_dates"] = picked
    start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else (lo, hi)
    if (start, end) != (lo, hi):
        st.query_params["from"], st.query_params["to"] = start.isoformat(), end.isoformat()
    else:
        for p in ("from", "to"):
            if p in st.query_params:
                del st.query_params[p]
    return Filters(
        brands=tuple(chosen.get("brand", [])),
        platforms=tuple(chosen.get("platform", [])),
        languages=tuple(chosen.get("post_lang", [])),
        topics=tuple(chosen.get("topic", [])),
        start=start if start != lo else None,
        end=end if end != hi else None,
    )


def filtered(frame: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    return apply_filters(frame, filters)


# --------------------------------------------------------------------------- rendering

_MARKDOWN_SIGNIFICANT = str.maketrans(
    {
        **{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:$<>\"'&="},
        # Bidirectional overrides and isolates could reorder what a reader sees: dropped.
        **{chr(c): None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    }
)


def post_html(text: str | None, *, extra: str = "") -> str:
    """A post as inert HTML: every character that HTML or Markdown would act on is an
    entity, line breaks are ``<br>``, and the direction follows the text (Arabic reads
    right to left)."""
    safe = (text or "").translate(_MARKDOWN_SIGNIFICANT).replace("\r", "").replace("\n", "<br>")
    return f'<div class="ft-post" dir="auto">{safe}</div>{extra}'


def show_post(text: str | None, meta: str = "") -> None:
    st.markdown(post_html(text), unsafe_allow_html=True)
    if meta:
        st.markdown(f'<div class="ft-muted">{html.escape(meta)}</div>', unsafe_allow_html=True)


def type_chip(post_type: str | None) -> str:
    colour = COLOURS.get(post_type or "", "#999999")
    label = type_label(post_type)
    return f'<span class="ft-chip" style="background:{colour}">{html.escape(label)}</span>'


def empty_state(message: str, *, to_data: bool = True) -> None:
    st.info(message)
    if to_data:
        st.page_link("pages/data.py", label=_("Open Data to upload exports"), icon="📥")


def brand_line(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return ""
    brands = frame[S.BRAND].unique().sort().to_list()
    lo = frame[S.PUBLISHED_AT].min()
    hi = frame[S.PUBLISHED_AT].max()
    more = len(brands) - 4
    named = (
        ngettext("{brands} and {n} more", "{brands} and {n} more", more).format(
            brands=isolate(", ".join(brands[:4])), n=format_number(more)
        )
        if more > 0
        else isolate(", ".join(brands))
    )
    return _("{brands} · {start} – {end}").format(brands=named, start=format_date(lo), end=format_date(hi))


def plotly_layout(fig: Any, *, height: int = 380) -> Any:
    rtl = is_rtl()
    localise(fig)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 1 if rtl else 0,
            "xanchor": "right" if rtl else "left",
            "title": None,
        },
        font={"family": "Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, system-ui, sans-serif"},
        hoverlabel={"font": {"family": "Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, sans-serif"}},
    )
    return fig


def start_page(
    title: str, *, empty_message: str, caption: str | None = None, topics: bool = True, metrics_only: bool = False
) -> tuple[Workspace, pl.DataFrame, pl.DataFrame]:
    """The top of every analysis page: menu, workspace, filters, title, and the empty states.

    Returns the workspace, all its labelled posts, and the posts in the chosen view; stops
    the page with a message that says what to do when there is nothing to show. With
    ``metrics_only``, the posts have the :data:`METRIC_COLUMNS` only, unless the workspace
    declares no commitments (suggesting them reads the texts).
    """
    style()
    ws = workspace()
    everything = posts(ws, METRIC_COLUMNS if metrics_only and ws.commitment_rows() else None)
    frame = filtered(everything, sidebar_filters(everything, topics=topics))
    st.title(title)
    if caption:
        st.caption(caption)
    if everything.is_empty():
        empty_state(empty_message)
        st.stop()
    if frame.is_empty():
        st.info(_("No posts match these filters. Widen the dates or clear a filter in the sidebar."))
        st.stop()
    st.caption(brand_line(frame))
    return ws, everything, frame


def commitments_in_view(ws: Workspace, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, bool]:
    """The declared commitments and the links of the posts in view; when none are declared,
    the ones suggested from the stances in view (the flag says so)."""
    from metrics.commitments import link_posts, suggest_commitments

    acc = commitments(ws)
    if acc.commitments.is_empty():
        suggested = suggest_commitments(frame)
        return suggested, link_posts(frame, suggested), True
    return acc.commitments, acc.links.join(frame.select(S.POST_ID), on=S.POST_ID, how="semi"), False
