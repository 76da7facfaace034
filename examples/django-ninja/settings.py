"""Settings of the Atlas example Django Ninja project: no database, no templates, JSON views only."""

SECRET_KEY = "atlas-example-not-secret"  # an example; a real project reads this from the environment
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]  # no sessions or CSRF: a JSON API
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
