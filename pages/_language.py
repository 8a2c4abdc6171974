"""The reader's language: chosen in the sidebar, kept in the URL (``?lang=``) and across
pages, in force (``followthrough.i18n``) for the whole run, and laid out right to left
where the language reads so."""

from __future__ import annotations

import streamlit as st

from followthrough.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, current_language, is_rtl, set_language

KEY = "ui_lang"
PARAM = "lang"

# Streamlit's own face has no Arabic or Devanagari: name the Noto faces (fonts-noto-core)
# so every script reads in a face made for it, and Material icons keep theirs.
_FONTS = {
    "ar": '"Noto Sans Arabic", "Noto Naskh Arabic", "Source Sans Pro", "Source Sans 3", "Noto Sans", sans-serif',
    "hi": '"Noto Sans Devanagari", "Source Sans Pro", "Source Sans 3", "Noto Sans", sans-serif',
}
_TEXT = ".stApp :is(h1, h2, h3, h4, h5, h6, p, li, label, button, input, textarea, a, span, div):not([data-testid=stIconMaterial])"
_RTL = """
.stApp [data-testid=stAppViewContainer], .stApp [data-testid=stSidebarContent] {direction: rtl;}
.stApp [data-testid=stMain], .stApp [data-testid=stCaptionContainer] {text-align: right;}
/* Streamlit aligns each element to the left: to the start instead (the right, here). */
.stApp [data-testid=stElementContainer] {text-align: start;}
.stApp [data-testid=stDateInputField] {direction: ltr;}
/* A bar fills from where the reader starts. */
.stApp [data-testid=stProgressBarTrack] {transform: scaleX(-1);}
/* Charts and data grids draw their own axes: left to right, as numbers and dates read. */
.stApp [data-testid=stPlotlyChart], .stApp [data-testid=stDataFrame] {direction: ltr;}
.ft-post {border-left: none; border-right: 3px solid #d0d7de;}
.ft-chip {margin-right: 0; margin-left: 0.3rem;}
"""


def _chosen() -> None:
    st.session_state[f"_{KEY}"] = st.session_state[KEY]


def use_language() -> str:
    """First thing in every run, in app.py and at the top of every page (a page can run
    without app.py: on a deep link's first run, and in AppTest): put this session's
    language in force (the one chosen, else ``?lang=``, else English) and keep it in the URL."""
    code = set_language(st.session_state.get(f"_{KEY}") or st.query_params.get(PARAM, DEFAULT_LANGUAGE))
    st.session_state[f"_{KEY}"] = code
    if code != DEFAULT_LANGUAGE:
        st.query_params[PARAM] = code
    elif PARAM in st.query_params:
        del st.query_params[PARAM]
    return code


def _lay_out(code: str) -> None:
    """The page laid out for ``code``: its fonts, and right to left where it reads so."""
    css = f"{_TEXT} {{font-family: {_FONTS[code]};}}" if code in _FONTS else ""
    if is_rtl(code):
        css += _RTL
    if css:
        st.html(f"<style>{css}</style>")


def language_selector() -> None:
    """The chooser in the sidebar, each language by its own name, and the page laid out for
    the language in force."""
    code = current_language()
    _lay_out(code)
    st.session_state[KEY] = code
    st.sidebar.selectbox(
        "🌐 " + _("Language"), list(LANGUAGES), format_func=LANGUAGES.__getitem__, key=KEY, on_change=_chosen
    )


# --------------------------------------------------------------------------- a share link's view

SHARE_KEY = "share_lang"


def use_share_language(stored: str | None = None) -> str:
    """The language of a share link's read-only view: the one its viewer chose (``?lang=``),
    else the one the link was made in (``stored``), else English. Nothing is remembered in
    the session and ``?lang=`` is left as it is, English included, so that a viewer's choice
    of English outlasts a link made in another language."""
    return set_language(st.query_params.get(PARAM) or stored or DEFAULT_LANGUAGE)


def _picked() -> None:
    st.query_params[PARAM] = st.session_state[SHARE_KEY]


def share_language_selector() -> None:
    """The view's own chooser (it has no sidebar): each language by its own name, at the
    top, writing ``?lang=`` beside ``?share=``; and the page laid out for the language in force."""
    code = current_language()
    _lay_out(code)
    st.session_state[SHARE_KEY] = code
    with st.container(horizontal=True, horizontal_alignment="right"):
        st.segmented_control(
            "🌐 " + _("Language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=SHARE_KEY,
            on_change=_picked,
            required=True,
            label_visibility="collapsed",
            wrap=True,  # on a phone the five names take two rows rather than hide one
        )
