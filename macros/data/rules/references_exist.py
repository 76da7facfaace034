"""Every id an entity points at (alternatives, built_on, servers, `via`) must exist."""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.problems import Problem
from macros.data.references import unknown_reference


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report references to ids that no data file defines."""
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        for loc, ref in entity.references():
            if ref not in dataset.entities:
                yield unknown_reference(doc, loc, ref)
