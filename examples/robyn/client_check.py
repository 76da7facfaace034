"""Call the app in-process with Robyn's TestClient (no server) and print GET /plaintext."""

from app import app
from robyn import TestClient

print(TestClient(app).get("/plaintext").text)
