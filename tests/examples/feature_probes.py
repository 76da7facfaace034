"""One HTTP probe per framework feature an example can demonstrate; each returns the problems found.

A probe takes the server's base URL and the path the example declares for the feature in
``data/examples/<id>.yaml`` (``features:``). What each endpoint must do is the description of the
field in ``macros/data/example_model.py`` (``ExampleFeatures``); the example apps implement it the
way their framework's documentation recommends.
"""

from __future__ import annotations

import gzip
import http.client
import json
import time
import uuid
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from http_probes import TIMEOUT, VALIDATION_ERRORS, Reply, probe_openapi, probe_sse, probe_websocket

Probe = Callable[[str, str], list[str]]

ORIGIN = "https://client.example"
MIDDLEWARE_HEADER = "X-Atlas-Middleware"
STATIC_TEXT = b"Hello from a static file.\n"
UPLOAD = b"atlas upload test\n"
STREAM_BODY = b"line 1\nline 2\nline 3\n"


@dataclass(frozen=True)
class Full(Reply):
    """A reply with its headers."""

    headers: tuple[tuple[str, str], ...] = ()

    def header(self, name: str) -> str:
        """The first header called ``name`` (case-insensitive), or ``""``."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")

    def all(self, name: str) -> list[str]:
        """Every header called ``name``."""
        return [v for k, v in self.headers if k.lower() == name.lower()]


def send(
    base_url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> Full:
    """One request with raw ``body`` and ``headers``; the reply is read in full, undecoded."""
    conn = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=TIMEOUT)
    try:
        conn.request(method, path, body=body, headers={"Accept": "*/*", **(headers or {})})
        response = conn.getresponse()
        raw = response.read()
        content_type = response.getheader("Content-Type", "")
        return Full(response.status, content_type, raw, tuple(response.getheaders()))
    finally:
        conn.close()


def _json_post(base_url: str, path: str, payload: object) -> Full:
    body = json.dumps(payload).encode()
    return send(base_url, "POST", path, body, {"Content-Type": "application/json"})


def probe_request_validation(base_url: str, path: str) -> list[str]:
    """A body without the required ``email`` gets 400/422 and an error naming it; a good one 2xx."""
    bad = _json_post(base_url, path, {"name": "No Email"})
    if bad.status not in VALIDATION_ERRORS or b"email" not in bad.body:
        return [f"POST {path} without email: expected 400/422 naming 'email', got {bad}"]
    good = _json_post(base_url, path, {"email": f"{uuid.uuid4().hex[:8]}@ex.org", "name": "Ada"})
    if not 200 <= good.status < 300:
        return [f"POST {path} with a valid body: expected 2xx, got {good}"]
    return []


def probe_response_serialization(base_url: str, path: str) -> list[str]:
    """The handler returns ``secret`` too; the declared response model must drop it."""
    reply = send(base_url, "GET", path)
    data = reply.json()
    if reply.status != 200 or not isinstance(data, dict) or data.get("name") != "Ada":
        return [f"GET {path}: expected 200 and a JSON object with name 'Ada', got {reply}"]
    if "secret" in data:
        return [f"GET {path}: the field 'secret' is not in the response model but was sent"]
    return []


def probe_api_docs_ui(base_url: str, path: str) -> list[str]:
    """An HTML page that loads an API documentation UI (after one redirect at most)."""
    reply = send(base_url, "GET", path)
    location = reply.header("Location")
    if reply.status in (301, 302, 307, 308) and location:
        path = urlsplit(location).path or path
        reply = send(base_url, "GET", path)
    markers = (b"swagger", b"redoc", b"scalar", b"rapidoc", b"stoplight", b"elements-api")
    if reply.status != 200 or "html" not in reply.content_type:
        return [f"GET {path}: expected an HTML page, got {reply}"]
    if not any(marker in reply.body.lower() for marker in markers):
        return [f"GET {path}: no Swagger UI, ReDoc, Scalar, RapiDoc or Elements in the page"]
    return []


def probe_route_group(base_url: str, path: str) -> list[str]:
    """A route of the mounted group answers under its prefix."""
    reply = send(base_url, "GET", path)
    if reply.status != 200 or reply.json() != {"group": "features"}:
        return [f"GET {path}: expected 200 and {{'group': 'features'}}, got {reply}"]
    return []


def probe_middleware(base_url: str, path: str) -> list[str]:
    """Middleware registered on the app adds ``X-Atlas-Middleware`` to the response."""
    reply = send(base_url, "GET", path)
    if reply.status != 200 or not reply.header(MIDDLEWARE_HEADER):
        return [f"GET {path}: expected 200 with a {MIDDLEWARE_HEADER} header, got {reply.headers}"]
    return []


def probe_cors(base_url: str, path: str) -> list[str]:
    """A preflight from an allowed origin is answered with Access-Control-Allow-Origin."""
    reply = send(
        base_url,
        "OPTIONS",
        path,
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    allowed = reply.header("Access-Control-Allow-Origin")
    if not 200 <= reply.status < 300 or allowed not in (ORIGIN, "*"):
        return [f"OPTIONS {path} (preflight): expected 2xx allowing {ORIGIN}, got {reply}"]
    return []


def probe_compression(base_url: str, path: str) -> list[str]:
    """With ``Accept-Encoding: gzip`` the body comes gzip-encoded and decodes to text."""
    reply = send(base_url, "GET", path, headers={"Accept-Encoding": "gzip"})
    encoding = reply.header("Content-Encoding")
    if reply.status != 200 or encoding != "gzip":
        return [
            f"GET {path} (Accept-Encoding: gzip): expected Content-Encoding gzip, got {encoding!r}"
        ]
    try:
        text = gzip.decompress(reply.body)
    except (OSError, EOFError, zlib.error) as exc:
        return [f"GET {path}: the body does not gunzip: {exc}"]
    if len(text) < 1000 or len(reply.body) >= len(text):
        return [f"GET {path}: {len(reply.body)} bytes gzip for {len(text)} bytes of text"]
    return []


def probe_static_file(base_url: str, path: str) -> list[str]:
    """``static/hello.txt`` of the example folder is served as it is on disk."""
    reply = send(base_url, "GET", path)
    if reply.status != 200 or reply.body != STATIC_TEXT:
        return [f"GET {path}: expected 200 and {STATIC_TEXT!r}, got {reply}"]
    return []


def probe_streaming(base_url: str, path: str) -> list[str]:
    """Three lines sent as a chunked body (no Content-Length: the size was not known up front)."""
    reply = send(base_url, "GET", path)
    chunked = reply.header("Transfer-Encoding").lower() == "chunked"
    if reply.status != 200 or reply.body != STREAM_BODY:
        return [f"GET {path}: expected 200 and {STREAM_BODY!r}, got {reply}"]
    if not chunked or reply.header("Content-Length"):
        return [f"GET {path}: not streamed (headers {reply.headers})"]
    return []


def probe_file_upload(base_url: str, path: str) -> list[str]:
    """A multipart upload of ``hello.txt``; its name and size come back as JSON."""
    boundary = f"atlas{uuid.uuid4().hex}"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="hello.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + UPLOAD
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    reply = send(base_url, "POST", path, body, headers)
    expected = {"filename": "hello.txt", "size": len(UPLOAD)}
    if reply.status not in (200, 201) or reply.json() != expected:
        return [f"POST {path} (multipart): expected {expected}, got {reply}"]
    return []


def _cookie_pairs(reply: Full) -> dict[str, str]:
    pairs = {}
    for line in reply.all("Set-Cookie"):
        name, _, rest = line.partition("=")
        pairs[name.strip()] = rest.split(";", 1)[0].strip().strip('"')
    return pairs


def probe_cookies(base_url: str, path: str) -> list[str]:
    """The handler sets cookie ``atlas`` and echoes the one it received."""
    first = send(base_url, "GET", path)
    if first.status != 200 or "atlas" not in _cookie_pairs(first):
        return [f"GET {path}: expected a Set-Cookie for 'atlas', got {first.headers}"]
    again = send(base_url, "GET", path, headers={"Cookie": "atlas=from-client"})
    if again.status != 200 or again.json() != {"atlas": "from-client"}:
        return [f"GET {path} with Cookie atlas=from-client: expected it echoed, got {again}"]
    return []


def probe_sessions(base_url: str, path: str) -> list[str]:
    """A counter kept in the session goes 1, then 2 when the session cookie is sent back."""
    first = send(base_url, "GET", path)
    cookies = "; ".join(f"{k}={v}" for k, v in _cookie_pairs(first).items())
    if first.status != 200 or first.json() != {"count": 1} or not cookies:
        return [f"GET {path}: expected {{'count': 1}} and a session cookie, got {first}"]
    second = send(base_url, "GET", path, headers={"Cookie": cookies})
    if second.json() != {"count": 2}:
        return [f"GET {path} with the session cookie: expected {{'count': 2}}, got {second}"]
    return []


def probe_csrf(base_url: str, path: str) -> list[str]:
    """A form post without a CSRF token is refused (400/401/403), while GET of the form works.

    401 counts: BlackSheep's anti-forgery middleware answers a missing token with 401.
    """
    form = send(base_url, "GET", path)
    if form.status != 200:
        return [f"GET {path}: expected the form page, got {form}"]
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": "https://evil.example",
    }
    post = send(base_url, "POST", path, b"name=x", headers)
    if post.status not in (400, 401, 403):
        return [f"POST {path} without a token from another origin: expected 400/401/403, got {post}"]
    return []


def probe_templates(base_url: str, path: str) -> list[str]:
    """A template renders ``?name=`` into HTML, escaped."""
    reply = send(base_url, "GET", path + "?name=%3Cb%3EAda%3C%2Fb%3E")
    if reply.status != 200 or "html" not in reply.content_type:
        return [f"GET {path}: expected an HTML page, got {reply}"]
    if b"&lt;b&gt;Ada&lt;/b&gt;" not in reply.body:
        return [f"GET {path}?name=<b>Ada</b>: the name is not in the page, escaped: {reply}"]
    return []


def probe_background_task(base_url: str, path: str) -> list[str]:
    """POST schedules a task that runs after the response; GET shows its count go up."""
    before = send(base_url, "GET", path).json()
    if not isinstance(before, dict) or not isinstance(before.get("runs"), int):
        return [f"GET {path}: expected {{'runs': <int>}}, got {before}"]
    posted = send(base_url, "POST", path, b"")
    if not 200 <= posted.status < 300:
        return [f"POST {path}: expected 2xx, got {posted}"]
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        after = send(base_url, "GET", path).json()
        if isinstance(after, dict) and after.get("runs", 0) > before["runs"]:
            return []
        time.sleep(0.05)
    return [f"GET {path}: the task did not run within 3 s (runs stayed {before['runs']})"]


def probe_lifespan(base_url: str, path: str) -> list[str]:
    """A flag set by the app's startup hook is visible."""
    reply = send(base_url, "GET", path)
    if reply.status != 200 or reply.json() != {"started": True}:
        return [f"GET {path}: expected {{'started': true}} set at startup, got {reply}"]
    return []


HTTP_PROBES: dict[str, Probe] = {
    "request_validation": probe_request_validation,
    "response_serialization": probe_response_serialization,
    "openapi": probe_openapi,
    "api_docs_ui": probe_api_docs_ui,
    "route_groups": probe_route_group,
    "middleware": probe_middleware,
    "cors": probe_cors,
    "compression": probe_compression,
    "static_files": probe_static_file,
    "streaming": probe_streaming,
    "file_upload": probe_file_upload,
    "cookies": probe_cookies,
    "sessions": probe_sessions,
    "csrf": probe_csrf,
    "templates": probe_templates,
    "websockets": probe_websocket,
    "sse": probe_sse,
    "background_tasks": probe_background_task,
    "lifespan": probe_lifespan,
}
"""Feature -> its probe over HTTP; ``test_client`` and ``typed`` are probed without a server."""
