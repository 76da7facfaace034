"""Ids, names and aliases must not collide: search and links would land on the wrong page."""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report an alias that repeats another entity's id, name or alias (case-insensitive)."""
    owner: dict[str, str] = {}
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        owner.setdefault(entity.id.lower(), entity.id)
        owner.setdefault(entity.name.lower(), entity.id)
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        doc = dataset.documents[entity.id]
        for i, alias in enumerate(entity.aliases):
            other = owner.get(alias.lower())
            if other is not None and other != entity.id:
                yield doc.problem(
                    ("aliases", i), f"alias {alias!r} is already the id or name of {other!r}"
                )
            elif other == entity.id and alias.lower() in (entity.id, entity.name.lower()):
                yield doc.problem(("aliases", i), f"alias {alias!r} repeats this entity's name")
            owner[alias.lower()] = entity.id
