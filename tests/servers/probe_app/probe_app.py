"""The reference app the server probes run: the same few endpoints as plain ASGI and plain WSGI.

It imports nothing but the standard library, so a probe measures the server alone:

- ``GET /plaintext``: ``Hello, World!`` (the readiness check);
- ``GET /info?ms=N`` (or ``block=N``, which holds an ASGI event loop): after N ms, JSON
  with the worker's PID and thread, the client address and scheme the server
  reports, the HTTP version, whether the ASGI lifespan startup event ran, and a mark of the import;
- ``GET /slow?ms=N&mark=PATH``: creates PATH, then answers ``done`` after N ms (graceful
  shutdown);
- ``/ws`` (ASGI): a WebSocket that echoes each message.

Anything else is a 404, so a 200 under ``/static/`` comes from the server, not from here.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from urllib.parse import parse_qs

STATE = {"lifespan_started": False}
BOOT = f"{os.getpid()}-{time.time()}"  # changes whenever the module is imported again (reload)


def _info(client: str | None, scheme: str, http_version: str) -> bytes:
    return json.dumps(
        {
            "pid": os.getpid(),
            "thread": threading.get_ident(),
            "client": client,
            "scheme": scheme,
            "http_version": http_version,
            "lifespan_started": STATE["lifespan_started"],
            "boot": BOOT,
        }
    ).encode()


def _mark(query: str) -> None:
    """Create the file ``?mark=PATH`` names: the probe's sign that a slow request has begun."""
    for path in parse_qs(query).get("mark", []):
        with open(path, "w") as handle:
            handle.write(str(os.getpid()))


def _millis(query: str, name: str = "ms") -> float:
    values = parse_qs(query).get(name, ["0"])
    return min(float(values[0]), 10_000.0) / 1000.0


async def asgi(scope, receive, send):  # type: ignore[no-untyped-def]
    """The ASGI app (lifespan, HTTP and WebSocket)."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                STATE["lifespan_started"] = True
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] == "websocket":
        await _echo(receive, send)
        return
    path = scope["path"]
    if path == "/plaintext":
        body, content_type, status = b"Hello, World!", b"text/plain", 200
    elif path == "/info":
        query = scope.get("query_string", b"").decode()
        await asyncio.sleep(_millis(query))
        time.sleep(_millis(query, "block"))  # holds the event loop, so other workers must answer
        client = scope.get("client")
        host = client[0] if client else None
        body = _info(host, scope.get("scheme", "http"), scope.get("http_version", ""))
        content_type, status = b"application/json", 200
    elif path == "/slow":
        query = scope.get("query_string", b"").decode()
        _mark(query)
        await asyncio.sleep(_millis(query))
        body, content_type, status = b"done", b"text/plain", 200
    else:
        body, content_type, status = b"not found", b"text/plain", 404
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _echo(receive, send):  # type: ignore[no-untyped-def]
    while True:
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif message["type"] == "websocket.receive":
            if message.get("text") is not None:
                await send({"type": "websocket.send", "text": message["text"]})
            else:
                await send({"type": "websocket.send", "bytes": message.get("bytes") or b""})
        else:
            return


def wsgi(environ, start_response):  # type: ignore[no-untyped-def]
    """The WSGI app (HTTP only)."""
    path = environ.get("PATH_INFO", "")
    if path == "/plaintext":
        body, content_type, status = b"Hello, World!", "text/plain", "200 OK"
    elif path == "/info":
        query = environ.get("QUERY_STRING", "")
        time.sleep(_millis(query) + _millis(query, "block"))
        body = _info(
            environ.get("REMOTE_ADDR"),
            environ.get("wsgi.url_scheme", "http"),
            environ.get("SERVER_PROTOCOL", "").removeprefix("HTTP/"),
        )
        content_type, status = "application/json", "200 OK"
    elif path == "/slow":
        _mark(environ.get("QUERY_STRING", ""))
        time.sleep(_millis(environ.get("QUERY_STRING", "")))
        body, content_type, status = b"done", "text/plain", "200 OK"
    else:
        body, content_type, status = b"not found", "text/plain", "404 Not Found"
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
