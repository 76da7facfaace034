"""Call the app in-process with FastAPI's TestClient (no server) and print GET /plaintext."""

from fastapi.testclient import TestClient

from app import app

with TestClient(app) as client:
    print(client.get("/plaintext").text)
