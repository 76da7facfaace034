"""Call the app with aiohttp's TestClient (in this process, on a test server) and print GET
/plaintext."""

import asyncio

from aiohttp.test_utils import TestClient, TestServer
from app import make_app


async def main() -> None:
    async with TestClient(TestServer(make_app())) as client:
        response = await client.get("/plaintext")
        print(await response.text())


asyncio.run(main())
