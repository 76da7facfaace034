"""The Atlas example API in Falcon (ASGI): resource classes and JSON Schema validation."""

from collections.abc import AsyncIterator
from itertools import count

import falcon
import falcon.asgi
import features
from falcon.media.validators import jsonschema

USER_SCHEMA = {
    "type": "object",
    "properties": {"email": {"type": "string"}, "name": {"type": "string"}},
    "required": ["email", "name"],
}


class UserStore:
    """Users kept in memory, by id, and the set of their emails."""

    def __init__(self) -> None:
        self.by_id: dict[int, dict[str, object]] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    def email_taken(self, email: str) -> bool:
        return email in self.emails

    def add(self, email: str, name: str) -> dict[str, object]:
        user = {"id": next(self.ids), "email": email, "name": name}
        self.by_id[user["id"]] = user
        self.emails.add(email)
        return user


class UsersResource:
    def __init__(self, users: UserStore) -> None:
        self.users = users

    @jsonschema.validate(req_schema=USER_SCHEMA)  # invalid bodies get a 400 with a description
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        data = await req.get_media()
        if self.users.email_taken(data["email"]):
            raise falcon.HTTPConflict(description="email already registered")
        resp.media = self.users.add(data["email"], data["name"])
        resp.status = falcon.HTTP_201

    async def on_get_user(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, user_id: int
    ) -> None:
        if user_id not in self.users.by_id:
            raise falcon.HTTPNotFound(description="user not found")
        resp.media = self.users.by_id[user_id]


class PlaintextResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.content_type = falcon.MEDIA_TEXT
        resp.text = "Hello, World!"


class JSONResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"message": "Hello, World!"}


class EchoResource:
    async def on_websocket(self, req: falcon.asgi.Request, ws: falcon.asgi.WebSocket) -> None:
        await ws.accept()
        while True:
            await ws.send_text(await ws.receive_text())


class EventsResource:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        async def events() -> AsyncIterator[falcon.asgi.SSEvent]:
            for n in range(1, 4):
                yield falcon.asgi.SSEvent(text=str(n))

        resp.sse = events()


users = UsersResource(UserStore())
app = falcon.asgi.App()
app.add_route("/users", users)
app.add_route("/users/{user_id:int}", users, suffix="user")
app.add_route("/plaintext", PlaintextResource())
app.add_route("/json", JSONResource())
app.add_route("/ws", EchoResource())
app.add_route("/sse", EventsResource())
features.setup(app)  # last: SpecTree documents the routes registered so far

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
