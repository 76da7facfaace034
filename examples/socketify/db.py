"""Database endpoints of the socketify example (TechEmpower's tests), kept apart from `app.py`.

socketify has no database layer; its handlers may be coroutines (`async def handler(res, req)`),
so the example uses asyncpg: one pool per process, created on first use from `DATABASE_URL` with
`DATABASE_POOL_SIZE` connections. As socketify's corking docs require, each handler reads the
query string before its first `await` (the request is only valid until then) and answers with
`res.cork_send()` afterwards. Fortunes render with the Jinja2 engine the app registers
(features.py); `res.render()` would send `text/html` without a charset, so the page goes out
through `cork_send` with one.
"""

import asyncio
import os
import random
from operator import itemgetter

import asyncpg
from features import templates
from socketify import App

_pool: asyncpg.Pool | None = None
_pool_lock = asyncio.Lock()
WORLD = "SELECT id, randomnumber FROM world WHERE id = $1"
EXTRA = "Additional fortune added at request time."
HTML = b"text/html; charset=utf-8"


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


async def single(res, req) -> None:
    async with (await pool()).acquire() as conn:
        row = await conn.fetchrow(WORLD, random.randint(1, 10000))
    res.cork_send({"id": row["id"], "randomNumber": row["randomnumber"]})  # a dict goes as JSON


async def queries(res, req) -> None:
    ids = random.sample(range(1, 10001), query_count(req.get_query("queries")))
    async with (await pool()).acquire() as conn:
        rows = [await conn.fetchrow(WORLD, i) for i in ids]
    worlds = [{"id": r["id"], "randomNumber": r["randomnumber"]} for r in rows]
    res.cork_send(worlds)


async def fortunes(res, req) -> None:
    async with (await pool()).acquire() as conn:
        rows = [dict(r) for r in await conn.fetch("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    res.cork_send(templates.render("fortunes.html", fortunes=rows), content_type=HTML)


async def updates(res, req) -> None:
    ids = sorted(random.sample(range(1, 10001), query_count(req.get_query("queries"))))
    worlds = []
    async with (await pool()).acquire() as conn:
        for i in ids:
            await conn.fetchval("SELECT randomnumber FROM world WHERE id = $1", i)
            worlds.append({"id": i, "randomNumber": random.randint(1, 10000)})
        await conn.executemany(
            "UPDATE world SET randomnumber = $2 WHERE id = $1",
            [(w["id"], w["randomNumber"]) for w in worlds],
        )
    res.cork_send(worlds)


def register(app: App) -> None:
    app.get("/db", single)
    app.get("/queries", queries)
    app.get("/fortunes", fortunes)
    app.get("/updates", updates)
