"""Macros of the side-by-side examples page (docs/examples.md)."""

from __future__ import annotations

from typing import Any

from macros.mkdocs import state as site_state
from macros.pages.side_by_side import CONFORMANCE_TEST, size_table_html, tabs_markdown
from macros.pages.values import Linker


def register(env: Any) -> None:
    """Declare the example macros on the mkdocs-macros environment."""

    def context() -> tuple[Any, Any, dict[str, str]]:
        dataset = site_state.dataset()
        names = {i: dataset.entities[i].name for i in dataset.examples}
        return dataset, dataset.root.parent / "examples", names

    def example_tabs() -> str:
        """Markdown content tabs with every example's files (code is never data from YAML)."""
        dataset, root, names = context()
        return tabs_markdown(dataset, root, names)

    def example_sizes() -> str:
        """The table of files, code lines and dependencies per example."""
        dataset, root, names = context()
        page = getattr(env, "page", None)
        state = site_state.current()
        link = Linker(state, page.url if page is not None else "")
        pages = {i: link.to(state.entity_urls[i]) for i in dataset.examples}
        return site_state.stash(size_table_html(dataset, root, names, pages))

    def conformance_test_path() -> str:
        """Where the conformance suite lives."""
        return CONFORMANCE_TEST

    for macro in (example_tabs, example_sizes, conformance_test_path):
        env.macro(macro)
