"""Browser smoke test: key pages load with no console error and no request leaving the site
(both asserted by the ``page`` fixture), and keep what the Lighthouse fixes added."""

from __future__ import annotations

from typing import Any

import pytest

from tests.site.sitebuild import cached_build

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site")]

KEY_PAGES = ["", "frameworks/", "frameworks/fastapi/", "decide/", "compare/", "benchmarks/"]


@pytest.mark.parametrize("path", KEY_PAGES)
def test_key_page_loads_cleanly(page: Any, base_url: str, tmp_path_factory: Any, path: str) -> None:
    built_site = cached_build(tmp_path_factory.getbasetemp(), "main")
    if not (built_site / path / "index.html").is_file():
        pytest.skip(f"/{path} is not in the site")
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Search this site"


def test_instant_navigation_to_the_decision_page(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 1600, "height": 900})  # wide enough for the nav sidebar
    page.goto(base_url + "frameworks/")  # the home page hides the navigation sidebar
    page.locator("a.md-nav__link[href$='/decide/']:visible").first.click()
    page.wait_for_url(base_url + "decide/")
    page.locator(".atlas-wizard-question").wait_for()
    link = page.locator(".atlas-tree a[href*='#r-']").first
    target = "#" + str(link.get_attribute("href")).split("#", 1)[1]
    link.click()
    page.wait_for_url(f"**{target}")
    # A stack reached from the outline opens, so the reader lands on its picks.
    assert page.locator(f"{target} details").get_attribute("open") is not None


def test_links_in_text_are_underlined(page: Any, base_url: str) -> None:
    page.goto(base_url + "frameworks/fastapi/")
    link = page.locator("article td a[href^='http']").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
