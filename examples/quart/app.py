"""The Atlas example API in Quart: Quart-Schema validates bodies and serves OpenAPI."""

from collections.abc import AsyncGenerator
from itertools import count

import features
from pydantic import BaseModel
from quart import Quart, Response, abort, make_response, websocket
from quart_schema import QuartSchema, validate_request, validate_response


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


users: dict[int, User] = {}
emails: set[str] = set()
ids = count(1)

app = Quart(__name__)
QuartSchema(app)  # validation errors become 400 responses; the schema is at /openapi.json
app = features.setup(app)


@app.post("/users")
@validate_request(UserIn)
@validate_response(User, 201)
async def create_user(data: UserIn) -> tuple[User, int]:
    if data.email in emails:
        abort(409, "email already registered")
    user = User(id=next(ids), **data.model_dump())
    users[user.id] = user
    emails.add(user.email)
    return user, 201


@app.get("/users/<int:user_id>")
@validate_response(User)
async def get_user(user_id: int) -> User:
    if user_id not in users:
        abort(404, "user not found")
    return users[user_id]


@app.get("/plaintext")
async def plaintext() -> Response:
    return Response("Hello, World!", content_type="text/plain")


@app.get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.websocket("/ws")
async def echo() -> None:
    while True:
        message = await websocket.receive()
        await websocket.send(message)


@app.get("/sse")
async def events() -> Response:
    async def stream() -> AsyncGenerator[bytes, None]:
        for n in range(1, 4):
            yield f"data: {n}\n\n".encode()

    response = await make_response(stream(), {"Content-Type": "text/event-stream"})
    response.timeout = None  # an event stream may stay open longer than the default timeout
    return response


# --- database endpoints (TechEmpower tests): see db.py ---
from db import blueprint as db_blueprint  # noqa: E402

app.register_blueprint(db_blueprint)
# --- end database endpoints ---
