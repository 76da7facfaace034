"""The routes of the Atlas example API (`routes/web.py` in a generated project)."""

import db
import features
from controllers import HelloController, UsersController
from masonite.routes import Route

ROUTES = [
    Route.post("/users", UsersController.store),
    Route.get("/users/@user_id:int", UsersController.show),
    Route.get("/plaintext", HelloController.plaintext),
    Route.get("/json", HelloController.json),
    *features.routes(),
    *db.routes(),
]
