"""Call the app in-process with WebTest (no server) and print GET /plaintext."""

from app import app
from webtest import TestApp

print(TestApp(app).get("/plaintext").text)
