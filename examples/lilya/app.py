"""The Atlas example API in Lilya: `Path` routes, a Pydantic body read by `infer_body`, OpenAPI."""

from itertools import count

import features
from lilya._internal._exception_handlers import handle_value_error
from lilya.apps import Lilya
from lilya.contrib.openapi.decorator import openapi
from lilya.responses import JSONResponse, PlainText
from lilya.routing import Path, WebSocketPath
from lilya.websockets import WebSocket
from pydantic import BaseModel


class UserIn(BaseModel):
    email: str
    name: str


users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@openapi(summary="Register a user", request_body=UserIn)
async def create_user(user: UserIn) -> JSONResponse:
    # infer_body=True: Lilya builds `user` from the JSON body; a bad body raises Pydantic's
    # ValidationError (a ValueError), which Lilya's handle_value_error turns into a 400.
    if user.email in emails:
        return JSONResponse({"detail": "email already registered"}, status_code=409)
    record = {"id": next(ids), **user.model_dump()}
    users[record["id"]] = record  # type: ignore[index]
    emails.add(user.email)
    return JSONResponse(record, status_code=201)


@openapi(summary="Read a user")
async def get_user(user_id: int) -> JSONResponse:
    if user_id not in users:
        return JSONResponse({"detail": "user not found"}, status_code=404)
    return JSONResponse(users[user_id])


async def plaintext() -> PlainText:
    return PlainText("Hello, World!")


async def json() -> JSONResponse:
    return JSONResponse({"message": "Hello, World!"})


async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


app = Lilya(
    routes=[
        Path("/users", create_user, methods=["POST"]),
        Path("/users/{user_id:int}", get_user),
        Path("/plaintext", plaintext),
        Path("/json", json),
        WebSocketPath("/ws", echo),
        *features.routes,
    ],
    infer_body=True,
    exception_handlers={ValueError: handle_value_error},
    enable_openapi=True,
    lifespan=features.lifespan,
)

# --- database endpoints (TechEmpower tests): see db.py ---
from db import routes as db_routes  # noqa: E402

app.router.routes.extend(db_routes)
# --- end database endpoints ---
