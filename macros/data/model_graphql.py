"""The GraphQL kind: server libraries that build and run a GraphQL schema."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from macros.data.entity import Entity
from macros.data.fields import EntityId, FeatureValue, Strict, feature

Approach = Literal["code-first", "schema-first"]
"""``code-first``: the schema is generated from Python classes; ``schema-first``: it is written
in SDL and Python functions are bound to its fields."""


class GraphqlFeatures(Strict):
    """Typed feature cells of a GraphQL library, in the groups the matrix shows."""

    # Serving
    asgi: FeatureValue | None = feature(
        "ASGI app",
        "Serving",
        "Ships an ASGI application or view that serves the GraphQL endpoint.",
    )
    subscriptions: FeatureValue | None = feature(
        "Subscriptions",
        "Serving",
        "Runs GraphQL subscriptions and streams their results to the client "
        "(WebSocket or server-sent events).",
    )
    file_uploads: FeatureValue | None = feature(
        "File uploads",
        "Serving",
        "Accepts uploaded files as mutation arguments (GraphQL multipart request spec).",
    )
    # Schema
    dataloaders: FeatureValue | None = feature(
        "DataLoaders",
        "Schema",
        "Ships a DataLoader that batches and caches the loads of one request to avoid N+1 queries.",
    )
    federation: FeatureValue | None = feature(
        "Federation",
        "Schema",
        "Builds Apollo Federation subgraphs (entity keys, `_service` and `_entities`).",
    )
    relay: FeatureValue | None = feature(
        "Relay",
        "Schema",
        "Helpers for Relay's Node interface, global IDs and cursor-based connections.",
    )
    pydantic: FeatureValue | None = feature(
        "Pydantic models",
        "Schema",
        "Turns Pydantic models into GraphQL types or inputs through a documented API.",
    )
    # Security
    query_limits: FeatureValue | None = feature(
        "Depth / cost limits",
        "Security",
        "Rejects queries deeper or costlier than a configured limit, through a documented "
        "option or validation rule.",
    )
    # Developer experience
    typed: FeatureValue | None = feature(
        "Type hints",
        "Developer experience",
        "The package ships inline type hints (PEP 561 `py.typed`).",
    )


class GraphqlLibrary(Entity):
    """A GraphQL server library: builds a schema and executes queries against it."""

    kind: Literal["graphql"] = "graphql"
    directory: ClassVar[str] = "graphql"
    reference_fields: ClassVar[tuple[str, ...]] = ("integrations",)

    approach: list[Approach] = Field(
        min_length=1, description="How the schema is declared: from Python code or from SDL."
    )
    integrations: list[EntityId] = Field(
        default_factory=list,
        description="Atlas frameworks its documentation has an integration guide for (its own "
        "view or app, or a companion package).",
    )
    features: GraphqlFeatures = Field(default_factory=GraphqlFeatures)
