"""Database endpoints of the Pyramid example (TechEmpower's tests), kept apart from `app.py`.

psycopg 3 with psycopg_pool's ConnectionPool (one per process, created on first use from
`DATABASE_URL` with `DATABASE_POOL_SIZE` connections); fortunes render with a Jinja2 template
(Pyramid leaves the template engine to add-ons such as pyramid_jinja2).
"""

import os
import random
import threading
from operator import itemgetter

from jinja2 import Environment, FileSystemLoader
from pyramid.config import Configurator
from pyramid.request import Request
from pyramid.response import Response
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


_jinja = Environment(
    loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")), autoescape=True
)
_fortunes_template = _jinja.get_template("fortunes.html")


def single(request: Request) -> object:
    return one_world()


def queries(request: Request) -> object:
    return many_worlds(request.params.get("queries"))


def fortunes(request: Request) -> Response:
    body = _fortunes_template.render(fortunes=sorted_fortunes())
    return Response(body, content_type="text/html", charset="utf-8")


def updates(request: Request) -> object:
    return update_worlds(request.params.get("queries"))


def includeme(config: Configurator) -> None:
    """`config.include("db")`: the four routes and their views."""
    for name, view in (("db", single), ("queries", queries), ("updates", updates)):
        config.add_route(f"te-{name}", f"/{name}")
        config.add_view(view, route_name=f"te-{name}", renderer="json", request_method="GET")
    config.add_route("te-fortunes", "/fortunes")
    config.add_view(fortunes, route_name="te-fortunes", request_method="GET")
