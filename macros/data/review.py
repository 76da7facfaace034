"""What to re-check: releases published since an entity's cells were checked, and old cells.

Pure functions over the dataset and release histories; ``atlas review`` fetches and prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.data.fields import Feature
from macros.data.model import Entity

NOTES_LABELS = ("changelog", "changes", "release notes", "releases", "history", "news")
"""Project-URL labels that point at release notes, in order of preference (lower case)."""


@dataclass(frozen=True)
class StaleCell:
    """A feature cell last verified ``age`` days ago."""

    entity: Entity
    feature: str
    checked: dt.date | None
    age: int | None


@dataclass(frozen=True)
class ReviewItem:
    """An entity with releases newer than its oldest cell check."""

    entity: Entity
    checked: dt.date
    releases: list[tuple[str, dt.date]]
    notes_url: str | None


def cells(entity: Entity) -> list[tuple[str, Feature]]:
    """The entity's feature cells that are set, by name."""
    features = getattr(entity, "features", None)
    if not isinstance(features, BaseModel):
        return []
    found = [(name, getattr(features, name)) for name in type(features).model_fields]
    return [(name, cell) for name, cell in found if isinstance(cell, Feature)]


def last_checked(entity: Entity) -> dt.date:
    """The oldest ``checked`` day of the entity's cells, else its ``as_of``."""
    days = [cell.checked for _, cell in cells(entity) if cell.checked is not None]
    return min(days, default=entity.as_of)


def stale_cells(dataset: Dataset, days: int, today: dt.date) -> list[StaleCell]:
    """Cells not checked in the last ``days`` days (or never), oldest first."""
    found = []
    for entity in dataset.entities.values():
        for name, cell in cells(entity):
            age = (today - cell.checked).days if cell.checked else None
            if age is None or age > days:
                found.append(StaleCell(entity, name, cell.checked, age))
    return sorted(found, key=lambda s: (s.checked or dt.date.min, s.entity.id, s.feature))


def notes_url(project_urls: tuple[tuple[str, str], ...], entity: Entity) -> str | None:
    """The release notes of a package: a Project-URL labelled like a changelog, else the
    repository's releases page on a forge that has one."""
    labelled = {label.strip().lower(): url for label, url in project_urls}
    for wanted in NOTES_LABELS:
        for label, url in labelled.items():
            if wanted in label and url.startswith(("https://", "http://")):
                return url
    repo = (entity.repository or "").rstrip("/")
    if repo.startswith(("https://github.com/", "https://gitlab.com/", "https://codeberg.org/")):
        return f"{repo}/releases"
    return None


def review_markdown(items: list[ReviewItem], today: dt.date) -> str:
    """The review queue as Markdown, the entity checked longest ago first."""
    if not items:
        return f"# Review queue ({today})\n\nNo entity has a release newer than its checks.\n"
    lines = [
        f"# Review queue ({today})",
        "",
        f"{len(items)} entities had releases after their feature cells were last checked. "
        "Read the release notes, re-check the cells they touch, and set `checked:`.",
        "",
        "| entity | cells checked | releases since | release notes |",
        "| --- | --- | --- | --- |",
    ]
    for item in sorted(items, key=lambda i: (i.checked, i.entity.id)):
        versions = ", ".join(f"{v} ({d})" for v, d in item.releases)
        notes = f"[release notes]({item.notes_url})" if item.notes_url else "none found"
        shown = f"`{item.entity.id}` ({item.entity.name})"
        lines.append(f"| {shown} | {item.checked} | {versions} | {notes} |")
    return "\n".join(lines) + "\n"


def stale_markdown(stale: list[StaleCell], days: int, today: dt.date) -> str:
    """Stale cells as Markdown, oldest first."""
    if not stale:
        return f"No feature cell is older than {days} days ({today}).\n"
    lines = [
        f"# Cells not checked in {days} days ({today})",
        "",
        "| entity | feature | checked | age (days) |",
        "| --- | --- | --- | --- |",
    ]
    for cell in stale:
        age = str(cell.age) if cell.age is not None else "never"
        checked = str(cell.checked) if cell.checked else "never"
        lines.append(f"| `{cell.entity.id}` | {cell.feature} | {checked} | {age} |")
    return "\n".join(lines) + "\n"
