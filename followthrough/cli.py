"""The ``followthrough`` command line.

Every subcommand exits 0 on success and 2 on bad input, with a one-paragraph message on
stderr and no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from data_sources.errors import FollowthroughError

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

    data_dir = args.data_dir or default_data_dir()
    ws = ensure_demo(data_dir)
    print(f"demo workspace ready: {len(ws.posts()):,} posts in {ws.root}")
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

    seed = sub.add_parser("seed-demo", help="create the demo workspace if the data directory has none")
    seed.add_argument("--data-dir", help="data directory (default: FOLLOWTHROUGH_DATA_DIR or .followthrough/)")
    seed.set_defaults(run=_seed_demo)

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
