"""Framework features of the Atlas example in Ravyn: an `Include` at /features with its own
middleware, a CSRF-protected form, and the app-wide static files, templates and startup hook
passed to the app (paths listed in data/examples/ravyn.yaml)."""

from collections.abc import AsyncIterator, Iterator
from typing import Any

from lilya.datastructures import Header
from lilya.middleware import DefineMiddleware as LilyaMiddleware
from ravyn import (
    BackgroundTask,
    Cookie,
    File,
    Gateway,
    Include,
    MiddlewareProtocol,
    Request,
    StaticFilesConfig,
    Template,
    UploadFile,
    get,
    post,
)
from ravyn.core.config.template import TemplateConfig
from ravyn.core.datastructures import Cookie as ResponseCookie
from ravyn.middleware import CSRFMiddleware, GZipMiddleware
from ravyn.middleware.cors import CORSMiddleware
from ravyn.middleware.sessions import SessionMiddleware
from ravyn.responses import EventStreamResponse, StreamingResponse
from ravyn.types import ASGIApp, Message, Receive, Scope, Send

SECRET = "atlas-example-not-a-secret"
state = {"started": False, "runs": 0}


def on_startup() -> None:
    state["started"] = True


class MarkMiddleware(MiddlewareProtocol):
    """A pure ASGI middleware that marks every response of the group."""

    def __init__(self, app: ASGIApp, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                Header.ensure_header_instance(message)["X-Atlas-Middleware"] = "ravyn"
            await send(message)

        await self.app(scope, receive, send_marked)


@get("/group")
async def group_route() -> dict[str, str]:
    return {"group": "features"}


@get("/large")
async def large() -> dict[str, str]:
    return {"text": "Hello, World! " * 200}


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@get("/stream")
async def stream() -> StreamingResponse:
    return StreamingResponse(lines(), media_type="text/plain")


@post("/upload", status_code=200)
async def upload(data: dict[str, Any] = File()) -> dict[str, Any]:
    # the whole form as a mapping: a lone `file: UploadFile = File()` answers 500 to a form that
    # also carries text fields (Ravyn 0.4.3)
    file: UploadFile = data["file"]
    return {"filename": file.filename, "size": len(await file.read())}


@get("/cookie", response_cookies=[ResponseCookie(key="atlas", value="from-server")])
async def cookie(atlas: str | None = Cookie(value="atlas", required=False)) -> dict[str, Any]:
    return {"atlas": atlas}


@get("/session")
async def session(request: Request) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


@get("/template")
async def template(name: str = "world") -> Template:
    return Template(name="hello.html", context={"name": name})


@get("/form")
async def show_form(request: Request) -> Template:
    # CSRFMiddleware sets the signed `csrftoken` cookie on a safe request that lacks it (so from
    # the second load on), and the form sends it back in the hidden `csrf_token` field.
    return Template(name="form.html", context={"token": request.cookies.get("csrftoken", "")})


@post("/form", status_code=200)
async def submit_form() -> dict[str, str]:
    return {"posted": "with a valid token"}


def count_run() -> None:
    state["runs"] += 1


@post("/background", status_code=202, background=BackgroundTask(count_run))
async def schedule() -> dict[str, str]:
    return {"scheduled": "count_run"}


@get("/background")
async def runs() -> dict[str, int]:
    return {"runs": state["runs"]}


@get("/lifespan")
async def started() -> dict[str, bool]:
    return {"started": bool(state["started"])}


@get("/sse")
async def events() -> EventStreamResponse:
    async def numbers() -> AsyncIterator[dict[str, str]]:
        for n in range(1, 4):
            yield {"data": str(n)}

    return EventStreamResponse(numbers())


csrf = LilyaMiddleware(CSRFMiddleware, secret=SECRET, httponly=False, secure=False)

# The middleware wraps the /features group only, so the benchmarked endpoints stay bare.
group = Include(
    "/features",
    routes=[
        Gateway(handler=group_route),
        Gateway(handler=large),
        Gateway(handler=stream),
        Gateway(handler=upload),
        Gateway(handler=cookie),
        Gateway(handler=session),
        Gateway(handler=template),
        Gateway(handler=show_form, middleware=[csrf]),
        Gateway(handler=submit_form, middleware=[csrf]),
        Gateway(handler=schedule),
        Gateway(handler=runs),
        Gateway(handler=started),
        Gateway(handler=events),
    ],
    middleware=[
        LilyaMiddleware(MarkMiddleware),
        LilyaMiddleware(
            CORSMiddleware, allow_origins=["https://client.example"], allow_methods=["*"]
        ),
        LilyaMiddleware(GZipMiddleware, minimum_size=500),
        LilyaMiddleware(SessionMiddleware, secret_key=SECRET),
    ],
)
static_files_config = StaticFilesConfig(path="/static", directory="static")
template_config = TemplateConfig(directory="templates")
