"""Database endpoints of the Emmett example (TechEmpower's tests), kept apart from `app.py`.

asyncpg, one pool per process created on first use from `DATABASE_URL` with
`DATABASE_POOL_SIZE` connections (Emmett's own ORM is synchronous, and the example's handlers
are async); fortunes render with a Jinja2 template.
"""

import asyncio
import os
import random
from operator import itemgetter

import asyncpg
from emmett import App, request, response
from emmett.tools import service
from jinja2 import Environment, FileSystemLoader

_pool: asyncpg.Pool | None = None
_pool_lock = asyncio.Lock()
WORLD = "SELECT id, randomnumber FROM world WHERE id = $1"
EXTRA = "Additional fortune added at request time."


async def pool() -> asyncpg.Pool:
    """The process's pool, created by the first request that needs it."""
    global _pool
    if _pool is not None:
        return _pool
    async with _pool_lock:
        if _pool is None:
            size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
            _pool = await asyncpg.create_pool(
                os.environ["DATABASE_URL"], min_size=size, max_size=size
            )
    return _pool


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


async def one_world() -> dict[str, int]:
    async with (await pool()).acquire() as conn:
        row = await conn.fetchrow(WORLD, random.randint(1, 10000))
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


async def many_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(raw))
    async with (await pool()).acquire() as conn:
        rows = [await conn.fetchrow(WORLD, i) for i in ids]
    return [{"id": r["id"], "randomNumber": r["randomnumber"]} for r in rows]


async def sorted_fortunes() -> list[dict[str, object]]:
    async with (await pool()).acquire() as conn:
        rows = [dict(r) for r in await conn.fetch("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    return rows


async def update_worlds(raw: str | None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(raw)))
    worlds = []
    async with (await pool()).acquire() as conn:
        for i in ids:
            await conn.fetchval("SELECT randomnumber FROM world WHERE id = $1", i)
            worlds.append({"id": i, "randomNumber": random.randint(1, 10000)})
        await conn.executemany(
            "UPDATE world SET randomnumber = $2 WHERE id = $1",
            [(w["id"], w["randomNumber"]) for w in worlds],
        )
    return worlds


_jinja = Environment(
    loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")), autoescape=True
)
_fortunes_template = _jinja.get_template("fortunes.html")


def register(app: App) -> None:
    """Add the four routes to ``app``."""

    @app.route("/db", methods="get")
    @service.json
    async def single() -> dict[str, int]:
        return await one_world()

    @app.route("/queries", methods="get")
    @service.json
    async def queries() -> list[dict[str, int]]:
        return await many_worlds(request.query_params.queries or None)

    @app.route("/fortunes", methods="get")
    async def fortunes() -> str:
        response.content_type = "text/html; charset=utf-8"
        return _fortunes_template.render(fortunes=await sorted_fortunes())

    @app.route("/updates", methods="get")
    @service.json
    async def updates() -> list[dict[str, int]]:
        return await update_worlds(request.query_params.queries or None)
