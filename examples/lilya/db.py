"""Database endpoints of the Lilya example (TechEmpower's tests), kept apart from `app.py`.

Lilya's docs name no database layer, so asyncpg: one pool per process created on first use from
`DATABASE_URL` with `DATABASE_POOL_SIZE` connections; fortunes render with Lilya's
`Jinja2Template`. The routes carry no middleware.
"""

import asyncio
import os
import random
from operator import itemgetter
from typing import Any

import asyncpg
from lilya.requests import Request
from lilya.responses import JSONResponse
from lilya.routing import Path
from lilya.templating import Jinja2Template

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


templates = Jinja2Template(directory=os.path.join(os.path.dirname(__file__), "templates"))


async def single() -> JSONResponse:
    return JSONResponse(await one_world())


async def queries(request: Request) -> JSONResponse:
    return JSONResponse(await many_worlds(request.query_params.get("queries")))


async def fortunes(request: Request) -> Any:
    rows = await sorted_fortunes()
    return templates.get_template_response(request, "fortunes.html", {"fortunes": rows})


async def updates(request: Request) -> JSONResponse:
    return JSONResponse(await update_worlds(request.query_params.get("queries")))


routes = [
    Path("/db", single),
    Path("/queries", queries),
    Path("/fortunes", fortunes),
    Path("/updates", updates),
]
