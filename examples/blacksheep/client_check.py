"""Call the app in-process with BlackSheep's TestClient (no server) and print GET /plaintext."""

import asyncio

from app import app
from blacksheep.testing import TestClient


async def main() -> None:
    await app.start()
    response = await TestClient(app).get("/plaintext")
    print(await response.text())


asyncio.run(main())
