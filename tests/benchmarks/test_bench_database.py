"""The harness's database: only for database tests, pools sized from data, always stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.apps import pg
from macros.data.model import Example
from scripts.bench.database import database_for, needs_database
from scripts.bench.http import Contender


def _example(framework: str, database: dict[str, object] | None) -> Example:
    data: dict[str, object] = {
        "framework": framework,
        "interface": "asgi",
        "target": "app:app",
        "runs": [{"server": "uvicorn"}],
    }
    if database is not None:
        data["database"] = database
    return Example.model_validate(data)


DATABASE = {
    "driver": "asyncpg",
    "mode": "async",
    "pool_size": 3,
    "template": "Jinja2",
    "source": "https://example.org/asyncpg",
}


def test_only_database_tests_need_one() -> None:
    assert not needs_database(["plaintext", "json", "post-users"])
    assert needs_database(["plaintext", "fortunes"])


def test_without_database_tests_nothing_starts_and_nothing_changes() -> None:
    c = Contender("demo", "uvicorn", None, env={"A": "1"})
    with database_for([c], {"demo": _example("demo", None)}, ["plaintext"]) as note:
        assert note is None
    assert c.env == {"A": "1"} and c.reason is None


def test_pools_come_from_data_and_examples_without_a_database_are_skipped() -> None:
    why = pg.why_unavailable()
    if why is not None:
        pytest.skip(f"PostgreSQL is missing: {why}")
    with_db = Contender("with-db", "uvicorn", None, env={})
    without = Contender("without", "uvicorn", None, env={})
    examples = {"with-db": _example("with-db", DATABASE), "without": _example("without", None)}
    with database_for([with_db, without], examples, ["db"], cpus=[1]) as note:
        assert note is not None and "PostgreSQL" in note and "seed.sql" in note
        url = with_db.env["DATABASE_URL"]
        assert url.startswith("postgresql://postgres@127.0.0.1:")
        assert with_db.env["DATABASE_POOL_SIZE"] == "3"
        cluster = pg.Cluster("127.0.0.1", int(url.rsplit(":", 1)[1].split("/")[0]))
        assert cluster.rows("SELECT count(*) FROM world") == [["10000"]]
        assert cluster.rows("SELECT count(*) FROM fortune") == [["12"]]
    assert without.skipped and "no database endpoints" in (without.reason or "")


def test_the_cluster_is_stopped_and_deleted_even_after_an_error() -> None:
    why = pg.why_unavailable()
    if why is not None:
        pytest.skip(f"PostgreSQL is missing: {why}")
    folder: Path | None = None
    with pytest.raises(RuntimeError, match="inside"), pg.pg_cluster() as cluster:
        folder = cluster.folder
        assert folder is not None and (folder / "data" / "postmaster.pid").exists()
        raise RuntimeError("inside the block")
    assert folder is not None and not folder.exists()
