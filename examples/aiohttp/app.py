"""The Atlas example API in aiohttp: a RouteTableDef of handlers on aiohttp's own web server.

`python app.py --host HOST --port PORT --no-access-log` runs it with `web.run_app`, the way the
aiohttp deployment docs start a standalone server; `app` is also there for Gunicorn's aiohttp
worker. (`python -m aiohttp.web` turns on DEBUG logging, so it is not used for measurements.)
"""

import argparse
from itertools import count

import features
from aiohttp import WSMsgType, web

import db  # database endpoints (TechEmpower tests)

routes = web.RouteTableDef()
USERS = web.AppKey("users", dict)
IDS = web.AppKey("ids", count)
EMAILS = web.AppKey("emails", set)


@routes.post("/users")
async def create_user(request: web.Request) -> web.Response:
    try:
        data = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="body must be JSON") from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), str) for key in ("email", "name")
    ):
        raise web.HTTPUnprocessableEntity(text="email and name must be text")
    users, emails = request.app[USERS], request.app[EMAILS]
    if data["email"] in emails:
        raise web.HTTPConflict(text="email already registered")
    user = {"id": next(request.app[IDS]), "email": data["email"], "name": data["name"]}
    users[user["id"]] = user
    emails.add(data["email"])
    return web.json_response(user, status=201)


@routes.get(r"/users/{user_id:\d+}")
async def get_user(request: web.Request) -> web.Response:
    user = request.app[USERS].get(int(request.match_info["user_id"]))
    if user is None:
        raise web.HTTPNotFound(text="user not found")
    return web.json_response(user)


@routes.get("/plaintext")
async def plaintext(request: web.Request) -> web.Response:
    return web.Response(text="Hello, World!")


@routes.get("/json")
async def json(request: web.Request) -> web.Response:
    return web.json_response({"message": "Hello, World!"})


@routes.get("/ws")
async def echo(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    async for message in ws:
        if message.type == WSMsgType.TEXT:
            await ws.send_str(message.data)
    return ws


def make_app(argv: list[str] | None = None) -> web.Application:
    app = web.Application()
    app[USERS] = {}
    app[IDS] = count(1)
    app[EMAILS] = set()
    app.add_routes(routes)
    features.setup(app)
    db.register(app)  # database endpoints (TechEmpower tests): see db.py
    return app


app = make_app()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--no-access-log", action="store_true", help="access_log=None: no line per request"
    )
    args = parser.parse_args()
    access = {"access_log": None} if args.no_access_log else {}
    web.run_app(app, host=args.host, port=args.port, print=None, **access)
