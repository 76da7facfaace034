"""The Atlas example API in Reflex: a FastAPI app joined to Reflex's backend by `api_transformer`.

Reflex's own backend carries state events over its WebSocket and has no HTTP route API, so the
JSON API is a FastAPI app passed as `api_transformer`, as Reflex's API routes page shows; Reflex
mounts its own backend inside it. Only the backend runs here (`reflex run --env prod
--backend-only`): the UI page is compiled, but no JavaScript toolchain builds the frontend.
"""

from collections.abc import AsyncIterable

import features
import reflex as rx
from fastapi import FastAPI, HTTPException, WebSocket, status
from fastapi.responses import PlainTextResponse
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


users: dict[int, User] = {}
emails: set[str] = set()
api = FastAPI(title="Atlas example")


@api.post("/users", status_code=status.HTTP_201_CREATED)
async def create_user(data: UserIn) -> User:
    if data.email in emails:
        raise HTTPException(status.HTTP_409_CONFLICT, "email already registered")
    user = User(id=len(users) + 1, **data.model_dump())
    users[user.id] = user
    emails.add(user.email)
    return user


@api.get("/users/{user_id}")
async def get_user(user_id: int) -> User:
    if user_id not in users:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "user not found")
    return users[user_id]


@api.get("/plaintext", response_class=PlainTextResponse)
async def plaintext() -> str:
    return "Hello, World!"


@api.get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@api.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


@api.get("/sse", response_class=EventSourceResponse)
async def events() -> AsyncIterable[int]:
    for n in range(1, 4):
        yield n


api.include_router(features.router)

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

api.include_router(db.router)
# --- end database endpoints ---


def index() -> rx.Component:
    return rx.text("Hello, World!")


app = rx.App(api_transformer=[api, features.MarkMiddleware])
app.add_page(index)
app.register_lifespan_task(features.started)
