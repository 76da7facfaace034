"""Feature matrices and entity lists of the overview pages.

The table is complete and readable without JavaScript; ``docs/assets/atlas.js`` adds sorting,
the filters (several at once), column groups and "only columns that differ", and keeps them in the
address. It reads ``data-facet-*`` tokens on each row, ``data-sort`` on cells and ``data-key``,
``data-group`` and ``data-sort-type`` on the column headers.
"""

from __future__ import annotations

from itertools import groupby

from macros.data.model import Entity, Example, Feature
from macros.pages.html_text import esc, inline_html, plain_text
from macros.pages.kinds import (
    KIND_BY_NAME,
    SUPPORT_LABELS,
    SUPPORT_RANK,
    UNKNOWN_LABEL,
    KindInfo,
    value_label,
)
from macros.pages.matrix_columns import (
    COMMON_COLUMNS,
    Column,
    facet_fields,
    matrix_columns,
    present_features,
    tokens,
)
from macros.pages.matrix_filters import filters_html
from macros.pages.proof import cell_proof
from macros.pages.values import Linker, field_value_html, field_value_text

__all__ = ["Column", "facet_fields", "matrix_columns", "matrix_html", "present_features"]


def compact_support_html(feature: Feature | None, verified: bool = False) -> str:
    """A matrix cell's value: the symbol, with the words for screen readers and copy-paste."""
    symbol, words = SUPPORT_LABELS[feature.value] if feature else UNKNOWN_LABEL
    proof = " (verified by test)" if verified else ""
    # The symbol is the cell's own text (the cell carries its colour): one element per cell
    # fewer keeps the 1,100-cell matrix light to lay out on phones.
    return f'{symbol}<span class="atlas-sr"> {words}{proof}</span>'


def _cell_title(feature: Feature | None) -> str:
    """The tooltip of a partial or via-plugin cell: its limit or its providers (the note), else
    ``""`` (a yes or no is said by the cell; every note is on the entity page and in compare)."""
    if feature is None or feature.value not in ("partial", "via-plugin"):
        return ""
    parts = []
    if feature.via:
        parts.append("via " + ", ".join(feature.via))
    if feature.plugin:
        parts.append("plugin: " + ", ".join(feature.plugin))
    if feature.note:
        parts.append(plain_text(feature.note))
    return ". ".join(parts)


def cell_html(entity: Entity, column: Column, linker: Linker, first: bool = False) -> str:
    """One ``<td>`` of the matrix, with a sort key for feature cells (kept small: ~800 cells)."""
    start = " atlas-group-start" if first else ""
    if column.feature:
        feature = getattr(entity.features, column.key)  # type: ignore[attr-defined]
        rank = SUPPORT_RANK[feature.value if feature else None]
        # The proof is a class and a tooltip, not a link: ~500 links made the matrix's layout
        # slow on phones; each entity page links every proof to its test.
        test = cell_proof(entity, column.key, _example(entity, linker))
        value = feature.value if feature else "unknown"
        title = ". ".join(t for t in (_cell_title(feature), test and f"Verified by {test}") if t)
        tip = f' title="{esc(title)}"' if title else ""
        proof = " atlas-proven" if test else ""
        return (
            f'<td class="atlas-support--{value}{start}{proof}" data-sort="{rank}"{tip}>'
            f"{compact_support_html(feature, test is not None)}</td>"
        )
    css = f' class="{start.strip()}"' if start else ""
    if column.key in COMMON_COLUMNS:
        text = field_value_text(entity, column.key)
        shown = esc(value_label(text)) if column.key == "status" else esc(text)
        return f"<td{css}>{shown}</td>"
    return f"<td{css}>{field_value_html(entity, column.key, linker)}</td>"


def _example(entity: Entity, linker: Linker) -> Example | None:
    dataset = linker.state.dataset
    return dataset.examples.get(entity.id) if dataset else None


def _group_starts(columns: list[Column]) -> list[bool]:
    return [i == 0 or columns[i - 1].group != c.group for i, c in enumerate(columns)]


def row_html(entity: Entity, info: KindInfo, columns: list[Column], linker: Linker) -> str:
    """One matrix row: name as row header, facet tokens for the filters."""
    attrs = [f'data-id="{esc(entity.id)}"']
    for name in facet_fields(info):
        attrs.append(f'data-facet-{name.replace("_", "-")}="{esc(" ".join(tokens(entity, name)))}"')
    if any(c.feature for c in columns):
        attrs.append(f'data-facet-feature="{esc(" ".join(present_features(entity)))}"')
    name = linker.entity(entity.id)
    starts = _group_starts(columns)
    cells = "".join(cell_html(entity, c, linker, s) for c, s in zip(columns, starts, strict=True))
    return f'<tr {" ".join(attrs)}><th scope="row">{name}</th>{cells}</tr>'


