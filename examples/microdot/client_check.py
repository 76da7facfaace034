"""Call the app in-process with Microdot's TestClient (no server) and print GET /plaintext."""

import asyncio

from app import app
from microdot.test_client import TestClient


async def main():
    response = await TestClient(app).get("/plaintext")
    print(response.text)


asyncio.run(main())
