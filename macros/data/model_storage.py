"""Kinds around the app that hold data: database drivers, migration tools, admin panels, caches.

Declared like every other kind (see ``model.py``): a ``...Features`` class of typed feature cells,
each with a label, a group and a one-line definition, and an entity class naming its folder.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from macros.data.entity import Entity
from macros.data.fields import EntityId, FeatureValue, OneLine, Strict, feature


class DatabaseDriverFeatures(Strict):
    """Typed feature cells of a database driver (client library)."""

    # API
    async_api: FeatureValue | None = feature(
        "Async API", "API", "Offers awaitable connections and queries for asyncio."
    )
    sync_api: FeatureValue | None = feature(
        "Sync API", "API", "Offers blocking connections and queries for code outside an event loop."
    )
    connection_pool: FeatureValue | None = feature(
        "Connection pool",
        "API",
        "Ships a pool that hands out and reuses open connections, with a size limit.",
    )
    # Protocol
    prepared_statements: FeatureValue | None = feature(
        "Prepared statements",
        "Protocol",
        "Prepares a statement on the server once and reuses it, explicitly or automatically.",
    )
    bulk_load: FeatureValue | None = feature(
        "Bulk load",
        "Protocol",
        "Exposes the database's bulk path (PostgreSQL COPY, MySQL LOAD DATA LOCAL) from Python.",
    )
    pipelining: FeatureValue | None = feature(
        "Pipelining",
        "Protocol",
        "Sends several commands before reading their results, saving round trips.",
    )
    notifications: FeatureValue | None = feature(
        "Notifications",
        "Protocol",
        "Receives messages the server pushes: PostgreSQL LISTEN/NOTIFY or Redis pub/sub.",
    )
    # Implementation
    compiled_core: FeatureValue | None = feature(
        "Compiled core",
        "Implementation",
        "Protocol handling or parsing runs in compiled code (C, Cython, Rust), not pure Python.",
    )
    typed: FeatureValue | None = feature(
        "Type hints", "Implementation", "The package ships inline type hints (PEP 561 `py.typed`)."
    )


class DatabaseDriver(Entity):
    """A database driver: the client library that speaks a database's wire protocol."""

    kind: Literal["database-driver"] = "database-driver"
    directory: ClassVar[str] = "database-drivers"

    databases: list[OneLine] = Field(min_length=1)
    features: DatabaseDriverFeatures = Field(default_factory=DatabaseDriverFeatures)


class MigrationToolFeatures(Strict):
    """Typed feature cells of a schema migration tool."""

    # Authoring
    autogenerate: FeatureValue | None = feature(
        "Autogenerate",
        "Authoring",
        "Drafts a migration from the difference between models (or a schema) and the database.",
    )
    python_migrations: FeatureValue | None = feature(
        "Python migrations", "Authoring", "Migrations can be Python code that calls operations."
    )
    sql_migrations: FeatureValue | None = feature(
        "SQL migrations", "Authoring", "Migrations can be plain SQL files."
    )
    # History
    downgrade: FeatureValue | None = feature(
        "Downgrade", "History", "Reverts applied migrations through declared down steps."
    )
    branching: FeatureValue | None = feature(
        "Branches and merges",
        "History",
        "Migrations form a graph with parallel branches that can be merged, not only a line.",
    )
    # Running
    offline_sql: FeatureValue | None = feature(
        "Offline SQL",
        "Running",
        "Writes the SQL of pending migrations for review without applying it to a database.",
    )
    transactional: FeatureValue | None = feature(
        "Transactional",
        "Running",
        "Runs each migration in a transaction, so a failed one leaves no half-applied change.",
    )
    async_support: FeatureValue | None = feature(
        "Async drivers", "Running", "Applies migrations through async database drivers."
    )


