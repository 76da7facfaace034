"""How each example talks to PostgreSQL in the database tests, as one table from data."""

from __future__ import annotations

from macros.bench.render import table_html
from macros.data.model import Example


def database_rows(examples: list[Example]) -> list[list[str]]:
    """``[framework, driver, mode, pool, template, why]`` for every example with a database."""
    return [
        [e.framework, d.driver, d.mode, str(d.pool_size), d.template, d.note or ""]
        for e in sorted(examples, key=lambda e: e.framework)
        if (d := e.database) is not None
    ]


def databases_html(examples: list[Example]) -> str:
    """The table of :func:`database_rows`."""
    headers = ["Framework", "Driver / ORM", "Handlers", "Pool per process", "Fortunes template"]
    return table_html([*headers, "Why"], database_rows(examples))
