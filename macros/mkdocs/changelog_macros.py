"""Macros of the data changelog page (docs/changelog.md)."""

from __future__ import annotations

from typing import Any

from macros.mkdocs import state as site_state
from macros.pages.changelog import changelog_entries, changelog_html
from macros.pages.values import Linker


def register(env: Any) -> None:
    """Declare the changelog macros on the mkdocs-macros environment."""

    def data_changelog() -> str:
        """Every entity by the day it was last verified, newest first."""
        page = getattr(env, "page", None)
        state = site_state.current()
        link = Linker(state, page.url if page is not None else "")
        href = {eid: link.to(url) for eid, url in state.entity_urls.items()}
        return site_state.stash(changelog_html(changelog_entries(site_state.dataset()), href))

    for macro in (data_changelog,):
        env.macro(macro)
