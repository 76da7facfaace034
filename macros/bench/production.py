"""The production settings of every measured command, as one table for the method page.

One row per command the harness runs: each server's run template and each framework's own-server
command; per setting the flag (or "default" when none is needed) and what it switches off.
"""

from __future__ import annotations

from macros.bench.render import table_html
from macros.data.model import Example, Server
from macros.data.production import SETTING_LABELS, Production


def production_rows(servers: list[Server], examples: list[Example]) -> list[list[str]]:
    """``[command, setting cells…]`` for every server with a run template and own-server run."""
    rows: list[tuple[str, Production]] = []
    for server in sorted(servers, key=lambda s: s.name.lower()):
        if server.run and server.production is not None:
            rows.append((f"{server.name} (every run template)", server.production))
    for example in sorted(examples, key=lambda e: e.framework):
        for run in example.runs:
            if run.server == example.framework and run.production is not None:
                rows.append((f"{example.framework}: own server", run.production))
    return [[name, *(_cell(s.flag, s.effect) for _, s in p.settings())] for name, p in rows]


def _cell(flag: str | None, effect: str) -> str:
    return f"{flag}: {effect}" if flag else f"default: {effect}"


def production_html(servers: list[Server], examples: list[Example]) -> str:
    """The table of :func:`production_rows` (text escaped by ``table_html``)."""
    headers = ["Command", *SETTING_LABELS.values()]
    return table_html(headers, production_rows(servers, examples))
