"""Framework features of the Atlas example in Starlette: routes mounted under /features with their
own middleware stack, and the lifespan passed to the app (paths in data/examples/starlette.yaml)."""

import contextlib
from collections.abc import AsyncIterator, Iterator

from sse_starlette import EventSourceResponse
from starlette_wtf import CSRFProtectMiddleware, csrf_protect, csrf_token
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.schemas import SchemaGenerator
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory="templates")
schemas = SchemaGenerator(
    {"openapi": "3.0.0", "info": {"title": "Atlas example", "version": "1.0"}}
)
state = {"started": False, "runs": 0}


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    state["started"] = True
    yield


class MarkMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["X-Atlas-Middleware"] = "starlette"
        return response


async def group(request: Request) -> JSONResponse:
    return JSONResponse({"group": "features"})


async def large(request: Request) -> JSONResponse:
    return JSONResponse({"text": "Hello, World! " * 200})


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(lines(), media_type="text/plain")


async def upload(request: Request) -> JSONResponse:
    async with request.form() as form:
        file = form["file"]
        data = await file.read()  # type: ignore[union-attr]
        return JSONResponse({"filename": file.filename, "size": len(data)})  # type: ignore[union-attr]


async def cookie(request: Request) -> JSONResponse:
    response = JSONResponse({"atlas": request.cookies.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


async def session(request: Request) -> JSONResponse:
    request.session["count"] = request.session.get("count", 0) + 1
    return JSONResponse({"count": request.session["count"]})


async def template(request: Request) -> Response:
    name = request.query_params.get("name", "world")
    return templates.TemplateResponse(request, "hello.html", {"name": name})


@csrf_protect  # Starlette-WTF: a post without a valid token gets 403
async def form(request: Request) -> Response:
    if request.method == "POST":
        return JSONResponse({"posted": "with a valid token"})
    return templates.TemplateResponse(request, "form.html", {"token": csrf_token(request)})


def count_run() -> None:
    state["runs"] += 1


async def background(request: Request) -> JSONResponse:
    if request.method == "POST":
        return JSONResponse({"scheduled": "count_run"}, 202, background=BackgroundTask(count_run))
    return JSONResponse({"runs": state["runs"]})


async def started(request: Request) -> JSONResponse:
    return JSONResponse({"started": state["started"]})


async def events(request: Request) -> EventSourceResponse:
    async def numbers() -> AsyncIterator[dict[str, str]]:
        for n in range(1, 4):
            yield {"data": str(n)}

    return EventSourceResponse(numbers())


async def openapi(request: Request) -> JSONResponse:
    """The schema of the endpoints whose docstrings hold OpenAPI YAML (Starlette's generator)."""
    return JSONResponse(schemas.get_schema(routes=request.app.routes))


# The middleware wraps the /features group only, so the benchmarked endpoints stay bare.
routes = [
    Mount(
        "/features",
        routes=[
            Route("/group", group),
            Route("/large", large),
            Route("/stream", stream),
            Route("/upload", upload, methods=["POST"]),
            Route("/cookie", cookie),
            Route("/session", session),
            Route("/template", template),
            Route("/background", background, methods=["GET", "POST"]),
            Route("/lifespan", started),
            Route("/form", form, methods=["GET", "POST"]),
            Route("/sse", events),
            Route("/openapi.json", openapi, include_in_schema=False),
        ],
        middleware=[
            Middleware(MarkMiddleware),
            Middleware(
                CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
            ),
            Middleware(GZipMiddleware, minimum_size=500),
            Middleware(SessionMiddleware, secret_key="atlas-example-not-a-secret"),
            Middleware(CSRFProtectMiddleware, csrf_secret="atlas-example-not-a-secret"),
        ],
    ),
    Mount("/static", StaticFiles(directory="static"), name="static"),
]
