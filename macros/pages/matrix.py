"""Feature matrices and entity lists of the overview pages.

The table is complete and readable without JavaScript; ``docs/assets/atlas.js`` adds sorting and
the filters, reading the ``data-facet-*`` tokens on each row and ``data-sort`` on each cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Entity, Example, Feature
from macros.pages.html_text import esc
from macros.pages.kinds import (
    CAMPS,
    KIND_BY_NAME,
    SUPPORT_LABELS,
    SUPPORT_RANK,
    UNKNOWN_LABEL,
    KindInfo,
    feature_label,
    field_label,
    value_label,
)
from macros.pages.side_by_side import verified_badge
from macros.pages.values import (
    Linker,
    field_value_html,
    field_value_text,
    is_enum_field,
    support_html,
)

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
}
"""Kind-specific columns shown before the common ones and the features."""

COMMON_COLUMNS: tuple[str, ...] = ("latest_version", "license", "status")


@dataclass(frozen=True)
class Column:
    """One matrix column: its field, header text and whether it sorts as a number."""

    key: str
    label: str
    numeric: bool = False
    feature: bool = False


def matrix_columns(info: KindInfo) -> list[Column]:
    """Columns of a kind's matrix after the name column."""
    model = info.model
    names = [n for n in MATRIX_FIELDS.get(info.kind, ()) if n in model.model_fields]
    columns = [Column(n, field_label(n)) for n in names + list(COMMON_COLUMNS)]
    features_model = model.model_fields.get("features")
    if features_model is not None and features_model.default_factory is not None:
        feature_names = type(features_model.default_factory()).model_fields  # type: ignore[call-arg]
        columns += [Column(f, feature_label(f), numeric=True, feature=True) for f in feature_names]
    return columns


def facet_fields(info: KindInfo) -> list[str]:
    """Matrix fields with values from a fixed list: each gets a filter."""
    names = [n for n in MATRIX_FIELDS.get(info.kind, ()) if n in info.model.model_fields]
    return [n for n in names if is_enum_field(info.model, n)]


def _tokens(entity: Entity, name: str) -> list[str]:
    value = getattr(entity, name)
    items = value if isinstance(value, list) else [value]
    return sorted(str(v) for v in items if v is not None)


def present_features(entity: Entity) -> list[str]:
    """Features the entity has in any form (yes, partial or via a plugin)."""
    features = getattr(entity, "features", None)
    if features is None:
        return []
    return sorted(
        name
        for name in type(features).model_fields
        if isinstance(getattr(features, name), Feature) and getattr(features, name).value != "no"
    )


def cell_html(entity: Entity, column: Column, linker: Linker) -> str:
    """One ``<td>`` of the matrix, with a sort key for feature cells."""
    if column.feature:
        feature = getattr(entity.features, column.key)  # type: ignore[attr-defined]
        rank = SUPPORT_RANK[feature.value if feature else None]
        badge = verified_badge(_example(entity, linker), column.key, linker.page("examples.md"))
        return f'<td data-sort="{rank}">{support_html(feature)}{badge}</td>'
    if column.key in COMMON_COLUMNS:
        text = field_value_text(entity, column.key)
        shown = esc(value_label(text)) if column.key == "status" else esc(text)
        return f"<td>{shown}</td>"
    return f"<td>{field_value_html(entity, column.key, linker)}</td>"


def _example(entity: Entity, linker: Linker) -> Example | None:
    dataset = linker.state.dataset
    return dataset.examples.get(entity.id) if dataset else None


def row_html(entity: Entity, info: KindInfo, columns: list[Column], linker: Linker) -> str:
    """One matrix row: name as row header, facet tokens for the filters."""
    attrs = [f'data-id="{esc(entity.id)}"']
    for name in facet_fields(info):
        attrs.append(
            f'data-facet-{name.replace("_", "-")}="{esc(" ".join(_tokens(entity, name)))}"'
        )
    if any(c.feature for c in columns):
        attrs.append(f'data-facet-feature="{esc(" ".join(present_features(entity)))}"')
    name = linker.entity(entity.id)
    cells = "".join(cell_html(entity, c, linker) for c in columns)
    return f'<tr {" ".join(attrs)}><th scope="row">{name}</th>{cells}</tr>'


def matrix_html(kind: str, linker: Linker) -> str:
    """The feature matrix of one kind (a paragraph if the data has no such entity yet)."""
    info = KIND_BY_NAME[kind]
    entities = linker.state.dataset.of_kind(kind) if linker.state.dataset else []
    if not entities:
        return f'<p class="atlas-empty">No {esc(info.title.lower())} in the data yet.</p>'
    columns = matrix_columns(info)
    table_id = f"matrix-{kind}"
    head = '<th scope="col">Name</th>' + "".join(header_cell(c) for c in columns)
    rows = "".join(row_html(e, info, columns, linker) for e in entities)
    legend = ", ".join(f"{symbol} {words}" for symbol, words in SUPPORT_LABELS.values())
    unknown = " ".join(UNKNOWN_LABEL)
    caption = (
        f"<caption>{esc(info.title)}: {len(entities)} compared. "
        f"Features read {esc(legend)} or {esc(unknown)}.</caption>"
    )
    table = (
        f'<table id="{table_id}" data-atlas-matrix>{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return filters_html(info, entities, columns, table_id) + table


def header_cell(column: Column) -> str:
    """A column header; numeric columns tell the script to sort by their ``data-sort`` keys."""
    kind = ' data-sort-type="number"' if column.numeric else ""
    return f'<th scope="col"{kind}>{esc(column.label)}</th>'


def filters_html(
    info: KindInfo, entities: list[Entity], columns: list[Column], table_id: str
) -> str:
    """Filter controls, hidden until the script enables them (they need it to work)."""
    selects = []
    for name in facet_fields(info):
        values = sorted({t for e in entities for t in _tokens(e, name)}, key=_facet_order)
        options = [(v, value_label(v)) for v in values]
        selects.append(_select(name.replace("_", "-"), field_label(name), options))
    feature_columns = [c for c in columns if c.feature]
    if feature_columns:
        options = [(c.key, c.label) for c in feature_columns]
        selects.append(_select("feature", "Has feature", options))
    if not selects:
        return ""
    return (
        f'<form class="atlas-filters" data-matrix="{table_id}" hidden>'
        f'{"".join(selects)}<p class="atlas-filter-status" role="status" aria-live="polite"></p>'
        "</form>"
    )


def _facet_order(value: str) -> tuple[int, str]:
    camps = list(CAMPS)
    return (camps.index(value) if value in camps else len(camps), value_label(value).lower())


def _select(facet: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = '<option value="">Any</option>' + "".join(
        f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
    )
    return f'<label>{esc(label)} <select data-facet="{esc(facet)}">{opts}</select></label>'


def entity_list_html(entities: list[Entity], linker: Linker) -> str:
    """Names with links and one-line summaries."""
    if not entities:
        return '<p class="atlas-empty">None in the data yet.</p>'
    items = "".join(f"<li>{linker.entity(e.id)} — {esc(e.summary)}</li>" for e in entities)
    return f'<ul class="atlas-list">{items}</ul>'
