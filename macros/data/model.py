"""The Atlas data model, declared once.

Every YAML file under ``data/`` is validated against one of these models. The JSON Schemas in
``schemas/``, the schema reference page and the loader's error messages all derive from here.
Field types and the feature cell are in :mod:`macros.data.fields`; the framework and server
feature cells in :mod:`macros.data.features`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, Field, StringConstraints

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
from macros.data.production import Database, Production

__all__ = [
    "ID_PATTERN",
    "EntityId",
    "Feature",
    "FeatureValue",
    "FrameworkFeatures",
    "HttpUrl",
    "OneLine",
    "PartialDate",
    "ServerFeatures",
    "Source",
    "Strict",
    "Support",
    "Text",
    "feature",
]

Status = Literal["active", "maintenance", "legacy", "archived"]


class Entity(Strict):
    """Fields shared by every kind of entity."""

    directory: ClassVar[str]

    kind: str = Field(description="What this entity is; implied by its folder under `data/`.")
    id: EntityId = Field(description="Same as the file name without `.yaml`.")
    name: OneLine
    aliases: list[OneLine] = Field(default_factory=list, description="Former or other names.")
    category: OneLine | None = None
    summary: OneLine = Field(description="One line in our own words.")
    description: Text = Field(description="Markdown, in our own words.")
    homepage: HttpUrl | None = None
    repository: HttpUrl | None = None
    docs: HttpUrl | None = None
    package: OneLine | None = Field(
        default=None,
        description="Package index name, only where that project really is this entity.",
    )
    install: list[OneLine] = Field(
        default_factory=list,
        description="Requirement strings for `uv add` (e.g. `uvicorn[standard]`).",
    )
    license: OneLine | None = Field(default=None, description="SPDX identifier.")
    first_release: PartialDate | None = None
    authors: list[OneLine] = Field(default_factory=list)
    latest_version: OneLine | None = None
    released: dt.date | None = Field(default=None, description="Date of `latest_version`.")
    requires_python: OneLine | None = None
    status: Status = "active"
    strengths: list[OneLine] = Field(default_factory=list)
    weaknesses: list[OneLine] = Field(default_factory=list)
    best_for: list[OneLine] = Field(default_factory=list)
    alternatives: list[EntityId] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    as_of: dt.date = Field(description="Day the facts were last checked.")

    def references(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every (field path, entity id) this entity points at, for dangling-reference checks."""
        refs: list[tuple[tuple[str | int, ...], str]] = [
            (("alternatives", i), ref) for i, ref in enumerate(self.alternatives)
        ]
        features = getattr(self, "features", None)
        if isinstance(features, BaseModel):
            for name in type(features).model_fields:
                feature = getattr(features, name)
                if isinstance(feature, Feature):
                    refs += [(("features", name, "via", i), r) for i, r in enumerate(feature.via)]
        for field_name in self.reference_fields:
            for i, ref in enumerate(getattr(self, field_name)):
                refs.append(((field_name, i), ref))
        return refs

    reference_fields: ClassVar[tuple[str, ...]] = ()


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
    production: Production | None = Field(default=None, description="Settings of `run`.")
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
    production: Production | None = Field(default=None, description="Own server's settings.")


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
    database: Database | None = Field(default=None, description="Its /db, /fortunes ... setup.")
    sources: list[Source] = Field(default_factory=list)
