"""Framework features of the Atlas example in aiohttp: a nested application mounted at
/features, and `setup(app)` for the app-wide parts, with the aio-libs extensions the aiohttp docs
point to for CORS, sessions, templates, SSE, background jobs and validation with OpenAPI
(data/examples/aiohttp.yaml)."""

import base64

import aiohttp_cors
import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from aiohttp_pydantic import PydanticView, oas
from aiohttp_session import get_session
from aiohttp_session import setup as setup_sessions
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from aiohttp_sse import sse_response
from aiojobs.aiohttp import setup as setup_jobs
from aiojobs.aiohttp import spawn
from pydantic import BaseModel

routes = web.RouteTableDef()
STARTED = web.AppKey("started", bool)
RUNS = web.AppKey("runs", list)
SESSION_KEY = base64.urlsafe_b64decode(b"YXRsYXMtZXhhbXBsZS1ub3QtYS1zZWNyZXQtISEhISE=")


class UserIn(BaseModel):
    email: str
    name: str


class UsersView(PydanticView):
    """aiohttp-pydantic: the body is parsed into UserIn; a bad one gets a 400 naming the field."""

    async def post(self, user: UserIn) -> web.Response:
        return web.json_response(user.model_dump(), status=201)


@routes.get("/group")
async def group(request: web.Request) -> web.Response:
    return web.json_response({"group": "features"})


@routes.get("/large")
async def large(request: web.Request) -> web.Response:
    response = web.json_response({"text": "Hello, World! " * 200})
    response.enable_compression()  # per response: aiohttp has no app-wide switch
    return response


@routes.get("/stream")
async def stream(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/plain"})
    await response.prepare(request)
    for n in range(1, 4):
        await response.write(f"line {n}\n".encode())
    await response.write_eof()
    return response


@routes.post("/upload")
async def upload(request: web.Request) -> web.Response:
    form = await request.post()
    file = form["file"]
    assert isinstance(file, web.FileField)
    return web.json_response({"filename": file.filename, "size": len(file.file.read())})


@routes.get("/cookie")
async def cookie(request: web.Request) -> web.Response:
    response = web.json_response({"atlas": request.cookies.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


@routes.get("/session")
async def session(request: web.Request) -> web.Response:
    data = await get_session(request)
    data["count"] = data.get("count", 0) + 1
    return web.json_response({"count": data["count"]})


@routes.get("/template")
@aiohttp_jinja2.template("hello.html")
async def template(request: web.Request) -> dict[str, str]:
    return {"name": request.query.get("name", "world")}


@routes.get("/sse")
async def events(request: web.Request) -> web.StreamResponse:
    async with sse_response(request) as response:
        for n in range(1, 4):
            await response.send(str(n))
    return response


async def count_run(runs: list[int]) -> None:
    runs.append(1)


@routes.post("/background")
async def schedule(request: web.Request) -> web.Response:
    await spawn(request, count_run(request.config_dict[RUNS]))
    return web.json_response({"scheduled": "count_run"}, status=202)


@routes.get("/background")
async def runs(request: web.Request) -> web.Response:
    return web.json_response({"runs": len(request.config_dict[RUNS])})


@routes.get("/lifespan")
async def started(request: web.Request) -> web.Response:
    return web.json_response({"started": request.config_dict[STARTED]})


@web.middleware
async def mark(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    response.headers["X-Atlas-Middleware"] = "aiohttp"
    return response


async def on_startup(app: web.Application) -> None:
    app[STARTED] = True


def setup(app: web.Application) -> None:
    """Mount the features sub-application and add the app-wide parts."""
    app[STARTED], app[RUNS] = False, []
    app.on_startup.append(on_startup)
    setup_jobs(app)
    app.router.add_static("/static", "static")
    # The sub-application's middlewares wrap /features only: the benchmarked endpoints stay bare.
    features = web.Application(middlewares=[mark])
    setup_sessions(features, EncryptedCookieStorage(SESSION_KEY))
    features.add_routes(routes)
    features.router.add_view("/users", UsersView)
    oas.setup(features)  # the OpenAPI document at /features/oas/spec, Swagger UI at /features/oas
    aiohttp_jinja2.setup(features, loader=jinja2.FileSystemLoader("templates"))
    app.add_subapp("/features/", features)
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "https://client.example": aiohttp_cors.ResourceOptions(
                allow_headers="*", allow_methods="*"
            )
        },
    )
    for route in list(app.router.routes()):
        if route.resource is not None and route.resource.canonical == "/users":
            cors.add(route)
