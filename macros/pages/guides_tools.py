"""Compact comparison tables and lists for the guides, one row per entity of a kind.

A column is either an entity field (``implementation_language``) or a feature cell
(``features.json_schema``); every cell is computed from the data and escaped here.
"""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.data.model import Deployment, Entity, Feature
from macros.pages.html_text import esc
from macros.pages.kinds import SUPPORT_RANK, feature_label, field_label, value_label
from macros.pages.values import Linker, field_value_text, plain_value, support_html

GUIDE_COLUMNS: dict[str, tuple[str, ...]] = {
    "validation": (
        "implementation_language",
        "features.validation",
        "features.json_schema",
        "features.json_encode",
        "features.msgpack",
        "features.dataclass_support",
        "latest_version",
    ),
    "package-manager": (
        "implementation_language",
        "features.lock_file",
        "features.python_install",
        "features.workspaces",
        "features.pep621",
        "features.conda_packages",
        "latest_version",
    ),
    "code-quality": ("roles", "implementation_language", "latest_version", "status"),
    "task-queue": (
        "brokers",
        "features.async_tasks",
        "features.scheduling",
        "features.result_backend",
        "features.monitoring_ui",
        "status",
    ),
}
"""The columns of each guide table (after the name)."""


def column_label(column: str) -> str:
    """Header text of a column."""
    if column.startswith("features."):
        return feature_label(column.removeprefix("features."))
    return field_label(column)


def cell_html(entity: Entity, column: str) -> str:
    """One ``<td>``: a feature cell with symbol and words, or a field as escaped text."""
    if column.startswith("features."):
        features = getattr(entity, "features", None)
        feature = getattr(features, column.removeprefix("features."), None)
        if not isinstance(feature, Feature):
            feature = None
        rank = SUPPORT_RANK[feature.value if feature else None]
        title = f' title="{esc(feature.note)}"' if feature and feature.note else ""
        return f'<td data-sort="{rank}"{title}>{support_html(feature)}</td>'
    if column == "status":
        return f"<td>{esc(value_label(entity.status))}</td>"
    if column == "roles":
        roles = getattr(entity, "roles", [])
        return f"<td>{esc(', '.join(plain_value(r, True) for r in roles))}</td>"
    return f"<td>{esc(field_value_text(entity, column))}</td>"


def kind_table_html(kind: str, dataset: Dataset, linker: Linker) -> str:
    """Every entity of ``kind`` with the guide columns of that kind."""
    columns = GUIDE_COLUMNS[kind]
    entities = dataset.of_kind(kind)
    if not entities:
        return '<p class="atlas-empty">None in the data yet.</p>'
    head = '<th scope="col">Name</th>' + "".join(
        f'<th scope="col">{esc(column_label(c))}</th>' for c in columns
    )
    rows = "".join(
        f'<tr data-id="{esc(e.id)}"><th scope="row">{linker.entity(e.id)}</th>'
        + "".join(cell_html(e, c) for c in columns)
        + "</tr>"
        for e in entities
    )
    caption = (
        f"{len(entities)} in the data. Cells read ✓ Yes, ◐ Partial, ⊕ Via plugin, ✗ No or "
        "\u2013 Not recorded; hover a cell for its note, open an entry for sources."
    )
    return (
        f'<table id="guide-{esc(kind)}" data-atlas-guide><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


DEPLOYMENT_GROUPS: tuple[tuple[str, str], ...] = (
    ("container", "Containers"),
    ("serverless", "Serverless functions and containers"),
    ("adapter", "Adapters"),
    ("paas", "Platforms (PaaS)"),
    ("edge", "Edge runtimes"),
    ("gpu", "GPU and model hosting"),
)


def deployment_list_html(dataset: Dataset, linker: Linker) -> str:
    """Deployment entities grouped by type, each with its summary and status."""
    deployments = [d for d in dataset.of_kind("deployment") if isinstance(d, Deployment)]
    parts = []
    for kind, label in DEPLOYMENT_GROUPS:
        members = [d for d in deployments if d.deployment_type == kind]
        if not members:
            continue
        items = "".join(
            f'<li data-id="{esc(d.id)}">{linker.entity(d.id)} — {esc(d.summary)}</li>'
            for d in members
        )
        parts.append(
            f'<section class="atlas-deploy-group" data-type="{esc(kind)}">'
            f"<h3>{esc(label)}</h3><ul>{items}</ul></section>"
        )
    if not parts:
        return '<p class="atlas-empty">No deployment targets in the data yet.</p>'
    return "".join(parts)
