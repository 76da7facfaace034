"""Framework features of the Atlas example in Panther: the middleware the app's `MIDDLEWARES`
names, a `/features` URL group and the start-up event (paths in data/examples/panther.yaml).

Panther's OpenAPI views (`panther.openapi.urls`) are left out: in 5.5.0 generating the document
fails (HTTP 500) as soon as the URL dict holds a `GenericWebsocket` class, as this app's /ws does.
"""

from collections.abc import Iterator

from panther import status
from panther.app import API
from panther.background_tasks import BackgroundTask
from panther.events import Event
from panther.file_handler import File
from panther.middlewares import HTTPMiddleware
from panther.request import Request
from panther.response import Cookie, Response, StreamingResponse, TemplateResponse
from pydantic import BaseModel

__all__ = ["MarkMiddleware", "url_routing"]

state = {"started": False, "runs": 0}


@Event.startup
def started() -> None:
    state["started"] = True


class MarkMiddleware(HTTPMiddleware):
    async def __call__(self, request: Request) -> Response:
        response = await self.dispatch(request=request)
        response.headers["X-Atlas-Middleware"] = "panther"
        return response


@API(methods=["GET"])
async def group() -> Response:
    return Response({"group": "features"})


class Profile(BaseModel):
    name: str


@API(methods=["GET"], output_model=Profile)
async def profile() -> Response:
    return Response({"name": "Ada", "secret": "dropped by the output model"})


def lines() -> Iterator[bytes]:
    for n in range(1, 4):
        yield f"line {n}\n".encode()


@API(methods=["GET"])
async def stream() -> StreamingResponse:
    return StreamingResponse(lines())


class Upload(BaseModel):
    file: File


@API(methods=["POST"], input_model=Upload)
async def upload(request: Request) -> Response:
    file = request.validated_data.file
    return Response({"filename": file.file_name, "size": file.size})


@API(methods=["GET"])
async def cookie(request: Request) -> Response:
    received = request.headers.get_cookies().get("atlas")
    return Response({"atlas": received}, set_cookies=Cookie(key="atlas", value="from-server"))


@API(methods=["GET"])
async def template(request: Request) -> TemplateResponse:
    name = request.query_params.get("name", "world")
    return TemplateResponse(name="hello.html", context={"name": name})


def count_run() -> None:
    state["runs"] += 1


@API(methods=["GET", "POST"])
async def background(request: Request) -> Response:
    if request.method == "POST":
        BackgroundTask(count_run).submit()  # runs once on Panther's background-task thread
        return Response({"scheduled": "count_run"}, status_code=status.HTTP_202_ACCEPTED)
    return Response({"runs": state["runs"]})


@API(methods=["GET"])
async def lifespan() -> Response:
    return Response({"started": state["started"]})


url_routing = {
    "group": group,
    "profile": profile,
    "stream": stream,
    "upload": upload,
    "cookie": cookie,
    "template": template,
    "background": background,
    "lifespan": lifespan,
}
