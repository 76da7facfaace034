"""The Atlas example API in Pyramid: routes plus @view_config views with the JSON renderer."""

from itertools import count

import features
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPConflict, HTTPNotFound, HTTPUnprocessableEntity
from pyramid.request import Request
from pyramid.response import Response
from pyramid.view import view_config

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@view_config(route_name="users", request_method="POST", renderer="json")
def create_user(request: Request) -> dict[str, object]:
    try:
        data = request.json_body
    except ValueError:
        data = None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), str) for key in ("email", "name")
    ):
        raise HTTPUnprocessableEntity(json_body={"detail": "email and name must be text"})
    if data["email"] in emails:
        raise HTTPConflict(json_body={"detail": "email already registered"})
    user = {"id": next(ids), "email": data["email"], "name": data["name"]}
    users[user["id"]] = user
    emails.add(data["email"])
    request.response.status_code = 201
    return user


@view_config(route_name="user", request_method="GET", renderer="json")
def get_user(request: Request) -> dict[str, object]:
    user = users.get(int(request.matchdict["user_id"]))
    if user is None:
        raise HTTPNotFound(json_body={"detail": "user not found"})
    return user


@view_config(route_name="plaintext")
def plaintext(request: Request) -> Response:
    return Response("Hello, World!", content_type="text/plain")


@view_config(route_name="json", renderer="json")
def hello_json(request: Request) -> dict[str, str]:
    return {"message": "Hello, World!"}


def make_app() -> object:
    with Configurator() as config:
        config.add_route("users", "/users")
        config.add_route("user", r"/users/{user_id:\d+}")
        config.add_route("plaintext", "/plaintext")
        config.add_route("json", "/json")
        config.include(features.includeme, route_prefix="/features")
        features.setup(config)
        config.scan()
        config.include("db")  # database endpoints (TechEmpower tests): see db.py
        return config.make_wsgi_app()


app = make_app()
