"""The Atlas example API in Ravyn: a controller, Pydantic models, an injected store, OpenAPI."""

from itertools import count

import features
from pydantic import BaseModel
from ravyn import (
    Controller,
    Gateway,
    HTTPException,
    Inject,
    Injects,
    NotFound,
    Ravyn,
    WebSocket,
    WebSocketGateway,
    get,
    post,
    websocket,
)
from ravyn.utils.enums import MediaType


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


class UserStore:
    """Users kept in memory, by id, with the set of their emails."""

    def __init__(self) -> None:
        self.by_id: dict[int, User] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    def add(self, data: UserIn) -> User:
        user = User(id=next(self.ids), **data.model_dump())
        self.by_id[user.id] = user
        self.emails.add(user.email)
        return user


store = UserStore()


def provide_store() -> UserStore:
    return store


class UserController(Controller):
    path = "/users"
    dependencies = {"users": Inject(provide_store)}

    @post("/")  # Ravyn answers POST with 201 Created by default; a bad body gets a 400
    async def create_user(self, data: UserIn, users: UserStore = Injects()) -> User:
        if data.email in users.emails:
            raise HTTPException(status_code=409, detail="email already registered")
        return users.add(data)

    @get("/{user_id:int}")
    async def get_user(self, user_id: int, users: UserStore = Injects()) -> User:
        if user_id not in users.by_id:
            raise NotFound("user not found")
        return users.by_id[user_id]


@get("/plaintext", media_type=MediaType.TEXT)
async def plaintext() -> str:
    return "Hello, World!"


@get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@websocket("/ws")
async def echo(socket: WebSocket) -> None:
    await socket.accept()
    async for message in socket.iter_text():
        await socket.send_text(message)


app = Ravyn(
    routes=[
        Gateway(handler=UserController),
        Gateway(handler=plaintext),
        Gateway(handler=json),
        WebSocketGateway(handler=echo),
        features.group,
    ],
    on_startup=[features.on_startup],
    static_files_config=features.static_files_config,
    template_config=features.template_config,
)

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
