"""The Atlas example API in CherryPy: exposed classes, the JSON tools, a method dispatcher.

`app` is the WSGI application (CherryPy's tree of mounted apps). `python app.py --host H --port P`
serves it with CherryPy's own HTTP server instead.
"""

import argparse
from itertools import count

import cherrypy
import features


@cherrypy.expose
class Users:
    """`/users`: the HTTP method picks the Python method (MethodDispatcher)."""

    def __init__(self) -> None:
        self.by_id: dict[int, dict[str, object]] = {}
        self.emails: set[str] = set()
        self.ids = count(1)

    @cherrypy.tools.json_out()
    def GET(self, user_id: str) -> dict[str, object]:
        user = self.by_id.get(int(user_id)) if user_id.isdigit() else None
        if user is None:
            raise cherrypy.HTTPError(404, "user not found")
        return user

    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def POST(self) -> dict[str, object]:
        data = cherrypy.request.json
        if not isinstance(data, dict) or not all(
            isinstance(data.get(key), str) for key in ("email", "name")
        ):
            raise cherrypy.HTTPError(422, "email and name must be text")
        if data["email"] in self.emails:
            raise cherrypy.HTTPError(409, "email already registered")
        user = {"id": next(self.ids), "email": data["email"], "name": data["name"]}
        self.by_id[user["id"]] = user
        self.emails.add(data["email"])
        cherrypy.response.status = 201
        return user


class Root:
    @cherrypy.expose
    def plaintext(self) -> str:
        cherrypy.response.headers["Content-Type"] = "text/plain"
        return "Hello, World!"

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def json(self) -> dict[str, str]:
        return {"message": "Hello, World!"}


cherrypy.config.update({"environment": "production"})
cherrypy.tree.mount(Root(), "/")
method_dispatch = {"/": {"request.dispatch": cherrypy.dispatch.MethodDispatcher()}}
cherrypy.tree.mount(Users(), "/users", method_dispatch)
features.mount()
# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.mount()
# --- end database endpoints ---
app = cherrypy.tree


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--environment", help="CherryPy config environment, e.g. production")
    args = parser.parse_args()
    config = {"server.socket_host": args.host, "server.socket_port": args.port}
    if args.environment:
        config["environment"] = args.environment  # production: no screen log, no autoreload
    cherrypy.config.update(config)
    cherrypy.engine.start()
    cherrypy.engine.block()
