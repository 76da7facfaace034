"""Database endpoints of the NiceGUI example (TechEmpower's tests), kept apart from `app.py`.

NiceGUI's storage docs send large data to a database and point to their example that registers
Tortoise ORM on NiceGUI's FastAPI `app` (`register_tortoise`); this does the same against
PostgreSQL (Tortoise's asyncpg backend), with `DATABASE_POOL_SIZE` connections per process.
Without `DATABASE_URL` the ORM is not registered and the routes are not added. Fortunes render
with FastAPI's `Jinja2Templates`, as the example's template feature does.
"""

import os
import random
from operator import attrgetter
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.templating import Jinja2Templates
from tortoise import fields
from tortoise.contrib.fastapi import register_tortoise
from tortoise.models import Model

EXTRA = "Additional fortune added at request time."
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")


class World(Model):
    id = fields.IntField(primary_key=True)
    randomnumber = fields.IntField()

    class Meta:
        table = "world"


class Fortune(Model):
    id = fields.IntField(primary_key=True)
    message = fields.CharField(max_length=2048)

    class Meta:
        table = "fortune"


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


async def single() -> dict[str, int]:
    return as_json(await World.get(id=random.randint(1, 10000)))


async def queries(queries: str | None = None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(queries))
    return [as_json(await World.get(id=i)) for i in ids]


async def fortunes(request: Request) -> Response:
    rows = await Fortune.all()
    rows.append(Fortune(id=0, message=EXTRA))
    rows.sort(key=attrgetter("message"))
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})


async def updates(queries: str | None = None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(queries)))
    worlds = [await World.get(id=i) for i in ids]
    for world in worlds:
        world.randomnumber = random.randint(1, 10000)
    await World.bulk_update(worlds, fields=["randomnumber"])
    return [as_json(w) for w in worlds]


def register(app: FastAPI) -> None:
    """Register Tortoise on the app's lifespan and add the four routes (with `DATABASE_URL`)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return
    size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
    pooled = f"{url}{'&' if '?' in url else '?'}minsize={size}&maxsize={size}"
    register_tortoise(app, db_url=pooled, modules={"models": [__name__]})
    app.get("/db")(single)
    app.get("/queries")(queries)
    app.get("/fortunes")(fortunes)
    app.get("/updates")(updates)
