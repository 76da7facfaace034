"""The task-queue and GraphQL kinds: features declared with a label, group and definition, and
every entity of these kinds fills every feature cell with a source and a check date."""

from __future__ import annotations

import pytest

from macros.data.loader import load_dataset
from macros.data.model import ENTITY_MODELS, Feature
from macros.data.model_graphql import GraphqlFeatures, GraphqlLibrary
from macros.data.model_task_queue import TaskQueue, TaskQueueFeatures

NEW_KINDS = {"task-queue": TaskQueueFeatures, "graphql": GraphqlFeatures}


def test_new_kinds_are_registered() -> None:
    assert TaskQueue in ENTITY_MODELS and GraphqlLibrary in ENTITY_MODELS


FEATURE_MODELS = {
    m.model_fields["kind"].default: type(f.default_factory())  # type: ignore[call-arg, misc]
    for m in ENTITY_MODELS
    if (f := m.model_fields.get("features")) is not None and f.default_factory is not None
}


@pytest.mark.parametrize("features", FEATURE_MODELS.values(), ids=list(FEATURE_MODELS))
def test_every_feature_has_label_group_and_definition(features: type) -> None:
    """Every kind's cells (old and new) carry what the matrix, tooltips and schema derive from."""
    for name, field in features.model_fields.items():
        extra = field.json_schema_extra
        assert isinstance(extra, dict) and extra.get("label") and extra.get("group"), name
        assert field.description and len(field.description) > 20, name


@pytest.mark.parametrize("kind", list(NEW_KINDS))
def test_project_entities_fill_every_cell_with_source_and_date(kind: str) -> None:
    entities = [e for e in load_dataset().entities.values() if e.kind == kind]
    assert len(entities) >= 5
    for entity in entities:
        assert isinstance(entity, (TaskQueue, GraphqlLibrary))
        features = entity.features
        for name in type(features).model_fields:
            cell = getattr(features, name)
            assert isinstance(cell, Feature), f"{entity.id}: {name} is empty"
            assert cell.source and cell.checked, f"{entity.id}: {name} lacks source or checked"
            if cell.value == "via-plugin":
                assert cell.plugin or cell.via, f"{entity.id}: {name} names no plugin"
