"""Every page in every language (the leadership view behind a share link too), and no
English left outside the catalogues.

The second test runs each page in a pseudo-language, ``xx``, made at test time from the
template: every translation is the English message between ⟦ and ⟧. Every text a reader
sees (titles, markdown, captions, alerts, metrics, widget labels and options, tabs,
expanders, table headers, chart titles, axes and legends) must then be inside markers,
apart from data: brand, platform, workspace and language names, commitment titles, post
texts, numbers and dates. A string that skipped ``_()``, or a message missing from the
catalogues, shows up as English outside the markers and fails the test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from streamlit.testing.v1 import AppTest

from followthrough import i18n

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/overview.py", "pages/commitments.py", "pages/content_mix.py", "pages/audience.py",
    "pages/peers.py", "pages/posts.py", "pages/data.py", "pages/share.py",
]  # fmt: skip
#: The read-only view a share link opens (pages/leadership.py), reached only through a token.
LEADERSHIP = "leadership view"
BRAND = "Northwind Foods"
OPEN, CLOSE = "⟦", "⟧"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory, model_dir: Path, classifier: Any) -> Iterator[Path]:
    """One demo workspace for the module: its labelled posts are cached across runs."""
    path = tmp_path_factory.mktemp("i18n-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOLLOWTHROUGH_DATA_DIR", str(path))
        mp.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
        yield path


@pytest.fixture(scope="module")
def share_token(demo_dir: Path, classifier: Any) -> str:
    """A snapshot link to the demo workspace, made in English."""
    from data_sources.workspace import ensure_demo
    from metrics.sharing import share_workspace

    return share_workspace(ensure_demo(demo_dir), classifier, brand=BRAND, label="Board")[1]


def open_share(token: str, lang: str | None = None) -> AppTest:
    """A share link as its viewer opens it, through app.py, with ``?lang=`` or without."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["share"] = token
    if lang is not None:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def leadership_title(lang: str) -> str:
    with i18n.using_language(lang):
        return i18n._("{brand}: does it follow through?").format(brand=i18n.isolate(BRAND))


def start(lang: str) -> AppTest:
    """The app through app.py (menu, language chooser, the Overview) with ``?lang=``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run(page: str, lang: str) -> AppTest:
    """``page`` in ``lang``. AppTest runs a switched-to page without app.py, as a server does
    on a deep link's first run: the page itself must put the language in force."""
    at = start(lang)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


TITLES = {
    "pages/overview.py": "Overview", "pages/commitments.py": "Commitments", "pages/content_mix.py": "Content mix",
    "pages/audience.py": "Audience response", "pages/peers.py": "Peers", "pages/posts.py": "Posts", "pages/data.py": "Data",
    "pages/share.py": "Share with leadership",
}  # fmt: skip


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_every_language(demo_dir: Path, page: str, lang: str) -> None:
    at = run(page, lang)
    assert at.query_params.get("lang", ["en"]) in (lang, [lang])
    with i18n.using_language(lang):
        assert at.title[0].value == i18n._(TITLES[page])


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
def test_the_leadership_view_renders_in_every_language(share_token: str, lang: str) -> None:
    at = open_share(share_token, lang)
    assert at.title[0].value == leadership_title(lang)
    with i18n.using_language(lang):
        assert [m.label for m in at.metric][0] == i18n._("Accountability score")
        assert i18n._("Commitments") in [s.value for s in at.subheader]
    chooser = at.segmented_control(key="share_lang")
    assert chooser.value == lang and chooser.options == list(i18n.LANGUAGES.values())
    assert at.query_params["share"] in (share_token, [share_token])


