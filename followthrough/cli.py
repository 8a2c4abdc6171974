"""The ``followthrough`` command line.

Every subcommand exits 0 on success and 2 on bad input, with a one-paragraph message on
stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from data_sources.errors import FollowthroughError
from followthrough.i18n import LANGUAGES

Command = Callable[[argparse.Namespace], int]


def _inspect(args: argparse.Namespace) -> int:
    from data_sources.loader import load_path

    mapping = _parse_mapping(args.map)
    reports = []
    for path in args.files:
        result = load_path(path, format=args.format, brand=args.brand, platform=args.platform, mapping=mapping)
        reports.append(result.report)
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
        return 0
    for report in reports:
        print(_describe(report.to_dict()))
    return 0


def _parse_mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise FollowthroughError(f"--map '{pair}' should be FIELD=COLUMN, for example --map text=Caption.")
        mapping[field.strip()] = column.strip()
    return mapping


def _describe(r: dict[str, Any]) -> str:
    lines = [
        f"{r['file']}",
        f"  format        {r['format_label']} ({r['format']})",
        f"  rows          {r['rows_read']} read, {r['rows_loaded']} loaded, {r['rows_skipped']} skipped",
    ]
    for reason, count in r["skipped"].items():
        lines.append(f"    skipped     {count} × {reason}")
    for example in r["skipped_examples"][:5]:
        lines.append(f"      row {example['row']}: {example['reason']}")
    dates = f"{r['date_min'][:10]} to {r['date_max'][:10]}" if r["date_min"] else "none"
    lines += [
        f"  dates         {dates}",
        f"  brands        {', '.join(r['brands']) or 'none'}",
        f"  platforms     {', '.join(r['platforms']) or 'none'}",
        f"  languages     {', '.join(r['languages']) or 'not in the export'}",
        f"  engagement    {', '.join(r['engagement_columns']) or 'no engagement columns'}",
    ]
    for warning in r["warnings"]:
        lines.append(f"  note          {warning}")
    return "\n".join(lines)


def _seed_demo(args: argparse.Namespace) -> int:
    from data_sources.workspace import default_data_dir, ensure_demo
    from metrics.classify import load_or_train
    from metrics.pipeline import labelled_posts

    data_dir = args.data_dir or default_data_dir()
    ws = ensure_demo(data_dir)
    # Train (once) and label the demo now, so the dashboard opens ready.
    from pathlib import Path

    own_models = args.data_dir and not os.environ.get("FOLLOWTHROUGH_MODEL_DIR")
    classifier = load_or_train(
        cache_dir=Path(args.data_dir) / "models" if own_models else None,
        on_train=lambda: print("training the classifier once (under a minute; cached afterwards)…", flush=True),
    )
    labelled = labelled_posts(ws, classifier)
    print(f"demo workspace ready: {labelled.height:,} posts in {ws.root}")
    return 0


def _load_all(files: list[str | os.PathLike[str]], args: argparse.Namespace) -> Any:
    from data_sources.loader import load_many

    frame, reports = load_many(files, format=getattr(args, "format", None), brand=getattr(args, "brand", None))
    for report in reports:
        print(
            f"{report.file}: {report.rows_loaded:,} posts loaded ({report.format_label}), "
            f"{report.rows_skipped:,} skipped",
            file=sys.stderr,
        )
    return frame


def _classifier(quiet: bool = False) -> Any:
    from metrics.classify import load_or_train

    def announce() -> None:
        if not quiet:
            print("training the classifier once (cached afterwards)…", file=sys.stderr)

    return load_or_train(on_train=announce)


def _classify(args: argparse.Namespace) -> int:
    import polars as pl

    from metrics.classify import PROBA_COLUMNS, classify_posts
    from metrics.export import write_safe_csv

    posts = _load_all(args.files, args)
    labelled = classify_posts(posts, _classifier())
    out = labelled.with_columns(pl.col("topics").list.join(";")).drop(*PROBA_COLUMNS)
    write_safe_csv(out, args.out)
    counts = out.group_by("type").len().sort("type")
    summary = ", ".join(f"{r['type']} {r['len']:,}" for r in counts.iter_rows(named=True))
    print(f"wrote {out.height:,} posts to {args.out}: {summary}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import polars as pl

    from data_sources import schema as S
    from metrics.classify import evaluate_predictions
    from metrics.language import detect_languages

    gold = _load_all(args.files, args).filter(pl.col(S.TYPE).is_not_null())
    if gold.is_empty():
        raise FollowthroughError(
            "no labelled posts found: the gold files need a 'label' (or 'type') column holding "
            "stance, commitment_update, promotional or other."
        )
    classifier = _classifier(quiet=args.json)
    predicted = classifier.predict_texts(gold[S.TEXT].fill_null("").to_list())[S.TYPE]
    langs = gold[S.LANG].fill_null(detect_languages(gold[S.TEXT])).fill_null("unknown")
    result = evaluate_predictions(gold[S.TYPE].to_list(), predicted.to_list())
    result["posts"] = gold.height
    result["macro_f1_by_language"] = {}
    for lang in sorted(langs.unique().to_list()):
        mask = (langs == lang).to_numpy()
        part = evaluate_predictions(gold[S.TYPE].filter(mask).to_list(), predicted.filter(mask).to_list())
        result["macro_f1_by_language"][lang] = {"macro_f1": part["macro_f1"], "posts": int(mask.sum())}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{gold.height:,} labelled posts; macro-F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f}")
    print(f"{'type':<20}{'precision':>10}{'recall':>10}{'f1':>8}{'posts':>8}")
    for label, row in result["per_class"].items():
        print(f"{label:<20}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>8.3f}{row['support']:>8}")
    labels = result["confusion"]["labels"]
    print("\nconfusion (rows: gold, columns: predicted)")
    print(" " * 20 + "".join(f"{lab[:10]:>12}" for lab in labels))
    for label, row in zip(labels, result["confusion"]["matrix"], strict=True):
        print(f"{label:<20}" + "".join(f"{v:>12}" for v in row))
    print("\nmacro-F1 by language")
    for lang, row in result["macro_f1_by_language"].items():
        print(f"  {lang:<8}{row['macro_f1']:.3f}  ({row['posts']} posts)")
    return 0


def _model_card(args: argparse.Namespace) -> int:
    import platform as host
    from pathlib import Path

    from data_sources.loader import load_path
    from metrics.corpus import load_corpus
    from metrics.evaluation import cross_validate, evaluate_gold, leave_one_language_out, timed_training

    def say(message: str) -> None:
        print(message, file=sys.stderr)

    corpus = load_corpus()
    classifier, seconds = timed_training(say)
    cv = cross_validate(corpus, progress=say)
    lolo = leave_one_language_out(corpus, progress=say)
    gold_files = sorted(Path(args.gold_dir).glob("*.csv")) if args.gold_dir else []
    gold_results = {}
    for path in gold_files:
        gold = load_path(path).posts
        gold_results[path.name] = evaluate_gold(gold, classifier)
    block = _render_card(corpus, cv, lolo, gold_results, seconds, f"{os.cpu_count()} cores, {host.python_version()}")
    card = Path(args.out)
    text = card.read_text(encoding="utf-8") if card.exists() else "<!-- measured:start -->\n<!-- measured:end -->\n"
    start, end = "<!-- measured:start -->", "<!-- measured:end -->"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    card.write_text(f"{head}{start}\n{block}\n{end}{tail}", encoding="utf-8")
    say(f"wrote {card}")
    return 0


def _render_card(corpus: Any, cv: Any, lolo: Any, gold: Any, seconds: float, machine: str) -> str:
    lines = [
        "_Generated by `followthrough model-card`; do not edit by hand._",
        "",
        f"Corpus: {corpus.height:,} posts in {corpus['lang'].n_unique()} languages. "
        f"Training the full classifier took **{seconds:.1f} s** on {machine}.",
        "",
        f"### Cross-validated (5-fold) on the corpus: macro-F1 **{cv['macro_f1']:.3f}**, accuracy {cv['accuracy']:.3f}",
        "",
        "| type | precision | recall | F1 | posts |",
        "|---|---|---|---|---|",
    ]
    for label, row in cv["per_class"].items():
        lines.append(f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |")
    lines += ["", "Confusion matrix (rows: true type, columns: predicted):", ""]
    labels = cv["confusion"]["labels"]
    lines.append("| | " + " | ".join(labels) + " |")
    lines.append("|---" * (len(labels) + 1) + "|")
    for label, row in zip(labels, cv["confusion"]["matrix"], strict=True):
        lines.append(f"| **{label}** | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "### Per language: cross-validated, and leave-one-language-out", ""]
    lines += ["| language | posts | CV macro-F1 | trained without it: macro-F1 |", "|---|---|---|---|"]
    for lang, row in cv["by_language"].items():
        out = lolo.get(lang, {})
        lines.append(f"| {lang} | {row['posts']} | {row['macro_f1']:.3f} | {out.get('macro_f1', float('nan')):.3f} |")
    mean_lolo = sum(v["macro_f1"] for v in lolo.values()) / max(len(lolo), 1)
    lines += ["", f"Mean leave-one-language-out macro-F1: **{mean_lolo:.3f}**."]
    for name, result in gold.items():
        lines += [
            "",
            f"### Held-out set `{name}` (written independently of the corpus): macro-F1 **{result['macro_f1']:.3f}**, "
            f"accuracy {result['accuracy']:.3f}",
            "",
            "| language | posts | macro-F1 |",
            "|---|---|---|",
        ]
        for lang, row in result["by_language"].items():
            lines.append(f"| {lang} | {row['posts']} | {row['macro_f1']:.3f} |")
        lines += ["", "| | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
        for label, row in zip(labels, result["confusion"]["matrix"], strict=True):
            lines.append(f"| **{label}** | " + " | ".join(str(v) for v in row) + " |")
    return "\n".join(lines)


def _retrain(args: argparse.Namespace) -> int:
    from data_sources.workspace import Workspace, default_data_dir
    from metrics.classify import load_or_train, retraining_report

    ws = Workspace.open(args.data_dir or default_data_dir(), args.workspace, create=False)
    corrections = ws.corrections()
    if corrections.is_empty():
        print(f"workspace '{ws.name}' has no corrections yet: correct labels on the Posts page first.")
        return 0
    print(f"learning from {corrections.height} correction(s) in '{ws.name}'…", file=sys.stderr)
    report = retraining_report(corrections)
    load_or_train(corrections=corrections)
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"accuracy on the {report['corrections']} corrected posts (cross-validated): "
            f"before {report['before']:.0%}, after {report['after']:.0%}"
        )
    return 0


def _as_of(args: argparse.Namespace) -> Any:
    """``--as-of YYYY-MM-DD``, or today."""
    from datetime import date

    from metrics.consistency import today

    try:
        return date.fromisoformat(args.as_of) if args.as_of else today()
    except ValueError as err:
        raise FollowthroughError(f"--as-of '{args.as_of}' is not a date; write it as YYYY-MM-DD.") from err


def _summary(args: argparse.Namespace) -> int:

    from metrics.classify import classify_posts
    from metrics.commitments import link_posts, load_commitments, suggest_commitments
    from metrics.consistency import brand_summary, commitment_scores, commitment_status

    as_of = _as_of(args)
    posts = _load_all(args.files, args)
    labelled = classify_posts(posts, _classifier(quiet=args.json))
    if args.commitments:
        commitments = load_commitments(args.commitments)
        source = f"declared in {args.commitments}"
    else:
        commitments = suggest_commitments(labelled)
        source = "suggested from the brands' stances (declare your own with --commitments)"
    links = link_posts(labelled, commitments)
    status = commitment_scores(
        commitment_status(labelled, commitments, links, as_of=as_of), labelled, links, as_of=as_of
    )
    brands = brand_summary(labelled, commitments, links, as_of=as_of)
    rows = []
    for r in status.iter_rows(named=True):
        rows.append(
            {
                "id": r["id"],
                "brand": r["brand"],
                "title": r["title"],
                "topics": r["topics"],
                "announced_on": r["announced_on"].isoformat(),
                "stance_posts": r["stance_posts"],
                "updates": r["updates"],
                "last_update": r["last_update"].isoformat() if r["last_update"] else None,
                "days_since_last_update": r["days_since_last_update"],
                "longest_silence_days": r["longest_silence_days"],
                "cadence_days": r["cadence_days"],
                "status": r["status"],
                "accountability_score": r["accountability_score"],
                "components": {k.removeprefix("component_"): r[k] for k in r if k.startswith("component_")},
            }
        )
    if args.json:
        print(
            json.dumps(
                {"as_of": as_of.isoformat(), "commitments_source": source, "brands": brands, "commitments": rows},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"As of {as_of:%d %B %Y}; commitments {source}.\n")
    for b in brands:
        score = "n/a" if b["accountability_score"] is None else f"{b['accountability_score']:.0f}/100"
        ratio = "no stances" if b["say_do_ratio"] is None else f"{b['say_do_ratio']:.2f} updates per stance"
        ft = b["follow_through"]["90"]
        print(
            f"{b['brand']}: accountability {score}; {b['posts']:,} posts; {ratio}; "
            f"followed through within 90 days: {'n/a' if ft is None else f'{ft:.0%}'}; "
            f"last update: {b['last_update'] or 'never'}"
        )
    if rows:
        print()
        width = max(len(r["title"]) for r in rows)
        for r in rows:
            since = r["days_since_last_update"]
            print(
                f"  {r['title']:<{width}}  {r['status']:<10}  {r['updates']:>3} updates  "
                f"{since:>4} days since last  (promised every {r['cadence_days']})"
            )
    return 0


def _data_dir(args: argparse.Namespace) -> Any:
    from data_sources.workspace import default_data_dir, ensure_demo

    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    ensure_demo(data_dir)  # every fresh data directory has the demo, from the app and from here
    return data_dir


def _when(value: Any) -> str:
    return "never" if value is None else f"{value:%Y-%m-%d %H:%M} UTC"


def _share_create(args: argparse.Namespace) -> int:
    from data_sources.shares import share_url
    from data_sources.workspace import Workspace
    from metrics.consistency import Filters
    from metrics.sharing import share_workspace

    ws = Workspace.open(_data_dir(args), args.workspace, create=False)
    if ws.is_empty():
        raise FollowthroughError(f"Workspace '{ws.name}' has no posts yet: upload exports before sharing it.")
    filters = Filters(brands=tuple(args.brand or ()))
    share, token = share_workspace(
        ws,
        _classifier(quiet=True),
        filters=filters,
        brand=(args.focus or (args.brand[0] if args.brand else None)),
        language=args.language,
        label=args.label or "",
        expires_days=args.expires_days,
        live=args.live,
    )
    kind = "live" if share.live else "snapshot"
    print(
        f"created {kind} link {share.id} for workspace '{ws.name}', expires {share.expires_at:%Y-%m-%d}",
        file=sys.stderr,
    )
    print(share_url(token))
    return 0


def _share_list(args: argparse.Namespace) -> int:
    from data_sources.shares import list_shares
    from data_sources.workspace import Workspace

    ws = Workspace.open(_data_dir(args), args.workspace, create=False)
    shares = list_shares(ws, include_inactive=args.all)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": s.id, "label": s.label, "kind": "live" if s.live else "snapshot", "state": s.state(),
                        "created_at": s.created_at.isoformat(), "expires_at": s.expires_at.isoformat(),
                        "last_opened_at": s.last_opened_at.isoformat() if s.last_opened_at else None, "opens": s.opens,
                    }
                    for s in shares
                ],
                indent=2,
                ensure_ascii=False,
            )
        )  # fmt: skip
        return 0
    if not shares:
        print(f"workspace '{ws.name}' has no active share links")
        return 0
    for s in shares:
        print(
            f"{s.id}  {s.state():<8} {'live' if s.live else 'snapshot':<9} created {_when(s.created_at)}  "
            f"expires {s.expires_at:%Y-%m-%d}  last opened {_when(s.last_opened_at)} ({s.opens} opens)  {s.label}"
        )
    return 0


def _share_revoke(args: argparse.Namespace) -> int:
    from data_sources.shares import find_share, revoke_share

    ws = find_share(_data_dir(args), args.id)
    share = revoke_share(ws, args.id)
    print(f"revoked link {share.id} of workspace '{ws.name}': it no longer opens")
    return 0


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from metrics.classify import classify_posts
    from metrics.commitments import empty_commitments, link_posts, load_commitments
    from metrics.report import html_to_pdf, render_html
    from metrics.sharing import view_of

    as_of = _as_of(args)
    if bool(args.files) == bool(args.workspace):
        raise FollowthroughError("Give export files or --workspace NAME (one of the two) to report on.")
    if args.workspace:
        from data_sources.workspace import Workspace
        from metrics.pipeline import accountability, labelled_posts

        ws = Workspace.open(_data_dir(args), args.workspace, create=False)
        labelled = labelled_posts(ws, _classifier(quiet=True))
        acc = accountability(ws, labelled)
        commitments, links = acc.commitments, acc.links
    else:
        labelled = classify_posts(_load_all(args.files, args), _classifier(quiet=True))
        commitments = load_commitments(args.commitments) if args.commitments else empty_commitments()
        links = link_posts(labelled, commitments)
    view = view_of(labelled, commitments, links, brand=args.focus, as_of=as_of)
    if view is None:
        raise FollowthroughError("There are no posts to report on: check the files or the workspace.")
    document = render_html(view, language=args.lang)
    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        out.write_bytes(html_to_pdf(document))
    else:
        out.write_text(document, encoding="utf-8")
    print(f"wrote the report on {view.brand} to {out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followthrough",
        description="Does the brand follow through on what it said? Load, classify and summarise brand posts.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    inspect = sub.add_parser("inspect", help="show what Followthrough reads from export files")
    inspect.add_argument("files", nargs="+", metavar="FILE")
    inspect.add_argument("--json", action="store_true", help="print the load reports as JSON")
    inspect.add_argument("--format", help="force a reader instead of detecting the format")
    inspect.add_argument("--brand", help="brand name for exports that do not name the account")
    inspect.add_argument("--platform", help="platform for exports that do not say")
    inspect.add_argument(
        "--map", action="append", metavar="FIELD=COLUMN", help="map a canonical field to a column, e.g. text=Caption"
    )
    inspect.set_defaults(run=_inspect)

    classify = sub.add_parser("classify", help="label every post: type, confidence, topics, specificity, language")
    classify.add_argument("files", nargs="+", metavar="FILE")
    classify.add_argument("--out", required=True, help="CSV file to write")
    classify.add_argument("--format", help="force a reader instead of detecting the format")
    classify.add_argument("--brand", help="brand name for exports that do not name the account")
    classify.set_defaults(run=_classify)

    evaluate = sub.add_parser("evaluate", help="score the classifier against posts labelled by people")
    evaluate.add_argument("files", nargs="+", metavar="GOLD", help="files with a 'label' column")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(run=_evaluate)

    summary = sub.add_parser(
        "summary", help="classify, link to commitments, and print every brand and commitment metric"
    )
    summary.add_argument("files", nargs="+", metavar="FILE")
    summary.add_argument("--commitments", help="CSV or YAML file of declared commitments (default: suggested)")
    summary.add_argument("--as-of", help="compute as if today were YYYY-MM-DD (reproducible results)")
    summary.add_argument("--json", action="store_true")
    summary.add_argument("--brand", help="brand name for exports that do not name the account")
    summary.add_argument("--format", help="force a reader instead of detecting the format")
    summary.set_defaults(run=_summary)

    retrain = sub.add_parser("retrain", help="learn from a workspace's label corrections and report the gain")
    retrain.add_argument("--workspace", required=True)
    retrain.add_argument("--data-dir")
    retrain.add_argument("--json", action="store_true")
    retrain.set_defaults(run=_retrain)

    card = sub.add_parser("model-card", help="measure the classifier and write docs/model-card.md")
    card.add_argument("--out", default="docs/model-card.md")
    card.add_argument("--gold-dir", default="tests/fixtures/gold", help="folder of held-out labelled CSV files")
    card.set_defaults(run=_model_card)

    seed = sub.add_parser("seed-demo", help="create the demo workspace if the data directory has none")
    seed.add_argument("--data-dir", help="data directory (default: FOLLOWTHROUGH_DATA_DIR or .followthrough/)")
    seed.set_defaults(run=_seed_demo)

    share = sub.add_parser("share", help="read-only links for leadership: create, list, revoke")
    share_sub = share.add_subparsers(dest="share_command", required=True)
    create = share_sub.add_parser("create", help="create a link and print its URL (shown once)")
    create.add_argument("--workspace", required=True)
    create.add_argument("--label", help="what the link is for, shown in the list")
    create.add_argument("--expires-days", type=int, default=90, help="days until the link stops working (default 90)")
    create.add_argument("--live", action="store_true", help="show the workspace as it is when opened, not a snapshot")
    create.add_argument("--brand", action="append", help="only these brands (repeat for several)")
    create.add_argument("--focus", help="the brand the view opens on (default: the one with the most posts)")
    create.add_argument(
        "--lang",
        "--language",
        dest="language",
        default="en",
        choices=list(LANGUAGES),
        help="the language the view opens in (the viewer can pick another; default en)",
    )
    create.add_argument("--data-dir")
    create.set_defaults(run=_share_create)
    listing = share_sub.add_parser("list", help="the workspace's active links")
    listing.add_argument("--workspace", required=True)
    listing.add_argument("--all", action="store_true", help="include expired and revoked links")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--data-dir")
    listing.set_defaults(run=_share_list)
    revoke = share_sub.add_parser("revoke", help="withdraw a link at once")
    revoke.add_argument("id")
    revoke.add_argument("--data-dir")
    revoke.set_defaults(run=_share_revoke)

    report = sub.add_parser("report", help="write the leadership report as one HTML file (or a PDF)")
    report.add_argument("files", nargs="*", metavar="FILE")
    report.add_argument("--workspace", help="report on a saved workspace instead of files")
    report.add_argument("--out", required=True, help="report.html, or report.pdf for an A4 PDF (needs Chromium)")
    report.add_argument("--commitments", help="CSV or YAML file of declared commitments (default: suggested)")
    report.add_argument("--focus", help="the brand to report on (default: the one with the most posts)")
    report.add_argument("--as-of", help="compute as if today were YYYY-MM-DD")
    report.add_argument("--brand", help="brand name for exports that do not name the account")
    report.add_argument("--format", help="force a reader instead of detecting the format")
    report.add_argument(
        "--lang", default="en", choices=list(LANGUAGES), help="the language the report is written in (default en)"
    )
    report.add_argument("--data-dir")
    report.set_defaults(run=_report)

    for register in _EXTENSIONS:
        register(sub)
    return parser


#: Other modules add subcommands here (classify, summary, share, report, ...).
_EXTENSIONS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except FollowthroughError as err:
        print(f"followthrough {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
