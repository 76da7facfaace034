"""An entity's ``id`` must equal its file name, so URLs and references stay predictable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from macros.data.dataset import Dataset
from macros.data.problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report each entity whose id differs from its file name."""
    for entity_id, doc in dataset.documents.items():
        stem = PurePosixPath(doc.path).stem
        if stem != entity_id:
            yield doc.problem(
                ("id",),
                f"id {entity_id!r} differs from the file name: rename the file to "
                f"{entity_id}.yaml or set id: {stem}",
            )
