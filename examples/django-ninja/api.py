"""The Atlas example API in Django Ninja: typed operations on a NinjaAPI, with OpenAPI."""

from itertools import count

import features
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError


class UserIn(Schema):
    email: str
    name: str


class User(UserIn):
    id: int


api = NinjaAPI(title="Atlas example")
api.add_router("/features", features.router)
users: dict[int, User] = {}
emails: set[str] = set()
ids = count(1)


@api.post("/users", response={201: User})
def create_user(request: HttpRequest, data: UserIn) -> tuple[int, User]:
    if data.email in emails:
        raise HttpError(409, "email already registered")
    user = User(id=next(ids), **data.dict())
    users[user.id] = user
    emails.add(user.email)
    return 201, user


@api.get("/users/{user_id}", response=User)
def get_user(request: HttpRequest, user_id: int) -> User:
    if user_id not in users:
        raise HttpError(404, "user not found")
    return users[user_id]


@api.get("/plaintext")
def plaintext(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, World!", content_type="text/plain")


@api.get("/json")
def hello_json(request: HttpRequest) -> dict[str, str]:
    return {"message": "Hello, World!"}

# --- database endpoints (TechEmpower tests): see db/ ---
from db.api import router as db_router  # noqa: E402

api.add_router("", db_router)
# --- end database endpoints ---
