"""Settings of the Atlas example Django project: no database, JSON views (and the feature views of
features.py, configured at the end)."""

# An example value: a real project reads its secret key from the environment.
SECRET_KEY = "atlas-example-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]  # no sessions or CSRF: a JSON API
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# Framework features (features.py, under /features/): see data/examples/django.yaml
INSTALLED_APPS += ["corsheaders", "ninja", "features.FeaturesConfig"]  # ninja: its docs page
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    *MIDDLEWARE,
    "django.contrib.sessions.middleware.SessionMiddleware",
    "features.mark",
]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"  # no database needed
CORS_ALLOWED_ORIGINS = ["https://client.example"]
CORS_URLS_REGEX = r"^/features/.*$"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": ["templates"],
        "APP_DIRS": True,  # the database app's fortunes template
    }
]
# --- database endpoints (TechEmpower tests): see db/ ---
from db.config import databases  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "db"]
DATABASES = databases()
# --- end database endpoints ---
