"""Reflex's configuration of the Atlas example: the app module, allowed origins, no telemetry.

`reflex run` reads this file from the working directory. State lives in memory (no Redis, so one
backend worker), and the sitemap plugin is off because the example builds no frontend.

The database endpoints (db.py) use Reflex's ORM, configured here: with `DATABASE_URL` set, the
same PostgreSQL database through psycopg 3 as `db_url` and `async_db_url`, and a pool of exactly
`DATABASE_POOL_SIZE` connections through Reflex's `SQLALCHEMY_POOL_SIZE` and
`SQLALCHEMY_MAX_OVERFLOW` variables. Without it Reflex has no database configured.
"""

import os

import reflex as rx

database = os.environ.get("DATABASE_URL")
if database:
    database = database.replace("postgresql://", "postgresql+psycopg://", 1)
    os.environ.setdefault("SQLALCHEMY_POOL_SIZE", os.environ.get("DATABASE_POOL_SIZE", "4"))
    os.environ.setdefault("SQLALCHEMY_MAX_OVERFLOW", "0")

config = rx.Config(
    app_name="atlas",
    app_module_import="app",  # app.py beside this file, not Reflex's atlas/atlas.py layout
    cors_allowed_origins=["https://client.example"],
    state_manager_mode="memory",
    telemetry_enabled=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
    db_url=database,
    async_db_url=database,
)
