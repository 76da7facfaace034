"""Macros of the side-by-side examples page (docs/examples.md)."""

from __future__ import annotations

from typing import Any

from macros.mkdocs import state as site_state
from macros.pages.kinds import CAMPS
from macros.pages.side_by_side import (
    CAMP_PAGES,
    CONFORMANCE_TEST,
    camps_list_html,
    size_table_html,
    tabs_markdown,
)
from macros.pages.values import Linker
from macros.pages.verification import (
    findings_html,
    probed_html,
    share_html,
    undecidable_html,
)


def register(env: Any) -> None:
    """Declare the example macros on the mkdocs-macros environment."""

    def context() -> tuple[Any, Any, dict[str, str]]:
        dataset = site_state.dataset()
        names = {i: dataset.entities[i].name for i in dataset.examples}
        return dataset, dataset.root.parent / "examples", names

    def example_tabs(camp: str | None = None) -> str:
        """Markdown content tabs with the examples' files, of one camp (code is never data from
        YAML)."""
        if camp is not None and camp not in CAMPS:
            raise ValueError(f"unknown camp {camp!r}; expected one of {sorted(CAMPS)}")
        dataset, root, names = context()
        return tabs_markdown(dataset, root, names, camp)

    def example_camps() -> str:
        """Links to the side-by-side page of each camp."""
        link = linker()
        pages = {camp: link.page(f"{CAMP_PAGES}/{camp}.md") for camp in CAMPS}
        return site_state.stash(camps_list_html(site_state.dataset(), pages))

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

    def linker() -> Linker:
        page = getattr(env, "page", None)
        return Linker(site_state.current(), page.url if page is not None else "")

    def verification_share() -> str:
        """The share of framework cells proven by a test, computed from the data."""
        return site_state.stash(share_html(site_state.dataset(), linker().page("verification.md")))

    def verification_tables() -> str:
        """Per probe-able feature: examples probed, of those whose data claims it."""
        return site_state.stash(probed_html(site_state.dataset()))

    def undecidable_features() -> str:
        """The framework features no probe decides, and why."""
        return site_state.stash(undecidable_html())

    def probe_findings() -> str:
        """Claims a probe contradicted."""
        dataset = site_state.dataset()
        link = linker()
        state = site_state.current()
        pages = {i: link.to(u) for i, u in state.entity_urls.items()}
        return site_state.stash(findings_html(dataset, pages))

    for macro in (
        example_tabs,
        example_camps,
        example_sizes,
        conformance_test_path,
        verification_share,
        verification_tables,
        undecidable_features,
        probe_findings,
    ):
        env.macro(macro)
