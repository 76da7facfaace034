"""Framework features of the Atlas example in FastHTML: an APIRouter with the prefix /features,
and `setup(app)` for the middleware (Starlette's, which FastHTML takes), the static route and a
start-up hook (paths in data/examples/fasthtml.yaml)."""

from collections.abc import Iterator
from pathlib import Path

from fasthtml.common import APIRouter, FastHTML, JSONResponse, UploadFile
from starlette.background import BackgroundTask
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ar = APIRouter(prefix="/features")
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")  # needs jinja2
state = {"started": False, "runs": 0}


class MarkMiddleware:
    """Pure ASGI middleware: adds a header to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-atlas-middleware", b"fasthtml")]
            await send(message)

        await self.app(scope, receive, send_marked if scope["type"] == "http" else send)


@ar("/group", methods=["get"])
def group() -> JSONResponse:
    return JSONResponse({"group": "features"})


@ar("/large", methods=["get"])
def large() -> JSONResponse:
    return JSONResponse({"text": "Hello, World! " * 200})


@ar("/stream", methods=["get"])
def stream() -> StreamingResponse:
    def lines() -> Iterator[str]:
        for n in range(1, 4):
            yield f"line {n}\n"

    return StreamingResponse(lines(), media_type="text/plain")


@ar("/upload", methods=["post"])
async def upload(file: UploadFile) -> JSONResponse:
    return JSONResponse({"filename": file.filename, "size": len(await file.read())})


@ar("/cookie", methods=["get"])
def cookie(atlas: str | None = None) -> JSONResponse:  # parameters are read from cookies too
    response = JSONResponse({"atlas": atlas})
    response.set_cookie("atlas", "from-server")
    return response


@ar("/session", methods=["get"])
def counter(session) -> JSONResponse:  # type: ignore[no-untyped-def]  # FastHTML injects it by name
    session["count"] = session.get("count", 0) + 1
    return JSONResponse({"count": session["count"]})


def count_run() -> None:
    state["runs"] += 1


@ar("/background", methods=["post"])
def schedule() -> JSONResponse:
    return JSONResponse({"scheduled": "count_run"}, 202, background=BackgroundTask(count_run))


@ar("/background", methods=["get"])
def runs() -> JSONResponse:
    return JSONResponse({"runs": state["runs"]})


@ar("/template", methods=["get"])
def template(req: Request, name: str = "world") -> Response:  # FastHTML passes the request as req
    return templates.TemplateResponse(req, "hello.html", {"name": name})


@ar("/lifespan", methods=["get"])
def started() -> JSONResponse:
    return JSONResponse({"started": state["started"]})


def setup(app: FastHTML) -> None:
    """Add the middleware, the static route, the start-up hook and the router."""

    @app.on_event("startup")
    async def on_startup() -> None:
        state["started"] = True

    app.add_middleware(MarkMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(
        CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
    )
    app.static_route_exts(prefix="/static/", static_path="static")
    ar.to_app(app)
