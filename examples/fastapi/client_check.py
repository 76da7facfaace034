"""Call the app in-process with FastAPI's TestClient (no server) and print GET /plaintext."""

from app import app
from fastapi.testclient import TestClient

with TestClient(app) as client:
    print(client.get("/plaintext").text)
