"""The Atlas example API in socketify.py: `(res, req)` handlers on socketify's own uWebSockets
server, started by its CLI (`python -m socketify app:run`), which builds the App and calls `run`."""

from itertools import count

import db
import features
from socketify import App, OpCode, WebSocket

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


async def create_user(res, req) -> None:
    try:
        data = await res.get_json()
    except ValueError:
        res.send({"detail": "body must be JSON"}, status=400)
        return
    if not isinstance(data, dict):
        res.send({"detail": "body must be a JSON object"}, status=422)
        return
    fields = {key: data.get(key) for key in ("email", "name")}
    bad = [key for key, value in fields.items() if not isinstance(value, str)]
    if bad:
        res.send({"detail": f"missing or not text: {', '.join(bad)}"}, status=422)
        return
    if fields["email"] in emails:
        res.send({"detail": "email already registered"}, status=409)
        return
    user = {"id": next(ids), **fields}
    users[user["id"]] = user
    emails.add(fields["email"])
    res.send(user, status=201)


def get_user(res, req) -> None:
    raw = req.get_parameter(0)
    user = users.get(int(raw)) if raw.isdigit() else None
    if user is None:
        res.send({"detail": "user not found"}, status=404)
        return
    res.send(user)


def plaintext(res, req) -> None:
    res.send("Hello, World!")  # text/plain is send()'s default content type


def json(res, req) -> None:
    res.send({"message": "Hello, World!"})  # a dict is sent as application/json


def echo(ws: WebSocket, message: str | bytes, opcode: OpCode) -> None:
    ws.send(message, opcode)


def run(app: App) -> None:
    """Called by the socketify CLI with the App it created (host, port, workers come from it)."""
    app.post("/users", create_user)
    app.get("/users/:user_id", get_user)
    app.get("/plaintext", plaintext)
    app.get("/json", json)
    app.ws("/ws", {"message": echo})
    features.setup(app)
    db.register(app)  # database endpoints (TechEmpower tests): see db.py
