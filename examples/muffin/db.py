"""Database endpoints of the Muffin example (TechEmpower's tests), kept apart from `app.py`.

Peewee models through muffin-peewee-aio, the Peewee ORM plugin Muffin lists, on its asyncpg pool
backend (`asyncpg+pool://`, `DATABASE_POOL_SIZE` connections). The plugin is set up only when
`DATABASE_URL` is set, so the app starts without a database; its per-request connection and
transaction middleware is turned off (AUTO_CONNECTION, AUTO_TRANSACTION) so that no other
route pays for it, and each view opens its own connection. Fortunes render with muffin-jinja2.
"""

import os
import random
from operator import attrgetter

import peewee as pw
from muffin import Application
from muffin_jinja2 import Plugin as Jinja2
from muffin_peewee import Plugin as Peewee
from peewee_aio import AIOModel

EXTRA = "Additional fortune added at request time."
db = Peewee()
templates = Jinja2()


@db.register
class World(AIOModel):
    id = pw.IntegerField(primary_key=True)
    randomnumber = pw.IntegerField()

    class Meta:
        table_name = "world"


@db.register
class Fortune(AIOModel):
    id = pw.IntegerField(primary_key=True)
    message = pw.CharField(max_length=2048)

    class Meta:
        table_name = "fortune"


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


async def single(request):
    async with db.connection():
        return as_json(await World.get_by_id(random.randint(1, 10000)))


async def queries(request):
    ids = random.sample(range(1, 10001), query_count(request.query.get("queries")))
    async with db.connection():
        return [as_json(await World.get_by_id(i)) for i in ids]


async def fortunes(request):
    async with db.connection():
        rows = list(await Fortune.select())
    rows.append(Fortune(id=0, message=EXTRA))
    rows.sort(key=attrgetter("message"))
    return await templates.render("fortunes.html", fortunes=rows)


async def updates(request):
    ids = sorted(random.sample(range(1, 10001), query_count(request.query.get("queries"))))
    async with db.connection():
        worlds = [await World.get_by_id(i) for i in ids]
        for world in worlds:
            world.randomnumber = random.randint(1, 10000)
        await World.bulk_update(worlds, fields=[World.randomnumber])
    return [as_json(w) for w in worlds]


def register(app: Application) -> None:
    """Add the four routes and the template plugin; connect Peewee when a database is set."""
    folder = os.path.join(os.path.dirname(__file__), "templates")
    templates.setup(app, template_folders=[folder])
    url = os.environ.get("DATABASE_URL")
    if url:
        size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
        db.setup(
            app,
            connection=url.replace("postgresql://", "asyncpg+pool://", 1),
            connection_params={"min_size": size, "max_size": size},
            auto_connection=False,
            auto_transaction=False,
            migrations_enabled=False,
        )
    app.route("/db")(single)
    app.route("/queries")(queries)
    app.route("/fortunes")(fortunes)
    app.route("/updates")(updates)
