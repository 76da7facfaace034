"""Framework features of the Atlas example in Litestar: a Router mounted at /features, and the
app-wide configuration (CORS, compression, sessions, CSRF, templates, middleware, startup hook)
passed to the app as `settings` (paths listed in data/examples/litestar.yaml)."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, Router, get, post
from litestar.background_tasks import BackgroundTask
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.config.csrf import CSRFConfig
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.datastructures import Cookie, MutableScopeHeaders, UploadFile
from litestar.dto import DataclassDTO, DTOConfig
from litestar.enums import RequestEncodingType
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.params import Body, Parameter
from litestar.response import Stream, Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import ASGIApp, Message, Receive, Scope, Send

state = {"started": False, "runs": 0}


def on_startup() -> None:
    state["started"] = True


def mark_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Atlas-Middleware"] = "litestar"
            await send(message)

        await app(scope, receive, send_marked)

    return middleware


@dataclass
class Account:
    id: int
    name: str
    secret: str


@get("/group")
async def group() -> dict[str, str]:
    return {"group": "features"}


@get("/profile", return_dto=DataclassDTO[Annotated[Account, DTOConfig(exclude={"secret"})]])
async def profile() -> Account:
    return Account(id=1, name="Ada", secret="not in the response DTO")


@get("/large")
async def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@get("/stream")
async def stream() -> Stream:
    return Stream(lines(), media_type="text/plain")


@post("/upload", status_code=200)
async def upload(
    data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)],
) -> dict[str, Any]:
    return {"filename": data.filename, "size": len(await data.read())}


@get("/cookie")
async def cookie(atlas: Annotated[str | None, Parameter(cookie="atlas")] = None) -> Response:
    return Response({"atlas": atlas}, cookies=[Cookie(key="atlas", value="from-server")])


@get("/session")
async def session(request: Request) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


@get("/form")
async def form() -> Template:
    return Template("form.html")


@post("/form")
async def submit_form() -> dict[str, str]:
    return {"posted": "with a valid token"}


@get("/template")
async def template(name: str = "world") -> Template:
    return Template("hello.html", context={"name": name})


def count_run() -> None:
    state["runs"] += 1


@post("/background", status_code=202)
async def schedule() -> Response:
    return Response({"scheduled": "count_run"}, background=BackgroundTask(count_run))


@get("/background")
async def runs() -> dict[str, int]:
    return {"runs": state["runs"]}


@get("/lifespan")
async def started() -> dict[str, bool]:
    return {"started": bool(state["started"])}


# Router-level middleware: the benchmarked endpoints outside /features stay bare.
router = Router(
    path="/features",
    middleware=[mark_middleware, ServerSideSessionConfig().middleware],
    route_handlers=[
        group,
        profile,
        large,
        stream,
        upload,
        cookie,
        session,
        form,
        submit_form,
        template,
        schedule,
        runs,
        started,
    ],
)
static = create_static_files_router(path="/static", directories=["static"])

settings: dict[str, Any] = {
    "on_startup": [on_startup],
    "cors_config": CORSConfig(allow_origins=["https://client.example"]),
    "compression_config": CompressionConfig(backend="gzip", minimum_size=500),
    # JSON API routes are not form posts: only the form under /features/form needs a token
    "csrf_config": CSRFConfig(secret="atlas-example-not-a-secret", exclude=["^/(?!features/form)"]),
    "template_config": TemplateConfig(directory=Path("templates"), engine=JinjaTemplateEngine),
}
