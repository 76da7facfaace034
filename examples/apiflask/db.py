"""Database endpoints of the APIFlask example (TechEmpower's tests), kept apart from `app.py`.

APIFlask has no database layer of its own, and its views here are sync, so the example uses
psycopg 3 with psycopg_pool's ConnectionPool (one per process, created on first use from
`DATABASE_URL` with `DATABASE_POOL_SIZE` connections). The JSON endpoints declare an output schema
with `@bp.output`, APIFlask's way of serializing (and documenting) a response; fortunes render
with Flask's `render_template`. The blueprint has no hooks or middleware of its own.
"""

import os
import random
import threading
from operator import itemgetter

from apiflask import APIBlueprint, Schema
from apiflask.fields import Integer
from flask import render_template, request
from psycopg_pool import ConnectionPool

_pool: ConnectionPool | None = None
_pool_lock = threading.Lock()
WORLD = "SELECT id, randomnumber FROM world WHERE id = %s"
EXTRA = "Additional fortune added at request time."


def pool() -> ConnectionPool:
    """The process's pool, created by the first request that needs it (after any fork)."""
    global _pool
    if _pool is not None:
        return _pool
    with _pool_lock:
        if _pool is None:
            size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
            _pool = ConnectionPool(
                os.environ["DATABASE_URL"], min_size=size, max_size=size, open=True
            )
    return _pool


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


def one_world() -> dict[str, int]:
    with pool().connection() as conn:
        row = conn.execute(WORLD, (random.randint(1, 10000),)).fetchone()
    return {"id": row[0], "randomNumber": row[1]}


def many_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(raw))
    with pool().connection() as conn:
        rows = [conn.execute(WORLD, (i,)).fetchone() for i in ids]
    return [{"id": r[0], "randomNumber": r[1]} for r in rows]


def sorted_fortunes() -> list[dict[str, object]]:
    with pool().connection() as conn:
        rows = [{"id": i, "message": m} for i, m in conn.execute("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    return rows


def update_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(raw)))
    worlds = []
    with pool().connection() as conn:
        for i in ids:
            conn.execute("SELECT randomnumber FROM world WHERE id = %s", (i,)).fetchone()
            worlds.append({"id": i, "randomNumber": random.randint(1, 10000)})
        with conn.cursor() as cur:
            cur.executemany(
                "UPDATE world SET randomnumber = %s WHERE id = %s",
                [(w["randomNumber"], w["id"]) for w in worlds],
            )
    return worlds


class WorldOut(Schema):
    id = Integer()
    randomNumber = Integer()  # TechEmpower's field name


bp = APIBlueprint("db", __name__, tag="Database")


@bp.get("/db")
@bp.output(WorldOut)
def single() -> dict[str, int]:
    return one_world()


@bp.get("/queries")
@bp.output(WorldOut(many=True))
def queries() -> list[dict[str, int]]:
    return many_worlds(request.args.get("queries"))


@bp.get("/fortunes")
def fortunes() -> str:
    return render_template("fortunes.html", fortunes=sorted_fortunes())


@bp.get("/updates")
@bp.output(WorldOut(many=True))
def updates() -> list[dict[str, int]]:
    return update_worlds(request.args.get("queries"))
