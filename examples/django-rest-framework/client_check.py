"""Call the project in-process with DRF's APIClient (no server) and print GET /plaintext."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.test.utils import setup_test_environment  # noqa: E402  (after django.setup())
from rest_framework.test import APIClient  # noqa: E402

setup_test_environment()  # allows the test client's host, "testserver"
print(APIClient().get("/plaintext").content.decode())
