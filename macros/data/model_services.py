"""Kinds around the app that run beside it: settings, observability and HTTP clients.

Declared like every other kind (see ``model.py``): a ``...Features`` class of typed feature cells,
each with a label, a group and a one-line definition, and an entity class naming its folder.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from macros.data.entity import Entity
from macros.data.fields import FeatureValue, Strict, feature
from macros.data.model_storage import STORAGE_MODELS


class SettingsFeatures(Strict):
    """Typed feature cells of a settings / configuration library."""

    # Sources
    env_vars: FeatureValue | None = feature(
        "Environment variables", "Sources", "Reads settings from environment variables."
    )
    dotenv: FeatureValue | None = feature(
        "Dotenv files", "Sources", "Reads `.env` files without another package."
    )
    config_files: FeatureValue | None = feature(
        "Config files", "Sources", "Reads settings from TOML, YAML, JSON or INI files."
    )
    secrets_files: FeatureValue | None = feature(
        "Secret files",
        "Sources",
        "Reads one value per file from a secrets directory (Docker or Kubernetes secrets).",
    )
    external_stores: FeatureValue | None = feature(
        "Secret stores",
        "Sources",
        "Reads from a secret store or config service (Vault, AWS, Azure, GCP) through the library.",
    )
    # Shape
    typed_validation: FeatureValue | None = feature(
        "Typed validation",
        "Shape",
        "Converts values to declared types and rejects invalid ones when settings load.",
    )
    nested: FeatureValue | None = feature(
        "Nested settings", "Shape", "Groups settings in nested sections or models."
    )
    environments: FeatureValue | None = feature(
        "Per-environment layers",
        "Shape",
        "Switches between named environments (development, production) layered over defaults.",
    )


class Settings(Entity):
    """A library that loads application settings from the environment and files."""

    kind: Literal["settings"] = "settings"
    directory: ClassVar[str] = "settings"

    features: SettingsFeatures = Field(default_factory=SettingsFeatures)


class ObservabilityFeatures(Strict):
    """Typed feature cells of an observability library (tracing, metrics, logs, errors)."""

    # Signals
    traces: FeatureValue | None = feature(
        "Traces", "Signals", "Records spans of work with timing and parent-child links."
    )
    metrics: FeatureValue | None = feature(
        "Metrics", "Signals", "Records counters, gauges and histograms."
    )
    structured_logs: FeatureValue | None = feature(
        "Structured logs",
        "Signals",
        "Emits log records as key-value data (e.g. JSON) rather than only formatted text.",
    )
    error_reports: FeatureValue | None = feature(
        "Error reports",
        "Signals",
        "Captures unhandled exceptions with stack trace and context and sends them to a service.",
    )
    # Integration
    auto_instrumentation: FeatureValue | None = feature(
        "Framework instrumentation",
        "Integration",
        "Instruments web frameworks, HTTP clients or database drivers without code per call.",
    )
    stdlib_logging: FeatureValue | None = feature(
        "stdlib logging",
        "Integration",
        "Captures or formats records of the standard library's `logging` module.",
    )
    # Export
    otlp_export: FeatureValue | None = feature(
        "OTLP export", "Export", "Sends data over the OpenTelemetry protocol (OTLP)."
    )
    sampling: FeatureValue | None = feature(
        "Sampling", "Export", "Keeps only a configured share of traces or events."
    )


class Observability(Entity):
    """An observability library: tracing, metrics, logging or error reporting."""

    kind: Literal["observability"] = "observability"
    directory: ClassVar[str] = "observability"

    features: ObservabilityFeatures = Field(default_factory=ObservabilityFeatures)


class HttpClientFeatures(Strict):
    """Typed feature cells of an HTTP client library."""

    # API
    sync_api: FeatureValue | None = feature(
        "Sync API", "API", "Sends requests with blocking calls."
    )
    async_api: FeatureValue | None = feature(
        "Async API", "API", "Sends requests with awaitable calls on asyncio."
    )
    streaming: FeatureValue | None = feature(
        "Streaming", "API", "Reads response bodies (and sends request bodies) in chunks."
    )
    app_transport: FeatureValue | None = feature(
        "In-process apps",
        "API",
        "Sends requests straight into an ASGI or WSGI app object, without a server.",
    )
    # Protocols
    http2: FeatureValue | None = feature("HTTP/2", "Protocols", "Speaks HTTP/2 to servers.")
    http3: FeatureValue | None = feature("HTTP/3", "Protocols", "Speaks HTTP/3 over QUIC.")
    # Resilience
    connection_pool: FeatureValue | None = feature(
        "Connection pool", "Resilience", "Keeps connections open per host and reuses them."
    )
    retries: FeatureValue | None = feature(
        "Retries",
        "Resilience",
        "Retries failed requests by a configurable policy (count, backoff, status codes).",
    )
    typed: FeatureValue | None = feature(
        "Type hints",
        "Developer experience",
        "The package ships inline type hints (PEP 561 `py.typed`).",
    )


class HttpClient(Entity):
    """A library that sends HTTP requests."""

    kind: Literal["http-client"] = "http-client"
    directory: ClassVar[str] = "http-clients"

    features: HttpClientFeatures = Field(default_factory=HttpClientFeatures)


AROUND_APP_MODELS: tuple[type[Entity], ...] = (
    *STORAGE_MODELS,
    Settings,
    Observability,
    HttpClient,
)
"""The kinds around the app, registered in ``model.ENTITY_MODELS``."""
