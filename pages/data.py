from __future__ import annotations

import streamlit as st

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.formats import SYNONYMS
from data_sources.loader import available_formats, load_bytes
from data_sources.tables import read_excel_table, read_text_table, sniff_kind
from data_sources.workspace import Workspace, list_workspaces, slugify
from followthrough.i18n import _, format_datetime, format_number, ngettext
from pages._language import use_language
from pages._shared import data_dir, refresh, style, workspace

use_language()

style()
ws = workspace()
st.title(_("Data"))
st.write(
    _(
        "Upload the exports of your brand's posts, and of peers to compare with. Followthrough reads X Analytics, "
        "X content and API exports, Meta Business Suite (Facebook, Instagram), Facebook Insights, LinkedIn, "
        "Sprout Social, Publer, Hootsuite and Buffer, Mastodon and Bluesky, and any table with a text and a date column."
    )
)

# The loaders name their formats and skips by English codes (data_sources, stored with each
# dataset); these are the names a reader sees. A format or a reason missing here shows as the
# loader gives it.
FORMAT_NAMES = {
    "x_activity": _("X (Twitter) Analytics tweet activity"),
    "x_content_2024": _("X content export (2024 on)"),
    "facebook_insights_legacy": _("Facebook Page Insights post-level export (legacy)"),
    "meta_facebook": _("Meta Business Suite posts export (Facebook)"),
    "meta_instagram": _("Meta Business Suite posts export (Instagram)"),
    "linkedin_page": _("LinkedIn page posts export"),
    "sprout_post_performance": _("Sprout Social Post Performance"),
    "publer_insights": _("Publer / Hootsuite / Buffer post insights"),
    "x_api_flat_csv": _("Tweets flattened from the X/Twitter API (CSV)"),
    "generic": _("Generic table (columns matched by name)"),
    "x_api_v2_json": _("X API v2 JSON"),
    "twitter_v1_json": _("Twitter API v1.1 JSON / archive"),
    "mastodon_json": _("Mastodon statuses JSON"),
    "bluesky_json": _("Bluesky author feed JSON"),
}
SKIP_REASONS = {
    "empty row": _("empty row"),
    "date missing or unreadable": _("date missing or unreadable"),
    "repeated post id (the later row was kept)": _("repeated post id (the later row was kept)"),
}
FIELD_NAMES = {
    S.TEXT: _("Text"),
    S.PUBLISHED_AT: _("Published at"),
    S.POST_ID: _("Post ID"),
    S.BRAND: _("Brand"),
    S.PLATFORM: _("Platform"),
    S.URL: _("URL"),
    S.LANG: _("Language"),
    S.LIKES: _("Likes"),
    S.COMMENTS: _("Comments"),
    S.SHARES: _("Shares"),
    S.IMPRESSIONS: _("Impressions"),
    S.ENGAGEMENTS: _("Engagements"),
}
NONE, FROM_FILE = "(none)", "(from the file)"


def format_name(name: str, label: str) -> str:
    return FORMAT_NAMES.get(name, label)


formats: dict[str, str | None] = {_("Detect automatically"): None} | {
    format_name(name, label): name for name, label in available_formats().items()
}
upload_tab, map_tab, pull_tab, spaces_tab = st.tabs(
    [_("Upload exports"), _("Map columns of a generic file"), _("Pull a public account"), _("Workspaces")]
)


def save(result, label: str) -> None:  # type: ignore[no-untyped-def]
    report = result.report
    if report.rows_loaded == 0:
        st.warning(
            ngettext(
                "{file}: no posts could be loaded ({n} row read). Nothing was saved.",
                "{file}: no posts could be loaded ({n} rows read). Nothing was saved.",
                report.rows_read,
            ).format(file=label, n=format_number(report.rows_read))
        )
        return
    try:
        ws.add_dataset(result.posts, report)
    except FollowthroughError as err:  # e.g. the records server cannot be reached
        show_error(err)
        return
    except OSError as err:  # a full disk, a folder that cannot be written: nothing is listed
        st.error(
            _(
                "{file} could not be saved ({reason}). Nothing was saved and earlier data is untouched: "
                "free some disk space or check that the data folder can be written, then upload it again."
            ).format(file=label, reason=err.strerror or type(err).__name__)
        )
        return
    st.success(
        ngettext(
            "{file}: {format}: {n} post loaded, {skipped} skipped.",
            "{file}: {format}: {n} posts loaded, {skipped} skipped.",
            report.rows_loaded,
        ).format(
            file=label,
            format=format_name(report.format, report.format_label),
            n=format_number(report.rows_loaded),
            skipped=format_number(report.rows_skipped),
        )
    )
    for reason, count in report.skipped.items():
        st.caption(_("Skipped {n}: {reason}").format(n=format_number(count), reason=SKIP_REASONS.get(reason, reason)))
    for warning in report.warnings:
        st.caption(_("Note: {warning}").format(warning=warning))


def show_error(err: FollowthroughError) -> None:
    """The loader's message (in the reader's language: it names the file, row or column) under a heading."""
    st.error(_("This could not be loaded: {reason}").format(reason=err))


