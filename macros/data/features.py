"""The feature cells of web frameworks and application servers, in the groups the matrix shows.

Each cell is declared with :func:`macros.data.fields.feature`: its column label, its group and a
one-line definition, so "partial" means the same thing in every row.
"""

from __future__ import annotations

from macros.data.fields import FeatureValue, Strict, feature


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
        "Serializes a declared return type or schema to JSON, filtering fields the schema does "
        "not list; a schema that only documents or validates the output, filtering none, is `no`.",
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
        "Compresses responses when the client accepts it (gzip alone is `yes`); `partial` if "
        "only opted in per response, or if some responses (e.g. streamed ones) are skipped.",
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
        "HTTP/2",
        "HTTP",
        "Can be served over HTTP/2: by its own server, or `via-plugin` through the servers its "
        "docs name that serve HTTP/2 themselves (listed in `via`).",
    )
    http3: FeatureValue | None = feature(
        "HTTP/3",
        "HTTP",
        "Can be served over HTTP/3 / QUIC: by its own server, or `via-plugin` through the "
        "servers its docs name that serve HTTP/3 themselves (listed in `via`).",
    )
    # Real time and background
    websockets: FeatureValue | None = feature(
        "WebSockets", "Real time", "Accepts WebSocket connections in handlers."
    )
    sse: FeatureValue | None = feature(
        "SSE",
        "Real time",
        "A documented way to stream server-sent events (text/event-stream): `yes` with a helper "
        "or response class, `partial` if the docs show it with a plain streamed response.",
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
    orm: FeatureValue | None = feature(
        "ORM",
        "Web app",
        "Ships its own object-relational mapper (`yes`), or ties one to the app through a "
        "dedicated package or plugin (`via-plugin`); an ORM merely called in handlers is `no`.",
    )
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
        "OpenTelemetry",
        "Operations",
        "Emits OpenTelemetry traces for requests; OpenTelemetry's generic ASGI or WSGI "
        "middleware counts as `via-plugin` for an app of that interface.",
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
        "Restarts the development server when a source file changes: `yes` if the framework's "
        "own run() or CLI does it (also through a server it installs), `via-plugin` if its docs "
        "run the app on a separate server or tool that reloads.",
    )
    cli: FeatureValue | None = feature(
        "CLI", "Developer experience", "Ships a command-line tool to run or manage the app."
    )
    typed: FeatureValue | None = feature(
        "Type hints",
        "Developer experience",
        "The package ships inline type hints (PEP 561 `py.typed`).",
    )


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
