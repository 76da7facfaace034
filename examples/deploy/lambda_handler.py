"""AWS Lambda entry point for the FastAPI example: Mangum turns Lambda events into ASGI calls.

Package ``examples/fastapi/app.py`` next to this file (plus ``requirements-lambda.txt``) and set
the function's handler to ``lambda_handler.handler``.
"""

from app import app
from mangum import Mangum

# The example has no start-up or shutdown code, so the ASGI lifespan protocol is not needed.
handler = Mangum(app, lifespan="off")
