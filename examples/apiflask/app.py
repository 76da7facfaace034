"""The Atlas example API in APIFlask: Flask views with input and output schemas, which also feed
the generated OpenAPI document (/openapi.json) and its Swagger UI (/docs)."""

from itertools import count

import features
from apiflask import APIFlask, Schema, abort
from apiflask.fields import Integer, String
from flask import Response
from flask_sock import Server, Sock

app = APIFlask(__name__, title="Atlas example", version="1.0")
sock = Sock(app)
features.setup(app)
users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UserIn(Schema):
    email = String(required=True)
    name = String(required=True)


class UserOut(Schema):
    id = Integer()
    email = String()
    name = String()


@app.post("/users")
@app.input(UserIn)  # a bad body gets a 422 that names the fields
@app.output(UserOut, status_code=201)
def create_user(json_data: dict[str, str]) -> dict[str, object]:
    if json_data["email"] in emails:
        abort(409, "email already registered")
    user = {"id": next(ids), **json_data}
    users[user["id"]] = user
    emails.add(json_data["email"])
    return user


@app.get("/users/<int:user_id>")
@app.output(UserOut)
def get_user(user_id: int) -> dict[str, object]:
    if user_id not in users:
        abort(404, "user not found")
    return users[user_id]


@app.get("/plaintext")
def plaintext() -> Response:
    return Response("Hello, World!", mimetype="text/plain")


@app.get("/json")
def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@sock.route("/ws")  # flask-sock: needs a threaded server (Gunicorn with --threads)
def echo(ws: Server) -> None:
    while True:
        ws.send(ws.receive())


# --- database endpoints (TechEmpower tests): see db.py ---
from db import bp as db_blueprint  # noqa: E402

app.register_blueprint(db_blueprint)
# --- end database endpoints ---
