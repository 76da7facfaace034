"""Write the JSON Schemas of the data model to schemas/ (--check: fail if they are out of date)."""

from __future__ import annotations

import argparse
import sys

from macros.schema import SCHEMA_DIR, entity_schemas, schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas schema``."""
    parser.add_argument("--check", action="store_true", help="exit 1 if a schema file differs")


def run(args: argparse.Namespace) -> int:
    """Export (or check) one schema file per entity kind."""
    stale = []
    for name, schema in sorted(entity_schemas().items()):
        path = SCHEMA_DIR / name
        text = schema_text(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            SCHEMA_DIR.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"schemas out of date: {', '.join(stale)}: run `uv run atlas schema`", file=sys.stderr)
        return 1
    print(f"{'checked' if args.check else 'wrote'} {len(entity_schemas())} schemas; changed: {len(stale)}")
    return 0
