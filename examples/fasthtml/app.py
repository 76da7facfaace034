"""The Atlas example API in FastHTML: `rt` route functions named after their HTTP method.

FastHTML is made for HTML pages driven by htmx; this file shows that JSON endpoints work too.
"""

import json
from collections.abc import AsyncIterator
from itertools import count

import features
from fasthtml.common import EventStream, FastHTML, JSONResponse, sse_message
from starlette.responses import PlainTextResponse

app = FastHTML()
features.setup(app)
rt = app.route
users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@rt("/users")
def post(email: str, name: str) -> JSONResponse:  # read from the JSON body; missing ones give 400
    if email in emails:
        return JSONResponse({"detail": "email already registered"}, status_code=409)
    user = {"id": next(ids), "email": email, "name": name}
    users[user["id"]] = user
    emails.add(email)
    return JSONResponse(user, status_code=201)


@rt("/users/{user_id}")
def get(user_id: int) -> JSONResponse:
    if user_id not in users:
        return JSONResponse({"detail": "user not found"}, status_code=404)
    return JSONResponse(users[user_id])


@rt("/plaintext")
def get() -> PlainTextResponse:  # noqa: F811 - FastHTML picks the method from the name
    return PlainTextResponse("Hello, World!")


@rt("/json")
def get() -> dict[str, str]:  # noqa: F811
    return {"message": "Hello, World!"}


@app.ws("/ws")
async def echo(msg: str) -> str:
    # htmx's ws extension sends form fields as a JSON object; each field arrives as a parameter.
    return json.dumps({"msg": msg})


@rt("/sse")
async def get() -> EventStream:  # noqa: F811
    async def numbers() -> AsyncIterator[str]:
        for n in range(1, 4):
            yield sse_message(str(n))

    return EventStream(numbers())


# --- database endpoints (TechEmpower tests): see db.py ---
import db  # noqa: E402

db.register(app)
# --- end database endpoints ---
