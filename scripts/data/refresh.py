"""Update latest_version, released, requires_python and license from the package index.

For each entity with a ``package``, fetch the index's JSON metadata (see
:mod:`macros.data.package_index` for which index and how its JSON address is derived), then
change only the values that differ, in place, keeping comments and layout. ``license`` changes
only when the metadata declares an SPDX ``license_expression``; a value the index does not
report is kept.

Everything is fetched before anything is written: a network error changes no file (exit 2).
``--check`` writes nothing and exits 1 when the data is behind the index.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.data.loader import DEFAULT_DATA_DIR, Dataset, load_entities
from macros.data.model import Entity
from macros.data.model_check import validate_document
from macros.data.package_index import (
    IndexConfigError,
    PackageIndexError,
    Release,
    Transport,
    configured_index_url,
    fetch_release,
    urllib_transport,
)
from macros.data.yaml_edit import EditError, set_value
from macros.data.yaml_source import parse_yaml

FIELDS = ("latest_version", "released", "requires_python", "license")
"""Fields this command maintains."""


@dataclass
class Update:
    """New text for one data file and what changed in it."""

    path: Path
    shown: str
    old: str
    new: str
    changes: dict[str, tuple[object, object]]

    def diff(self) -> str:
        """A unified diff of the file."""
        lines = difflib.unified_diff(
            self.old.splitlines(keepends=True),
            self.new.splitlines(keepends=True),
            fromfile=f"a/{self.shown}",
            tofile=f"b/{self.shown}",
        )
        return "".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas refresh``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        "index: PIP_INDEX_URL, UV_DEFAULT_INDEX or UV_INDEX_URL; else pip's global.index-url;\n"
        "else pip's default. JSON API: <index>/simple/ -> <index>/pypi/<name>/json.\n"
        "exit codes: 0 up to date or written, 1 behind (--check), 2 fetch or usage error."
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the data is behind"
    )
    parser.add_argument("--only", metavar="ID,ID", help="refresh only these entity ids")
    parser.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="per request (default 20)"
    )


def run(args: argparse.Namespace, transport: Transport = urllib_transport) -> int:
    """Exit 0 when up to date or written; 1 when behind (--check); 2 on fetch or usage errors."""
    # Per-file checks only: a dangling reference elsewhere must not block a version update.
    dataset, problems = load_entities(args.data)
    if problems:
        print(
            f"atlas refresh: {len(problems)} problem(s) in the data (see `uv run atlas "
            "validate`); files that do not load are skipped",
            file=sys.stderr,
        )
    entities, unknown = select(dataset, args.only)
    if unknown:
        print(f"atlas refresh: unknown id: {', '.join(unknown)}", file=sys.stderr)
        return 2
    try:
        releases = fetch_all(entities, transport, args.timeout)
        updates = plan_updates(dataset, entities, releases)
    except (IndexConfigError, PackageIndexError, EditError) as exc:
        print(f"atlas refresh: {exc}; no file was changed", file=sys.stderr)
        return 2
    for update in updates:
        sys.stdout.write(update.diff())
    return finish(updates, check=args.check)


def select(dataset: Dataset, only: str | None) -> tuple[list[Entity], list[str]]:
    """Entities with a package (restricted to ``only``), and ids in ``only`` that do not exist."""
    wanted = [i.strip() for i in only.split(",") if i.strip()] if only else None
    unknown = [i for i in wanted or [] if i not in dataset.entities]
    chosen = [
        e
        for e in sorted(dataset.entities.values(), key=lambda e: e.id)
        if e.package and (wanted is None or e.id in wanted)
    ]
    return chosen, unknown


def fetch_all(entities: list[Entity], transport: Transport, timeout: float) -> dict[str, Release]:
    """The latest release of every entity's package, by entity id; stops at the first failure."""
    index = configured_index_url()
    releases: dict[str, Release] = {}
    for number, entity in enumerate(entities, 1):
        assert entity.package is not None
        print(f"[{number}/{len(entities)}] {entity.id}: {entity.package} ...", file=sys.stderr)
        release = fetch_release(entity.package, index, transport, timeout)
        releases[entity.id] = release
        print(
            f"    latest {release.version} ({release.released or 'date unknown'})", file=sys.stderr
        )
    return releases


def wanted_values(entity: Entity, release: Release) -> dict[str, str | dt.date]:
    """Fields whose value in the data differs from what the index reports."""
    reported: dict[str, str | dt.date | None] = {
        "latest_version": release.version,
        "released": release.released,
        "requires_python": release.requires_python,
        "license": release.license_expression,  # only an SPDX expression replaces our value
    }
    return {
        name: value
        for name, value in reported.items()
        if value is not None and getattr(entity, name) != value
    }


def plan_updates(
    dataset: Dataset, entities: list[Entity], releases: dict[str, Release]
) -> list[Update]:
    """New file texts for every entity that is behind, each checked by reloading it."""
    updates = []
    for entity in entities:
        values = wanted_values(entity, releases[entity.id])
        if values:
            updates.append(_edit_file(dataset, entity, values))
    return updates


def _edit_file(dataset: Dataset, entity: Entity, values: dict[str, str | dt.date]) -> Update:
    doc = dataset.documents[entity.id]
    path = _file_of(dataset, doc.path)
    old = path.read_bytes().decode("utf-8")
    new = old
    order = list(type(entity).model_fields)
    for name, value in values.items():
        current, _ = parse_yaml(new.encode("utf-8"), doc.path)
        assert current is not None  # it parsed before, and each edit is checked below
        new = set_value(new, current, name, value, order)
    _verify(new, doc.path, type(entity), values)
    changes: dict[str, tuple[object, object]] = {
        name: (getattr(entity, name), value) for name, value in values.items()
    }
    return Update(path, doc.path, old, new, changes)


def _verify(text: str, shown: str, model: type[Entity], values: dict[str, str | dt.date]) -> None:
    """Reload the edited text: it must be valid and hold exactly the new values."""
    doc, problems = parse_yaml(text.encode("utf-8"), shown)
    entity, model_problems = validate_document(doc, model) if doc else (None, [])
    problems += model_problems
    if entity is None or any(getattr(entity, k) != v for k, v in values.items()):
        detail = "; ".join(str(p) for p in problems) or "values differ after the edit"
        raise EditError(f"{shown}: the edit would break the file ({detail})")


def _file_of(dataset: Dataset, shown: str) -> Path:
    path = Path(shown)
    return path if path.is_absolute() else dataset.root.parent / path


def finish(
    updates: list[Update], check: bool, write: Callable[[Path, str], None] | None = None
) -> int:
    """Report (and unless ``check``, write) the updates; return the exit code."""
    if not updates:
        print("Data is up to date with the package index.", file=sys.stderr)
        return 0
    summary = ", ".join(f"{u.shown} ({', '.join(u.changes)})" for u in updates)
    if check:
        print(
            f"{len(updates)} file(s) behind the package index: {summary}. "
            "Run `uv run atlas refresh`.",
            file=sys.stderr,
        )
        return 1
    for update in updates:
        (write or write_atomic)(update.path, update.new)
    print(f"Updated {len(updates)} file(s): {summary}.", file=sys.stderr)
    return 0


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` via a temporary file in the same folder and ``os.replace``.

    Readers see the old file or the new one, never half of it; the temporary name starts with a
    dot, so the loader ignores it if the process dies before the rename.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
