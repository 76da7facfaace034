"""The example apps' data: ``data/examples/<framework>.yaml``, one per ``examples/<framework>/``."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StringConstraints

from macros.data.fields import EntityId, OneLine, Source, Strict
from macros.data.production import Database, Production

Interface = Literal["asgi", "wsgi", "rsgi", "own-server"]


class ExampleRun(Strict):
    """How to start an example under one server."""

    server: EntityId = Field(description="A server id, or the framework id for its own server.")
    command: OneLine | None = Field(
        default=None,
        description="Own command template ({host}, {port}); omit to use the server's `run` "
        "template for the example's interface.",
    )
    production: Production | None = Field(default=None, description="Own server's settings.")
    without_websockets: OneLine | None = Field(
        default=None,
        description="Why the example's WebSocket route cannot work under this server (a WSGI "
        "plugin that needs the socket of another server); the conformance run skips that probe. "
        "The first run, which decides the framework's cell, must carry WebSockets.",
    )


UrlPath = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^/\S*$")]
Script = Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.py$")]


def _demo(what: str) -> Any:
    return Field(default=None, description=what)


class ExampleFeatures(Strict):
    """Where an example demonstrates each framework feature a probe can decide.

    Every key is a field of ``FrameworkFeatures``; ``tests/examples/test_features.py`` probes the
    path and holds the framework's cell to the answer, both ways.
    """

    request_validation: UrlPath | None = _demo("POST a JSON body here: a bad one gets a 4xx error.")
    response_serialization: UrlPath | None = _demo(
        "GET: a declared response model drops a field the handler returned."
    )
    openapi: UrlPath | None = _demo("GET: the OpenAPI document, listing `/users`.")
    api_docs_ui: UrlPath | None = _demo("GET: an HTML page of interactive API docs.")
    route_groups: UrlPath | None = _demo("GET: a route of a mounted group (router, blueprint).")
    middleware: UrlPath | None = _demo("GET: any route; middleware adds `X-Atlas-Middleware`.")
    cors: UrlPath | None = _demo("OPTIONS preflight from an allowed origin.")
    compression: UrlPath | None = _demo("GET with `Accept-Encoding: gzip`: a gzip body.")
    static_files: UrlPath | None = _demo("GET: `hello.txt` from a static folder.")
    streaming: UrlPath | None = _demo("GET: a body sent in chunks from a generator.")
    file_upload: UrlPath | None = _demo("POST multipart: the file's name and size come back.")
    cookies: UrlPath | None = _demo("GET `?value=`: sets a cookie; GET again: reads it back.")
    sessions: UrlPath | None = _demo("POST sets a session value; GET with the cookie reads it.")
    csrf: UrlPath | None = _demo("POST a form without a token: refused (400, 401 or 403).")
    templates: UrlPath | None = _demo("GET `?name=`: HTML rendered from a template, escaped.")
    websockets: UrlPath | None = _demo("WebSocket echo.")
    sse: UrlPath | None = _demo("GET: events with data 1, 2, 3.")
    background_tasks: UrlPath | None = _demo(
        "POST schedules a task after the response; GET then shows it ran."
    )
    lifespan: UrlPath | None = _demo('GET: `{"started": true}` set by a startup hook.')
    cli: OneLine | None = _demo(
        "A command of the framework's CLI, run in the example folder with its environment: it "
        "must exit 0. For a `no` cell the suite checks that the package declares no command."
    )
    test_client: Script | None = _demo(
        "Script in the example folder that calls the app with the framework's test client and "
        "prints the body of `GET /plaintext`."
    )

    def declared(self) -> dict[str, str]:
        """Feature name -> path, for the features this example demonstrates."""
        return {name: path for name, path in self if path is not None}


class Example(Strict):
    """The same small API written in one framework: ``examples/<framework>/``."""

    directory: ClassVar[str] = "examples"

    framework: EntityId = Field(description="Framework id; also the file and folder name.")
    interface: Interface
    target: OneLine = Field(description="`module:attribute` of the app, e.g. `app:app`.")
    runs: list[ExampleRun] = Field(min_length=1)
    json_library: OneLine | None = Field(
        default=None, description="Library the framework uses by default to encode JSON."
    )
    features: ExampleFeatures = Field(
        default_factory=lambda: ExampleFeatures(),
        description="Framework features the example demonstrates, each at the URL path (or, for "
        "`test_client`, the script) the conformance suite probes.",
    )
    skip: OneLine | None = Field(default=None, description="Why it cannot run here, if so.")
    database: Database | None = Field(default=None, description="Its /db, /fortunes ... setup.")
    sources: list[Source] = Field(default_factory=list)
