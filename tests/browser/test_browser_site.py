"""The site in a real browser: search, sorting, filters and the compare tool."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from macros.data.loader import Dataset, load_dataset
from tests.site.sitebuild import project_data_dir

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site")]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(project_data_dir())


def search(page: Any, base_url: str, query: str) -> list[str]:
    """Type into the site search and return the result links (absolute URLs)."""
    page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    # The theme shows "Type to start searching" once its search worker has loaded the index
    # (before that the meta is empty or says "Initializing search").
    page.wait_for_function(
        "() => (document.querySelector('.md-search-result__meta') || {textContent: ''})"
        ".textContent.includes('Type to start')",
        timeout=60000,
    )
    box.press_sequentially(query, delay=20)  # the theme searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30000)
    # The worker answers every keystroke; on a busy machine the first results shown can be those
    # of a prefix ("st"), so read until two readings half a second apart agree.
    hrefs: list[str] = results.evaluate_all("links => links.map(a => a.href)")
    for _ in range(30):
        page.wait_for_timeout(500)
        again: list[str] = results.evaluate_all("links => links.map(a => a.href)")
        if again == hrefs:
            break
        hrefs = again
    return hrefs


@pytest.mark.parametrize(("query", "entity_id"), [("granian", "granian"), ("starlite", "litestar")])
def test_search_finds_the_entity_page(
    page: Any, base_url: str, dataset: Dataset, query: str, entity_id: str
) -> None:
    if entity_id not in dataset.entities:
        pytest.skip(f"{entity_id} is not in the data yet")
    entity = dataset.entities[entity_id]
    expected = f"{base_url}{type(entity).directory}/{entity_id}/"
    hrefs = search(page, base_url, query)
    assert urlsplit(hrefs[0])._replace(query="", fragment="").geturl() == expected
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(expected + "*")
    assert page.locator("article h1").inner_text() == entity.name


def visible_ids(page: Any, table: str) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        f"{table} tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)"
    )
    return ids


def test_sorting_reorders_rows(page: Any, base_url: str, dataset: Dataset) -> None:
    frameworks = dataset.of_kind("framework")
    if len(frameworks) < 2:
        pytest.skip("needs two frameworks")
    page.goto(base_url + "frameworks/")
    table = "#matrix-framework"
    before = visible_ids(page, table)
    assert before == [f.id for f in frameworks]
    name_header = page.locator(f"{table} thead tr:last-child th").first
    name_header.locator("button").click()  # already A-Z: first click keeps ascending
    assert name_header.get_attribute("aria-sort") == "ascending"
    name_header.locator("button").click()
    assert name_header.get_attribute("aria-sort") == "descending"
    assert visible_ids(page, table) == list(reversed(before))
    openapi = page.locator(f"{table} thead tr:last-child th", has_text="OpenAPI").first
    openapi.locator("button").click()
    assert openapi.get_attribute("aria-sort") == "descending"
    index = page.eval_on_selector_all(
        f"{table} thead tr:last-child th",
        "ths => ths.findIndex(th => th.textContent.includes('OpenAPI'))",
    )
    ranks = page.eval_on_selector_all(
        f"{table} tbody tr", f"rows => rows.map(r => Number(r.cells[{index}].dataset.sort))"
    )
    assert ranks == sorted(ranks, reverse=True)


def test_filter_hides_the_right_rows(page: Any, base_url: str, dataset: Dataset) -> None:
    frameworks = dataset.of_kind("framework")
    if not frameworks:
        pytest.skip("no frameworks")
    page.goto(base_url + "frameworks/")
    form = page.locator("form.atlas-filters[data-matrix='matrix-framework']")
    assert form.is_visible()
    camp = frameworks[0].camp  # type: ignore[attr-defined]
    form.locator("select[data-facet='camp']").select_option(camp)
    expected = [f.id for f in frameworks if f.camp == camp]  # type: ignore[attr-defined]
    assert visible_ids(page, "#matrix-framework") == expected
    assert (
        form.locator(".atlas-filter-status")
        .inner_text()
        .startswith(f"Showing {len(expected)} of {len(frameworks)}.")
    )
    form.locator("select[data-facet='interfaces']").select_option("wsgi")
    both = [f.id for f in frameworks if f.camp == camp and "wsgi" in f.interfaces]  # type: ignore[attr-defined]
    assert visible_ids(page, "#matrix-framework") == both
    form.locator("select[data-facet='camp']").select_option("")
    form.locator("select[data-facet='interfaces']").select_option("")
    form.locator("details.atlas-filters__must summary").first.click()
    form.locator("input[data-need][value='openapi']").check()
    with_openapi = [
        f.id
        for f in frameworks
        if f.features.openapi is not None and f.features.openapi.value != "no"  # type: ignore[attr-defined]
    ]
    assert visible_ids(page, "#matrix-framework") == with_openapi


def test_compare_shows_entities_from_the_url(page: Any, base_url: str, dataset: Dataset) -> None:
    frameworks = [f.id for f in dataset.of_kind("framework")]
    wanted = [i for i in ("fastapi", "litestar") if i in frameworks] or frameworks[:2]
    if len(wanted) < 2:
        pytest.skip("needs two frameworks")
    page.goto(base_url + "compare/?ids=" + ",".join(wanted))
    table = page.locator("#atlas-compare table")
    table.wait_for()
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:3] == [dataset.entities[i].name for i in wanted]
    assert table.locator("tr.atlas-differs").count() > 0
    assert "(differs)" in table.locator("tr.atlas-differs").first.inner_text()
    third = next(f for f in frameworks if f not in wanted)
    page.locator(f"#atlas-compare input[value='{third}']").check()
    assert page.url.endswith("?ids=" + ",".join([*wanted, third]))
    assert table.locator("thead th").count() == 4


def test_compare_after_instant_navigation(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator("article a", has_text="Compare").first.click()
    page.wait_for_url(base_url + "compare/")
    # With no ids the tool asks what to compare first.
    page.locator(".atlas-compare__pick-kind button").first.click()
    page.locator("#atlas-compare fieldset input").first.wait_for()
    boxes = page.locator("#atlas-compare fieldset input")
    if boxes.count() < 2:
        pytest.skip("needs two entities of the first kind")
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert page.locator("#atlas-compare table thead th").count() == 3


def test_matrix_script_runs_after_instant_navigation(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator("article a", has_text="Servers").first.click()
    page.wait_for_url(base_url + "servers/")
    if page.locator("#matrix-server").count() == 0:
        pytest.skip("no servers in the data")
    page.locator("#matrix-server thead th button").first.wait_for()
    assert page.locator("form.atlas-filters").first.is_visible()
