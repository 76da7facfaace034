"""The macros the Markdown pages call. Each returns Markdown made of site text and placeholders.

Data text never appears in what a macro returns: rendered HTML is stashed
(:func:`macros.mkdocs.state.stash`) and put back by the hook after Markdown ran.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.bench.entity_rows import entity_bench_html
from macros.data.model import Entity
from macros.mkdocs import state as site_state
from macros.pages.api_doc import endpoints_html, fields_html
from macros.pages.entity import entity_sections, header_html
from macros.pages.home import camp_map_html, counts_html, tools_map_html
from macros.pages.html_text import esc
from macros.pages.kinds import CAMPS, KIND_BY_NAME, KINDS
from macros.pages.matrix import entity_list_html, matrix_html
from macros.pages.values import Linker


def register(env: Any) -> None:
    """Declare every macro on the mkdocs-macros environment."""

    def linker() -> Linker:
        page = getattr(env, "page", None)
        return Linker(site_state.current(), page.url if page is not None else "")

    def entity_page(entity_id: str) -> str:
        """The whole body of an entity page."""
        entity = site_state.dataset().entities[entity_id]
        return entity_markdown(entity, linker())

    def feature_matrix(kind: str) -> str:
        """The sortable, filterable matrix of one kind."""
        _check_kind(kind)
        return site_state.stash(matrix_html(kind, linker()))

    def entity_list(kind: str) -> str:
        """Every entity of a kind with its summary."""
        _check_kind(kind)
        return site_state.stash(entity_list_html(site_state.dataset().of_kind(kind), linker()))

    def camp_sections() -> str:
        """One section per framework camp, each listing its frameworks."""
        frameworks = site_state.dataset().of_kind("framework")
        parts = []
        for camp, (label, blurb) in CAMPS.items():
            members = [f for f in frameworks if getattr(f, "camp", None) == camp]
            parts.append(f"### {label}\n\n{blurb}\n")
            parts.append(site_state.stash(entity_list_html(members, linker())))
        return "\n".join(parts)

    def home_counts() -> str:
        """Entries per kind and the date of the newest data."""
        return site_state.stash(counts_html(linker()))

    def camp_map() -> str:
        """Frameworks grouped by camp."""
        return site_state.stash(camp_map_html(linker()))

    def tools_map() -> str:
        """Every other kind with its entities."""
        return site_state.stash(tools_map_html(linker()))

    def compare_tool() -> str:
        """The container the compare script fills, with the URL of the data it reads."""
        api = esc(linker().to("api/v1/all.json"))
        script = esc(linker().to("assets/atlas-compare.js"))
        html = (
            f'<div id="atlas-compare" class="atlas-compare" data-api="{api}" '
            f'data-script="{script}">'
            '<p class="atlas-compare__nojs">The compare tool needs JavaScript. The same facts are '
            "in the tables of each section and in the JSON files described under "
            "“Use this data”.</p></div>"
        )
        return site_state.stash(html)

    def api_endpoints() -> str:
        """The table of API files."""
        return site_state.stash(endpoints_html(linker()))

    def api_fields() -> str:
        """One section per kind listing the fields of its records."""
        return "\n".join(
            f"### {info.title}\n" + site_state.stash(fields_html(info.kind)) for info in KINDS
        )

    macros: tuple[Callable[..., str], ...] = (
        entity_page,
        feature_matrix,
        entity_list,
        camp_sections,
        home_counts,
        camp_map,
        tools_map,
        compare_tool,
        api_endpoints,
        api_fields,
    )
    for macro in macros:
        env.macro(macro)


def _check_kind(kind: str) -> None:
    if kind not in KIND_BY_NAME:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(KIND_BY_NAME)}")


def entity_markdown(entity: Entity, linker: Linker) -> str:
    """An entity page as Markdown: its fixed headings (for the table of contents), with the
    rendered HTML of each section stashed between them."""
    parts = [site_state.stash(header_html(entity))]
    extra = [("Benchmarks", entity_benchmarks_html(entity, linker))]
    parts += [
        f"## {heading}\n" + site_state.stash(fragment)
        for heading, fragment in entity_sections(entity, linker, extra)
    ]
    return "\n".join(parts)


def entity_benchmarks_html(entity: Entity, linker: Linker) -> str:
    """The entity's own benchmark rows (a framework's or a server's results), shown before its
    sources; ``""`` leaves the section out. The benchmark stage (``macros/bench/``) sits above
    ``pages/``, so the two join here in the MkDocs layer."""
    dataset = site_state.dataset()
    names = {e.id: e.name for e in dataset.entities.values()}
    runs_page = linker.page("benchmarks/index.md")
    return entity_bench_html(entity.id, entity.kind, dataset.benchmarks.values(), runs_page, names)
