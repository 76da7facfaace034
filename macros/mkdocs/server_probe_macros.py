"""Macros of the server verification page (docs/server-verification.md)."""

from __future__ import annotations

from typing import Any

from macros.apps.server_probes import PROBE_TEST_FILE
from macros.mkdocs import state as site_state
from macros.pages import server_proof
from macros.pages.values import Linker


def register(env: Any) -> None:
    """Declare the server-probe macros on the mkdocs-macros environment."""

    def linker() -> Linker:
        page = getattr(env, "page", None)
        return Linker(site_state.current(), page.url if page is not None else "")

    def server_probe_share() -> str:
        """The share of server cells proven, counted at build time."""
        return site_state.stash(server_proof.share_html(site_state.dataset()))

    def server_probe_tables() -> str:
        """What each probe checks and proves, and what each server has proven."""
        dataset = site_state.dataset()
        return site_state.stash(
            server_proof.probe_table_html(dataset)
            + server_proof.server_table_html(dataset, linker())
        )

    def server_probe_findings() -> str:
        """Every claim a server probe contradicted."""
        return site_state.stash(server_proof.findings_html(site_state.dataset(), linker()))

    def server_undecidable() -> str:
        """Server features no probe decides, and why."""
        return site_state.stash(server_proof.undecidable_html())

    def server_probe_test_path() -> str:
        """Where the server probes live."""
        return PROBE_TEST_FILE

    for macro in (
        server_probe_share,
        server_probe_tables,
        server_probe_findings,
        server_undecidable,
        server_probe_test_path,
    ):
        env.macro(macro)
