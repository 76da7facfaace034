"""The home page: entity counts per kind, data date and the map of frameworks by camp."""

from __future__ import annotations

from macros.pages.api_export import data_updated
from macros.pages.html_text import esc
from macros.pages.kinds import CAMPS, KINDS
from macros.pages.values import Linker


def counts_html(linker: Linker) -> str:
    """How many entities each kind has (linking to each overview page) and the data date."""
    dataset = linker.state.dataset
    items = []
    for info in KINDS:
        count = len(dataset.of_kind(info.kind)) if dataset else 0
        href = esc(linker.page(f"{info.directory}/index.md"))
        items.append(
            f'<li><a href="{href}">{esc(info.title)}</a> '
            f'<span class="atlas-count" data-count="{count}">{count} '
            f"{'entry' if count == 1 else 'entries'}</span></li>"
        )
    total = len(dataset.entities) if dataset else 0
    updated = data_updated(dataset) if dataset else None
    when = f'<time datetime="{updated}">{updated}</time>' if updated else "never"
    return (
        f'<p class="atlas-updated">{total} entries in all. Data last updated: {when}.</p>'
        f'<ul class="atlas-kinds">{"".join(items)}</ul>'
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
