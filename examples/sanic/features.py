"""Framework features of the Atlas example in Sanic: a Blueprint with the prefix /features, and
`setup(app)` for the app-wide parts; CORS and templates come from Sanic Extensions, already used
by the example (paths listed in data/examples/sanic.yaml)."""

import asyncio

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, JSONResponse, json
from sanic_ext import render

bp = Blueprint("features", url_prefix="/features")
state = {"started": False, "runs": 0}


@bp.get("/group")
async def group(request: Request) -> JSONResponse:
    return json({"group": "features"})


@bp.get("/stream")
async def stream(request: Request) -> None:
    response = await request.respond(content_type="text/plain")
    for n in range(1, 4):
        await response.send(f"line {n}\n")
    await response.eof()


@bp.post("/upload")
async def upload(request: Request) -> JSONResponse:
    file = request.files.get("file")
    return json({"filename": file.name, "size": len(file.body)})


@bp.get("/cookie")
async def cookie(request: Request) -> JSONResponse:
    response = json({"atlas": request.cookies.get("atlas")})
    response.add_cookie("atlas", "from-server", secure=False)
    return response


@bp.get("/template")
async def template(request: Request) -> HTTPResponse:
    # Sanic Extensions templating (Jinja2), from a blueprint
    return await render("hello.html", context={"name": request.args.get("name", "world")})


async def count_run() -> None:
    state["runs"] += 1


@bp.post("/background")
async def schedule(request: Request) -> JSONResponse:
    request.app.add_task(count_run())
    return json({"scheduled": "count_run"}, status=202)


@bp.get("/background")
async def runs(request: Request) -> JSONResponse:
    await asyncio.sleep(0)
    return json({"runs": state["runs"]})


@bp.get("/lifespan")
async def started(request: Request) -> JSONResponse:
    return json({"started": state["started"]})


def setup(app: Sanic) -> None:
    """Add the app-wide features and the blueprint."""
    app.config.CORS_ORIGINS = "https://client.example"

    @app.before_server_start
    async def on_start(app: Sanic) -> None:
        state["started"] = True

    @bp.on_response  # blueprint middleware: the benchmarked endpoints stay bare
    async def mark(request: Request, response: HTTPResponse) -> None:
        response.headers["X-Atlas-Middleware"] = "sanic"

    app.static("/static", "./static")
    app.blueprint(bp)
