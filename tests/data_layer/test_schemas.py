"""The committed JSON Schemas in ``schemas/`` are exactly what the model produces."""

from __future__ import annotations

import json
from pathlib import Path

from macros.data.model import ENTITY_MODELS
from macros.data.schema import SCHEMA_DIR, all_schemas, schema_text
from scripts.data.export_schema import stale_schemas


def test_committed_schemas_match_the_model() -> None:
    stale = stale_schemas()
    assert not stale, f"schemas out of date: {', '.join(stale)}: run `uv run atlas schema`"


def test_there_is_a_schema_per_kind_and_for_examples_and_no_orphan_file() -> None:
    kinds = {m.model_fields["kind"].default for m in ENTITY_MODELS}
    assert set(all_schemas()) >= {f"{k}.schema.json" for k in kinds} | {"example.schema.json"}
    assert {p.name for p in SCHEMA_DIR.glob("*.schema.json")} == set(all_schemas())


def test_stale_schemas_finds_a_changed_or_missing_file(tmp_path: Path) -> None:
    for name, schema in all_schemas().items():
        (tmp_path / name).write_text(schema_text(schema), encoding="utf-8")
    assert stale_schemas(tmp_path) == {}
    edited = json.loads((tmp_path / "server.schema.json").read_text(encoding="utf-8"))
    edited["title"] = "Edited"
    (tmp_path / "server.schema.json").write_text(json.dumps(edited), encoding="utf-8")
    (tmp_path / "example.schema.json").unlink()
    assert sorted(stale_schemas(tmp_path)) == ["example.schema.json", "server.schema.json"]


def test_example_schema_describes_the_example_model() -> None:
    schema = all_schemas()["example.schema.json"]
    assert schema["title"] == "Example"
    assert set(schema["required"]) == {"framework", "interface", "target", "runs"}
    assert schema["additionalProperties"] is False
