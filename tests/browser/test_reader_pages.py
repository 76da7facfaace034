"""The pages a reader uses, in a real browser at phone and laptop width, light and dark.

Every top-level page and one page per kind: the page never scrolls sideways and axe-core finds no
colour-contrast failure. Then the tools themselves: the matrix keeps its name column in view and
its filters combine and survive a reload, the compare tool resolves names, former names and case
and says what it cannot compare, and the wizard's Back keeps the question in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data.loader import Dataset, load_dataset
from macros.data.model import ENTITY_MODELS
from tests.site.sitebuild import ROOT, project_data_dir

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site")]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": (390, 844), "laptop": (1366, 768)}
SCHEMES = ("light", "dark")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(project_data_dir())


class _Tagged(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` tags only matter to MkDocs."""


_Tagged.add_constructor("!ENV", lambda loader, node: None)


def _nav_paths(entries: list[Any]) -> Iterator[str]:
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            yield from _nav_paths(value)
        elif isinstance(value, str) and value.endswith(".md"):
            path = value.removesuffix(".md").removesuffix("index")
            yield path if path == "" or path.endswith("/") else path + "/"


def reader_pages(dataset: Dataset) -> list[str]:
    """Every page in the navigation, then the first entity page of each kind."""
    config = yaml.load(Path(ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagged)
    pages = list(dict.fromkeys(_nav_paths(config["nav"])))
    for model in ENTITY_MODELS:
        kind = model.model_fields["kind"].default
        entities = dataset.of_kind(kind)
        if entities:
            pages.append(f"{model.directory}/{entities[0].id}/")
    return pages


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.skip(f"needs axe-core from npm ({AXE.relative_to(ROOT)}): run `npm install`")
    return AXE.read_text(encoding="utf-8")


OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

CONTRAST = """async () => {
  const result = await axe.run(document,
    {runOnly: ['color-contrast'], resultTypes: ['violations']});
  return result.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' +
    (n.any[0] ? n.any[0].message : v.help)));
}"""


@pytest.mark.slow
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_pages_fit_and_have_contrast(
    browser: Any, base_url: str, dataset: Dataset, axe_source: str, width: str, scheme: str
) -> None:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
    context.add_init_script(axe_source)  # every page of this context gets axe-core
    page = context.new_page()
    page.set_default_timeout(20000)
    problems: list[str] = []
    try:
        for path in reader_pages(dataset):
            page.goto(base_url + path, wait_until="load")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected, path
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                problems.append(f"/{path}: the page scrolls sideways by {overflow} px")
            problems += [f"/{path}: {v}" for v in page.evaluate(CONTRAST)]
    finally:
        context.close()
    assert problems == [], f"{width} {scheme}:\n" + "\n".join(problems)


def visible_ids(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "#matrix-framework tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)"
    )
    return ids


def test_matrix_name_column_stays_in_view(page: Any, base_url: str, dataset: Dataset) -> None:
    if not dataset.of_kind("framework"):
        pytest.skip("no frameworks")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "frameworks/")
    box = page.locator(".atlas-matrix-scroll").first
    box.scroll_into_view_if_needed()
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; b.scrollTop = 0; }")
    # The first row's name is still where the reader sees it, not scrolled away under the cells.
    shown = page.evaluate(
        """() => {
          const box = document.querySelector('.atlas-matrix-scroll').getBoundingClientRect();
          const cell = document.querySelector('#matrix-framework tbody th[scope=row]');
          const r = cell.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {inside: r.left >= box.left - 1 && r.right <= box.right + 1,
                  onTop: cell.contains(hit), scrolled: document.querySelector(
                    '.atlas-matrix-scroll').scrollLeft};
        }"""
    )
    assert shown["scrolled"] > 0 and shown["inside"] and shown["onTop"], shown
    # So does the header row after scrolling down inside the matrix.
    box.evaluate("b => { b.scrollTop = 300; }")
    header = page.evaluate(
        """() => {
          const box = document.querySelector('.atlas-matrix-scroll').getBoundingClientRect();
          const th = document.querySelector('#matrix-framework thead tr:last-child th');
          return th.getBoundingClientRect().top >= box.top - 1;
        }"""
    )
    assert header


