"""The Atlas example API in BlackSheep: a controller with injected storage, OpenAPI docs."""

from collections.abc import AsyncIterable
from itertools import count

import features
from blacksheep import Application, FromJSON, Response, WebSocket, json, text
from blacksheep.server.controllers import Controller, get, post
from blacksheep.server.openapi.v3 import OpenAPIHandler
from blacksheep.server.sse import ServerSentEvent
from openapidocs.v3 import Info
from pydantic import BaseModel


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


class UserStore:
    """Users kept in memory, by id, and the set of their emails."""

    def __init__(self) -> None:
        self.by_id: dict[int, User] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    def email_taken(self, email: str) -> bool:
        return email in self.emails

    def add(self, data: UserIn) -> User:
        user = User(id=next(self.ids), **data.model_dump())
        self.by_id[user.id] = user
        self.emails.add(user.email)
        return user


app = Application()
app.services.add_singleton(UserStore)  # one store, injected into the controller
docs = OpenAPIHandler(info=Info(title="Atlas example", version="1.0.0"))
docs.bind_app(app)
features.setup(app)


class Users(Controller):
    @classmethod
    def route(cls) -> str:
        return "/users"

    def __init__(self, users: UserStore) -> None:
        self.users = users

    @post()
    async def create_user(self, data: FromJSON[UserIn]) -> Response:
        if self.users.email_taken(data.value.email):
            return json({"detail": "email already registered"}, status=409)
        return json(self.users.add(data.value).model_dump(), status=201)

    @get("/{user_id}")
    async def get_user(self, user_id: int) -> Response:
        if user_id not in self.users.by_id:
            return json({"detail": "user not found"}, status=404)
        return json(self.users.by_id[user_id].model_dump())


@app.router.get("/plaintext")
async def plaintext() -> Response:
    return text("Hello, World!")


@app.router.get("/json")
async def hello_json() -> Response:
    return json({"message": "Hello, World!"})


@app.router.ws("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    while True:
        message = await websocket.receive_text()
        await websocket.send_text(message)


@app.router.get("/sse")
async def events() -> AsyncIterable[ServerSentEvent]:
    for n in range(1, 4):
        yield ServerSentEvent(n)


# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
