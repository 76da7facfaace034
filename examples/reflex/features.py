"""Framework features of the Atlas example in Reflex, one small endpoint each.

The endpoints are FastAPI routes under /features on the app that Reflex takes as its
`api_transformer`: the route group, the response model, the streamed body and the Jinja2 page
are FastAPI's, which Reflex's own backend does not offer. The middleware is the other kind of
transformer Reflex accepts, a callable that wraps the backend's ASGI app; the startup flag is set
by a Reflex lifespan task. CORS comes from `cors_allowed_origins` in rxconfig.py.
data/examples/reflex.yaml lists the path of each feature.
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HERE = Path(__file__).resolve().parent  # templates/ sits beside this module, whatever the cwd
router = APIRouter(prefix="/features")
templates = Jinja2Templates(directory=HERE / "templates")
state = {"started": False}


@asynccontextmanager
async def started() -> AsyncIterator[None]:
    state["started"] = True
    yield


class MarkMiddleware:
    """ASGI middleware that adds X-Atlas-Middleware to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Atlas-Middleware"] = "reflex"
            await send(message)

        await self.app(scope, receive, marked)


class Profile(BaseModel):
    id: int
    name: str


@router.get("/profile", response_model=Profile)
async def profile() -> dict[str, object]:
    return {"id": 1, "name": "Ada", "secret": "not in the response model"}


@router.get("/group")
async def group() -> dict[str, str]:
    return {"group": "features"}


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@router.get("/stream")
async def stream() -> StreamingResponse:
    return StreamingResponse(lines(), media_type="text/plain")


@router.get("/template")
async def template(request: Request, name: str = "world") -> Response:
    return templates.TemplateResponse(request, "hello.html", {"name": name})


@router.get("/lifespan")
async def lifespan() -> dict[str, object]:
    return {"started": state["started"]}
