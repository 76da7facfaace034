"""Framework features of the Atlas example in Robyn: a SubRouter with the prefix /features, and
`setup(app)` for the app-wide parts (listed in data/examples/robyn.yaml)."""

from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import unquote

from pydantic import BaseModel
from robyn import ALLOW_CORS, Request, Response, Robyn, StreamingResponse, SubRouter, jsonify
from robyn.templating import JinjaTemplate

HERE = Path(__file__).parent
features = SubRouter(prefix="/features")
templates = JinjaTemplate(str(HERE / "templates"))
state = {"started": False}


class Profile(BaseModel):
    id: int
    name: str


def json_response(body: object) -> Response:
    return Response(200, {"Content-Type": "application/json"}, description=jsonify(body))


@features.get("/group")
async def group() -> dict[str, str]:
    return {"group": "features"}


@features.get("/profile")
async def profile() -> Profile:
    return Profile.model_validate({"id": 1, "name": "Ada", "secret": "not in the model"})


def lines() -> Iterator[str]:
    for n in range(1, 4):
        yield f"line {n}\n"


@features.get("/stream")
async def stream() -> StreamingResponse:
    return StreamingResponse(lines(), media_type="text/plain")


@features.post("/upload")
async def upload(request: Request) -> Response:
    name, data = next(iter(request.files.items()))
    return json_response({"filename": name, "size": len(data)})


@features.get("/cookie")
async def cookie(request: Request) -> Response:
    jar = SimpleCookie(request.headers.get("cookie") or "")  # no parsed cookie map in Robyn
    response = json_response({"atlas": jar["atlas"].value if "atlas" in jar else None})
    response.set_cookie("atlas", "from-server")
    return response


@features.get("/session")
async def session(request: Request) -> dict[str, int]:
    request.session["count"] = request.session.get("count", 0) + 1
    return {"count": request.session["count"]}


@features.get("/template")
async def template(request: Request) -> Response:
    name = unquote(request.query_params.get("name", "world"))  # Robyn 0.88 leaves %XX as is
    return templates.render_template("hello.html", name=name)


@features.get("/lifespan")
async def started() -> dict[str, bool]:
    return {"started": bool(state["started"])}


def setup(app: Robyn) -> None:
    """Add the app-wide features to the application."""

    @app.startup_handler
    async def on_startup() -> None:
        state["started"] = True

    @app.after_request()
    def mark(response: Response) -> Response:
        response.headers.set("X-Atlas-Middleware", "robyn")
        return response

    ALLOW_CORS(app, origins=["https://client.example"])
    app.serve_directory("/static", str(HERE / "static"))
    app.configure_sessions(secret_key="atlas-example-not-a-secret")
    app.include_router(features)
