"""The page of one entity: its sections as HTML fragments between fixed Markdown headings.

Headings are site text (so the table of contents works); everything from data is in the
fragments, which are escaped here and put into the page after Markdown ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from macros.data.model import Entity, Feature
from macros.pages.examples import example_section
from macros.pages.html_text import (
    esc,
    external_link,
    inline_html,
    markdown_to_html,
    script_json,
)
from macros.pages.kinds import KIND_BY_NAME, feature_label, field_label, value_label
from macros.pages.package_facts import package_facts_html
from macros.pages.proof import cell_proof, proof_link, proofs_page
from macros.pages.values import (
    Linker,
    extra_field_names,
    field_value_html,
    support_html,
)
from macros.pages.via_cells import via_html


def entity_sections(
    entity: Entity, linker: Linker, before_sources: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """The sections of an entity page after its header: (heading, HTML), empty ones left out.

    ``before_sources`` are sections a later stage renders (the entity's own benchmark rows),
    placed just before the sources.
    """
    sections: list[tuple[str, Callable[[Entity, Linker], str]]] = [
        ("Key facts", facts_html),
        ("Features", features_html),
        ("Strengths and weaknesses", assessment_html),
        ("Alternatives", alternatives_html),
        ("Example app", example_section),
        ("Sources", sources_html),
    ]
    found = [(heading, render(entity, linker)) for heading, render in sections]
    found[-1:-1] = list(before_sources)
    return [(heading, fragment) for heading, fragment in found if fragment]


def header_html(entity: Entity) -> str:
    """Title, summary, aliases, description and the JSON-LD record of an entity."""
    kind = KIND_BY_NAME[entity.kind]
    parts = [
        f"<h1>{esc(entity.name)}</h1>",
        f'<p class="atlas-lede">{esc(entity.summary)}</p>',
        f'<p class="atlas-kind">{esc(kind.singular[:1].upper() + kind.singular[1:])}'
        + (f" · {esc(value_label(entity.status))}" if entity.status != "active" else "")
        + "</p>",
    ]
    if entity.aliases:
        names = ", ".join(esc(a) for a in entity.aliases)
        parts.append(f'<p class="atlas-aliases"><strong>Also known as:</strong> {names}</p>')
    parts.append(f'<div class="atlas-description">{markdown_to_html(entity.description)}</div>')
    parts.append(f'<script type="application/ld+json">{script_json(json_ld(entity))}</script>')
    return "\n".join(parts)


def json_ld(entity: Entity) -> dict[str, object]:
    """A schema.org record of the entity for search engines."""
    record: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "SoftwareApplication",
        "name": entity.name,
        "description": entity.summary,
        "applicationCategory": "DeveloperApplication",
    }
    optional = {
        "alternateName": entity.aliases or None,
        "license": entity.license,
        "softwareVersion": entity.latest_version,
        "url": entity.homepage or entity.repository,
        "codeRepository": entity.repository,
    }
    record.update({k: v for k, v in optional.items() if v})
    return record


def facts_html(entity: Entity, linker: Linker) -> str:
    """The key facts table: kind-specific fields first, then package, versions and links."""
    rows = [
        (field_label(n), field_value_html(entity, n, linker))
        for n in extra_field_names(type(entity))
    ]
    rows += common_fact_rows(entity)
    body = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>'
        for label, value in rows
        if value
    )
    facts = f'<table data-atlas="facts"><tbody>{body}</tbody></table>'
    return facts + package_facts_html(entity)


def common_fact_rows(entity: Entity) -> list[tuple[str, str]]:
    """Facts every kind has, as (label, HTML value)."""
    install = " ".join(esc(req) for req in entity.install)
    latest = esc(entity.latest_version or "")
    if latest and entity.released:
        latest += f" (released {entity.released.isoformat()})"
    links = [
        external_link(url, label)
        for url, label in (
            (entity.homepage, "Homepage"),
            (entity.repository, "Repository"),
            (entity.docs, "Documentation"),
        )
        if url
    ]
    return [
        ("Package", f"<code>{esc(entity.package)}</code>" if entity.package else ""),
        ("Install", f"<code>uv add {install}</code>" if install else ""),
        ("License", esc(entity.license or "")),
        ("First release", esc(entity.first_release or "")),
        ("Latest version", latest),
        ("Requires Python", esc(entity.requires_python or "")),
        ("Status", esc(value_label(entity.status))),
        ("Authors", ", ".join(esc(a) for a in entity.authors)),
        ("Links", " · ".join(links)),
    ]


def features_html(entity: Entity, linker: Linker) -> str:
    """Every feature of the kind with its value, note, providers and source."""
    features = getattr(entity, "features", None)
    if features is None:
        return ""
    example = linker.state.dataset.examples.get(entity.id) if linker.state.dataset else None
    proofs = linker.page(proofs_page(entity))

    def badge(name: str) -> str:
        return proof_link(cell_proof(entity, name, example), proofs)

    rows = []
    for name in type(features).model_fields:
        feature: Feature | None = getattr(features, name)
        rows.append(
            f'<tr data-feature="{esc(name)}"><th scope="row">{esc(feature_label(name))}</th>'
            f"<td>{support_html(feature)}{badge(name)}</td>"
            f"<td>{feature_notes_html(feature, linker, name)}</td></tr>"
        )
    head = '<thead><tr><th scope="col">Feature</th><th scope="col">Support</th>'
    head += '<th scope="col">Notes</th></tr></thead>'
    caption = f"<caption>Features of {esc(entity.name)}</caption>"
    return f'<table data-atlas="features">{caption}{head}<tbody>{"".join(rows)}</tbody></table>'


def feature_notes_html(feature: Feature | None, linker: Linker, name: str = "") -> str:
    """Note, version, providing entities (with their own values), source and check date."""
    if feature is None:
        return ""
    parts = []
    if feature.note:
        parts.append(inline_html(feature.note))
    if feature.since:
        parts.append(f"since {esc(feature.since)}")
    if feature.via:
        parts.append(via_html(name, feature, linker))
    if feature.plugin:
        parts.append("plugin: " + ", ".join(f"<code>{esc(p)}</code>" for p in feature.plugin))
    if feature.source:
        parts.append(external_link(str(feature.source), "source"))
    if feature.checked:
        parts.append(f"checked {feature.checked.isoformat()}")
    # A middle dot, not "; ": notes are sentences that end with a full stop.
    return " · ".join(parts)


def assessment_html(entity: Entity, linker: Linker) -> str:
    """Strengths, weaknesses and best uses as short lists."""
    blocks = []
    for title, items in (
        ("Strengths", entity.strengths),
        ("Weaknesses", entity.weaknesses),
        ("Best for", entity.best_for),
    ):
        if items:
            lis = "".join(f"<li>{inline_html(item)}</li>" for item in items)
            blocks.append(f"<p><strong>{title}</strong></p><ul>{lis}</ul>")
    return "".join(blocks)


def alternatives_html(entity: Entity, linker: Linker) -> str:
    """Links to the alternatives, each with its summary."""
    if not entity.alternatives:
        return ""
    entities = linker.state.dataset.entities if linker.state.dataset else {}
    items = []
    for ref in entity.alternatives:
        other = entities.get(ref)
        summary = f" — {esc(other.summary)}" if other else ""
        items.append(f"<li>{linker.entity(ref)}{summary}</li>")
    return f'<ul class="atlas-alternatives">{"".join(items)}</ul>'


def sources_html(entity: Entity, linker: Linker) -> str:
    """Sources, the date the facts were checked and where to edit them."""
    items = "".join(f"<li>{external_link(s.url, s.title)}</li>" for s in entity.sources)
    checked = entity.as_of.isoformat()
    return (
        f'<ul class="atlas-sources">{items}</ul>'
        f'<p class="atlas-verified">Last verified: <time datetime="{checked}">{checked}</time></p>'
        f'<p class="atlas-edit">{edit_link_html(entity, linker)}</p>'
    )


def edit_link_html(entity: Entity, linker: Linker) -> str:
    """ "Edit this data": a link to the data file if the site has an edit URL, else its path."""
    state = linker.state
    path = data_file_path(entity)
    base = state.settings.edit_base_url
    if base:
        href = base.rstrip("/") + "/" + path
        return f"Edit this data: {external_link(href, path)}"
    contribute = esc(linker.page("contributing.md"))
    return (
        f"Edit this data: <code>{esc(path)}</code> "
        f'(see <a href="{contribute}">how to contribute</a>)'
    )


def data_file_path(entity: Entity) -> str:
    """Where the entity lives in the repository: ``data/<directory>/<id>.yaml``."""
    return f"data/{type(entity).directory}/{entity.id}.yaml"
