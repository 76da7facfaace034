"""Call the app in-process with Litestar's TestClient (no server) and print GET /plaintext."""

from app import app
from litestar.testing import TestClient

with TestClient(app) as client:
    print(client.get("/plaintext").text)
