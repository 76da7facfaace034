"""JSON Schemas derived from the data model, one per entity kind."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from macros.data.decision_model import DecisionTree
from macros.data.guide_model import AdoptionLedger, Glossary
from macros.data.memo import Memo
from macros.data.model import ENTITY_MODELS, Example

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


_SCHEMAS: Memo[dict[str, Any]] = Memo("schema", persist=True)
"""Schemas by model (module and name: the build cache's fingerprint covers the model code)."""


def schema_for(model: type[Any]) -> dict[str, Any]:
    """The JSON Schema of one model, with a stable ``$id``-free layout (a fresh copy)."""
    key = (model.__module__, model.__qualname__)
    return copy.deepcopy(_SCHEMAS.get(key, lambda: _schema(model)))


def _schema(model: type[Any]) -> dict[str, Any]:
    schema: dict[str, Any] = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def entity_schemas() -> dict[str, dict[str, Any]]:
    """File name (``framework.schema.json``) -> schema, for every entity kind."""
    return {
        f"{model.model_fields['kind'].default}.schema.json": schema_for(model)
        for model in ENTITY_MODELS
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every schema file in ``schemas/``: one per entity kind and one per other data file."""
    return {
        **entity_schemas(),
        "example.schema.json": schema_for(Example),
        "decision-tree.schema.json": schema_for(DecisionTree),
        "glossary.schema.json": schema_for(Glossary),
        "adoption.schema.json": schema_for(AdoptionLedger),
    }


def schema_text(schema: dict[str, Any]) -> str:
    """Deterministic JSON text of a schema."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_line(kind: str) -> str:
    """The editor hint that must open every data file of ``kind``."""
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
