"""Database endpoints of the Connexion example (TechEmpower's tests): the handlers that
openapi.yaml names for /db, /queries, /fortunes and /updates.

The app is Connexion's AsyncApp with async handlers, and Connexion has no database layer, so the
example uses asyncpg: one pool per process, created on first use from `DATABASE_URL` with
`DATABASE_POOL_SIZE` connections. Fortunes render with Starlette's Jinja2Templates, returned as a
Starlette response (which Connexion sends as it is).
"""

import asyncio
import os
import random
from operator import itemgetter
from pathlib import Path

import asyncpg
from connexion import request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

_pool: asyncpg.Pool | None = None
_pool_lock = asyncio.Lock()
WORLD = "SELECT id, randomnumber FROM world WHERE id = $1"
EXTRA = "Additional fortune added at request time."
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


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


async def single() -> dict[str, int]:
    async with (await pool()).acquire() as conn:
        row = await conn.fetchrow(WORLD, random.randint(1, 10000))
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


async def queries(queries: str | None = None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(queries))
    async with (await pool()).acquire() as conn:
        rows = [await conn.fetchrow(WORLD, i) for i in ids]
    return [{"id": r["id"], "randomNumber": r["randomnumber"]} for r in rows]


async def fortunes() -> Response:
    async with (await pool()).acquire() as conn:
        rows = [dict(r) for r in await conn.fetch("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})


async def updates(queries: str | None = None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(queries)))
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
