"""Call the app in-process with Quart's test client (no server) and print GET /plaintext."""

import asyncio

from app import app


async def main() -> None:
    response = await app.test_client().get("/plaintext")
    print(await response.get_data(as_text=True))


asyncio.run(main())
