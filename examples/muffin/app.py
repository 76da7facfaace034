"""The Atlas example API in Muffin: plain views on the app, and /users as a muffin-rest endpoint.

Muffin's core parses bodies but checks nothing, so the users resource is a ``RESTHandler`` of the
first-party muffin-rest plugin: its marshmallow schema loads (validates) the body and dumps the
answer, and the same plugin serves the OpenAPI document (/openapi.json) and Swagger UI (/swagger).
"""

from itertools import count

import features
import marshmallow as ma
from muffin import Application, ResponseSSE, ResponseText, ResponseWebSocket
from muffin_rest import API, APIError, RESTHandler

app = Application(static_folders=["static"])  # static/ is served at /static
api = API(title="Atlas example", version="1.0")

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UserSchema(ma.Schema):
    id = ma.fields.Int(dump_only=True)
    email = ma.fields.Str(required=True)
    name = ma.fields.Str(required=True)


@api.route("/users", methods="post")
@api.route("/users/{id:int}", methods="get")
class Users(RESTHandler):
    """Users, kept in memory."""

    class Meta:
        name = "users"
        Schema = UserSchema

    async def prepare_collection(self, request):
        return users

    async def prepare_resource(self, request):
        user_id = request["path_params"].get("id")
        if user_id is None:
            return None
        if user_id not in users:
            raise APIError.NOT_FOUND("user not found")
        return users[user_id]

    async def save(self, request, resource, *, update=False):
        if resource["email"] in emails:
            raise APIError.CONFLICT("email already registered")
        user = {"id": next(ids), **resource}
        users[user["id"]] = user
        emails.add(user["email"])
        return user

    async def post(self, request, *, resource=None):
        """Register a user."""
        response = await super().post(request, resource=resource)
        response.status_code = 201
        return response


@app.route("/plaintext")
async def plaintext(request):
    return ResponseText("Hello, World!")


@app.route("/json")
async def json(request):
    return {"message": "Hello, World!"}


@app.route("/ws")
async def echo(request):
    async with ResponseWebSocket(request) as ws:
        while True:
            await ws.send(await ws.receive())


@app.route("/sse")
async def events(request):
    async def numbers():
        for n in range(1, 4):
            yield {"data": str(n)}

    return ResponseSSE(numbers())


features.install(app, api)
# The API is mounted at the root after the /features group, so its router is tried first and
# falls through to the app's own routes for any path it does not know.
api.setup(app)

# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
