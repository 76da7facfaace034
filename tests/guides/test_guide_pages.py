"""The built guide pages: present, code only from the include macros, glossary links sound, and
the generated tables change when the data does (a full build from a changed copy)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.mkdocs.guide_macros import CODE_MARK
from tests.site.html_tree import Node, parse, row_cells, table_rows
from tests.site.sitebuild import build_or_fail, cached_build, copy_project_data

pytestmark = [pytest.mark.xdist_group("site"), pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "guides"
PAGES = sorted(p.stem for p in DOCS.glob("*.md"))
FENCE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the project's data (shared with the site tests when run together)."""
    return cached_build(tmp_path_factory.getbasetemp(), "main")


def article(site: Path, page: str) -> Node:
    path = site / "guides" / ("" if page == "index" else page) / "index.html"
    return parse(path.read_text(encoding="utf-8")).find("article")


def test_guide_sources_have_no_fenced_code() -> None:
    assert PAGES
    for page in PAGES:
        text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
        assert not FENCE.search(text), f"docs/guides/{page}.md: include code with example_code()"


def test_every_code_block_comes_from_the_include_macro(site: Path) -> None:
    total = 0
    for page in PAGES:
        body = article(site, page)
        blocks = [n for n in body.iter() if n.tag == "pre"]
        included = [
            n
            for div in body.find_all("div", class_=CODE_MARK)
            for n in div.iter()
            if n.tag == "pre"
        ]
        assert len(blocks) == len(included), page
        total += len(included)
    assert total > 10


def test_each_guide_has_its_generated_content(site: Path) -> None:
    expected = {
        "runtimes": ["guide-runtimes", "guide-free-threading"],
        "interfaces": ["guide-interfaces", "guide-servers"],
        "validation-tooling": ["guide-validation", "guide-package-manager", "guide-code-quality"],
        "adoption": ["guide-adoption"],
    }
    for page, tables in expected.items():
        ids = [t.attrs.get("id") for t in article(site, page).find_all("table")]
        assert ids == tables, page
    assert article(site, "deployment").find_all("section", class_="atlas-deploy-group")
    assert article(site, "glossary").find_all("dt")


def test_glossary_links_point_at_entries_once_per_page(site: Path) -> None:
    glossary_ids = {dt.attrs["id"] for dt in article(site, "glossary").find_all("dt")}
    linked_pages = 0
    for page in PAGES:
        links = article(site, page).find_all("a", class_="atlas-term")
        if page == "glossary":
            assert not links
            continue
        targets = [str(a.attrs["href"]).split("#")[1] for a in links]
        assert len(targets) == len(set(targets)), f"{page}: a term linked twice"
        assert set(targets) <= glossary_ids, page
        prefix = "glossary/" if page == "index" else "../glossary/"
        assert all(str(a.attrs["href"]).startswith(prefix + "#") for a in links), page
        linked_pages += bool(links)
        for skipped in ("table", "pre", "code", "h1", "h2", "h3"):
            for node in article(site, page).find_all(skipped):
                assert not node.find_all("a", class_="atlas-term"), f"{page}: term in <{skipped}>"
    assert linked_pages >= 4


def _cells(site: Path, page: str, table_id: str, row_id: str) -> list[str]:
    table = article(site, page).find("table", id=table_id)
    row = next(r for r in table_rows(table) if r.attrs.get("data-id") == row_id)
    return [c.text() for c in row_cells(row)]


def test_a_data_change_changes_the_built_pages(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert _cells(site, "runtimes", "guide-free-threading", "fastapi")[2] == "✓ Yes"
    flask_before = _cells(site, "interfaces", "guide-interfaces", "flask")
    data = copy_project_data(tmp_path_factory.mktemp("guides-changed"))
    fastapi = data / "frameworks" / "fastapi.yaml"
    text = fastapi.read_text(encoding="utf-8")
    old = '  free_threading:\n    value: "yes"'
    assert text.count(old) == 1
    fastapi.write_text(text.replace(old, '  free_threading:\n    value: "no"'), encoding="utf-8")
    uvicorn = data / "servers" / "uvicorn.yaml"
    text = uvicorn.read_text(encoding="utf-8")
    assert text.count("protocols: [asgi]\n") == 1
    uvicorn.write_text(text.replace("protocols: [asgi]\n", "protocols: [asgi, wsgi]\n"), "utf-8")
    changed = build_or_fail(tmp_path_factory.mktemp("guides-changed-site") / "out", data)
    assert _cells(changed, "runtimes", "guide-free-threading", "fastapi")[2] == "✗ No"
    flask_after = _cells(changed, "interfaces", "guide-interfaces", "flask")
    diff = [(a, b) for a, b in zip(flask_before, flask_after, strict=True) if a != b]
    assert diff == [("\u2013", "WSGI")]
