"""Framework features of the Atlas example in Bottle: a second Bottle app mounted at /features/
(wrapped in Beaker's session middleware), with a hook, the CORS plugin the data names and webargs'
Bottle parser for JSON bodies (paths in data/examples/bottle.yaml)."""

import json
from collections.abc import Iterator
from pathlib import Path

from beaker.middleware import SessionMiddleware
from bottle import Bottle, HTTPError, request, response, static_file, template
from bottle_cors_plugin import cors_plugin
from marshmallow import Schema, fields
from webargs.bottleparser import use_args

HERE = Path(__file__).parent
features = Bottle()
features.install(cors_plugin(["https://client.example"]))


@features.hook("after_request")
def mark() -> None:
    response.set_header("X-Atlas-Middleware", "bottle")


@features.route("/group", method=["GET", "OPTIONS"])  # the plugin answers the preflight
def group() -> dict[str, str]:
    return {"group": "features"}


class UserSchema(Schema):
    email = fields.String(required=True)
    name = fields.String(required=True)


@features.post("/users")
@use_args(UserSchema, location="json")  # a bad body is refused with 422 and the field errors
def create_user(data: dict[str, str]) -> dict[str, str]:
    response.status = 201
    return data


@features.error(422)
def invalid(error: HTTPError) -> str:  # webargs' messages as JSON, not Bottle's HTML error page
    response.content_type = "application/json"
    return json.dumps(error.body)


@features.get("/stream")
def stream() -> Iterator[str]:
    response.content_type = "text/plain"
    for n in range(1, 4):
        yield f"line {n}\n"


@features.post("/upload")
def upload() -> dict[str, object]:
    file = request.files.get("file")
    return {"filename": file.raw_filename, "size": len(file.file.read())}


@features.get("/cookie")
def cookie() -> dict[str, str | None]:
    response.set_cookie("atlas", "from-server")
    return {"atlas": request.get_cookie("atlas")}


@features.get("/session")
def session() -> dict[str, int]:
    data = request.environ["beaker.session"]
    data["count"] = data.get("count", 0) + 1
    data.save()
    return {"count": data["count"]}


@features.get("/template")
def hello() -> str:
    return template("hello", name=request.query.get("name", "world"))  # views/hello.tpl


def static(path: str) -> object:
    return static_file(path, root=HERE / "static")


def mount(app: Bottle) -> None:
    """Mount the features app (with sessions) and the static route on ``app``."""
    sessions = {"session.type": "memory", "session.auto": False}
    app.mount("/features/", SessionMiddleware(features, sessions))
    app.route("/static/<path:path>", callback=static)