def legend_html() -> str:
    """What the symbols mean, above the matrix."""
    items = [
        f'<li><span aria-hidden="true">{symbol}</span> {esc(words)}</li>'
        for symbol, words in [*SUPPORT_LABELS.values(), UNKNOWN_LABEL]
    ]
    items.append(
        '<li><span class="atlas-verified-key" aria-hidden="true">T</span> verified by a test</li>'
    )
    return f'<ul class="atlas-legend" aria-label="Legend">{"".join(items)}</ul>'


def matrix_html(kind: str, linker: Linker) -> str:
    """The feature matrix of one kind (a paragraph if the data has no such entity yet)."""
    info = KIND_BY_NAME[kind]
    entities = linker.state.dataset.of_kind(kind) if linker.state.dataset else []
    if not entities:
        return f'<p class="atlas-empty">No {esc(info.title.lower())} in the data yet.</p>'
    columns = matrix_columns(info)
    table_id = f"matrix-{kind}"
    starts = _group_starts(columns)
    head = '<th scope="col" data-key="name">Name</th>' + "".join(
        header_cell(c, s) for c, s in zip(columns, starts, strict=True)
    )
    rows = "".join(row_html(e, info, columns, linker) for e in entities)
    caption = (
        f'<caption id="{table_id}-caption">{esc(info.title)}: {len(entities)} compared '
        f"on {len(columns)} columns.</caption>"
    )
    table = (
        f'<div class="atlas-matrix-scroll" role="region" tabindex="0" '
        f'aria-labelledby="{table_id}-caption">'
        f'<table id="{table_id}" class="atlas-matrix" data-atlas-matrix>{caption}<thead>'
        f"{group_row(columns)}<tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    return (
        filters_html(info, entities, columns, table_id)
        + legend_html()
        + table
        + definitions_html(columns)
    )


def group_row(columns: list[Column]) -> str:
    """The first header row: one heading per group of columns (only when there are features)."""
    if not any(c.feature for c in columns):
        return ""
    cells = ['<td data-span="1"></td>']
    for group, members in groupby(columns, key=lambda c: c.group):
        span = len(list(members))
        token = "-".join(group.lower().replace("/", " ").split())
        cells.append(
            f'<th scope="colgroup" colspan="{span}" data-span="{span}" data-group="{esc(token)}">'
            f"{esc(group)}</th>"
        )
    return f'<tr class="atlas-matrix__groups">{"".join(cells)}</tr>'


def header_cell(column: Column, first: bool = False) -> str:
    """A column header with its key, group, sort type and (for features) its definition."""
    classes = (["atlas-matrix__feature"] if column.feature else []) + (
        ["atlas-group-start"] if first else []
    )
    attrs = [
        'scope="col"',
        f'data-key="{esc(column.key)}"',
        f'data-group="{esc(column.group_key)}"',
        f'data-sort-type="{column.sort_type}"',
    ]
    if classes:
        attrs.append(f'class="{" ".join(classes)}"')
    if column.feature:
        attrs.append("data-feature")
    if column.definition:
        attrs.append(f'title="{esc(plain_text(column.definition))}"')
    return f"<th {' '.join(attrs)}>{esc(column.label)}</th>"


def definitions_html(columns: list[Column]) -> str:
    """Every feature's one-line definition, by group (the column tooltips, for touch screens)."""
    features = [c for c in columns if c.feature and c.definition]
    if not features:
        return ""
    parts = []
    for group, members in groupby(features, key=lambda c: c.group):
        items = "".join(
            f"<dt>{esc(c.label)}</dt><dd>{inline_html(c.definition)}</dd>" for c in members
        )
        parts.append(f"<h4>{esc(group)}</h4><dl>{items}</dl>")
    return (
        '<details class="atlas-definitions"><summary>What each feature column means</summary>'
        f"{''.join(parts)}</details>"
    )


def entity_list_html(entities: list[Entity], linker: Linker) -> str:
    """Names with links and one-line summaries."""
    if not entities:
        return '<p class="atlas-empty">None in the data yet.</p>'
    items = "".join(f"<li>{linker.entity(e.id)} — {inline_html(e.summary)}</li>" for e in entities)
    return f'<ul class="atlas-list">{items}</ul>'
