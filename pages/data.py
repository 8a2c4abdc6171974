from __future__ import annotations

import streamlit as st

from data_sources.errors import FollowthroughError
from data_sources.loader import available_formats, load_bytes
from pages._shared import workspace

ws = workspace()
st.title("Data")
st.write(
    "Upload the exports of your brand's posts, and of peers to compare with. "
    "Followthrough recognises X, Meta Business Suite, LinkedIn, Sprout Social, Publer/Hootsuite/Buffer, "
    "Mastodon and Bluesky files, and any table with a text and a date column."
)

formats = {"Detect automatically": None} | {label: name for name, label in available_formats().items()}
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

if submitted and files:
    progress = st.progress(0.0, text="Reading exports…")
    for i, upload in enumerate(files, start=1):
        progress.progress((i - 1) / len(files), text=f"Reading {upload.name} ({i} of {len(files)})…")
        try:
            result = load_bytes(upload.getvalue(), upload.name, format=formats[fmt_label], brand=brand or None)
        except FollowthroughError as err:
            st.error(str(err))
            continue
        rep = result.report
        if rep.rows_loaded == 0:
            st.warning(f"{upload.name}: no posts could be loaded ({rep.rows_read} rows read). Nothing was saved.")
            continue
        ws.add_dataset(result.posts, rep)
        st.success(
            f"{upload.name}: {rep.format_label}: {rep.rows_loaded:,} posts loaded, {rep.rows_skipped:,} skipped."
        )
        for reason, count in rep.skipped.items():
            st.caption(f"Skipped {count:,}: {reason}")
        for warning in rep.warnings:
            st.caption(f"Note: {warning}")
    progress.progress(1.0, text="Done")

st.subheader("Datasets in this workspace")
datasets = ws.datasets()
if not datasets:
    st.info("No datasets yet: upload an export above.")
for d in datasets:
    c1, c2 = st.columns([5, 1])
    label = d.report.get("format_label", d.format)
    c1.text(f"{d.name} · {d.rows:,} posts · {label} · added {d.added_at:%d %b %Y %H:%M}")
    if c2.button("Remove", key=f"remove_{d.id}"):
        ws.remove_dataset(d.id)
        st.rerun()
