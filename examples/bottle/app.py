"""The Atlas example API in Bottle: route decorators on a Bottle app; returned dicts become JSON."""

from itertools import count

import features
from bottle import Bottle, request, response

app = Bottle()
features.mount(app)
users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


def error(status: int, detail: str) -> dict[str, str]:
    response.status = status
    return {"detail": detail}


@app.post("/users")
def create_user() -> dict[str, object]:
    try:
        data = request.json  # None unless the body is sent as application/json
    except ValueError:
        return error(400, "body must be JSON")
    if not isinstance(data, dict):
        return error(400, "body must be a JSON object")
    if not all(isinstance(data.get(key), str) for key in ("email", "name")):
        return error(422, "email and name must be text")
    if data["email"] in emails:
        return error(409, "email already registered")
    user = {"id": next(ids), "email": data["email"], "name": data["name"]}
    users[user["id"]] = user
    emails.add(data["email"])
    response.status = 201
    return user


@app.get("/users/<user_id:int>")
def get_user(user_id: int) -> dict[str, object]:
    if user_id not in users:
        return error(404, "user not found")
    return users[user_id]


@app.get("/plaintext")
def plaintext() -> str:
    response.content_type = "text/plain"
    return "Hello, World!"


@app.get("/json")
def json() -> dict[str, str]:
    return {"message": "Hello, World!"}

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
