"""Call the app in-process with Starlette's TestClient (no server) and print GET /plaintext."""

from app import app
from starlette.testclient import TestClient

with TestClient(app) as client:
    print(client.get("/plaintext").text)
