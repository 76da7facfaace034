"""Framework features of the Atlas example in Connexion: a second spec, features.yaml, added under
the base path /features, and `setup(app)` for the app-wide ASGI middleware, among them Starlette's
CORS, GZip and session middleware, which the Connexion docs point to (paths in
data/examples/connexion.yaml). Connexion has no middleware per API: these wrap the whole app."""

import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from connexion import AsyncApp, request
from connexion.middleware import MiddlewarePosition
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

state = {"started": False}
runs = {"count": 0}
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@contextlib.asynccontextmanager
async def lifespan(app: AsyncApp) -> AsyncIterator[None]:
    state["started"] = True  # runs once, at start-up
    yield
    state["started"] = False  # and once at shutdown


class MarkMiddleware:
    """A pure ASGI middleware: adds a header to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def mark(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-atlas-middleware", b"connexion"),
                ]
            await send(message)

        await self.app(scope, receive, mark)


async def group() -> dict[str, str]:
    return {"group": "features"}


async def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


# A handler may return a Starlette response: Connexion then skips its own serialization and sends
# it as it is. The endpoints below use that for what Connexion has no API of its own for:
# streaming, background tasks, templates and setting a cookie.


async def stream() -> StreamingResponse:
    def lines() -> Iterator[str]:
        for n in range(1, 4):
            yield f"line {n}\n"

    return StreamingResponse(lines(), media_type="text/plain")


def count_run() -> None:
    runs["count"] += 1


async def background_runs() -> dict[str, int]:
    return {"runs": runs["count"]}


async def background_schedule() -> JSONResponse:
    return JSONResponse({"scheduled": True}, background=BackgroundTask(count_run))


async def template(name: str = "world") -> Response:
    return templates.TemplateResponse(request, "hello.html", {"name": name})


async def upload(file: UploadFile) -> dict[str, object]:
    return {"filename": file.filename, "size": len(await file.read())}


async def cookie() -> JSONResponse:
    response = JSONResponse({"atlas": request.cookies.get("atlas")})
    response.set_cookie("atlas", "from-server")
    return response


async def counter() -> dict[str, int]:
    session = request.session  # set by Starlette's SessionMiddleware
    session["count"] = session.get("count", 0) + 1
    return {"count": session["count"]}


async def lifespan_flag() -> dict[str, bool]:
    return {"started": state["started"]}


def setup(app: AsyncApp) -> None:
    """Add the features spec and the app-wide middleware."""
    app.add_api("features.yaml", base_path="/features")
    app.add_middleware(MarkMiddleware)
    app.add_middleware(
        CORSMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,  # as in the Connexion cookbook
        allow_origins=["https://client.example"],
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_middleware(GZipMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    app.add_middleware(
        SessionMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        secret_key="atlas-example-not-a-secret",
    )
