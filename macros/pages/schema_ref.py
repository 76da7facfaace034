"""The schema reference page: every field of every kind, generated from the JSON Schemas.

Types, allowed values, required flags and descriptions come from the model (through
:mod:`macros.data.schema`); examples come from the real data, so nothing here is maintained by hand.
"""

from __future__ import annotations

from typing import Any

import yaml

from macros.data.dataset import Dataset
from macros.data.model import ID_PATTERN, Entity
from macros.data.schema import schema_for
from macros.pages.html_text import esc

Schema = dict[str, Any]


def describe_type(prop: Schema, defs: Schema) -> str:
    """A short, readable type of one JSON Schema property."""
    if "anyOf" in prop:
        kinds = [p for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(describe_type(p, defs) for p in kinds)
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "$ref" in prop:
        return _describe_ref(prop["$ref"].rsplit("/", 1)[-1], defs)
    kind = prop.get("type")
    if kind == "array":
        return "list of " + describe_type(prop.get("items", {}), defs)
    if kind == "object":
        values = prop.get("additionalProperties", {})
        keys = prop.get("propertyNames", {})
        key_text = describe_type(keys, defs) if keys else "text"
        return f"mapping of {key_text} to {describe_type(values, defs)}"
    return _describe_string(prop) if kind == "string" else str(kind or "any")


def _describe_string(prop: Schema) -> str:
    if prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if prop.get("format") == "uri":
        return "http(s) URL"
    if prop.get("pattern") == ID_PATTERN:
        return "entity id"
    if prop.get("pattern", "").startswith("^\\d{4}"):
        return "year, YYYY-MM or date"
    if prop.get("maxLength", 0) > 200:
        return "Markdown text"
    return "text"


def _describe_ref(name: str, defs: Schema) -> str:
    target = defs.get(name, {})
    if name == "Feature":
        return "feature: `yes`, `no`, `partial`, `via-plugin`, or a mapping with `value` and a note"
    if "properties" in target:
        return f"mapping ({name}): " + ", ".join(f"`{key}`" for key in target["properties"])
    return name


def _example(dataset: Dataset | None, model: type[Entity], field: str) -> str:
    """The value of ``field`` in the first entity of this kind that sets it, as YAML."""
    if dataset is None:
        return ""
    kind = model.model_fields["kind"].default
    for entity in sorted(dataset.of_kind(kind), key=lambda e: e.id):
        value = entity.model_dump(mode="json", exclude_defaults=True).get(field)
        if value not in (None, [], {}):
            text = yaml.safe_dump({field: value}, sort_keys=False, allow_unicode=True, width=88)
            return text if len(text) <= 400 else text[:397] + "…"
    return ""


def schema_reference_html(model: type[Any], dataset: Dataset | None) -> str:
    """A table of every field of ``model``: name, type, required, description, example."""
    schema = schema_for(model)
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema["properties"].items():
        example = _example(dataset, model, name) if issubclass(model, Entity) else ""
        rows.append(
            f'<tr id="{esc(schema.get("title", "").lower())}-{esc(name)}"><th scope="row">'
            f"<code>{esc(name)}</code></th><td>{_inline_code(describe_type(prop, defs))}</td>"
            f"<td>{'required' if name in required else 'optional'}</td>"
            f"<td>{_inline_code(prop.get('description', ''))}</td>"
            f"<td>{f'<pre><code>{esc(example)}</code></pre>' if example else ''}</td></tr>"
        )
    title = esc(schema.get("title", model.__name__))
    return (
        f'<table class="atlas-schema"><caption>Fields of {title}</caption><thead><tr>'
        '<th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th>'
        '<th scope="col">Meaning</th><th scope="col">Example from the data</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _inline_code(text: str) -> str:
    """Escape ``text`` and turn `backtick` spans into <code> (descriptions use them)."""
    parts = esc(text).split("`")
    return "".join(f"<code>{part}</code>" if i % 2 else part for i, part in enumerate(parts))
