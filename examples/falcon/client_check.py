"""Call the app in-process with Falcon's TestClient (no server) and print GET /plaintext."""

from app import app
from falcon.testing import TestClient

print(TestClient(app).simulate_get("/plaintext").text)
