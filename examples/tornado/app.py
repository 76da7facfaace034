"""The Atlas example API in Tornado: RequestHandler classes on Tornado's own HTTP server.

Run with `python app.py --host=127.0.0.1 --port=8000`.
"""

import asyncio
import json
from itertools import count

import features
import tornado.web
import tornado.websocket
from tornado.options import define, options

import db  # database endpoints (TechEmpower tests)

define("host", default="127.0.0.1", help="address to listen on")
define("port", default=8000, type=int, help="port to listen on")


class UserStore:
    """Users kept in memory, by id."""

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


class UsersHandler(tornado.web.RequestHandler):
    def initialize(self, users: UserStore) -> None:
        self.users = users

    def post(self) -> None:
        try:
            data = json.loads(self.request.body)
        except ValueError:
            raise tornado.web.HTTPError(400, reason="body must be JSON") from None
        if not isinstance(data, dict) or not all(
            isinstance(data.get(key), str) for key in ("email", "name")
        ):
            raise tornado.web.HTTPError(422, reason="email and name must be text")
        if self.users.email_taken(data["email"]):
            raise tornado.web.HTTPError(409, reason="email already registered")
        self.set_status(201)
        self.write(self.users.add(data["email"], data["name"]))  # a dict is sent as JSON


class UserHandler(tornado.web.RequestHandler):
    def initialize(self, users: UserStore) -> None:
        self.users = users

    def get(self, user_id: str) -> None:
        user = self.users.by_id.get(int(user_id))
        if user is None:
            raise tornado.web.HTTPError(404, reason="user not found")
        self.write(user)


class PlaintextHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/plain")
        self.write("Hello, World!")


class JSONHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.write({"message": "Hello, World!"})


class EchoHandler(tornado.websocket.WebSocketHandler):
    def on_message(self, message: str | bytes) -> None:
        self.write_message(message)


def make_app() -> tornado.web.Application:
    users = UserStore()
    return tornado.web.Application(
        [
            (r"/users", UsersHandler, {"users": users}),
            (r"/users/(\d+)", UserHandler, {"users": users}),
            (r"/plaintext", PlaintextHandler),
            (r"/json", JSONHandler),
            (r"/ws", EchoHandler),
            *features.rules,
            *db.handlers,  # database endpoints (TechEmpower tests): see db.py
        ]
    )


async def main() -> None:
    options.parse_command_line()
    features.on_startup()
    make_app().listen(options.port, address=options.host)
    await asyncio.Event().wait()  # serve until the process is stopped


if __name__ == "__main__":
    asyncio.run(main())
