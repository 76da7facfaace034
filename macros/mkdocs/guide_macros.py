"""Macros of the guide pages (``docs/guides/``).

Each returns Markdown made of placeholders: tables come from the data and code from the tested
files under ``examples/``, both as escaped HTML kept aside with :func:`site_state.stash`.
"""

from __future__ import annotations

from typing import Any

from macros.mkdocs import state as site_state
from macros.pages.guide_code import code_block_html, example_snippet, lexer_name
from macros.pages.guides import (
    free_threading_html,
    interface_matrix_html,
    runtimes_html,
    server_commands_html,
)
from macros.pages.guides_glossary import adoption_html, glossary_html
from macros.pages.guides_tools import GUIDE_COLUMNS, deployment_list_html, kind_table_html
from macros.pages.html_text import esc
from macros.pages.values import Linker

CODE_MARK = "atlas-code"
"""Class on every code block the include macros produce (the tests look for it)."""


def register(env: Any) -> None:
    """Declare the guide macros on the mkdocs-macros environment."""

    def linker() -> Linker:
        page = getattr(env, "page", None)
        return Linker(site_state.current(), page.url if page is not None else "")

    @env.macro  # type: ignore[untyped-decorator]
    def guide_free_threading() -> str:
        """Frameworks and servers x free-threaded CPython support."""
        return site_state.stash(free_threading_html(site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_runtimes() -> str:
        """The CPython lines with their free-threading, JIT and subinterpreter cells."""
        return site_state.stash(runtimes_html(site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_interfaces() -> str:
        """Frameworks x servers: protocols in common, tested combinations marked."""
        return site_state.stash(interface_matrix_html(site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_servers() -> str:
        """Each server's protocols and run command templates."""
        return site_state.stash(server_commands_html(site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_table(kind: str) -> str:
        """The compact comparison table of one kind (a key of ``GUIDE_COLUMNS``)."""
        if kind not in GUIDE_COLUMNS:
            raise ValueError(
                f"no guide table for {kind!r}; expected one of {sorted(GUIDE_COLUMNS)}"
            )
        return site_state.stash(kind_table_html(kind, site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_deployments() -> str:
        """Deployment targets grouped by type."""
        return site_state.stash(deployment_list_html(site_state.dataset(), linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_glossary() -> str:
        """Every glossary term with its anchor."""
        return site_state.stash(glossary_html(site_state.dataset().glossary, linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def guide_adoption() -> str:
        """Sourced adoption claims."""
        return site_state.stash(adoption_html(site_state.dataset().adoption, linker()))

    @env.macro  # type: ignore[untyped-decorator]
    def example_code(path: str, symbol: str | None = None, title: str | None = None) -> str:
        """A file under ``examples/`` (or one definition in it) as a highlighted code block."""
        return site_state.stash(code_html(path, symbol, title))

    @env.macro  # type: ignore[untyped-decorator]
    def code_tabs(*tabs: list[str]) -> str:
        """Content tabs, one per ``[label, path, symbol]``: the same code in several frameworks."""
        parts = []
        for tab in tabs:
            label, path, *rest = tab
            symbol = rest[0] if rest else None
            placeholder = site_state.stash(code_html(path, symbol)).strip()
            # Indented under its tab; the placeholder is an HTML comment, inert in Markdown.
            parts.append(f'=== "{_tab_label(label)}"\n\n    {placeholder}\n')
        return "\n\n" + "\n".join(parts) + "\n"


def code_html(path: str, symbol: str | None, title: str | None = None) -> str:
    """The code block of one snippet, titled with its file (and definition)."""
    code = example_snippet(path, symbol)
    shown = title or (f"examples/{path}" + (f" — {symbol}" if symbol else ""))
    block = code_block_html(code, shown, lexer_name(path))
    return f'<div class="{CODE_MARK}" data-source="{esc(path)}">{block}</div>'


def _tab_label(label: str) -> str:
    """Tab labels are page text; keep them to characters that cannot end the quoted label."""
    if any(ch in label for ch in '"\n\\'):
        raise ValueError(f"tab label {label!r} may not contain quotes, backslashes or newlines")
    return label
