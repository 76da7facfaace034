"""The Atlas example API in Flask: view functions, JSON in and out, checks written by hand."""

from itertools import count

import features
from flask import Flask, Response, abort, jsonify, request

app = Flask(__name__)
features.setup(app)
users: dict[int, dict[str, object]] = {}
emails: set[str] = set()
ids = count(1)


@app.post("/users")
def create_user() -> tuple[Response, int]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "body must be a JSON object")
    fields = {key: data.get(key) for key in ("email", "name")}
    bad = [key for key, value in fields.items() if not isinstance(value, str)]
    if bad:
        return jsonify(error=f"missing or not text: {', '.join(bad)}"), 422
    if fields["email"] in emails:
        return jsonify(error="email already registered"), 409
    user = {"id": next(ids), **fields}
    users[user["id"]] = user
    emails.add(fields["email"])
    return jsonify(user), 201


@app.get("/users/<int:user_id>")
def get_user(user_id: int) -> Response:
    if user_id not in users:
        abort(404, "user not found")
    return jsonify(users[user_id])


@app.get("/plaintext")
def plaintext() -> Response:
    return Response("Hello, World!", mimetype="text/plain")


@app.get("/json")
def json() -> Response:
    return jsonify(message="Hello, World!")

# --- database endpoints (TechEmpower tests): see db.py ---
from db import blueprint as db_blueprint  # noqa: E402

app.register_blueprint(db_blueprint)
# --- end database endpoints ---
