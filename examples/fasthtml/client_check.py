"""Call the app in-process with FastHTML's Client (no server) and print GET /plaintext."""

from app import app
from fasthtml.common import Client

print(Client(app).get("/plaintext").text)
