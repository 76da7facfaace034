"""Framework features of the Atlas example in Lilya: an `Include` at /features with its own
middleware, a CSRF-protected form path, static files and the lifespan passed to the app (paths
listed in data/examples/lilya.yaml)."""

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

from lilya.apps import Lilya
from lilya.background import Task
from lilya.datastructures import Header
from lilya.middleware import DefineMiddleware
from lilya.middleware.compression import GZipMiddleware
from lilya.middleware.cors import CORSMiddleware
from lilya.middleware.csrf import CSRFMiddleware
from lilya.middleware.sessions import SessionMiddleware
from lilya.protocols.middleware import MiddlewareProtocol
from lilya.requests import Request
from lilya.responses import EventStreamResponse, JSONResponse, StreamingResponse
from lilya.routing import Include, Path
from lilya.staticfiles import StaticFiles
from lilya.templating import Jinja2Template
from lilya.types import ASGIApp, Message, Receive, Scope, Send

templates = Jinja2Template(directory="templates")
state = {"started": False, "runs": 0}
SECRET = "atlas-example-not-a-secret"


@contextlib.asynccontextmanager
async def lifespan(app: Lilya) -> AsyncIterator[None]:
    state["started"] = True
    yield


class MarkMiddleware(MiddlewareProtocol):
    """A pure ASGI middleware that marks every response of the group."""

    def __init__(self, app: ASGIApp, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                Header.ensure_header_instance(message)["X-Atlas-Middleware"] = "lilya"
            await send(message)

        await self.app(scope, receive, send_marked)


async def group() -> JSONResponse:
    return JSONResponse({"group": "features"})


async def large() -> JSONResponse:
    return JSONResponse({"text": "Hello, World! " * 200})


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


async def stream() -> StreamingResponse:
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


async def template(request: Request) -> Any:
    name = request.query_params.get("name", "world")
    return templates.get_template_response(request, "hello.html", {"name": name})


async def show_form(request: Request) -> Any:
    # CSRFMiddleware sets the signed `csrftoken` cookie on a safe request that lacks it (so from
    # the second load on), and the form sends it back in the hidden `csrf_token` field.
    token = request.cookies.get("csrftoken", "")
    return templates.get_template_response(request, "form.html", {"token": token})


async def submit_form() -> JSONResponse:
    return JSONResponse({"posted": "with a valid token"})


def count_run() -> None:
    state["runs"] += 1


async def schedule() -> JSONResponse:
    return JSONResponse({"scheduled": "count_run"}, status_code=202, background=Task(count_run))


async def runs() -> JSONResponse:
    return JSONResponse({"runs": state["runs"]})


async def started() -> JSONResponse:
    return JSONResponse({"started": state["started"]})


async def events() -> EventStreamResponse:
    async def numbers() -> AsyncIterator[dict[str, str]]:
        for n in range(1, 4):
            yield {"data": str(n)}

    return EventStreamResponse(numbers())


csrf = DefineMiddleware(CSRFMiddleware, secret=SECRET, httponly=False, secure=False)

# The middleware wraps the /features group only, so the benchmarked endpoints stay bare.
routes = [
    Include(
        "/features",
        routes=[
            Path("/group", group),
            Path("/large", large),
            Path("/stream", stream),
            Path("/upload", upload, methods=["POST"]),
            Path("/cookie", cookie),
            Path("/session", session),
            Path("/template", template),
            Path("/background", runs, methods=["GET"]),
            Path("/background", schedule, methods=["POST"]),
            Path("/lifespan", started),
            Path("/form", show_form, methods=["GET"], middleware=[csrf]),
            Path("/form", submit_form, methods=["POST"], middleware=[csrf]),
            Path("/sse", events),
        ],
        middleware=[
            DefineMiddleware(MarkMiddleware),
            DefineMiddleware(
                CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
            ),
            DefineMiddleware(GZipMiddleware, minimum_size=500),
            DefineMiddleware(SessionMiddleware, secret_key=SECRET),
        ],
    ),
    Include("/static", app=StaticFiles(directory="static"), name="static"),
]
