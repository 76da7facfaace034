"""The Atlas example API in Robyn: Pydantic bodies, injected storage, OpenAPI at /openapi.json.

Run with `python app.py`; Robyn reads the address from ROBYN_HOST and ROBYN_PORT.
"""

from collections.abc import AsyncGenerator
from itertools import count

import features
from pydantic import BaseModel
from robyn import Request, Response, Robyn, SSEMessage, SSEResponse, WebSocketAdapter, jsonify


class UserIn(BaseModel):
    email: str
    name: str


class User(UserIn):
    id: int


class UserStore:
    """Users kept in memory, by id."""

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


def json_response(status_code: int, body: str) -> Response:
    return Response(status_code, {"Content-Type": "application/json"}, description=body)


def error(status_code: int, detail: str) -> Response:
    return json_response(status_code, jsonify({"detail": detail}))


app = Robyn(__file__)
app.inject_global(users=UserStore())
features.setup(app)


@app.post("/users")
async def create_user(data: UserIn, global_dependencies: dict) -> Response:
    users: UserStore = global_dependencies["users"]
    if users.email_taken(data.email):
        return error(409, "email already registered")
    return json_response(201, users.add(data).model_dump_json())


@app.get("/users/:user_id")
async def get_user(request: Request, global_dependencies: dict) -> User | Response:
    users: UserStore = global_dependencies["users"]
    user_id = request.path_params["user_id"]
    user = users.by_id.get(int(user_id)) if user_id.isdigit() else None
    return user or error(404, "user not found")


@app.get("/plaintext")
async def plaintext() -> str:
    return "Hello, World!"


@app.get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.websocket("/ws")
async def echo(websocket: WebSocketAdapter) -> None:
    while True:
        message = await websocket.receive_text()
        await websocket.send_text(message)


@app.get("/sse")
async def events() -> Response:
    async def stream() -> AsyncGenerator[str, None]:
        for n in range(1, 4):
            yield SSEMessage(str(n))

    return SSEResponse(stream())


# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---


if __name__ == "__main__":
    app.start()
