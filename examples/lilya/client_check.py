"""Call the app in-process with Lilya's TestClient (no server) and print GET /plaintext."""

from app import app
from lilya.testclient import TestClient

with TestClient(app) as client:
    print(client.get("/plaintext").text)
