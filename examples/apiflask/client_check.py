"""Call the app in-process with Flask's test client (no server) and print GET /plaintext."""

from app import app

print(app.test_client().get("/plaintext").get_data(as_text=True))
