"""The "Use this data" page: the API files and a field list generated from the model."""

from __future__ import annotations

from typing import Any

from macros.data.schema import schema_for
from macros.pages.api_export import API_ROOT
from macros.pages.html_text import esc
from macros.pages.kinds import KIND_BY_NAME, KINDS
from macros.pages.values import Linker


def endpoints_html(linker: Linker) -> str:
    """The API files with what they hold and how many records."""
    dataset = linker.state.dataset
    rows = [
        _endpoint_row(
            linker, f"{API_ROOT}/all.json", "Every entity, the kinds and their labels", None
        )
    ]
    for info in KINDS:
        count = len(dataset.of_kind(info.kind)) if dataset else 0
        rows.append(
            _endpoint_row(linker, f"{API_ROOT}/{info.kind}.json", f"{info.title}: a list", count)
        )
        rows.append(
            _endpoint_row(
                linker, f"{API_ROOT}/schemas/{info.kind}.schema.json", "JSON Schema", None
            )
        )
    head = (
        '<tr><th scope="col">File</th><th scope="col">Content</th><th scope="col">Records</th></tr>'
    )
    return (
        f'<table data-atlas="endpoints"><caption>API files</caption><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _endpoint_row(linker: Linker, path: str, content: str, count: int | None) -> str:
    href = esc(linker.to(path))
    shown = "" if count is None else str(count)
    return (
        f'<tr><th scope="row"><a href="{href}"><code>{esc(path)}</code></a></th>'
        f"<td>{esc(content)}</td><td>{shown}</td></tr>"
    )


def fields_html(kind: str) -> str:
    """Every field of one kind's records: name, type, whether required, description."""
    info = KIND_BY_NAME[kind]
    schema = schema_for(info.model)
    defs: dict[str, Any] = schema.get("$defs", {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        rows.append(
            f'<tr><th scope="row"><code>{esc(name)}</code></th>'
            f"<td>{esc(type_text(prop, defs))}</td>"
            f"<td>{'yes' if name in required else 'no'}</td>"
            f"<td>{esc(prop.get('description', ''))}</td></tr>"
        )
    rows.append(
        '<tr><th scope="row"><code>url</code></th><td>string</td><td>yes</td>'
        "<td>The entity's page, from the site root (absolute when the site has a URL).</td></tr>"
    )
    head = (
        '<tr><th scope="col">Field</th><th scope="col">Type</th>'
        '<th scope="col">Always set</th><th scope="col">Description</th></tr>'
    )
    return (
        f"<table><caption>Fields of a {esc(info.singular)} record</caption><thead>{head}</thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def type_text(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short, readable type for a JSON Schema property."""
    if "$ref" in prop:
        target = defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
        return type_text(target, defs) if "enum" in target else "object"
    if "anyOf" in prop:
        options = [type_text(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(options) + (" or null" if len(options) < len(prop["anyOf"]) else "")
    if "enum" in prop:
        return "one of " + ", ".join(str(v) for v in prop["enum"])
    if "const" in prop:
        return f'"{prop["const"]}"'
    kind = prop.get("type", "any")
    if kind == "array":
        return "list of " + type_text(prop.get("items", {}), defs)
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return "map to " + type_text(prop["additionalProperties"], defs)
    if prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if r"\d{4}" in prop.get("pattern", ""):
        return "partial date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return str(kind)
