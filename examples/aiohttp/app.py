"""The Atlas example API in aiohttp: a RouteTableDef of handlers on aiohttp's own web server.

`python -m aiohttp.web -H HOST -P PORT app:make_app` runs it (see the aiohttp docs, "Command Line
Interface"); `app` is also there for Gunicorn's aiohttp worker.
"""

from itertools import count

import features
from aiohttp import WSMsgType, web

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
    return app


app = make_app()
