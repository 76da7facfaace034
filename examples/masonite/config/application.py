"""Application configuration (config/application.py of a generated project)."""

from masonite.environment import env

NAME = env("APP_NAME", "Atlas example")
# An example value: a real project keeps the key `python craft key` makes in its .env file.
KEY = env("APP_KEY", "Q27l6yu9w7b__JAwtc8M5HqJd0aX7YjYwFOYTOSAT-A=")
DEBUG = env("APP_DEBUG", False)
