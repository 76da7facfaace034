"""Call a Starlette plaintext endpoint N times through its ASGI interface, in-process.

No server and no sockets: a hand-made ``http`` scope, a ``receive`` that returns an empty body and
a ``send`` that checks the status. This isolates the interpreter + framework cost per request.
Prints ``{"n": N, "seconds": [...]}`` as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def plaintext(request: Request) -> PlainTextResponse:
    """The plaintext endpoint of the example API."""
    return PlainTextResponse("Hello, World!")


app = Starlette(routes=[Route("/plaintext", plaintext)])
SCOPE: dict[str, Any] = {
    "type": "http",
    "asgi": {"version": "3.0"},
    "http_version": "1.1",
    "method": "GET",
    "scheme": "http",
    "path": "/plaintext",
    "raw_path": b"/plaintext",
    "root_path": "",
    "query_string": b"",
    "headers": [(b"host", b"127.0.0.1")],
    "client": ("127.0.0.1", 50000),
    "server": ("127.0.0.1", 8000),
}


async def receive() -> dict[str, Any]:
    """An empty request body."""
    return {"type": "http.request", "body": b"", "more_body": False}


async def send(message: dict[str, Any]) -> None:
    """Fail loudly if the endpoint does not answer 200."""
    if message["type"] == "http.response.start" and message["status"] != 200:
        raise RuntimeError(f"status {message['status']}")


async def calls(n: int) -> float:
    """Seconds for ``n`` sequential ASGI calls."""
    start = time.perf_counter()
    for _ in range(n):
        await app(dict(SCOPE), receive, send)
    return time.perf_counter() - start


def main() -> int:
    """Warm up, then time ``--repeats`` loops of ``--n`` calls."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    loop = asyncio.new_event_loop()
    loop.run_until_complete(calls(200))
    seconds = [loop.run_until_complete(calls(args.n)) for _ in range(args.repeats)]
    json.dump({"n": args.n, "seconds": seconds}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