def test_a_share_link_opens_in_the_language_it_was_made_in_unless_the_viewer_picks_another(
    demo_dir: Path, classifier: Any
) -> None:
    from data_sources.shares import list_shares
    from data_sources.workspace import ensure_demo
    from metrics.sharing import share_workspace

    ws = ensure_demo(demo_dir)
    share, token = share_workspace(ws, classifier, brand=BRAND, language="nb")
    assert share.language == "nb" and next(s for s in list_shares(ws) if s.id == share.id).language == "nb"

    at = open_share(token)  # no ?lang=: the language the link was made in
    assert at.title[0].value == leadership_title("nb")
    assert at.metric[0].label == "Ansvarlighetsscore"
    assert at.segmented_control(key="share_lang").value == "nb"

    assert open_share(token, "it").title[0].value == leadership_title("it")  # the viewer's ?lang= wins

    at.segmented_control(key="share_lang").set_value("en").run()  # the view's own chooser
    assert not at.exception
    assert at.title[0].value == leadership_title("en")
    assert at.query_params["lang"] in ("en", ["en"])  # kept, English too: the link's own is Norwegian
    assert at.query_params["share"] in (token, [token])
    at.run()
    assert at.title[0].value == leadership_title("en")


def test_a_link_made_before_there_was_a_choice_opens_in_english(demo_dir: Path) -> None:
    from data_sources.shares import create_share
    from data_sources.workspace import ensure_demo

    share, token = create_share(ensure_demo(demo_dir), view={"brand": BRAND, "filters": {}}, snapshot=None)
    assert share.language == "en"
    at = open_share(token)
    assert at.title[0].value == leadership_title("en")


def test_a_dead_link_says_so_in_the_viewers_language(demo_dir: Path) -> None:
    at = open_share("x" * 43, "it")
    with i18n.using_language("it"):
        expected = i18n._("This link does not work. Check that it was copied whole, or ask for a new one.")
    assert [e.value for e in at.error] == [expected]


def test_the_share_page_stores_the_creators_language_with_the_link(demo_dir: Path) -> None:
    from data_sources.shares import list_shares
    from data_sources.workspace import Workspace

    at = run("pages/share.py", "hi")
    at.text_input(key="share_label").input("हिन्दी बोर्ड")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    made = [s for s in list_shares(Workspace.open(demo_dir, "demo")) if s.label == "हिन्दी बोर्ड"]
    assert [s.language for s in made] == ["hi"]
    with i18n.using_language("hi"):
        assert any(i18n._("Active links") == t.label for t in at.tabs)


def test_the_chooser_sets_the_language_and_it_survives_a_change_of_page(demo_dir: Path) -> None:
    at = start("en")
    assert at.title[0].value == "Overview"
    assert at.selectbox(key="ui_lang").options == list(i18n.LANGUAGES.values())
    at.selectbox(key="ui_lang").set_value("it").run()
    assert at.title[0].value == "Panoramica"
    assert at.query_params["lang"] in ("it", ["it"])
    assert "Punteggio di accountability" in [m.label for m in at.metric]
    at.switch_page("pages/posts.py").run()
    assert at.title[0].value == "Post"


def test_arabic_lays_the_page_out_right_to_left(demo_dir: Path) -> None:
    styles = " ".join(h.proto.body for h in start("ar").get("html"))
    assert "direction: rtl" in styles and "Noto Sans Arabic" in styles
    assert "direction: rtl" not in " ".join(h.proto.body for h in start("hi").get("html"))


# --------------------------------------------------------------------------- the pseudo-language


