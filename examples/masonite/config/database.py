"""Database configuration (config/database.py of a generated project), read by Masonite ORM.

The connection comes from `DATABASE_URL` through the ORM's `db_url` helper, with the ORM's own
connection pool holding `DATABASE_POOL_SIZE` connections per process. Without `DATABASE_URL`
the app still starts: the ORM connects only when a query runs, so only the database endpoints
fail.
"""

import os

from masoniteorm.config import db_url
from masoniteorm.connections import ConnectionResolver

POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "4"))
POOLING = {
    "connection_pooling_enabled": True,
    "connection_pooling_min_size": POOL_SIZE,
    "connection_pooling_max_size": POOL_SIZE,
}
URL = os.environ.get("DATABASE_URL")

DATABASES = {
    "default": "postgres",
    "postgres": {**db_url(URL), **POOLING} if URL else {"driver": "postgres", **POOLING},
}

DB = ConnectionResolver().set_connection_details(DATABASES)
