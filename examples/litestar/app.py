"""The Atlas example API in Litestar: a controller, msgspec structs, dependency injection."""

from collections.abc import AsyncIterator
from itertools import count

import features
import msgspec
from litestar import Controller, Litestar, MediaType, get, post, websocket_listener
from litestar.di import Provide
from litestar.exceptions import HTTPException, NotFoundException
from litestar.response import ServerSentEvent
from litestar.status_codes import HTTP_409_CONFLICT


class UserIn(msgspec.Struct):
    email: str
    name: str


class User(msgspec.Struct):
    id: int
    email: str
    name: str


class UserStore:
    """Users kept in memory, by id, with the set of their emails."""

    def __init__(self) -> None:
        self.by_id: dict[int, User] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    def email_taken(self, email: str) -> bool:
        return email in self.emails

    def add(self, data: UserIn) -> User:
        user = User(id=next(self.ids), email=data.email, name=data.name)
        self.by_id[user.id] = user
        self.emails.add(user.email)
        return user


store = UserStore()


def provide_store() -> UserStore:
    return store


class UserController(Controller):
    path = "/users"
    dependencies = {"users": Provide(provide_store, sync_to_thread=False)}

    @post()  # Litestar answers POST with 201 Created by default
    async def create_user(self, data: UserIn, users: UserStore) -> User:
        if users.email_taken(data.email):
            raise HTTPException(status_code=HTTP_409_CONFLICT, detail="email already registered")
        return users.add(data)

    @get("/{user_id:int}")
    async def get_user(self, user_id: int, users: UserStore) -> User:
        if user_id not in users.by_id:
            raise NotFoundException(detail="user not found")
        return users.by_id[user_id]


@get("/plaintext", media_type=MediaType.TEXT)
async def plaintext() -> str:
    return "Hello, World!"


@get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@websocket_listener("/ws")
async def echo(data: str) -> str:
    return data


async def numbers() -> AsyncIterator[str]:
    for n in range(1, 4):
        yield str(n)


@get("/sse")
async def events() -> ServerSentEvent:
    return ServerSentEvent(numbers())


app = Litestar(
    route_handlers=[
        UserController,
        plaintext,
        json,
        echo,
        events,
        features.router,
        features.static,
    ],
    **features.settings,
)

# --- database endpoints (TechEmpower tests): see db.py ---
from db import route_handlers as db_handlers  # noqa: E402

for handler in db_handlers:
    app.register(handler)
# --- end database endpoints ---
