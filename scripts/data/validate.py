"""Validate every file under data/ and list problems as file:line:column: field: message."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from macros.data.loader import DEFAULT_DATA_DIR, Dataset, load_dataset
from macros.data.problems import DataError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas validate``."""
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    parser.add_argument(
        "--stale", type=int, metavar="DAYS", help="also list entities whose as_of is older"
    )


def stale_entities(dataset: Dataset, days: int, today: dt.date) -> list[str]:
    """Lines naming each entity last verified more than ``days`` ago, oldest first."""
    limit = today - dt.timedelta(days=days)
    old = sorted((e.as_of, e.id) for e in dataset.entities.values() if e.as_of < limit)
    return [f"{dataset.source_path(i)}: as_of {d} is {(today - d).days} days old" for d, i in old]


def load_or_report(data: Path) -> Dataset | None:
    """The dataset in ``data``, or ``None`` after printing every problem to stderr."""
    try:
        return load_dataset(data)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the data is valid (and, with --stale, fresh); 1 otherwise."""
    dataset = load_or_report(args.data)
    if dataset is None:
        return 1
    print(f"{len(dataset.entities)} entities valid in {args.data}.")
    if args.stale is not None:
        lines = stale_entities(dataset, args.stale, dt.date.today())
        print("\n".join(lines) or f"No entity is older than {args.stale} days.")
        return 1 if lines else 0
    return 0
