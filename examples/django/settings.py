"""Settings of the Atlas example Django project: no database, no templates, JSON views only."""

# An example value: a real project reads its secret key from the environment.
SECRET_KEY = "atlas-example-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]  # no sessions or CSRF: a JSON API
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# --- database endpoints (TechEmpower tests): see db/ ---
from db.config import TEMPLATES, databases  # noqa: E402, F401

INSTALLED_APPS = [*INSTALLED_APPS, "db"]
DATABASES = databases()
# --- end database endpoints ---
