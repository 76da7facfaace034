"""Call the app in-process with Connexion's test client (a Starlette TestClient, no server) and
print GET /plaintext."""

from app import app

with app.test_client() as client:
    print(client.get("/plaintext").text)
