"""The Atlas data model, declared once.

Every YAML file under ``data/`` is validated against one of these models. The JSON Schemas in
``schemas/``, the schema reference page and the loader's error messages all derive from here.
Field types and the feature cell are in :mod:`macros.data.fields`; the framework and server
feature cells in :mod:`macros.data.features`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from macros.data.entity import Entity, Status
from macros.data.example_model import Example, ExampleFeatures, ExampleRun, Interface
from macros.data.features import FrameworkFeatures, ServerFeatures
from macros.data.fields import (
    ID_PATTERN,
    EntityId,
    Feature,
    FeatureValue,
    HttpUrl,
    OneLine,
    PartialDate,
    Source,
    Strict,
    Support,
    Text,
    feature,
)
from macros.data.model_graphql import GraphqlLibrary
from macros.data.model_services import AROUND_APP_MODELS
from macros.data.model_task_queue import TaskQueue
from macros.data.production import Production
from macros.data.server_flags import ServerFeatureFlags, ServerFinding

__all__ = [
    "ID_PATTERN",
    "Entity",
    "EntityId",
    "Example",
    "ExampleFeatures",
    "ExampleRun",
    "Feature",
    "FeatureValue",
    "FrameworkFeatures",
    "HttpUrl",
    "Interface",
    "OneLine",
    "PartialDate",
    "ServerFeatures",
    "Source",
    "Status",
    "Strict",
    "Support",
    "Text",
    "feature",
]


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
    feature_flags: ServerFeatureFlags = Field(
        default_factory=ServerFeatureFlags,
        description="Flags the server probes add to `run` to show each feature.",
    )
    probe_skip: OneLine | None = Field(
        default=None, description="Why the server probes cannot run this server here, if so."
    )
    probe_findings: list[ServerFinding] = Field(
        default_factory=list, description="Claims here that a server probe contradicted."
    )
    production: Production | None = Field(default=None, description="Settings of `run`.")
    features: ServerFeatures = Field(default_factory=ServerFeatures)


class ValidationFeatures(Strict):
    """Typed feature cells of a validation / serialization library."""

    validation: FeatureValue | None = feature(
        "Validation",
        "Checks",
        "Checks input against declared types and reports every error with its location.",
    )
    json_schema: FeatureValue | None = feature(
        "JSON Schema", "Checks", "Generates a JSON Schema document from a model."
    )
    json_encode: FeatureValue | None = feature(
        "JSON encoding", "Serialization", "Encodes models or Python objects to JSON itself."
    )
    msgpack: FeatureValue | None = feature(
        "MessagePack", "Serialization", "Encodes and decodes MessagePack."
    )
    dataclass_support: FeatureValue | None = feature(
        "Dataclasses", "Serialization", "Validates or serializes standard-library dataclasses."
    )


class ValidationLibrary(Entity):
    """A validation and/or serialization library."""

    kind: Literal["validation"] = "validation"
    directory: ClassVar[str] = "validation"

    implementation_language: list[OneLine] = Field(default_factory=list)
    features: ValidationFeatures = Field(default_factory=ValidationFeatures)


class PackageManagerFeatures(Strict):
    """Typed feature cells of a package / project manager."""

    lock_file: FeatureValue | None = feature(
        "Lock file",
        "Projects",
        "Writes a lock file that pins every dependency for reproducible installs.",
    )
    python_install: FeatureValue | None = feature(
        "Installs Python", "Projects", "Downloads and installs Python interpreters itself."
    )
    workspaces: FeatureValue | None = feature(
        "Workspaces", "Projects", "Manages several packages of one repository as a workspace."
    )
    pep621: FeatureValue | None = feature(
        "PEP 621 metadata",
        "Projects",
        "Reads project metadata from the standard [project] table of pyproject.toml.",
    )
    conda_packages: FeatureValue | None = feature(
        "Conda packages", "Projects", "Installs packages from conda channels."
    )


class PackageManager(Entity):
    """A package / project manager."""

    kind: Literal["package-manager"] = "package-manager"
    directory: ClassVar[str] = "package-managers"

    implementation_language: list[OneLine] = Field(default_factory=list)
    features: PackageManagerFeatures = Field(default_factory=PackageManagerFeatures)


class OrmFeatures(Strict):
    """Typed feature cells of an ORM / ODM."""

    async_support: FeatureValue | None = feature(
        "Async", "Queries", "Runs queries with async/await."
    )
    migrations: FeatureValue | None = feature(
        "Migrations",
        "Schema",
        "Generates and applies schema migrations (itself or with a named tool).",
    )
    pydantic_models: FeatureValue | None = feature(
        "Pydantic models", "Schema", "Models are, or convert to, Pydantic models."
    )


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

    free_threaded_build: FeatureValue | None = feature(
        "Free-threaded build",
        "Interpreter",
        "An official build without the GIL exists for this release line.",
    )
    jit: FeatureValue | None = feature(
        "JIT", "Interpreter", "Ships a just-in-time compiler (experimental or not)."
    )
    subinterpreters: FeatureValue | None = feature(
        "Subinterpreters", "Interpreter", "Subinterpreters are usable from Python code."
    )


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
    *AROUND_APP_MODELS,
    TaskQueue,
    GraphqlLibrary,
)
"""Every entity model; its ``directory`` under ``data/`` holds one YAML file per entity."""

MODEL_BY_DIRECTORY: dict[str, type[Entity]] = {m.directory: m for m in ENTITY_MODELS}
MODEL_BY_KIND: dict[str, type[Entity]] = {m.model_fields["kind"].default: m for m in ENTITY_MODELS}
