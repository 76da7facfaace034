"""The Atlas data model, declared once.

Every YAML file under ``data/`` is validated against one of these models. The JSON Schemas in
``schemas/``, the schema reference page and the loader's error messages all derive from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from macros.data.model_base import (
    ID_PATTERN,
    Entity,
    EntityId,
    Feature,
    FeatureValue,
    HttpUrl,
    OneLine,
    PartialDate,
    Source,
    Status,
    Strict,
    Support,
    Text,
    feature,
)
from macros.data.model_graphql import GraphqlLibrary
from macros.data.model_task_queue import TaskQueue

__all__ = [  # the building blocks, re-exported for the modules that import them from here
    "ID_PATTERN",
    "Entity",
    "EntityId",
    "Feature",
    "FeatureValue",
    "HttpUrl",
    "OneLine",
    "PartialDate",
    "Source",
    "Status",
    "Strict",
    "Support",
    "Text",
    "feature",
]


Interface = Literal["asgi", "wsgi", "rsgi", "own-server"]
Camp = Literal[
    "layered-asgi",
    "micro-asgi",
    "async-own-server",
    "full-stack",
    "rust-core",
    "classic-wsgi",
    "html-first",
    "legacy",
]


class FrameworkFeatures(Strict):
    """Typed feature cells of a web framework, in the groups the matrix shows."""

    # API
    request_validation: FeatureValue | None = feature(
        "Body validation",
        "API",
        "Parses a request body into declared types and rejects bad input "
        "with a 4xx error, without hand-written checks.",
    )
    response_serialization: FeatureValue | None = feature(
        "Response models",
        "API",
        "Serializes a declared return type or schema to JSON, filtering "
        "fields the schema does not list.",
    )
    openapi: FeatureValue | None = feature(
        "OpenAPI", "API", "Publishes an OpenAPI document generated from the routes."
    )
    api_docs_ui: FeatureValue | None = feature(
        "API docs UI",
        "API",
        "Serves interactive API documentation (Swagger UI, ReDoc, Scalar...) "
        "for the generated schema.",
    )
    dependency_injection: FeatureValue | None = feature(
        "Dependency injection",
        "API",
        "Resolves handler parameters from declared providers per "
        "request, and lets tests override them.",
    )
    class_based_views: FeatureValue | None = feature(
        "Class-based views",
        "API",
        "Handlers can be methods of a class (views, controllers, "
        "resources) that the router dispatches to by HTTP method.",
    )
    route_groups: FeatureValue | None = feature(
        "Route groups",
        "API",
        "Routes can be grouped in mountable units (routers, blueprints, "
        "apps) with a shared prefix.",
    )
    # HTTP
    middleware: FeatureValue | None = feature(
        "Middleware", "HTTP", "Code that wraps every request and response, registered on the app."
    )
    cors: FeatureValue | None = feature(
        "CORS",
        "HTTP",
        "Answers CORS preflight requests and adds Access-Control headers from a configuration.",
    )
    compression: FeatureValue | None = feature(
        "Compression",
        "HTTP",
        "Compresses responses (gzip, Brotli or zstd) when the client accepts it.",
    )
    static_files: FeatureValue | None = feature(
        "Static files", "HTTP", "Serves files from a folder under a URL prefix."
    )
    streaming: FeatureValue | None = feature(
        "Streaming responses",
        "HTTP",
        "Sends a response body in chunks from an iterator or generator while it is produced.",
    )
    file_upload: FeatureValue | None = feature(
        "File upload", "HTTP", "Parses multipart/form-data bodies into fields and uploaded files."
    )
    cookies: FeatureValue | None = feature(
        "Cookies", "HTTP", "Reads request cookies and sets response cookies through the API."
    )
    http2: FeatureValue | None = feature(
        "HTTP/2", "HTTP", "Can be served over HTTP/2 (by its own server or through servers)."
    )
    http3: FeatureValue | None = feature(
        "HTTP/3", "HTTP", "Can be served over HTTP/3 / QUIC (by its own server or through servers)."
    )
    # Real time and background
    websockets: FeatureValue | None = feature(
        "WebSockets", "Real time", "Accepts WebSocket connections in handlers."
    )
    sse: FeatureValue | None = feature(
        "SSE", "Real time", "A documented way to stream server-sent events (text/event-stream)."
    )
    background_tasks: FeatureValue | None = feature(
        "Background tasks",
        "Real time",
        "Runs a function after the response is sent, in the same "
        "process, through a documented API.",
    )
    lifespan: FeatureValue | None = feature(
        "Startup / shutdown hooks",
        "Real time",
        "Runs code once when the app starts and when it "
        "stops (ASGI lifespan or the framework's own hooks).",
    )
    # Web app
    sessions: FeatureValue | None = feature(
        "Sessions", "Web app", "Keeps per-client state across requests (signed cookie or a store)."
    )
    csrf: FeatureValue | None = feature(
        "CSRF protection",
        "Web app",
        "Rejects cross-site form posts without a valid token or origin check.",
    )
    templates: FeatureValue | None = feature(
        "Templates", "Web app", "Renders HTML from templates through a documented integration."
    )
    orm: FeatureValue | None = feature("ORM", "Web app", "Ships its own object-relational mapper.")
    migrations: FeatureValue | None = feature(
        "Migrations", "Web app", "Generates and applies database schema migrations."
    )
    admin: FeatureValue | None = feature(
        "Admin", "Web app", "An admin interface to browse and edit data."
    )
    graphql: FeatureValue | None = feature("GraphQL", "Web app", "Serves a GraphQL endpoint.")
    # Security
    auth: FeatureValue | None = feature(
        "Authentication",
        "Security",
        "Identifies the user (sessions, tokens, OAuth2 or API keys) through a documented API.",
    )
    permissions: FeatureValue | None = feature(
        "Permissions",
        "Security",
        "Declares per-route access rules (guards, permission classes, "
        "decorators) checked before the handler.",
    )
    rate_limiting: FeatureValue | None = feature(
        "Rate limiting", "Security", "Limits requests per client and time window."
    )
    # Operations
    caching: FeatureValue | None = feature(
        "Response caching",
        "Operations",
        "Caches whole responses or handler results in memory or a store.",
    )
    opentelemetry: FeatureValue | None = feature(
        "OpenTelemetry", "Operations", "Emits OpenTelemetry traces for requests."
    )
    free_threading: FeatureValue | None = feature(
        "Free-threading",
        "Operations",
        "Runs on a free-threaded CPython build (3.13t+), as its project states.",
    )
    # Developer experience
    test_client: FeatureValue | None = feature(
        "Test client", "Developer experience", "Calls the app in tests without starting a server."
    )
    auto_reload: FeatureValue | None = feature(
        "Auto-reload",
        "Developer experience",
        "Restarts the development server when a source "
        "file changes (its own server or its documented dev command).",
    )
    cli: FeatureValue | None = feature(
        "CLI", "Developer experience", "Ships a command-line tool to run or manage the app."
    )
    typed: FeatureValue | None = feature(
        "Type hints",
        "Developer experience",
        "The package ships inline type hints (PEP 561 `py.typed`).",
    )


class Framework(Entity):
    """A web framework."""

    kind: Literal["framework"] = "framework"
    directory: ClassVar[str] = "frameworks"
    reference_fields: ClassVar[tuple[str, ...]] = ("built_on", "validation", "typical_servers")

    camp: Camp
    interfaces: list[Interface] = Field(min_length=1)
    built_on: list[EntityId] = Field(default_factory=list)
    handlers: list[Literal["sync", "async"]] = Field(min_length=1)
    validation: list[EntityId] = Field(
        default_factory=list, description="Validation libraries it integrates first-class."
    )
    typical_servers: list[EntityId] = Field(default_factory=list)
    features: FrameworkFeatures = Field(default_factory=FrameworkFeatures)


class ServerFeatures(Strict):
    """Typed feature cells of an application server, in the groups the matrix shows."""

    # Protocols
    keep_alive: FeatureValue | None = feature(
        "HTTP/1.1 keep-alive", "Protocols", "Serves several HTTP/1.1 requests on one connection."
    )
    http2: FeatureValue | None = feature(
        "HTTP/2", "Protocols", "Serves HTTP/2 itself (h2 over TLS or h2c), without a proxy."
    )
    http3: FeatureValue | None = feature("HTTP/3", "Protocols", "Serves HTTP/3 over QUIC itself.")
    websockets: FeatureValue | None = feature(
        "WebSockets", "Protocols", "Passes WebSocket connections to the application."
    )
    tls: FeatureValue | None = feature(
        "TLS", "Protocols", "Terminates TLS from a certificate and key it is given."
    )
    lifespan: FeatureValue | None = feature(
        "Lifespan", "Protocols", "Runs the ASGI lifespan protocol (startup / shutdown events)."
    )
    unix_socket: FeatureValue | None = feature(
        "UNIX sockets", "Protocols", "Listens on a UNIX domain socket instead of a TCP port."
    )
    # Processes
    process_workers: FeatureValue | None = feature(
        "Process workers", "Processes", "Starts and supervises several worker processes itself."
    )
    thread_workers: FeatureValue | None = feature(
        "Thread workers", "Processes", "Runs the application in several threads of one process."
    )
    worker_recycling: FeatureValue | None = feature(
        "Worker recycling",
        "Processes",
        "Restarts a worker after a number of requests (max requests) or a time.",
    )
    graceful_shutdown: FeatureValue | None = feature(
        "Graceful shutdown",
        "Processes",
        "On SIGTERM stops accepting and lets in-flight requests finish within a timeout.",
    )
    reload: FeatureValue | None = feature(
        "Reload", "Processes", "Restarts when source files change (for development)."
    )
    free_threading: FeatureValue | None = feature(
        "Free-threading",
        "Processes",
        "Runs on a free-threaded CPython build, as its project states.",
    )
    # Operations
    access_log_control: FeatureValue | None = feature(
        "Access-log control",
        "Operations",
        "The access log can be switched on and off by an option (its default is in the note).",
    )
    proxy_headers: FeatureValue | None = feature(
        "Proxy headers",
        "Operations",
        "Trusts X-Forwarded-* / Forwarded headers from configured "
        "proxies for the client address and scheme.",
    )
    static_files: FeatureValue | None = feature(
        "Static files", "Operations", "Serves files from a folder itself, before the application."
    )


class Server(Entity):
    """An ASGI / WSGI / RSGI application server."""

    kind: Literal["server"] = "server"
    directory: ClassVar[str] = "servers"

    protocols: list[Literal["asgi", "wsgi", "rsgi"]] = Field(min_length=1)
    implementation_language: list[OneLine] = Field(min_length=1)
    workers_model: OneLine | None = None
    run: dict[Literal["asgi", "wsgi", "rsgi"], OneLine] = Field(
        default_factory=dict,
        description="Command template per protocol; `{target}` is `module:app`, "
        "`{host}`/`{port}` the address.",
    )
    features: ServerFeatures = Field(default_factory=ServerFeatures)


class ValidationFeatures(Strict):
    """Typed feature cells of a validation / serialization library."""

    validation: FeatureValue | None = None
    json_schema: FeatureValue | None = None
    json_encode: FeatureValue | None = None
    msgpack: FeatureValue | None = None
    dataclass_support: FeatureValue | None = None


class ValidationLibrary(Entity):
    """A validation and/or serialization library."""

    kind: Literal["validation"] = "validation"
    directory: ClassVar[str] = "validation"

    implementation_language: list[OneLine] = Field(default_factory=list)
    features: ValidationFeatures = Field(default_factory=ValidationFeatures)


class PackageManagerFeatures(Strict):
    """Typed feature cells of a package / project manager."""

    lock_file: FeatureValue | None = None
    python_install: FeatureValue | None = None
    workspaces: FeatureValue | None = None
    pep621: FeatureValue | None = None
    conda_packages: FeatureValue | None = None


class PackageManager(Entity):
    """A package / project manager."""

    kind: Literal["package-manager"] = "package-manager"
    directory: ClassVar[str] = "package-managers"

    implementation_language: list[OneLine] = Field(default_factory=list)
    features: PackageManagerFeatures = Field(default_factory=PackageManagerFeatures)


class OrmFeatures(Strict):
    """Typed feature cells of an ORM / ODM."""

    async_support: FeatureValue | None = None
    migrations: FeatureValue | None = None
    pydantic_models: FeatureValue | None = None


class Orm(Entity):
    """An ORM or ODM."""

    kind: Literal["orm"] = "orm"
    directory: ClassVar[str] = "orms"

    databases: list[OneLine] = Field(default_factory=list)
    features: OrmFeatures = Field(default_factory=OrmFeatures)


class CodeQualityTool(Entity):
    """A type checker, linter or formatter."""

    kind: Literal["code-quality"] = "code-quality"
    directory: ClassVar[str] = "code-quality"

    roles: list[Literal["linter", "formatter", "type-checker", "import-sorter"]] = Field(
        min_length=1
    )
    implementation_language: list[OneLine] = Field(default_factory=list)


class TestingTool(Entity):
    """A testing tool: runner, plugin, property-based or load testing."""

    __test__ = False  # pytest: not a test class
    kind: Literal["testing"] = "testing"
    directory: ClassVar[str] = "testing"

    roles: list[Literal["runner", "plugin", "property-based", "load", "http-client"]] = Field(
        min_length=1
    )


class Auth(Entity):
    """An authentication library or identity provider."""

    kind: Literal["auth"] = "auth"
    directory: ClassVar[str] = "auth"

    auth_type: Literal["library", "identity-provider", "authorization"]
    hosting: list[Literal["self-hosted", "saas", "in-process"]] = Field(default_factory=list)
    protocols: list[Literal["jwt", "oauth2", "oidc", "saml", "session", "webauthn"]] = Field(
        default_factory=list
    )


class Deployment(Entity):
    """A deployment target or adapter."""

    kind: Literal["deployment"] = "deployment"
    directory: ClassVar[str] = "deployment"

    deployment_type: Literal["container", "serverless", "paas", "edge", "gpu", "adapter"]


class RuntimeFeatures(Strict):
    """Typed feature cells of a Python runtime."""

    free_threaded_build: FeatureValue | None = None
    jit: FeatureValue | None = None
    subinterpreters: FeatureValue | None = None


class Runtime(Entity):
    """A Python runtime release line."""

    kind: Literal["runtime"] = "runtime"
    directory: ClassVar[str] = "runtimes"

    python_version: Annotated[str, StringConstraints(pattern=r"^3\.\d+$")]
    end_of_life: dt.date | None = None
    features: RuntimeFeatures = Field(default_factory=RuntimeFeatures)


ENTITY_MODELS: tuple[type[Entity], ...] = (
    Framework,
    Server,
    ValidationLibrary,
    PackageManager,
    Orm,
    CodeQualityTool,
    TestingTool,
    Auth,
    Deployment,
    Runtime,
    TaskQueue,
    GraphqlLibrary,
)
"""Every entity model; its ``directory`` under ``data/`` holds one YAML file per entity."""

MODEL_BY_DIRECTORY: dict[str, type[Entity]] = {m.directory: m for m in ENTITY_MODELS}
MODEL_BY_KIND: dict[str, type[Entity]] = {m.model_fields["kind"].default: m for m in ENTITY_MODELS}


class ExampleRun(Strict):
    """How to start an example under one server."""

    server: EntityId = Field(description="A server id, or the framework id for its own server.")
    command: OneLine | None = Field(
        default=None,
        description="Own command template ({host}, {port}); omit to use the server's `run` "
        "template for the example's interface.",
    )


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
    openapi_path: OneLine | None = Field(default=None, description="URL path of the schema.")
    websocket_path: OneLine | None = None
    sse_path: OneLine | None = None
    skip: OneLine | None = Field(default=None, description="Why it cannot run here, if so.")
    sources: list[Source] = Field(default_factory=list)
