"""Database settings from the environment: `DATABASE_URL` and `DATABASE_POOL_SIZE`.

Django's PostgreSQL backend on psycopg 3 with its connection pool (Django 5.1+, `OPTIONS["pool"]`).
"""

import os
from urllib.parse import urlsplit


def databases() -> dict[str, dict[str, object]]:
    """`DATABASES` for the URL in `DATABASE_URL`, or none when it is not set."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return {}
    parts = urlsplit(url)
    size = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
    return {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parts.path.lstrip("/"),
            "USER": parts.username or "",
            "PASSWORD": parts.password or "",
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": {"pool": {"min_size": size, "max_size": size}},
        }
    }


TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
    }
]
