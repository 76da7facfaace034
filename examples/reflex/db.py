"""Database endpoints of the Reflex example (TechEmpower's tests), kept apart from `app.py`.

Reflex's database layer: SQLModel tables (Reflex deprecated its `rx.Model` base in 0.9.2 in
favour of SQLModel or SQLAlchemy directly) queried through `rx.asession()`, whose engine Reflex
builds from `async_db_url` in rxconfig.py (psycopg 3, as Reflex's docs suggest for PostgreSQL)
with its `SQLALCHEMY_*` pool settings. The routes sit on the FastAPI app that Reflex
takes as `api_transformer`, because Reflex's own backend has no HTTP routes; Reflex renders pages
with React, so the fortunes page is a FastAPI `Jinja2Templates` response like /features/template.
"""

import random
from operator import itemgetter
from pathlib import Path

import reflex as rx
from fastapi import APIRouter, Request, Response
from fastapi.templating import Jinja2Templates
from sqlmodel import Field, SQLModel, select

EXTRA = "Additional fortune added at request time."
router = APIRouter()
templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")


class World(SQLModel, table=True):
    __tablename__ = "world"
    id: int = Field(primary_key=True)
    randomnumber: int


class Fortune(SQLModel, table=True):
    __tablename__ = "fortune"
    id: int = Field(primary_key=True)
    message: str


def query_count(raw: str | None) -> int:
    """TechEmpower's rule: 1 to 500, and 1 for anything that is not an integer."""
    try:
        return min(max(int(raw or ""), 1), 500)
    except ValueError:
        return 1


def as_json(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


@router.get("/db")
async def single() -> dict[str, int]:
    async with rx.asession() as session:
        return as_json(await session.get_one(World, random.randint(1, 10000)))


@router.get("/queries")
async def queries(queries: str | None = None) -> list[dict[str, int]]:
    ids = random.sample(range(1, 10001), query_count(queries))
    async with rx.asession() as session:
        return [as_json(await session.get_one(World, i)) for i in ids]


@router.get("/fortunes")
async def fortunes(request: Request) -> Response:
    async with rx.asession() as session:
        rows = [{"id": f.id, "message": f.message} for f in await session.exec(select(Fortune))]
    rows.append({"id": 0, "message": EXTRA})
    rows.sort(key=itemgetter("message"))
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})


@router.get("/updates")
async def updates(queries: str | None = None) -> list[dict[str, int]]:
    ids = sorted(random.sample(range(1, 10001), query_count(queries)))
    async with rx.asession() as session:
        worlds = [await session.get_one(World, i) for i in ids]
        for world in worlds:
            world.randomnumber = random.randint(1, 10000)
        await session.commit()
    return [as_json(w) for w in worlds]
