"""The Atlas example API in Sanic: Sanic Extensions for validation, injection and OpenAPI."""

from dataclasses import asdict, dataclass
from itertools import count

import features
from sanic import Request, Sanic, Websocket
from sanic.exceptions import NotFound, SanicException
from sanic.response import HTTPResponse, JSONResponse, json, text
from sanic_ext import validate


@dataclass
class UserIn:
    email: str
    name: str


class UserStore:
    """Users kept in memory, by id."""

    def __init__(self) -> None:
        self.by_id: dict[int, dict[str, object]] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    def email_taken(self, email: str) -> bool:
        return email in self.emails

    def add(self, data: UserIn) -> dict[str, object]:
        user = {"id": next(self.ids), **asdict(data)}
        self.by_id[user["id"]] = user
        self.emails.add(data.email)
        return user


app = Sanic("atlas_example")
features.setup(app)  # before app.ext: Sanic Extensions reads the CORS settings when it starts
app.ext.dependency(UserStore())  # injected into handlers that ask for a UserStore


@app.post("/users")
@validate(json=UserIn)
async def create_user(request: Request, body: UserIn, users: UserStore) -> JSONResponse:
    if users.email_taken(body.email):
        raise SanicException("email already registered", status_code=409)
    return json(users.add(body), status=201)


@app.get("/users/<user_id:int>")
async def get_user(request: Request, user_id: int, users: UserStore) -> JSONResponse:
    if user_id not in users.by_id:
        raise NotFound("user not found")
    return json(users.by_id[user_id])


@app.get("/plaintext")
async def plaintext(request: Request) -> HTTPResponse:
    return text("Hello, World!")


@app.get("/json")
async def hello_json(request: Request) -> JSONResponse:
    return json({"message": "Hello, World!"})


@app.websocket("/ws")
async def echo(request: Request, ws: Websocket) -> None:
    async for message in ws:
        await ws.send(message)

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
