"""Framework features of the Atlas example in BlackSheep: a controller routed at /features, and
`setup(app)` for the app-wide parts (listed in data/examples/blacksheep.yaml).

Anti-forgery validation is middleware, and BlackSheep middleware is app-wide: the form lives in a
child app mounted at /features/csrf, so the parent's POST /users is not validated."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

from blacksheep import Application, Cookie, Request, Response, StreamedContent, json
from blacksheep.server.compression import use_gzip_compression
from blacksheep.server.controllers import Controller, get, post
from blacksheep.server.csrf import use_anti_forgery
from blacksheep.server.rendering.jinja2 import JinjaRenderer
from blacksheep.server.routing import Router
from blacksheep.server.responses import view
from blacksheep.settings.html import html_settings
from jinja2 import FileSystemLoader

state = {"started": False, "runs": 0}
tasks: set[asyncio.Task[None]] = set()


async def count_run() -> None:
    state["runs"] += 1


class Features(Controller):
    @classmethod
    def route(cls) -> str:
        return "/features"

    @get("/group")
    async def group(self) -> Response:
        return json({"group": "features"})

    @get("/large")
    async def large(self) -> Response:
        return json({"text": "Hello, World! " * 200})

    @get("/stream")
    async def stream(self) -> Response:
        async def lines() -> AsyncIterator[bytes]:
            for n in range(1, 4):
                yield f"line {n}\n".encode()

        return Response(200, content=StreamedContent(b"text/plain", lines))

    @post("/upload")
    async def upload(self, request: Request) -> Response:
        file = (await request.files("file"))[0]
        return json({"filename": file.file_name.decode(), "size": len(file.data)})

    @get("/cookie")
    async def cookie(self, request: Request) -> Response:
        response = json({"atlas": request.cookies.get("atlas")})
        response.set_cookie(Cookie("atlas", "from-server"))
        return response

    @get("/session")
    async def session(self, request: Request) -> Response:
        request.session["count"] = request.session.get("count", 0) + 1
        return json({"count": request.session["count"]})

    @get("/template")
    async def template(self, name: str = "world") -> Response:
        return view("hello", {"name": name})

    @post("/background")
    async def schedule(self) -> Response:
        # BlackSheep has no after-response API; its docs start work with asyncio.create_task()
        task = asyncio.create_task(count_run())
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return json({"scheduled": "count_run"}, status=202)

    @get("/background")
    async def runs(self) -> Response:
        return json({"runs": state["runs"]})

    @get("/lifespan")
    async def started(self) -> Response:
        return json({"started": state["started"]})


async def mark(request: Request, handler: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await handler(request)
    response.add_header(b"X-Atlas-Middleware", b"blacksheep")
    return response


forms = Application(router=Router())  # its own router: the default one is the main app's


@forms.router.get("/")
async def form(request: Request) -> Response:
    return view("form", {}, request=request)


@forms.router.post("/")
async def submit(request: Request) -> Response:  # reached only with a valid token
    return json({"posted": "with a valid token"})


def setup(app: Application) -> None:
    """Add the app-wide features to the application."""

    @app.on_start
    async def on_start(application: Application) -> None:
        state["started"] = True

    app.middlewares.append(mark)
    app.use_cors(allow_methods="*", allow_origins="https://client.example", allow_headers="*")
    use_gzip_compression(app)
    app.use_sessions("atlas-example-not-a-secret")
    app.serve_files("static", root_path="static")
    html_settings.use(JinjaRenderer(loader=FileSystemLoader("templates")))
    use_anti_forgery(forms)  # after the renderer: it adds the af_input tag to Jinja
    app.mount("/features/csrf", forms)
