"""Database endpoints of the Ravyn example (TechEmpower's tests), kept apart from `app.py`.

Edgy, the ORM Ravyn's docs integrate, on asyncpg (`postgresql+asyncpg://`): a registry whose
database holds `DATABASE_POOL_SIZE` connections, connected (`async with`'s `__aenter__`) by the
first request that needs it, so the app starts without `DATABASE_URL`. A startup hook added
after `Ravyn(...)` would not run: an app built with `on_startup` copies that list into its
lifespan. Fortunes render with a Ravyn `Template` (Jinja2). The routes carry no middleware and
stay out of the OpenAPI document.
"""

import asyncio
import os
import random
from operator import attrgetter

import edgy
from ravyn import Gateway, Include, Ravyn, Template, get

EXTRA = "Additional fortune added at request time."
SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
# Without DATABASE_URL nothing connects; the registry still needs a URL to be built.
ASYNCPG_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/hello_world").replace(
    "postgresql://", "postgresql+asyncpg://", 1
)
models = edgy.Registry(database=edgy.Database(ASYNCPG_URL, pool_size=SIZE, max_overflow=0))
_connected = False
_connect_lock = asyncio.Lock()


async def connect() -> None:
    """Connect the registry once per process, on the first request that needs it."""
    global _connected
    if _connected:
        return
    async with _connect_lock:
        if not _connected:
            await models.__aenter__()
            _connected = True


class World(edgy.Model):
    id: int = edgy.IntegerField(primary_key=True, autoincrement=False)
    randomnumber: int = edgy.IntegerField()

    class Meta:
        registry = models
        tablename = "world"


class Fortune(edgy.Model):
    id: int = edgy.IntegerField(primary_key=True, autoincrement=False)
    message: str = edgy.CharField(max_length=2048)

    class Meta:
        registry = models
        tablename = "fortune"


def query_count(raw: str) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


@get("/db")
async def single() -> dict[str, int]:
    await connect()
    return as_json(await World.query.get(id=random.randint(1, 10000)))


@get("/queries")
async def queries(queries: str = "") -> list[dict[str, int]]:
    await connect()
    ids = random.sample(range(1, 10001), query_count(queries))
    return [as_json(await World.query.get(id=i)) for i in ids]


@get("/fortunes")
async def fortunes() -> Template:
    await connect()
    rows = await Fortune.query.all()
    rows.append(Fortune(id=0, message=EXTRA))
    rows.sort(key=attrgetter("message"))
    return Template(name="fortunes.html", context={"fortunes": rows})


@get("/updates")
async def updates(queries: str = "") -> list[dict[str, int]]:
    await connect()
    ids = sorted(random.sample(range(1, 10001), query_count(queries)))
    worlds = [await World.query.get(id=i) for i in ids]
    for world in worlds:
        world.randomnumber = random.randint(1, 10000)
    await World.query.bulk_update(worlds, update_fields=["randomnumber"])
    return [as_json(w) for w in worlds]


def register(app: Ravyn) -> None:
    """Add the four routes to ``app``."""
    routes = [Gateway(handler=h) for h in (single, queries, fortunes, updates)]
    app.add_include(Include("/", routes=routes, include_in_schema=False))
