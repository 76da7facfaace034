"""Every feature cell says who looked and when: a ``source`` page and a ``checked`` day.

A bare ``yes`` cannot be traced or re-checked, and a ``no`` is a fact too: its source is the
page where the feature would be documented.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.problems import Problem
from macros.data.review import cells


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report feature cells without ``source`` or ``checked``."""
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        for name, cell in cells(entity):
            missing = [f for f in ("source", "checked") if getattr(cell, f) is None]
            if missing:
                yield doc.problem(
                    ("features", name),
                    f"no {' and no '.join(missing)}: write the cell as a mapping with `source:` "
                    "(the page that shows the value, or where it would be) and `checked:` "
                    "(the day you verified it, YYYY-MM-DD)",
                )