class MigrationTool(Entity):
    """A tool that versions and applies database schema changes."""

    kind: Literal["migration-tool"] = "migration-tool"
    directory: ClassVar[str] = "migration-tools"
    reference_fields: ClassVar[tuple[str, ...]] = ("orms",)

    orms: list[EntityId] = Field(
        default_factory=list, description="ORM entities whose models it reads."
    )
    databases: list[OneLine] = Field(default_factory=list)
    features: MigrationToolFeatures = Field(default_factory=MigrationToolFeatures)


class AdminPanelFeatures(Strict):
    """Typed feature cells of an admin panel."""

    # Data
    crud_views: FeatureValue | None = feature(
        "CRUD views",
        "Data",
        "Generates list, create, edit and delete pages from model definitions.",
    )
    search: FeatureValue | None = feature(
        "Search", "Data", "Searches list pages over the columns a view names."
    )
    filters: FeatureValue | None = feature(
        "Filters", "Data", "Narrows list pages by field values through declared filters."
    )
    export: FeatureValue | None = feature(
        "Export", "Data", "Exports list data to CSV, JSON or spreadsheet files from the list page."
    )
    # Extending
    bulk_actions: FeatureValue | None = feature(
        "Bulk actions",
        "Extending",
        "Runs a custom action on the rows selected in a list page.",
    )
    custom_views: FeatureValue | None = feature(
        "Custom pages",
        "Extending",
        "Adds own pages (dashboards, forms) inside the admin's layout and navigation.",
    )
    # Access
    auth: FeatureValue | None = feature(
        "Login",
        "Access",
        "Puts the admin behind a login page of its own, with a documented hook to check users.",
    )
    async_support: FeatureValue | None = feature(
        "Async", "Runtime", "Serves its pages from async handlers over async database sessions."
    )


class AdminPanel(Entity):
    """An admin interface that browses and edits application data."""

    kind: Literal["admin-panel"] = "admin-panel"
    directory: ClassVar[str] = "admin-panels"
    reference_fields: ClassVar[tuple[str, ...]] = ("frameworks",)

    frameworks: list[EntityId] = Field(
        min_length=1, description="Framework entities it mounts into."
    )
    backends: list[OneLine] = Field(
        default_factory=list, description="ORMs or data layers its model views read."
    )
    features: AdminPanelFeatures = Field(default_factory=AdminPanelFeatures)


class CacheFeatures(Strict):
    """Typed feature cells of a caching library."""

    # API
    async_api: FeatureValue | None = feature(
        "Async API", "API", "Offers awaitable get/set calls and decorators for coroutines."
    )
    sync_api: FeatureValue | None = feature(
        "Sync API", "API", "Offers blocking get/set calls and decorators for ordinary functions."
    )
    decorators: FeatureValue | None = feature(
        "Decorators", "API", "Caches a function's results with a decorator, keyed by its arguments."
    )
    # Back-ends
    memory_backend: FeatureValue | None = feature(
        "In memory", "Back-ends", "Stores entries in the process's memory with expiry."
    )
    redis_backend: FeatureValue | None = feature(
        "Redis", "Back-ends", "Stores entries in Redis (or a compatible server)."
    )
    memcached_backend: FeatureValue | None = feature(
        "Memcached", "Back-ends", "Stores entries in Memcached."
    )
    # Consistency
    stampede_protection: FeatureValue | None = feature(
        "Stampede protection",
        "Consistency",
        "Lets one caller recompute an expired entry while others wait or get the old value.",
    )
    tag_invalidation: FeatureValue | None = feature(
        "Tag invalidation",
        "Consistency",
        "Invalidates groups of entries at once by tag or key pattern.",
    )


class Cache(Entity):
    """A caching library for application data."""

    kind: Literal["cache"] = "cache"
    directory: ClassVar[str] = "caches"

    features: CacheFeatures = Field(default_factory=CacheFeatures)


STORAGE_MODELS: tuple[type[Entity], ...] = (DatabaseDriver, MigrationTool, AdminPanel, Cache)
