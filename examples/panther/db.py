"""Database endpoints of the Panther example (TechEmpower's tests), kept apart from `app.py`.

Panther's own PostgreSQL backend, `panther.db.connections.PostgreSQLConnection` (5.4.0 and
later, the `panther[postgresql]` extra): it builds an SQLAlchemy async engine over asyncpg from
the `DATABASE` setting and hands out sessions through `db.session_context()`. Panther's `Model`
queries serve only its document backends (PantherDB, MongoDB), so the handlers run SQL through
the session. `app.py` takes `DATABASE` from here: empty without `DATABASE_URL`, and the app then
starts without a database. Fortunes render with Panther's `TemplateResponse` (Jinja2).
"""

import os
import random
from operator import itemgetter

from panther.app import API
from panther.db.connections import db
from panther.request import Request
from panther.response import Response, TemplateResponse
from sqlalchemy import text


def database_setting() -> dict[str, object]:
    """Panther's `DATABASE` setting for `DATABASE_URL`, or `{}` when it is not set."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return {}
    size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
    return {
        "engine": {
            "class": "panther.db.connections.PostgreSQLConnection",
            "url": url.replace("postgresql://", "postgresql+asyncpg://", 1),
            "pool_size": size,
            "max_overflow": 0,
        }
    }


WORLD = text("SELECT id, randomnumber FROM world WHERE id = :id")
FORTUNES = text("SELECT id, message FROM fortune")
UPDATE = text("UPDATE world SET randomnumber = :n WHERE id = :id")
EXTRA = "Additional fortune added at request time."


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


@API(methods=["GET"])
async def single() -> Response:
    async with db.session_context() as session:
        row = (await session.execute(WORLD, {"id": random.randint(1, 10000)})).one()
    return Response({"id": row.id, "randomNumber": row.randomnumber})


@API(methods=["GET"])
async def queries(request: Request) -> Response:
    ids = random.sample(range(1, 10001), query_count(request.query_params.get("queries")))
    async with db.session_context() as session:
        rows = [(await session.execute(WORLD, {"id": i})).one() for i in ids]
    return Response([{"id": r.id, "randomNumber": r.randomnumber} for r in rows])


@API(methods=["GET"])
async def fortunes() -> TemplateResponse:
    async with db.session_context() as session:
        rows = [{"id": r.id, "message": r.message} for r in await session.execute(FORTUNES)]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    return TemplateResponse(name="fortunes.html", context={"fortunes": rows})


@API(methods=["GET"])
async def updates(request: Request) -> Response:
    ids = sorted(random.sample(range(1, 10001), query_count(request.query_params.get("queries"))))
    worlds = []
    async with db.session_context() as session:
        for i in ids:
            (await session.execute(WORLD, {"id": i})).one()
            worlds.append({"id": i, "randomNumber": random.randint(1, 10000)})
        await session.execute(UPDATE, [{"id": w["id"], "n": w["randomNumber"]} for w in worlds])
        await session.commit()
    return Response(worlds)


url_routing = {"db": single, "queries": queries, "fortunes": fortunes, "updates": updates}
