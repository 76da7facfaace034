"""Settings of the Atlas example Django REST framework project: JSON only, no database."""

# An example value: a real project reads its secret key from the environment.
SECRET_KEY = "atlas-example-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["rest_framework"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]  # no sessions or CSRF: a JSON API
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

REST_FRAMEWORK = {
    # No users or sessions in this example, so no authentication and no database tables for it.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# --- database endpoints (TechEmpower tests): see db/ ---
from db.config import TEMPLATES, databases  # noqa: E402, F401

INSTALLED_APPS = [*INSTALLED_APPS, "db"]
DATABASES = databases()
# --- end database endpoints ---
