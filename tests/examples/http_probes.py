"""HTTP, WebSocket and SSE probes of the example API; each returns a list of problems found."""

from __future__ import annotations

import http.client
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from websockets.sync.client import connect

TIMEOUT = 5.0
VALIDATION_ERRORS = (400, 422)


@dataclass(frozen=True)
class Reply:
    """An HTTP response, read in full."""

    status: int
    content_type: str
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON (``None`` if it is not JSON)."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def __str__(self) -> str:
        return f"{self.status} {self.content_type!r} {self.body[:200]!r}"


def request(base_url: str, method: str, path: str, payload: Any = None) -> Reply:
    """Send one request; ``payload`` is sent as a JSON body."""
    netloc = urlsplit(base_url).netloc
    conn = http.client.HTTPConnection(netloc, timeout=TIMEOUT)
    try:
        headers = {"Accept": "*/*"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return Reply(response.status, response.getheader("Content-Type", ""), response.read())
    finally:
        conn.close()


def probe_api(base_url: str) -> list[str]:
    """Check /plaintext, /json and the /users endpoints; return what is wrong."""
    problems: list[str] = []

    def expect(ok: bool, what: str, reply: Reply) -> None:
        if not ok:
            problems.append(f"{what}: got {reply}")

    text = request(base_url, "GET", "/plaintext")
    expect(text.status == 200 and text.body == b"Hello, World!", "GET /plaintext", text)
    expect(text.content_type.startswith("text/plain"), "GET /plaintext content type", text)

    data = request(base_url, "GET", "/json")
    expect(data.status == 200 and data.json() == {"message": "Hello, World!"}, "GET /json", data)
    expect(data.content_type.startswith("application/json"), "GET /json content type", data)

    problems += _probe_users(base_url)
    return problems


def _probe_users(base_url: str) -> list[str]:
    problems: list[str] = []
    user = {"email": f"ada-{uuid.uuid4().hex[:8]}@example.com", "name": "Ada Lovelace"}
    created = request(base_url, "POST", "/users", user)
    body = created.json()
    if created.status != 201 or not isinstance(body, dict) or "id" not in body:
        return [f"POST /users: expected 201 with an id, got {created}"]
    if {k: body.get(k) for k in user} != user:
        problems.append(f"POST /users: body does not echo email and name: {created}")

    fetched = request(base_url, "GET", f"/users/{body['id']}")
    if fetched.status != 200 or fetched.json() != body:
        problems.append(f"GET /users/{body['id']}: expected 200 and {body}, got {fetched}")

    duplicate = request(base_url, "POST", "/users", user)
    if duplicate.status != 409:
        problems.append(f"POST /users (same email): expected 409, got {duplicate}")

    invalid = request(base_url, "POST", "/users", {"name": "No Email"})
    if invalid.status not in VALIDATION_ERRORS or not invalid.body.strip():
        problems.append(f"POST /users (no email): expected 400/422 with a body, got {invalid}")

    missing = request(base_url, "GET", "/users/987654")
    if missing.status != 404:
        problems.append(f"GET /users/987654: expected 404, got {missing}")
    return problems


def probe_openapi(base_url: str, path: str, listed: str = "/users") -> list[str]:
    """The OpenAPI document at ``path`` must be JSON and list ``listed`` (the validated route)."""
    reply = request(base_url, "GET", path)
    document = reply.json()
    if reply.status != 200 or not isinstance(document, dict):
        return [f"GET {path}: expected a JSON document, got {reply}"]
    paths = document.get("paths") or {}
    if listed not in paths:
        return [f"GET {path}: {listed!r} is not in paths ({sorted(paths)})"]
    return []


def probe_websocket(base_url: str, path: str) -> list[str]:
    """A message sent to ``path`` must come back unchanged.

    The message is a small JSON object: htmx-style WebSocket handlers (FastHTML) receive its fields
    as parameters and may send the object back re-encoded, so equal JSON also counts as an echo.
    """
    url = "ws://" + urlsplit(base_url).netloc + path
    message = json.dumps({"msg": f"hello atlas {uuid.uuid4().hex[:6]}"})
    try:
        with connect(url, open_timeout=TIMEOUT, close_timeout=1) as ws:
            ws.send(message)
            echoed = ws.recv(timeout=TIMEOUT)
    except Exception as exc:  # any failure to connect or echo is a finding, not a crash
        return [f"WebSocket {path}: {type(exc).__name__}: {exc}"]
    if echoed != message and _json_or_none(echoed) != json.loads(message):
        return [f"WebSocket {path}: sent {message!r}, got {echoed!r}"]
    return []


def _json_or_none(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


EXPECTED_EVENTS = ["1", "2", "3"]


def probe_sse(base_url: str, path: str) -> list[str]:
    """``path`` must stream ``text/event-stream`` events with data 1, 2, 3 and then close."""
    netloc = urlsplit(base_url).netloc
    conn = http.client.HTTPConnection(netloc, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers={"Accept": "text/event-stream"})
        response = conn.getresponse()
        content_type = response.getheader("Content-Type", "")
        if response.status != 200 or not content_type.startswith("text/event-stream"):
            return [
                f"GET {path}: expected 200 text/event-stream, got "
                f"{response.status} {content_type!r}"
            ]
        events = read_events(response, deadline=time.monotonic() + 10)
    except (OSError, http.client.HTTPException) as exc:
        return [f"GET {path}: {type(exc).__name__}: {exc}"]
    finally:
        conn.close()
    if events != EXPECTED_EVENTS:
        return [f"GET {path}: expected events with data {EXPECTED_EVENTS}, got {events}"]
    return []


def read_events(response: http.client.HTTPResponse, deadline: float) -> list[str]:
    """The ``data`` of each event until the server closes the stream (comments ignored)."""
    events: list[str] = []
    data: list[str] = []
    while time.monotonic() < deadline:
        raw = response.readline()
        if not raw:
            break
        line = raw.decode("utf-8").rstrip("\r\n")
        if not line:  # a blank line ends an event
            if data:
                events.append("\n".join(data))
            data = []
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
    if data:
        events.append("\n".join(data))
    return events
