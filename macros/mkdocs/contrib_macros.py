"""Macros of the contributor pages (docs/contributing/)."""

from __future__ import annotations

from typing import Any

from macros.data.decision_model import DecisionTree
from macros.data.model import ENTITY_MODELS, Example
from macros.mkdocs import state as site_state
from macros.pages.schema_ref import schema_reference_html


def register(env: Any) -> None:
    """Declare the contributor macros on the mkdocs-macros environment."""

    def schema_reference_all() -> str:
        """One section per entity kind (plus examples and the decision tree) with every field."""
        dataset = site_state.dataset()
        parts = []
        for model in ENTITY_MODELS:
            kind = model.model_fields["kind"].default
            heading = f"## {kind} — `data/{model.directory}/<id>.yaml`"
            parts += [heading, site_state.stash(schema_reference_html(model, dataset))]
        parts += [
            "## Example apps — `data/examples/<framework>.yaml`",
            site_state.stash(schema_reference_html(Example, None)),
        ]
        parts += [
            "## Decision tree — `data/decision-tree.yaml`",
            site_state.stash(schema_reference_html(DecisionTree, None)),
        ]
        return "\n\n".join(parts)

    for macro in (schema_reference_all,):
        env.macro(macro)
