"""Names the site shows for kinds, camps, fields and feature values (site text, not data)."""

from __future__ import annotations

import typing
from dataclasses import dataclass

from macros.data.model import ENTITY_MODELS, Camp, Entity

SUPPORT_LABELS: dict[str, tuple[str, str]] = {
    "yes": ("✓", "Yes"),
    "partial": ("◐", "Partial"),
    "via-plugin": ("⊕", "Via plugin"),
    "no": ("✗", "No"),
}
"""Feature value -> (symbol, words). The words are always shown: never colour or symbol alone."""

UNKNOWN_LABEL = ("\u2013", "Not recorded")  # en dash

SUPPORT_RANK: dict[str | None, int] = {"yes": 3, "partial": 2, "via-plugin": 1, "no": 0, None: -1}
"""Sort order of feature values (more support first when sorted descending)."""


@dataclass(frozen=True)
class KindInfo:
    """How the site presents one entity kind."""

    kind: str
    title: str
    singular: str
    model: type[Entity]

    @property
    def directory(self) -> str:
        """Folder under ``data/`` and under the site."""
        return self.model.directory


_TITLES: dict[str, tuple[str, str]] = {
    "framework": ("Frameworks", "framework"),
    "server": ("Servers", "server"),
    "validation": ("Validation and serialization", "validation library"),
    "package-manager": ("Package managers", "package manager"),
    "orm": ("ORMs", "ORM"),
    "code-quality": ("Code quality", "code-quality tool"),
    "testing": ("Testing", "testing tool"),
    "auth": ("Auth", "auth tool"),
    "deployment": ("Deployment", "deployment target"),
    "runtime": ("Python runtimes", "runtime"),
    "database-driver": ("Database drivers", "database driver"),
    "migration-tool": ("Migration tools", "migration tool"),
    "admin-panel": ("Admin panels", "admin panel"),
    "cache": ("Caches", "caching library"),
    "settings": ("Settings", "settings library"),
    "observability": ("Observability", "observability library"),
    "http-client": ("HTTP clients", "HTTP client"),
    "task-queue": ("Task queues", "task queue"),
    "graphql": ("GraphQL", "GraphQL library"),
}


def _kind_of(model: type[Entity]) -> str:
    default = model.model_fields["kind"].default
    return str(default)


KINDS: tuple[KindInfo, ...] = tuple(
    KindInfo(
        kind=_kind_of(model),
        title=_TITLES.get(_kind_of(model), (model.__name__, model.__name__.lower()))[0],
        singular=_TITLES.get(_kind_of(model), (model.__name__, model.__name__.lower()))[1],
        model=model,
    )
    for model in ENTITY_MODELS
)
KIND_BY_NAME: dict[str, KindInfo] = {k.kind: k for k in KINDS}

CAMPS: dict[str, tuple[str, str]] = {
    "layered-asgi": (
        "Layered ASGI",
        "Frameworks that add typing, validation and API docs on top of a smaller ASGI toolkit.",
    ),
    "micro-asgi": (
        "Micro ASGI",
        "Small async toolkits: routing, requests and responses, little else built in.",
    ),
    "async-own-server": (
        "Async with its own server",
        "Async frameworks that ship and usually run on their own HTTP server.",
    ),
    "full-stack": (
        "Full-stack",
        "Batteries included: ORM, admin, templates, auth and forms in one project.",
    ),
    "rust-core": (
        "Rust core",
        "A Python API over an HTTP core written in Rust.",
    ),
    "classic-wsgi": (
        "Classic WSGI",
        "Synchronous frameworks on the WSGI standard, run by servers such as Gunicorn.",
    ),
    "html-first": (
        "HTML-first",
        "Frameworks that build the user interface in Python and send HTML or UI state.",
    ),
    # Not "Legacy": a framework here can be actively maintained (its status says so).
    "legacy": (
        "Veteran",
        "Long-standing frameworks, many still maintained, that are seldom picked for new projects.",
    ),
}
"""Camp id -> (label, one-line explanation), in the order the site shows them."""

assert set(CAMPS) == set(typing.get_args(Camp))  # a new camp in the model needs a label here

