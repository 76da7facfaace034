"""Handlers of the Atlas example in Connexion: openapi.yaml names each one by its operationId, and
Connexion passes them the validated body and path parameters."""

from itertools import count

users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


async def create_user(body: dict[str, str]) -> tuple[dict[str, object], int]:
    if body["email"] in emails:
        return {"detail": "email already registered"}, 409
    user = {"id": next(ids), "email": body["email"], "name": body["name"]}
    users[user["id"]] = user
    emails.add(body["email"])
    return user, 201


async def get_user(user_id: int) -> dict[str, object] | tuple[dict[str, str], int]:
    if user_id not in users:
        return {"detail": "user not found"}, 404
    return users[user_id]


async def plaintext() -> str:
    return "Hello, World!"  # text/plain: the only content type openapi.yaml declares here


async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}
