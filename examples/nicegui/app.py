"""The Atlas example API in NiceGUI: routes on NiceGUI's FastAPI `app`, started by `ui.run()`.

NiceGUI's `app` is a FastAPI application, so the JSON API is written as FastAPI path operations
(Pydantic bodies, HTTPException) beside a `ui.page`; `ui.run()` starts Uvicorn with NiceGUI's
middleware (gzip, session storage). Start it with
`python app.py --host 127.0.0.1 --port 8000 --no-access-log --log-level warning`: the last two
are Uvicorn's own flags, passed on through ui.run().
"""

import argparse
from collections.abc import AsyncIterable

import features
from fastapi import HTTPException, WebSocket, status
from fastapi.responses import PlainTextResponse
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel

from nicegui import app, ui


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


users: dict[int, User] = {}
emails: set[str] = set()


@app.post("/users", status_code=status.HTTP_201_CREATED)
async def create_user(data: UserIn) -> User:
    if data.email in emails:
        raise HTTPException(status.HTTP_409_CONFLICT, "email already registered")
    user = User(id=len(users) + 1, **data.model_dump())
    users[user.id] = user
    emails.add(user.email)
    return user


@app.get("/users/{user_id}")
async def get_user(user_id: int) -> User:
    if user_id not in users:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "user not found")
    return users[user_id]


@app.get("/plaintext", response_class=PlainTextResponse)
async def plaintext() -> str:
    return "Hello, World!"


@app.get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(message)


@app.get("/sse", response_class=EventSourceResponse)
async def events() -> AsyncIterable[int]:
    for n in range(1, 4):
        yield n


@ui.page("/")
def index() -> None:
    ui.label("Hello, World!")
    ui.link("JSON", "/json")


features.setup()

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--no-access-log", action="store_true")
    parser.add_argument("--log-level", default="warning")  # ui.run()'s default for Uvicorn
    return parser.parse_known_args()[0]


if __name__ in {"__main__", "__mp_main__"}:
    args = arguments()
    ui.run(
        host=args.host,
        port=args.port,
        uvicorn_logging_level=args.log_level,
        access_log=not args.no_access_log,  # ui.run() passes extra keywords on to Uvicorn
        reload=False,
        show=False,
        fastapi_docs=True,
        storage_secret="atlas-example-not-a-secret",
        show_welcome_message=False,
    )
