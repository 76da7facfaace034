"""The application kernel of the Atlas example: configuration, middleware, routes, templates and
the static folder. `masonite new` puts it in app/Kernel.py; the example keeps its modules flat, so
the locations point at this folder."""

import features
from masonite.auth import Sign
from masonite.configuration import Configuration, config
from masonite.environment import LoadEnvironment
from masonite.foundation import response_handler
from masonite.middleware import (
    CorsMiddleware,
    EncryptCookies,
    SessionMiddleware,
    VerifyCsrfToken,
)
from masonite.routes import Route
from masonite.storage import StorageCapsule
from masonite.utils.location import base_path
from masonite.utils.structures import load


class Kernel:
    # CorsMiddleware last: its after() returns the response, which ends the chain of after()s
    http_middleware = [EncryptCookies, features.MarkMiddleware, CorsMiddleware]
    route_middleware = {"web": [SessionMiddleware, VerifyCsrfToken]}

    def __init__(self, app):
        self.application = app

    def register(self):
        LoadEnvironment()
        self.application.bind("config.location", "config")
        configuration = Configuration(self.application)
        configuration.load()
        self.application.bind("config", configuration)
        self.application.bind("key", config("application.key"))
        self.application.bind("sign", Sign(config("application.key")))
        self.application.bind("controllers.location", "controllers")
        self.application.bind("views.location", "templates")

        self.application.make("middleware").add(self.route_middleware).add(self.http_middleware)
        self.application.make("router").add(Route.group(load("routes", "ROUTES", [])))

        storage = StorageCapsule()
        storage.add_storage_assets({"storage/static": "static/"})
        self.application.bind("storage_capsule", storage)
        self.application.set_response_handler(response_handler)
        self.application.use_storage_path(base_path("storage"))
