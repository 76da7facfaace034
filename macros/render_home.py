"""The home page: entity counts per kind, data date and the map of frameworks by camp."""

from __future__ import annotations

from macros.api_export import data_updated
from macros.html_text import esc
from macros.render_values import Linker
from macros.site_kinds import CAMPS, KINDS


def counts_html(linker: Linker) -> str:
    """A table of how many entities each kind has, linking to each overview page."""
    dataset = linker.state.dataset
    rows = []
    for info in KINDS:
        count = len(dataset.of_kind(info.kind)) if dataset else 0
        href = esc(linker.page(f"{info.directory}/index.md"))
        rows.append(
            f'<tr><th scope="row"><a href="{href}">{esc(info.title)}</a></th><td>{count}</td></tr>'
        )
    total = len(dataset.entities) if dataset else 0
    updated = data_updated(dataset) if dataset else None
    when = f'<time datetime="{updated}">{updated}</time>' if updated else "never"
    return (
        '<table data-atlas="counts"><caption>Entries per section</caption>'
        '<thead><tr><th scope="col">Section</th><th scope="col">Entries</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">All</th><td>{total}</td></tr></tfoot></table>'
        f'<p class="atlas-updated">Data last updated: {when}.</p>'
    )


def camp_map_html(linker: Linker) -> str:
    """Every camp with its frameworks, as cards (camps without frameworks are left out)."""
    dataset = linker.state.dataset
    frameworks = dataset.of_kind("framework") if dataset else []
    cards = []
    for camp, (label, blurb) in CAMPS.items():
        members = [f for f in frameworks if getattr(f, "camp", None) == camp]
        if not members:
            continue
        links = ", ".join(linker.entity(f.id) for f in members)
        cards.append(
            f'<section class="atlas-camp" aria-label="{esc(label)}">'
            f"<p><strong>{esc(label)}</strong> ({len(members)})</p>"
            f"<p>{esc(blurb)}</p><p>{links}</p></section>"
        )
    if not cards:
        return '<p class="atlas-empty">No frameworks in the data yet.</p>'
    return f'<div class="atlas-map">{"".join(cards)}</div>'


def tools_map_html(linker: Linker) -> str:
    """Every other kind with links to its entities."""
    dataset = linker.state.dataset
    items = []
    for info in KINDS:
        if info.kind == "framework":
            continue
        entities = dataset.of_kind(info.kind) if dataset else []
        href = esc(linker.page(f"{info.directory}/index.md"))
        names = ", ".join(linker.entity(e.id) for e in entities) or "none yet"
        items.append(f'<li><a href="{href}">{esc(info.title)}</a>: {names}</li>')
    return f'<ul class="atlas-tools">{"".join(items)}</ul>'
