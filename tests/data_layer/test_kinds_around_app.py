"""The kinds around the app: each declares typed features with a label, a group and a definition,
and every entity of these kinds fills every feature cell with a source and a check date."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from macros.data.loader import load_dataset
from macros.data.model import Feature
from macros.data.model_services import AROUND_APP_MODELS

KINDS = [m.model_fields["kind"].default for m in AROUND_APP_MODELS]


def feature_fields(model: type[BaseModel]) -> dict[str, object]:
    features = model.model_fields["features"].annotation
    assert isinstance(features, type) and issubclass(features, BaseModel)
    return dict(features.model_fields)


@pytest.mark.parametrize("model", AROUND_APP_MODELS, ids=KINDS)
def test_each_feature_has_a_label_a_group_and_a_one_line_definition(
    model: type[BaseModel],
) -> None:
    fields = feature_fields(model)
    assert len(fields) >= 8, "a kind around the app compares at least eight features"
    for name, info in fields.items():
        extra = info.json_schema_extra  # type: ignore[attr-defined]
        assert isinstance(extra, dict) and extra.get("label") and extra.get("group"), name
        definition = info.description  # type: ignore[attr-defined]
        assert definition and "\n" not in definition and len(definition) <= 200, name


@pytest.mark.parametrize("kind", KINDS)
def test_every_entity_fills_every_feature_with_source_and_date(kind: str) -> None:
    entities = load_dataset().of_kind(kind)
    assert entities, f"no {kind} entities in the data"
    for entity in entities:
        features = getattr(entity, "features", None)
        assert isinstance(features, BaseModel), entity.id
        for name in type(features).model_fields:
            cell = getattr(features, name)
            assert isinstance(cell, Feature), f"{entity.id}: {name} is not filled"
            assert cell.source and cell.checked, f"{entity.id}: {name} lacks source or checked"
            if cell.value == "via-plugin":
                assert cell.via or cell.plugin, f"{entity.id}: {name} names no plugin"