FIELD_LABELS: dict[str, str] = {
    "aliases": "Also known as",
    "authors": "Authors",
    "auth_type": "Type",
    "backends": "Data back-ends",
    "best_for": "Best for",
    "built_on": "Built on",
    "camp": "Camp",
    "databases": "Databases",
    "deployment_type": "Type",
    "end_of_life": "End of life",
    "first_release": "First release",
    "handlers": "Handlers",
    "hosting": "Hosting",
    "implementation_language": "Written in",
    "frameworks": "Frameworks",
    "interfaces": "Interfaces",
    "latest_version": "Latest version",
    "license": "License",
    "orms": "ORMs",
    "package": "Package",
    "protocols": "Protocols",
    "python_version": "Python version",
    "released": "Released",
    "requires_python": "Requires Python",
    "roles": "Roles",
    "run": "Run command",
    "status": "Status",
    "typical_servers": "Typical servers",
    "validation": "Validation",
    "workers_model": "Workers model",
}

VALUE_LABELS: dict[str, str] = {
    "asgi": "ASGI",
    "wsgi": "WSGI",
    "rsgi": "RSGI",
    "own-server": "Own server",
    "jwt": "JWT",
    "oauth2": "OAuth 2",
    "oidc": "OIDC",
    "saml": "SAML",
    "webauthn": "WebAuthn",
    "saas": "SaaS",
    "paas": "PaaS",
    "gpu": "GPU",
    "http-client": "HTTP client",
    "sqs": "Amazon SQS",
    "rabbitmq": "RabbitMQ",
    "postgres": "PostgreSQL",
    "sqlite": "SQLite",
    "mongodb": "MongoDB",
    "django-orm": "Django ORM",
    "nats": "NATS",
    "zeromq": "ZeroMQ",
    "gcp-pubsub": "Google Cloud Pub/Sub",
    "ironmq": "IronMQ",
    "asyncio": "asyncio",
    "code-first": "Code-first",
    "schema-first": "Schema-first",
}
"""Display words for enum values; others are shown with their first letter capitalised."""


def humanize(name: str) -> str:
    """``free_threading`` -> ``Free threading``."""
    words = name.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def field_label(name: str) -> str:
    """Display name of an entity field."""
    return FIELD_LABELS.get(name) or humanize(name)


@dataclass(frozen=True)
class FeatureInfo:
    """One feature column: its key, label, group on the page and one-line definition."""

    key: str
    label: str
    group: str
    definition: str

    @property
    def group_key(self) -> str:
        """The group as a token for attributes and the address (``Real time`` -> ``real-time``)."""
        return "-".join(self.group.lower().replace("/", " ").split())


def _features_model(model: type[Entity]) -> type[typing.Any] | None:
    field = model.model_fields.get("features")
    if field is None or field.default_factory is None:
        return None
    return type(field.default_factory())  # type: ignore[call-arg]


def kind_features(info: KindInfo) -> list[FeatureInfo]:
    """The feature columns of a kind, in the model's order, with the model's label and group."""
    features = _features_model(info.model)
    if features is None:
        return []
    found = []
    for name, field in features.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        label = str(extra.get("label") or humanize(name))
        group = str(extra.get("group") or "Features")
        found.append(FeatureInfo(name, label, group, field.description or ""))
    return found


def _model_feature_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for info in KINDS:
        for feature in kind_features(info):
            labels.setdefault(feature.key, feature.label)
    return labels


def feature_label(name: str) -> str:
    """Display name of a feature cell (the model's label where it declares one)."""
    return _MODEL_FEATURE_LABELS.get(name) or humanize(name)


def with_article(words: str) -> str:
    """``ASGI`` -> ``an ASGI``, ``WSGI`` -> ``a WSGI``: by sound (an acronym is spelled out)."""
    first = words[:1]
    acronym = words.split(" ")[0].isupper() and len(words.split(" ")[0]) > 1
    vowel = first in "AEFHILMNORSX" if acronym else first.lower() in "aeiou"
    return f"{'an' if vowel and first else 'a'} {words}"


def value_label(value: str) -> str:
    """Display words for an enum value such as ``asgi`` or ``type-checker``."""
    if value in CAMPS:
        return CAMPS[value][0]
    return VALUE_LABELS.get(value) or humanize(value)


_MODEL_FEATURE_LABELS = _model_feature_labels()
