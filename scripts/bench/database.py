"""The database of the DB tests: a throwaway PostgreSQL cluster for the length of a run.

When a run includes a database test (``db``, ``queries``, ``fortunes``, ``updates``), every
contender gets ``DATABASE_URL`` and ``DATABASE_POOL_SIZE`` (its example's ``database.pool_size``);
an example without a ``database`` block is skipped with that reason. The cluster is stopped and
deleted when the run ends, however it ends.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator

from macros.apps import pg
from macros.data.model import Example
from scripts.bench.http import Contender
from scripts.bench.wrk import DB_TESTS


def needs_database(tests: list[str]) -> bool:
    """Whether any of ``tests`` talks to the database."""
    return any(t in DB_TESTS for t in tests)


def server_version() -> str:
    """``postgres (PostgreSQL) 15.x …`` of the binaries the cluster uses."""
    done = subprocess.run(
        [str(pg.bin_dir() / "postgres"), "--version"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "PostgreSQL (version unknown)"


@contextlib.contextmanager
def database_for(
    contenders: list[Contender],
    examples: dict[str, Example],
    tests: list[str],
    cpus: list[int] | None = None,
) -> Iterator[str | None]:
    """Run the block with a seeded cluster if ``tests`` need one; yield its method note."""
    if not needs_database(tests):
        yield None
        return
    why = pg.why_unavailable()
    if why is not None:
        raise RuntimeError(f"the database tests need PostgreSQL: {why}")
    sizes = {}
    for c in contenders:
        database = examples[c.framework].database if c.framework in examples else None
        if database is None:
            c.reason = c.reason or f"{c.framework} has no database endpoints (no `database` block)"
            c.skipped = True
        else:
            sizes[c.key] = database.pool_size
    connections = sum(sizes.values()) + 20
    with pg.pg_cluster(max_connections=max(100, connections), cpus=cpus) as cluster:
        for c in contenders:
            if c.key in sizes:
                c.env = {**c.env, **cluster.env(sizes[c.key])}
        yield (
            f"{server_version()}: a throwaway cluster on 127.0.0.1 (initdb per run, fsync and "
            f"synchronous_commit off, pinned to core(s) {','.join(map(str, cpus or []))} with "
            "wrk), seeded from benchmarks/db/seed.sql (world: 10,000 rows; "
            "fortune: 12 rows); each server process has its own pool of database.pool_size "
            "connections; queries and updates ask for 20 rows"
        )
