"""Every id an entity points at (alternatives, built_on, servers, `via`) must exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from macros.loader import Dataset
from macros.problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report references to ids that no data file defines."""
    known = sorted(dataset.entities)
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        for loc, ref in entity.references():
            if ref not in dataset.entities:
                close = difflib.get_close_matches(ref, known, n=1)
                hint = f": did you mean {close[0]!r}?" if close else f": add data/<kind>/{ref}.yaml"
                yield doc.problem(loc, f"unknown id {ref!r}{hint}")
