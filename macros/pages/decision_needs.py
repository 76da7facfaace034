"""What the wizard needs to check must-have features: each framework's cells and each stack's pick.

The wizard's last step asks which features the framework must have; the result then says, from
these cells, whether the recommended framework has them and which frameworks have all of them.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.data.dataset import Dataset
from macros.data.decision_model import DecisionTree
from macros.data.model import Entity, Feature
from macros.pages.html_text import stable_json
from macros.pages.kinds import KIND_BY_NAME, kind_features

Link = Callable[[Entity], str]


def needs_data(tree: DecisionTree, dataset: Dataset, link: Link, matrix_url: str) -> str:
    """JSON: the framework features (label, group), every framework's values, each stack's pick."""
    features = kind_features(KIND_BY_NAME["framework"])
    frameworks: dict[str, object] = {}
    for framework in dataset.of_kind("framework"):
        cells = getattr(framework, "features", None)
        values = {}
        for feature in features:
            cell = getattr(cells, feature.key, None) if cells is not None else None
            if isinstance(cell, Feature):
                values[feature.key] = cell.value
        frameworks[framework.id] = {"name": framework.name, "url": link(framework), "has": values}
    return stable_json(
        {
            "features": [{"key": f.key, "label": f.label, "group": f.group} for f in features],
            "frameworks": frameworks,
            "picks": {r.id: r.stack["framework"].id for r in tree.recommendations},
            "matrix": matrix_url,
        }
    )
