"""Call the app in-process with Ravyn's RavynTestClient (no server) and print GET /plaintext."""

from app import app
from ravyn.testclient import RavynTestClient

with RavynTestClient(app) as client:
    print(client.get("/plaintext").text)
