"""The static JSON API: ``api/v1/<kind>.json``, ``api/v1/all.json`` and the JSON Schemas.

Records are ``model_dump(mode="json")`` of each entity, so every field of the model is present
(``null`` or ``[]`` when unset) and field names are the model's; ``url`` is added.
"""

from __future__ import annotations

from typing import Any

from macros.data.dataset import Dataset
from macros.data.model import Entity
from macros.data.schema import entity_schemas, schema_text
from macros.pages.html_text import stable_json
from macros.pages.kinds import KINDS, feature_label, field_label
from macros.pages.matrix import matrix_columns

API_ROOT = "api/v1"
API_VERSION = 1


def page_url(entity_urls: dict[str, str], entity_id: str, site_url: str | None) -> str:
    """URL of an entity page: absolute if the site has a ``site_url``, else from the site root."""
    path = entity_urls.get(entity_id, "")
    return site_url.rstrip("/") + "/" + path if site_url else path


def entity_record(entity: Entity, url: str) -> dict[str, Any]:
    """One entity as published: every model field plus ``url``."""
    record = entity.model_dump(mode="json")
    record["url"] = url
    return record


def kind_records(
    dataset: Dataset, kind: str, entity_urls: dict[str, str], site_url: str | None
) -> list[dict[str, Any]]:
    """All entities of one kind, sorted by id."""
    entities = sorted((e for e in dataset.entities.values() if e.kind == kind), key=lambda e: e.id)
    return [entity_record(e, page_url(entity_urls, e.id, site_url)) for e in entities]


def kinds_index() -> dict[str, Any]:
    """Per kind: titles, data folder, and display labels of the fields and features."""
    index: dict[str, Any] = {}
    for info in KINDS:
        columns = matrix_columns(info)
        index[info.kind] = {
            "title": info.title,
            "singular": info.singular,
            "directory": info.directory,
            "fields": [
                {"key": name, "label": field_label(name)}
                for name in info.model.model_fields
                if name not in ("kind", "features")
            ],
            "features": [
                {"key": c.key, "label": feature_label(c.key)} for c in columns if c.feature
            ],
        }
    return index


def data_updated(dataset: Dataset) -> str | None:
    """The newest ``as_of`` of any entity (ISO date), or ``None`` without entities."""
    dates = [e.as_of for e in dataset.entities.values()]
    return max(dates).isoformat() if dates else None


def api_documents(
    dataset: Dataset, entity_urls: dict[str, str], site_url: str | None = None
) -> dict[str, str]:
    """Every API file: site path -> JSON text."""
    files: dict[str, str] = {}
    everything: list[dict[str, Any]] = []
    for info in KINDS:
        records = kind_records(dataset, info.kind, entity_urls, site_url)
        files[f"{API_ROOT}/{info.kind}.json"] = stable_json(records, indent=1) + "\n"
        everything += records
    summary = {
        "api_version": API_VERSION,
        "data_updated": data_updated(dataset),
        "counts": {
            info.kind: sum(1 for r in everything if r["kind"] == info.kind) for info in KINDS
        },
        "kinds": kinds_index(),
        "entities": everything,
    }
    files[f"{API_ROOT}/all.json"] = stable_json(summary) + "\n"
    for name, schema in sorted(entity_schemas().items()):
        files[f"{API_ROOT}/schemas/{name}"] = schema_text(schema)
    return files
