"""Call the app in-process with Emmett's test client (no server) and print GET /plaintext."""

from app import app

print(app.test_client().get("/plaintext").data)