with upload_tab:
    with st.form("upload_form", clear_on_submit=True):
        files = st.file_uploader(
            _("Exports (CSV, TSV, XLSX, XLS or JSON)"),
            accept_multiple_files=True,
            key="upload_files",
            type=["csv", "tsv", "txt", "xlsx", "xls", "json", "js", "jsonl", "gz"],
        )
        c1, c2 = st.columns(2)
        fmt_label = c1.selectbox(_("Format"), list(formats), key="upload_format")
        brand = c2.text_input(_("Brand (when the export does not name the account)"), key="upload_brand")
        submitted = st.form_submit_button(_("Load into workspace"), type="primary")
    if submitted and not files:
        st.warning(_("Choose one or more export files first."))
    if submitted and files:
        progress = st.progress(0.0, text=_("Reading exports…"))
        for i, upload in enumerate(files, start=1):
            progress.progress(
                (i - 1) / len(files),
                text=_("Reading {file} ({i} of {n})…").format(file=upload.name, i=i, n=len(files)),
            )
            try:
                save(
                    load_bytes(upload.getvalue(), upload.name, format=formats[fmt_label], brand=brand or None),
                    upload.name,
                )
            except FollowthroughError as err:
                show_error(err)
        progress.progress(1.0, text=_("Done: open the Overview to see the results."))

with map_tab:
    st.caption(_("For a spreadsheet Followthrough does not recognise: say which column holds what."))
    generic = st.file_uploader(_("A CSV, TSV or Excel file"), key="map_file", type=["csv", "tsv", "txt", "xlsx", "xls"])
    if generic is not None:
        data = generic.getvalue()
        try:
            table = (
                read_excel_table(data, generic.name)
                if sniff_kind(data) in ("xlsx", "xls")
                else read_text_table(data, generic.name)
            )
        except FollowthroughError as err:
            show_error(err)
            table = None
        if table is not None:
            st.dataframe(table.frame.head(5), key="map_preview", hide_index=True)
            columns = [NONE, *table.frame.columns]
            normalised = {c.lower(): c for c in table.frame.columns}
            mapping = {}
            cols = st.columns(3)
            for i, field in enumerate(FIELD_NAMES):
                guess = next((normalised[s] for s in SYNONYMS.get(field, ()) if s in normalised), NONE)
                choice = cols[i % 3].selectbox(
                    FIELD_NAMES[field],
                    columns,
                    index=columns.index(guess),
                    format_func=lambda c: _("(none)") if c == NONE else c,
                    key=f"map_{field}",
                )
                if choice != NONE:
                    mapping[field] = choice
            platform = st.selectbox(
                _("Platform (when there is no platform column)"),
                [FROM_FILE, *S.PLATFORMS],
                format_func=lambda p: _("(from the file)") if p == FROM_FILE else p,
                key="map_platform",
            )
            brand_name = st.text_input(_("Brand (when there is no brand column)"), key="map_brand")
            if st.button(_("Load with this mapping"), type="primary", key="map_load"):
                try:
                    save(
                        load_bytes(
                            data,
                            generic.name,
                            format="generic",
                            mapping=mapping,
                            brand=brand_name or None,
                            platform=None if platform == FROM_FILE else platform,
                        ),
                        generic.name,
                    )
                except FollowthroughError as err:
                    show_error(err)

with pull_tab:
    st.caption(
        _(
            "Fetch the latest public posts of a Mastodon or Bluesky account (X needs a bearer token in the environment variable X_BEARER_TOKEN)."
        )
    )
    with st.form("pull_form"):
        c1, c2, c3 = st.columns([1, 2, 1])
        platform = c1.selectbox(_("Platform"), ["mastodon", "bluesky", "x"], key="pull_platform")
        account = c2.text_input(
            _("Account"), placeholder=_("@brand@mastodon.social or brand.bsky.social"), key="pull_account"
        )
        limit = c3.number_input(_("Posts"), min_value=20, max_value=3200, value=400, step=20, key="pull_limit")
        pulled = st.form_submit_button(_("Pull"), type="primary")
    if pulled and account.strip():
        from data_sources.live import pull

        with st.status(
            _("Pulling {account} from {platform}…").format(account=account, platform=platform), expanded=True
        ) as status:
            try:
                result = pull(
                    platform,
                    account.strip(),
                    limit=int(limit),
                    progress=lambda n: status.update(
                        label=ngettext("Fetched {n} post…", "Fetched {n} posts…", n).format(n=format_number(n))
                    ),
                )
                save(result, f"{platform} {account}")
                status.update(label=_("Done"), state="complete")
            except FollowthroughError as err:
                status.update(label=_("The pull failed"), state="error")
                show_error(err)

with spaces_tab:
    st.subheader(_("Datasets in '{workspace}'").format(workspace=ws.name))
    datasets = ws.datasets()
    if not datasets:
        st.info(_("No datasets yet: upload an export in the first tab."))
    for d in datasets:
        c1, c2 = st.columns([5, 1])
        c1.text(
            ngettext(
                "{name} · {n} post · {format} · added {date}", "{name} · {n} posts · {format} · added {date}", d.rows
            ).format(
                name=d.name,
                n=format_number(d.rows),
                format=format_name(d.format, d.report.get("format_label", d.format)),
                date=format_datetime(d.added_at, "short"),
            )
        )
        if c2.button(_("Remove"), key=f"remove_{d.id}"):
            ws.remove_dataset(d.id)
            refresh()
    st.subheader(_("New workspace"))
    with st.form("new_workspace", clear_on_submit=True):
        name = st.text_input(_("Name"), placeholder=_("e.g. Acme Nordics"), key="new_ws_name")
        if st.form_submit_button(_("Create")):
            try:
                slugify(name)
                if name.strip() in list_workspaces(data_dir()):
                    st.warning(_("A workspace called '{name}' exists already.").format(name=name))
                else:
                    Workspace.open(data_dir(), name.strip())
                    st.session_state["workspace"] = name.strip()
                    refresh()
            except FollowthroughError as err:
                st.error(str(err))
