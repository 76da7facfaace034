"""Call the app in-process with Muffin's TestClient (no server) and print GET /plaintext."""

import asyncio

from app import app
from muffin import TestClient


async def main():
    response = await TestClient(app).get("/plaintext")
    print(await response.text())


asyncio.run(main())