def pseudo_catalogue() -> Catalog:
    with (i18n.LOCALES_DIR / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    catalogue = Catalog(locale="en", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            catalogue.add(message.id, tuple(f"{OPEN}{form}{CLOSE}" for form in message.id))
        else:
            catalogue.add(message.id, f"{OPEN}{message.id}{CLOSE}")
    return catalogue


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    path = tmp_path / "xx.po"
    with path.open("wb") as handle:
        write_po(handle, pseudo_catalogue())
    real = i18n.catalogue_path
    monkeypatch.setattr(i18n, "catalogue_path", lambda code: path if code == "xx" else real(code))
    monkeypatch.setitem(i18n.LANGUAGES, "xx", f"{OPEN}pseudo{CLOSE}")
    # Dates and month names in a script that is not Latin, so that any English letter left
    # outside the markers is a message that escaped the catalogue.
    monkeypatch.setitem(i18n.BABEL_LOCALES, "xx", "ar")
    i18n.translations.cache_clear()
    yield "xx"
    i18n.translations.cache_clear()


def visible_texts(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every text the page shows."""
    found: list[tuple[str, str]] = []

    def add(where: str, *texts: Any) -> None:
        found.extend((where, str(t)) for t in texts if t)

    def visit(node: Any) -> None:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in (
            "title",
            "header",
            "subheader",
            "markdown",
            "caption",
            "text",
            "info",
            "warning",
            "error",
            "success",
        ):
            add(kind, node.value)
        elif kind == "metric":
            add("metric", node.label, node.value, proto.help)
        elif kind in ("button", "download_button", "form_submit_button", "page_link", "toggle", "checkbox"):
            add(kind, getattr(node, "label", None) or proto.label, getattr(proto, "help", ""))
        elif kind in ("selectbox", "multiselect", "radio", "segmented_control", "button_group", "select_slider"):
            add(kind, node.label, getattr(proto, "placeholder", ""), *node.options)
        elif kind in ("text_input", "text_area", "number_input", "date_input", "file_uploader", "time_input"):
            add(kind, proto.label, getattr(proto, "placeholder", ""))
        elif kind == "tab":
            add("tab", node.label)
        elif kind == "expandable":
            add("expander", proto.expandable.label)
        elif kind == "progress":
            add("progress", proto.text)
        elif kind == "plotly_chart":
            spec = json.loads(proto.spec)
            layout = spec.get("layout", {})
            add("chart title", (layout.get("title") or {}).get("text"))
            for axis in (k for k in layout if k.startswith(("xaxis", "yaxis"))):
                add("axis title", ((layout[axis] or {}).get("title") or {}).get("text"))
            add("legend", *(t.get("name") for t in spec.get("data", []) if t.get("showlegend", True) is not False))
            add("annotation", *(a.get("text") for a in layout.get("annotations", [])))
        elif kind == "arrow_data_frame":
            config = json.loads(proto.columns or "{}")
            frame = node.value
            for column in frame.columns:
                settings = config.get(f"name:{column}") or config.get(str(column)) or {}
                if settings.get("hidden") or (column in config and config[column] is None):
                    continue
                add("table column", settings.get("label") or column)
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found


def english_left(text: str, data: list[str]) -> str:
    """What of ``text`` is neither inside markers nor data: it should hold no Latin letter."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    text = re.sub(r"<[^>]*>|&#\d+;|https?://\S+", " ", text)
    for value in data:
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    return " ".join(w for w in text.split() if re.search("[A-Za-z]", w))


def data_values(demo: Path) -> list[str]:
    from data_sources import schema as S
    from data_sources.shares import list_shares
    from data_sources.workspace import Workspace, list_workspaces

    values = ["Followthrough", *S.PLATFORMS, *i18n.LANGUAGES.values(), *list_workspaces(demo)]
    for name in list_workspaces(demo):
        ws = Workspace.open(demo, name)
        values += [str(c.get("title") or "") for c in ws.commitment_rows()]
        values += [v for s in list_shares(ws, include_inactive=True) for v in (s.label, s.id)]  # the owner's list
        posts = ws.posts()
        values += posts[S.BRAND].drop_nulls().unique().to_list() + posts[S.LANG].drop_nulls().unique().to_list()
    return sorted({v for v in values if v}, key=len, reverse=True)


@pytest.mark.parametrize("page", ["app.py", *PAGES, LEADERSHIP])
def test_no_page_shows_a_message_missing_from_the_catalogues(
    demo_dir: Path, share_token: str, pseudo: str, page: str
) -> None:
    if page == "app.py":
        at = start(pseudo)  # the menu, the chooser, the Overview
    elif page == LEADERSHIP:
        at = open_share(share_token, pseudo)
        assert at.metric, "the view itself, not a dead-link message"
    else:
        at = run(page, pseudo)
    texts = visible_texts(at)
    assert len(texts) > 8, texts
    assert any(OPEN in t for _, t in texts)
    data = data_values(demo_dir)
    leaks = [
        (where, text, left)
        for where, text in texts
        if 'class="ft-post"' not in text  # a post's own text
        and (left := english_left(text, data))
    ]
    assert leaks == []
