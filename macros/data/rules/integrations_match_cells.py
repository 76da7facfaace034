"""A library's list of the entities it integrates with agrees with their own feature cells.

Strawberry's ``integrations: [quart]`` and Quart's ``graphql`` cell tell one fact twice; when they
disagree (Quart says ``no``, or its ``via`` leaves Strawberry out), the Quart cell is fixed, so
the page of Quart links the library that provides the feature.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.fields import Feature
from macros.data.problems import Problem

LINKS: dict[str, tuple[str, str]] = {
    "graphql": ("integrations", "graphql"),
    "admin-panel": ("frameworks", "admin"),
    "migration-tool": ("orms", "migrations"),
}
"""Kind of the providing library -> (its list of integrated entities, their feature it provides)."""


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report a listed entity whose cell says ``no``, or says ``via-plugin`` without the library."""
    for library in sorted(dataset.entities.values(), key=lambda e: e.id):
        if library.kind not in LINKS:
            continue
        field, feature = LINKS[library.kind]
        where = dataset.documents[library.id]
        for i, target_id in enumerate(getattr(library, field)):
            target = dataset.entities.get(target_id)
            cells = getattr(target, "features", None)
            cell = getattr(cells, feature, None)
            if target is None or not isinstance(cell, Feature):
                continue  # unknown ids are reported by references_exist; kinds without the cell
            if cell.value == "no" or (cell.value == "via-plugin" and library.id not in cell.via):
                listed = f"{where.path}:{where.position_of((field, i)).line}"
                fix = (
                    f"write value: via-plugin with via: [{library.id}]"
                    if cell.value == "no"
                    else f"add {library.id} to via"
                )
                yield dataset.documents[target.id].problem(
                    ("features", feature),
                    f"{library.name} lists {target.id} in its {field} ({listed}) but this cell "
                    f"says {cell.value}{'' if cell.value == 'no' else ' without it'}: {fix}, or "
                    f"remove {target.id} from {library.id}'s {field} if the integration is gone",
                )
