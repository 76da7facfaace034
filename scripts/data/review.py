"""List what to re-verify: releases since each entity's cells were checked, or old cells.

``atlas review`` asks the package index (as ``atlas refresh`` does) for every packaged entity's
releases and prints, as Markdown, those newer than the entity's oldest cell check, with a link
to the release notes; oldest first. ``--stale DAYS`` lists, offline, every feature cell whose
``checked`` day is more than DAYS days old.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from macros.data.dataset import DEFAULT_DATA_DIR
from macros.data.loader import load_entities
from macros.data.model import Entity
from macros.data.package_index import (
    IndexConfigError,
    PackageIndexError,
    Transport,
    configured_index_url,
    fetch_core_metadata,
    fetch_history,
    urllib_transport,
)
from macros.data.review import (
    ReviewItem,
    last_checked,
    notes_url,
    review_markdown,
    stale_cells,
    stale_markdown,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas review``."""
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    parser.add_argument(
        "--stale", type=int, metavar="DAYS", help="list cells not checked in DAYS days (offline)"
    )
    parser.add_argument("--only", metavar="ID,ID", help="review only these entity ids")
    parser.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD")


def run(args: argparse.Namespace, transport: Transport = urllib_transport) -> int:
    """Print the queue; exit 0 (empty), 1 (something to review) or 2 (fetch or data error)."""
    today = args.today or dt.date.today()
    dataset, problems = load_entities(args.data)
    if problems:
        print(
            f"atlas review: {len(problems)} problem(s) in the data; run `uv run atlas validate`",
            file=sys.stderr,
        )
    if args.stale is not None:
        stale = stale_cells(dataset, args.stale, today)
        sys.stdout.write(stale_markdown(stale, args.stale, today))
        return 1 if stale else 0
    wanted = {i.strip() for i in args.only.split(",")} if args.only else None
    entities = [
        e
        for e in sorted(dataset.entities.values(), key=lambda e: e.id)
        if e.package and (wanted is None or e.id in wanted)
    ]
    try:
        items = [item for e in entities if (item := review_item(e, transport, args.timeout))]
    except (IndexConfigError, PackageIndexError) as exc:
        print(f"atlas review: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(review_markdown(items, today))
    return 1 if items else 0


def review_item(entity: Entity, transport: Transport, timeout: float) -> ReviewItem | None:
    """The entity's releases after its oldest cell check, or ``None`` if there are none."""
    assert entity.package is not None
    print(f"{entity.id}: {entity.package} ...", file=sys.stderr)
    history = fetch_history(entity.package, configured_index_url(), transport, timeout)
    checked = last_checked(entity)
    newer = sorted(
        (day, str(version))
        for version in history.files
        if (day := history.released(version)) is not None
        and day > checked
        and not version.is_prerelease
    )
    if not newer:
        return None
    try:
        urls = fetch_core_metadata(entity.package, history, transport, timeout).project_urls
    except PackageIndexError:
        urls = ()  # no release-notes link from the metadata: the repository's is used instead
    return ReviewItem(entity, checked, [(v, d) for d, v in newer], notes_url(urls, entity))
