"""A `plugin:` entry that is the package of an Atlas entity is written `via: [<that id>]`.

`plugin` is for packages the Atlas has no page for; an entity's package named there hides the
link to its page and its own cells, so one fact would be told in two places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from macros.data.dataset import Dataset
from macros.data.problems import Problem
from macros.data.review import cells

_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)"  # the distribution name
    r"\s*(?:\[[^\]]*\])?\s*(?:[<>=!~].*)?$"  # optional extras and version specifier
)


def normalize(name: str) -> str:
    """A distribution name in its PEP 503 form (lower case, runs of ``-_.`` as one ``-``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def package_name(entry: str) -> str | None:
    """The normalised distribution name of a `plugin` entry (extras and versions dropped), if it is
    written as a requirement at all."""
    match = _REQUIREMENT.match(entry)
    return normalize(match["name"]) if match else None


def check(dataset: Dataset) -> Iterator[Problem]:
    """Report `plugin` entries that name an entity's package, with the `via` to write instead."""
    owners: dict[str, str] = {}
    for entity in sorted(dataset.entities.values(), key=lambda e: e.id):
        if entity.package:
            owners.setdefault(normalize(entity.package), entity.id)
    for entity in dataset.entities.values():
        doc = dataset.documents[entity.id]
        for name, cell in cells(entity):
            for i, entry in enumerate(cell.plugin):
                owner = owners.get(package_name(entry) or "")
                if owner is None or owner == entity.id:
                    continue
                yield doc.problem(
                    ("features", name, "plugin", i),
                    f"{entry!r} is the package of the Atlas entity {owner!r}: remove it from "
                    f"`plugin` and write via: [{owner}]",
                )
