"""Database endpoints of the Microdot example (TechEmpower's tests), kept apart from `app.py`.

Microdot recommends no database library, and its handlers are coroutines, so this uses asyncpg:
one pool per process, created on first use from `DATABASE_URL` with `DATABASE_POOL_SIZE`
connections. Fortunes render with Microdot's Jinja `Template` (autoescaping .html files).
"""

import asyncio
import os
import random
from operator import itemgetter

import asyncpg
from microdot.jinja import Template

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


async def single(request):
    async with (await pool()).acquire() as conn:
        row = await conn.fetchrow(WORLD, random.randint(1, 10000))
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


async def queries(request):
    ids = random.sample(range(1, 10001), query_count(request.args.get("queries")))
    async with (await pool()).acquire() as conn:
        rows = [await conn.fetchrow(WORLD, i) for i in ids]
    return [{"id": r["id"], "randomNumber": r["randomnumber"]} for r in rows]


async def fortunes(request):
    async with (await pool()).acquire() as conn:
        rows = [dict(r) for r in await conn.fetch("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    html = Template("fortunes.html").render(fortunes=rows)
    return html, {"Content-Type": "text/html; charset=utf-8"}


async def updates(request):
    ids = sorted(random.sample(range(1, 10001), query_count(request.args.get("queries"))))
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


def register(app):
    app.get("/db")(single)
    app.get("/queries")(queries)
    app.get("/fortunes")(fortunes)
    app.get("/updates")(updates)
