"""Write the JSON Schemas of the data model to schemas/ (--check: fail if they are out of date)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.data.schema import SCHEMA_DIR, all_schemas, schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas schema``."""
    parser.add_argument("--check", action="store_true", help="exit 1 if a schema file differs")


def stale_schemas(schema_dir: Path = SCHEMA_DIR) -> dict[str, str]:
    """File name -> expected text, for each schema file that is missing or differs."""
    stale: dict[str, str] = {}
    for name, schema in sorted(all_schemas().items()):
        text = schema_text(schema)
        path = schema_dir / name
        if not (path.exists() and path.read_text(encoding="utf-8") == text):
            stale[name] = text
    return stale


def run(args: argparse.Namespace) -> int:
    """Export (or check) one schema file per model."""
    stale = stale_schemas()
    if args.check and stale:
        names = ", ".join(stale)
        print(f"schemas out of date: {names}: run `uv run atlas schema`", file=sys.stderr)
        return 1
    if not args.check:
        SCHEMA_DIR.mkdir(exist_ok=True)
        for name, text in stale.items():
            (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
    verb = "checked" if args.check else "wrote"
    print(f"{verb} {len(all_schemas())} schemas; changed: {len(stale)}")
    return 0
