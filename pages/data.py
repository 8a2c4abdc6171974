from __future__ import annotations

import streamlit as st

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.formats import SYNONYMS
from data_sources.loader import available_formats, load_bytes
from data_sources.tables import read_excel_table, read_text_table, sniff_kind
from data_sources.workspace import Workspace, list_workspaces, slugify
from pages._shared import data_dir, refresh, style, workspace

style()
ws = workspace()
st.title("Data")
st.write(
    "Upload the exports of your brand's posts, and of peers to compare with. Followthrough reads X Analytics, "
    "X content and API exports, Meta Business Suite (Facebook, Instagram), Facebook Insights, LinkedIn, "
    "Sprout Social, Publer, Hootsuite and Buffer, Mastodon and Bluesky, and any table with a text and a date column."
)

formats = {"Detect automatically": None} | {label: name for name, label in available_formats().items()}
upload_tab, map_tab, pull_tab, spaces_tab = st.tabs(
    ["Upload exports", "Map columns of a generic file", "Pull a public account", "Workspaces"]
)


def save(result, label: str) -> None:  # type: ignore[no-untyped-def]
    report = result.report
    if report.rows_loaded == 0:
        st.warning(f"{label}: no posts could be loaded ({report.rows_read} rows read). Nothing was saved.")
        return
    ws.add_dataset(result.posts, report)
    st.success(f"{label}: {report.format_label}: {report.rows_loaded:,} posts loaded, {report.rows_skipped:,} skipped.")
    for reason, count in report.skipped.items():
        st.caption(f"Skipped {count:,}: {reason}")
    for warning in report.warnings:
        st.caption(f"Note: {warning}")


with upload_tab:
    with st.form("upload_form", clear_on_submit=True):
        files = st.file_uploader(
            "Exports (CSV, TSV, XLSX, XLS or JSON)",
            accept_multiple_files=True,
            key="upload_files",
            type=["csv", "tsv", "txt", "xlsx", "xls", "json", "js", "jsonl", "gz"],
        )
        c1, c2 = st.columns(2)
        fmt_label = c1.selectbox("Format", list(formats), key="upload_format")
        brand = c2.text_input("Brand (when the export does not name the account)", key="upload_brand")
        submitted = st.form_submit_button("Load into workspace", type="primary")
    if submitted and not files:
        st.warning("Choose one or more export files first.")
    if submitted and files:
        progress = st.progress(0.0, text="Reading exports…")
        for i, upload in enumerate(files, start=1):
            progress.progress((i - 1) / len(files), text=f"Reading {upload.name} ({i} of {len(files)})…")
            try:
                save(
                    load_bytes(upload.getvalue(), upload.name, format=formats[fmt_label], brand=brand or None),
                    upload.name,
                )
            except FollowthroughError as err:
                st.error(str(err))
        progress.progress(1.0, text="Done: open the Overview to see the results.")

with map_tab:
    st.caption("For a spreadsheet Followthrough does not recognise: say which column holds what.")
    generic = st.file_uploader("A CSV, TSV or Excel file", key="map_file", type=["csv", "tsv", "txt", "xlsx", "xls"])
    if generic is not None:
        data = generic.getvalue()
        try:
            table = (
                read_excel_table(data, generic.name)
                if sniff_kind(data) in ("xlsx", "xls")
                else read_text_table(data, generic.name)
            )
        except FollowthroughError as err:
            st.error(str(err))
            table = None
        if table is not None:
            st.dataframe(table.frame.head(5), key="map_preview", hide_index=True)
            columns = ["(none)", *table.frame.columns]
            normalised = {c.lower(): c for c in table.frame.columns}
            mapping = {}
            cols = st.columns(3)
            for i, field in enumerate(
                [
                    S.TEXT,
                    S.PUBLISHED_AT,
                    S.POST_ID,
                    S.BRAND,
                    S.PLATFORM,
                    S.URL,
                    S.LANG,
                    S.LIKES,
                    S.COMMENTS,
                    S.SHARES,
                    S.IMPRESSIONS,
                    S.ENGAGEMENTS,
                ]
            ):
                guess = next((normalised[s] for s in SYNONYMS.get(field, ()) if s in normalised), "(none)")
                choice = cols[i % 3].selectbox(
                    field.replace("_", " ").capitalize(), columns, index=columns.index(guess), key=f"map_{field}"
                )
                if choice != "(none)":
                    mapping[field] = choice
            platform = st.selectbox(
                "Platform (when there is no platform column)", ["(from the file)", *S.PLATFORMS], key="map_platform"
            )
            brand_name = st.text_input("Brand (when there is no brand column)", key="map_brand")
            if st.button("Load with this mapping", type="primary", key="map_load"):
                try:
                    save(
                        load_bytes(
                            data,
                            generic.name,
                            format="generic",
                            mapping=mapping,
                            brand=brand_name or None,
                            platform=None if platform == "(from the file)" else platform,
                        ),
                        generic.name,
                    )
                except FollowthroughError as err:
                    st.error(str(err))

with pull_tab:
    st.caption(
        "Fetch the latest public posts of a Mastodon or Bluesky account (X needs a bearer token in the environment variable X_BEARER_TOKEN)."
    )
    with st.form("pull_form"):
        c1, c2, c3 = st.columns([1, 2, 1])
        platform = c1.selectbox("Platform", ["mastodon", "bluesky", "x"], key="pull_platform")
        account = c2.text_input(
            "Account", placeholder="@brand@mastodon.social or brand.bsky.social", key="pull_account"
        )
        limit = c3.number_input("Posts", min_value=20, max_value=3200, value=400, step=20, key="pull_limit")
        pulled = st.form_submit_button("Pull", type="primary")
    if pulled and account.strip():
        from data_sources.live import pull

        with st.status(f"Pulling {account} from {platform}…", expanded=True) as status:
            try:
                result = pull(
                    platform,
                    account.strip(),
                    limit=int(limit),
                    progress=lambda n: status.update(label=f"Fetched {n} posts…"),
                )
                save(result, f"{platform} {account}")
                status.update(label="Done", state="complete")
            except FollowthroughError as err:
                status.update(label="The pull failed", state="error")
                st.error(str(err))

with spaces_tab:
    st.subheader(f"Datasets in '{ws.name}'")
    datasets = ws.datasets()
    if not datasets:
        st.info("No datasets yet: upload an export in the first tab.")
    for d in datasets:
        c1, c2 = st.columns([5, 1])
        label = d.report.get("format_label", d.format)
        c1.text(f"{d.name} · {d.rows:,} posts · {label} · added {d.added_at:%d %b %Y %H:%M}")
        if c2.button("Remove", key=f"remove_{d.id}"):
            ws.remove_dataset(d.id)
            refresh()
    st.subheader("New workspace")
    with st.form("new_workspace", clear_on_submit=True):
        name = st.text_input("Name", placeholder="e.g. Acme Nordics", key="new_ws_name")
        if st.form_submit_button("Create"):
            try:
                slugify(name)
                if name.strip() in list_workspaces(data_dir()):
                    st.warning(f"A workspace called '{name}' exists already.")
                else:
                    Workspace.open(data_dir(), name.strip())
                    st.session_state["workspace"] = name.strip()
                    refresh()
            except FollowthroughError as err:
                st.error(str(err))
