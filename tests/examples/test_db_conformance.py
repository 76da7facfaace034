"""The database endpoints of every example, checked the way TechEmpower's verifier checked them.

Each test module run starts one throwaway PostgreSQL cluster (``macros/apps/pg.py``: initdb and
pg_ctl in a temporary folder, 127.0.0.1 only, seeded with ``world`` and ``fortune``) and stops it
at the end. Every run of an example that declares ``database`` in ``data/examples/<id>.yaml``
starts under its server with ``DATABASE_URL`` and ``DATABASE_POOL_SIZE`` set, and must answer
``/db``, ``/queries``, ``/fortunes`` and ``/updates`` correctly: shape and types, clamping of the
query count, escaping and order of the fortunes, and updates that are really stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from db_probes import check_db, check_fortunes, check_queries, check_updates

from macros.apps import pg
from macros.apps.env import ensure_env, env_vars
from macros.apps.process import running_app
from macros.apps.runs import ExampleCase, command_template, example_cases

CASES = [c for c in example_cases() if c.example.database is not None]
PARAMS = [
    pytest.param(c, id=c.id, marks=[pytest.mark.slow, pytest.mark.xdist_group(c.example.framework)])
    for c in CASES
]
"""Every run of every example with a database block, grouped with its example's other tests."""


@pytest.fixture(scope="module")
def cluster() -> Iterator[pg.Cluster]:
    why = pg.why_unavailable()
    if why is not None:
        pytest.skip(f"PostgreSQL is missing: {why}")
    with pg.pg_cluster() as running:
        yield running


def test_every_example_has_database_endpoints() -> None:
    every = {c.example.framework for c in example_cases()}
    assert every - {c.example.framework for c in CASES} == set()


@pytest.mark.parametrize("case", PARAMS)
def test_database_endpoints(case: ExampleCase, cluster: pg.Cluster) -> None:
    example = case.example
    assert example.database is not None
    if example.skip:
        pytest.skip(f"{case.data_path}: {example.skip}")
    stored = [(int(i), message) for i, message in cluster.rows("SELECT id, message FROM fortune")]

    def read_back(ids: list[int]) -> dict[int, int]:
        listed = ",".join(str(i) for i in ids)
        found = cluster.rows(f"SELECT id, randomnumber FROM world WHERE id IN ({listed})")
        return {int(i): int(n) for i, n in found}

    checks: list[tuple[str, Callable[[str], None]]] = [
        ("/db", check_db),
        ("/queries", check_queries),
        ("/fortunes", lambda base: check_fortunes(base, stored)),
        ("/updates", lambda base: check_updates(base, read_back)),
    ]
    venv = ensure_env(example.framework, case.folder / "requirements.txt")
    env = {**env_vars(venv), **cluster.env(example.database.pool_size)}
    problems = []
    with running_app(
        command_template(example, case.run),
        cwd=case.folder,
        target=example.target,
        env=env,
        ready_path="/plaintext",
        deadline=20.0,
        grace=3.0,
    ) as app:
        for name, check in checks:
            try:
                check(app.base_url)
            except AssertionError as exc:
                problems.append(f"{name}: {str(exc)[:500]}")
        output = app.output(1500)
    assert not problems, f"{case.id}:\n" + "\n".join(problems) + f"\nserver output:\n{output}"
