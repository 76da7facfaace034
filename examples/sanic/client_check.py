"""Call the app in-process with Sanic Testing's ASGI client (no server) and print GET /plaintext."""

import asyncio

from app import app


async def main() -> None:
    _, response = await app.asgi_client.get("/plaintext")
    print(response.text)


asyncio.run(main())
