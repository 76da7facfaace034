"""The Atlas example API in Emmett: routes with pipes (`service.json`, `sse`), a WebSocket route.

Emmett apps speak RSGI and ASGI; `emmett serve` runs them on Granian.
"""

from collections.abc import AsyncIterator
from itertools import count

from emmett import App, request, response, websocket
from emmett.tools import service, sse

app = App(__name__)
users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@app.route("/users", methods="post")
@service.json
async def create_user() -> dict[str, object]:
    data = await request.body_params
    if not all(isinstance(data.get(key), str) for key in ("email", "name")):
        response.status = 422
        return {"detail": "email and name must be text"}
    if data.email in emails:
        response.status = 409
        return {"detail": "email already registered"}
    user = {"id": next(ids), "email": data.email, "name": data.name}
    users[user["id"]] = user
    emails.add(data.email)
    response.status = 201
    return user


@app.route("/users/<int:user_id>", methods="get")
@service.json
async def get_user(user_id: int) -> dict[str, object]:
    if user_id not in users:
        response.status = 404
        return {"detail": "user not found"}
    return users[user_id]


@app.route("/plaintext", methods="get")
async def plaintext() -> str:
    response.content_type = "text/plain"
    return "Hello, World!"


@app.route("/json", methods="get")
@service.json
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.websocket("/ws")
async def echo() -> None:
    while True:
        message = await websocket.receive()
        await websocket.send(message)


@app.route("/sse", methods="get")
@sse()
async def events() -> AsyncIterator[sse.Event]:
    for n in range(1, 4):
        yield sse.Event(data=str(n))


import features  # noqa: E402, F401  (the feature routes; they import `app` from here)
# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
