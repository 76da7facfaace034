"""Call the app in-process with Panther's APIClient (no server) and print GET /plaintext."""

import asyncio

from app import app
from panther.test import APIClient


async def main() -> None:
    client = APIClient(app=app)
    response = await client.get("/plaintext")
    print(response.data)


asyncio.run(main())
