"""Macros of the decision page (docs/decide.md)."""

from __future__ import annotations

from typing import Any

from macros.mkdocs import state as site_state
from macros.pages.decision import (
    render_diagram,
    render_outline,
    render_recommendation,
    render_wizard,
)
from macros.pages.values import Linker


def register(env: Any) -> None:
    """Declare the decision-tree macros on the mkdocs-macros environment."""

    def linker() -> Linker:
        page = getattr(env, "page", None)
        return Linker(site_state.current(), page.url if page is not None else "")

    def tree() -> Any:
        found = site_state.dataset().decision_tree
        if found is None:
            raise ValueError("data/decision-tree.yaml is missing")
        return found

    def decision_wizard() -> str:
        """The interactive wizard (one question at a time)."""
        return site_state.stash(render_wizard(tree()))

    def decision_outline() -> str:
        """The whole tree as nested lists."""
        return site_state.stash(render_outline(tree()))

    def decision_diagram() -> str:
        """The tree as a build-time SVG diagram."""
        return site_state.stash(render_diagram(tree()))

    def decision_stacks() -> str:
        """Every recommended stack with picks, trade-offs and first commands."""
        dataset, link, urls = site_state.dataset(), linker(), site_state.current().entity_urls
        return "\n".join(
            site_state.stash(render_recommendation(rec, dataset, lambda e: link.to(urls[e.id])))
            for rec in tree().recommendations
        )

    for macro in (decision_wizard, decision_outline, decision_diagram, decision_stacks):
        env.macro(macro)
