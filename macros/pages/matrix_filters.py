"""The filter form above a feature matrix: facet selects, "must have" features, column groups."""

from __future__ import annotations

from itertools import groupby

from macros.data.model import Entity
from macros.pages.html_text import esc
from macros.pages.kinds import CAMPS, KindInfo, field_label, value_label
from macros.pages.matrix_columns import Column, facet_fields, tokens


def filters_html(
    info: KindInfo, entities: list[Entity], columns: list[Column], table_id: str
) -> str:
    """Filter controls, hidden until the script enables them (they need it to work)."""
    selects = []
    for name in facet_fields(info):
        values = sorted({t for e in entities for t in tokens(e, name)}, key=_facet_order)
        options = [(v, value_label(v)) for v in values]
        selects.append(_select(name.replace("_", "-"), field_label(name), options))
    features = [c for c in columns if c.feature]
    if not selects and not features:
        return ""
    extras = (
        '<label><input type="checkbox" data-only-diff> Only features that differ</label>'
        '<button type="button" data-reset>Reset</button>'
        if features
        else ""
    )
    parts = [f'<div class="atlas-filters__row">{"".join(selects)}{extras}</div>']
    if features:
        parts.append(_needs_html(features))
        parts.append(_groups_html(columns))
    parts.append('<p class="atlas-filter-status" role="status" aria-live="polite"></p>')
    return f'<form class="atlas-filters" data-matrix="{table_id}" hidden>{"".join(parts)}</form>'


def _needs_html(features: list[Column]) -> str:
    groups = []
    for group, members in groupby(features, key=lambda c: c.group):
        boxes = "".join(
            f'<label><input type="checkbox" data-need value="{esc(c.key)}"> {esc(c.label)}</label>'
            for c in members
        )
        groups.append(f"<fieldset><legend>{esc(group)}</legend>{boxes}</fieldset>")
    return (
        '<details class="atlas-filters__must"><summary>Must have: '
        "<span data-need-count>none</span></summary>"
        '<p><label><input type="checkbox" data-need-builtin> Built in only (not via a plugin)'
        "</label></p>"
        f'<div class="atlas-filters__need">{"".join(groups)}</div></details>'
    )


def _groups_html(columns: list[Column]) -> str:
    seen: dict[str, str] = {}
    for column in columns:
        seen.setdefault(column.group_key, column.group)
    boxes = "".join(
        f'<label><input type="checkbox" data-group-toggle value="{esc(key)}" checked> '
        f"{esc(label)}</label>"
        for key, label in seen.items()
    )
    return (
        '<details class="atlas-filters__must atlas-filters__cols"><summary>Column groups: '
        "<span data-cols-count>all</span></summary>"
        f'<fieldset class="atlas-filters__groups"><legend class="atlas-sr">Column groups</legend>'
        f"{boxes}</fieldset></details>"
    )


def _facet_order(value: str) -> tuple[int, str]:
    camps = list(CAMPS)
    return (camps.index(value) if value in camps else len(camps), value_label(value).lower())


def _select(facet: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = '<option value="">Any</option>' + "".join(
        f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
    )
    return f'<label>{esc(label)} <select data-facet="{esc(facet)}">{opts}</select></label>'
