"""The Atlas example API in Microdot: Flask-style routes on the ASGI flavour of the app class.

Uvicorn serves ``app:app``; ``python app.py --host H --port P`` runs the same app on Microdot's
own asyncio server (``app.run``), which the docs leave for MicroPython and development.
"""

import argparse
from itertools import count

import features
from microdot.asgi import Microdot, with_websocket
from microdot.sse import with_sse

app = Microdot(lifespan_startup=features.startup)
features.install(app)

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@app.post("/users")
async def create_user(request):
    try:
        data = request.json
    except ValueError:
        return {"detail": "body must be JSON"}, 400
    if not isinstance(data, dict):
        return {"detail": "body must be a JSON object"}, 422
    fields = {key: data.get(key) for key in ("email", "name")}
    bad = [key for key, value in fields.items() if not isinstance(value, str)]
    if bad:
        return {"detail": f"missing or not text: {', '.join(bad)}"}, 422
    if fields["email"] in emails:
        return {"detail": "email already registered"}, 409
    user = {"id": next(ids), **fields}
    users[user["id"]] = user
    emails.add(fields["email"])
    return user, 201


@app.get("/users/<int:user_id>")
async def get_user(request, user_id):
    user = users.get(user_id)
    if user is None:
        return {"detail": "user not found"}, 404
    return user


@app.get("/plaintext")
async def plaintext(request):
    return "Hello, World!"


@app.get("/json")
async def json(request):
    return {"message": "Hello, World!"}


@app.route("/ws")
@with_websocket
async def echo(request, ws):
    while True:
        await ws.send(await ws.receive())


@app.get("/sse")
@with_sse
async def events(request, sse):
    for n in range(1, 4):
        await sse.send(str(n))


# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Run the example on Microdot's own server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    app.run(host=args.host, port=args.port)
