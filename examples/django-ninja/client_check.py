"""Call the API in-process with Django Ninja's TestClient (no server) and print GET /plaintext."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from api import api  # noqa: E402  (after django.setup())
from ninja.testing import TestClient  # noqa: E402

print(TestClient(api).get("/plaintext").content.decode())
