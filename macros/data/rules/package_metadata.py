"""Typed facts must not contradict what ``atlas refresh`` read from the package's metadata.

- ``first_release`` later than the first upload to the package index;
- ``status: active`` while the latest release is over 18 months old, or while the package's own
  ``Development Status`` classifier says ``7 - Inactive``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.model import Entity
from macros.data.problems import Problem
from macros.data.yaml_source import YamlDocument

ACTIVE_WITHOUT_RELEASE = dt.timedelta(days=548)  # 18 months


def check(dataset: Dataset, today: dt.date | None = None) -> Iterator[Problem]:
    """Report typed facts that the package metadata contradicts."""
    day = today or dt.date.today()
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        yield from _first_release(entity, doc)
        yield from _active(entity, doc, day)


def _first_release(entity: Entity, doc: YamlDocument) -> Iterator[Problem]:
    if entity.first_release is None or entity.first_upload is None:
        return
    # A partial date ("2019", "2019-03") starts on its first day.
    parts = [int(p) for p in entity.first_release.split("-")] + [1, 1]
    start = dt.date(parts[0], parts[1], parts[2])
    if start > entity.first_upload:
        yield doc.problem(
            ("first_release",),
            f"{entity.first_release} is after the first upload to the package index "
            f"({entity.first_upload}, from the package's metadata): correct first_release",
        )


def _active(entity: Entity, doc: YamlDocument, day: dt.date) -> Iterator[Problem]:
    if entity.status != "active":
        return
    if entity.development_status and entity.development_status.startswith("7"):
        yield doc.problem(
            ("status",),
            f"status is active, but the package's classifier says Development Status :: "
            f"{entity.development_status}: set status to maintenance, legacy or archived",
        )
    elif entity.released is not None and day - entity.released > ACTIVE_WITHOUT_RELEASE:
        months = (day - entity.released).days * 12 // 365
        yield doc.problem(
            ("status",),
            f"status is active, but the latest release ({entity.released}) is {months} months "
            "old: set status to maintenance (or legacy, archived), or run `uv run atlas refresh`",
        )
