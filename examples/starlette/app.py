"""The Atlas example API in Starlette: plain async endpoints, a route table, hand-written checks."""

from itertools import count

import features
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


async def create_user(request: Request) -> JSONResponse:
    """
    summary: Register a user
    responses:
      201:
        description: The user, with its id.
    """
    try:
        data = await request.json()
    except ValueError:
        return JSONResponse({"detail": "body must be JSON"}, status_code=400)
    if not isinstance(data, dict):
        return JSONResponse({"detail": "body must be a JSON object"}, status_code=422)
    fields = {key: data.get(key) for key in ("email", "name")}
    bad = [key for key, value in fields.items() if not isinstance(value, str)]
    if bad:
        return JSONResponse({"detail": f"missing or not text: {', '.join(bad)}"}, status_code=422)
    if fields["email"] in emails:
        return JSONResponse({"detail": "email already registered"}, status_code=409)
    user = {"id": next(ids), **fields}
    users[user["id"]] = user
    emails.add(fields["email"])
    return JSONResponse(user, status_code=201)


async def get_user(request: Request) -> JSONResponse:
    user = users.get(request.path_params["user_id"])
    if user is None:
        return JSONResponse({"detail": "user not found"}, status_code=404)
    return JSONResponse(user)


async def plaintext(request: Request) -> PlainTextResponse:
    return PlainTextResponse("Hello, World!")


async def json(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello, World!"})


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


app = Starlette(
    routes=[
        Route("/users", create_user, methods=["POST"]),
        Route("/users/{user_id:int}", get_user),
        Route("/plaintext", plaintext),
        Route("/json", json),
        WebSocketRoute("/ws", echo),
        *features.routes,
    ],
    lifespan=features.lifespan,
)

# --- database endpoints (TechEmpower tests): see db.py ---
from db import routes as db_routes  # noqa: E402

app.router.routes.extend(db_routes)
# --- end database endpoints ---
