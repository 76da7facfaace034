"""The columns of a kind's feature matrix and the filter tokens of its rows."""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Entity, Feature
from macros.pages.kinds import KindInfo, field_label, kind_features
from macros.pages.values import is_enum_field

MATRIX_FIELDS: dict[str, tuple[str, ...]] = {
    "framework": ("camp", "interfaces", "handlers"),
    "server": ("protocols", "implementation_language"),
    "validation": ("implementation_language",),
    "package-manager": ("implementation_language",),
    "orm": ("databases",),
    "code-quality": ("roles", "implementation_language"),
    "testing": ("roles",),
    "auth": ("auth_type", "hosting", "protocols"),
    "deployment": ("deployment_type",),
    "runtime": ("python_version", "end_of_life"),
    "task-queue": ("brokers", "concurrency"),
    "graphql": ("approach",),
}
"""Kind-specific columns shown before the common ones and the features."""

COMMON_COLUMNS: tuple[str, ...] = ("latest_version", "license", "status")
VERSION_COLUMNS = frozenset({"latest_version", "python_version"})
BASICS = "Basics"


@dataclass(frozen=True)
class Column:
    """One matrix column: its field, header text, group and how it sorts."""

    key: str
    label: str
    numeric: bool = False
    feature: bool = False
    group: str = BASICS
    definition: str = ""

    @property
    def group_key(self) -> str:
        """The group as a token for attributes and the address."""
        return "-".join(self.group.lower().replace("/", " ").split())

    @property
    def sort_type(self) -> str:
        """``number`` for feature ranks, ``version`` for dotted versions, else ``text``."""
        if self.numeric:
            return "number"
        return "version" if self.key in VERSION_COLUMNS else "text"


def matrix_columns(info: KindInfo) -> list[Column]:
    """Columns of a kind's matrix after the name column."""
    model = info.model
    names = [n for n in MATRIX_FIELDS.get(info.kind, ()) if n in model.model_fields]
    columns = [Column(n, field_label(n)) for n in names + list(COMMON_COLUMNS)]
    columns += [
        Column(f.key, f.label, numeric=True, feature=True, group=f.group, definition=f.definition)
        for f in kind_features(info)
    ]
    return columns


def facet_fields(info: KindInfo) -> list[str]:
    """Matrix fields with values from a fixed list: each gets a filter."""
    names = [n for n in MATRIX_FIELDS.get(info.kind, ()) if n in info.model.model_fields]
    return [n for n in names if is_enum_field(info.model, n)]


def tokens(entity: Entity, name: str) -> list[str]:
    value = getattr(entity, name)
    items = value if isinstance(value, list) else [value]
    return sorted(str(v) for v in items if v is not None)


def present_features(entity: Entity, built_in: bool = False) -> list[str]:
    """Features the entity has in any form (yes, partial or via a plugin), or with
    ``built_in`` only those it has itself (yes or partial)."""
    features = getattr(entity, "features", None)
    if features is None:
        return []
    wanted = {"yes", "partial"} if built_in else {"yes", "partial", "via-plugin"}
    return sorted(
        name
        for name in type(features).model_fields
        if isinstance(getattr(features, name), Feature) and getattr(features, name).value in wanted
    )
