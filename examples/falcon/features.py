"""Framework features of the Atlas example in Falcon (ASGI): resources under /features, and
`setup(app)` for the middleware, CORS, static route, start-up hook and SpecTree's OpenAPI (paths
in data/examples/falcon.yaml). Falcon has no route groups; the paths are spelled out."""

from collections.abc import AsyncIterator
from pathlib import Path

import falcon
import falcon.asgi
from spectree import SpecTree

state = {"started": False, "runs": 0}


class MarkMiddleware:
    async def process_startup(self, scope: dict, event: dict) -> None:
        state["started"] = True

    async def process_response(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, ok: bool
    ) -> None:
        resp.set_header("X-Atlas-Middleware", "falcon")


class StreamResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        async def lines() -> AsyncIterator[bytes]:
            for n in range(1, 4):
                yield f"line {n}\n".encode()

        resp.content_type = falcon.MEDIA_TEXT
        resp.stream = lines()


class UploadResource:
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        form = await req.get_media()
        async for part in form:
            if part.name == "file":
                resp.media = {"filename": part.filename, "size": len(await part.get_data())}


class CookieResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"atlas": req.cookies.get("atlas")}
        resp.set_cookie("atlas", "from-server", secure=False)


async def count_run() -> None:
    state["runs"] += 1


class BackgroundResource:
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.schedule(count_run)  # runs after the response is sent
        resp.status = falcon.HTTP_202
        resp.media = {"scheduled": "count_run"}

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"runs": state["runs"]}


class StartedResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"started": state["started"]}


# SpecTree (an add-on: Falcon has no OpenAPI of its own) documents every route ("greedy")
spec = SpecTree("falcon-asgi", title="Atlas example", version="1.0", mode="greedy", path="apidoc")


def setup(app: falcon.asgi.App) -> None:
    """Add the middleware, CORS, the static folder, the feature resources and the API docs."""
    app.add_middleware(MarkMiddleware())
    app.add_middleware(falcon.CORSMiddleware(allow_origins="https://client.example"))
    app.add_static_route("/static", str(Path(__file__).parent / "static"))
    app.add_route("/features/stream", StreamResource())
    app.add_route("/features/upload", UploadResource())
    app.add_route("/features/cookie", CookieResource())
    app.add_route("/features/background", BackgroundResource())
    app.add_route("/features/lifespan", StartedResource())
    spec.register(app)  # /apidoc/openapi.json, /apidoc/swagger, /apidoc/redoc
