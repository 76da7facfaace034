"""The Atlas example API in FastAPI: Pydantic models, a dependency for storage, OpenAPI."""

from collections.abc import AsyncIterable
from typing import Annotated

import features
from fastapi import Depends, FastAPI, HTTPException, WebSocket, status
from fastapi.responses import PlainTextResponse
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


class UserStore:
    """Users kept in memory, by id and by email."""

    def __init__(self) -> None:
        self.by_id: dict[int, User] = {}
        self.emails: set[str] = set()

    def add(self, data: UserIn) -> User:
        user = User(id=len(self.by_id) + 1, **data.model_dump())
        self.by_id[user.id] = user
        self.emails.add(user.email)
        return user


store = UserStore()


def get_store() -> UserStore:
    return store


Store = Annotated[UserStore, Depends(get_store)]
app = FastAPI(title="Atlas example", lifespan=features.lifespan)
features.setup(app)


@app.post("/users", status_code=status.HTTP_201_CREATED)
async def create_user(data: UserIn, users: Store) -> User:
    if data.email in users.emails:
        raise HTTPException(status.HTTP_409_CONFLICT, "email already registered")
    return users.add(data)


@app.get("/users/{user_id}")
async def get_user(user_id: int, users: Store) -> User:
    if user_id not in users.by_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "user not found")
    return users.by_id[user_id]


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


# --- database endpoints (TechEmpower tests): see db.py ---
from db import router as db_router  # noqa: E402

app.include_router(db_router)
# --- end database endpoints ---
