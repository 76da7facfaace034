"""HTML for single values: links between pages, feature cells, lists and kind-specific fields."""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from typing import Any, Literal

from macros.data.model import Entity, Feature
from macros.pages.context import SiteContext, relative_url
from macros.pages.html_text import esc
from macros.pages.kinds import SUPPORT_LABELS, UNKNOWN_LABEL, value_label

BASE_FIELDS = frozenset(Entity.model_fields)


@dataclass(frozen=True)
class Linker:
    """Builds links relative to the page being rendered, so the site works from any folder."""

    state: SiteContext
    page_url: str

    def to(self, site_path: str) -> str:
        """Relative URL from this page to ``site_path`` (a path from the site root)."""
        return relative_url(site_path or ".", self.page_url or ".")

    def page(self, src_uri: str) -> str:
        """Relative URL of a page given its Markdown source path, e.g. ``compare.md``."""
        target = src_uri.removesuffix(".md")
        if target.endswith("index"):
            target = target.removesuffix("index")
        elif self.state.settings.use_directory_urls:
            target += "/"
        else:
            target += ".html"
        return self.to(target)

    def entity(self, entity_id: str) -> str:
        """A link to an entity page with its name, or the bare id if there is no such page."""
        entity = self.state.dataset.entities.get(entity_id) if self.state.dataset else None
        url = self.state.entity_urls.get(entity_id)
        if entity is None or url is None:
            return f"<code>{esc(entity_id)}</code>"
        return f'<a href="{esc(self.to(url))}">{esc(entity.name)}</a>'


def support_html(feature: Feature | None) -> str:
    """A feature value as symbol plus words (never colour alone)."""
    symbol, words = SUPPORT_LABELS[feature.value] if feature else UNKNOWN_LABEL
    css = feature.value if feature else "unknown"
    return (
        f'<span class="atlas-support atlas-support--{css}">'
        f'<span class="atlas-support__symbol" aria-hidden="true">{symbol}</span> {words}</span>'
    )


def support_text(feature: Feature | None) -> str:
    """The plain text a reader sees in a feature cell (used by tests and the JSON API docs)."""
    symbol, words = SUPPORT_LABELS[feature.value] if feature else UNKNOWN_LABEL
    return f"{symbol} {words}"


def is_enum_field(model: type[Entity], name: str) -> bool:
    """True if the field holds values from a fixed list (shown with display words)."""

    def has_literal(annotation: Any) -> bool:
        if typing.get_origin(annotation) is Literal:
            return True
        return any(has_literal(arg) for arg in typing.get_args(annotation))

    return has_literal(model.model_fields[name].annotation)


def extra_field_names(model: type[Entity]) -> list[str]:
    """Kind-specific fields of a model, in declaration order, without ``features``."""
    return [n for n in model.model_fields if n not in BASE_FIELDS and n != "features"]


def field_value_html(entity: Entity, name: str, linker: Linker) -> str:
    """A kind-specific field as HTML, or ``""`` when it is empty."""
    value = getattr(entity, name)
    model = type(entity)
    if value is None or value in ([], {}):
        return ""
    if name in model.reference_fields:
        return ", ".join(linker.entity(ref) for ref in value)
    if isinstance(value, dict):
        rows = [
            f"{esc(value_label(str(k)))}: <code>{esc(v)}</code>" for k, v in sorted(value.items())
        ]
        return "<br>".join(rows)
    enum = is_enum_field(model, name)
    items = value if isinstance(value, list) else [value]
    return ", ".join(esc(plain_value(v, enum)) for v in items)


def plain_value(value: object, enum: bool) -> str:
    """One scalar as text: dates in ISO form, enum values as display words."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value_label(str(value)) if enum else str(value)


def field_value_text(entity: Entity, name: str) -> str:
    """A kind-specific field as plain text (for sorting, filtering and tests)."""
    value = getattr(entity, name)
    model = type(entity)
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{value_label(str(k))}: {v}" for k, v in sorted(value.items()))
    items = value if isinstance(value, list) else [value]
    enum = is_enum_field(model, name)
    return ", ".join(plain_value(v, enum) for v in items)
