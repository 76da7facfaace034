"""Entity pages, overview pages and the home page of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.loader import Dataset
from macros.data.model import Entity
from macros.pages.api_export import data_updated
from macros.pages.kinds import KINDS
from tests.site.html_tree import Node, parse

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]


def page(site: Path, path: str) -> Node:
    """The parsed page at a site path such as ``frameworks/fastapi/``."""
    return parse((site / path / "index.html").read_text(encoding="utf-8"))


def content(site: Path, path: str) -> Node:
    """The article (main content) of a page."""
    return page(site, path).find("article")


def entity_page_dirs(site: Path, directory: str) -> set[str]:
    """Folders under a kind's folder that hold a page (the overview page itself excluded)."""
    folder = site / directory
    return {p.parent.name for p in folder.glob("*/index.html")} if folder.is_dir() else set()


def test_every_entity_has_exactly_one_page(site_dir: Path, dataset: Dataset) -> None:
    for info in KINDS:
        expected = {e.id for e in dataset.of_kind(info.kind)}
        assert entity_page_dirs(site_dir, info.directory) == expected, info.kind
    html_files = list(site_dir.rglob("index.html"))
    ids = [
        p.parent.name for p in html_files if p.parent.parent.name in {k.directory for k in KINDS}
    ]
    assert sorted(ids) == sorted(dataset.entities)


def test_entity_page_shows_the_data(site_dir: Path, dataset: Dataset) -> None:
    for entity in dataset.entities.values():
        article = content(site_dir, f"{type(entity).directory}/{entity.id}")
        headings = article.find_all("h1")
        assert [h.text() for h in headings] == [entity.name]
        assert " ".join(entity.summary.split()) in article.text()
        assert f"Last verified: {entity.as_of.isoformat()}" in article.text()
        assert f"data/{type(entity).directory}/{entity.id}.yaml" in article.text()
        assert_sources(article, entity)
        if entity.aliases:
            assert "Also known as: " + ", ".join(entity.aliases) in article.text()
        if entity.install:
            assert "uv add " + " ".join(entity.install) in article.text()


def assert_sources(article: Node, entity: Entity) -> None:
    sources = article.find("ul", class_="atlas-sources").find_all("a")
    assert [(a.attrs["href"], a.text()) for a in sources] == [
        (s.url, s.title) for s in entity.sources
    ]
    assert all(a.attrs.get("rel") == "noopener" for a in sources)


def test_alternatives_link_to_their_pages(site_dir: Path, dataset: Dataset) -> None:
    for entity in dataset.entities.values():
        if not entity.alternatives:
            continue
        article = content(site_dir, f"{type(entity).directory}/{entity.id}")
        links = article.find("ul", class_="atlas-alternatives").find_all("a")
        assert [a.text() for a in links] == [dataset.entities[r].name for r in entity.alternatives]
        for link, ref in zip(links, entity.alternatives, strict=True):
            target = site_dir / type(entity).directory / entity.id / link.attrs["href"]
            assert (target / "index.html").resolve().parent.name == ref


def test_example_code_is_shown_escaped(site_dir: Path, dataset: Dataset) -> None:
    shown = 0
    for framework_id in dataset.examples:
        files = sorted((dataset.root.parent / "examples" / framework_id).glob("*.py"))
        entity = dataset.entities.get(framework_id)
        if not files or entity is None:
            continue
        article = content(site_dir, f"{type(entity).directory}/{entity.id}")
        code = " ".join(div.text() for div in article.find_all("div", class_="highlight"))
        first_line = next(line for line in files[0].read_text().splitlines() if line.strip())
        assert " ".join(first_line.split()) in code
        shown += 1
    if dataset.examples:
        assert shown, "no example code on any page"


def test_every_page_has_a_meta_description(site_dir: Path) -> None:
    for path in site_dir.rglob("*.html"):
        if path.name == "404.html":
            continue
        metas = parse(path.read_text(encoding="utf-8")).find_all("meta", name="description")
        assert len(metas) == 1 and (metas[0].attrs.get("content") or "").strip(), path


def test_home_counts_entities_and_data_date(site_dir: Path, dataset: Dataset) -> None:
    article = content(site_dir, ".")
    kinds = article.find("ul", class_="atlas-kinds")
    counts = {
        li.find("a").text(): int(li.find("span").attrs["data-count"] or -1)
        for li in kinds.find_all("li")
    }
    assert counts == {info.title: len(dataset.of_kind(info.kind)) for info in KINDS}
    updated = data_updated(dataset)
    assert f"Data last updated: {updated or 'never'}." in article.text()
    assert f"{len(dataset.entities)} entries in all." in article.text()
    for info in KINDS:
        hrefs = [a.attrs.get("href") for a in article.find_all("a")]
        assert f"{info.directory}/" in hrefs


def test_frameworks_page_groups_by_camp(site_dir: Path, dataset: Dataset) -> None:
    article = content(site_dir, "frameworks")
    listed = {
        a.text() for ul in article.find_all("ul", class_="atlas-list") for a in ul.find_all("a")
    }
    assert listed == {f.name for f in dataset.of_kind("framework")}


def test_edit_link_points_to_contribute_page(site_dir: Path, dataset: Dataset) -> None:
    entity = next(iter(sorted(dataset.entities.values(), key=lambda e: e.id)))
    article = content(site_dir, f"{type(entity).directory}/{entity.id}")
    edit = article.find("p", class_="atlas-edit")
    assert edit.find("a").attrs["href"] == "../../contributing/"
    assert (site_dir / "contributing" / "index.html").is_file()
