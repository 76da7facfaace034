"""Database endpoints of the Masonite example (TechEmpower's tests): two models and a controller
on Masonite ORM, the framework's own ORM (its connection and pool are in config/database.py).
Fortunes render with a Masonite view (Jinja2, escaped). A generated project keeps the models in
app/models/; they are here so the module holds everything the benchmarks alone need."""

import random
from operator import itemgetter

from masonite.controllers import Controller
from masonite.request import Request
from masonite.routes import Route
from masonite.views import View
from masoniteorm.models import Model

EXTRA = "Additional fortune added at request time."


class World(Model):
    __table__ = "world"
    __timestamps__ = False


class Fortune(Model):
    __table__ = "fortune"
    __timestamps__ = False


def query_count(raw: object) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(str(raw or "")), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


class DatabaseController(Controller):
    def single(self):
        return as_json(World.find(random.randint(1, 10000)))

    def queries(self, request: Request):
        ids = random.sample(range(1, 10001), query_count(request.input("queries")))
        return [as_json(World.find(i)) for i in ids]

    def fortunes(self, view: View):
        rows = [{"id": f.id, "message": f.message} for f in Fortune.all()]
        rows.append({"id": 0, "message": EXTRA})
        rows.sort(key=itemgetter("message"))
        return view.render("fortunes", {"fortunes": rows})

    def updates(self, request: Request):
        ids = sorted(random.sample(range(1, 10001), query_count(request.input("queries"))))
        worlds = []
        for i in ids:
            world = World.find(i)
            world.randomnumber = random.randint(1, 10000)
            world.save()
            worlds.append(as_json(world))
        return worlds


def routes() -> list:
    """The four routes, outside any group (no route middleware); routes.py adds them."""
    return [
        Route.get("/db", DatabaseController.single),
        Route.get("/queries", DatabaseController.queries),
        Route.get("/fortunes", DatabaseController.fortunes),
        Route.get("/updates", DatabaseController.updates),
    ]
