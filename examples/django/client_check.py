"""Call the project in-process with Django's test client (no server) and print GET /plaintext."""

import os

import django
from django.test import Client
from django.test.utils import setup_test_environment

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()
setup_test_environment()  # allows the test client's host, "testserver"
print(Client().get("/plaintext").content.decode())