def test_matrix_filters_combine_and_survive_a_reload(
    page: Any, base_url: str, dataset: Dataset
) -> None:
    frameworks = dataset.of_kind("framework")
    if not frameworks:
        pytest.skip("no frameworks")
    page.goto(base_url + "frameworks/")
    form = page.locator("form.atlas-filters[data-matrix='matrix-framework']")
    form.locator("select[data-facet='interfaces']").select_option("asgi")
    form.locator("details.atlas-filters__must summary").first.click()
    for feature in ("websockets", "openapi"):
        form.locator(f"input[data-need][value='{feature}']").check()

    def has(entity: Any, name: str) -> bool:
        cell = getattr(entity.features, name)
        return cell is not None and cell.value != "no"

    expected = [
        f.id
        for f in frameworks
        if "asgi" in f.interfaces and has(f, "websockets") and has(f, "openapi")  # type: ignore[attr-defined]
    ]
    assert visible_ids(page) == expected
    assert (
        form.locator(".atlas-filter-status")
        .inner_text()
        .startswith(f"Showing {len(expected)} of {len(frameworks)}.")
    )
    # Sort by version (numerically) and hide a column group: all of it is in the address.
    page.locator("#matrix-framework thead th[data-key='latest_version'] button").click()
    form.locator("details.atlas-filters__cols summary").click()
    form.locator("input[data-group-toggle]").nth(1).uncheck()
    assert "has=openapi,websockets" in page.url and "interfaces=asgi" in page.url
    page.reload()

    def version(entity_id: str) -> list[int]:
        text = str(dataset.entities[entity_id].latest_version)  # type: ignore[attr-defined]
        return [int(p) for p in text.split(".") if p.isdigit()]

    assert visible_ids(page) == sorted(expected, key=version)
    assert form.locator("select[data-facet='interfaces']").input_value() == "asgi"
    assert form.locator("input[data-need][value='openapi']").is_checked()
    assert not form.locator("input[data-group-toggle]").nth(1).is_checked()
    hidden = page.eval_on_selector_all(
        "#matrix-framework thead tr:last-child th.atlas-col-off", "ths => ths.length"
    )
    assert hidden > 0

    # "Built in only" keeps the frameworks that have both themselves (yes or partial).
    def own(entity_id: str, name: str) -> bool:
        cell = getattr(dataset.entities[entity_id].features, name)  # type: ignore[attr-defined]
        return cell is not None and cell.value in ("yes", "partial")

    form.locator("details.atlas-filters__must summary").first.click()
    form.locator("input[data-need-builtin]").check()
    strict = [i for i in expected if own(i, "websockets") and own(i, "openapi")]
    assert sorted(visible_ids(page)) == sorted(strict)
    assert "builtin=1" in page.url


def compare_headers(page: Any) -> list[str]:
    table = page.locator("#atlas-compare table")
    table.wait_for()
    return [t.strip() for t in table.locator("thead th").all_inner_texts()[1:]]


def test_compare_resolves_names_and_says_what_it_cannot_compare(
    page: Any, base_url: str, dataset: Dataset
) -> None:
    for needed in ("litestar", "fastapi", "granian"):
        if needed not in dataset.entities:
            pytest.skip(f"{needed} is not in the data")
    page.goto(base_url + "compare/?ids=starlite,FastAPI")
    assert compare_headers(page) == ["Litestar", "FastAPI"]
    messages = page.locator(".atlas-compare__messages")
    assert "“starlite” is Litestar" in messages.inner_text()
    assert "ids=litestar,fastapi" in page.url
    # Features come first, with the model's labels.
    groups = page.locator("#atlas-compare .atlas-compare__group th").all_inner_texts()
    assert groups[0] == "API"

    page.goto(base_url + "compare/?ids=fastapi,no-such-thing,granian,litestar")
    assert compare_headers(page) == ["FastAPI", "Litestar"]
    text = page.locator(".atlas-compare__messages").inner_text()
    assert "There is no entry called “no-such-thing”" in text
    assert "Granian is one of the servers, not the frameworks" in text

    page.goto(base_url + "compare/")
    page.locator(".atlas-compare__pick-kind button", has_text="Servers").click()
    assert page.locator("#atlas-compare fieldset input[type=checkbox]").count() == len(
        dataset.of_kind("server")
    )


def test_wizard_back_keeps_the_question_in_view(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    # Answers by position: an API, the largest ecosystem, a container, no background jobs.
    page.goto(base_url + "decide/?path=0-0-0-0&need=websockets")
    page.locator(".atlas-wizard-result").wait_for()
    page.mouse.wheel(0, 4000)  # the reader has scrolled down the long result
    page.get_by_role("button", name="Back", exact=True).first.click()
    legend = page.locator("#atlas-wizard legend").first
    assert legend.inner_text() == "Which features must the framework have?"
    box = legend.bounding_box()
    assert box is not None and 0 <= box["y"] <= 844 - box["height"], box
    assert legend.evaluate("l => document.activeElement === l")
    page.get_by_role("button", name="Back", exact=True).first.click()
    legend = page.locator("#atlas-wizard legend").first
    box = legend.bounding_box()
    assert box is not None and 0 <= box["y"] <= 844 - box["height"], box
