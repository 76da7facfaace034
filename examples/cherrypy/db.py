"""Database endpoints of the CherryPy example (TechEmpower's tests), kept apart from `app.py`.

psycopg 3 with psycopg_pool's ConnectionPool (one per process, created on first use from
`DATABASE_URL` with `DATABASE_POOL_SIZE` connections); fortunes render with a Jinja2 template
(CherryPy has no template engine of its own).
"""

import os
import random
import threading
from operator import itemgetter

import cherrypy
from jinja2 import Environment, FileSystemLoader
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


class Single:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self) -> dict[str, int]:
        return one_world()


class Queries:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self, queries: str | None = None, **ignored: str) -> list[dict[str, int]]:
        return many_worlds(queries)


class Fortunes:
    @cherrypy.expose
    def index(self) -> str:
        cherrypy.response.headers["Content-Type"] = "text/html; charset=utf-8"
        return _fortunes_template.render(fortunes=sorted_fortunes())


class Updates:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self, queries: str | None = None, **ignored: str) -> list[dict[str, int]]:
        return update_worlds(queries)


def mount() -> None:
    """Mount the four endpoints on CherryPy's tree, beside the example's own apps."""
    # Answer /db itself: by default CherryPy redirects a mount point to its trailing slash.
    config = {"/": {"tools.trailing_slash.on": False}}
    cherrypy.tree.mount(Single(), "/db", config)
    cherrypy.tree.mount(Queries(), "/queries", config)
    cherrypy.tree.mount(Fortunes(), "/fortunes", config)
    cherrypy.tree.mount(Updates(), "/updates", config)
