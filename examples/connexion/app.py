"""The Atlas example API in Connexion: spec first. openapi.yaml declares the routes, their
parameters and schemas; Connexion routes each request to the handler in api.py that the spec
names, validates it against the spec, and serves the spec (/openapi.json) and Swagger UI (/ui/)."""

import features
from connexion import AsyncApp

app = AsyncApp(__name__, lifespan=features.lifespan)
app.add_api("openapi.yaml")
features.setup(app)
