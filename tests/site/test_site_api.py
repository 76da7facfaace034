"""The JSON API: one file per kind, all.json and the schemas, equal to the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.data.loader import Dataset
from macros.data.schema import entity_schemas
from macros.pages.api_export import data_updated
from macros.pages.kinds import KINDS

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]


def load(site: Path, path: str) -> object:
    return json.loads((site / "api" / "v1" / path).read_text(encoding="utf-8"))


def test_kind_files_equal_the_data(site_dir: Path, dataset: Dataset) -> None:
    for info in KINDS:
        records = load(site_dir, f"{info.kind}.json")
        entities = sorted(dataset.of_kind(info.kind), key=lambda e: e.id)
        assert isinstance(records, list)
        assert [r["id"] for r in records] == [e.id for e in entities]
        for record, entity in zip(records, entities, strict=True):
            url = record.pop("url")
            assert record == entity.model_dump(mode="json")
            assert url == f"{info.directory}/{entity.id}/"
            assert (site_dir / url / "index.html").is_file()


def test_field_names_are_stable(site_dir: Path) -> None:
    for info in KINDS:
        records = load(site_dir, f"{info.kind}.json")
        assert isinstance(records, list)
        expected = set(info.model.model_fields) | {"url"}
        assert all(set(r) == expected for r in records)


def test_all_json_holds_every_entity(site_dir: Path, dataset: Dataset) -> None:
    everything = load(site_dir, "all.json")
    assert isinstance(everything, dict)
    assert everything["api_version"] == 1
    assert everything["data_updated"] == data_updated(dataset)
    assert sorted(r["id"] for r in everything["entities"]) == sorted(dataset.entities)
    assert everything["counts"] == {k.kind: len(dataset.of_kind(k.kind)) for k in KINDS}
    assert set(everything["kinds"]) == {k.kind for k in KINDS}
    for info in KINDS:
        per_kind = load(site_dir, f"{info.kind}.json")
        assert [r for r in everything["entities"] if r["kind"] == info.kind] == per_kind


def test_schemas_are_published(site_dir: Path) -> None:
    for name, schema in entity_schemas().items():
        assert load(site_dir, f"schemas/{name}") == schema


def test_api_page_lists_every_field(site_dir: Path) -> None:
    html = (site_dir / "api" / "index.html").read_text(encoding="utf-8")
    for info in KINDS:
        assert f"Fields of a {info.singular} record" in html
        for field in info.model.model_fields:
            assert f"<code>{field}</code>" in html
