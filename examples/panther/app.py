"""The Atlas example API in Panther: `@API` functions with Pydantic input models, a URL dict,
and the configuration read from this module (`Panther(__name__, configs=__name__, ...)`)."""

from itertools import count

import db
import features
from panther import Panther, status
from panther.app import API
from panther.request import Request
from panther.response import PlainTextResponse, Response
from panther.websocket import GenericWebsocket
from pydantic import BaseModel

# Configuration (Panther reads the upper-case names of the configs module).
MIDDLEWARES = [features.MarkMiddleware, "panther.middlewares.cors.CORSMiddleware"]
ALLOW_ORIGINS = ["https://client.example"]
BACKGROUND_TASKS = True
TEMPLATES_DIR = "templates"
DATABASE = db.database_setting()  # PostgreSQL for the database endpoints (db.py), or none

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


class UserIn(BaseModel):
    email: str
    name: str


@API(input_model=UserIn, methods=["POST"])
async def create_user(request: Request) -> Response:
    data: UserIn = request.validated_data
    if data.email in emails:
        return Response(
            {"detail": "email already registered"}, status_code=status.HTTP_409_CONFLICT
        )
    user = {"id": next(ids), "email": data.email, "name": data.name}
    users[user["id"]] = user
    emails.add(data.email)
    return Response(user, status_code=status.HTTP_201_CREATED)


@API(methods=["GET"])
async def get_user(user_id: int) -> Response:
    user = users.get(user_id)
    if user is None:
        return Response({"detail": "user not found"}, status_code=status.HTTP_404_NOT_FOUND)
    return Response(user)


@API(methods=["GET"])
async def plaintext() -> PlainTextResponse:
    return PlainTextResponse("Hello, World!")


@API(methods=["GET"])
async def json() -> Response:
    return Response({"message": "Hello, World!"})


class Echo(GenericWebsocket):
    # No return annotations here: Panther 5.5 reads `connect`'s annotations as path-variable
    # types, and `-> None` makes it reject the connection (403).
    async def connect(self):
        await self.accept()

    async def receive(self, data: str | bytes):
        await self.send(data=data)


url_routing = {
    "users": {"": create_user, "<user_id>": get_user},
    "plaintext": plaintext,
    "json": json,
    "ws": Echo,
    "features": features.url_routing,
    **db.url_routing,  # database endpoints (TechEmpower tests): see db.py
}

app = Panther(__name__, configs=__name__, urls=url_routing)
